import { createECDH, randomBytes } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { createStaticServer } from '@carpeta/static-server';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { decrypt } from 'http_ece';
import { signIn } from '../support/auth.ts';
import { E2E } from '../support/env.ts';
import {
  expectNoAxeViolations,
  fixtureEntry,
  mfeSettled,
  resetManifest,
  setManifest,
  shellInteractive,
} from '../support/portal.ts';

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

test('offline, the private copies of a session that has since ended are deleted, not shown', async ({
  page,
  context,
}) => {
  await signIn(page, { returnTo: '/notifications' });
  await mfeSettled(page, 'notifications');
  await controlled(page);
  await page.reload();
  await mfeSettled(page, 'notifications');
  const kept = (await cacheContents(page)).filter((entry) => entry.cache === 'carpeta-private');
  const expiry = kept.find((entry) => entry.url.endsWith('/__carpeta/session-expires'))?.text ?? '';
  // The worker knows until when the session lasts (the gateway says it on every page and read).
  expect(Date.parse(expiry)).toBeGreaterThan(Date.now());

  // The session ends while the device is away (expiry, not sign-out: no page sees it). The page
  // tells the worker what the gateway would: the session's end, here a minute ago.
  await page.evaluate(async (endedAt) => {
    (await navigator.serviceWorker.ready).active?.postMessage({
      type: 'carpeta:session',
      signedIn: true,
      expiresAt: endedAt,
    });
  }, new Date(Date.now() - 60_000).toISOString());
  await expect
    .poll(
      async () =>
        (await cacheContents(page)).find((entry) => entry.url.endsWith('/__carpeta/session-expires'))?.text,
    )
    .toMatch(/^\d{4}-/);

  // Offline, the page is the anonymous shell's: this address asks for a sign-in, nothing of María's.
  await offline(context, page);
  await expect(page.getByTestId('offline-notice')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Identifícate para continuar' })).toBeVisible();
  await expect(page.getByText('María')).toHaveCount(0);
  const left = await cacheContents(page);
  expect(left.filter((entry) => entry.cache === 'carpeta-private')).toEqual([]);
  expect(left.filter((entry) => entry.text?.includes('María')).map((entry) => entry.url)).toEqual([]);
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

/** The test remote's chunk that renders its page: its name carries Vite's content hash. */
const PAGE_CHUNK = /^hello-[\w-]{8}\.js$/;

/**
 * A copy of the test remote's build as an agency deploys it. Version 2 says something else on its
 * page, so its chunk has a new content hash in its name, and the entry and manifest name the new
 * chunk (what a rebuild does). Returns the folder and the page chunk's name.
 */
async function deployment(version: 1 | 2): Promise<{ root: string; chunk: string }> {
  const root = await mkdtemp(join(tmpdir(), `carpeta-remote-v${version}-`));
  // Without the build's precompressed copies: the server compresses what it sends itself.
  await cp(join(E2E.root, 'e2e/fixtures/remotes/dist'), root, {
    recursive: true,
    filter: (path) => !/\.(?:br|gz)$/.test(path),
  });
  const assets = join(root, 'assets');
  const chunk = (await readdir(assets)).find((name) => PAGE_CHUNK.test(name));
  if (!chunk) throw new Error('the test remote has no page chunk: build e2e/fixtures/remotes');
  if (version === 1) return { root, chunk };
  const renamed = 'hello-Version2.js';
  const code = await readFile(join(assets, chunk), 'utf8');
  expect(code).toContain('`Servicio de prueba`');
  await writeFile(
    join(assets, renamed),
    code.replace('`Servicio de prueba`', '`Servicio de prueba, versión 2`'),
  );
  await rm(join(assets, chunk));
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(?:js|json)$/.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    const text = await readFile(path, 'utf8');
    if (text.includes(chunk)) await writeFile(path, text.replaceAll(chunk, renamed));
  }
  return { root, chunk: renamed };
}

async function serve(root: string) {
  const server = createStaticServer({ root, corsOrigins: [E2E.portal] });
  await server.listen({ port: Number(new URL(E2E.updateOrigin).port), host: '127.0.0.1' });
  return server;
}

test('an MFE deployed again is picked up at the next load, never mixed with its old chunks, and is the one kept offline', async ({
  page,
  context,
}) => {
  setManifest((document) => ({
    ...document,
    mfes: [...document.mfes, fixtureEntry({ id: 'tasas', expose: './hello', origin: E2E.updateOrigin })],
  }));
  const first = await deployment(1);
  const second = await deployment(2);
  let server = await serve(first.root);
  try {
    await signIn(page, { returnTo: '/tasas' });
    await mfeSettled(page, 'tasas');
    await controlled(page);
    // Through the service worker now: it keeps the entry and the chunks it fetched.
    await page.reload();
    const area = await mfeSettled(page, 'tasas');
    await expect(
      area.getByRole('heading', { level: 1, name: 'Servicio de prueba', exact: true }),
    ).toBeVisible();
    const kept = (await cacheContents(page)).map((entry) => entry.url);
    expect(kept).toContain(`${E2E.updateOrigin}/remoteEntry.js`);
    expect(kept).toContain(`${E2E.updateOrigin}/assets/${first.chunk}`);

    // The agency deploys version 2 on the same origin; the portal is not rebuilt or restarted.
    await server.close();
    server = await serve(second.root);
    const asked: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(E2E.updateOrigin)) asked.push(new URL(request.url()).pathname);
    });
    await page.reload();
    await mfeSettled(page, 'tasas');
    await expect(
      area.getByRole('heading', { level: 1, name: 'Servicio de prueba, versión 2' }),
    ).toBeVisible();
    expect(asked).toContain(`/assets/${second.chunk}`);
    // The page runs what the new entry names. The gateway's preload hints come from the remote's
    // mf-manifest.json as it read it up to a minute ago (gateway/src/pages/remote-assets.ts), so the
    // old chunk may still be fetched as a hint right after a deploy, never imported by anything.
    const hinted = await page
      .locator('link[rel="modulepreload"]')
      .evaluateAll((links) => links.map((link) => new URL((link as HTMLLinkElement).href).pathname));
    const old = asked.filter((path) => path.endsWith(first.chunk));
    expect(old.filter((path) => !hinted.includes(path))).toEqual([]);
    expect(old.length).toBeLessThanOrEqual(1);
    await expectNoAxeViolations(page);

    // Offline, the version last seen: its entry and its chunks, not the first version's entry.
    await offline(context, page);
    await expect(page.getByTestId('offline-notice')).toBeVisible();
    await mfeSettled(page, 'tasas');
    await expect(
      area.getByRole('heading', { level: 1, name: 'Servicio de prueba, versión 2' }),
    ).toBeVisible();
    await context.setOffline(false);
  } finally {
    await server.close();
    await rm(first.root, { recursive: true, force: true });
    await rm(second.root, { recursive: true, force: true });
  }
});

