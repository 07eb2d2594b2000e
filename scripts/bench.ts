// `pnpm bench`: serves the built portal on its own ports, opens the first route in Debian's
// chromium and prints the gzip bytes of JavaScript the browser downloaded, split by shell, shared
// modules and each MFE, then Lighthouse scores and metrics of the first routes, then a load run on
// the gateway (autocannon: agency healthy, slow, down; telemetry flood) with its peak memory. A
// measurement, not a test: it prints figures and exits 0.
//   --load-only   only the load run (needs no build)      --no-load   skip the load run
//   BENCH_LOAD_SECONDS (20), BENCH_LOAD_CONNECTIONS (50)
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_ARGS, CHROMIUM_LAUNCH_OPTIONS, CHROMIUM_PATH } from '@carpeta/chromium';
import { chromium } from '@playwright/test';
import { defaultScenarios, printLoadResults, runLoadBench } from './lib/load-bench.ts';
import { portalProcesses } from './lib/portal-processes.ts';
import { assertPortsFree, Supervisor } from './lib/processes.ts';
import { ROOT, topology } from './lib/topology.ts';

const BUDGET_KB = 100;
// 7000+: away from `npm start` (4000+), the e2e tests (5000+) and ports browsers refuse (6000).
const topo = topology(Number(process.env.CARPETA_BENCH_PORT_BASE ?? 7000));
const loadOnly = process.argv.includes('--load-only');
const withLoad = !process.argv.includes('--no-load');
const AGENCY_TIMEOUT_MS = 4000;
const supervisor = new Supervisor();
await assertPortsFree([topo.gatewayPort, topo.agencyPort, ...topo.mfes.map((mfe) => mfe.port)]);
// The gateway logs at `npm start`'s level; its lines are counted (the load run reports them), not printed.
await supervisor.start(
  portalProcesses(topo, { AGENCY_TIMEOUT_MS: String(AGENCY_TIMEOUT_MS) }).map((spec) =>
    spec.name === 'gateway'
      ? { ...spec, quiet: true, env: { ...spec.env, LOG_LEVEL: 'info' } }
      : { ...spec, env: { ...spec.env, LOG_LEVEL: 'warn' } },
  ),
);

async function loadRun() {
  const connections = Number(process.env.BENCH_LOAD_CONNECTIONS ?? 50);
  const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 20);
  const results = await runLoadBench({
    topo,
    supervisor,
    gatewayName: 'gateway',
    scenarios: defaultScenarios(AGENCY_TIMEOUT_MS),
    connections,
    seconds,
  });
  printLoadResults(results, supervisor.pid('gateway') ?? 0, connections, seconds);
}

if (loadOnly) {
  await loadRun();
  await supervisor.stop(0);
}

const SHARED =
  /(react|scheduler|i18next|carpeta_sdk|carpeta_design|design-system|sdk|loadShare|jsx-runtime)/i;
const mfeByOrigin = new Map(topo.mfes.map((mfe) => [new URL(mfe.url).origin, mfe.name]));

interface Row {
  url: string;
  group: string;
  raw: number;
  gzip: number;
}

