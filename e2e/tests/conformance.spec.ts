import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { type ConformanceReport, formatConformanceReport, runConformance } from '@carpeta/sdk/conformance';
import { topology } from '../../scripts/lib/topology.ts';
import { signIn } from '../support/auth.ts';
import { E2E } from '../support/env.ts';
import { startInSpanish } from '../support/portal.ts';

// The conformance kit (`carpeta-conformance`, a bin of the sdk) against every MFE of this repository
// as served by the portal under test, and against one fixture remote per way of failing
// (e2e/fixtures/remotes): each failure with its stable code (@carpeta/sdk/remote-errors). The kit
// launches its own Chromium; these tests use no page of Playwright's.

test.describe.configure({ timeout: 180_000 });

function failures(report: ConformanceReport): string {
  return report.checks
    .filter((check) => !check.ok)
    .map((check) => `${check.id} ${check.code}: ${check.problems.join('; ')}`)
    .join('\n');
}

test.describe('every MFE here passes the conformance kit', () => {
  for (const mfe of topology(E2E.base).mfes) {
    test(mfe.name, async () => {
      const report = await runConformance({
        remote: `${mfe.url}/mf-manifest.json`,
      });
      console.log(
        `conformance ${mfe.name}: ${report.ok ? 'pass' : 'FAIL'} in ${(report.durationMs / 1000).toFixed(1)} s, ${(report.size.gzipBytes / 1024).toFixed(1)} KB gzip in ${report.size.files} files`,
      );
      expect(failures(report), formatConformanceReport(report)).toBe('');
      expect(report.ok).toBe(true);
      expect(report.checks.map((check) => check.id)).toEqual([
        'load',
        'mount',
        'leaks',
        'singletons',
        'accessibility',
        'size',
        'translations',
      ]);
    });
  }
});

const FIXTURE_MANIFEST = `${E2E.fixtureOrigin}/mf-manifest.json`;

test.describe('one fixture remote per failure, each with its code', () => {
  const modes = [
    {
      title: 'a remote that is not there (404)',
      code: 'CARPETA-E101',
      options: { remote: `${E2E.fixtureOrigin}/missing/remoteEntry.js`, name: 'carpeta_missing' },
      problem: /Failed to fetch|could not/,
    },
    {
      title: 'a remote entry nobody serves (down)',
      code: 'CARPETA-E101',
      options: { remote: `${E2E.deadOrigin}/mf-manifest.json` },
      problem: /ECONNREFUSED/,
    },
    {
      title: 'throws on evaluation',
      code: 'CARPETA-E102',
      options: { remote: FIXTURE_MANIFEST, expose: './throws-on-evaluation' },
      problem: /evaluation fails/,
    },
    {
      title: 'built against the contract’s next major',
      code: 'CARPETA-E102',
      options: { remote: `${E2E.fixtureOrigin}/next-major/mf-manifest.json` },
      problem: /built against @carpeta\/sdk \^2\.0\.0; this portal provides 1\./,
    },
    {
      title: 'bad exports',
      code: 'CARPETA-E103',
      options: { remote: FIXTURE_MANIFEST, expose: './bad-exports' },
      problem: /exports: .*mount/,
    },
    {
      title: 'throws in mount',
      code: 'CARPETA-E104',
      options: { remote: FIXTURE_MANIFEST, expose: './throws' },
      problem: /mount always fails/,
    },
    {
      title: 'hangs in mount',
      code: 'CARPETA-E105',
      options: { remote: FIXTURE_MANIFEST, expose: './hangs', timeoutMs: 1000 },
      problem: /did not settle within 1000 ms/,
    },
    {
      title: 'wrong integrity',
      code: 'CARPETA-E106',
      options: { remote: FIXTURE_MANIFEST, expose: './hello', integrity: `sha384-${'B'.repeat(64)}` },
      problem: /is not sha384-/,
    },
    {
      title: 'bundles its own React',
      code: 'CARPETA-E107',
      options: { remote: `${E2E.fixtureOrigin}/own-react/mf-manifest.json` },
      problem: /its own React \(react-dom 19/,
    },
    {
      title: 'leaks listeners and timers',
      code: 'CARPETA-E109',
      options: { remote: FIXTURE_MANIFEST, expose: './leaks-listeners' },
      problem: /"resize" listener\(s\) on window.*\n.*interval/,
    },
  ] as const;
  for (const mode of modes) {
    test(`${mode.title}: ${mode.code}`, async () => {
      const report = await runConformance(mode.options);
      expect(report.ok).toBe(false);
      const failed = report.checks.filter((check) => !check.ok);
      expect(
        failed.map((check) => check.code),
        formatConformanceReport(report),
      ).toEqual([mode.code]);
      expect(failed[0]?.problems.join('\n')).toMatch(mode.problem);
    });
  }

  test('the fixture that behaves passes: the failures above are the remotes’, not the kit’s', async () => {
    const report = await runConformance({ remote: FIXTURE_MANIFEST, expose: './hello' });
    expect(failures(report), formatConformanceReport(report)).toBe('');
  });
});

test('with canned answers (--responses), an MFE is also mounted and checked with its data: the gateway’s own answer for María', async ({
  page,
}) => {
  await startInSpanish(page);
  await signIn(page);
  const answer = await page.request.get('/api/notifications');
  expect(answer.ok()).toBe(true);
  const body = (await answer.json()) as { items?: unknown[] };
  expect(body.items?.length).toBeGreaterThan(0);
  const notifications = topology(E2E.base).mfes.find((mfe) => mfe.name === 'notifications');
  const report = await runConformance({
    remote: `${notifications?.url}/mf-manifest.json`,
    responses: { 'GET /api/notifications': { status: 200, body } },
  });
  expect(failures(report), formatConformanceReport(report)).toBe('');
  expect(report.checks.find((check) => check.id === 'mount')?.summary).toMatch(/^10 mounts .*; .*responses/);
  expect(report.checks.find((check) => check.id === 'accessibility')?.summary).toContain('10 mounted states');
});

test('carpeta-conformance: JSON and a report for people, exit 1 on a failure, 2 on bad arguments', () => {
  const cli = join(E2E.root, 'sdk/src/conformance/cli.ts');
  const json = spawnSync(
    process.execPath,
    [cli, FIXTURE_MANIFEST, '--expose', './leaks-listeners', '--json'],
    {
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  expect(json.status, json.stderr).toBe(1);
  const report = JSON.parse(json.stdout) as ConformanceReport;
  expect(report.name).toBe('carpeta_fixtures');
  expect(report.checks.find((check) => check.id === 'leaks')?.code).toBe('CARPETA-E109');

  const human = spawnSync(process.execPath, [cli, FIXTURE_MANIFEST, '--expose', './hello', '--quiet'], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(human.status, human.stdout + human.stderr).toBe(0);
  expect(human.stdout).toMatch(/pass {2}leaks/);
  expect(human.stdout).toMatch(/All 7 checks passed/);

  const bad = spawnSync(process.execPath, [cli, 'not-a-url'], { encoding: 'utf8' });
  expect(bad.status).toBe(2);
  expect(bad.stderr).toContain('neither an http(s) URL nor a directory');
});
