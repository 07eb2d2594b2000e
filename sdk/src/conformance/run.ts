/// <reference types="node" />
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Session } from '../domain.ts';
import { remoteEntryOfManifest } from '../federation.ts';
import { LANGUAGES, type Language } from '../languages.ts';
import { REMOTE_ERRORS, type RemoteErrorKey } from '../remote-errors.ts';
import { installProbe, type ProbeSnapshot } from './probe.ts';
import type {
  ConformanceCheck,
  ConformanceHostApi,
  ConformanceLoadResult,
  ConformanceReport,
  ConformanceResponse,
  ConformanceState,
  ConformanceTheme,
  ConformanceUnmountResult,
} from './types.ts';

/** What `runConformance` (and `carpeta-conformance`) take. */
export interface ConformanceOptions {
  /**
   * The remote: its `mf-manifest.json`, or its `remoteEntry.js` (then `name` or a sibling manifest)
   * by http(s) URL; or the directory of its build (e.g. `dist`), which the kit serves itself on a
   * loopback port for the run, as an MFE's own CI has it.
   */
  remote: string;
  /** The container name, when `remote` is a remote entry without a manifest beside it. */
  name?: string;
  /** The exposed module (default: `./lifecycles`, or the manifest's only one). */
  expose?: string;
  /** The manifest entry's SRI hash of the remote entry (`sha384-…`): checked before anything runs. */
  integrity?: string;
  /** Mount and unmount cycles: at least one per state, theme and language (9, or 10 with responses). */
  cycles?: number;
  /** The remote's own JavaScript budget, gzip (default 150 KB). */
  budgetKb?: number;
  /** Canned API answers: with them, every mount after the loading one shows the remote with data. */
  responses?: Record<string, ConformanceResponse>;
  /** The route the remote is mounted on (default `/<name without carpeta_>`). */
  basePath?: string;
  /** Time limit of load, bootstrap, mount and unmount each (ms, default 10 000). */
  timeoutMs?: number;
  /** Chromium to drive (default `CHROMIUM_PATH`, else `/usr/bin/chromium`, else Playwright's own). */
  chromiumPath?: string;
  /** The built host page (default: the one shipped with the sdk). */
  hostDir?: string;
  /** Progress lines, e.g. `console.error`. */
  log?: (line: string) => void;
}

const KIT_VERSION = (() => {
  try {
    const manifest = new URL('../../package.json', import.meta.url);
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
})();

/**
 * The host page: `dist/conformance-host` in the published sdk (copied there by the contract build),
 * `tools/conformance-host/dist` in the Carpeta repository (built by `pnpm build`).
 */
export function defaultHostDir(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const published = join(here, '..', 'conformance-host');
  if (existsSync(join(published, 'index.html'))) return published;
  return join(here, '..', '..', '..', 'tools', 'conformance-host', 'dist');
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};

function serve(root: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    response.end(readFileSync(file));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, origin: `http://127.0.0.1:${port}` });
    });
  });
}

/** The remote entry, container and exposed module a URL names. */
export interface ResolvedRemote {
  entry: string;
  name: string;
  expose: string;
}

interface FederationManifest {
  name?: string;
  exposes?: { path?: string }[];
}

/** "fetch failed" and its cause, e.g. "connect ECONNREFUSED 127.0.0.1:5999". */
function describeFetchError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}

async function fetchJson(url: string, timeoutMs: number): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new Error(`${url} could not be fetched (${describeFetchError(error)})`);
  }
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

