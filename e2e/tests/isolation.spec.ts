import { expect, test } from '@playwright/test';
import { E2E } from '../support/env.ts';
import {
  expectNoAxeViolations,
  fixtureEntry,
  mfeSettled,
  resetManifest,
  setManifest,
  switchLanguage,
  startInSpanish,
} from '../support/portal.ts';
import { signIn } from '../support/auth.ts';

test.beforeEach(async ({ page }) => {
  await startInSpanish(page);
  await signIn(page);
});
test.afterEach(() => resetManifest());

test('a new manifest entry appears in the navigation and mounts, without rebuilding the shell', async ({
  page,
}) => {
  await page.goto('/');
  await mfeSettled(page, 'home');
  const nav = page.getByRole('navigation', { name: 'Navegación principal' });
  await expect(nav.getByRole('link', { name: 'Prueba hello' })).toHaveCount(0);

  setManifest((document) => ({
    ...document,
    mfes: [...document.mfes, fixtureEntry({ id: 'hello', expose: './hello' })],
  }));
  await page.reload();
  await nav.getByRole('link', { name: 'Prueba hello' }).click();
  await expect(page).toHaveURL(/\/hello$/);
  await mfeSettled(page, 'hello');
  await expect(page.getByRole('heading', { level: 1, name: 'Servicio de prueba' })).toBeVisible();
  await expect(page.getByTestId('fixture-language')).toContainText('es');
  await expectNoAxeViolations(page);

  await switchLanguage(page, 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Test service' })).toBeVisible();
});

test('a remote that is down shows an error panel in its area only, with a retry', async ({ page }) => {
  setManifest((document) => ({
    ...document,
    mfes: [...document.mfes, fixtureEntry({ id: 'offline', expose: './hello', origin: E2E.deadOrigin })],
  }));
  // The remote is down before the shell even starts.
  await page.goto('/offline');
  const area = await mfeSettled(page, 'offline');
  const heading = area.getByRole('heading', { level: 1, name: 'Prueba offline no está disponible ahora' });
  await expect(heading).toBeVisible();
  await expect(area.getByRole('alert')).toContainText('El resto del portal sigue funcionando');
  await expect(area.getByRole('alert')).toContainText('Código del error: CARPETA-E101');
  await expectNoAxeViolations(page);

  const retry = area.getByRole('button', { name: 'Reintentar' });
  await retry.focus();
  await page.keyboard.press('Enter');
  await expect(heading).toBeFocused();

  // The rest of the portal keeps working.
  await page.getByRole('navigation').getByRole('link', { name: 'Notificaciones' }).click();
  await mfeSettled(page, 'notifications');
  await expect(page.getByTestId('notification-list')).toBeVisible();
  await expect(page.locator('[data-mfe="offline"]')).toHaveCount(0);
});

test('a remote that throws on mount is contained and reported', async ({ page }) => {
  setManifest((document) => ({
    ...document,
    mfes: [...document.mfes, fixtureEntry({ id: 'broken', expose: './throws' })],
  }));
  const telemetry: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/telemetry')) telemetry.push(request.postData() ?? '');
  });
  await page.goto('/broken');
  const area = await mfeSettled(page, 'broken');
  await expect(
    area.getByRole('heading', { level: 1, name: 'Prueba broken no está disponible ahora' }),
  ).toBeVisible();
  await expect(area.getByRole('alert')).toContainText('ha fallado al iniciarse');
  await expect(area.getByRole('alert')).toContainText('Código del error: CARPETA-E104');
  await expectNoAxeViolations(page);
  await expect
    .poll(() =>
      telemetry.some((body) => body.includes('fixture: mount always fails') && body.includes('CARPETA-E104')),
    )
    .toBe(true);

  await page.getByRole('navigation').getByRole('link', { name: 'Inicio' }).click();
  await mfeSettled(page, 'home');
  await expect(page.getByRole('heading', { level: 1, name: 'Tu carpeta' })).toBeVisible();
});

test('an invalid manifest entry is skipped with a visible reason; the rest loads', async ({ page }) => {
  setManifest((document) => ({
    ...document,
    mfes: [
      ...document.mfes,
      { ...fixtureEntry({ id: 'bad-entry', expose: './hello' }), route: 'not a route', version: 'latest' },
    ],
  }));
  await page.goto('/');
  await mfeSettled(page, 'home');
  const rejected = page.getByTestId('rejected-mfes');
  await expect(rejected).toContainText('bad-entry');
  // The notifications entry may carry its unread badge ("Notificaciones, 3 sin leer").
  await expect(page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link')).toHaveText([
    'Inicio',
    /^Notificaciones/,
    'Expedientes',
    'Citas',
    'Mis datos',
    'Apoderamientos y registro',
    'Mi ayuntamiento',
    // María lives in Madrid: her community's health service has its own MFE.
    'Salud (Madrid)',
    'Avisos',
  ]);
  await expectNoAxeViolations(page);
});
