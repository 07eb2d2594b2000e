import { expect, test } from '@playwright/test';
import { E2E } from '../support/env.ts';
import {
  expectNoAxeViolations,
  mfeSettled,
  resetManifest,
  setAgencyFault,
  startInSpanish,
} from '../support/portal.ts';
import { signIn } from '../support/auth.ts';

test.describe.configure({ mode: 'serial' });

test.beforeEach(async ({ page }) => {
  resetManifest();
  await startInSpanish(page);
  await signIn(page);
});
test.afterEach(async () => setAgencyFault('ok'));

for (const [mode, wording, status] of [
  ['slow', 'no responde a tiempo', 'timeout'],
  ['garbage', 'ha respondido con datos no válidos', 'invalid-response'],
  ['down', 'no está disponible', 'unavailable'],
  ['error', 'no está disponible', 'unavailable'],
] as const) {
  test(`agency ${mode}: the page says what is missing and the gateway answers a typed status`, async ({
    page,
  }) => {
    // The page's own request context carries the session cookie.
    const request = page.request;
    await setAgencyFault(mode, mode === 'slow' ? E2E.agencyTimeoutMs * 3 : undefined);

    const list = await request.get('/api/notifications');
    expect(list.status()).toBe(200);
    const body = await list.json();
    expect(body.items).toEqual([]);
    expect(body.sources).toEqual([expect.objectContaining({ source: 'dehu', status })]);
    expect(JSON.stringify(body)).not.toMatch(/\bat .+:\d+:\d+/);

    const detail = await request.get('/api/notifications/dehu:N-2026-000001');
    expect(detail.status()).toBeGreaterThanOrEqual(500);
    expect(detail.status()).not.toBe(500);
    const error = await detail.json();
    expect(error.error.code).toMatch(/^agency-/);
    expect(JSON.stringify(error)).not.toMatch(/\bat .+:\d+:\d+/);

    await page.goto('/notifications');
    await mfeSettled(page, 'notifications');
    const alert = page.getByRole('heading', { name: 'Faltan notificaciones de algún organismo' });
    await expect(alert).toBeVisible();
    await expect(page.getByText(wording, { exact: false })).toBeVisible();
    await expectNoAxeViolations(page);

    // Home keeps working and says its count may be incomplete.
    await page.getByRole('navigation').getByRole('link', { name: 'Inicio' }).click();
    await mfeSettled(page, 'home');
    await expect(page.getByText('El recuento puede estar incompleto', { exact: false })).toBeVisible();

    // Recovery: once the agency answers again, "Check again" brings the list back.
    await setAgencyFault('ok');
    await page.getByRole('navigation').getByRole('link', { name: 'Notificaciones' }).click();
    await mfeSettled(page, 'notifications');
    // A request sent while the agency was slow may still hold the breaker's probe: as a person
    // would, check again until the list is back.
    await expect(async () => {
      const again = page.getByRole('button', { name: 'Volver a consultar' });
      if (await again.isVisible()) await again.click();
      await expect(page.getByTestId('notification-list')).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
  });
}
