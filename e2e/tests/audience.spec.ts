import { expect, type Page, test } from '@playwright/test';
import { CITIZENS, signIn } from '../support/auth.ts';
import { E2E } from '../support/env.ts';
import { chooseRadio, followLink, pressButton, setFault } from '../support/folder.ts';
import {
  expectNoAxeViolations,
  fixtureEntry,
  mfeSettled,
  resetManifest,
  setManifest,
  startInSpanish,
  switchLanguage,
} from '../support/portal.ts';

// The per-citizen manifest and an autonomous community's own MFE: the Comunidad de Madrid's health
// service (SERMAS) is shown to residents of Madrid only, chosen by the census residence of the
// person whose folder is shown; a Barcelona-only entry is added for the other side.

test.describe.configure({ mode: 'serial' });

const HEALTH_ORIGIN = `http://127.0.0.1:${E2E.base + 207}`;

const nav = (page: Page) => page.getByRole('navigation', { name: /Navegación principal|Main navigation/ });

test.beforeEach(async ({ page }) => {
  setManifest((document) => ({
    ...document,
    mfes: [
      ...document.mfes,
      fixtureEntry({ id: 'barcelona', expose: './hello', audience: { municipalities: ['08019'] } }),
    ],
  }));
  await startInSpanish(page);
});

test.afterEach(async () => {
  await setFault('pid', 'ok');
  await setFault('sermas', 'ok');
});

test.afterAll(async () => {
  resetManifest();
  await fetch(`http://127.0.0.1:${E2E.base + 112}/__control/reset`, { method: 'POST' });
});

test('a citizen of Madrid sees the health MFE of her community, asks for a new card by keyboard, in Spanish and English', async ({
  page,
}) => {
  await signIn(page);
  await mfeSettled(page, 'home');
  await expect(nav(page).getByRole('link', { name: 'Salud (Madrid)' })).toBeVisible();
  await expect(nav(page).getByRole('link', { name: 'Prueba barcelona' })).toHaveCount(0);

  await followLink(page, 'Salud (Madrid)');
  await mfeSettled(page, 'health-madrid');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Tu salud en la Comunidad de Madrid' }),
  ).toBeVisible();
  const card = page.getByTestId('health-card');
  await expect(card).toContainText('GRLP850314MD');
  await expect(card).toContainText('Centro de Salud Retiro Norte');

  // A replacement card: the dialog by keyboard, a reason, one request.
  await pressButton(page, 'Pedir un duplicado de la tarjeta');
  const dialog = page.getByRole('dialog', { name: 'Pedir un duplicado de la tarjeta sanitaria' });
  await expect(dialog).toBeVisible();
  await chooseRadio(page, 'La he perdido');
  await expectNoAxeViolations(page);
  await pressButton(page, 'Pedir el duplicado');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText(/Duplicado pedido \(referencia DUP-/)).toBeVisible();
  await expect(card.getByRole('heading', { name: 'Duplicado pedido' })).toBeVisible();

  await switchLanguage(page, 'en');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Your health in the Comunidad de Madrid' }),
  ).toBeVisible();
  await expect(nav(page).getByRole('link', { name: 'Health (Madrid)' })).toBeVisible();
  await expect(page.getByTestId('health-card')).toContainText('Replacement requested');
  await expectNoAxeViolations(page);
});

