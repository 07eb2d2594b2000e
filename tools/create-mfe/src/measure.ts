#!/usr/bin/env node
// pnpm exec node tools/create-mfe/src/measure.ts [--port-base 8600] [--name tributos]
// Times an administration's path from nothing to its MFE on screen, in this repository: `pnpm new:mfe
// --yes`, the package's build, its test, the portal started (`scripts/portal.ts`, the other MFEs
// already built), and a citizen of its audience signed in and seeing its heading in Chromium. Then
// it removes the MFE again (package, manifest entry, lockfile), whatever happened.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CHROMIUM_LAUNCH_OPTIONS } from '@carpeta/chromium';
import { chromium } from 'playwright-core';
import { MANIFEST_CONFIG } from './scaffold.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const { values } = parseArgs({
  options: {
    'port-base': { type: 'string', default: '8600' },
    name: { type: 'string', default: 'tributos' },
  },
});
const base = Number(values['port-base']);
const name = values.name;
const title = 'Tributos municipales';
const portal = `http://127.0.0.1:${base}`;
const idp = `http://127.0.0.1:${base + 110}`;

const manifestBefore = readFileSync(join(ROOT, MANIFEST_CONFIG), 'utf8');
const started = performance.now();
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

  running = spawn(process.execPath, [join(ROOT, 'scripts/portal.ts')], {
    cwd: ROOT,
    env: { ...process.env, CARPETA_PORT_BASE: String(base) },
    stdio: 'ignore',
    detached: true,
  });
  await waitFor(`${portal}/api/health`, 120_000);
  mark('portal up');

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
} finally {
  if (running?.pid) {
    try {
      process.kill(-running.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  rmSync(join(ROOT, 'mfes', name), { recursive: true, force: true });
  writeFileSync(join(ROOT, MANIFEST_CONFIG), manifestBefore);
  spawnSync('pnpm', ['install', '--offline'], { cwd: ROOT, stdio: 'ignore' });
  for (const [what, seconds] of marks) console.log(`${seconds.toFixed(1).padStart(6)} s  ${what}`);
}
