import { expect, type Response, test } from '@playwright/test';
import { expectNoAxeViolations, mfeSettled, resetManifest, startInSpanish } from '../support/portal.ts';
import { signIn } from '../support/auth.ts';

test.beforeEach(async ({ page }) => {
  resetManifest();
  await startInSpanish(page);
  await signIn(page);
});

/**
 * Each remote's build carries fallback copies of the shared modules; the browser must use the
 * shell's and never download a second one. Markers: a class name only the design system's code
 * holds, and zod's error class (inside the sdk's schemas). React is counted in portal.spec.ts.
 */
test('the design system and the sdk reach the browser exactly once', async ({ page }) => {
  const scripts: Promise<string>[] = [];
  page.on('response', (response: Response) => {
    if (response.request().resourceType() === 'script' && response.ok()) {
      scripts.push(response.text().catch(() => ''));
    }
  });
  await page.goto('/');
  await mfeSettled(page, 'home');
  await page.getByRole('navigation').getByRole('link', { name: 'Notificaciones' }).click();
  await mfeSettled(page, 'notifications');
  await expect(page.getByTestId('notification-list')).toBeVisible();
  await page.getByTestId('notification-list').getByRole('link').first().click();
  await expect(page.locator('dl')).toBeVisible();

  const bodies = await Promise.all(scripts);
  const count = (marker: string) => bodies.filter((body) => body.includes(marker)).length;
  expect(count('cp-summary-list'), 'design system copies').toBe(1);
  expect(count('ZodError'), 'sdk (schemas) copies').toBe(1);
});

test('the portal passes axe in the dark theme the system asks for', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await mfeSettled(page, 'home');
  await expectNoAxeViolations(page);
  await page.goto('/notifications');
  await mfeSettled(page, 'notifications');
  await expect(page.getByTestId('notification-list')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the citizen can choose high contrast; it applies everywhere, passes axe and is remembered', async ({
  page,
}) => {
  await page.goto('/notifications');
  await mfeSettled(page, 'notifications');
  const appearance = page.getByRole('combobox', { name: 'Apariencia' });
  await appearance.focus();
  await appearance.selectOption('high-contrast');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'high-contrast');
  await expectNoAxeViolations(page);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'high-contrast');
  await mfeSettled(page, 'notifications');
  await expectNoAxeViolations(page);
  await page.getByRole('combobox', { name: 'Apariencia' }).selectOption('system');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.+/);
});
