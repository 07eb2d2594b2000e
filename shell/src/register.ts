import {
  INLINE_MANIFEST_ID,
  type ApiError,
  audienceKey,
  type CarpetaProps,
  createApiClient,
  loaSatisfies,
  type ManifestEntry,
  ManifestError,
  routeMatches,
  type Session,
} from '@carpeta/sdk';
import {
  navigateToUrl,
  type RegisterApplicationConfig,
  registerApplication,
  unregisterApplication,
} from 'single-spa';
import type { ManifestState, ShellContext } from './context.ts';
import { takeInlineJson } from './inline-data.ts';
import { manifestState } from './manifest-state.ts';
import { createMfeHost, type HostOptions } from './mfe-host.tsx';
import { createTelemetry } from './telemetry.ts';

/**
 * Fetches and validates the manifest — the signed-in citizen's own entries, chosen by the gateway
 * for the session the cookie carries; invalid entries are reported and skipped, never fatal.
 */
/**
 * The manifest the gateway put in the page, taken out of it: it is read once, for the first
 * route; later reads (sign-out, a switch of whom the citizen acts for) ask `/mfes.json`.
 */
export async function fetchManifest(
  context: Pick<ShellContext, 'telemetry'>,
  fetchImpl: typeof fetch = fetch,
): Promise<ManifestState> {
  try {
    let body: unknown = takeInlineJson(INLINE_MANIFEST_ID);
    if (body === undefined) {
      const response = await fetchImpl('/mfes.json', {
        headers: { accept: 'application/json' },
        credentials: 'same-origin',
        cache: 'no-store',
      });
      if (!response.ok) throw new ManifestError(`The manifest answered ${response.status}`);
      body = await response.json();
    }
    return manifestState(body, context.telemetry);
  } catch (error) {
    context.telemetry.error(error, { phase: 'manifest' });
    return { status: 'failed' };
  }
}

/**
 * What the shell does when an MFE's call says the session changed under it: expired → sign in
 * again and come back here; the power of attorney ended → reload the session (the MFEs are mounted
 * again for the citizen's own folder, and the shell says why).
 */
export function onSessionError(error: ApiError, context: ShellContext): void {
  if (error.code === 'unauthenticated') {
    context.session.expire();
  } else if (error.code === 'representation-ended' || error.code === 'step-up-required') {
    void context.session.refresh();
  }
}

/** What the shell does with single-spa's registrations (replaceable in tests). */
export interface SingleSpaRegistry {
  register: (config: RegisterApplicationConfig) => void;
  unregister: (name: string) => Promise<unknown>;
}

const SINGLE_SPA: SingleSpaRegistry = {
  register: (config) => registerApplication(config),
  unregister: unregisterApplication,
};

export interface Registrar {
  /**
   * Makes the registered applications those of `entries`: new entries are registered, entries no
   * longer there (or changed) are unmounted and unregistered, the others are left mounted.
   */
  sync(entries: readonly ManifestEntry[]): Promise<void>;
  /** Ids registered now. */
  ids(): string[];
}

/** The props of one MFE: one object for the life of its registration (its element changes per mount). */
function propsMaker(entry: ManifestEntry, context: ShellContext): (domElement: HTMLElement) => CarpetaProps {
  const telemetry = createTelemetry(entry.id, { framework: entry.framework });
  let props: CarpetaProps | null = null;
  return (domElement) => {
    props ??= {
      mfeId: entry.id,
      basePath: entry.route,
      domElement,
      auth: context.session.auth,
      api: createApiClient({
        baseUrl: '/api',
        mfeId: entry.id,
        csrfToken: context.session.csrfToken,
        onError: (error) => onSessionError(error, context),
      }),
      navigate: (path) => navigateToUrl(path),
      i18n: context.language.bridge,
      events: context.events,
      telemetry,
      ...(context.device ? { device: context.device } : {}),
    };
    props.domElement = domElement;
    return props;
  };
}

/**
 * A host for an entry's other exposed module (Ada's `./panel`), mounted in `element` instead of
 * <main>: the same loading, time limits and error panel as a route, outside single-spa's routing.
 */
export function createPanelHost(
  entry: ManifestEntry,
  expose: string,
  context: ShellContext,
  element: HTMLElement,
) {
  return createMfeHost(
    { ...entry, id: `${entry.id}-panel`, remote: { ...entry.remote, expose } },
    { ...context, outlet: () => element },
    propsMaker(entry, context),
    { loadTimeoutMs: 10_000, mountTimeoutMs: 10_000 },
  );
}

