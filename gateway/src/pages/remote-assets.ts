import type { Language, ManifestEntry } from '@carpeta/sdk';
import {
  isFederationManifestUrl,
  LOAD_SHARE_WRAPPER,
  MESSAGES_CHUNK,
  PREBUILT_SHARED,
  RXJS_CHUNK,
  remoteEntryOfManifest,
  SHARED_SINGLETONS,
} from '@carpeta/sdk/federation';
import { LRUCache } from 'lru-cache';
import { z } from 'zod/mini';

/*
 * What a remote's first render needs, read from the `mf-manifest.json` that
 * `@module-federation/vite` writes next to each `remoteEntry.js`: the synchronous JavaScript chunks
 * of the exposed module, its views of the shared singletons and its own copy of those the shell does
 * not provide (with the RxJS that copy imports, for Angular). The page of a route lists them (with the remote entry) as modulepreload hints, so
 * the browser fetches them beside the shell's own scripts instead of after them. So is the chunk of
 * the MFE's messages in the page's language, when the MFE loads its languages on demand
 * (`MESSAGES_CHUNK`): the first render waits for them.
 *
 * A page never waits for a remote: what is not known yet is asked for in the background and the
 * page goes with the remote entry alone. A remote that cannot be read keeps its last answer, if it
 * gave one, and is asked again by a page a second later, then two, four... up to the answers' time:
 * one down at the gateway's start is hinted soon after it comes up, and never asked on every page.
 */

const MAX_BYTES = 256 * 1024;
const SHELL_PROVIDES = new Set(Object.keys(SHARED_SINGLETONS));
const jsAssets = z.object({ sync: z.array(z.string()), async: z.optional(z.array(z.string())) });
const mfManifestSchema = z.object({
  shared: z.optional(
    z.array(z.object({ name: z.string(), assets: z.optional(z.object({ js: z.optional(jsAssets) })) })),
  ),
  exposes: z.array(
    z.object({
      path: z.string(),
      assets: z.object({ js: jsAssets }),
    }),
  ),
});

export interface RemoteAssetsOptions {
  fetch?: typeof fetch;
  /** How long what a remote said holds before it is asked again (default 60 s). */
  ttlMs?: number;
  /** How long one `mf-manifest.json` may take (default 2 s). */
  timeoutMs?: number;
  /** How long after a failed read a remote may be asked again, doubled while it fails (default 1 s). */
  retryMs?: number;
  /** The clock of the times above, in milliseconds (default `performance.now`; for tests). */
  now?: () => number;
  logger?: { warn(details: object, message: string): void };
}

export interface RemoteAssets {
  /**
   * Absolute URLs to preload for an entry's first render: its remote entry, then, when they are
   * known, the exposed module's synchronous chunks, its views of the shared singletons and its own
   * copy of those the shell does not provide, and the chunk of its messages in `language` when it
   * loads them on demand. Starts reading them when they are not known, or known for longer than
   * their time (they are still given meanwhile).
   */
  preloads(entry: ManifestEntry, language?: Language): string[];
  /** Resolves when every read under way has ended (for tests). */
  settled(): Promise<void>;
}

/** What a remote said its exposed module needs: its files, and its messages' chunk per language. */
interface RemoteChunks {
  files: readonly string[];
  messages: Partial<Record<Language, string>>;
}

/** `…/remoteEntry.js` → `…/mf-manifest.json`; an entry that is the manifest itself stays. */
export function mfManifestUrl(entry: string): string {
  return new URL('mf-manifest.json', entry).href;
}

