import { CHROMIUM_LAUNCH_OPTIONS } from '@carpeta/chromium';
// The simulated Cl@ve's people (as scripts/lib/topology.ts reads the agencies' catalogue).
import { MAINTAINERS, TEST_CITIZENS, TEST_ONLY_CITIZENS } from '../../../mocks/src/citizens.ts';
import { type Language, LANGUAGES } from '@carpeta/sdk';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { auditPage } from './checks.ts';
import { buildMatrix, MATRIX_DESCRIPTION, mfeForPath, pageId, type VisitorRoutes } from './matrix.ts';
import { choosePreferences, shellReady, signIn } from './portal.ts';
import { KEY_STATES, type KeyState } from './states.ts';
import type { AuditReport, PageResult, PageSpec } from './types.ts';

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

interface Visitor {
  name: string;
  nif?: string;
  /** Signs in as `nif`, then acts for the person this matches in the header's switch. */
  actingFor?: RegExp;
  primary: boolean;
}

/** Anonymous, each test citizen, the maintainer, the hostile-data citizen, and María acting for Carmen. */
export function visitors(): Visitor[] {
  const first = (name: string) =>
    name
      .split(' ')[0]
      ?.toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '') ?? name;
  const maria = TEST_CITIZENS[0];
  return [
    { name: 'anonymous', primary: true },
    ...TEST_CITIZENS.map((citizen) => ({
      name: first(citizen.givenName),
      nif: citizen.nif,
      primary: citizen === maria,
    })),
    ...MAINTAINERS.map((person) => ({ name: first(person.givenName), nif: person.nif, primary: false })),
    ...TEST_ONLY_CITIZENS.map((person) => ({ name: 'hostile', nif: person.nif, primary: false })),
    ...(maria ? [{ name: 'maria→carmen', nif: maria.nif, actingFor: /Carmen/, primary: false }] : []),
  ];
}

interface ManifestEntryLite {
  id: string;
  route: string;
  owner: { id: string; name: string };
}

export interface AuditOptions {
  portal: string;
  /** The simulated DEHú's control endpoint (partial-source states). */
  dehu: string;
  concurrency: number;
  languages?: readonly Language[];
  /** Only these visitors (names as `visitors()` gives them). */
  only?: string[];
  /** Leave out the key states. */
  noStates?: boolean;
  /** Only the key states (a quick check of the MFEs' dialogs, errors, empty lists, warnings). */
  statesOnly?: boolean;
  log: (line: string) => void;
}

/** The shell's own pages, and the page a private route shows anonymous visitors. */
const SHELL_PATHS = ['/accessibility'];
const ANONYMOUS_EXTRA = ['/', '/notifications'];

export async function runAudit(options: AuditOptions): Promise<AuditReport> {
  const started = Date.now();
  const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  try {
    const chosen = visitors().filter((visitor) => !options.only || options.only.includes(visitor.name));
    const storage = new Map<string, StorageState | undefined>();
    const routes: VisitorRoutes[] = [];
    const entries = new Map<string, ManifestEntryLite>();
    for (const visitor of chosen) {
      const state = visitor.nif
        ? await signIn(browser, options.portal, visitor.nif, visitor.actingFor)
        : undefined;
      storage.set(visitor.name, state);
      const context = await browser.newContext(state ? { storageState: state } : {});
      const manifest = (await (await context.request.get(`${options.portal}/mfes.json`)).json()) as {
        mfes: ManifestEntryLite[];
      };
      await context.close();
      for (const entry of manifest.mfes) entries.set(entry.id, entry);
      const paths = [
        ...(visitor.nif ? [] : ANONYMOUS_EXTRA),
        ...manifest.mfes.map((entry) => entry.route),
        ...SHELL_PATHS,
      ];
      routes.push({ visitor: visitor.name, primary: visitor.primary, paths: [...new Set(paths)] });
      options.log(
        `${visitor.name}: ${paths.length} routes (${manifest.mfes.map((entry) => entry.id).join(', ')})`,
      );
    }
    const owners: Record<string, string> = { shell: entries.get('home')?.owner.name ?? 'Carpeta' };
    for (const entry of entries.values()) owners[entry.id] = entry.owner.name;
    const routeList = [...entries.values()];

    const specs = options.statesOnly ? [] : buildMatrix(routes, options.languages ?? LANGUAGES);
    const states = options.noStates
      ? []
      : KEY_STATES.filter(
          (state) =>
            storage.has(state.visitor) || (state.visitor === 'anonymous' && storage.has('anonymous')),
        );
    options.log(`${specs.length} pages and ${states.length} key states, ${options.concurrency} at a time`);

    const pages: PageResult[] = [];
    let done = 0;
    const total = specs.length + states.length;
    const record = (result: PageResult) => {
      pages.push(result);
      done += 1;
      const violations = result.findings.filter((finding) => finding.severity === 'violation').length;
      options.log(
        `[${done}/${total}] ${result.id} ${result.error ? `ERROR ${result.error}` : `${violations} violation(s)`} (${(result.durationMs / 1000).toFixed(1)} s)`,
      );
    };
    const queue = [...specs];
    const worker = async () => {
      for (let spec = queue.shift(); spec; spec = queue.shift())
        record(await visit(browser, options.portal, spec, storage.get(spec.visitor), routeList));
    };
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
    // States that change the simulated agencies run alone.
    for (const state of states) {
      await state.setUp?.(options.dehu);
      try {
        record(await visitState(browser, options, state, storage.get(state.visitor), routeList));
      } finally {
        await state.tearDown?.(options.dehu);
      }
    }
    pages.sort((a, b) => a.id.localeCompare(b.id));
    return {
      tool: '@carpeta/a11y-audit',
      startedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      portal: options.portal,
      matrix: MATRIX_DESCRIPTION,
      owners,
      pages,
    };
  } finally {
    await browser.close();
  }
}

function visitState(
  browser: Browser,
  options: AuditOptions,
  state: KeyState,
  storageState: StorageState | undefined,
  routes: ManifestEntryLite[],
) {
  const base = {
    path: state.path,
    visitor: state.visitor,
    language: 'es',
    theme: 'light' as const,
    width: 1280,
  };
  const spec: PageSpec = {
    ...base,
    state: state.state,
    id: pageId({ ...base, state: state.state }),
    checks: state.checks,
  };
  return visit(browser, options.portal, spec, storageState, routes, state);
}

async function visit(
  browser: Browser,
  portal: string,
  spec: PageSpec,
  storageState: StorageState | undefined,
  routes: ManifestEntryLite[],
  state?: KeyState,
): Promise<PageResult> {
  const started = Date.now();
  const url = `${portal}${spec.path}`;
  const mfe = mfeForPath(spec.path, routes);
  const context = await browser.newContext({
    ...(storageState ? { storageState } : {}),
    viewport: { width: spec.width, height: 900 },
    colorScheme: 'light',
    bypassCSP: true,
    serviceWorkers: 'block',
    locale: spec.language === 'va' ? 'ca-ES' : spec.language,
  });
  try {
    await choosePreferences(context, portal, spec.language as Language, spec.theme);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(url);
    await shellReady(page);
    if (state) await state.act(page);
    const { findings, tabOrder } = await auditPage(page, {
      ...spec.checks,
      walkFromFocus: state?.walkFromFocus,
    });
    return { ...spec, url, mfe, findings, tabOrder, durationMs: Date.now() - started };
  } catch (error) {
    return {
      ...spec,
      url,
      mfe,
      findings: [],
      error: (error as Error).message.split('\n')[0] ?? String(error),
      durationMs: Date.now() - started,
    };
  } finally {
    await context.close();
  }
}
