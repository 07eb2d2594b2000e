import { createECDH, randomBytes } from 'node:crypto';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { decrypt } from 'http_ece';
import { signIn } from '../support/auth.ts';
import { E2E } from '../support/env.ts';
import { expectNoAxeViolations, mfeSettled, resetManifest, shellInteractive } from '../support/portal.ts';

/*
 * The installable app: manifest and service worker, an offline start into the shell, the last
 * folder view readable offline, nothing private kept after sign-out, and a Web Push message sent by
 * the gateway through the simulated push service and shown by the service worker.
 */
test.use({ serviceWorkers: 'allow', locale: 'es-ES' });
test.beforeEach(() => resetManifest());
test.afterAll(() => resetManifest());

/** Waits until the portal's service worker controls the page (it registers after the first route). */
async function controlled(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 20_000,
  });
}

interface CachedEntry {
  cache: string;
  url: string;
  bytes: number;
  text: string | null;
}

/** Everything in the origin's Cache Storage, with the text of every textual answer. */
function cacheContents(page: Page): Promise<CachedEntry[]> {
  return page.evaluate(async () => {
    const entries: CachedEntry[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        if (!response) continue;
        const type = response.headers.get('content-type') ?? '';
        const blob = await response.blob();
        const textual = /json|html|javascript|text/.test(type);
        entries.push({
          cache: name,
          url: request.url,
          bytes: blob.size,
          text: textual ? await blob.text() : null,
        });
      }
    }
    return entries;
  });
}

async function offline(context: BrowserContext, page: Page) {
  await context.setOffline(true);
  await page.reload();
}