export function createRemoteAssets(options: RemoteAssetsOptions = {}): RemoteAssets {
  const fetchImpl = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 2000;
  const ttl = options.ttlMs ?? 60_000;
  const retryMs = options.retryMs ?? 1000;
  // The clock is read at each check (lru-cache's default reuses a reading for 1 ms).
  const clock = options.now ? { perf: { now: options.now }, ttlResolution: 0 } : {};
  // Only what remotes said. Past its time, it is still given while the remote is asked again (the
  // first page after each minute went without the remote's chunks), and while it cannot be read.
  const chunks = new LRUCache<string, RemoteChunks>({
    max: 500,
    ttl,
    allowStale: true,
    noDeleteOnStaleGet: true,
    ...clock,
  });
  // Each remote's failed reads in a row, held for its back-off: while `has` is true, it is not asked
  // again. (A failure was kept as "nothing to add" for 10 s: a remote not up yet when the gateway
  // warmed it went without its chunks that long.)
  const failures = new LRUCache<string, number>({
    max: 500,
    ttl: retryMs,
    allowStale: true,
    noDeleteOnStaleGet: true,
    ...clock,
  });
  const reading = new Map<string, Promise<void>>();

  async function read(entry: ManifestEntry, key: string): Promise<void> {
    const manifestUrl = mfManifestUrl(entry.remote.entry);
    try {
      const response = await fetchImpl(manifestUrl, {
        signal: AbortSignal.timeout(timeoutMs),
        headers: { accept: 'application/json' },
      });
      if (!response.ok) throw new Error(`it answered ${response.status}`);
      const text = await response.text();
      if (text.length > MAX_BYTES) throw new Error(`it is over ${MAX_BYTES} bytes`);
      const document: unknown = JSON.parse(text);
      const parsed = mfManifestSchema.safeParse(document);
      if (!parsed.success) throw new Error('it is not a Module Federation manifest');
      // An entry given as the manifest itself: the remote entry it names, which the shell imports
      // once it has read the manifest (`remoteEntryOf`, shell), is hinted in the manifest's place.
      const named = isFederationManifestUrl(entry.remote.entry)
        ? [remoteEntryOfManifest(document, manifestUrl)]
        : [];
      const exposed = entry.remote.expose.slice(2);
      const exposes = parsed.data.exposes.find((item) => item.path === `./${exposed}`);
      const base = new URL('.', manifestUrl);
      const js = exposes?.assets.js;
      // The remote's own copy of a singleton the shell does not provide (Angular's packages: the
      // first Angular MFE to load provides them, `ANGULAR_SINGLETONS`): the `prebuild` chunks listed
      // under that package in the manifest's `shared` (a build by `defineCarpetaMfe` has Angular's
      // core and its RxJS in one, `LEAF_COPIES_GROUP`). The first route's MFE is the first remote
      // to load, so its copy is the one used. Its fallback copies of what the shell provides are
      // never hinted.
      const ownSingletons = (parsed.data.shared ?? [])
        .filter((shared) => !SHELL_PROVIDES.has(shared.name))
        .flatMap((shared) => shared.assets?.js?.async ?? [])
        .filter((file) => PREBUILT_SHARED.test(file));
      const files = new Set([
        ...named,
        ...(js?.sync ?? []),
        // Of the exposed module's asynchronous chunks, only its views of the shared singletons (the
        // `loadShare` wrappers): every mount loads them, to ask the shell for its copies. The others
        // are the remote's fallback copies of those singletons, never loaded while the shell
        // provides them, and its own lazy code. (A remote built by `defineCarpetaMfe` has neither
        // wrapper chunks nor copies of what the shell provides: `providedByTheShell`.)
        ...(js?.async ?? []).filter((file) => LOAD_SHARE_WRAPPER.test(file)),
        ...ownSingletons,
        // With its own Angular, the RxJS that Angular imports when it is a chunk of its own
        // (`RXJS_GROUP`'s: in a preset build, when the MFE's own code imports RxJS too; otherwise it
        // is in the core's chunk, `LEAF_COPIES_GROUP`): it came a round trip after Angular's chunks.
        ...(ownSingletons.length > 0 ? (js?.async ?? []).filter((file) => RXJS_CHUNK.test(file)) : []),
      ]);
      // Only files of the remote's own origin: the page's CSP allows no other.
      const own = (file: string) => {
        const url = new URL(file, base);
        return url.origin === base.origin ? url.href : undefined;
      };
      const messages: Partial<Record<Language, string>> = {};
      for (const file of js?.async ?? []) {
        const language = MESSAGES_CHUNK.exec(file)?.[1] as Language | undefined;
        const url = own(file);
        if (language && url) messages[language] ??= url;
      }
      chunks.set(key, { files: [...files].flatMap((file) => own(file) ?? []), messages });
      failures.delete(key);
    } catch (error) {
      // Nothing is learnt: pages keep what the remote said before, if anything, else its entry alone.
      // It may be asked again after 1 s, then 2 s, 4 s... up to the time an answer holds.
      const failed = (failures.get(key) ?? 0) + 1;
      failures.set(key, failed, { ttl: Math.min(retryMs * 2 ** (failed - 1), ttl) });
      options.logger?.warn(
        {
          mfe: entry.id,
          url: manifestUrl,
          reason: error instanceof Error ? error.message : String(error),
          failed,
        },
        'the chunks of a remote could not be read for preload hints',
      );
    }
  }

  return {
    preloads(entry, language) {
      // Classic-script remotes (`var`, `global`) are not modules: nothing to preload as one.
      if (entry.remote.type !== 'module') return [];
      const key = `${entry.remote.entry}|${entry.remote.expose}`;
      const known = chunks.get(key);
      // `has` is false once the answer is older than its time (`get` still gives it), and true for
      // a failure while its back-off lasts.
      if (!chunks.has(key) && !failures.has(key) && !reading.has(key)) {
        const pending = read(entry, key).finally(() => reading.delete(key));
        reading.set(key, pending);
      }
      // An entry given as the remote's mf-manifest.json is read by the shell, not imported: the
      // remote entry it names comes with the files, once the gateway has read it too.
      const entryUrl = isFederationManifestUrl(entry.remote.entry) ? [] : [entry.remote.entry];
      const messages = language && known?.messages[language];
      return [...entryUrl, ...(known?.files ?? []), ...(messages ? [messages] : [])];
    },
    async settled() {
      await Promise.all([...reading.values()]);
    },
  };
}
