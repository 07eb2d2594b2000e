import { Alert, Button, ButtonGroup, Link, SummaryList, TextInput } from '@carpeta/design-system';
import { isApiError, newIdempotencyKey } from '@carpeta/sdk';
import {
  type AssistantLanguage,
  type AssistantReply,
  assistantLanguageSchema,
  assistantReplySchema,
  feedbackRequestSchema,
  type IncidentState,
  messageRequestSchema,
  type Ticket,
  ticketRequestSchema,
  ticketSchema,
} from '@carpeta/sdk/assistant';
import { useCarpeta, useSession, useTranslation } from '@carpeta/sdk/react';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import {
  ANONYMOUS,
  clearDraft,
  draftOwner,
  type IncidentDraftRecord,
  loadDraft,
  saveDraft,
} from './incident-draft.ts';

type NewEntry =
  | { from: 'citizen'; text: string }
  | { from: 'ada'; reply: AssistantReply; feedback?: 'up' | 'down' }
  | { from: 'note'; text: string; reference?: string }
  | { from: 'restored' };
type Entry = NewEntry & { id: number };

/** What a restored draft shows: a note that the intake goes on, and Ada's last question. */
function restoredEntries(draft: IncidentDraftRecord, nextId: { current: number }): Entry[] {
  const shown: NewEntry[] = [{ from: 'restored' }];
  if (draft.question) shown.push({ from: 'ada', reply: draft.question });
  return shown.map((entry) => {
    nextId.current += 1;
    return { ...entry, id: nextId.current };
  });
}

/** A BCP 47 tag for `lang`: Valencian is Catalan as written in Valencia. */
function langTag(language: string): string {
  return language === 'va' ? 'ca-ES-valencia' : language;
}

/** The portal's language as one Ada speaks (all six once the portal offers them). */
function assistantLanguage(language: string): AssistantLanguage {
  const parsed = assistantLanguageSchema.safeParse(language);
  return parsed.success ? parsed.data : 'es';
}

/**
 * The conversation: the messages in a live region (`role="log"`, read politely as they arrive),
 * a form that keeps the focus where the citizen is, answers with links into the portal, services,
 * the human channels, a thumbs up/down, and the incident intake that ends with a ticket.
 */