test('installable: the manifest and its icons, the service worker and its precache, an offline start into the shell', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await shellInteractive(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('/manifest.webmanifest');
  const manifest = (await (await page.request.get(href ?? '')).json()) as {
    name: string;
    short_name: string;
    start_url: string;
    scope: string;
    display: string;
    lang: string;
    theme_color: string;
    background_color: string;
    icons: { src: string; sizes: string; purpose: string }[];
  };
  expect(manifest).toMatchObject({
    short_name: 'Carpeta',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    lang: 'es',
    theme_color: '#1a4f8b',
    background_color: '#ffffff',
  });
  expect(manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose}`)).toEqual([
    '192x192 any',
    '512x512 any',
    '512x512 maskable',
  ]);
  for (const icon of manifest.icons) {
    const response = await page.request.get(icon.src);
    expect(response.headers()['content-type']).toBe('image/png');
    expect((await response.body()).subarray(1, 4).toString()).toBe('PNG');
  }

  await controlled(page);
  const precache = (await cacheContents(page)).filter((entry) => entry.cache.includes('precache'));
  const figure = `precache: ${precache.length} files, ${precache.reduce((sum, entry) => sum + entry.bytes, 0)} bytes`;
  console.log(figure);
  test.info().annotations.push({ type: 'service worker precache', description: figure });
  expect(precache.length).toBeGreaterThan(10);

  // Offline, the portal starts into the shell (the anonymous landing page kept at install) and says so.
  await offline(context, page);
  await shellInteractive(page);
  await expect(page.getByTestId('offline-notice')).toContainText('Sin conexión');
  await expect(page.getByRole('heading', { level: 1, name: 'Tu Carpeta Ciudadana' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the last folder view stays readable offline, and nothing private is kept after sign-out', async ({
  page,
  context,
}) => {
  await signIn(page, { returnTo: '/notifications' });
  await mfeSettled(page, 'notifications');
  await controlled(page);
  // The page the service worker controls is the one it keeps, with the reads it made.
  await page.reload();
  await mfeSettled(page, 'notifications');
  const list = page.getByTestId('notification-list');
  const subject = ((await list.getByRole('link').first().textContent()) ?? '').trim();
  expect(subject.length).toBeGreaterThan(0);

  await offline(context, page);
  await expect(page.getByTestId('offline-notice')).toContainText('Sin conexión');
  await mfeSettled(page, 'notifications');
  await expect(page.getByTestId('user-area')).toContainText('María');
  await expect(list.getByRole('link', { name: subject }).first()).toBeVisible();
  await expectNoAxeViolations(page);

  await context.setOffline(false);
  await page.reload();
  await mfeSettled(page, 'notifications');
  // Signed in, the private cache holds the page and the folder's reads (what sign-out must remove).
  const before = (await cacheContents(page)).filter((entry) => entry.cache === 'carpeta-private');
  expect(before.some((entry) => entry.url.includes('/api/notifications'))).toBe(true);
  expect(before.some((entry) => entry.text?.includes('María'))).toBe(true);
  await page.getByRole('button', { name: 'Cerrar sesión' }).click();
  await page.waitForURL(`${E2E.portal}/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Tu Carpeta Ciudadana' })).toBeVisible();

  const kept = await cacheContents(page);
  expect(kept.length).toBeGreaterThan(0);
  expect(kept.filter((entry) => /\/api\/|\/mfes\.json/.test(entry.url)).map((entry) => entry.url)).toEqual(
    [],
  );
  const personal = ['María', 'García López', '12345678Z', subject];
  const leaks = kept.filter((entry) => personal.some((word) => entry.text?.includes(word)));
  expect(leaks.map((entry) => `${entry.cache} ${entry.url}`)).toEqual([]);

  // Offline again: the shell, signed out, with nothing of María's.
  await offline(context, page);
  await expect(page.getByTestId('offline-notice')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Tu Carpeta Ciudadana' })).toBeVisible();
  await expect(page.getByText('María')).toHaveCount(0);
  await context.setOffline(false);
});

test('an alert sent by the gateway reaches the service worker, which shows it as a notification', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['notifications'], { origin: E2E.portal });
  // Chromium's own push service is out of reach: the subscription is the simulated service's, with
  // keys this test holds (as the browser would), so the test can read what the gateway sent.
  const receiver = createECDH('prime256v1');
  receiver.generateKeys();
  const authSecret = randomBytes(16).toString('base64url');
  const token = `e2e-${Date.now()}`;
  await page.addInitScript(
    ({ endpoint, p256dh, auth }) => {
      const bytes = (text: string) =>
        Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)).buffer;
      let current: PushSubscription | null = null;
      const make = () =>
        ({
          endpoint,
          expirationTime: null,
          options: { userVisibleOnly: true, applicationServerKey: null },
          getKey: (name: string) => bytes(name === 'auth' ? auth : p256dh),
          toJSON: () => ({ endpoint, expirationTime: null, keys: { p256dh, auth } }),
          unsubscribe: async () => {
            current = null;
            return true;
          },
        }) as unknown as PushSubscription;
      PushManager.prototype.subscribe = async () => {
        current = make();
        return current;
      };
      PushManager.prototype.getSubscription = async () => current;
    },
    {
      endpoint: `${E2E.push}/push/${token}`,
      p256dh: receiver.getPublicKey().toString('base64url'),
      auth: authSecret,
    },
  );

  // The alerts page turns this device's alerts on (the shell's `props.device.push`).
  await signIn(page, { returnTo: '/alerts' });
  await mfeSettled(page, 'alerts');
  await controlled(page);
  await page.reload();
  await mfeSettled(page, 'alerts');
  const device = page.getByTestId('alerts-device');
  await expect(device.getByTestId('device-state')).toHaveText(
    'Los avisos están desactivados en este dispositivo.',
  );
  await device.getByRole('button', { name: 'Activar avisos en este dispositivo' }).click();
  await expect(device.getByTestId('device-state')).toHaveText(
    'Los avisos están activados en este dispositivo.',
  );
  await device.getByRole('button', { name: 'Enviarme un aviso de prueba' }).click();
  await expect(device).toContainText('Te hemos enviado un aviso de prueba.');
  await expectNoAxeViolations(page);

  // What the push service received is encrypted for this subscription only.
  const recorded = (await (
    await page.request.get(`${E2E.push}/__control/messages?token=${token}`)
  ).json()) as {
    messages: { body: string; vapid: { aud: string } }[];
  };
  expect(recorded.messages).toHaveLength(1);
  expect(recorded.messages[0]?.vapid.aud).toBe(E2E.push);
  const data = decrypt(Buffer.from(recorded.messages[0]?.body ?? '', 'base64url'), {
    version: 'aes128gcm',
    privateKey: receiver,
    authSecret,
  }).toString('utf8');
  expect(JSON.parse(data)).toEqual({
    title: 'Carpeta: aviso de prueba',
    body: 'Así verás en este dispositivo que tienes algo nuevo en tu Carpeta.',
    url: '/',
    tag: 'carpeta-test',
  });

  // The browser's push service would hand it to the service worker: the DevTools protocol does.
  const cdp = await context.newCDPSession(page);
  const registrationId = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const found = registrations.find((item) => item.scopeURL === `${E2E.portal}/` && !item.isDeleted);
      if (found) resolve(found.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.deliverPushMessage', {
    origin: E2E.portal,
    registrationId: await registrationId,
    data,
  });
  await expect
    .poll(() =>
      page.evaluate(async () =>
        (await (await navigator.serviceWorker.ready).getNotifications()).map((item) => ({
          title: item.title,
          body: item.body,
          tag: item.tag,
        })),
      ),
    )
    .toEqual([
      {
        title: 'Carpeta: aviso de prueba',
        body: 'Así verás en este dispositivo que tienes algo nuevo en tu Carpeta.',
        tag: 'carpeta-test',
      },
    ]);
});
