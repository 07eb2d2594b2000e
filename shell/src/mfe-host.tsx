import { Alert, Button, Spinner } from '@carpeta/design-system';
import type { CarpetaLifecycles, CarpetaProps, ManifestEntry, Telemetry } from '@carpeta/sdk';
import { loaSatisfies, localize, type Session } from '@carpeta/sdk';
import type { TFunction } from 'i18next';
import { useEffect, useId, useRef, useSyncExternalStore } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { RemoteLoadError, takeLifecycles, type RemoteFailure } from './federation.ts';
import type { ShellContext } from './context.ts';
import { signInHref } from './stores.ts';
import { MFE_MOUNTED_EVENT } from './after-first-route.ts';

/** `mount`: bootstrap or mount threw; `mount-timeout`: one of them did not settle in time. */
type Failure = RemoteFailure | 'mount' | 'mount-timeout';

/**
 * The stable code of each way of failing, as `REMOTE_ERRORS` of `@carpeta/sdk/remote-errors` gives
 * them (a test compares the two). Written out: importing the table would put its texts on every
 * first route.
 */
export const FAILURE_CODES: Record<Failure, `CARPETA-E${number}`> = {
  load: 'CARPETA-E101',
  evaluation: 'CARPETA-E102',
  contract: 'CARPETA-E103',
  mount: 'CARPETA-E104',
  'mount-timeout': 'CARPETA-E105',
  integrity: 'CARPETA-E106',
  timeout: 'CARPETA-E108',
};

/** A bootstrap or mount that did not settle within its time limit. */
class LifecycleTimeout extends Error {
  override name = 'LifecycleTimeout';
}

/** Why an MFE is not loaded for this session: nobody signed in, or the session's level is too low. */
type Gate = 'anonymous' | 'step-up';
type Status =
  | { state: 'loading' }
  | { state: 'ready' }
  | { state: 'gated'; gate: Gate }
  | { state: 'error'; failure: Failure; reference: string };

/** The shell's time limits, for entries whose manifest names none (`timeouts`). */
export interface HostOptions {
  loadTimeoutMs: number;
  mountTimeoutMs: number;
  /** The mount's limit when left out. */
  bootstrapTimeoutMs?: number;
}

