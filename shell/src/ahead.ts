import { type ManifestEntry, routeMatches } from '@carpeta/sdk';
import { PREFETCH_AFTER_MS, WARM_AFTER_MS } from './after-first-route.ts';
import type { ShellContext } from './context.ts';
import type { warmLifecycles } from './federation.ts';
import type { loadableOrigins } from './register.ts';

/*
 * Loading ahead, once the first route is shown (this module is a chunk of its own, imported then):
 * the navigation's remote entries and, while the browser is idle, the MFEs on the shell's framework
 * copies; the MFE of a link pointed at or focused. A switch then only mounts. The first route never
 * shares the network with any of it. What it uses of the entry's modules is handed to it, not
 * imported: an import would split those modules out of the entry into one more first-route file.
 */

const prefetched = new Set<string>();

/**
 * Fetches the remote entries of MFEs the citizen may open next, without running them: a
 * `modulepreload` link each, added once, when the browser is idle. A later switch to one of them
 * then imports an entry the browser already holds. Classic-script remotes are left alone.
 */
export function prefetchRemotes(entries: readonly ManifestEntry[], doc: Document = document): void {
  const run = () => {
    for (const entry of entries) {
      const href = entry.remote.entry;
      if (entry.remote.type !== 'module' || href.endsWith('.json') || prefetched.has(href)) continue;
      prefetched.add(href);
      if (doc.querySelector(`link[rel="modulepreload"][href="${CSS.escape(href)}"]`)) continue;
      const link = doc.createElement('link');
      link.rel = 'modulepreload';
      link.crossOrigin = 'anonymous';
      link.href = href;
      doc.head.append(link);
    }
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 5000 });
  else setTimeout(run, 1000);
}

/** Frameworks whose MFEs use the shell's shared copies: warming one downloads only its own code. */
const SHELL_PROVIDED_FRAMEWORKS: ReadonlySet<ManifestEntry['framework']> = new Set(['react', 'vanilla']);

/**
 * Whether the citizen asked the browser to save data, or the network is a 2G one: no MFE is then
 * loaded while idle, only the one whose link is pointed at or focused (the remote entries, a few
 * KB each, are still prefetched).
 */
export function savingData(nav: Navigator = navigator): boolean {
  const connection = (nav as Navigator & { connection?: { saveData?: boolean; effectiveType?: string } })
    .connection;
  return connection?.saveData === true || /(^|-)2g$/.test(connection?.effectiveType ?? '');
}

type Idle = () => Promise<void>;
const whenIdle: Idle = () =>
  new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 5000 });
    else setTimeout(resolve, 200);
  });
let idleRun = 0;

/**
 * Loads ahead, one after another and each when the browser is idle, the lifecycles of the MFEs
 * the citizen may open next (the navigation's), so that a switch to one only mounts it, pointed
 * at or not. Only MFEs on the shell's shared framework copies (React as Preact, plain JavaScript):
 * an Angular MFE brings Angular itself, which a citizen who never opens it should not download,
 * and waits for its link to be pointed at. Nothing when the browser saves data. It starts after
 * `afterMs`; a new call (a new manifest) stops the previous one; failures are forgotten
 * (`warmLifecycles`).
 */
export async function warmWhileIdle(
  entries: readonly ManifestEntry[],
  warm: (entry: ManifestEntry) => Promise<void>,
  options: { idle?: Idle; nav?: Navigator; afterMs?: number } = {},
): Promise<void> {
  idleRun += 1;
  const run = idleRun;
  if (savingData(options.nav)) return;
  const idle = options.idle ?? whenIdle;
  if (options.afterMs) await new Promise((resolve) => setTimeout(resolve, options.afterMs));
  for (const entry of entries) {
    if (!SHELL_PROVIDED_FRAMEWORKS.has(entry.framework)) continue;
    await idle();
    if (run !== idleRun) return;
    // One failure does not stop the others (`warmLifecycles` already settles without rejecting).
    await warm(entry).catch(() => undefined);
  }
}

/**
 * Starts loading ahead for this page. The navigation's remotes this session may load (the page's
 * CSP allows their origins): their remote entries 1.5 s after the first route, the idle warm-up
 * from 5 s after it, and both again with every new manifest (a sign-in in place, a switch of who
 * the citizen acts for). At once, the MFE of any link to another MFE's route that is pointed at
 * (a mouse over it, a finger down on it) or focused.
 */
export function startLoadingAhead(
  context: Pick<ShellContext, 'manifest' | 'session' | 'language'>,
  shell: { warmLifecycles: typeof warmLifecycles; loadableOrigins: typeof loadableOrigins },
  loadTimeoutMs: number,
): void {
  const { manifest, session } = context;
  const { loadableOrigins } = shell;
  // The MFE, and what its first render in the page's language needs (its messages, if it loads
  // them on demand: `prepare`).
  const warm = async (entry: ManifestEntry) => {
    const lifecycles = await shell.warmLifecycles(entry, entry.timeouts?.load ?? loadTimeoutMs);
    await lifecycles?.prepare?.(context.language.get()).catch(() => undefined);
  };
  const prefetchLoadable = () => {
    const current = manifest.get();
    if (current.status !== 'ready') return;
    const origins = loadableOrigins(current.entries, session.get());
    const next = current.entries.filter(
      (entry) => entry.nav.show && origins.has(new URL(entry.remote.entry).origin),
    );
    prefetchRemotes(next);
    void warmWhileIdle(next, warm, { afterMs: WARM_AFTER_MS - PREFETCH_AFTER_MS });
  };
  const warmFromLink = (event: Event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    const current = manifest.get();
    if (!(link instanceof HTMLAnchorElement) || link.origin !== window.location.origin) return;
    if (current.status !== 'ready' || link.pathname === window.location.pathname) return;
    const entry = current.entries.find((item) => routeMatches(item.route, link.pathname));
    if (!entry || !loadableOrigins([entry], session.get()).size) return;
    void warm(entry);
  };
  setTimeout(prefetchLoadable, PREFETCH_AFTER_MS);
  manifest.subscribe(prefetchLoadable);
  document.addEventListener('pointerover', warmFromLink, { passive: true });
  document.addEventListener('focusin', warmFromLink);
}
