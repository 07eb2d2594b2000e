import { expect, type Page, test } from '@playwright/test';
import { CITIZENS, type Method, signIn, throughProvider } from '../support/auth.ts';
import { E2E } from '../support/env.ts';
import {
  expectNoAxeViolations,
  fixtureEntry,
  mfeSettled,
  resetManifest,
  setManifest,
  startInSpanish,
} from '../support/portal.ts';

// Sign-in in a real browser: the shell, the gateway (OIDC client, sessions in its database) and the
// simulated Cl@ve on its own origin.

test.beforeEach(async ({ page }) => {
  resetManifest();
  await startInSpanish(page);
});
test.afterEach(() => resetManifest());

/** Every request the page makes, to show what an anonymous visitor does NOT fetch. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

/** Moves the page's clock on in small steps until the element shows. */
async function advanceUntilVisible(page: Page, locator: ReturnType<Page['locator']>) {
  await expect
    .poll(
      async () => {
        if (await locator.isVisible()) return true;
        await page.clock.fastForward(10_000);
        return locator.isVisible();
      },
      { timeout: 20_000, intervals: [250] },
    )
    .toBe(true);
}

async function useTheme(page: Page, theme: 'dark' | 'high-contrast') {
  await page.evaluate((value) => {
    document.documentElement.dataset.theme = value;
  }, theme);
}

test('anonymous: a public landing page, a sign-in page on private routes, nothing private fetched', async ({
  page,
}) => {
  const requests = recordRequests(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Tu Carpeta Ciudadana' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Identificarme' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Navegación principal' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  for (const theme of ['dark', 'high-contrast'] as const) {
    await useTheme(page, theme);
    await expectNoAxeViolations(page);
  }

  // Anonymous visitors' manifest holds only the public entries: a private page is one it does not
  // name, so the sign-in page speaks of "this page" (the shell cannot tell it from a wrong address).
  await page.goto('/notifications');
  await expect(page.getByRole('heading', { level: 1, name: 'Identifícate para continuar' })).toBeVisible();
  const manifest = await (await page.request.get('/mfes.json')).json();
  expect(manifest.mfes.map((entry: { id: string }) => entry.id)).toEqual([
    'verify',
    'assistant',
    'feedback',
    'roadmap',
  ]);
  const login = new URL(
    (await page.getByRole('link', { name: 'Identificarme' }).first().getAttribute('href')) ?? '',
    E2E.portal,
  );
  expect(login.pathname).toBe('/auth/login');
  expect(login.searchParams.get('returnTo')).toBe('/notifications');
  await expectNoAxeViolations(page);

  // No private remote, no private data was asked for (the public entries' remotes may be
  // prefetched while the page is idle).
  const publicRemotes = new Set(
    manifest.mfes.map((entry: { remote: { entry: string } }) => entry.remote.entry),
  );
  expect(
    requests.filter(
      (url) =>
        (/remoteEntry\.js/.test(url) && !publicRemotes.has(url)) ||
        /\/api\/notifications|\/api\/representation/.test(url),
    ),
  ).toEqual([]);
  // And the API refuses every private route without a session.
  for (const path of ['/api/notifications', '/api/notifications/dehu:N-2026-000123', '/api/representation']) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(401);
    expect(response.headers()['cache-control']).toBe('no-store');
  }
  expect((await page.request.post('/api/session/extend')).status()).toBe(401);
});

const METHODS: Array<[Method, string]> = [
  ['clave-movil', 'Cl@ve Móvil · nivel sustancial'],
  ['clave-pin', 'Cl@ve PIN · nivel sustancial'],
  ['clave-permanente', 'Cl@ve permanente · nivel sustancial'],
  ['certificate', 'certificado electrónico · nivel alto'],
  ['dnie', 'DNIe · nivel alto'],
];

for (const [method, shown] of METHODS) {
  test(`sign in with ${method} from the landing page and come back to the folder`, async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Identificarme' }).first().click();
    await throughProvider(page, { method, nif: CITIZENS.maria });
    await expect(page).toHaveURL(`${E2E.portal}/`);
    const account = page.getByTestId('user-area');
    await expect(account).toContainText('María García López');
    await expect(account).toContainText(shown);
    await expect(page.getByTestId('previous-access')).toBeVisible();
    await mfeSettled(page, 'home');
    await expect(page.getByRole('heading', { level: 1, name: 'Tu carpeta' })).toBeVisible();
  });
}

