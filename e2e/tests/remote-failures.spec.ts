import { expect, test } from '@playwright/test';
import { E2E } from '../support/env.ts';
import {
  expectNoAxeViolations,
  fixtureEntry,
  mfeSettled,
  resetManifest,
  setManifest,
  startInSpanish,
} from '../support/portal.ts';
import { signIn } from '../support/auth.ts';

// One fixture remote per way a remote can fail (e2e/fixtures/remotes, as single-spa's spec/apps):
// each is caught by the shell in its own area, with its stable code (@carpeta/sdk/remote-errors)
// on the panel and in telemetry, and the rest of the portal keeps working. A remote that is down
// (E101, network) and one that throws in mount (E104) are in isolation.spec.ts.

/** A hash of something else: the fixture's entry file never matches it. */
const WRONG_INTEGRITY = `sha384-${'B'.repeat(64)}`;

const MODES = [
  {
    id: 'missing',
    code: 'CARPETA-E101',
    entry: fixtureEntry({
      id: 'missing',
      expose: './hello',
      remote: {
        name: 'carpeta_missing',
        entry: `${E2E.fixtureOrigin}/missing/remoteEntry.js`,
        expose: './hello',
      },
    }),
  },
  {
    id: 'evaluation',
    code: 'CARPETA-E102',
    entry: fixtureEntry({ id: 'evaluation', expose: './throws-on-evaluation' }),
  },
  {
    // Built against the contract's next major (sdk ^2.0.0, strictVersion): refused as it loads.
    id: 'next-major',
    code: 'CARPETA-E102',
    entry: fixtureEntry({
      id: 'next-major',
      expose: './lifecycles',
      remote: {
        name: 'carpeta_fixture_next_major',
        entry: `${E2E.fixtureOrigin}/next-major/remoteEntry.js`,
        expose: './lifecycles',
      },
    }),
  },
  {
    id: 'bad-exports',
    code: 'CARPETA-E103',
    entry: fixtureEntry({ id: 'bad-exports', expose: './bad-exports' }),
  },
  {
    id: 'hangs',
    code: 'CARPETA-E105',
    entry: fixtureEntry({ id: 'hangs', expose: './hangs', timeouts: { mount: 1000 } }),
  },
  {
    id: 'tampered',
    code: 'CARPETA-E106',
    entry: fixtureEntry({ id: 'tampered', expose: './hello', integrity: WRONG_INTEGRITY }),
  },
] as const;

test.beforeEach(async ({ page }) => {
  await startInSpanish(page);
  await signIn(page);
});
test.afterEach(() => resetManifest());

test('each failure mode is caught in its own area with its code, reported, and the portal keeps working', async ({
  page,
}) => {
  setManifest((document) => ({ ...document, mfes: [...document.mfes, ...MODES.map((mode) => mode.entry)] }));
  const reports: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/telemetry')) reports.push(request.postData() ?? '');
  });

  for (const mode of MODES) {
    await page.goto(`/${mode.id}`);
    const area = await mfeSettled(page, mode.id);
    await expect(
      area.getByRole('heading', { level: 1, name: `Prueba ${mode.id} no está disponible ahora` }),
    ).toBeVisible();
    await expect(area.getByRole('alert')).toContainText(`Código del error: ${mode.code}`);
    await expect(area.locator(`[data-error-code="${mode.code}"]`)).toHaveCount(1);
    // Nothing of the remote is left half-mounted beside the panel.
    await expect(area.getByText('Servicio de prueba')).toHaveCount(0);
    if (mode.id === 'hangs') {
      // Never a blank area: the panel says the service is too slow.
      await expect(area.getByRole('alert')).toContainText('tardando demasiado');
      await expectNoAxeViolations(page);
    }
    await expect
      .poll(() =>
        reports.some((body) => body.includes(`"code":"${mode.code}"`) && body.includes(`"mfe":"${mode.id}"`)),
      )
      .toBe(true);
  }
  expect(reports.every((body) => !body.includes('"code"') || body.includes('"variant":"stable"'))).toBe(true);

  // The portal around the last failure still works.
  await page
    .getByRole('navigation')
    .getByRole('link', { name: /^Notificaciones/ })
    .click();
  await mfeSettled(page, 'notifications');
  await expect(page.getByTestId('notification-list')).toBeVisible();
});

