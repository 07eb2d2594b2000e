import { Alert, Button, SessionTimeoutWarning } from '@carpeta/design-system';
import { formatLocale, type Language, type Session } from '@carpeta/sdk';
import type { TFunction } from 'i18next';
import { lazy, Suspense, useEffect, useId, useState, useSyncExternalStore } from 'react';
import type { ShellContext } from './context.ts';
import { signInHref } from './stores.ts';

/**
 * Choosing whom to act for is opened by a press, never on the first paint: its code (and the
 * powers' schema) loads then, not with every first route.
 */
const ActForDialog = lazy(() =>
  import('./act-for-dialog.tsx').then((module) => ({ default: module.ActForDialog })),
);

function useStore<T>(store: { get(): T; subscribe(listener: () => void): () => void }): T {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}

/** Where the citizen is (path and query): where signing in brings them back. */
export function currentPath(context: Pick<ShellContext, 'pathname' | 'search'>): string {
  return `${context.pathname.get()}${context.search.get()}`;
}

function dateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(formatLocale(language), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Madrid',
  }).format(new Date(iso));
}

/** The header's account area: sign in, or who is signed in, their last access and sign out. */
export function UserArea({ context, t }: { context: ShellContext; t: TFunction }) {
  const session = useStore(context.session);
  const status = useStore(context.session.status);
  const language = useStore(context.language);
  const theme = useStore(context.theme);
  const [choosing, setChoosing] = useState(false);
  // A power changed in an MFE (renounced, revoked…): the session may no longer act for its grantor.
  useEffect(
    () => context.events.on('representation:changed', () => void context.session.refresh()),
    [context],
  );
  if (status === 'loading') return <p className="cp-user-area" data-testid="user-area" />;
  const citizen = session.citizen;
  if (!citizen) {
    return (
      <p className="cp-user-area" data-testid="user-area">
        <a className="cp-user-area__sign-in" href={signInHref(currentPath(context), { language, theme })}>
          {t('userArea.signIn')}
        </a>
      </p>
    );
  }
  return (
    <div className="cp-user-area" data-testid="user-area">
      <p className="cp-user-area__name">
        <span>{citizen.displayName}</span>{' '}
        <span className="cp-user-area__meta">
          {t(`methods.${citizen.method}`)} · {t(`loa.${citizen.loa}`)}
        </span>
      </p>
      <p className="cp-user-area__meta" data-testid="previous-access">
        {citizen.previousAccess
          ? t('userArea.previousAccess', {
              at: dateTime(citizen.previousAccess.at, language),
              method: t(`methods.${citizen.previousAccess.method}`),
            })
          : t('userArea.firstAccess')}
      </p>
      <div className="cp-user-area__actions">
        <Button variant="secondary" onClick={() => setChoosing(true)}>
          {t('actingFor.choose')}
        </Button>
        <Button variant="secondary" onClick={() => void context.session.signOut()}>
          {t('userArea.signOut')}
        </Button>
      </div>
      {choosing && (
        <Suspense fallback={null}>
          <ActForDialog context={context} t={t} onClose={() => setChoosing(false)} />
        </Suspense>
      )}
    </div>
  );
}

/** Always visible while the citizen acts for someone else, with the way back. */
export function ActingForBanner({ context, t }: { context: ShellContext; t: TFunction }) {
  const session = useStore(context.session);
  const acting = session.citizen?.actingFor;
  const labelId = useId();
  if (!acting) return null;
  return (
    <section className="cp-acting-for" aria-labelledby={labelId} data-testid="acting-for">
      <div className="cp-width-container cp-acting-for__inner">
        <p id={labelId}>
          <strong>
            {t(acting.kind === 'company' ? 'actingFor.bannerCompany' : 'actingFor.banner', {
              name: acting.displayName,
              id: acting.maskedId,
            })}
          </strong>
        </p>
        <Button variant="secondary" onClick={() => void context.session.actFor(null)}>
          {t('actingFor.back')}
        </Button>
      </div>
    </section>
  );
}

/** One-off messages about the session: a power that ended, a session that expired, a failed sign-in. */
export function SessionNotices({
  context,
  t,
  showExpired,
}: {
  context: ShellContext;
  t: TFunction;
  showExpired: boolean;
}) {
  const notice = useStore(context.session.notice);
  const signin = new URLSearchParams(useStore(context.search)).get('signin');
  const known = ['cancelled', 'failed', 'throttled', 'unavailable', 'insufficient'];
  return (
    <>
      {notice === 'representation-ended' && (
        <Alert variant="warning" title={t('notices.representationEndedTitle')} headingLevel={2} live>
          <p>{t('notices.representationEnded')}</p>
        </Alert>
      )}
      {notice === 'expired' && showExpired && (
        <Alert variant="warning" title={t('signInRequired.expiredTitle')} headingLevel={2} live>
          <p>{t('signInRequired.expiredBody')}</p>
        </Alert>
      )}
      {signin && known.includes(signin) && (
        <Alert variant="error" title={t('notices.signInFailedTitle')} headingLevel={2} live>
          <p>{t(`notices.signin.${signin}`)}</p>
        </Alert>
      )}
    </>
  );
}

/** Counts down before the idle timeout, offers to stay signed in (WCAG 2.2.1), ends it at zero. */
export function SessionExpiry({ context, t }: { context: ShellContext; t: TFunction }) {
  const session: Session = useStore(context.session);
  const language = useStore(context.language);
  const [open, setOpen] = useState(false);
  const expiresAt = session.citizen ? Date.parse(session.citizen.expiresAt) : null;

  useEffect(() => {
    if (expiresAt === null) {
      setOpen(false);
      return;
    }
    const remaining = expiresAt - Date.now();
    const lead = Math.min(120_000, Math.max(5_000, remaining / 2));
    const timer = setTimeout(
      async () => {
        // Activity in any MFE extends the session on the server: look before warning.
        await context.session.refresh();
        const latest = context.session.get().citizen;
        if (latest && Date.parse(latest.expiresAt) === expiresAt) setOpen(true);
      },
      Math.max(0, remaining - lead),
    );
    return () => clearTimeout(timer);
  }, [expiresAt, context]);

  if (expiresAt === null) return null;
  const format = (seconds: number) => {
    const minutes = Math.floor(seconds / 60);
    const rest = seconds % 60;
    const unit = (value: number, name: 'minute' | 'second') =>
      new Intl.NumberFormat(formatLocale(language), {
        style: 'unit',
        unit: name,
        unitDisplay: 'long',
      }).format(value);
    return minutes > 0
      ? `${unit(minutes, 'minute')}${rest ? ` ${unit(rest, 'second')}` : ''}`
      : unit(rest, 'second');
  };
  return (
    <SessionTimeoutWarning
      open={open}
      expiresAt={expiresAt}
      title={t('expiry.title')}
      message={(remaining) => t('expiry.body', { remaining })}
      formatRemaining={format}
      extendLabel={t('expiry.extend')}
      signOutLabel={t('userArea.signOut')}
      onExtend={() => {
        setOpen(false);
        void context.session.extend();
      }}
      onSignOut={() => void context.session.signOut()}
      onExpire={() => {
        setOpen(false);
        context.session.expire({ tellGateway: true });
      }}
    />
  );
}
