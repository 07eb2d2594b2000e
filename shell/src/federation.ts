import type { ModuleFederationRuntimePlugin } from '@module-federation/runtime';
import { type CarpetaLifecycles, isLifecycles, type ManifestEntry } from '@carpeta/sdk';
import { incompatibleShare } from '@carpeta/sdk/shared-versions';

/**
 * Why a remote could not be used; the panel the citizen sees and the error code
 * (`@carpeta/sdk/remote-errors`) depend on it. `load`: the entry could not be fetched;
 * `evaluation`: it was fetched but it (or its exposed module) threw while evaluated.
 */
export type RemoteFailure = 'load' | 'evaluation' | 'timeout' | 'contract' | 'integrity';

export class RemoteLoadError extends Error {
  override name = 'RemoteLoadError';
  readonly failure: RemoteFailure;
  readonly mfeId: string;
  constructor(failure: RemoteFailure, mfeId: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.failure = failure;
    this.mfeId = mfeId;
  }
}

/** What the runtime plugin hands back instead of a module when loading fails. */
const LOAD_FAILED = Symbol.for('carpeta.remote-load-failed');
interface LoadFailure {
  [LOAD_FAILED]: unknown;
}
function isLoadFailure(value: unknown): value is LoadFailure {
  return typeof value === 'object' && value !== null && LOAD_FAILED in value;
}

/**
 * Load errors are handled through the federation runtime's own hook: a remote that 404s, throws
 * while evaluating or is offline resolves to a failure marker instead of an exception escaping
 * into the page, and the shell renders an error panel for that MFE only.
 */
const isolationPlugin: ModuleFederationRuntimePlugin = {
  name: 'carpeta-isolation',
  errorLoadRemote(args) {
    if (args.lifecycle === 'onLoad' || args.lifecycle === 'afterResolve') {
      return { [LOAD_FAILED]: args.error } satisfies LoadFailure;
    }
    return undefined;
  },
};

const attempts = new Map<string, number>();

function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Registers the entry's remote and loads its exposed lifecycles. A retry registers it again
 * (`force`) with a fresh URL: the runtime must not reuse the failed entry, and some browsers keep a
 * failed module import for the life of the page (current Chromium fetches it again).
 */
export async function loadLifecycles(entry: ManifestEntry, timeoutMs: number): Promise<CarpetaLifecycles> {
  // The runtime comes with the first remote (a chunk of its own): pages without one never load it.
  // If that chunk does not arrive (offline, a deployment in between), the MFE's panel says so.
  let hostModule: typeof import('./federation-host.ts');
  try {
    hostModule = await import('./federation-host.ts');
  } catch (error) {
    throw new RemoteLoadError('load', entry.id, `${entry.id} could not be loaded: no federation runtime`, {
      cause: error,
    });
  }
  const { registerRemotes, loadRemote, sharedOf, satisfy } = hostModule.federationHost([isolationPlugin]);
  const attempt = (attempts.get(entry.id) ?? 0) + 1;
  attempts.set(entry.id, attempt);
  const url = new URL(entry.remote.entry);
  if (attempt > 1) url.searchParams.set('carpeta-retry', String(attempt));
  // Each step is given the whole time limit; what it throws is a load failure unless it says more.
  const step = <T>(work: Promise<T>): Promise<T> =>
    withTimeout(
      work,
      timeoutMs,
      () => new RemoteLoadError('timeout', entry.id, `${entry.id} did not load within ${timeoutMs} ms`),
    ).catch((error: unknown) => {
      throw error instanceof RemoteLoadError
        ? error
        : new RemoteLoadError('load', entry.id, `${entry.id} could not be loaded`, { cause: error });
    });
  if (entry.integrity && !(await step(hostModule.verifyIntegrity(url.href, entry.integrity)))) {
    throw new RemoteLoadError(
      'integrity',
      entry.id,
      `${entry.id}: ${entry.remote.entry} does not match its integrity hash; it was not run`,
    );
  }
  // The remote entry itself, or the one an entry given as the remote's mf-manifest.json names.
  const remoteEntry = await step(hostModule.remoteEntryOf(url.href));
  // `module`: an ES module (import()); `var`/`global`: a classic script defining the global `name`.
  registerRemotes([{ name: entry.remote.name, entry: remoteEntry, type: entry.remote.type }], {
    force: attempt > 1,
  });

  const request = `${entry.remote.name}/${entry.remote.expose.replace(/^\.\//, '')}`;
  const loaded = await step(loadRemote<unknown>(request));
  if (isLoadFailure(loaded)) {
    const cause = loaded[LOAD_FAILED];
    const failure = await hostModule.classifyLoadFailure(remoteEntry);
    throw new RemoteLoadError(
      failure,
      entry.id,
      failure === 'evaluation'
        ? `${entry.id} threw while being evaluated`
        : `${entry.id} could not be loaded`,
      { cause },
    );
  }
  // The federation plugin hands a remote the shell's copy of every singleton without comparing
  // versions: a remote built against another major of the contract is refused here, unmounted.
  const refused = incompatibleShare(sharedOf(), sharedOf(entry.remote.name), satisfy);
  if (refused) throw new RemoteLoadError('evaluation', entry.id, `${entry.id} ${refused}`);
  const candidate =
    typeof loaded === 'object' && loaded !== null && 'default' in loaded && isLifecycles(loaded.default)
      ? loaded.default
      : loaded;
  if (!isLifecycles(candidate)) {
    throw new RemoteLoadError(
      'contract',
      entry.id,
      `${entry.id} (${entry.framework}) does not export bootstrap, mount and unmount from ${entry.remote.expose}`,
    );
  }
  return candidate;
}

/** Lifecycles loaded ahead of their route, by MFE and entry URL (a new manifest may move a remote). */
const warmed = new Map<string, Promise<CarpetaLifecycles>>();
/** Remotes a route's host has loaded: never warmed again (that would register them a second time). */
const taken = new Set<string>();
const warmKey = (entry: ManifestEntry) => `${entry.id} ${entry.remote.entry}`;

/**
 * Loads an MFE's remote and its exposed module before its route is opened: the citizen pointed
 * at its link or moved the focus to it, so a click is likely, or the browser is idle
 * (`warmWhileIdle`). Nothing is mounted; the route's host then takes the same promise
 * (`takeLifecycles`). A failure is forgotten here and met again, with its error panel, if the
 * route is opened. The promise settles (never rejects) when the load has ended, with the
 * lifecycles if they loaded (and were not taken by a route's host before).
 */
export function warmLifecycles(
  entry: ManifestEntry,
  timeoutMs: number,
): Promise<CarpetaLifecycles | undefined> {
  const key = warmKey(entry);
  const loading = taken.has(key) ? undefined : (warmed.get(key) ?? loadLifecycles(entry, timeoutMs));
  if (!loading) return Promise.resolve(undefined);
  if (!warmed.has(key)) {
    warmed.set(key, loading);
    loading.catch(() => warmed.delete(key));
  }
  return loading.catch(() => undefined);
}

/** For a route's host: the lifecycles warmed for this entry (once), or loaded now. */
export function takeLifecycles(entry: ManifestEntry, timeoutMs: number): Promise<CarpetaLifecycles> {
  const key = warmKey(entry);
  const loading = warmed.get(key) ?? loadLifecycles(entry, timeoutMs);
  warmed.delete(key);
  taken.add(key);
  return loading;
}
