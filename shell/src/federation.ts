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

const DIGESTS = { sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' } as const;

function toBase64(buffer: ArrayBuffer): string {
  let binary = '';
  for (const byte of new Uint8Array(buffer)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * Checks the remote entry file against the manifest's SRI-style hash ("sha384-<base64>") before
 * anything of the remote runs: fetched without using a cached copy, hashed with Web Crypto,
 * compared. The federation runtime then imports the same URL itself, and the browser may fetch it
 * again: a server that answers differently between the two requests is not caught (a window of
 * milliseconds, which only the remote's own origin can use). Only the entry file is pinned; the
 * chunks it imports have content-hashed names but are not verified.
 */
export async function verifyIntegrity(
  url: string,
  integrity: string,
  fetchImpl: typeof fetch = fetch,
): Promise<boolean> {
  const separator = integrity.indexOf('-');
  const algorithm = DIGESTS[integrity.slice(0, separator) as keyof typeof DIGESTS];
  if (!algorithm) return false;
  const response = await fetchImpl(url, { cache: 'no-cache', credentials: 'omit' });
  if (!response.ok) throw new Error(`the remote entry answered ${response.status}`);
  const digest = await crypto.subtle.digest(algorithm, await response.arrayBuffer());
  return toBase64(digest) === integrity.slice(separator + 1);
}

/**
 * Whether a remote that failed to load was unreachable (`load`: 404, network, CORS) or was fetched
 * and threw while evaluated (`evaluation`): its entry file is asked for once more; an entry that
 * answers means the code threw. (A few bytes on every first route; a failure pays the request.)
 */
export async function classifyLoadFailure(
  entryUrl: string,
  fetchImpl: typeof fetch = fetch,
): Promise<'load' | 'evaluation'> {
  try {
    const response = await fetchImpl(entryUrl, { cache: 'no-cache', credentials: 'omit' });
    return response.ok ? 'evaluation' : 'load';
  } catch {
    return 'load';
  }
}

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
  if (entry.integrity) {
    let intact: boolean;
    try {
      intact = await withTimeout(
        verifyIntegrity(url.href, entry.integrity),
        timeoutMs,
        () => new RemoteLoadError('timeout', entry.id, `${entry.id} did not load within ${timeoutMs} ms`),
      );
    } catch (error) {
      if (error instanceof RemoteLoadError) throw error;
      throw new RemoteLoadError('load', entry.id, `${entry.id} could not be loaded`, { cause: error });
    }
    if (!intact) {
      throw new RemoteLoadError(
        'integrity',
        entry.id,
        `${entry.id}: ${entry.remote.entry} does not match its integrity hash; it was not run`,
      );
    }
  }
  // `module`: an ES module (import()); `var`/`global`: a classic script defining the global `name`.
  registerRemotes([{ name: entry.remote.name, entry: url.href, type: entry.remote.type }], {
    force: attempt > 1,
  });

  const request = `${entry.remote.name}/${entry.remote.expose.replace(/^\.\//, '')}`;
  let loaded: unknown;
  try {
    loaded = await withTimeout(
      loadRemote<unknown>(request),
      timeoutMs,
      () => new RemoteLoadError('timeout', entry.id, `${entry.id} did not load within ${timeoutMs} ms`),
    );
  } catch (error) {
    if (error instanceof RemoteLoadError) throw error;
    throw new RemoteLoadError('load', entry.id, `${entry.id} could not be loaded`, { cause: error });
  }
  if (isLoadFailure(loaded)) {
    const cause = loaded[LOAD_FAILED];
    const failure = await classifyLoadFailure(url.href);
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
