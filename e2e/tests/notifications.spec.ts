import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { signIn } from '../support/auth.ts';
import {
  expectNoAxeViolations,
  mfeSettled,
  startInSpanish,
  switchLanguage,
  tabTo,
} from '../support/portal.ts';

// Notifications as legal acts (Law 39/2015 arts. 41–43), end to end. Each test acts on its own
// notification of the demo citizen (the simulated DEHú keeps its state for the whole run).

test.beforeEach(async ({ page }) => {
  // Several axe runs and downloads per test, on a shared 2-core machine.
  test.slow();
  await startInSpanish(page);
  await signIn(page);
});

async function openDetail(page: Page, id: string) {
  await page.goto(`/notifications/${encodeURIComponent(id)}`);
  await mfeSettled(page, 'notifications');
}

async function pdfOf(download: import('@playwright/test').Download): Promise<string> {
  const file = await download.path();
  return (await readFile(file)).subarray(0, 5).toString('latin1');
}

test('accept by keyboard: the legal effect, the confirmation, the content, the document and the receipt', async ({
  page,
}) => {
  await page.goto('/notifications');
  await mfeSettled(page, 'notifications');
  // Find it with the subject search, by keyboard.
  const search = page.getByLabel('Buscar en el asunto');
  await search.focus();
  await page.keyboard.type('llicencia obres');
  await page.keyboard.press('Enter');
  const list = page.getByTestId('notification-list');
  await expect(page.getByTestId('results-count')).toHaveText(/\(\d+ notificaci/);
  await expect(list.getByRole('listitem').first()).toContainText('llicència');
  const reached = await tabTo(page, ({ href }) => href === '/notifications/dehu%3AN-2025-001005');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(reached.href ?? '');
  await mfeSettled(page, 'notifications');

  const panel = page.getByTestId('act-panel');
  await expect(panel.getByRole('heading', { level: 2, name: 'Antes de acceder al contenido' })).toBeVisible();
  await expect(panel).toContainText('comparecencia');
  await expect(page.getByTestId('notification-content')).toHaveCount(0);
  await expectNoAxeViolations(page);

  await tabTo(page, ({ text }) => text === 'Confirmo: acceder al contenido');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Has accedido a la notificación. Ya puedes ver su contenido.')).toBeVisible();
  const content = page.getByTestId('notification-content');
  await expect(content.getByRole('heading', { level: 2, name: 'Contenido' })).toBeVisible();
  await expect(content).toContainText("Resolució de la sol·licitud de llicència d'obres menors");
  await expect(page.getByTestId('act-panel')).toHaveCount(0);
  await expectNoAxeViolations(page);

  const documentLink = content.getByRole('link', { name: /^Descargar «Resolución N-2025-001005» \(PDF\)$/ });
  await documentLink.focus();
  const [document] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(document.suggestedFilename()).toMatch(/\.pdf$/);
  expect(await pdfOf(document)).toBe('%PDF-');

  const receiptSection = page.getByTestId('notification-receipt');
  await expect(receiptSection).toContainText(/Código seguro de verificación: [0-9A-Z]{4}(-[0-9A-Z]{4}){7}/);
  await receiptSection.getByRole('link', { name: 'Descargar el justificante (PDF)' }).focus();
  const [receipt] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(receipt.suggestedFilename()).toBe('justificante-N-2025-001005.pdf');
  expect(await pdfOf(receipt)).toBe('%PDF-');

  // The agency's state changed: a reload shows it accepted, with its content.
  await page.reload();
  await mfeSettled(page, 'notifications');
  await expect(page.locator('dl').getByText('Aceptada', { exact: true })).toBeVisible();
  await expect(page.getByTestId('notification-content')).toBeVisible();
});

test('a double accept acts once: concurrent requests and a retried one answer the same act', async ({
  page,
}) => {
  const session = (await (await page.request.get('/api/session')).json()) as { csrfToken: string };
  const accept = (key: string) =>
    page.request.post('/api/notifications/dehu:N-2025-001010/accept', {
      headers: {
        'x-csrf-token': session.csrfToken,
        'idempotency-key': key,
        'content-type': 'application/json',
      },
      data: {},
    });
  // Fresh keys each run: the portal's database outlives a run, and remembers keys for a day.
  const first = randomUUID();
  const [one, two] = await Promise.all([accept(first), accept(randomUUID())]);
  const codes = new Set<string>();
  for (const answer of [one, two]) {
    if (answer.status() === 200)
      codes.add(((await answer.json()) as { receipt: { code: string } }).receipt.code);
    else expect(answer.status()).toBe(409);
  }
  expect(codes.size).toBe(1);
  const retried = await accept(first);
  expect(retried.headers()['idempotent-replayed']).toBe('true');

  // The page shows it accepted with that one receipt; no panel offers to act again.
  await openDetail(page, 'dehu:N-2025-001010');
  await expect(page.getByTestId('act-panel')).toHaveCount(0);
  await expect(page.getByTestId('notification-receipt')).toContainText([...codes][0] ?? 'none');
});

test('reject, after its own confirmation; the content stays closed', async ({ page }) => {
  await openDetail(page, 'dehu:N-2025-001020');
  await page.getByRole('button', { name: 'Rechazar la notificación' }).click();
  const dialog = page.getByRole('alertdialog', { name: '¿Rechazar la notificación?' });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Sí, rechazar' }).click();
  await expect(page.getByText('Has rechazado la notificación.')).toBeVisible();
  await expect(page.getByTestId('notification-content')).toHaveCount(0);
  await expect(page.getByTestId('notification-receipt').getByRole('link')).toBeVisible();

  await page.reload();
  await mfeSettled(page, 'notifications');
  await expect(page.locator('dl').getByText('Rechazada', { exact: true })).toBeVisible();
  expect((await page.request.get('/api/notifications/dehu:N-2025-001020/document')).status()).toBe(404);
});

test('filters, pages and the unread badge on the navigation, in Spanish and English', async ({ page }) => {
  await page.goto('/notifications');
  await mfeSettled(page, 'notifications');
  const nav = page.getByRole('navigation', { name: 'Navegación principal' });
  await expect(nav.getByRole('link', { name: /^Notificaciones ?, \d+ sin leer$/ })).toBeVisible();

  await page.getByLabel('Estado').selectOption('expired');
  await page.getByRole('button', { name: 'Aplicar filtros' }).click();
  const list = page.getByTestId('notification-list');
  await expect(list.getByRole('listitem').first()).toBeVisible();
  const statuses = await list.getByRole('listitem').locator('.cp-tag').allTextContents();
  expect(statuses.filter((text) => /Pendiente|Aceptada|Rechazada/.test(text))).toEqual([]);

  await page.getByRole('button', { name: 'Quitar filtros' }).click();
  await page.getByLabel('Administración').selectOption({ label: 'Dirección General de Tráfico' });
  await page.getByRole('button', { name: 'Aplicar filtros' }).click();
  await expect(list.getByRole('listitem').first()).toContainText('Dirección General de Tráfico');
  for (const text of await list.getByRole('listitem').allTextContents()) {
    expect(text).toContain('Dirección General de Tráfico');
  }

  const hrefs = () =>
    list.getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  const filtered = await hrefs();
  await page.getByRole('button', { name: 'Quitar filtros' }).click();
  // Page 1 unfiltered in full: ten notifications, not the list filtered by DGT still on screen.
  await expect
    .poll(async () => {
      const shown = await hrefs();
      return shown.length === 10 && shown.some((href) => !filtered.includes(href));
    })
    .toBe(true);
  const firstPage = await hrefs();
  await page
    .getByRole('navigation', { name: 'Páginas de notificaciones' })
    .getByRole('link', { name: 'Página 2' })
    .click();
  await expect(
    page.getByRole('navigation', { name: 'Páginas de notificaciones' }).locator('[aria-current="page"]'),
  ).toContainText('2');
  // Page 2 in full: ten notifications, none of page 1 (an empty list while it loads is not page 2).
  await expect
    .poll(async () => {
      const shown = await hrefs();
      return shown.length === 10 && !shown.some((href) => firstPage.includes(href));
    })
    .toBe(true);
  await expectNoAxeViolations(page);

  await switchLanguage(page, 'en');
  await expect(page.getByRole('heading', { level: 2, name: 'Filter notifications' })).toBeVisible();
  await expect(
    page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: /^Notifications ?, \d+ unread$/ }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
});
