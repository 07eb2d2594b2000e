import {
  Alert,
  Button,
  Checkboxes,
  ErrorSummary,
  Spinner,
  Table,
  Tag,
  TextInput,
} from '@carpeta/design-system';
import { type DevicePushState, isApiError, newIdempotencyKey } from '@carpeta/sdk';
import {
  ALERT_CHANNELS,
  ALERT_EVENT_KINDS,
  type AlertEventKind,
  type AlertPreference,
  type AlertSettings,
  alertChangeListSchema,
  alertPreferencesRequestSchema,
  alertSettingsSchema,
  CHANNEL_CONTACT,
  type ContactKind,
  type ContactPoint,
  contactRequestSchema,
  EMAIL_PATTERN,
  emptyAlertRequestSchema,
  normalisePhone,
  portalAlertListSchema,
  verifyRequestSchema,
} from '@carpeta/sdk/alerts';
import { useCarpeta, useFormatters, useResource, useTranslation } from '@carpeta/sdk/react';
import { type FormEvent, type MouseEvent, useEffect, useRef, useState } from 'react';

type Errors = Array<{ href: string; text: string }>;

/** One Idempotency-Key per intended write: kept across a retry of the same write, new after success. */
function useKey() {
  const key = useRef<string | null>(null);
  return {
    get: () => {
      key.current ??= newIdempotencyKey();
      return key.current;
    },
    done: () => {
      key.current = null;
    },
  };
}

function useLink() {
  const { navigate } = useCarpeta();
  return (href: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    navigate(href);
  };
}

/**
 * The alerts centre (/alerts): the alerts kept in the portal, the contact points with their
 * verification, which events alert on which channels, and the record of every change.
 */
export function App() {
  const { t } = useTranslation();
  const { api } = useCarpeta();
  const [settings, reload] = useResource('settings', (signal) =>
    api.get('/alerts/preferences', alertSettingsSchema, { signal }),
  );
  const [current, setCurrent] = useState<AlertSettings | null>(null);
  const [changesVersion, setChangesVersion] = useState(0);
  useEffect(() => {
    if (settings.state === 'ready') setCurrent(settings.data);
  }, [settings]);
  const updated = (next: AlertSettings) => {
    setCurrent(next);
    setChangesVersion((value) => value + 1);
  };

  return (
    <div className="cp-stack">
      <h1 className="cp-heading-xl">{t('title')}</h1>
      <p>{t('intro')}</p>
      <Inbox />
      {settings.state === 'loading' && <Spinner label={t('loading')} />}
      {settings.state === 'error' && (
        <Alert
          variant="error"
          title={t('loadError')}
          actions={
            <Button variant="secondary" onClick={reload}>
              {t('retry')}
            </Button>
          }
        />
      )}
      {current && (
        <>
          <Contacts settings={current} onChange={updated} />
          <Device />
          <Preferences settings={current} onChange={updated} />
          <History version={changesVersion} />
        </>
      )}
    </div>
  );
}

