import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { expect, type Page, test } from '@playwright/test';
import { signIn } from '../support/auth.ts';
import { E2E } from '../support/env.ts';
import {
  expectNoAxeViolations,
  mfeSettled,
  recordScripts,
  resetManifest,
  startInSpanish,
  switchLanguage,
  tabTo,
  uiLibraryCopies,
} from '../support/portal.ts';

// MFEs built with different frameworks in one portal: the city council's plain-JavaScript MFE
// (mfes/municipal) works by keyboard in both languages, and mounting it after a React MFE and going
// back leaves nothing behind. (The Angular MFE joins these flows when it lands.)
const MUNICIPAL_ORIGIN = `http://127.0.0.1:${E2E.base + 208}`;

test.beforeEach(async ({ page }) => {
  resetManifest();
  await startInSpanish(page);
});

test('the council MFE in plain JavaScript shows the taxes, by keyboard, in Spanish and English', async ({
  page,
}) => {
  test.slow();
  await signIn(page);
  await page.goto('/');
  await mfeSettled(page, 'home');
  await tabTo(page, ({ href }) => href === '/municipal');
  await page.keyboard.press('Enter');
  const area = await mfeSettled(page, 'municipal');
  await expect(area).toHaveAttribute('data-framework', 'vanilla');
  await expect(page.getByRole('heading', { level: 1, name: 'Ayuntamiento de Madrid' })).toBeVisible();
  // Amounts in euros with Intl (a no-break space before the sign).
  await expect(page.getByTestId('taxes-summary')).toHaveText(
    /^Tienes 3 recibos pendientes por 1615,17\s€\.$/,
  );
  const receipts = page.getByRole('table', { name: 'Tus recibos de tributos municipales' });
  await expect(receipts.getByRole('row')).toHaveCount(6);
  await expect(
    receipts.getByRole('row', { name: /Impuesto sobre Vehículos \(IVTM\)/ }).first(),
  ).toContainText('68,16');
  // The "how to pay" disclosure opens from the keyboard.
  const howTo = page.getByRole('button', { name: '¿Cómo pago o domicilio un recibo?' });
  await howTo.focus();
  await page.keyboard.press('Enter');
  await expect(howTo).toHaveAttribute('aria-expanded', 'true');
  await expect(
    page.getByText('Para domiciliarlo, solicítalo en la sede electrónica', { exact: false }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  // English: the same MFE re-renders in place.
  await switchLanguage(page, 'en');
  await expect(page.getByTestId('taxes-summary')).toHaveText(
    'You have 3 receipts to pay, €1,615.17 in total.',
  );
  await expect(page.getByRole('tab', { name: 'Taxes' })).toHaveAttribute('aria-selected', 'true');
  await expectNoAxeViolations(page);
});

test('the census certificate: an error summary, then requested and downloaded, by keyboard', async ({
  page,
}) => {
  test.slow();
  await signIn(page, { returnTo: '/municipal' });
  await mfeSettled(page, 'municipal');
  // Tabs by keyboard: the arrow moves to "Padrón" and shows it.
  await page.getByRole('tab', { name: 'Tributos' }).focus();
  await page.keyboard.press('ArrowRight');
  const censusTab = page.getByRole('tab', { name: 'Padrón' });
  await expect(censusTab).toBeFocused();
  await expect(censusTab).toHaveAttribute('aria-selected', 'true');
  const census = page.getByRole('tabpanel', { name: 'Padrón' });
  await expect(census.getByText('Calle de Alcalá, 120, 3.º B, 28009')).toBeVisible();

  // Submitting without a purpose: the error summary takes focus and links to the field.
  await tabTo(page, ({ text }) => text === 'Solicitar el certificado');
  await page.keyboard.press('Enter');
  const summary = census.getByRole('alert').filter({ hasText: 'Hay un problema' });
  await expect(summary).toBeFocused();
  await expectNoAxeViolations(page);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const purpose = census.getByRole('combobox', { name: 'Finalidad' });
  await expect(purpose).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(purpose).toHaveValue('residence');
  await tabTo(page, ({ text }) => text === 'Solicitar el certificado');
  await page.keyboard.press('Enter');

  const issued = census.getByTestId('certificate-issued');
  await expect(issued.getByRole('heading', { name: 'Certificado emitido' })).toBeFocused();
  await expect(issued).toContainText(/Código seguro de verificación: [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/);
  const certificates = census.getByRole('table', { name: 'Certificados de empadronamiento emitidos' });
  await expect(certificates.getByRole('row').nth(2)).toBeVisible();

  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Tab');
  await expect(issued.getByRole('button', { name: /Descargar el certificado \(PDF\)/ })).toBeFocused();
  await page.keyboard.press('Enter');
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^CER-28079-\d+\.pdf$/);
  const bytes = await readFile(await download.path());
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expect(census.getByTestId('download-status')).toHaveText('Certificado descargado.');
  await expectNoAxeViolations(page);
});

/**
 * What could leak from an MFE: style sheets, elements left in the MFE outlet, window/document
 * listeners. Read once the page is at rest: no loading spinner of the design system in the outlet,
 * and two reads a quarter of a second apart agree. An MFE whose heading or list is visible may
 * still be loading the rest of its page (seen: a first visit counted ten elements more than the
 * same page at rest; the Angular MFE's page, 23 elements before its powers arrived, 101 after).
 */
async function footprint(page: Page) {
  let last = await footprintNow(page);
  await expect
    .poll(
      async () => {
        const previous = JSON.stringify(last);
        last = await footprintNow(page);
        return last.loading === 0 && JSON.stringify(last) === previous;
      },
      { intervals: [250], timeout: 15_000 },
    )
    .toBe(true);
  const { loading: _, ...left } = last;
  return left;
}

function footprintNow(page: Page) {
  return page.evaluate(() => {
    const counters = (window as unknown as { __carpetaListeners: () => number }).__carpetaListeners;
    return {
      styles: document.querySelectorAll('style, link[rel="stylesheet"]').length,
      outlet: document.querySelector('main')?.querySelectorAll('*').length ?? 0,
      areas: [...document.querySelectorAll('[data-mfe]')].map((area) => area.getAttribute('data-mfe')),
      listeners: counters(),
      loading: document.querySelectorAll('main .cp-spinner').length,
    };
  });
}

test('a React MFE, the plain-JavaScript one, the Angular one and back, twice: nothing leaks, one Preact as React, none downloaded for the plain-JS one', async ({
  page,
}) => {
  test.slow();
  const downloaded = recordScripts(page);
  // Counts the listeners on window and document that are still registered.
  await page.addInitScript(() => {
    // The browser keys a listener by target, type, capture and function: so does this count.
    const active = new Set<string>();
    const ids = new WeakMap<object, number>();
    let next = 0;
    const key = (target: EventTarget, type: string, listener: object, options: unknown) => {
      const capture =
        typeof options === 'boolean' ? options : Boolean((options as { capture?: boolean })?.capture);
      if (!ids.has(listener)) {
        next += 1;
        ids.set(listener, next);
      }
      return `${target === window ? 'w' : 'd'}:${type}:${capture}:${ids.get(listener)}`;
    };
    for (const target of [window, document] as EventTarget[]) {
      const add = target.addEventListener.bind(target);
      const remove = target.removeEventListener.bind(target);
      target.addEventListener = (type, listener, options) => {
        // A one-off listener removes itself when it runs: not something an MFE could leak.
        if (!listener || (typeof options === 'object' && options?.once)) {
          add(type, listener, options);
          return;
        }
        const id = key(target, type, listener, options);
        active.add(id);
        const signal = typeof options === 'object' ? options?.signal : undefined;
        signal?.addEventListener('abort', () => active.delete(id));
        add(type, listener, options);
      };
      target.removeEventListener = (type, listener, options) => {
        if (listener) active.delete(key(target, type, listener, options));
        remove(type, listener, options);
      };
    }
    (window as unknown as { __carpetaListeners: () => number }).__carpetaListeners = () => active.size;
  });
  const fromMunicipal: Promise<{ url: string; body: Buffer }>[] = [];
  page.on('response', (response) => {
    if (response.url().startsWith(MUNICIPAL_ORIGIN) && response.request().resourceType() === 'script') {
      fromMunicipal.push(response.body().then((body) => ({ url: response.url(), body })));
    }
  });
  await signIn(page, { returnTo: '/notifications' });
  const nav = page.getByRole('navigation', { name: 'Navegación principal' });
  await mfeSettled(page, 'notifications');
  await expect(page.getByTestId('notification-list')).toBeVisible();

  // Twice there and back: the first visit loads the remote; after that nothing may grow.
  const visits = [];
  for (let round = 0; round < 2; round += 1) {
    const react = await footprint(page);
    await nav.getByRole('link', { name: 'Mi ayuntamiento' }).click();
    await mfeSettled(page, 'municipal');
    await expect(page.getByTestId('taxes-summary')).toBeVisible();
    // Open the menu and a dialog-free disclosure, so that their listeners are in use when leaving.
    await page.getByRole('button', { name: 'Más servicios' }).click();
    await expect(page.getByRole('menu', { name: 'Más servicios' })).toBeVisible();
    const vanilla = await footprint(page);
    // Then the Angular MFE (its first visit brings Angular itself: more time on a loaded machine).
    await nav.getByRole('link', { name: /^Apoderamientos/ }).click();
    await expect(page.locator('[data-mfe="representation"]')).toHaveAttribute('aria-busy', 'false', {
      timeout: 30_000,
    });
    await expect(page.getByRole('heading', { level: 1, name: 'Apoderamientos' })).toBeVisible();
    const angular = await footprint(page);
    await nav.getByRole('link', { name: /^Notificaciones/ }).click();
    await mfeSettled(page, 'notifications');
    await expect(page.getByTestId('notification-list')).toBeVisible();
    const back = await footprint(page);
    visits.push({ react, vanilla, angular, back });
  }
  const [first, second] = visits;
  if (!first || !second) throw new Error('two rounds');
  // Back on the React MFE: the same style sheets and elements as before the plain-JS one, and no
  // listener more (the first round may drop one-off listeners of the page's start).
  expect(first.back.areas).toEqual(['notifications']);
  expect({ ...first.back, listeners: 0 }).toEqual({ ...first.react, listeners: 0 });
  expect(first.back.listeners).toBeLessThanOrEqual(first.react.listeners);
  // The count sees the plain-JS MFE's own listeners (its behaviours listen on the document).
  expect(first.vanilla.listeners).toBeGreaterThan(first.react.listeners);
  // Once warm, a round trip leaves exactly what it found, and each visit looks the same.
  expect(second.back).toEqual(second.react);
  expect(second.vanilla).toEqual(first.vanilla);
  expect(second.angular).toEqual(first.angular);
  expect(first.angular.areas).toEqual(['representation']);
  // The plain-JS MFE adds no style sheet of its own (the shell's design system CSS serves it).
  expect(first.vanilla.styles).toBe(first.react.styles);
  // One Preact (React's API) for the React MFEs, downloaded once, and no React at all.
  const copies = uiLibraryCopies(await downloaded());
  expect(copies.preact).toHaveLength(1);
  expect(copies.react).toEqual([]);

  // What the browser downloaded for the plain-JS MFE's route: neither React nor Preact in any of it.
  const scripts = await Promise.all(fromMunicipal);
  expect(scripts.length).toBeGreaterThan(0);
  const gzip = scripts.reduce((sum, script) => sum + gzipSync(script.body).length, 0);
  expect(
    uiLibraryCopies(scripts.map((script) => ({ url: script.url, body: script.body.toString('utf8') }))),
  ).toEqual({ preact: [], react: [] });
  test.info().annotations.push({
    type: 'municipal-js',
    description: `${scripts.length} scripts, ${(gzip / 1024).toFixed(1)} KiB gzip: ${scripts
      .map((script) => script.url.slice(MUNICIPAL_ORIGIN.length))
      .join(', ')}`,
  });
  console.log(
    `plain-JS MFE: ${scripts.length} scripts, ${(gzip / 1024).toFixed(1)} KiB gzip (${scripts
      .map(
        (script) =>
          `${script.url.slice(MUNICIPAL_ORIGIN.length)} ${(gzipSync(script.body).length / 1024).toFixed(1)}`,
      )
      .join(', ')})`,
  );
});
