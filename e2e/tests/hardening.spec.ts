import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

const fixtureIntegrity = () =>
  `sha384-${createHash('sha384')
    .update(readFileSync(join(E2E.root, 'e2e/fixtures/remotes/dist/remoteEntry.js')))
    .digest('base64')}`;

test.beforeEach(async ({ page }) => {
  await startInSpanish(page);
  await signIn(page);
});
test.afterEach(() => resetManifest());

test('a remote pinned with its integrity hash loads; one whose file does not match is refused', async ({
  page,
}) => {
  const wrong = `sha384-${createHash('sha384').update('another file').digest('base64')}`;
  setManifest((document) => ({
    ...document,
    mfes: [
      ...document.mfes,
      fixtureEntry({ id: 'pinned', expose: './hello', integrity: fixtureIntegrity() }),
      fixtureEntry({ id: 'tampered', expose: './hello', integrity: wrong }),
    ],
  }));
  const telemetry: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/telemetry')) telemetry.push(request.postData() ?? '');
  });

  await page.goto('/pinned');
  await mfeSettled(page, 'pinned');
  await expect(page.getByRole('heading', { level: 1, name: 'Servicio de prueba' })).toBeVisible();

  await page.goto('/tampered');
  const area = await mfeSettled(page, 'tampered');
  await expect(
    area.getByRole('heading', { level: 1, name: 'Prueba tampered no está disponible ahora' }),
  ).toBeVisible();
  await expect(area.getByRole('alert')).toContainText('No hemos podido cargar este servicio');
  await expect(area.getByRole('heading', { name: 'Servicio de prueba' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await expect.poll(() => telemetry.some((body) => body.includes('"phase":"integrity"'))).toBe(true);
});

test('a remote outside the allowed origins is rejected with a reason and never reaches the CSP', async ({
  page,
}) => {
  setManifest((document) => ({
    ...document,
    mfes: [
      ...document.mfes,
      fixtureEntry({ id: 'foreign', expose: './hello', origin: 'http://evil.example:9999' }),
    ],
  }));
  const response = await page.goto('/');
  await mfeSettled(page, 'home');
  expect(response?.headers()['content-security-policy']).not.toContain('evil.example');
  const rejected = page.getByTestId('rejected-mfes');
  await expect(rejected).toContainText('foreign');
  await rejected.getByText('Detalles', { exact: false }).first().click();
  await expect(rejected).toContainText('not one of the allowed MFE origins');
  await expect(page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link')).toHaveText([
    'Inicio',
    // The entry carries the unread badge.
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