function Inbox() {
  const { t } = useTranslation();
  const { api } = useCarpeta();
  const format = useFormatters();
  const link = useLink();
  const [inbox, setInbox] = useState<ReturnType<typeof portalAlertListSchema.parse> | null>(null);
  const [loaded] = useResource('inbox', (signal) =>
    api.get('/alerts/inbox', portalAlertListSchema, { signal }),
  );
  useEffect(() => {
    if (loaded.state === 'ready') setInbox(loaded.data);
  }, [loaded]);
  const items = inbox?.items ?? [];
  return (
    <section aria-labelledby="alerts-inbox" className="cp-stack">
      <h2 id="alerts-inbox" className="cp-heading-l">
        {t('inbox.title')}
      </h2>
      {loaded.state === 'ready' && items.length === 0 && <p>{t('inbox.empty')}</p>}
      {items.length > 0 && (
        <ul className="cp-stack" data-testid="alerts-inbox">
          {items.map((item) => (
            <li key={item.id} data-alert={item.id}>
              <p>
                <strong>{t(`events.${item.event}`)}</strong>{' '}
                {item.readAt === null && <Tag>{t('inbox.unread')}</Tag>}
                <br />
                {t('inbox.received', { date: format.dateTime(item.createdAt) })}
              </p>
              <p>
                <a href={item.link} onClick={link(item.link)}>
                  {t('inbox.open')}
                </a>
                {item.readAt === null && (
                  <>
                    {' '}
                    <Button
                      variant="secondary"
                      onClick={() => {
                        void api
                          .post(
                            `/alerts/inbox/${encodeURIComponent(item.id)}/read`,
                            {},
                            {
                              bodySchema: emptyAlertRequestSchema,
                              schema: portalAlertListSchema,
                              idempotencyKey: newIdempotencyKey(),
                            },
                          )
                          .then(setInbox, () => undefined);
                      }}
                    >
                      {t('inbox.markRead', { event: t(`events.${item.event}`) })}
                    </Button>
                  </>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

type DeviceNotice = 'enabled' | 'disabled' | 'tested' | 'denied' | 'failed';

/**
 * Alerts on this device: the shell owns the service worker and offers `props.device.push`; this
 * turns it on (the browser asks for permission), off, or sends a test alert. Where the shell offers
 * nothing (a browser without push, the server), it says so.
 */
function Device() {
  const { t } = useTranslation();
  const push = useCarpeta().device?.push;
  const [state, setState] = useState<DevicePushState | 'loading'>(push ? 'loading' : 'unsupported');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<DeviceNotice | null>(null);

  useEffect(() => {
    if (!push) return;
    let live = true;
    push.state().then(
      (next) => live && setState(next),
      () => live && setState('unsupported'),
    );
    return () => {
      live = false;
    };
  }, [push]);

  async function run(action: 'enable' | 'disable' | 'test') {
    if (!push || busy) return;
    setBusy(true);
    setNotice(null);
    try {
      if (action === 'test') {
        await push.test();
        setNotice('tested');
      } else {
        const next = action === 'enable' ? await push.enable() : await push.disable();
        setState(next);
        setNotice(next === 'on' ? 'enabled' : next === 'denied' ? 'denied' : 'disabled');
      }
    } catch {
      setNotice('failed');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="alerts-device" className="cp-stack" data-testid="alerts-device">
      <h2 id="alerts-device" className="cp-heading-l">
        {t('device.title')}
      </h2>
      <p>{t('device.intro')}</p>
      {state === 'loading' ? (
        <Spinner label={t('loading')} />
      ) : (
        <p data-testid="device-state">{t(`device.state.${state}`)}</p>
      )}
      {notice && (
        <Alert
          variant={notice === 'failed' || notice === 'denied' ? 'error' : 'success'}
          title={t(`device.notice.${notice}`)}
          headingLevel={3}
          live
        />
      )}
      {state === 'off' && (
        <div>
          <Button onClick={() => void run('enable')} disabled={busy}>
            {t('device.enable')}
          </Button>
        </div>
      )}
      {state === 'on' && (
        <div className="cp-cluster">
          <Button onClick={() => void run('test')} disabled={busy}>
            {t('device.test')}
          </Button>
          <Button variant="secondary" onClick={() => void run('disable')} disabled={busy}>
            {t('device.disable')}
          </Button>
        </div>
      )}
    </section>
  );
}

function Contacts({
  settings,
  onChange,
}: {
  settings: AlertSettings;
  onChange: (next: AlertSettings) => void;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="alerts-contacts" className="cp-stack">
      <h2 id="alerts-contacts" className="cp-heading-l">
        {t('contacts.title')}
      </h2>
      <p>{t('contacts.intro')}</p>
      {(['email', 'phone'] as const).map((kind) => (
        <ContactForm
          key={kind}
          kind={kind}
          contact={settings.contacts.find((contact) => contact.kind === kind) ?? null}
          onChange={onChange}
        />
      ))}
    </section>
  );
}

function ContactForm({
  kind,
  contact,
  onChange,
}: {
  kind: ContactKind;
  contact: ContactPoint | null;
  onChange: (next: AlertSettings) => void;
}) {
  const { t, language } = useTranslation();
  const { api } = useCarpeta();
  const [value, setValue] = useState('');
  const [code, setCode] = useState('');
  const [editing, setEditing] = useState(contact === null);
  const [errors, setErrors] = useState<Errors>([]);
  const [attempt, setAttempt] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const key = useKey();
  const label = t(`contacts.${kind}`);
  const valueId = `contact-${kind}`;
  const codeId = `contact-${kind}-code`;
  const pending = contact !== null && !contact.verified && contact.pending !== null && !editing;

  const fail = (found: Errors) => {
    setErrors(found);
    setAttempt((n) => n + 1);
  };

  async function write(run: () => Promise<AlertSettings>, success: string | null) {
    setBusy(true);
    setFailure(null);
    setNotice(null);
    try {
      const next = await run();
      key.done();
      onChange(next);
      if (success) setNotice(success);
      return true;
    } catch (error) {
      if (isApiError(error) && error.status === 429) setFailure(t('contacts.tooSoon'));
      else if (isApiError(error) && error.status === 503) setFailure(t('contacts.notSent'));
      else if (isApiError(error) && (error.status === 400 || error.status === 409)) setFailure(error.message);
      else setFailure(t('sendError'));
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function sendCode(event: FormEvent) {
    event.preventDefault();
    const raw = value.trim();
    const valid = kind === 'email' ? EMAIL_PATTERN.test(raw) : normalisePhone(raw) !== null;
    if (!valid) return fail([{ href: `#${valueId}`, text: t(`contacts.${kind}Error`) }]);
    setErrors([]);
    const ok = await write(
      () =>
        api.post(
          '/alerts/contacts',
          { kind, value: raw, language },
          { bodySchema: contactRequestSchema, schema: alertSettingsSchema, idempotencyKey: key.get() },
        ),
      t('contacts.codeSent', { value: raw }),
    );
    if (ok) setEditing(false);
  }

  async function verify(event: FormEvent) {
    event.preventDefault();
    const typed = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(typed)) return fail([{ href: `#${codeId}`, text: t('contacts.codeError') }]);
    setErrors([]);
    const ok = await write(
      () =>
        api.post(
          `/alerts/contacts/${kind}/verify`,
          { code: typed },
          { bodySchema: verifyRequestSchema, schema: alertSettingsSchema, idempotencyKey: key.get() },
        ),
      null,
    );
    if (ok) setCode('');
  }

  const top = (
    <>
      {errors.length > 0 && <ErrorSummary key={attempt} title={t('errorSummary')} errors={errors} />}
      {failure && <Alert variant="error" title={failure} headingLevel={3} live />}
      {notice && <Alert variant="success" title={notice} headingLevel={3} live />}
    </>
  );
  const fieldError = (href: string) => errors.find((error) => error.href === href)?.text;

  if (contact?.verified && !editing) {
    return (
      <div className="cp-stack" data-contact={kind}>
        {top}
        <h3 className="cp-heading-m">{label}</h3>
        <p>
          {t('contacts.verifiedOn', { value: contact.value })}{' '}
          <Tag tone="success">{t('contacts.verified')}</Tag>
        </p>
        <p>
          <Button variant="secondary" onClick={() => setEditing(true)}>
            {t('contacts.change', { what: label.toLowerCase() })}
          </Button>{' '}
          <Button
            variant="warning"
            disabled={busy}
            onClick={() =>
              void write(
                () =>
                  api.delete(`/alerts/contacts/${kind}`, {
                    schema: alertSettingsSchema,
                    idempotencyKey: key.get(),
                  }),
                t('contacts.removed'),
              )
            }
          >
            {t('contacts.remove', { what: label.toLowerCase() })}
          </Button>
        </p>
      </div>
    );
  }

  if (pending && contact) {
    return (
      <form
        className="cp-stack"
        noValidate
        onSubmit={verify}
        data-contact={kind}
        aria-labelledby={`${valueId}-title`}
      >
        {top}
        <h3 id={`${valueId}-title`} className="cp-heading-m">
          {label}
        </h3>
        <TextInput
          id={codeId}
          name="code"
          label={t('contacts.code')}
          hint={t('contacts.codeHint', { value: contact.value })}
          error={fieldError(`#${codeId}`)}
          inputMode="numeric"
          autoComplete="one-time-code"
          width={10}
          value={code}
          onInput={(event) => setCode(event.currentTarget.value)}
        />
        <p>
          <Button type="submit" variant="primary" disabled={busy}>
            {t('contacts.verify')}
          </Button>{' '}
          <Button
            variant="secondary"
            disabled={busy}
            onClick={() =>
              void write(
                () =>
                  api.post(
                    `/alerts/contacts/${kind}/code`,
                    {},
                    {
                      bodySchema: emptyAlertRequestSchema,
                      schema: alertSettingsSchema,
                      idempotencyKey: newIdempotencyKey(),
                    },
                  ),
                t('contacts.codeSent', { value: contact.value }),
              )
            }
          >
            {t('contacts.resend')}
          </Button>{' '}
          <Button variant="secondary" onClick={() => setEditing(true)}>
            {t('contacts.change', { what: label.toLowerCase() })}
          </Button>
        </p>
      </form>
    );
  }

  return (
    <form
      className="cp-stack"
      noValidate
      onSubmit={sendCode}
      data-contact={kind}
      aria-labelledby={`${valueId}-title`}
    >
      {top}
      <h3 id={`${valueId}-title`} className="cp-heading-m">
        {label}
      </h3>
      <TextInput
        id={valueId}
        name={kind}
        label={label}
        hint={t(`contacts.${kind}Hint`)}
        error={fieldError(`#${valueId}`)}
        type={kind === 'email' ? 'email' : 'tel'}
        autoComplete={kind === 'email' ? 'email' : 'tel'}
        width={kind === 'email' ? 30 : 20}
        value={value}
        onInput={(event) => setValue(event.currentTarget.value)}
      />
      <p>
        <Button type="submit" variant="primary" disabled={busy}>
          {t('contacts.sendCode')}
        </Button>
      </p>
    </form>
  );
}

function Preferences({
  settings,
  onChange,
}: {
  settings: AlertSettings;
  onChange: (next: AlertSettings) => void;
}) {
  const { t, language } = useTranslation();
  const { api } = useCarpeta();
  const [chosen, setChosen] = useState<Record<AlertEventKind, string[]>>(() =>
    chosenOf(settings.preferences),
  );
  const [errors, setErrors] = useState<Errors>([]);
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState(false);
  const [busy, setBusy] = useState(false);
  const key = useKey();
  const verified = new Set(
    settings.contacts.filter((contact) => contact.verified).map((contact) => contact.kind),
  );

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    setFailure(false);
    const found: Errors = [];
    for (const [index, kind] of ALERT_EVENT_KINDS.entries()) {
      for (const channel of chosen[kind]) {
        const needs = CHANNEL_CONTACT[channel as keyof typeof CHANNEL_CONTACT];
        if (needs && !verified.has(needs)) {
          const position = ALERT_CHANNELS.indexOf(channel as (typeof ALERT_CHANNELS)[number]);
          found.push({
            href: `#pref-${index}-${position}`,
            text: t(needs === 'email' ? 'preferences.needsEmail' : 'preferences.needsPhone', {
              event: t(`events.${kind}`),
            }),
          });
        }
      }
    }
    setErrors(found);
    if (found.length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    const preferences: AlertPreference[] = ALERT_EVENT_KINDS.flatMap((kind) =>
      ALERT_CHANNELS.map((channel) => ({ event: kind, channel, enabled: chosen[kind].includes(channel) })),
    );
    setBusy(true);
    try {
      const next = await api.put(
        '/alerts/preferences',
        { preferences, language },
        { bodySchema: alertPreferencesRequestSchema, schema: alertSettingsSchema, idempotencyKey: key.get() },
      );
      key.done();
      onChange(next);
      setSaved(true);
    } catch {
      setFailure(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="alerts-preferences" className="cp-stack">
      <h2 id="alerts-preferences" className="cp-heading-l">
        {t('preferences.title')}
      </h2>
      <p>{t('preferences.hint')}</p>
      {!settings.deliverable.includes('push') && <p>{t('preferences.pushHint')}</p>}
      <form className="cp-stack" noValidate onSubmit={save} data-testid="alert-preferences">
        {errors.length > 0 && <ErrorSummary key={attempt} title={t('errorSummary')} errors={errors} />}
        {failure && <Alert variant="error" title={t('sendError')} headingLevel={3} live />}
        {saved && <Alert variant="success" title={t('preferences.saved')} headingLevel={3} live />}
        {ALERT_EVENT_KINDS.map((kind, index) => {
          const own = errors.filter((error) => error.href.startsWith(`#pref-${index}-`));
          return (
            <Checkboxes
              key={kind}
              id={`pref-${index}`}
              name={`pref-${kind}`}
              legend={t(`events.${kind}`)}
              small
              error={own.length > 0 ? own.map((error) => error.text).join('. ') : undefined}
              options={ALERT_CHANNELS.map((channel) => ({ value: channel, label: t(`channels.${channel}`) }))}
              value={chosen[kind]}
              onChange={(next) => setChosen((previous) => ({ ...previous, [kind]: next }))}
            />
          );
        })}
        <p>
          <Button type="submit" variant="primary" disabled={busy}>
            {busy ? t('preferences.saving') : t('preferences.save')}
          </Button>
        </p>
      </form>
    </section>
  );
}

function chosenOf(preferences: readonly AlertPreference[]): Record<AlertEventKind, string[]> {
  const out = Object.fromEntries(ALERT_EVENT_KINDS.map((kind) => [kind, [] as string[]])) as Record<
    AlertEventKind,
    string[]
  >;
  for (const preference of preferences)
    if (preference.enabled) out[preference.event].push(preference.channel);
  return out;
}

function History({ version }: { version: number }) {
  const { t } = useTranslation();
  const { api } = useCarpeta();
  const format = useFormatters();
  const [changes] = useResource(`changes-${version}`, (signal) =>
    api.get('/alerts/changes', alertChangeListSchema, { signal }),
  );
  return (
    // Not a landmark of its own: the table's scroll region is already named by the same caption.
    <div className="cp-stack">
      <h2 id="alerts-history" className="cp-heading-l">
        {t('history.title')}
      </h2>
      <p>{t('history.intro')}</p>
      {changes.state === 'ready' && changes.data.items.length === 0 && <p>{t('history.empty')}</p>}
      {changes.state === 'ready' && changes.data.items.length > 0 && (
        <Table
          caption={t('history.title')}
          rows={changes.data.items}
          rowKey={(item) => item.id}
          columns={[
            { key: 'when', header: t('history.when'), render: (item) => format.dateTime(item.at) },
            { key: 'what', header: t('history.what'), render: (item) => t(`history.actions.${item.action}`) },
            { key: 'detail', header: t('history.detail'), render: (item) => item.detail },
          ]}
        />
      )}
    </div>
  );
}
