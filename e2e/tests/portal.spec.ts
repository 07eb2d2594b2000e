import { expect, test } from '@playwright/test';
import {
  expectNoAxeViolations,
  mfeSettled,
  recordScripts,
  resetManifest,
  switchLanguage,
  tabTo,
  uiLibraryCopies,
  startInSpanish,
} from '../support/portal.ts';
import { CITIZENS, signIn } from '../support/auth.ts';

test.beforeEach(async ({ page }) => {
  resetManifest();
  await startInSpanish(page);
  await signIn(page);
});

test('home shows the pending notifications count and passes axe', async ({ page }) => {
  await page.goto('/');
  await mfeSettled(page, 'home');
  await expect(page.getByRole('heading', { level: 1, name: 'Tu carpeta' })).toBeVisible();
  await expect(page.getByTestId('pending-count')).toHaveText(
    /Tienes \d+ notificaci(ón|ones) pendientes? de abrir/,
  );
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expectNoAxeViolations(page);
});

test('a keyboard-only user reaches a notification and sees its normalised fields', async ({ page }) => {
  await page.goto('/');
  await mfeSettled(page, 'home');

  // The skip link is the first stop and takes focus to <main>.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Saltar al contenido principal' })).toBeFocused();

  await tabTo(page, ({ href }) => href === '/notifications');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/notifications$/);
  await mfeSettled(page, 'notifications');
  await expect(page.getByRole('heading', { level: 1, name: 'Notificaciones' })).toBeVisible();
  const list = page.getByTestId('notification-list');
  await expect(list.getByRole('listitem').first()).toBeVisible();
  await expectNoAxeViolations(page);

  // Focus moved to <main> on navigation; the next Tab stops are inside the page.
  const reached = await tabTo(page, ({ href }) => href?.startsWith('/notifications/dehu%3A') ?? false);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(reached.href ?? '');
  await expect(page.getByRole('heading', { level: 1, name: reached.text })).toBeVisible();

  // Normalised by the gateway's connector: issuer, DIR3 code, status and dates in Spanish.
  const facts = page.locator('dl');
  await expect(facts.getByText('Organismo emisor')).toBeVisible();
  await expect(facts.getByText('Código DIR3')).toBeVisible();
  await expect(facts.locator('dd').filter({ hasText: /^[A-Z0-9]{9}$/ })).toHaveCount(1);
  await expect(facts.getByText(/^(Pendiente|Aceptada|Rechazada|Caducada)$/)).toBeVisible();
  await expect(facts.locator('time').first()).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
  await expectNoAxeViolations(page);

  // Back to the list without a page load.
  await page.getByRole('link', { name: 'Volver a notificaciones' }).click();
  await expect(page).toHaveURL(/\/notifications$/);
});

test('the language switch reaches every mounted MFE and <html lang>', async ({ page }) => {
  await page.goto('/');
  await mfeSettled(page, 'home');
  await switchLanguage(page, 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Your folder' })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Notifications' }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Notifications' })
    .click();
  await mfeSettled(page, 'notifications');
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Switching while an MFE is mounted re-renders it in place.
  await switchLanguage(page, 'es');
  await expect(page.getByRole('heading', { level: 1, name: 'Notificaciones' })).toBeVisible();

  // The choice survives a reload.
  await switchLanguage(page, 'en');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('the browser loads exactly one copy of Preact, as React, for the shell and every MFE', async ({
  page,
}) => {
  const scripts = recordScripts(page);
  await page.goto('/');
  await mfeSettled(page, 'home');
  await page.getByRole('navigation').getByRole('link', { name: 'Notificaciones' }).click();
  await mfeSettled(page, 'notifications');
  await expect(page.getByTestId('notification-list')).toBeVisible();
  const copies = uiLibraryCopies(await scripts());
  expect(copies.preact).toHaveLength(1);
  expect(copies.react).toEqual([]);
});

test('shell pages and the not-found page are accessible', async ({ page }) => {
  for (const [path, title] of [
    ['/accessibility', 'Declaración de accesibilidad'],
    ['/roadmap', 'Hoja de ruta'],
    ['/feedback', 'Danos tu opinión'],
    ['/no-such-page', 'Página no encontrada'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expectNoAxeViolations(page);
  }
});

test('hostile strings from an agency are shown as text, never run', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  // The hostile agency strings belong to the test-only citizen, never to the demo citizen.
  await page.context().clearCookies();
  await signIn(page, { nif: CITIZENS.hostile, returnTo: '/notifications' });
  await mfeSettled(page, 'notifications');
  await expect(page.getByText('<img src=x onerror=alert(1)>', { exact: false })).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(dialogs).toBe(0);
});
