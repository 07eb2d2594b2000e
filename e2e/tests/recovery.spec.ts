import { join } from 'node:path';
import { createStaticServer } from '@carpeta/static-server';
import { expect, test } from '@playwright/test';
import { E2E } from '../support/env.ts';
import { fixtureEntry, mfeSettled, resetManifest, setManifest, startInSpanish } from '../support/portal.ts';
import { signIn } from '../support/auth.ts';

const origin = E2E.recoveryOrigin;
const port = Number(new URL(origin).port);

test.beforeEach(async ({ page }) => {
  await startInSpanish(page);
  await signIn(page);
});
test.afterEach(() => resetManifest());

test('a remote that comes back after failing loads with Retry, without reloading the page', async ({
  page,
}) => {
  setManifest((document) => ({
    ...document,
    mfes: [...document.mfes, fixtureEntry({ id: 'flaky', expose: './hello', origin })],
  }));
  await page.goto('/flaky');
  const area = await mfeSettled(page, 'flaky');
  await expect(
    area.getByRole('heading', { level: 1, name: 'Prueba flaky no está disponible ahora' }),
  ).toBeVisible();

  // The agency's server comes up; the browser has already seen its entry fail once.
  const server = createStaticServer({
    root: join(E2E.root, 'e2e/fixtures/remotes/dist'),
    corsOrigins: [E2E.portal],
  });
  await server.listen({ port, host: '127.0.0.1' });
  try {
    await area.getByRole('button', { name: 'Reintentar' }).click();
    await expect(area.getByRole('heading', { level: 1, name: 'Servicio de prueba' })).toBeVisible();
    await expect(area.locator('[data-mfe-error]')).toHaveCount(0);
  } finally {
    await server.close();
  }
});
