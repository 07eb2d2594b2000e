import { createECDH, randomBytes } from 'node:crypto';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { decrypt } from 'http_ece';
import { CITIZENS, signIn } from '../support/auth.ts';
import { E2E } from '../support/env.ts';
import { expectNoAxeViolations, mfeSettled, resetManifest, startInSpanish } from '../support/portal.ts';

// The alerts centre: preferences refused without a verified phone, a phone verified with the code
// the simulated SMS gateway recorded; and a notification about to expire that produces exactly one
// e-mail in the mail sink and one push message at the simulated push service, however many times the
// scheduler (every second here) runs. Each test
// leaves the citizen with no alerts enabled and no contacts, so the scheduler goes quiet again.
test.describe.configure({ timeout: 60_000 });

const CITIZEN = CITIZENS.john;
const run = randomBytes(4).toString('hex');

test.beforeEach(async ({ page }) => {
  resetManifest();
  await startInSpanish(page);
});

/** Writes to /api/alerts as the page's session (its CSRF token, a fresh Idempotency-Key). */
async function alertsApi(page: Page) {
  const session = (await (await page.request.get('/api/session')).json()) as { csrfToken: string };
  const headers = () => ({
    'x-csrf-token': session.csrfToken,
    'idempotency-key': `e2e-${randomBytes(8).toString('hex')}`,
  });
  const request: APIRequestContext = page.request;
  return {
    /** The CSRF token and a fresh Idempotency-Key, for writes elsewhere than /api/alerts. */
    headers,
    put: (path: string, data: unknown) => request.put(`/api/alerts${path}`, { headers: headers(), data }),
    post: (path: string, data: unknown = {}) =>
      request.post(`/api/alerts${path}`, { headers: headers(), data }),
    delete: (path: string) => request.delete(`/api/alerts${path}`, { headers: headers() }),
    /** Every alert off, every contact point removed. */
    async reset() {
      const events = [
        'notification-new',
        'notification-expiring',
        'file-requirement',
        'appointment-reminder',
        'document-expiring',
        'ticket-answered',
      ];
      const channels = ['email', 'sms', 'push', 'portal'];
      const off = events.flatMap((event) => channels.map((channel) => ({ event, channel, enabled: false })));
      expect((await this.put('/preferences', { preferences: off })).status()).toBe(200);
      for (const kind of ['email', 'phone']) await this.delete(`/contacts/${kind}`);
    },
  };
}

interface SinkMessage {
  to: string[];
  subject: string;
  text: string;
  carpeta: Record<string, string>;
}

async function mailTo(page: Page, address: string): Promise<SinkMessage[]> {
  const answer = await page.request.get(`${E2E.mailSink}/api/messages?to=${encodeURIComponent(address)}`);
  return ((await answer.json()) as { items: SinkMessage[] }).items;
}

async function smsTo(page: Page, number: string): Promise<Array<{ text: string }>> {
  const answer = await page.request.get(`${E2E.sms}/sms/api/v1/messages?to=${encodeURIComponent(number)}`);
  return ((await answer.json()) as { items: Array<{ text: string }> }).items;
}

/** A pending DEHú notification for the citizen, made available `hours` ago; taken away by the test. */
async function addNotification(page: Page, hours: number): Promise<string> {
  const answer = await page.request.post(`${E2E.agency}/__control/envios`, {
    data: { nif: CITIZEN, availableHoursAgo: hours },
  });
  expect(answer.status()).toBe(201);
  return ((await answer.json()) as { idEnvio: string }).idEnvio;
}

test('preferences need a verified phone: the code from the SMS gateway verifies it', async ({ page }) => {
  await signIn(page, { nif: CITIZEN, returnTo: '/alerts' });
  const api = await alertsApi(page);
  await api.reset();
  await page.reload();
  await mfeSettled(page, 'alerts');
  await expect(page.getByRole('heading', { level: 1, name: 'Avisos' })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Avisos' }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  // SMS alerts without a verified phone: the form says what is missing and where.
  const expiring = page.getByRole('group', { name: 'Notificación a punto de caducar' });
  await expiring.getByRole('checkbox', { name: 'SMS' }).check();
  await page.getByRole('button', { name: 'Guardar preferencias' }).press('Enter');
  const summary = page.locator('.cp-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText([
    'Notificación a punto de caducar: para recibirlo por SMS, verifica antes un número de móvil',
  ]);
  await expectNoAxeViolations(page);

  // A mobile number of this run, then the code the SMS gateway received.
  const digits = `6${String(Number.parseInt(run, 16) % 100_000_000).padStart(8, '0')}`;
  const phoneForm = page.locator('[data-contact="phone"]');
  await phoneForm.getByRole('textbox', { name: 'Teléfono móvil' }).fill(digits);
  await phoneForm.getByRole('button', { name: 'Enviar código' }).press('Enter');
  const codeBox = phoneForm.getByRole('textbox', { name: 'Código de verificación' });
  await expect(codeBox).toBeVisible();
  await expect.poll(async () => (await smsTo(page, `+34${digits}`)).length).toBe(1);
  const texts = await smsTo(page, `+34${digits}`);
  expect(texts[0]?.text).toMatch(/^Carpeta Ciudadana: su código de verificación es \d{6}\./);
  const code = /(\d{6})/.exec(texts[0]?.text ?? '')?.[1] ?? '';
  await codeBox.fill(code);
  await phoneForm.getByRole('button', { name: 'Verificar' }).press('Enter');
  await expect(phoneForm).toContainText(`+34${digits}, verificado`);

  await page.getByRole('button', { name: 'Guardar preferencias' }).press('Enter');
  await expect(page.getByText('Preferencias guardadas.')).toBeVisible();
  const history = page.getByRole('table', { name: 'Historial de cambios' });
  await expect(history).toContainText('Dato de contacto verificado');
  await expect(history).toContainText('Preferencias cambiadas');
  // The record masks the number.
  await expect(history).not.toContainText(digits);
  await expectNoAxeViolations(page);
  await api.reset();
});

