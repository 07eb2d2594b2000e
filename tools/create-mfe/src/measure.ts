#!/usr/bin/env node
// pnpm exec node tools/create-mfe/src/measure.ts [--where outside|repository] [--port-base 8600] [--name tributos]
// Times an administration's path from nothing to its MFE on screen in a running portal.
// --where outside (default): as an agency's own repository has it, with the packed contract and
// scaffolder standing for the registry's (packed first, not timed): `npm create carpeta-mfe`, its
// install, type-check and build, `npm test`, `npm run conformance`; its build served from its own
// origin, the printed entry added to the manifest of a portal already running (no restart), and a
// citizen of its audience signed in and seeing its heading in Chromium.
// --where repository: `pnpm new:mfe --yes` in this checkout, the package's build, its test, the
// portal started (`scripts/portal.ts`, the other MFEs already built), and the same citizen; then the
// MFE removed again (package, manifest entry, lockfile), whatever happened.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CHROMIUM_LAUNCH_OPTIONS } from '@carpeta/chromium';
import { createStaticServer } from '@carpeta/static-server';
import { chromium } from 'playwright-core';
import {
  conformanceOutside,
  installAndBuild,
  packKit,
  scaffoldOutside,
  TRIBUTOS,
  testOutside,
} from './agency.ts';
import { MANIFEST_CONFIG } from './scaffold.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const { values } = parseArgs({
  options: {
    where: { type: 'string', default: 'outside' },
    'port-base': { type: 'string', default: '8600' },
    name: { type: 'string', default: TRIBUTOS.name },
  },
});
if (values.where !== 'outside' && values.where !== 'repository') {
  console.error('--where is outside or repository');
  process.exit(2);
}
const base = Number(values['port-base']);
const name = values.name;
const title = TRIBUTOS.title;
const portal = `http://127.0.0.1:${base}`;
const idp = `http://127.0.0.1:${base + 110}`;
const agencyOrigin = `http://127.0.0.1:${base + 294}`;

const manifestBefore = readFileSync(join(ROOT, MANIFEST_CONFIG), 'utf8');
let started = performance.now();
const marks: [string, number][] = [];
const mark = (step: string) => marks.push([step, (performance.now() - started) / 1000]);

function step(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

async function waitFor(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s`);
}

function startPortal(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [join(ROOT, 'scripts/portal.ts')], {
    cwd: ROOT,
    env: { ...process.env, CARPETA_PORT_BASE: String(base), ...env },
    stdio: 'ignore',
    detached: true,
  });
}

function stop(child: ChildProcess | undefined): void {
  if (!child?.pid) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

/** María (resident in Madrid) signs in through the simulated Cl@ve, until the MFE's heading shows. */
async function seeItMounted(): Promise<void> {
  const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  try {
    const page = await browser.newPage();
    await page.goto(`${portal}/auth/login?returnTo=/${name}&lang=es`);
    await page.waitForURL((url) => url.origin === idp);
    // The simulated Cl@ve: method, citizen (María, resident in Madrid), consent.
    await page.locator('input[name="method"][value="clave-movil"]').check();
    await page.locator('main form button[value="continue"]').click();
    await page.locator('input[name="citizen"][value="12345678Z"]').check();
    await page.locator('main form button[value="continue"]').click();
    // Consent is asked once per provider session.
    const consent = page.getByRole('heading', { level: 1, name: /Compartir tus datos|Share your details/ });
    await Promise.race([
      page.waitForURL((url) => url.origin === portal, { timeout: 15_000 }),
      consent.waitFor({ timeout: 15_000 }),
    ]);
    if (new URL(page.url()).origin === idp) await page.locator('main form button[value="continue"]').click();
    await page.waitForURL((url) => url.origin === portal && url.pathname === `/${name}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: 30_000 });
    mark('mounted in the portal');
  } finally {
    await browser.close();
  }
}

function report(): void {
  for (const [what, seconds] of marks) console.log(`${seconds.toFixed(1).padStart(6)} s  ${what}`);
}

if (values.where === 'outside') {
  const work = mkdtempSync(join(tmpdir(), 'carpeta-measure-'));
  const manifest = join(work, 'mfes.json');
  writeFileSync(manifest, manifestBefore);
  // The portal is already running when the agency starts: it comes up while the kit is packed.
  const running = startPortal({ CARPETA_MANIFEST: manifest, CARPETA_MFE_ORIGINS: agencyOrigin });
  let server: ReturnType<typeof createStaticServer> | undefined;
  try {
    const kit = packKit(join(work, 'tarballs'));
    await waitFor(`${portal}/api/health`, 120_000);
    console.log(
      `contract and scaffolder packed, portal up (not timed): ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    started = performance.now();
    const created = scaffoldOutside(kit, join(work, 'agency'), { ...TRIBUTOS, name });
    mark(`npm create carpeta-mfe (Node ${created.node})`);
    installAndBuild(kit, created.app);
    mark('installed, type-checked and built');
    if (!/Tests\s+\d+ passed/.test(testOutside(created.app))) throw new Error('its test did not pass');
    mark('npm test passed');
    const conformance = conformanceOutside(created.app);
    if (conformance.status !== 0) throw new Error(`npm run conformance failed:\n${conformance.report}`);
    mark('npm run conformance passed');
    server = createStaticServer({ root: join(created.app, 'dist'), corsOrigins: [portal] });
    await server.listen({ port: base + 294, host: '127.0.0.1' });
    const document = JSON.parse(manifestBefore) as { mfes: unknown[] };
    document.mfes.push({
      ...created.entry,
      remote: { ...created.entry.remote, entry: `${agencyOrigin}/remoteEntry.js` },
    });
    writeFileSync(manifest, `${JSON.stringify(document, null, 2)}\n`);
    mark('served, and its entry added to the running portal');
    await seeItMounted();
  } finally {
    await server?.close();
    stop(running);
    rmSync(work, { recursive: true, force: true });
    report();
  }
  process.exit(0);
}

let running: ChildProcess | undefined;
try {
  step(process.execPath, [
    join(ROOT, 'tools/create-mfe/src/cli.ts'),
    `--name=${name}`,
    '--owner=L01280796',
    '--owner-name=Ayuntamiento de Madrid',
    `--title=${title}`,
    '--audience=municipality:28079',
    '--yes',
  ]);
  mark('scaffolded and installed');
  step('pnpm', ['--filter', `@carpeta/mfe-${name}`, 'run', 'build']);
  mark('built');
  step('pnpm', ['exec', 'vitest', 'run', `mfes/${name}`]);
  mark('its test passed');

  running = startPortal({});
  await waitFor(`${portal}/api/health`, 120_000);
  mark('portal up');

  await seeItMounted();
} finally {
  stop(running);
  rmSync(join(ROOT, 'mfes', name), { recursive: true, force: true });
  writeFileSync(join(ROOT, MANIFEST_CONFIG), manifestBefore);
  spawnSync('pnpm', ['install', '--offline'], { cwd: ROOT, stdio: 'ignore' });
  report();
}
