import { expect, test } from '@playwright/test';
import { CITIZENS, signIn } from '../support/auth.ts';
import { chooseRadio, healAll, setFault } from '../support/folder.ts';
import {
  expectNoAxeViolations,
  mfeSettled,
  resetManifest,
  startInSpanish,
  switchLanguage,
  tabTo,
} from '../support/portal.ts';

test.describe.configure({ mode: 'serial' });

test.beforeEach(async ({ page }) => {
  resetManifest();
  await startInSpanish(page);
});
test.afterEach(async () => healAll());

test('María reaches her files by keyboard: counted and grouped by administration, filtered, axe-clean', async ({
  page,
}) => {
  // Four axe runs, one over all of María's ~90 files.
  test.slow();
  await signIn(page);
  await mfeSettled(page, 'home');
  await tabTo(page, ({ href }) => href === '/files');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/files$/);
  await mfeSettled(page, 'files');
  await expect(page.getByRole('heading', { level: 1, name: 'Expedientes' })).toBeVisible();
  await expect(page.getByTestId('files-summary')).toContainText(/\d+ expedientes? abiertos?/);

  // Items from several administrations, each in its own group with its own counts.
  const groups = page.getByTestId('files-group');
  await expect(groups.first()).toBeVisible();
  expect(await groups.count()).toBeGreaterThanOrEqual(2);
  await expect(groups.first()).toContainText(/\d+ abiertos? · \d+ cerrados?/);
  await expectNoAxeViolations(page);

  // The filter is a radio group: closed files only, then all.
  const openTitles = await page.locator('[data-testid="files-group"] h3').allTextContents();
  await chooseRadio(page, 'Cerrados');
  await expect(page.locator('[data-testid="files-group"] h3').first()).toBeVisible();
  const closedTitles = await page.locator('[data-testid="files-group"] h3').allTextContents();
  expect(closedTitles).not.toEqual(openTitles);
  await expect(page.getByText('Archivado').or(page.getByText('Resuelto')).first()).toBeVisible();
  await chooseRadio(page, 'Todos');
  expect(await page.locator('[data-testid="files-group"] h3').count()).toBe(
    openTitles.length + closedTitles.length,
  );
  await expectNoAxeViolations(page);
});

test('a file with a requirement shows its deadline, its timeline, documents and the agency link', async ({
  page,
}) => {
  await signIn(page, { returnTo: '/files' });
  await mfeSettled(page, 'files');
  const card = page.locator('article').filter({ hasText: 'Debes actuar' }).first();
  await expect(card).toBeVisible();
  await expect(card).toContainText(/Plazo: .+ \((quedan? \d+ días?|hoy)\)/);
  const link = card.getByRole('link');
  const title = (await link.textContent())?.trim() ?? '';
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/files\/[a-z0-9-]+%3A/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Tienes un requerimiento pendiente' })).toBeVisible();

  const timeline = page.getByRole('list', { name: 'Historial del expediente' });
  await expect(timeline.locator('[aria-current="step"]')).toContainText('Requerimiento');
  await expect(timeline.locator('time').first()).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
  await expect(page.getByRole('heading', { level: 2, name: 'Documentos' })).toBeVisible();

  const service = page.getByTestId('service-link');
  if ((await service.count()) > 0) {
    await expect(service).toHaveAttribute('href', /^https:\/\//);
    await expect(service).toHaveAttribute('target', '_blank');
    await expect(service).toContainText('se abre en una pestaña nueva');
  }
  await expectNoAxeViolations(page);

  await switchLanguage(page, 'en');
  await expect(page.getByRole('heading', { name: 'You have a pending requirement' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'History of the file' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Back to files' }).click();
  await expect(page).toHaveURL(/\/files$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Files' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a second citizen sees her own files, in English too', async ({ page }) => {
  await signIn(page, { nif: CITIZENS.carmen, returnTo: '/files' });
  await mfeSettled(page, 'files');
  await expect(page.getByRole('heading', { level: 1, name: 'Expedientes' })).toBeVisible();
  await expectNoAxeViolations(page);
  await switchLanguage(page, 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Files' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('an administration stopped mid-test: the page says what is missing and the rest keeps working', async ({
  page,
}) => {
  await signIn(page, { returnTo: '/files' });
  await mfeSettled(page, 'files');
  // Mounted is not loaded: count the groups once the list is there.
  await expect(page.getByTestId('files-group').nth(1)).toBeVisible();
  const before = await page.getByTestId('files-group').count();
  expect(before).toBeGreaterThanOrEqual(2);

  await setFault('aeat', 'down');
  await page.reload();
  await mfeSettled(page, 'files');
  await expect(page.getByRole('heading', { name: 'Faltan expedientes de algún organismo' })).toBeVisible();
  await expect(page.getByText('no está disponible', { exact: false })).toBeVisible();
  expect(await page.getByTestId('files-group').count()).toBeGreaterThanOrEqual(1);
  await expectNoAxeViolations(page);

  await setFault('aeat', 'ok');
  await page.getByRole('button', { name: 'Volver a consultar' }).click();
  await expect(page.getByRole('heading', { name: 'Faltan expedientes de algún organismo' })).toHaveCount(0);
  await expect(page.getByTestId('files-group')).toHaveCount(before);
});

test('hostile agency strings in files render as text, never run', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  await signIn(page, { nif: CITIZENS.hostile, returnTo: '/files' });
  await mfeSettled(page, 'files');
  await page.getByRole('radio', { name: 'Todos' }).check();
  await expect(
    page
      .getByText('<script>', { exact: false })
      .or(page.getByText('onerror', { exact: false }))
      .first(),
  ).toBeVisible();
  await expect(page.locator('main img[src="x"]')).toHaveCount(0);
  expect(dialogs).toBe(0);
});