test('a notification about to expire: one e-mail in the mail sink and one push message, however often the scheduler runs', async ({
  page,
}) => {
  await signIn(page, { nif: CITIZEN, returnTo: '/alerts' });
  await mfeSettled(page, 'alerts');
  const api = await alertsApi(page);
  await api.reset();
  const address = `john.${run}@example.test`;
  expect((await api.post('/contacts', { kind: 'email', value: address, language: 'es' })).status()).toBe(202);
  await expect.poll(async () => (await mailTo(page, address)).length).toBe(1);
  const codeMail = await mailTo(page, address);
  expect(codeMail[0]?.carpeta['x-carpeta-purpose']).toBe('verification');
  const code = /(\d{6})/.exec(codeMail[0]?.text ?? '')?.[1] ?? '';
  expect((await api.post('/contacts/email/verify', { code })).status()).toBe(200);
  // A device of John's, at the simulated push service, with keys this test holds (the browser's side
  // of Web Push and the service worker's display are pwa.spec's).
  const receiver = createECDH('prime256v1');
  receiver.generateKeys();
  const authSecret = randomBytes(16).toString('base64url');
  const endpoint = `${E2E.push}/push/alerts-${run}`;
  const subscribed = await page.request.put('/api/push/subscription', {
    headers: (await alertsApi(page)).headers(),
    data: {
      endpoint,
      expirationTime: null,
      keys: { p256dh: receiver.getPublicKey().toString('base64url'), auth: authSecret },
    },
  });
  expect(subscribed.status()).toBe(200);
  const { id: device } = (await subscribed.json()) as { id: string };
  const pushes = async () => {
    const answer = await page.request.get(`${E2E.push}/__control/messages?token=alerts-${run}`);
    return ((await answer.json()) as { messages: { body: string }[] }).messages.map(
      (message) =>
        JSON.parse(
          decrypt(Buffer.from(message.body, 'base64url'), {
            version: 'aes128gcm',
            privateKey: receiver,
            authSecret,
          }).toString('utf8'),
        ) as { title: string; body: string; url: string },
    );
  };
  expect(
    (
      await api.put('/preferences', {
        preferences: [
          { event: 'notification-expiring', channel: 'email', enabled: true },
          { event: 'notification-expiring', channel: 'push', enabled: true },
        ],
        language: 'es',
      })
    ).status(),
  ).toBe(200);

  // Made available 8 days ago: it expires (10 calendar days) in 2, inside the 3-day warning.
  const first = await addNotification(page, 8 * 24);
  const second: string[] = [];
  try {
    const alerts = async () =>
      (await mailTo(page, address)).filter(
        (mail) => mail.carpeta['x-carpeta-event'] === 'notification-expiring',
      );
    await expect.poll(async () => (await alerts()).length, { timeout: 15_000 }).toBe(1);
    const [mail] = await alerts();
    expect(mail?.subject).toBe('Una notificación suya caduca pronto');
    expect(mail?.text).toContain(`${E2E.portal}/notifications`);
    // Never the notification itself: not its subject, not its id.
    expect(mail?.text).not.toContain('Requerimiento de información');
    expect(mail?.text).not.toContain(first);
    // And one push message to John's device: that something waits, where, never what.
    await expect.poll(async () => (await pushes()).length, { timeout: 15_000 }).toBe(1);
    const [push] = await pushes();
    expect(push).toMatchObject({ title: 'Una notificación suya caduca pronto', url: '/notifications' });
    expect(JSON.stringify(push)).not.toContain('Requerimiento de información');

    // Another one made available: its e-mail proves the scheduler ran again; the first still has one.
    second.push(await addNotification(page, 8 * 24 + 1));
    await expect.poll(async () => (await alerts()).length, { timeout: 15_000 }).toBe(2);
    expect(await alerts()).toHaveLength(2);
    await expect.poll(async () => (await pushes()).length, { timeout: 15_000 }).toBe(2);

    // The mail sink is readable in the browser, as text.
    await page.goto(E2E.mailSink);
    await expect(page.getByRole('heading', { level: 1, name: 'Mail sink' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Una notificación suya caduca pronto' })).toHaveCount(2);
    await expectNoAxeViolations(page);
    await page.goto('/alerts');
    await mfeSettled(page, 'alerts');
  } finally {
    for (const id of [first, ...second]) {
      await page.request.delete(`${E2E.agency}/__control/envios/${CITIZEN}/${id}`);
    }
    await page.request.delete(`/api/push/subscription/${device}`, { headers: api.headers() });
    await api.reset();
  }
});