/** Registers manifest entries with single-spa; each one is wrapped by a shell-owned host. */
export function createRegistrar(
  context: ShellContext,
  options: HostOptions,
  spa: SingleSpaRegistry = SINGLE_SPA,
): Registrar {
  /** id → the entry it was registered from (as JSON, to see a change). */
  const registered = new Map<string, string>();
  let queue: Promise<void> = Promise.resolve();

  function register(entry: ManifestEntry) {
    const makeProps = propsMaker(entry, context);
    spa.register({
      name: entry.id,
      app: async () => createMfeHost(entry, context, makeProps, options),
      activeWhen: (location) => routeMatches(entry.route, location.pathname),
    });
  }

  async function apply(entries: readonly ManifestEntry[]) {
    const wanted = new Map(entries.map((entry) => [entry.id, entry]));
    for (const [id, json] of [...registered]) {
      const next = wanted.get(id);
      if (next && JSON.stringify(next) === json) continue;
      registered.delete(id);
      try {
        await spa.unregister(id);
      } catch (error) {
        context.telemetry.error(error, { mfe: id, phase: 'unregister' });
      }
    }
    for (const entry of entries) {
      if (registered.has(entry.id)) continue;
      registered.set(entry.id, JSON.stringify(entry));
      register(entry);
    }
  }

  return {
    sync(entries) {
      // One change at a time, in the order asked: a quick second switch waits for the first.
      queue = queue.then(() => apply(entries));
      return queue;
    },
    ids: () => [...registered.keys()],
  };
}

/** The origins of the remotes a session may load from a manifest: what the page's CSP allows. */
export function loadableOrigins(entries: readonly ManifestEntry[], session: Session): Set<string> {
  const loa = session.authenticated ? session.citizen?.loa : undefined;
  const origins = new Set<string>();
  for (const entry of entries) {
    if (!entry.public && (!loa || !loaSatisfies(loa, entry.minLoa))) continue;
    try {
      origins.add(new URL(entry.remote.entry).origin);
    } catch {
      // The schema guarantees an absolute URL.
    }
  }
  return origins;
}

export interface FollowOptions {
  fetchManifest: () => Promise<ManifestState>;
  registrar: Registrar;
  /** Loads the page again (a new page gets a Content-Security-Policy for the new session). */
  reload: () => void;
}

/**
 * Keeps the manifest that of the current session: whenever the session is no longer the one the
 * manifest was made for (signed out or expired in place, a switch of who the citizen acts for),
 * the manifest is asked for again, the navigation follows and the registrations are brought in
 * line. The page's Content-Security-Policy was made for the session the page was loaded with: a new
 * manifest that needs a remote origin it does not allow loads the page again instead.
 */
export function followSession(context: ShellContext, options: FollowOptions): () => void {
  const first = context.manifest.get();
  const allowed =
    first.status === 'ready' ? loadableOrigins(first.entries, context.session.get()) : new Set<string>();
  let asking: string | null = null;

  async function check() {
    const current = context.manifest.get();
    const key = audienceKey(context.session.get());
    if (context.session.status.get() !== 'ready' || asking === key) return;
    if (current.status === 'ready' && (current.audience === null || current.audience.key === key)) return;
    asking = key;
    const next = await options.fetchManifest();
    if (asking !== key) return;
    asking = null;
    if (next.status !== 'ready') {
      context.manifest.set(next);
      await options.registrar.sync([]);
      return;
    }
    // The gateway answered for another session than the one asked about (e.g. the shell's own
    // countdown ended the session here before the gateway heard of it): keep what is shown, whose
    // MFEs already follow the session, until the next change.
    if (next.audience && next.audience.key !== key) return;
    const needed = loadableOrigins(next.entries, context.session.get());
    if ([...needed].some((origin) => !allowed.has(origin))) {
      options.reload();
      return;
    }
    context.manifest.set(next);
    await options.registrar.sync(next.entries);
    // The session may have changed again meanwhile: then ask for its manifest.
    if (audienceKey(context.session.get()) !== key) await check();
  }

  const stop = context.session.subscribe(() => void check());
  const stopStatus = context.session.status.subscribe(() => void check());
  void check();
  return () => {
    stop();
    stopStatus();
  };
}
