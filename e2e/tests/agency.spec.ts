import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStaticServer } from '@carpeta/static-server';
import { expect, test } from '@playwright/test';
import {
  conformanceOutside,
  installAndBuild,
  packKit,
  scaffoldOutside,
  TRIBUTOS,
  testOutside,
} from '../../tools/create-mfe/src/agency.ts';
import { MANIFEST_CONFIG } from '../../tools/create-mfe/src/scaffold.ts';
import { CONTRACT_RANGE } from '../../tools/create-mfe/src/templates.ts';
import { signIn } from '../support/auth.ts';
import { E2E } from '../support/env.ts';
import {
  expectNoAxeViolations,
  mfeSettled,
  resetManifest,
  setManifest,
  startInSpanish,
} from '../support/portal.ts';

// An administration ships its MFE from its own repository: `npm create carpeta-mfe` (packed, run by
// npm on the system's Node, in a folder outside any checkout), its package installed with the
// packed contract, type-checked, built and tested; its `npm run conformance` (the sdk's kit on its
// build); then its build served from an origin of its own, the printed entry added to the running
// portal's manifest as an operator would (no rebuild, no restart), and a citizen of its audience
// seeing it mounted. The time from `npm create` to mounted is printed, never asserted.

const work = mkdtempSync(join(tmpdir(), 'carpeta-agency-'));

test.afterAll(() => {
  resetManifest();
  if (!process.env.CARPETA_KEEP_CONTRACT_WORK) rmSync(work, { recursive: true, force: true });
});

test('an MFE made outside the repository builds, passes the kit and mounts in the running portal', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const manifestBefore = readFileSync(join(E2E.root, MANIFEST_CONFIG), 'utf8');
  const kit = packKit(join(work, 'tarballs'));

  const seconds: [string, number][] = [];
  const started = performance.now();
  const lap = (step: string) => seconds.push([step, (performance.now() - started) / 1000]);

  const agency = join(work, 'agency');
  const created = scaffoldOutside(kit, agency, TRIBUTOS);
  lap(`scaffolded (npm create, Node ${created.node})`);
  expect(Number(/^v(\d+)/.exec(created.node)?.[1])).toBeGreaterThanOrEqual(20);
  // Nothing registered: the entry is printed for the portal's operators, the repository untouched.
  expect(readdirSync(agency)).toEqual([TRIBUTOS.name]);
  expect(readFileSync(join(E2E.root, MANIFEST_CONFIG), 'utf8')).toBe(manifestBefore);
  expect(created.entry).toMatchObject({
    id: TRIBUTOS.name,
    owner: { id: TRIBUTOS.owner, name: TRIBUTOS.ownerName },
    remote: { name: 'carpeta_tributos', expose: './lifecycles' },
    audience: { municipalities: ['28079'] },
  });
  const pkg = readFileSync(join(created.app, 'package.json'), 'utf8');
  expect(pkg).not.toContain('workspace:');
  expect(JSON.parse(pkg)).toMatchObject({
    dependencies: { '@carpeta/sdk': CONTRACT_RANGE, '@carpeta/design-system': CONTRACT_RANGE },
    scripts: { conformance: 'carpeta-conformance dist' },
  });
  expect(readFileSync(join(created.app, 'tsconfig.json'), 'utf8')).not.toContain('extends');

  installAndBuild(kit, created.app);
  lap('installed, type-checked and built');
  expect(readFileSync(join(created.app, 'dist', 'mf-manifest.json'), 'utf8')).toContain('"carpeta_tributos"');
  expect(testOutside(created.app)).toMatch(/Tests\s+1 passed \(1\)/);
  lap('its test passed (npm test)');

  const conformance = conformanceOutside(created.app);
  expect(conformance.status, conformance.report).toBe(0);
  for (const check of ['load', 'mount', 'leaks', 'singletons', 'accessibility', 'size', 'translations'])
    expect(conformance.report).toMatch(new RegExp(`pass {2}${check}\\b`));
  lap('the conformance kit passed (npm run conformance)');

  // Its own origin, as its hosting would serve it; the portal's operators add the printed entry
  // with that URL where the scaffolder left a variable.
  const server = createStaticServer({ root: join(created.app, 'dist'), corsOrigins: [E2E.portal] });
  await server.listen({ port: E2E.agencyPort, host: '127.0.0.1' });
  try {
    setManifest((document) => ({
      ...document,
      mfes: [
        ...document.mfes,
        {
          ...created.entry,
          remote: { ...created.entry.remote, entry: `${E2E.agencyOrigin}/remoteEntry.js` },
        },
      ],
    }));
    await startInSpanish(page);
    await signIn(page, { returnTo: '/tributos' });
    const area = await mfeSettled(page, TRIBUTOS.name);
    await expect(area.getByRole('heading', { level: 1, name: TRIBUTOS.title })).toBeVisible();
    await expect(area.locator('[data-mfe-error]')).toHaveCount(0);
    lap('mounted in the running portal');
    // In the navigation of a citizen of its audience, owned by its administration.
    await expect(page.getByRole('navigation').getByRole('link', { name: TRIBUTOS.title })).toBeVisible();
    await expectNoAxeViolations(page);
  } finally {
    await server.close();
  }
  console.log(
    `npm create carpeta-mfe to mounted in the running portal:\n${seconds
      .map(([step, at]) => `${at.toFixed(1).padStart(7)} s  ${step}`)
      .join('\n')}`,
  );
});
