import { expect, type Page, test } from '@playwright/test';
import { CITIZENS, signIn } from '../support/auth.ts';
import { E2E } from '../support/env.ts';
import { chooseRadio, followLink, pressButton } from '../support/folder.ts';
import { expectNoAxeViolations, mfeSettled, resetManifest, startInSpanish } from '../support/portal.ts';

// Feedback and the public roadmap: a form with errors then sent, the accessibility form's legal
// answer date, the maintainer linking feedback and changing a status that the public roadmap then
// shows, and a citizen kept out of the maintainers' page. Nothing of the feedback MFE loads on the
// first routes.
test.describe.configure({ timeout: 60_000 });

const FEEDBACK_ORIGIN = `http://127.0.0.1:${E2E.base + 210}`;

test.beforeEach(async ({ page }) => {
  resetManifest();
  await startInSpanish(page);
});

/** Every request the page makes to the feedback MFE's origin from now on. */
function feedbackRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(FEEDBACK_ORIGIN)) seen.push(request.url());
  });
  return seen;
}

test('general feedback: errors listed and focused, then corrected and sent (anonymous)', async ({ page }) => {
  const requests = feedbackRequests(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(requests).toEqual([]);

  await followLink(page, 'Opinión y sugerencias');
  await mfeSettled(page, 'feedback');
  await expect(page.getByRole('heading', { level: 1, name: 'Danos tu opinión' })).toBeVisible();
  await expectNoAxeViolations(page);

  await pressButton(page, 'Enviar');
  const summary = page.locator('.cp-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText([
    'Elige qué te parece la Carpeta',
    'Escribe qué podemos mejorar',
  ]);
  await expect(page.getByRole('textbox', { name: '¿Qué podemos mejorar?' })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expectNoAxeViolations(page);

  await summary.getByRole('link', { name: 'Escribe qué podemos mejorar' }).press('Enter');
  await expect(page.getByRole('textbox', { name: '¿Qué podemos mejorar?' })).toBeFocused();
  await page.keyboard.type('Avisos por SMS, por favor. <script>alert(1)</script>');
  await expect(page.getByText(/Te quedan 1\d{3} caracteres/)).toBeVisible();
  await chooseRadio(page, 'Satisfecho');
  await pressButton(page, 'Enviar');
  const thanks = page.getByTestId('feedback-thanks');
  await expect(thanks).toContainText('Gracias por tu opinión');
  await expect(thanks).toContainText(/Referencia: OPN-[0-9A-Z]{8}/);
  await expectNoAxeViolations(page);
});

test('the accessibility statement leads to the form, which gives the legal answer date', async ({ page }) => {
  await page.goto('/accessibility');
  await followLink(page, 'Comunicar un problema de accesibilidad');
  await mfeSettled(page, 'feedback');
  await expect(page).toHaveURL(/\/feedback\/accessibility$/);
  await expect(page.getByText('20 días hábiles (Real Decreto 1112/2018)')).toBeVisible();
  await page.getByRole('textbox', { name: '¿En qué página, documento o pantalla?' }).fill('/notifications');
  await page
    .getByRole('textbox', { name: 'Describe el problema' })
    .fill('El lector de pantalla no lee el botón.');
  await pressButton(page, 'Enviar');
  await expect(page.getByTestId('feedback-thanks')).toContainText(/Referencia: ACC-[0-9A-Z]{8}/);
  await expect(page.getByTestId('answer-by')).toHaveText(
    /^Te responderemos como tarde el \d{1,2} de [a-z]+ de 20\d\d\.$/,
  );
  await expectNoAxeViolations(page);
});

test('the maintainer links feedback to an item and changes its status; the public roadmap shows it', async ({
  page,
}) => {
  // A piece of feedback sent without a session (no Origin header: not a cross-site write).
  const sent = await page.request.post(`${E2E.portal}/api/feedback`, {
    headers: { 'idempotency-key': `e2e-${Date.now()}-roadmap` },
    data: { kind: 'sign-in', method: 'clave-pin', outcome: 'could-not', message: 'No me llega el SMS' },
  });
  expect(sent.status()).toBe(201);
  const { reference } = (await sent.json()) as { reference: string };
  const request = await page.request.post(`${E2E.portal}/api/feedback/accessibility`, {
    headers: { 'idempotency-key': `e2e-${Date.now()}-accessibility` },
    data: { page: '/files', problem: 'El foco se pierde al cerrar el diálogo' },
  });
  expect(request.status()).toBe(201);
  const accessibility = (await request.json()) as { reference: string };

  await signIn(page, { nif: CITIZENS.maintainer, returnTo: '/admin/roadmap' });
  await mfeSettled(page, 'roadmap-admin');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Mantenimiento: opiniones y hoja de ruta' }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  const feedback = page.locator(`[data-feedback="${reference}"]`);
  await expect(feedback).toContainText('No me llega el SMS');
  await feedback.getByRole('combobox', { name: `Enlazar ${reference} con` }).selectOption({
    label: 'Perfil de empresa',
  });
  await pressButton(page, `Enlazar ${reference}`);
  await expect(page.getByTestId('admin-notice')).toHaveText(
    `Opinión ${reference} enlazada con «Perfil de empresa».`,
  );
  await expect(feedback).toContainText('Enlazada con: Perfil de empresa');

  await page.getByRole('combobox', { name: 'Estado de «Perfil de empresa»' }).selectOption('in-progress');
  await pressButton(page, 'Guardar el estado de «Perfil de empresa»');
  await expect(page.getByTestId('admin-notice')).toHaveText(
    'Estado de «Perfil de empresa» guardado: En curso.',
  );
  await expectNoAxeViolations(page);

  const row = page.getByRole('row').filter({ hasText: accessibility.reference });
  await expect(row).toContainText('En plazo');
  await pressButton(page, `Marcar como respondida: ${accessibility.reference}`);
  await expect(page.getByTestId('admin-notice')).toHaveText(
    `Comunicación ${accessibility.reference} marcada como respondida.`,
  );
  await expect(row).toContainText('Respondida');

  await page.goto('/roadmap');
  await mfeSettled(page, 'roadmap');
  const item = page.locator('[data-status="in-progress"] [data-item="company-profile"]');
  await expect(item).toContainText('Perfil de empresa');
  await expect(item.getByTestId('comments')).toHaveText(/^Opiniones que lo piden: [1-9]\d*$/);
  await expectNoAxeViolations(page);
});

test('a citizen cannot reach the maintainers’ page, and her home loads nothing of the feedback MFE', async ({
  page,
}) => {
  const requests = feedbackRequests(page);
  await signIn(page, { nif: CITIZENS.maria, returnTo: '/' });
  await mfeSettled(page, 'home');
  await page.waitForLoadState('networkidle');
  expect(requests).toEqual([]);

  // Her manifest does not name the maintainers' page (an entry for a role): the address is no page.
  await page.goto('/admin/roadmap');
  await expect(page.getByRole('heading', { level: 1, name: 'Página no encontrada' })).toBeVisible();
  await expect(page.locator('[data-mfe="roadmap-admin"]')).toHaveCount(0);
  await expect(page.getByText('No me llega el SMS')).toHaveCount(0);
  expect((await page.request.get(`${E2E.portal}/api/admin/feedback`)).status()).toBe(403);
  await expectNoAxeViolations(page);
});