/** The remote entry, container name and exposed module of a manifest or remote entry URL. */
export async function resolveRemote(
  options: Pick<ConformanceOptions, 'remote' | 'name' | 'expose' | 'timeoutMs'>,
): Promise<ResolvedRemote> {
  const url = new URL(options.remote);
  const timeoutMs = options.timeoutMs ?? 10_000;
  let manifestUrl: URL | undefined = url.pathname.endsWith('.json') ? url : undefined;
  let manifest: FederationManifest | undefined;
  if (!manifestUrl && !options.name) manifestUrl = new URL('mf-manifest.json', url);
  if (manifestUrl) {
    try {
      manifest = (await fetchJson(manifestUrl.href, timeoutMs)) as FederationManifest;
    } catch (error) {
      if (manifestUrl === url) throw error;
      throw new Error(
        `${options.remote}: give the container name (--name), or serve mf-manifest.json beside the remote entry (${String(error)})`,
      );
    }
  }
  const name = options.name ?? manifest?.name;
  if (!name) throw new Error(`${options.remote}: the manifest names no container`);
  let entry = url.href;
  if (manifestUrl === url) {
    try {
      entry = remoteEntryOfManifest(manifest, url.href);
    } catch (error) {
      throw new Error(`${options.remote}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const exposed = (manifest?.exposes ?? [])
    .map((item) => item.path)
    .filter((path): path is string => Boolean(path));
  const expose =
    options.expose ??
    (exposed.includes('./lifecycles') || exposed.length === 0 ? './lifecycles' : (exposed[0] as string));
  return { entry, name, expose };
}

/** Whether `integrity` (`sha256|sha384|sha512-<base64>`) is the hash of the file at `url`. */
async function integrityMatches(url: string, integrity: string, timeoutMs: number): Promise<boolean> {
  const [algorithm, expected] = [
    integrity.slice(0, integrity.indexOf('-')),
    integrity.slice(integrity.indexOf('-') + 1),
  ];
  if (!['sha256', 'sha384', 'sha512'].includes(algorithm)) return false;
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  const digest = createHash(algorithm)
    .update(Buffer.from(await response.arrayBuffer()))
    .digest('base64');
  return digest === expected;
}

const SIGNED_IN: Session = {
  authenticated: true,
  citizen: {
    displayName: 'María García López',
    maskedId: '***4567**',
    loa: 'substantial',
    method: 'clave-permanente',
    previousAccess: null,
    actingFor: null,
    expiresAt: '2099-01-01T00:30:00.000Z',
    absoluteExpiresAt: '2099-01-01T08:00:00.000Z',
  },
};

/** One mount of the kit: its language, theme and what the API answers. */
export interface ConformanceCycle {
  language: Language;
  theme: ConformanceTheme;
  state: ConformanceState;
}

/** Which language, theme and API state each mount uses: every state and theme, then every language. */
export function conformanceCycles(count: number, withResponses: boolean): ConformanceCycle[] {
  const shown: ConformanceState = withResponses ? 'responses' : 'error';
  const first: ConformanceCycle[] = [
    { language: 'es', theme: 'light', state: 'loading' },
    { language: 'es', theme: 'light', state: 'error' },
    ...(withResponses
      ? [{ language: 'es' as const, theme: 'light' as const, state: 'responses' as const }]
      : []),
    { language: 'es', theme: 'dark', state: shown },
    { language: 'es', theme: 'high-contrast', state: shown },
  ];
  const others = LANGUAGES.filter((language) => language !== 'es').map(
    (language): ConformanceCycle => ({ language, theme: 'light', state: shown }),
  );
  const all = [...first, ...others];
  const cycles: ConformanceCycle[] = [];
  // At least one of each (9, or 10 with responses), at least 3.
  for (let index = 0; cycles.length < Math.max(count, all.length); index++)
    cycles.push(all[index % all.length] as ConformanceCycle);
  return cycles;
}

function failed(
  key: RemoteErrorKey,
  id: ConformanceCheck['id'],
  summary: string,
  problems: string[],
): ConformanceCheck {
  return { id, ok: false, code: REMOTE_ERRORS[key].code, summary, problems };
}

function growth(first: ProbeSnapshot, last: ProbeSnapshot, cycles: number): string[] {
  const problems: string[] = [];
  const mounts = cycles - 1;
  for (const [where, before, after] of [
    ['window', first.windowListeners, last.windowListeners],
    ['document', first.documentListeners, last.documentListeners],
  ] as const) {
    for (const [type, count] of Object.entries(after)) {
      const added = count - (before[type] ?? 0);
      if (added > 0)
        problems.push(
          `${added} more "${type}" listener(s) on ${where} after ${mounts} more mounts: unmount does not remove them`,
        );
    }
  }
  if (last.intervals > first.intervals)
    problems.push(
      `${last.intervals - first.intervals} more interval(s) running after ${mounts} more mounts: unmount does not clear them`,
    );
  if (last.timeouts > first.timeouts)
    problems.push(`${last.timeouts - first.timeouts} more pending timeout(s) after ${mounts} more mounts`);
  if (last.bodyElements.length > first.bodyElements.length) {
    const added = [...last.bodyElements];
    for (const element of first.bodyElements) added.splice(added.indexOf(element), 1);
    problems.push(
      `${last.bodyElements.length - first.bodyElements.length} more element(s) left in <body>, outside the MFE's element: ${[...new Set(added)].slice(0, 5).join(', ')}`,
    );
  }
  if (last.styles > first.styles)
    problems.push(
      `${last.styles - first.styles} more <style>/<link rel="stylesheet"> in the page: styles are added on every mount`,
    );
  const newGlobals = last.globals.filter((name) => !first.globals.includes(name));
  if (newGlobals.length > 0) problems.push(`new globals on window: ${newGlobals.slice(0, 10).join(', ')}`);
  return problems;
}

interface AxeResult {
  violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

/**
 * Mounts the remote in Chromium as the portal would, and checks what the agency kit asks of every
 * MFE: it loads and exports lifecycles; it mounts and unmounts `cycles` times, in every language,
 * theme and API state, leaving nothing behind; it brings no copy of a shared singleton; axe finds no
 * WCAG 2.1 AA violation in any of those states; its JavaScript is within budget; every portal
 * language has every message Spanish has. Never throws for the remote's faults: they are the report.
 */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  if (/^https?:\/\//i.test(options.remote)) return runOnRemote(options);
  // A build directory: served by the kit for the run (the remote's public path is relative).
  const directory = resolve(options.remote);
  if (!existsSync(directory) || !statSync(directory).isDirectory())
    throw new Error(`${options.remote} is neither an http(s) URL nor a directory`);
  const file = existsSync(join(directory, 'mf-manifest.json')) ? 'mf-manifest.json' : 'remoteEntry.js';
  const { server, origin } = await serve(directory);
  try {
    const report = await runOnRemote({ ...options, remote: `${origin}/${file}` });
    return { ...report, remote: options.remote };
  } finally {
    server.close();
  }
}

async function runOnRemote(options: ConformanceOptions): Promise<ConformanceReport> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const budgetBytes = Math.round((options.budgetKb ?? 150) * 1024);
  const checks: ConformanceCheck[] = [];
  const size = { bytes: 0, gzipBytes: 0, files: 0, budgetBytes };
  const report = (resolved: Partial<ResolvedRemote>): ConformanceReport => ({
    remote: options.remote,
    entry: resolved.entry ?? options.remote,
    name: resolved.name ?? options.name ?? '',
    expose: resolved.expose ?? options.expose ?? './lifecycles',
    ok: checks.length > 0 && checks.every((check) => check.ok),
    checks,
    size,
    durationMs: Date.now() - started,
    kit: KIT_VERSION,
  });

  let resolved: ResolvedRemote;
  try {
    resolved = await resolveRemote({ ...options, timeoutMs });
  } catch (error) {
    checks.push(failed('unreachable', 'load', 'the remote could not be found', [describeFetchError(error)]));
    return report({});
  }
  if (options.integrity) {
    let intact = false;
    try {
      intact = await integrityMatches(resolved.entry, options.integrity, timeoutMs);
    } catch (error) {
      checks.push(
        failed('unreachable', 'load', 'the remote entry could not be fetched', [describeFetchError(error)]),
      );
      return report(resolved);
    }
    if (!intact) {
      checks.push(
        failed(
          'integrity',
          'load',
          'the remote entry does not match its integrity hash; nothing of it was run',
          [`${resolved.entry} is not ${options.integrity.slice(0, 20)}…`],
        ),
      );
      return report(resolved);
    }
  }

  const hostDir = options.hostDir ?? defaultHostDir();
  if (!existsSync(join(hostDir, 'index.html'))) {
    throw new Error(
      `The kit's host page is not built (${hostDir}); in the Carpeta repository run \`pnpm build\``,
    );
  }
  const { chromium } = await import('playwright-core');
  const executablePath =
    options.chromiumPath ??
    process.env.CHROMIUM_PATH ??
    (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const { server, origin } = await serve(normalize(hostDir));
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.addInitScript(installProbe);
    const remoteOrigin = new URL(resolved.entry).origin;
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // The remote's server allows the portal's origin, not the kit's: its answers get the kit's
    // origin added (CORS is the operators' concern, not the remote's code), and are weighed.
    await page.route(
      (url) => url.origin === remoteOrigin,
      async (route) => {
        let response: Awaited<ReturnType<typeof route.fetch>>;
        try {
          response = await route.fetch();
        } catch {
          await route.abort('connectionrefused');
          return;
        }
        const body = await response.body();
        if (route.request().resourceType() === 'script' && response.ok()) {
          size.files += 1;
          size.bytes += body.length;
          size.gzipBytes += gzipSync(body).length;
        }
        await route.fulfill({
          response,
          body,
          headers: { ...response.headers(), 'access-control-allow-origin': origin },
        });
      },
    );
    await page.goto(`${origin}/index.html`);
    try {
      await page.waitForFunction(
        () => document.documentElement.dataset.conformanceReady === 'true',
        undefined,
        {
          timeout: 20_000,
        },
      );
    } catch {
      throw new Error(
        `the kit's host page (${hostDir}) did not start: ${pageErrors.join('; ') || 'no error in the page'} (rebuild it: pnpm build)`,
      );
    }
    type HostWindow = Window & { carpetaConformance: ConformanceHostApi };
    // 1. Load.
    log(`loading ${resolved.name}/${resolved.expose.replace(/^\.\//, '')} from ${resolved.entry}`);
    const loaded: ConformanceLoadResult = await page.evaluate(
      (value) => (window as unknown as HostWindow).carpetaConformance.load(value),
      { ...resolved, timeoutMs },
    );
    if (!loaded.ok) {
      checks.push(
        failed(loaded.failure, 'load', REMOTE_ERRORS[loaded.failure].summary, [
          loaded.message,
          ...pageErrors,
        ]),
      );
      return report(resolved);
    }
    checks.push({
      id: 'load',
      ok: true,
      summary: `loaded ${resolved.name}/${resolved.expose.replace(/^\.\//, '')}`,
      problems: [],
    });

    // 2. Mount and unmount, in every state, theme and language; axe in each.
    const cycles = conformanceCycles(options.cycles ?? 0, options.responses !== undefined);
    const mfeId = resolved.name.replace(/^carpeta_/, '').replace(/_/g, '-');
    const basePath = options.basePath ?? `/${mfeId}`;
    const snapshots: ProbeSnapshot[] = [];
    const mountProblems: string[] = [];
    const leakProblems: string[] = [];
    const axeProblems = new Map<string, string>();
    const axeSource = readFileSync(fileURLToPath(import.meta.resolve('axe-core/axe.min.js')), 'utf8');
    await page.addScriptTag({ content: axeSource });
    let mountFailure: RemoteErrorKey | undefined;
    for (const [index, cycle] of cycles.entries()) {
      const label = `${cycle.language}, ${cycle.theme}, ${cycle.state}`;
      const mounted: ConformanceLoadResult = await page.evaluate(
        (value) => (window as unknown as HostWindow).carpetaConformance.mount(value),
        {
          mfeId,
          basePath,
          language: cycle.language,
          theme: cycle.theme,
          state: cycle.state,
          responses: options.responses,
          session: SIGNED_IN,
          timeoutMs,
        },
      );
      if (!mounted.ok) {
        mountFailure ??= mounted.failure;
        mountProblems.push(`mount ${index + 1} (${label}): ${mounted.message}`);
        break;
      }
      // Let the first requests settle (the `loading` state's never do) and the screen render.
      await page.waitForTimeout(cycle.state === 'loading' ? 150 : 400);
      const axe = (await page.evaluate(async () => {
        const runner = (
          window as unknown as { axe: { run(context: unknown, options: unknown): Promise<unknown> } }
        ).axe;
        return runner.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
          resultTypes: ['violations'],
        });
      })) as AxeResult;
      for (const violation of axe.violations) {
        const key = `${violation.id}|${cycle.theme}|${cycle.state}`;
        if (!axeProblems.has(key)) {
          const target = violation.nodes[0]?.target.join(' ') ?? '';
          axeProblems.set(
            key,
            `${violation.id} (${violation.impact ?? 'n/a'}) in ${label}: ${violation.help}; ${violation.nodes.length} element(s), first ${target}`,
          );
        }
      }
      const unmounted: ConformanceUnmountResult = await page.evaluate(
        (value) => (window as unknown as HostWindow).carpetaConformance.unmount(value),
        timeoutMs,
      );
      if (!unmounted.ok) {
        mountFailure ??= unmounted.failure;
        mountProblems.push(`unmount ${index + 1} (${label}): ${unmounted.message}`);
        break;
      }
      if (unmounted.leftInElement)
        leakProblems.push(
          `unmount ${index + 1} (${label}) left ${unmounted.leftInElement} node(s) in the MFE's element`,
        );
      const props = unmounted.propsListeners;
      if (props && props.language + props.session + props.events > 0) {
        leakProblems.push(
          `unmount ${index + 1} (${label}) left listeners on the props: ${props.language} language, ${props.session} session, ${props.events} events`,
        );
      }
      await page.waitForTimeout(50);
      snapshots.push(
        await page.evaluate(() =>
          (window as unknown as { __carpetaProbe: { snapshot(): ProbeSnapshot } }).__carpetaProbe.snapshot(),
        ),
      );
      log(`mount ${index + 1}/${cycles.length} (${label}): ${axe.violations.length} axe violation(s)`);
    }
    const completed = snapshots.length;
    checks.push(
      mountFailure
        ? failed(mountFailure, 'mount', REMOTE_ERRORS[mountFailure].summary, [
            ...mountProblems,
            ...pageErrors.slice(0, 3),
          ])
        : {
            id: 'mount',
            ok: true,
            summary: `${completed} mounts and unmounts (${[...new Set(cycles.map((cycle) => cycle.language))].join(', ')}; light, dark, high contrast; ${[...new Set(cycles.map((cycle) => cycle.state))].join(', ')})`,
            problems: [],
          },
    );
    if (mountFailure) return report(resolved);
    if (completed >= 2)
      leakProblems.push(
        ...growth(snapshots[0] as ProbeSnapshot, snapshots[completed - 1] as ProbeSnapshot, completed),
      );
    checks.push(
      leakProblems.length > 0
        ? failed('leak', 'leaks', 'the remote leaves something behind on unmount', [...new Set(leakProblems)])
        : {
            id: 'leaks',
            ok: true,
            summary: `nothing left after ${completed} unmounts (DOM, listeners, timers, globals, styles)`,
            problems: [],
          },
    );

    // 3. One copy of each shared singleton.
    const singletons = await page.evaluate(() =>
      (window as unknown as HostWindow).carpetaConformance.singletons(),
    );
    const renderers = await page.evaluate(() =>
      (window as unknown as { __carpetaProbe: { renderers(): string[] } }).__carpetaProbe.renderers(),
    );
    const singletonProblems = [
      ...renderers.map(
        (renderer) =>
          `it runs its own React (${renderer}); the portal's React is shared: declare react, react-dom and react/jsx-runtime shared (carpetaRemote() from @carpeta/sdk/federation does)`,
      ),
      ...singletons.duplicates.map(
        (duplicate) =>
          `${duplicate.name} is loaded twice (${duplicate.versions.join('; ')}): a singleton must be one copy`,
      ),
    ];
    checks.push(
      singletonProblems.length > 0
        ? failed(
            'duplicateSingleton',
            'singletons',
            REMOTE_ERRORS.duplicateSingleton.summary,
            singletonProblems,
          )
        : {
            id: 'singletons',
            ok: true,
            summary: 'one copy of React, i18next, the sdk and the design system',
            problems: [],
          },
    );

    // 4. Accessibility.
    checks.push(
      axeProblems.size > 0
        ? failed('accessibility', 'accessibility', `axe found WCAG 2.1 AA violations`, [
            ...axeProblems.values(),
          ])
        : {
            id: 'accessibility',
            ok: true,
            summary: `axe: 0 WCAG 2.1 AA violations in ${completed} mounted states`,
            problems: [],
          },
    );

    // 5. Size.
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    checks.push(
      size.gzipBytes > budgetBytes
        ? failed('size', 'size', `its JavaScript is over budget`, [
            `${kb(size.gzipBytes)} gzip in ${size.files} files from ${remoteOrigin}; the budget is ${kb(budgetBytes)}`,
          ])
        : {
            id: 'size',
            ok: true,
            summary: `${kb(size.gzipBytes)} gzip in ${size.files} files (budget ${kb(budgetBytes)})`,
            problems: [],
          },
    );

    // 6. Translations.
    const translations = await page.evaluate(() =>
      (window as unknown as HostWindow).carpetaConformance.translations(),
    );
    const translationProblems = translations.missing.map(
      ({ language, keys }) =>
        `${language} lacks ${keys.length} message(s): ${keys.slice(0, 8).join(', ')}${keys.length > 8 ? ', …' : ''}`,
    );
    checks.push(
      translationProblems.length > 0
        ? failed(
            'translations',
            'translations',
            'messages are missing in some portal languages',
            translationProblems,
          )
        : translations.translators === 0
          ? {
              id: 'translations',
              ok: true,
              summary: 'not checked: the remote made no translator with the shared i18next',
              problems: [],
            }
          : {
              id: 'translations',
              ok: true,
              summary: `all ${LANGUAGES.length} portal languages have every message (${translations.translators} catalogue(s))`,
              problems: [],
            },
    );
    return report(resolved);
  } finally {
    await browser.close();
    server.close();
  }
}

/** The report as a person reads it. */
export function formatConformanceReport(report: ConformanceReport): string {
  const lines = [`carpeta-conformance ${report.kit}: ${report.remote}`];
  if (report.name) lines.push(`  ${report.name}/${report.expose.replace(/^\.\//, '')} from ${report.entry}`);
  for (const check of report.checks) {
    lines.push(
      `  ${check.ok ? 'pass' : 'FAIL'}  ${check.id.padEnd(13)} ${check.code ? `${check.code} ` : ''}${check.summary}`,
    );
    for (const problem of check.problems) lines.push(`          - ${problem}`);
  }
  const failures = report.checks.filter((check) => !check.ok).length;
  lines.push(
    report.ok
      ? `All ${report.checks.length} checks passed in ${(report.durationMs / 1000).toFixed(1)} s.`
      : `${failures} of ${report.checks.length} checks failed in ${(report.durationMs / 1000).toFixed(1)} s.`,
  );
  return lines.join('\n');
}
