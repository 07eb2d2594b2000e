import { createHash, randomBytes } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import { E2E } from '../support/env.ts';
import { expectNoAxeViolations } from '../support/portal.ts';

// The simulated Cl@ve (identity provider) on its own origin, driven by keyboard only, with axe on
// every page in each theme and language. The test plays the relying party: it builds the
// authorization request (client id, redirect URI, PKCE) and checks where the browser is sent back.

const CLIENT_ID = 'carpeta-portal';
const CALLBACK = `${E2E.portal}/auth/callback`;

interface Authorization {
  url: string;
  state: string;
}

function authorizationUrl(params: Record<string, string> = {}): Authorization {
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  const url = new URL('/auth', E2E.idp);
  for (const [key, value] of Object.entries({
    client_id: CLIENT_ID,
    response_type: 'code',
    redirect_uri: CALLBACK,
    scope: 'openid profile carpeta',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    state,
    nonce: randomBytes(16).toString('base64url'),
    ...params,
  })) {
    url.searchParams.set(key, value);
  }
  return { url: url.href, state };
}

/** Presses Tab until the focused element matches `selector`, as a keyboard-only user would. */
async function tabUntil(page: Page, selector: string, max = 30) {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
  }
  throw new Error(`${selector} was never reached with Tab`);
}

/** Focuses a radio group with Tab and moves to the option with the arrow keys (which also selects it). */
async function chooseRadio(page: Page, name: string, value: string) {
  await tabUntil(page, `input[type="radio"][name="${name}"]`);
  const values = await page
    .locator(`input[type="radio"][name="${name}"]`)
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
  const target = values.indexOf(value);
  expect(target, `${value} among ${values.join(', ')}`).toBeGreaterThanOrEqual(0);
  // Tab lands on the first radio of an unchecked group without checking it: Space checks it.
  await page.keyboard.press('Space');
  for (let i = 0; i < target; i += 1) await page.keyboard.press('ArrowDown');
  await expect(page.locator(`input[name="${name}"][value="${value}"]`)).toBeChecked();
}

/** Waits for the page of a step, by its heading (after a form submission navigates). */
async function onPage(page: Page, heading: string) {
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

async function pressButton(page: Page, name: string) {
  await tabUntil(page, 'button[type="submit"]', 40);
  for (let i = 0; i < 10; i += 1) {
    const text = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    if (text === name) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`no button "${name}" reached with Tab`);
}

/** Where the browser is sent back: the portal's callback (which may not be served on this branch). */
async function expectCallback(page: Page, state: string) {
  await page.waitForURL((url) => url.href.startsWith(CALLBACK), { waitUntil: 'commit' });
  const url = new URL(page.url());
  expect(url.searchParams.get('state')).toBe(state);
  return url;
}

const RUNS = [
  { theme: 'light', lang: 'es', method: 'clave-movil', citizen: '12345678Z' },
  { theme: 'dark', lang: 'es', method: 'certificate', citizen: 'X1234567L' },
  { theme: 'high-contrast', lang: 'es', method: 'dnie', citizen: '23456781R' },
  { theme: 'light', lang: 'en', method: 'clave-permanente', citizen: '87654321X' },
] as const;

const TEXT = {
  es: {
    method: 'Elige cómo identificarte',
    citizen: 'Elige con qué persona de prueba entrar',
    consent: 'Compartir tus datos con Carpeta',
    continue: 'Continuar',
    accept: 'Aceptar y continuar',
    skip: 'Saltar al contenido principal',
  },
  en: {
    method: 'Choose how to prove who you are',
    citizen: 'Choose a test citizen to sign in as',
    consent: 'Share your details with Carpeta',
    continue: 'Continue',
    accept: 'Accept and continue',
    skip: 'Skip to main content',
  },
} as const;

for (const run of RUNS) {
  test(`sign in with ${run.method} by keyboard, ${run.theme} theme, ${run.lang}: axe-clean pages and a code for the portal`, async ({
    page,
  }) => {
    const t = TEXT[run.lang];
    const { url, state } = authorizationUrl({ theme: run.theme, ui_locales: run.lang });
    await page.goto(url);

    // 1. Method.
    await expect(page.getByRole('heading', { level: 1, name: t.method })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', run.lang);
    await expect(page.locator('html')).toHaveAttribute('data-theme', run.theme);
    await expect(
      page.getByText(/simulado para pruebas|simulated identity provider for testing/i),
    ).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: t.skip })).toBeFocused();
    await expectNoAxeViolations(page);
    await chooseRadio(page, 'method', run.method);
    await pressButton(page, t.continue);

    // 2. Test citizen.
    await expect(page.getByRole('heading', { level: 1, name: t.citizen })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', run.theme);
    await expectNoAxeViolations(page);
    await chooseRadio(page, 'citizen', run.citizen);
    await pressButton(page, t.continue);

    // 3. Consent.
    await expect(page.getByRole('heading', { level: 1, name: t.consent })).toBeVisible();
    await expect(page.locator('dl')).toContainText(run.citizen);
    await expect(page.locator('html')).toHaveAttribute('lang', run.lang);
    await expectNoAxeViolations(page);
    await pressButton(page, t.accept);

    const callback = await expectCallback(page, state);
    expect(callback.searchParams.get('code')).toMatch(/^[\w-]{20,}$/);
    expect(callback.searchParams.get('iss')).toBe(E2E.idp);
  });
}