test('a new shell build takes over the open portal by itself and replaces the outdated files it keeps', async ({
  page,
}) => {
  await page.goto('/');
  await shellInteractive(page);
  await controlled(page);
  const precached = async () =>
    (await cacheContents(page))
      .filter((entry) => entry.cache.includes('precache'))
      .map((entry) => new URL(entry.url))
      .filter((url) => url.pathname === '/manifest.webmanifest')
      .map((url) => url.searchParams.get('__WB_REVISION__'));
  const [before] = await precached();
  expect(before).toMatch(/^[0-9a-f]{32}$/);

  // A new build of the shell is deployed: its service worker lists a changed web app manifest.
  const worker = join(E2E.shellDist, 'sw.js');
  const script = await readFile(worker, 'utf8');
  const changed = script.replace(`"revision":"${before}"`, '"revision":"next-build"');
  expect(changed).not.toBe(script);
  const deploy = (text: string) =>
    Promise.all([
      writeFile(worker, text),
      writeFile(`${worker}.br`, brotliCompressSync(text)),
      writeFile(`${worker}.gz`, gzipSync(text)),
    ]);
  await deploy(changed);
  try {
    const tookOver = page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          navigator.serviceWorker.addEventListener('controllerchange', () => resolve(true), { once: true });
        }),
    );
    // The browser checks the worker at every navigation; the portal's page asks it here directly.
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration('/'))?.update();
    });
    expect(await tookOver).toBe(true);
    await expect.poll(precached).toEqual(['next-build']);

    await page.reload();
    await shellInteractive(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Tu Carpeta Ciudadana' })).toBeVisible();
  } finally {
    // The run's other tests (and a retry of this one) start from the build as it was.
    await deploy(script);
  }
});