function reference(): string {
  return Math.random().toString(36).slice(2, 8).toUpperCase();
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new LifecycleTimeout(message)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

interface StatusSource {
  get(): Status;
  subscribe(listener: () => void): () => void;
}

function StatusPanel({
  entry,
  context,
  source,
  retry,
}: {
  entry: ManifestEntry;
  context: ShellContext;
  source: StatusSource;
  retry: () => void;
}) {
  const current = useSyncExternalStore(source.subscribe, source.get);
  const language = useSyncExternalStore(context.language.subscribe, context.language.get);
  const t: TFunction = context.translator.getFixedT(language);
  const title = localize(entry.title, language);
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const retried = useRef(false);
  useEffect(() => {
    if (current.state === 'error' && retried.current) heading.current?.focus();
  }, [current]);
  if (current.state === 'ready') return null;
  if (current.state === 'loading') {
    // Out of the flow: the MFE's first render takes the place without moving (layout shift).
    return (
      <div className="cp-mfe-loading">
        <Spinner label={t('mfe.loading', { title })} />
      </div>
    );
  }
  // Anonymous visitors see the shell's landing or sign-in page instead; nothing private is fetched.
  if (current.state === 'gated' && current.gate === 'anonymous') return null;
  if (current.state === 'gated')
    return <StepUpPanel title={title} context={context} t={t} headingId={headingId} />;
  const body =
    current.failure === 'timeout' || current.failure === 'mount-timeout'
      ? t('mfe.timeoutBody')
      : current.failure === 'mount'
        ? t('mfe.mountErrorBody')
        : t('mfe.loadErrorBody');
  return (
    <section className="cp-stack" aria-labelledby={headingId} data-mfe-error={entry.id}>
      <h1 id={headingId} ref={heading} tabIndex={-1}>
        {t('mfe.loadErrorTitle', { title })}
      </h1>
      <Alert variant="error" live>
        <p>{body}</p>
        <p>{t('mfe.errorReference', { id: current.reference })}</p>
        <p data-error-code={FAILURE_CODES[current.failure]}>
          {t('mfe.errorCode', { code: FAILURE_CODES[current.failure] })}
        </p>
        <p className="cp-body-s">
          {t('mfe.errorProvider', {
            owner: entry.owner.name,
            framework: t(`mfe.framework.${entry.framework}`),
            version: entry.version,
          })}
        </p>
      </Alert>
      <Button
        variant="secondary"
        onClick={() => {
          retried.current = true;
          retry();
        }}
      >
        {t('mfe.retry')}
      </Button>
    </section>
  );
}

function StepUpPanel({
  title,
  context,
  t,
  headingId,
}: {
  title: string;
  context: ShellContext;
  t: TFunction;
  headingId: string;
}) {
  const language = context.language.get();
  const href = signInHref(`${window.location.pathname}${window.location.search}`, {
    language,
    theme: context.theme.get(),
    stepUp: true,
  });
  return (
    <section className="cp-stack" aria-labelledby={headingId} data-step-up="true">
      <h1 id={headingId}>{t('stepUp.title', { title })}</h1>
      <p>{t('stepUp.body')}</p>
      <p>
        <a className="cp-button cp-button--primary" href={href}>
          {t('stepUp.action')}
        </a>
      </p>
    </section>
  );
}

/** What of the session decides whether and as whom an MFE is mounted. */
function sessionKey(session: Session): string {
  const citizen = session.citizen;
  if (!session.authenticated || !citizen) return 'anonymous';
  return `${citizen.maskedId}|${citizen.loa}|${citizen.actingFor?.maskedId ?? 'self'}`;
}

/**
 * The single-spa application the shell registers for each manifest entry. It owns the MFE's area
 * in <main>: it loads the remote (with a time limit), mounts it, and if anything fails shows an
 * accessible error panel with a retry there, and only there. Its own mount resolves at once, so a
 * hanging remote never blocks navigation to the rest of the portal.
 */
export function createMfeHost(
  entry: ManifestEntry,
  context: ShellContext,
  makeProps: (domElement: HTMLElement) => CarpetaProps,
  options: HostOptions,
) {
  const telemetry: Telemetry = context.telemetry;
  const limits = {
    load: entry.timeouts?.load ?? options.loadTimeoutMs,
    bootstrap: entry.timeouts?.bootstrap ?? options.bootstrapTimeoutMs ?? options.mountTimeoutMs,
    mount: entry.timeouts?.mount ?? options.mountTimeoutMs,
  };
  let lifecycles: CarpetaLifecycles | null = null;
  let bootstrapped = false;
  let generation = 0;
  let area: HTMLElement | null = null;
  let statusRoot: Root | null = null;
  let mounted: CarpetaProps | null = null;
  let status: Status = { state: 'loading' };
  const statusListeners = new Set<() => void>();
  let stopFollowingSession: (() => void) | null = null;
  let stopPreparing: (() => void) | null = null;
  /** A mount that timed out but may still complete: it is taken down again if it does. */
  let abandoned: Promise<void> = Promise.resolve();

  function setStatus(next: Status) {
    status = next;
    if (area) area.setAttribute('aria-busy', String(next.state === 'loading'));
    if (area) area.dataset.state = next.state;
    for (const listener of statusListeners) listener();
  }

  function gate(): Gate | null {
    if (entry.public) return null;
    const { citizen } = context.session.get();
    if (!citizen) return 'anonymous';
    if (!loaSatisfies(citizen.loa, entry.minLoa)) return 'step-up';
    return null;
  }

  async function attempt(run: number, mfeElement: HTMLElement): Promise<void> {
    const closed = gate();
    if (closed) {
      setStatus({ state: 'gated', gate: closed });
      return;
    }
    setStatus({ state: 'loading' });
    let phase: Failure = 'load';
    try {
      if (!lifecycles) lifecycles = await takeLifecycles(entry, limits.load);
      if (run !== generation) return;
      phase = 'mount';
      const props = makeProps(mfeElement);
      if (!bootstrapped) {
        await withTimeout(lifecycles.bootstrap(props), limits.bootstrap, `${entry.id} bootstrap timed out`);
        bootstrapped = true;
      }
      // A previous mount that timed out must be gone before mounting again (same element, same name).
      await withTimeout(abandoned, limits.mount, `${entry.id} previous mount still pending`).catch(
        () => undefined,
      );
      const current = lifecycles;
      const mounting = current.mount(props);
      try {
        await withTimeout(mounting, limits.mount, `${entry.id} mount timed out`);
      } catch (error) {
        // Never cancelled by single-spa: if it completes later, unmount it, or the remote would
        // render under the error panel (or over the next attempt) and never be unmounted.
        abandoned = mounting.then(
          async () => {
            try {
              await current.unmount(props);
            } catch (unmountError) {
              telemetry.error(unmountError, { mfe: entry.id, phase: 'unmount' });
            }
          },
          () => undefined,
        );
        throw error;
      }
      if (run !== generation) {
        await lifecycles.unmount(props).catch((error: unknown) => telemetry.error(error, { mfe: entry.id }));
        return;
      }
      mounted = props;
      setStatus({ state: 'ready' });
      window.dispatchEvent(new CustomEvent(MFE_MOUNTED_EVENT, { detail: { mfe: entry.id } }));
    } catch (error) {
      if (run !== generation) return;
      const failure: Failure =
        error instanceof RemoteLoadError
          ? error.failure
          : error instanceof LifecycleTimeout
            ? 'mount-timeout'
            : phase;
      const ref = reference();
      // The code, the variant and the version let operators count each version's errors (canary).
      telemetry.error(error instanceof Error && error.cause ? error.cause : error, {
        mfe: entry.id,
        framework: entry.framework,
        phase: failure,
        code: FAILURE_CODES[failure],
        variant: entry.variant ?? 'stable',
        version: entry.version,
        reference: ref,
        entry: entry.remote.entry,
      });
      mfeElement.replaceChildren();
      setStatus({ state: 'error', failure, reference: ref });
    }
  }

  return {
    async bootstrap() {},
    async mount() {
      generation += 1;
      const run = generation;
      const outlet = context.outlet();
      area = document.createElement('div');
      area.className = 'cp-mfe-area';
      area.dataset.mfe = entry.id;
      // What the MFE is built with (react, angular, vanilla): for tests, support and styling hooks.
      area.dataset.framework = entry.framework;
      const statusElement = document.createElement('div');
      const mfeElement = document.createElement('div');
      area.append(statusElement, mfeElement);
      outlet.append(area);
      statusRoot = createRoot(statusElement);
      const retry = () => {
        generation += 1;
        void attempt(generation, mfeElement);
      };
      const source: StatusSource = {
        get: () => status,
        subscribe(listener) {
          statusListeners.add(listener);
          return () => statusListeners.delete(listener);
        },
      };
      statusRoot.render(<StatusPanel entry={entry} context={context} source={source} retry={retry} />);
      // Sign-out, expiry, step-up or a switch of who the citizen acts for: the MFE is unmounted
      // (its data dropped) and, if the new session may see it, mounted again for the new folder.
      let key = sessionKey(context.session.get());
      stopFollowingSession = context.session.subscribe((session) => {
        const next = sessionKey(session);
        if (next === key) return;
        key = next;
        generation += 1;
        const current = generation;
        const props = mounted;
        mounted = null;
        void (async () => {
          if (props && lifecycles) {
            await lifecycles
              .unmount(props)
              .catch((error: unknown) => telemetry.error(error, { mfe: entry.id, phase: 'unmount' }));
          }
          mfeElement.replaceChildren();
          if (current === generation) await attempt(current, mfeElement);
        })();
      });
      // A switch of language waits for the mounted MFE's messages in the new language, if it loads
      // them on demand (`prepare`): the shell's words and the MFE's change together.
      stopPreparing = context.language.alsoPrepare(async (language) => {
        if (mounted) await lifecycles?.prepare?.(language);
      });
      void attempt(run, mfeElement);
    },
    async unmount() {
      generation += 1;
      stopFollowingSession?.();
      stopFollowingSession = null;
      stopPreparing?.();
      stopPreparing = null;
      const props = mounted;
      mounted = null;
      if (props && lifecycles) {
        try {
          await withTimeout(lifecycles.unmount(props), limits.mount, `${entry.id} unmount timed out`);
        } catch (error) {
          telemetry.error(error, { mfe: entry.id, phase: 'unmount' });
        }
      }
      statusRoot?.unmount();
      statusRoot = null;
      area?.remove();
      area = null;
      status = { state: 'loading' };
    },
  };
}
