import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { CITIZENS, signIn } from '../support/auth.ts';
import { E2E } from '../support/env.ts';
import { chooseRadio, followLink, pressButton } from '../support/folder.ts';
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

const stepHeading = (page: Page, name: string) => page.getByRole('heading', { level: 2, name, exact: true });

/** Walks the booking wizard by keyboard up to the slot step, with the first choice of each step. */
async function toSlots(page: Page) {
  await page.goto('/appointments/book');
  await mfeSettled(page, 'appointments');
  await expect(page.getByRole('heading', { level: 1, name: 'Pedir cita' })).toBeVisible();
  await expect(stepHeading(page, 'Administración')).toBeVisible();
  // An administration that offers services: the first one listed by the gateway.
  await page.getByRole('radio').first().focus();
  await page.keyboard.press('Space');
  await pressButton(page, 'Continuar');
  await expect(stepHeading(page, 'Servicio')).toBeFocused();
  await page.getByRole('radio').first().focus();
  await page.keyboard.press('Space');
  await pressButton(page, 'Continuar');
  await expect(stepHeading(page, 'Oficina')).toBeFocused();
  await page.getByRole('radio').first().focus();
  await page.keyboard.press('Space');
  await pressButton(page, 'Continuar');
  await expect(stepHeading(page, 'Fecha y hora')).toBeFocused();
}