test('she books a primary-care appointment at her health centre and cancels it, by keyboard', async ({
  page,
}) => {
  await signIn(page, { returnTo: '/health-madrid/book' });
  await mfeSettled(page, 'health-madrid');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Pedir cita de atención primaria' }),
  ).toBeVisible();
  await chooseRadio(page, /^Enfermería/);
  await pressButton(page, 'Ver horas libres');
  const slots = page.getByTestId('health-slots');
  await expect(slots.getByRole('heading', { name: 'Horas libres de Enfermería' })).toBeFocused();
  const slot = slots.getByRole('radio').first();
  await slot.focus();
  await page.keyboard.press('Space');
  await expect(slot).toBeChecked();
  await expectNoAxeViolations(page);
  await pressButton(page, 'Confirmar la cita');
  await expect(page.getByText(/Cita confirmada: Enfermería/)).toBeVisible();
  const upcoming = page.getByTestId('health-upcoming');
  await expect(upcoming.getByRole('heading', { name: 'Enfermería' })).toBeVisible();

  // Cancel it again, confirmed in an alert dialog.
  await pressButton(page, /^Anular la cita de Enfermería/);
  const confirm = page.getByRole('alertdialog', { name: 'Anular la cita' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Anular la cita' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Cita de Enfermería del .* anulada\./)).toBeVisible();
  await expect(upcoming.getByRole('heading', { name: 'Enfermería' })).toHaveCount(0);
});

test('a citizen of Barcelona sees another navigation: Barcelona’s entry, not Madrid’s health MFE', async ({
  page,
}) => {
  await signIn(page, { nif: CITIZENS.john });
  await mfeSettled(page, 'home');
  await expect(nav(page).getByRole('link', { name: 'Prueba barcelona' })).toBeVisible();
  await expect(nav(page).getByRole('link', { name: 'Salud (Madrid)' })).toHaveCount(0);
  // The page may not even load the health MFE's code: its origin is not in this page's CSP.
  const response = await page.goto('/health-madrid');
  expect(response?.headers()['content-security-policy']).not.toContain(HEALTH_ORIGIN);
  await expect(page.getByRole('heading', { level: 1, name: 'Página no encontrada' })).toBeVisible();
  await expect(page.locator('[data-mfe="health-madrid"]')).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('acting for a person living elsewhere changes the navigation, and back', async ({ page }) => {
  await signIn(page);
  await mfeSettled(page, 'home');
  await expect(nav(page).getByRole('link', { name: 'Salud (Madrid)' })).toBeVisible();

  // María acts for her mother Carmen, who lives in Toledo: the Madrid health MFE goes away, in
  // place (the shell asks for the new session's manifest; the page is not loaded again).
  await page.evaluate(() => {
    (window as { samePage?: boolean }).samePage = true;
  });
  await pressButton(page, 'Actuar en nombre de…');
  const dialog = page.getByRole('dialog', { name: 'Actuar en nombre de otra persona' });
  await chooseRadio(page, /Carmen López Sánchez/);
  await pressButton(page, 'Cambiar');
  await expect(page.getByTestId('acting-for')).toContainText('Carmen López Sánchez');
  await expect(dialog).toHaveCount(0);
  await expect(nav(page).getByRole('link', { name: 'Salud (Madrid)' })).toHaveCount(0);
  await expect(nav(page).getByRole('link', { name: 'Inicio' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Back to her own folder: it comes back.
  await pressButton(page, 'Volver a mi carpeta');
  await expect(page.getByTestId('acting-for')).toHaveCount(0);
  await expect(nav(page).getByRole('link', { name: 'Salud (Madrid)' })).toBeVisible();
  expect(await page.evaluate(() => (window as { samePage?: boolean }).samePage)).toBe(true);
});

test('a census that fails leaves the State-wide services and says so; a health service down gets one clear panel', async ({
  page,
}) => {
  await signIn(page);
  await mfeSettled(page, 'home');
  await expect(nav(page).getByRole('link', { name: 'Salud (Madrid)' })).toBeVisible();

  // The census does not answer: State-wide services only, and a warning that says why.
  await setFault('pid', 'down');
  await page.reload();
  await mfeSettled(page, 'home');
  await expect(page.getByTestId('residence-unavailable')).toContainText(
    'Puede que falten servicios de tu comunidad o tu ayuntamiento',
  );
  await expect(nav(page).getByRole('link', { name: 'Salud (Madrid)' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await setFault('pid', 'ok');
  await page.reload();
  await mfeSettled(page, 'home');
  await expect(page.getByTestId('residence-unavailable')).toHaveCount(0);

  // The health service down: its page says so in one clear panel, nothing else of it.
  await setFault('sermas', 'down');
  await followLink(page, 'Salud (Madrid)');
  await mfeSettled(page, 'health-madrid');
  await expect(page.getByTestId('health-down')).toContainText(
    'El Servicio Madrileño de Salud no responde ahora',
  );
  await expect(page.getByTestId('health-appointments')).toHaveCount(0);
  await expectNoAxeViolations(page);
});
