import { expect, type Page } from '@playwright/test';
import { E2E } from './env.ts';

/** Test citizens of the simulated Cl@ve (mocks/src/citizens.ts). */
export const CITIZENS = {
  maria: '12345678Z',
  carmen: '23456781R',
  javier: '45678912S',
  john: 'X1234567L',
  hostile: 'Y2345678Z',
  /** Not a citizen: the portal's maintainer (feedback and roadmap back office). */
  maintainer: '34567890V',
} as const;

export type Method = 'clave-movil' | 'clave-pin' | 'clave-permanente' | 'certificate' | 'dnie';

/**
 * Walks the simulated Cl@ve's pages (method → citizen → consent) from wherever the page is on the
 * provider, and waits until the portal has the citizen back at `returnTo`.
 */
export async function throughProvider(page: Page, options: { nif?: string; method?: Method } = {}) {
  const { nif = CITIZENS.maria, method = 'clave-movil' } = options;
  await expect(page).toHaveURL((url) => url.origin === E2E.idp);
  await page.locator(`input[name="method"][value="${method}"]`).check();
  await page.locator('main form button[value="continue"]').click();
  await page.locator(`input[name="citizen"][value="${nif}"]`).check();
  if (method === 'clave-pin') {
    const code = (await page.locator('[data-sms-code]').textContent())?.trim() ?? '';
    await page.locator('#pin').fill(code);
  }
  await page.locator('main form button[value="continue"]').click();
  // Consent is asked once per provider session.
  const consent = page.getByRole('heading', { level: 1, name: /Compartir tus datos|Share your details/ });
  await expect
    .poll(async () => new URL(page.url()).origin === E2E.portal || (await consent.isVisible()), {
      timeout: 15_000,
    })
    .toBe(true);
  if (new URL(page.url()).origin === E2E.idp) {
    await page.locator('main form button[value="continue"]').click();
  }
  await page.waitForURL((url) => url.origin === E2E.portal && !url.pathname.startsWith('/auth/'));
}

/** Signs in as a test citizen through the real sign-in flow and lands on `returnTo`. */
export async function signIn(
  page: Page,
  options: { nif?: string; method?: Method; returnTo?: string } = {},
): Promise<void> {
  const query = new URLSearchParams({ returnTo: options.returnTo ?? '/', lang: 'es' });
  await page.goto(`/auth/login?${query}`);
  await throughProvider(page, options);
  await expect(page.getByTestId('user-area').getByRole('button', { name: 'Cerrar sesión' })).toBeVisible();
}