test('María books by keyboard, step by step, and adds it to her calendar', async ({ page }) => {
  // Five steps walked by keyboard with axe on each: on a loaded 2-core machine it ran past 45 s.
  test.slow();
  await signIn(page, { returnTo: '/appointments' });
  await mfeSettled(page, 'appointments');
  await expect(page.getByRole('heading', { level: 1, name: 'Citas' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Próximas citas' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto('/appointments/book');
  await mfeSettled(page, 'appointments');
  // Continuing without a choice: an error summary that takes focus and links to the field.
  await pressButton(page, 'Continuar');
  const summary = page.getByRole('alert').filter({ hasText: 'Hay un problema' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: 'Elige una administración' })).toBeVisible();
  await expectNoAxeViolations(page);

  await toSlots(page);
  // Slots grouped by day: one group per day, each a radio group.
  const days = page.getByTestId('slot-days').getByRole('group');
  await expect(days.first()).toBeVisible();
  await expectNoAxeViolations(page);
  await days.first().getByRole('radio').first().focus();
  await page.keyboard.press('Space');
  await pressButton(page, 'Continuar');
  await expect(stepHeading(page, 'Confirmar')).toBeFocused();
  await expectNoAxeViolations(page);
  await pressButton(page, 'Confirmar cita');
  await expect(stepHeading(page, 'Cita reservada')).toBeFocused();
  await expect(page.getByText(/Guarda el localizador \S+/)).toBeVisible();
  await expectNoAxeViolations(page);

  // "Add to calendar" is a real ICS file.
  const downloading = page.waitForEvent('download');
  await page.getByTestId('calendar-link').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.ics$/);
  const ics = await readFile((await download.path()) ?? '', 'utf8');
  expect(ics).toContain('BEGIN:VCALENDAR');
  expect(ics).toContain('BEGIN:VEVENT');

  await followLink(page, 'Volver a citas');
  await expect(page).toHaveURL(/\/appointments$/);
  await expect(page.getByTestId('appointments-upcoming').locator('article').first()).toBeVisible();
});

test('reschedule to another free time of the same office, then cancel behind a confirmation', async ({
  page,
}) => {
  await signIn(page, { returnTo: '/appointments' });
  await mfeSettled(page, 'appointments');
  const upcoming = page.getByTestId('appointments-upcoming');
  const first = upcoming.locator('article').first();
  await expect(first).toBeVisible();
  const service = (await first.getByRole('heading', { level: 3 }).textContent())?.trim() ?? '';

  await followLink(page, /^Cambiar fecha:/);
  await expect(page.getByRole('heading', { level: 1, name: 'Cambiar la fecha de tu cita' })).toBeVisible();
  await expect(stepHeading(page, 'Fecha y hora')).toBeVisible();
  await page.getByTestId('slot-days').getByRole('radio').last().focus();
  await page.keyboard.press('Space');
  await pressButton(page, 'Continuar');
  await pressButton(page, 'Confirmar el cambio');
  await expect(stepHeading(page, 'Cita cambiada')).toBeFocused();
  await expectNoAxeViolations(page);
  await followLink(page, 'Volver a citas');

  // Cancel: nothing happens until the citizen confirms in the dialog.
  await mfeSettled(page, 'appointments');
  const card = page
    .getByTestId('appointments-upcoming')
    .locator('article')
    .filter({ hasText: service })
    .first();
  await card.getByRole('button', { name: /^Anular cita/ }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog', { name: '¿Anular la cita?' });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await card.getByRole('button', { name: /^Anular cita/ }).focus();
  await page.keyboard.press('Enter');
  await dialog.getByRole('button', { name: 'Sí, anular la cita' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Has anulado la cita', { exact: false })).toBeVisible();
  await expect(page.getByTestId('appointments-past')).toContainText('Anulada');
  await expectNoAxeViolations(page);
});

test('two citizens race for the same slot: one gets it, the other a clear message and fresh slots', async ({
  browser,
}) => {
  // One browser context each (axe needs pages of a context the test made).
  const contexts = [
    await browser.newContext({ baseURL: E2E.portal }),
    await browser.newContext({ baseURL: E2E.portal }),
  ];
  const [maria, carmen] = await Promise.all(contexts.map((context) => context.newPage()));
  if (!maria || !carmen) throw new Error('no page');
  try {
    for (const [page, nif] of [
      [maria, CITIZENS.maria],
      [carmen, CITIZENS.carmen],
    ] as const) {
      await startInSpanish(page);
      await signIn(page, { nif, returnTo: '/appointments' });
      await mfeSettled(page, 'appointments');
      await toSlots(page);
    }
    // Both pick the very same first free slot of the same office.
    const slotName =
      (await maria.getByTestId('slot-days').getByRole('radio').first().getAttribute('value')) ?? '';
    for (const page of [maria, carmen]) {
      await page.locator(`input[name="slot"][value="${slotName}"]`).check();
      await page.getByRole('button', { name: 'Continuar' }).click();
      await expect(stepHeading(page, 'Confirmar')).toBeVisible();
    }
    await Promise.all([
      maria.getByRole('button', { name: 'Confirmar cita' }).click(),
      carmen.getByRole('button', { name: 'Confirmar cita' }).click(),
    ]);
    const outcome = async (page: Page) => {
      await expect(stepHeading(page, 'Cita reservada').or(page.getByTestId('conflict'))).toBeVisible();
      return (await page.getByTestId('conflict').count()) > 0 ? 'conflict' : 'booked';
    };
    const results = [await outcome(maria), await outcome(carmen)].sort();
    expect(results).toEqual(['booked', 'conflict']);
    const loser = (await maria.getByTestId('conflict').count()) > 0 ? maria : carmen;
    await expect(loser.getByTestId('conflict')).toContainText('Otra persona acaba de reservar esa hora');
    await expect(stepHeading(loser, 'Fecha y hora')).toBeFocused();
    // Fresh slots, without the one just taken.
    await expect(loser.locator(`input[name="slot"][value="${slotName}"]`)).toHaveCount(0);
    await expectNoAxeViolations(loser);
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
  }
});

test('the booking pages in English pass axe', async ({ page }) => {
  await signIn(page, { returnTo: '/appointments' });
  await mfeSettled(page, 'appointments');
  await switchLanguage(page, 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Appointments' })).toBeVisible();
  await expectNoAxeViolations(page);
  await followLink(page, 'Book an appointment');
  await expect(page.getByRole('heading', { level: 1, name: 'Book an appointment' })).toBeVisible();
  await chooseRadio(page, /./);
  await pressButton(page, 'Continue');
  await expect(page.getByRole('heading', { level: 2, name: 'Service', exact: true })).toBeFocused();
  await expectNoAxeViolations(page);
});