export function Chat({
  headingLevel,
  onTicketFiled,
}: {
  headingLevel: 1 | 2;
  onTicketFiled?: (ticket: Ticket) => void;
}) {
  const { t, language } = useTranslation();
  const { api, navigate } = useCarpeta();
  const session = useSession();
  const owner = draftOwner(session);
  // A half-written incident of this citizen (kept in the tab) starts where it was left.
  const [restored] = useState(() => loadDraft(owner));
  const nextId = useRef(0);
  const [entries, setEntries] = useState<Entry[]>(() => (restored ? restoredEntries(restored, nextId) : []));
  const [text, setText] = useState('');
  const [pending, setPending] = useState(false);
  const [incident, setIncident] = useState<IncidentState | null>(restored?.incident ?? null);
  const [filing, setFiling] = useState(false);
  const ticketKey = useRef<string | null>(restored?.ticketKey ?? null);
  /** Ada's last question of the intake, kept with the draft. */
  const lastQuestion = useRef<AssistantReply | null>(restored?.question ?? null);
  /** Set at once on the first click (state would only be seen after a render): one request per click burst. */
  const filingNow = useRef(false);
  const input = useRef<HTMLInputElement>(null);
  const headingId = useId();
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const Sub = headingLevel === 1 ? 'h2' : 'h3';

  const add = (entry: NewEntry) => {
    nextId.current += 1;
    const id = nextId.current;
    setEntries((current) => [...current, { ...entry, id }]);
  };

  /** Keeps the intake as it is now (or forgets it when it ended) for a reload of this tab. */
  function keep(state: IncidentState | null) {
    if (state) {
      saveDraft({
        owner,
        incident: state,
        question: lastQuestion.current,
        ...(ticketKey.current ? { ticketKey: ticketKey.current } : {}),
      });
    } else clearDraft();
  }

  // The citizen changed under the page: signed out, expired, or someone else. A citizen's draft
  // leaves with them; a draft begun signed out (or kept for this citizen) is taken up.
  const shownOwner = useRef(owner);
  const incidentNow = useRef(incident);
  incidentNow.current = incident;
  useEffect(() => {
    const previous = shownOwner.current;
    if (previous === owner) return;
    shownOwner.current = owner;
    if (previous !== ANONYMOUS) {
      clearDraft();
      lastQuestion.current = null;
      ticketKey.current = null;
      setIncident(null);
      return;
    }
    if (incidentNow.current) return;
    const draft = loadDraft(owner);
    if (!draft) return;
    lastQuestion.current = draft.question;
    ticketKey.current = draft.ticketKey ?? null;
    setIncident(draft.incident);
    setEntries((shown) => [...shown, ...restoredEntries(draft, nextId)]);
  }, [owner]);

  async function ask(question: string, shown = question) {
    const trimmed = question.trim();
    if (trimmed === '' || pending) return;
    add({ from: 'citizen', text: shown.trim() });
    setPending(true);
    try {
      const reply = await api.post(
        '/assistant/messages',
        {
          text: trimmed.slice(0, 500),
          language: assistantLanguage(language),
          ...(incident ? { incident } : {}),
        },
        { bodySchema: messageRequestSchema, schema: assistantReplySchema },
      );
      setIncident(reply.incident);
      if (reply.incident?.step !== 'confirm') ticketKey.current = null;
      lastQuestion.current = reply.incident ? reply : null;
      keep(reply.incident);
      add({ from: 'ada', reply });
    } catch (error) {
      add({ from: 'note', text: isApiError(error) && error.status === 429 ? t('rateLimited') : t('error') });
    } finally {
      setPending(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const question = text;
    setText('');
    void ask(question);
  }

  async function feedback(entry: Entry & { from: 'ada' }, helpful: boolean) {
    setEntries((current) =>
      current.map((item) => (item.id === entry.id ? { ...item, feedback: helpful ? 'up' : 'down' } : item)),
    );
    await api
      .post(
        '/assistant/feedback',
        { intent: entry.reply.intent.slice(0, 60), language: entry.reply.language, helpful },
        { bodySchema: feedbackRequestSchema },
      )
      .catch(() => undefined);
  }

  async function fileTicket() {
    const draft = incident?.draft;
    if (!draft?.category || !draft.administration || !draft.tried || !draft.errorSeen || filingNow.current)
      return;
    filingNow.current = true;
    setFiling(true);
    // One key per incident: a retry after a lost answer (or a reload) files it once.
    ticketKey.current ??= newIdempotencyKey();
    keep(incident);
    try {
      const ticket = await api.post(
        '/assistant/tickets',
        {
          category: draft.category,
          administration: draft.administration,
          tried: draft.tried,
          errorSeen: draft.errorSeen,
          language: assistantLanguage(language),
        },
        { bodySchema: ticketRequestSchema, schema: ticketSchema, idempotencyKey: ticketKey.current },
      );
      ticketKey.current = null;
      lastQuestion.current = null;
      setIncident(null);
      clearDraft();
      add({
        from: 'note',
        text: t('incident.filed', { reference: ticket.reference }),
        reference: ticket.reference,
      });
      onTicketFiled?.(ticket);
      input.current?.focus();
    } catch {
      add({ from: 'note', text: t('incident.failed') });
    } finally {
      filingNow.current = false;
      setFiling(false);
    }
  }

  function cancelIncident() {
    setIncident(null);
    ticketKey.current = null;
    lastQuestion.current = null;
    clearDraft();
    add({ from: 'note', text: t('incident.cancelled') });
    input.current?.focus();
  }

  const signInHref = `/auth/login?${new URLSearchParams({
    returnTo: `${window.location.pathname}${window.location.search}`,
    lang: language,
  }).toString()}`;
  const last = entries.at(-1);

  return (
    <section className="cp-stack" aria-labelledby={headingId} data-assistant-chat="">
      <Heading id={headingId}>{t('title')}</Heading>
      <p>{t('intro')}</p>
      <div role="log" aria-label={t('logLabel')} className="cp-stack" data-testid="assistant-log">
        <p>
          <strong>{t('ada')}:</strong> {t('welcome')}
        </p>
        {entries.map((entry) =>
          entry.from === 'citizen' ? (
            <p key={entry.id} data-from="citizen">
              <strong>{t('you')}:</strong> {entry.text}
            </p>
          ) : entry.from === 'restored' ? (
            <p key={entry.id} data-from="note">
              <strong>{t('ada')}:</strong> {t('incident.restored')}
            </p>
          ) : entry.from === 'note' ? (
            <p key={entry.id} data-from="note" data-reference={entry.reference}>
              <strong>{t('ada')}:</strong> {entry.text}
            </p>
          ) : (
            <div
              key={entry.id}
              className="cp-stack"
              data-from="ada"
              data-intent={entry.reply.intent}
              lang={langTag(entry.reply.language)}
            >
              {entry.reply.text.map((paragraph, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one answer never move
                <p key={index}>
                  {index === 0 && <strong lang={langTag(language)}>{t('ada')}: </strong>}
                  {paragraph}
                </p>
              ))}
              {entry.reply.services.length > 0 && (
                <ul aria-label={t('services')}>
                  {entry.reply.services.map((service) => (
                    <li key={service.id}>
                      <Link href={service.url}>{service.name}</Link>{' '}
                      <span className="cp-body-s">({service.administration.name})</span>
                    </li>
                  ))}
                </ul>
              )}
              {(entry.reply.links.length > 0 ||
                entry.reply.human ||
                (entry.reply.signIn && !session.authenticated)) && (
                <ul lang={langTag(language)}>
                  {entry.reply.links.map((link) => (
                    <li key={link.href}>
                      <Link href={link.href} onNavigate={(href) => navigate(href)}>
                        {link.label}
                      </Link>
                    </li>
                  ))}
                  {entry.reply.signIn && !session.authenticated && (
                    <li>
                      <Link href={signInHref}>{t('signIn')}</Link>
                    </li>
                  )}
                  {entry.reply.human && (
                    <>
                      <li>
                        <Link href="tel:060">{t('call060')}</Link>
                      </li>
                      <li>
                        <Link href="/feedback" onNavigate={(href) => navigate(href)}>
                          {t('contactForm')}
                        </Link>
                      </li>
                    </>
                  )}
                </ul>
              )}
              {entry === last && entry.reply.choices.length > 0 && incident?.step === 'category' && (
                <div lang={langTag(language)}>
                  <ButtonGroup>
                    {entry.reply.choices.map((choice) => (
                      <Button
                        key={choice.value}
                        variant="secondary"
                        disabled={pending}
                        onClick={() => {
                          input.current?.focus();
                          void ask(choice.value, choice.label);
                        }}
                      >
                        {choice.label}
                      </Button>
                    ))}
                  </ButtonGroup>
                </div>
              )}
              {entry.reply.intent !== 'fallback' && !entry.reply.incident && (
                <div lang={langTag(language)}>
                  {entry.feedback ? (
                    <p className="cp-body-s">{t('feedbackThanks')}</p>
                  ) : (
                    <ButtonGroup>
                      <Button variant="secondary" onClick={() => void feedback(entry, true)}>
                        <span aria-hidden="true">👍 </span>
                        {t('helpful')}
                      </Button>
                      <Button variant="secondary" onClick={() => void feedback(entry, false)}>
                        <span aria-hidden="true">👎 </span>
                        {t('notHelpful')}
                      </Button>
                    </ButtonGroup>
                  )}
                </div>
              )}
            </div>
          ),
        )}
        {pending && <p className="cp-body-s">{t('thinking')}</p>}
      </div>
      {incident?.step === 'confirm' && session.authenticated && (
        <section className="cp-stack" aria-labelledby={`${headingId}-incident`}>
          <Sub id={`${headingId}-incident`}>{t('incident.summary')}</Sub>
          <SummaryList
            rows={[
              {
                key: t('incident.category'),
                value: incident.draft.category ? t(`categories.${incident.draft.category}`) : '',
              },
              { key: t('incident.administration'), value: incident.draft.administration ?? '' },
              { key: t('incident.tried'), value: incident.draft.tried ?? '' },
              { key: t('incident.errorSeen'), value: incident.draft.errorSeen ?? '' },
            ]}
          />
          <ButtonGroup>
            <Button onClick={() => void fileTicket()} disabled={filing}>
              {t('incident.file')}
            </Button>
            <Button variant="secondary" onClick={cancelIncident}>
              {t('incident.cancel')}
            </Button>
          </ButtonGroup>
        </section>
      )}
      {incident && incident.step !== 'confirm' && (
        <p>
          <Button variant="secondary" onClick={cancelIncident}>
            {t('incident.cancel')}
          </Button>
        </p>
      )}
      {incident?.step === 'confirm' && !session.authenticated && (
        <Alert variant="info">
          <p>
            <Link href={signInHref}>{t('signIn')}</Link>
          </p>
        </Alert>
      )}
      <form onSubmit={submit} className="cp-stack" noValidate>
        <TextInput
          ref={input}
          label={t('inputLabel')}
          name="question"
          autoComplete="off"
          maxLength={500}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
        />
        <Button type="submit" disabled={pending}>
          {t('send')}
        </Button>
      </form>
    </section>
  );
}