const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
const rows: Row[] = [];
try {
  const page = await browser.newPage();
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    const isScript = response.request().resourceType() === 'script' || /\.m?js$/.test(url.pathname);
    if (!isScript || response.status() >= 400) return;
    pending.push(
      response.body().then(
        (body) => {
          const origin = url.origin;
          const file = url.pathname.split('/').pop() ?? '';
          const mfe = mfeByOrigin.get(origin);
          const group = mfe
            ? SHARED.test(file)
              ? `shared (from mfe ${mfe})`
              : `mfe ${mfe}`
            : SHARED.test(file)
              ? 'shared'
              : 'shell';
          rows.push({
            url: `${url.host}${url.pathname}`,
            group,
            raw: body.length,
            gzip: gzipSync(body, { level: 9 }).length,
          });
        },
        () => undefined,
      ),
    );
  });
  const started = performance.now();
  await page.goto(`${topo.portal}/`, { waitUntil: 'load' });
  await page.locator('[data-mfe="home"][aria-busy="false"]').waitFor({ timeout: 30_000 });
  await page.getByTestId('pending-count').waitFor({ timeout: 30_000 });
  const elapsed = performance.now() - started;
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);

  const kb = (bytes: number) => (bytes / 1024).toFixed(1).padStart(8);
  const groups = new Map<string, { files: number; raw: number; gzip: number }>();
  for (const row of rows) {
    const group = groups.get(row.group) ?? { files: 0, raw: 0, gzip: 0 };
    group.files += 1;
    group.raw += row.raw;
    group.gzip += row.gzip;
    groups.set(row.group, group);
  }
  console.log('\nJavaScript downloaded to show the first route (/), by part:\n');
  console.log(`${'part'.padEnd(28)}${'files'.padStart(6)}${'raw KB'.padStart(10)}${'gzip KB'.padStart(10)}`);
  let total = { files: 0, raw: 0, gzip: 0 };
  for (const [name, group] of [...groups].sort((a, b) => b[1].gzip - a[1].gzip)) {
    console.log(`${name.padEnd(28)}${String(group.files).padStart(6)}  ${kb(group.raw)}  ${kb(group.gzip)}`);
    total = { files: total.files + group.files, raw: total.raw + group.raw, gzip: total.gzip + group.gzip };
  }
  console.log(`${'TOTAL'.padEnd(28)}${String(total.files).padStart(6)}  ${kb(total.raw)}  ${kb(total.gzip)}`);
  console.log(
    `\nbudget (target): ${BUDGET_KB} KB gzip → ${total.gzip / 1024 <= BUDGET_KB ? 'within' : 'OVER'} budget`,
  );
  console.log(`time to home MFE mounted with data (local, cold cache): ${elapsed.toFixed(0)} ms`);
  if (process.env.BENCH_VERBOSE) {
    console.log('\nfiles:');
    for (const row of rows.sort((a, b) => b.gzip - a.gzip))
      console.log(`${kb(row.gzip)}  ${row.group.padEnd(20)} ${row.url}`);
  }
} finally {
  await browser.close();
}

// Lighthouse (mobile profile, simulated throttling) on the first routes, through Debian's chromium.
interface LighthouseReport {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { numericValue?: number }>;
}
const runLighthouse = promisify(execFile);
const lighthouse = join(ROOT, 'node_modules/.bin/lighthouse');
console.log('\nLighthouse (mobile, simulated throttling):\n');
console.log(
  `${'page'.padEnd(16)}${'perf'.padStart(6)}${'a11y'.padStart(6)}${'best'.padStart(6)}${'FCP ms'.padStart(9)}${'LCP ms'.padStart(9)}${'TBT ms'.padStart(9)}${'CLS'.padStart(7)}`,
);
for (const path of ['/', '/notifications']) {
  try {
    const { stdout } = await runLighthouse(
      lighthouse,
      [
        `${topo.portal}${path}`,
        '--output=json',
        '--output-path=stdout',
        '--quiet',
        '--only-categories=performance,accessibility,best-practices',
        `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`,
      ],
      { env: { ...process.env, CHROME_PATH: CHROMIUM_PATH }, maxBuffer: 64 * 1024 * 1024 },
    );
    const report = JSON.parse(stdout) as LighthouseReport;
    const score = (id: string) => String(Math.round((report.categories[id]?.score ?? 0) * 100)).padStart(6);
    const metric = (id: string, digits = 0) =>
      (report.audits[id]?.numericValue ?? Number.NaN).toFixed(digits);
    console.log(
      `${path.padEnd(16)}${score('performance')}${score('accessibility')}${score('best-practices')}${metric('first-contentful-paint').padStart(9)}${metric('largest-contentful-paint').padStart(9)}${metric('total-blocking-time').padStart(9)}${metric('cumulative-layout-shift', 3).padStart(7)}`,
    );
  } catch (error) {
    console.log(`${path.padEnd(16)} Lighthouse failed: ${(error as Error).message.split('\n')[0]}`);
  }
}
if (withLoad) await loadRun();
await supervisor.stop(0);
