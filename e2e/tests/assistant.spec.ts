import { expect, type Page, test } from '@playwright/test';
import { CITIZENS, signIn } from '../support/auth.ts';
import { E2E } from '../support/env.ts';
import {
  expectNoAxeViolations,
  mfeSettled,
  resetManifest,
  startInSpanish,
  tabTo,
} from '../support/portal.ts';

// Ada, the assistant: the header's panel on any page (lazy), its route /ada, the six languages,
// a folder answer with a deep link, and an incident filed and listed.
// Six conversations and three axe runs: twice the default budget on a loaded 2-core machine.
test.describe.configure({ mode: 'serial', timeout: 90_000 });

test.beforeEach(async ({ page }) => {
  resetManifest();
  await startInSpanish(page);
});

const ASSISTANT_ORIGIN = `http://127.0.0.1:${E2E.base + 209}`;

/** Types a question in the chat's field (already focused) and waits for Ada's answer to it. */
async function ask(page: Page, scope: ReturnType<Page['locator']>, text: string) {
  const answers = scope.locator('[data-from="ada"]');
  const before = await answers.count();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await expect(answers).toHaveCount(before + 1);
  return answers.last();
}

test('a conversation in each of the six languages, by keyboard, in the header panel at 320 px', async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 900 });
  const assistantRequests: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith(ASSISTANT_ORIGIN) || url.includes('assistant-panel')) assistantRequests.push(url);
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  // Nothing of the assistant on the first route until its button is used.
  expect(assistantRequests).toEqual([]);

  await tabTo(page, ({ text }) => text === 'Ada, la asistente');
  const button = page.locator('[data-assistant-button]');
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Enter');
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  const panel = page.locator('[data-assistant-panel]');
  await expect(panel).toBeFocused();
  const log = panel.getByRole('log');
  await expect(log).toBeVisible();
  await expect(panel.getByRole('textbox', { name: 'Escribe tu pregunta' })).toBeVisible();
  // Keyboard only: Tab from the panel to the question field.
  for (let index = 0; index < 12; index += 1) {
    if (await panel.getByRole('textbox').evaluate((element) => element === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  const field = panel.getByRole('textbox', { name: 'Escribe tu pregunta' });
  await expect(field).toBeFocused();

  const conversation = [
    ['¿Cuántos días tengo para abrir una notificación?', 'es', '10 días naturales'],
    ['Vull demanar cita prèvia per renovar el DNI', 'ca', 'cita prèvia'],
    ['Vull vore les meues notificacions', 'ca-ES-valencia', 'teues notificacions'],
    ['Quero pedir cita previa para renovar o DNI', 'gl', 'cita previa'],
    ['Aurretiko hitzordua eskatu nahi dut', 'eu', 'hitzordua'],
    ['I want to book an appointment to renew my identity card', 'en', 'book appointments'],
  ] as const;
  for (const [question, lang, words] of conversation) {
    const answer = await ask(page, panel, question);
    await expect(answer, question).toHaveAttribute('lang', lang);
    await expect(answer, question).toContainText(words);
    // New messages are announced by the log; the focus stays where the citizen types.
    await expect(field).toBeFocused();
  }
  await expect(log.locator('[data-from="citizen"]')).toHaveCount(6);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await expectNoAxeViolations(page);
  // Every theme (what the footer's appearance choice sets on <html>), the panel open.
  for (const theme of ['dark', 'high-contrast']) {
    await page.evaluate((value) => document.documentElement.setAttribute('data-theme', value), theme);
    await expectNoAxeViolations(page);
  }

  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
});

test('signed in: a folder answer with a working deep link, and an incident filed, answered by a maintainer and read at /ada', async ({
  page,
  browser,
}) => {
  await signIn(page, { returnTo: '/ada' });
  const area = await mfeSettled(page, 'assistant');
  await expect(page.getByRole('heading', { level: 1, name: 'Ada, tu asistente' })).toBeVisible();
  // The route is the assistant itself: no panel button there.
  await expect(page.locator('[data-assistant-button]')).toHaveCount(0);
  const field = area.getByRole('textbox', { name: 'Escribe tu pregunta' });
  await field.focus();

  const folder = await ask(page, area, '¿Tengo notificaciones pendientes?');
  await expect(folder).toContainText(/Tienes \d+ notificaciones pendientes\./);
  await expect(folder).toContainText(/caduca en \d+ días/);
  const firstLink = folder.locator('a[href^="/notifications/"]').first();
  const subject = (await firstLink.textContent()) ?? '';
  const href = (await firstLink.getAttribute('href')) ?? '';
  const deepLink = area.locator(`a[href="${href}"]`).first();

  // An incident, characterised step by step, then filed.
  await field.focus();
  const intake = await ask(page, area, 'Quiero abrir una incidencia');
  await expect(intake).toContainText('¿Sobre qué es el problema?');
  await intake.getByRole('button', { name: 'Notificaciones' }).focus();
  await page.keyboard.press('Enter');
  await expect(area.locator('[data-from="ada"]').last()).toContainText('¿Con qué administración');
  await field.focus();
  await ask(page, area, 'Agencia Tributaria');
  await ask(page, area, 'Abrir una notificación');
  await ask(page, area, 'Error 500 <script>alert(1)</script>');
  await expect(area.getByRole('heading', { name: 'Resumen de la incidencia' })).toBeVisible();
  await expect(area.getByText('Error 500 <script>alert(1)</script>').last()).toBeVisible();
  await area.getByRole('button', { name: 'Registrar la incidencia' }).focus();
  await page.keyboard.press('Enter');
  const note = area.locator('[data-reference]');
  await expect(note).toContainText(/ADA-[0-9A-Z]{8}/);
  const reference = (await note.getAttribute('data-reference')) ?? '';
  const tickets = area.getByTestId('assistant-tickets');
  await expect(tickets.getByRole('row', { name: new RegExp(reference) })).toContainText('Abierta');
  await expectNoAxeViolations(page);

  // The deep link opens the notification in the notifications MFE.
  await deepLink.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/notifications\/dehu%3A/);
  await mfeSettled(page, 'notifications');
  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();

  // A maintainer answers the incident from the maintainers' page, in another browser.
  const elsewhere = await browser.newContext({
    baseURL: E2E.portal,
    locale: 'es-ES',
    serviceWorkers: 'block',
  });
  try {
    const admin = await elsewhere.newPage();
    await signIn(admin, { nif: CITIZENS.maintainer, returnTo: '/admin/roadmap' });
    await mfeSettled(admin, 'roadmap-admin');
    const entry = admin.locator(`[data-ticket="${reference}"]`);
    await expect(entry).toContainText('Error 500 <script>alert(1)</script>');
    await expect(entry).not.toContainText(CITIZENS.maria);
    await entry.getByRole('button', { name: 'Responder' }).click();
    await expect(entry.getByText('Escribe la respuesta')).toBeVisible();
    await entry
      .getByRole('textbox', { name: `Respuesta a ${reference}` })
      .fill('La Agencia Tributaria ya ha corregido el error: vuelve a intentarlo.');
    await entry.getByRole('button', { name: 'Responder' }).click();
    await expect(admin.getByTestId('admin-tickets-notice')).toHaveText(`Incidencia ${reference} respondida.`);
    await expect(entry).toContainText('Respondida');
    await expectNoAxeViolations(admin);
  } finally {
    await elsewhere.close();
  }

  // María reads the answer with her incident.
  await page.goto('/ada');
  await mfeSettled(page, 'assistant');
  const answered = page.getByTestId('assistant-tickets').getByRole('row', { name: new RegExp(reference) });
  await expect(answered).toContainText('Resuelta');
  await expect(answered).toContainText(
    'La Agencia Tributaria ya ha corregido el error: vuelve a intentarlo.',
  );
  await expectNoAxeViolations(page);
});