test('step-up: an MFE above the session’s level asks for a certificate, then mounts', async ({ page }) => {
  setManifest((document) => ({
    ...document,
    mfes: [...document.mfes, fixtureEntry({ id: 'hello', expose: './hello', minLoa: 'high' })],
  }));
  await signIn(page, { method: 'clave-movil', returnTo: '/hello' });
  await mfeSettled(page, 'hello');
  const panel = page.locator('[data-step-up]');
  await expect(
    panel.getByRole('heading', { level: 1, name: 'Prueba hello necesita una identificación más segura' }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Servicio de prueba' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await panel.getByRole('link', { name: 'Identificarme con certificado o DNIe' }).click();
  await expect(page).toHaveURL((url) => url.origin === E2E.idp);
  // Only the high-level methods are offered.
  await expect(page.locator('input[name="method"]')).toHaveCount(2);
  await throughProvider(page, { method: 'certificate', nif: CITIZENS.maria });
  await expect(page).toHaveURL(`${E2E.portal}/hello`);
  await mfeSettled(page, 'hello');
  await expect(page.getByRole('heading', { level: 1, name: 'Servicio de prueba' })).toBeVisible();
  await expect(page.getByTestId('user-area')).toContainText('nivel alto');
});

test('act on behalf of a represented person: the header says so and two MFEs show her folder', async ({
  page,
}) => {
  await signIn(page);
  await mfeSettled(page, 'home');
  await page.getByRole('button', { name: 'Actuar en nombre de…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Actuar en nombre de otra persona' });
  await dialog.getByRole('radio', { name: /Carmen López Sánchez/ }).check();
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Cambiar' }).click();
  await expect(dialog).toHaveCount(0);

  const banner = page.getByTestId('acting-for');
  await expect(banner).toContainText('Estás actuando en nombre de Carmen López Sánchez');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Carpeta de Carmen López Sánchez' }),
  ).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Navegación principal' })
    .getByRole('link', { name: 'Notificaciones' })
    .click();
  await mfeSettled(page, 'notifications');
  const list = page.getByTestId('notification-list');
  await expect(list).toContainText('Resolución de revalorización de la pensión de jubilación');
  await expect(banner).toBeVisible();
  await expectNoAxeViolations(page);

  await banner.getByRole('button', { name: 'Volver a mi carpeta' }).click();
  await expect(banner).toHaveCount(0);
  await expect(page.getByTestId('notification-list')).toBeVisible();
  await expect(page.getByTestId('notification-list')).not.toContainText('revalorización de la pensión');
});

test('sign out ends the session; the back button shows nothing private', async ({ page }) => {
  await signIn(page, { returnTo: '/notifications' });
  await mfeSettled(page, 'notifications');
  const subject = (await page.getByTestId('notification-list').getByRole('link').first().textContent()) ?? '';
  expect(subject.length).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Cerrar sesión' }).click();
  await page.waitForURL(`${E2E.portal}/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Tu Carpeta Ciudadana' })).toBeVisible();

  await page.goBack();
  await page.waitForLoadState('load');
  await expect(page.getByText(subject)).toHaveCount(0);
  await expect(page.getByTestId('notification-list')).toHaveCount(0);
  expect((await page.request.get('/api/notifications')).status()).toBe(401);
});

test('the session warns before it expires, can be extended, and after expiry leads back to the same page', async ({
  page,
}) => {
  await page.clock.install();
  await signIn(page, { returnTo: '/notifications' });
  await mfeSettled(page, 'notifications');

  // Idle for 59 minutes of the default hour: the design system's warning, axe-clean in each theme.
  // (The shell looks at the session before it warns: the MFE's own calls moved the expiry a little,
  // so the browser clock is moved on in small steps until the warning is due.)
  await page.clock.fastForward('59:00');
  const warning = page.getByRole('alertdialog', { name: 'Tu sesión va a caducar' });
  await advanceUntilVisible(page, warning);
  await expectNoAxeViolations(page);
  for (const theme of ['dark', 'high-contrast'] as const) {
    await useTheme(page, theme);
    await expectNoAxeViolations(page);
  }
  await warning.getByRole('button', { name: 'Seguir conectado' }).click();
  await expect(warning).toHaveCount(0);

  // Idle again until the end: the MFE is unmounted and the page asks to sign in again.
  await page.clock.fastForward('01:05:00');
  await advanceUntilVisible(page, page.getByRole('heading', { level: 1, name: 'Tu sesión ha caducado' }));
  await expect(page.getByTestId('notification-list')).toHaveCount(0);
  await expect.poll(async () => (await page.request.get('/api/notifications')).status()).toBe(401);

  // Back to the real time the gateway keeps, then sign in again from this page.
  await page.clock.setSystemTime(new Date());
  await page.getByRole('link', { name: 'Identificarme' }).click();
  await page.waitForURL((url) => url.origin === E2E.idp || url.pathname === '/notifications');
  if (new URL(page.url()).origin === E2E.idp) await throughProvider(page, { nif: CITIZENS.maria });
  await expect(page).toHaveURL(`${E2E.portal}/notifications`);
  await mfeSettled(page, 'notifications');
  await expect(page.getByTestId('notification-list')).toBeVisible();
});