test('Cl@ve PIN: a wrong code shows an accessible error summary, the right one goes on', async ({ page }) => {
  const { url, state } = authorizationUrl({ theme: 'dark' });
  await page.goto(url);
  await chooseRadio(page, 'method', 'clave-pin');
  await pressButton(page, 'Continuar');
  await onPage(page, TEXT.es.citizen);
  await chooseRadio(page, 'citizen', '12345678Z');
  const code = (await page.locator('[data-sms-code]').textContent())?.trim() ?? '';
  expect(code).toMatch(/^\d{6}$/);

  await tabUntil(page, '#pin');
  await page.keyboard.type(code === '000000' ? '111111' : '000000');
  await page.keyboard.press('Enter');
  await expect(page).toHaveTitle(/^Error: /);

  // The summary takes focus; its link leads to the field.
  const summary = page.getByRole('alert');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('El código Cl@ve PIN no es correcto');
  await expect(page).toHaveTitle(/^Error: /);
  await expectNoAxeViolations(page);
  await page.keyboard.press('Tab');
  await expect(summary.getByRole('link')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#pin')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');

  await onPage(page, TEXT.es.consent);
  await pressButton(page, 'Aceptar y continuar');
  await expectCallback(page, state);
});

test('step-up offers only certificate and DNIe; Cancel returns access_denied', async ({ page }) => {
  const { url, state } = authorizationUrl({
    acr_values: 'http://eidas.europa.eu/LoA/high',
    prompt: 'login',
    theme: 'high-contrast',
    ui_locales: 'en',
  });
  await page.goto(url);
  const methods = page.locator('input[name="method"]');
  await expect(methods).toHaveCount(2);
  await expect(page.getByLabel('Electronic certificate')).toBeVisible();
  await expect(page.getByLabel('Electronic identity card (DNIe)')).toBeVisible();
  await expect(page.getByText('This service needs a high level of assurance')).toBeVisible();
  await expectNoAxeViolations(page);
  await pressButton(page, 'Cancel');
  const callback = await expectCallback(page, state);
  expect(callback.searchParams.get('error')).toBe('access_denied');
  expect(callback.searchParams.get('code')).toBeNull();
});

test('the test-only citizen is listed for automated tests', async ({ page }) => {
  await page.goto(authorizationUrl().url);
  await chooseRadio(page, 'method', 'clave-movil');
  await pressButton(page, 'Continuar');
  await onPage(page, TEXT.es.citizen);
  await expect(page.getByLabel('Prueba Datos Hostiles')).toBeVisible();
  await expect(page.getByText('Solo para pruebas automáticas: datos hostiles')).toBeVisible();
});

test('sign-out page and error page are accessible; sign-out returns to the portal', async ({ page }) => {
  // Sign in first, so that the provider has a session to end.
  const { url } = authorizationUrl({ ui_locales: 'en', theme: 'dark' });
  await page.goto(url);
  await chooseRadio(page, 'method', 'certificate');
  await pressButton(page, 'Continue');
  await onPage(page, TEXT.en.citizen);
  await chooseRadio(page, 'citizen', '12345678Z');
  await pressButton(page, 'Continue');
  await onPage(page, TEXT.en.consent);
  await pressButton(page, 'Accept and continue');
  await page.waitForURL((target) => target.href.startsWith(CALLBACK), { waitUntil: 'commit' });

  const logout = new URL('/session/end', E2E.idp);
  logout.searchParams.set('client_id', CLIENT_ID);
  logout.searchParams.set('post_logout_redirect_uri', `${E2E.portal}/`);
  logout.searchParams.set('state', 'bye');
  logout.searchParams.set('ui_locales', 'en');

  // Without its script the page stays, showing its button (the fallback).
  await page.route(/\/assets\/.*\.js$/, (route) => route.abort());
  await page.goto(logout.href);
  await expect(page.getByRole('heading', { level: 1, name: 'Signing you out' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expectNoAxeViolations(page);
  await pressButton(page, 'Sign out and go back');
  await page.waitForURL((target) => target.href.startsWith(`${E2E.portal}/?state=bye`), {
    waitUntil: 'commit',
  });

  // With its script, signing out needs no decision at all.
  await page.unroute(/\/assets\/.*\.js$/);
  const { url: again } = authorizationUrl();
  await page.goto(again);
  await chooseRadio(page, 'method', 'dnie');
  await pressButton(page, 'Continuar');
  await onPage(page, TEXT.es.citizen);
  await chooseRadio(page, 'citizen', '12345678Z');
  await pressButton(page, 'Continuar');
  await onPage(page, TEXT.es.consent);
  await pressButton(page, 'Aceptar y continuar');
  await page.waitForURL((target) => target.href.startsWith(CALLBACK), { waitUntil: 'commit' });
  await page.goto(logout.href);
  await page.waitForURL((target) => target.href.startsWith(`${E2E.portal}/?state=bye`), {
    waitUntil: 'commit',
  });

  // An invalid request: an accessible page that says what to do, with no detail.
  const bad = new URL(authorizationUrl({ ui_locales: 'en' }).url);
  bad.searchParams.set('redirect_uri', 'https://elsewhere.example/callback');
  const response = await page.goto(bad.href);
  expect(response?.status()).toBe(400);
  await expect(
    page.getByRole('heading', { level: 1, name: 'We could not complete your sign-in' }),
  ).toBeVisible();
  await expect(page.locator('body')).not.toContainText('redirect_uri');
  await expectNoAxeViolations(page);
});