test('an MFE given by its mf-manifest.json is mounted from the remote entry the manifest names; a manifest not there is E101', async ({
  page,
}) => {
  const byManifest = (id: string, path: string) =>
    fixtureEntry({
      id,
      expose: './hello',
      remote: { name: 'carpeta_fixtures', entry: `${E2E.fixtureOrigin}${path}`, expose: './hello' },
    });
  setManifest((document) => ({
    ...document,
    mfes: [
      ...document.mfes,
      byManifest('by-manifest', '/mf-manifest.json'),
      byManifest('no-manifest', '/missing/mf-manifest.json'),
    ],
  }));
  const asked: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === E2E.fixtureOrigin && /(?:remoteEntry\.js|\.json)$/.test(url.pathname))
      asked.push(url.pathname);
  });
  await page.goto('/by-manifest');
  await mfeSettled(page, 'by-manifest');
  await expect(page.getByRole('heading', { level: 1, name: 'Servicio de prueba' })).toBeVisible();
  expect(asked).toContain('/mf-manifest.json');
  expect(asked).toContain('/remoteEntry.js');
  await expectNoAxeViolations(page);

  await page.goto('/no-manifest');
  await expect(
    (await mfeSettled(page, 'no-manifest')).locator('[data-error-code="CARPETA-E101"]'),
  ).toHaveCount(1);
  await page.goto('/by-manifest');
  await expect(page.getByRole('heading', { level: 1, name: 'Servicio de prueba' })).toBeVisible();
});

test('a developer points one MFE at another allowed origin, sees a banner on every page, and resets it', async ({
  page,
}) => {
  // The entry's own remote is down; the developer's build (the fixture origin) is up.
  setManifest((document) => ({
    ...document,
    mfes: [...document.mfes, fixtureEntry({ id: 'hello', expose: './hello', origin: E2E.deadOrigin })],
  }));
  await page.goto('/hello');
  await expect((await mfeSettled(page, 'hello')).locator('[data-error-code="CARPETA-E101"]')).toHaveCount(1);

  await page.goto('/dev/overrides');
  await page.getByLabel('Servicio', { exact: true }).selectOption('hello');
  await page.getByLabel(/Dirección del punto de entrada remoto/).fill(`${E2E.fixtureOrigin}/remoteEntry.js`);
  await page.getByRole('button', { name: 'Aplicar la sustitución' }).click();
  await expect(page.getByText(`${E2E.fixtureOrigin}/remoteEntry.js`)).toBeVisible();
  await expectNoAxeViolations(page);
  // An origin the configuration does not allow is refused with the reason.
  await page.getByLabel('Servicio', { exact: true }).selectOption('hello');
  await page.getByLabel(/Dirección del punto de entrada remoto/).fill('https://evil.example/remoteEntry.js');
  await page.getByRole('button', { name: 'Aplicar la sustitución' }).click();
  await expect(page.getByRole('alert')).toContainText('is not allowed');

  await page.goto('/hello');
  const banner = page.getByRole('region', { name: 'Modo de desarrollo' });
  await expect(banner).toContainText('Prueba hello');
  await mfeSettled(page, 'hello');
  await expect(page.getByRole('heading', { level: 1, name: 'Servicio de prueba' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/');
  await expect(banner).toBeVisible();

  await page.goto('/hello');
  await banner.getByRole('button', { name: 'Quitar las sustituciones' }).click();
  await expect(page).toHaveURL(/\/hello$/);
  await expect(page.getByRole('region', { name: 'Modo de desarrollo' })).toHaveCount(0);
  await expect((await mfeSettled(page, 'hello')).locator('[data-error-code="CARPETA-E101"]')).toHaveCount(1);
});
