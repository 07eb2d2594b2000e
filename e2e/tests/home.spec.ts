import { expect, test } from '@playwright/test';
import { E2E } from '../support/env.ts';
import { CITIZENS, signIn } from '../support/auth.ts';
import { healAll, setFault } from '../support/folder.ts';
import {
  expectNoAxeViolations,
  mfeSettled,
  resetManifest,
  startInSpanish,
  switchLanguage,
} from '../support/portal.ts';

test.describe.configure({ mode: 'serial' });

test.beforeEach(async ({ page }) => {
  resetManifest();
  await startInSpanish(page);
});
test.afterEach(async () => healAll());

test('the home says what needs María now, sorted by due date, with deadlines and links', async ({ page }) => {
  await signIn(page);
  await mfeSettled(page, 'home');
  await expect(page.getByRole('heading', { level: 1, name: 'Tu carpeta' })).toBeVisible();
  const status = page.getByTestId('attention-status');
  await expect(status).toHaveAttribute('aria-live', 'polite');
  await expect(status).toHaveText(/Han respondido todas las administraciones|Consulta terminada/);
  const list = page.getByTestId('attention-list');
  await expect(list.locator('li').first()).toBeVisible();

  // Soonest first, each with an absolute date (datetime) and a relative one.
  const dues = await list
    .locator('time')
    .evaluateAll((times) => times.map((time) => time.getAttribute('datetime') ?? ''));
  expect(dues.length).toBeGreaterThan(0);
  expect([...dues].sort()).toEqual(dues);
  await expect(list.locator('time').first()).toHaveText(/\(.+\)/);
  // Items from several administrations and domains.
  await expect(
    list.getByText(/Requerimiento en un expediente|Cita próxima|Notificación a punto de caducar/).first(),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Documentos que caducan pronto' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Each item links into the portal.
  const go = list.getByRole('link', { name: /^Ir al asunto:/ }).first();
  const href = (await go.getAttribute('href')) ?? '';
  expect(href).toMatch(/^\/(notifications|files|appointments|documents)?/);
  await go.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`${E2E.portal}${href}`);

  // The page carries María's manifest and preloads the home's remote: the browser asks for no
  // /mfes.json, and fetches the remote entry beside the shell's scripts.
  const asked: string[] = [];
  page.on('request', (request) => asked.push(new URL(request.url()).pathname));
  const response = await page.goto('/');
  const html = (await response?.text()) ?? '';
  expect(html).toContain('<script type="application/json" id="carpeta-manifest">');
  expect(html).toMatch(
    /<link rel="modulepreload" crossorigin href="http:\/\/127\.0\.0\.1:\d+\/remoteEntry\.js"/,
  );
  expect(response?.headers()['cache-control']).toBe('private, no-cache');
  await mfeSettled(page, 'home');
  expect(asked).not.toContain('/mfes.json');
  await switchLanguage(page, 'en');
  await expect(page.getByRole('heading', { level: 2, name: 'What needs you now' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a slow administration never holds back the others; a stopped one is named', async ({ page }) => {
  await signIn(page);
  await setFault('dgt', 'slow', E2E.agencyTimeoutMs * 3);
  await setFault('tgss', 'down');
  await page.goto('/');
  await mfeSettled(page, 'home');
  // Items from the healthy administrations show while the slow one is still being waited for.
  const list = page.getByTestId('attention-list');
  await expect(list.locator('li').first()).toBeVisible({ timeout: E2E.agencyTimeoutMs });
  const failed = page.getByTestId('attention-failed');
  await expect(failed).toContainText('no está disponible');
  // Once the slow one times out, it is listed too; the page stays usable and accessible.
  await expect(failed).toContainText('no responde a tiempo', { timeout: E2E.agencyTimeoutMs * 4 });
  await expect(page.getByTestId('attention-status')).toHaveText(/No han respondido: .+/);
  await expectNoAxeViolations(page);

  await healAll();
  await failed.getByRole('button', { name: 'Volver a consultar' }).click();
  await expect(page.getByTestId('attention-failed')).toHaveCount(0);
});

test('favourites are pinned and unpinned by keyboard, and kept across visits', async ({ page }) => {
  await signIn(page, { nif: CITIZENS.maria });
  await mfeSettled(page, 'home');
  const list = page.getByTestId('attention-list');
  await expect(list.locator('li').first()).toBeVisible();
  const pin = list.getByRole('button', { name: /^Añadir a favoritos:/ }).first();
  const label = ((await pin.getAttribute('aria-label')) ?? '').replace(/^Añadir a favoritos: /, '');
  await pin.focus();
  await page.keyboard.press('Enter');
  const pins = page.getByTestId('pins');
  await expect(pins.getByRole('link', { name: label })).toBeVisible();
  await expect(page.getByTestId('pins-status')).toHaveText(`Añadido a favoritos: ${label}`);
  await expectNoAxeViolations(page);

  // Stored by the portal: still there after a reload.
  await page.reload();
  await mfeSettled(page, 'home');
  await expect(pins.getByRole('link', { name: label })).toBeVisible();

  await pins.getByRole('button', { name: `Quitar de favoritos: ${label}` }).focus();
  await page.keyboard.press('Enter');
  await expect(pins.getByRole('link', { name: label })).toHaveCount(0);
  await page.reload();
  await mfeSettled(page, 'home');
  await expect(page.getByTestId('attention-list').locator('li').first()).toBeVisible();
  await expect(pins.getByRole('link', { name: label })).toHaveCount(0);
});

test('a second citizen has her own home, in English too', async ({ page }) => {
  await signIn(page, { nif: CITIZENS.carmen });
  await mfeSettled(page, 'home');
  await expect(page.getByRole('heading', { level: 1, name: 'Tu carpeta' })).toBeVisible();
  await expect(page.getByTestId('attention-status')).toHaveText(
    /Han respondido todas las administraciones|Consulta terminada/,
  );
  await expectNoAxeViolations(page);
  await switchLanguage(page, 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Your folder' })).toBeVisible();
  await expectNoAxeViolations(page);
});
