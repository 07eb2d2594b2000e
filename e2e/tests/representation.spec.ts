import { readFile } from 'node:fs/promises';
import { PREBUILT_SHARED } from '@carpeta/sdk/federation';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { CITIZENS, signIn } from '../support/auth.ts';
import { E2E } from '../support/env.ts';
import {
  expectNoAxeViolations,
  mfeSettled,
  resetManifest,
  setManifest,
  startInSpanish,
  switchLanguage,
} from '../support/portal.ts';

/** The Angular MFE's own origin (mfes/representation, port offset 206). */
const REPRESENTATION = `http://127.0.0.1:${E2E.base + 206}`;
/** The simulated REA and general registry (mocks/src/agencies/catalogue.ts). */
const REA = E2E.rea;
const REGISTRY = `http://127.0.0.1:${E2E.base + 111}`;

function angularEntry(id: string, route: string, title: { es: string; en: string }, remote: object) {
  return {
    id,
    title,
    owner: { id: 'carpeta', name: 'Carpeta' },
    kind: 'domain',
    route,
    nav: { order: 60, show: true },
    framework: 'angular',
    remote,
    minLoa: 'low',
    scopes: [],
    version: '0.1.0',
  };
}

/**
 * mfes/representation as the portal's manifest configures it (powers of attorney, and the general
 * registry as its "/registry" section), and a second Angular remote from another origin.
 */
function withAngularEntries() {
  setManifest((document) => {
    const ids = new Set(document.mfes.map((entry) => (entry as { id: string }).id));
    const extra = [
      {
        ...angularEntry(
          'representation',
          '/representation',
          { es: 'Apoderamientos y registro', en: 'Powers of attorney and registry' },
          {
            name: 'carpeta_representation',
            entry: `${REPRESENTATION}/remoteEntry.js`,
            expose: './lifecycles',
          },
        ),
        minLoa: 'substantial',
      },
      angularEntry(
        'angular-hello',
        '/angular-hello',
        { es: 'Prueba Angular', en: 'Angular test' },
        {
          name: 'carpeta_fixture_angular',
          entry: `${E2E.angularFixtureOrigin}/remoteEntry.js`,
          expose: './hello',
        },
      ),
    ].filter((entry) => !ids.has(entry.id));
    return { ...document, mfes: [...document.mfes, ...extra] };
  });
}

async function control(base: string, path: string, body: unknown = {}) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.ok).toBe(true);
}

test.describe.configure({ mode: 'serial' });

test.beforeEach(async ({ page }) => {
  withAngularEntries();
  await startInSpanish(page);
});
test.afterAll(() => resetManifest());

/**
 * Waits until an MFE's area has settled. The first Angular MFE of a page brings Angular itself
 * (the part of it the MFE uses, about 50 KB gzip, parsed on a shared 2-core machine): more time than
 * a React MFE needs.
 */
async function settled(page: Page, id: string) {
  const area = page.locator(`[data-mfe="${id}"]`);
  await expect(area).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  return area;
}

/** Follows a link of the portal's main navigation with the keyboard. */
async function openFromNavigation(page: Page, name: string | RegExp, id: string) {
  const link = page
    .getByRole('navigation', { name: /Navegación principal|Main navigation/ })
    .getByRole('link', typeof name === 'string' ? { name, exact: true } : { name });
  await link.focus();
  await page.keyboard.press('Enter');
  return settled(page, id);
}

test('an Angular remote with its own Angular and one that shares it run in one page; a route with only React MFEs downloads no Angular code', async ({
  page,
}) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await signIn(page);
  await mfeSettled(page, 'home');
  await openFromNavigation(page, /^Notificaciones/, 'notifications');
  const angularCode = (url: string) =>
    url.startsWith(REPRESENTATION) || url.startsWith(E2E.angularFixtureOrigin) || /angular/i.test(url);
  expect(scripts.filter(angularCode)).toEqual([]);

  await openFromNavigation(page, /^Apoderamientos/, 'representation');
  await expect(page.getByRole('heading', { level: 1, name: 'Apoderamientos' })).toBeVisible();
  await openFromNavigation(page, 'Prueba Angular', 'angular-hello');
  await expect(page.getByRole('heading', { level: 1, name: 'Prueba Angular' })).toBeVisible();
  await expect(page.getByText('Un segundo remoto Angular para María García López.')).toBeVisible();
  await openFromNavigation(page, /^Apoderamientos/, 'representation');
  await press(
    page,
    page
      .getByRole('navigation', { name: 'Apoderamientos y registro' })
      .getByRole('link', { name: 'Registro electrónico' }),
  );
  await expect(page.getByRole('heading', { level: 1, name: 'Registro electrónico' })).toBeVisible();
  // The previous MFEs left nothing behind in <main>.
  await expect(page.locator('[data-carpeta-angular]')).toHaveCount(1);

  const count = (pattern: RegExp) => scripts.filter((url) => pattern.test(url)).length;
  // mfes/representation bundles the part of Angular it uses, with its page (`pageChunks`): no copy
  // of a shared Angular package came from it, and its page's chunk came once, back and forth.
  expect(count(/\/powers-[\w-]{8}\.js$/), 'the powers’ page and its Angular').toBe(1);
  const copies = scripts.filter((url) => PREBUILT_SHARED.test(url));
  expect(copies.filter((url) => url.startsWith(`${REPRESENTATION}/`))).toEqual([]);
  // The fixture shares Angular (`shareAngular`): with no other remote providing it, it loaded its
  // own copies of Angular's core, common and platform-browser, from its own origin, once each.
  expect(copies.every((url) => url.startsWith(`${E2E.angularFixtureOrigin}/`))).toBe(true);
  for (const name of ['core', 'common', 'platform_mf_2_browser'])
    expect(count(new RegExp(`_mf_0_angular_mf_1_${name}__prebuild__`)), `@angular/${name} copies`).toBe(1);
  expect(copies).toHaveLength(3);
});

const LUCIA = '87654321X';

/** Signs in, lands on the home page and opens the representation MFE from the navigation. */
async function openRepresentation(page: Page, nif: string = CITIZENS.maria) {
  await signIn(page, { nif });
  await mfeSettled(page, 'home');
  await openFromNavigation(page, 'Apoderamientos y registro', 'representation');
}

/** Another citizen signed in in a browser of their own (a separate session). */
async function citizenPage(browser: Browser, nif: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await startInSpanish(page);
  await openRepresentation(page, nif);
  return page;
}

/** Presses a button or link by keyboard: focus, then Enter. */
async function press(page: Page, locator: ReturnType<Page['getByRole']>) {
  await locator.focus();
  await page.keyboard.press('Enter');
}

test('John grants Lucía a power; she accepts it, switches to him and opens his files; he revokes it', async ({
  page,
  browser,
}) => {
  // Two citizens sign in, each loads Angular once, axe runs six times.
  test.setTimeout(120_000);
  await control(REA, '/__control/reset');
  await openRepresentation(page, CITIZENS.john);
  await expect(page.getByRole('heading', { level: 1, name: 'Apoderamientos' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /^Otorgados/ })).toBeVisible();
  await expectNoAxeViolations(page);

  await press(page, page.getByRole('link', { name: 'Otorgar un apoderamiento' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Otorgar un apoderamiento' })).toBeVisible();
  await press(page, page.getByRole('button', { name: 'Otorgar el apoderamiento' }));
  const summary = page.locator('.cp-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText([
    'Escribe el DNI o NIE de la persona apoderada.',
    'Escribe el primer apellido de la persona apoderada.',
    'Elige el tipo de apoderamiento.',
  ]);
  await expectNoAxeViolations(page);
  await press(page, summary.getByRole('link').first());
  await expect(page.getByLabel('DNI o NIE de la persona apoderada')).toBeFocused();
  await page.keyboard.type('87654321A');
  await page.getByLabel('Primer apellido de la persona apoderada').focus();
  await page.keyboard.type('Fernández');
  await press(page, page.getByRole('button', { name: 'Otorgar el apoderamiento' }));
  await expect(summary.getByRole('link').first()).toHaveText(
    'El DNI o NIE no es correcto: revisa los números y la letra.',
  );
  const id = page.getByLabel('DNI o NIE de la persona apoderada');
  await id.focus();
  await page.keyboard.press('Backspace');
  await page.keyboard.type('x');
  const general = page.getByRole('radio', { name: 'General' });
  await general.focus();
  await page.keyboard.press('Space');
  await press(page, page.getByRole('button', { name: 'Otorgar el apoderamiento' }));
  const grantedHeading = page.getByRole('heading', { level: 1, name: 'Apoderamiento otorgado' });
  await expect(grantedHeading).toBeVisible();
  await expect(
    page.getByText(/El apoderamiento a Lucía Fernández Ruiz está inscrito con la referencia/),
  ).toBeVisible();

  const lucia = await citizenPage(browser, LUCIA);
  const received = lucia.getByRole('region', { name: /^Recibidos/ });
  const offer = received
    .locator('article', { hasText: 'John Smith' })
    .filter({ hasText: 'Pendiente de aceptación' });
  await expect(offer).toBeVisible();
  await press(lucia, offer.getByRole('button', { name: 'Aceptar el apoderamiento de John Smith' }));
  const accept = lucia.getByRole('dialog', { name: 'Aceptar el apoderamiento' });
  await expect(accept).toBeVisible();
  await expect(accept.getByRole('heading', { name: 'Aceptar el apoderamiento' })).toBeFocused();
  await expectNoAxeViolations(lucia);
  await press(lucia, accept.getByRole('button', { name: 'Aceptar el apoderamiento' }));
  await expect(accept).toBeHidden();
  await expect(
    lucia.getByRole('status').filter({ hasText: 'Has aceptado el apoderamiento de John Smith.' }),
  ).toBeFocused();
  await expect(received.locator('article', { hasText: 'John Smith' }).getByText('En vigor')).toBeVisible();

  // The header's switch lists the power at once.
  await press(lucia, lucia.getByRole('button', { name: 'Actuar en nombre de…' }));
  const switcher = lucia.getByRole('dialog', { name: 'Actuar en nombre de otra persona' });
  const john = switcher.getByRole('radio', { name: /John Smith/ });
  await john.focus();
  await lucia.keyboard.press('Space');
  await press(lucia, switcher.getByRole('button', { name: 'Cambiar' }));
  const banner = lucia.getByTestId('acting-for');
  await expect(banner).toContainText('Estás actuando en nombre de John Smith');
  await openFromNavigation(lucia, 'Expedientes', 'files');
  await expect(banner).toBeVisible();

  // John opens his powers again (mounted anew: the register is read again).
  await openFromNavigation(page, 'Inicio', 'home');
  await openFromNavigation(page, 'Apoderamientos y registro', 'representation');
  const granted = page.getByRole('region', { name: /^Otorgados/ });
  const given = granted
    .locator('article', { hasText: 'Lucía Fernández Ruiz' })
    .filter({ hasText: 'En vigor' });
  await press(page, given.getByRole('button', { name: 'Revocar el apoderamiento de Lucía Fernández Ruiz' }));
  const revoke = page.getByRole('alertdialog', { name: 'Revocar el apoderamiento' });
  await expect(revoke).toBeVisible();
  await expectNoAxeViolations(page);
  await press(page, revoke.getByRole('button', { name: 'Revocar', exact: true }));
  await expect(
    page.getByRole('status').filter({ hasText: 'Has revocado el apoderamiento de Lucía Fernández Ruiz.' }),
  ).toBeFocused();
  await expect(
    granted.locator('article', { hasText: 'Lucía Fernández Ruiz' }).getByText('Revocado'),
  ).toBeVisible();
  await lucia.context().close();
});

test('a general application with an attachment, by keyboard in English, its receipt and its PDF', async ({
  page,
}) => {
  // A sign-in, Angular's first load, axe in three themes.
  test.setTimeout(120_000);
  await openRepresentation(page);
  await switchLanguage(page, 'en');
  await press(
    page,
    page
      .getByRole('navigation', { name: 'Powers of attorney and registry' })
      .getByRole('link', { name: 'Electronic registry' }),
  );
  await expect(page.getByRole('heading', { level: 1, name: 'Electronic registry' })).toBeVisible();
  await press(page, page.getByRole('link', { name: 'Submit an application' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Submit an application' })).toBeVisible();
  await press(page, page.getByRole('button', { name: 'Submit the application' }));
  await expect(page.locator('.cp-error-summary')).toBeFocused();
  await expectNoAxeViolations(page);

  const body = page.getByRole('combobox', { name: 'Addressed to (body)' });
  await body.focus();
  await page.keyboard.type('Ayuntamiento de Madrid');
  await expect(page.getByRole('option').first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(body).toHaveAttribute('aria-activedescendant', /option-0$/);
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Chosen: Ayuntamiento de Madrid/)).toBeVisible();
  await page.getByLabel('Subject').focus();
  await page.keyboard.type('Parking entrance sign');
  const facts = 'I own the garage at the address of the attached plan.';
  await page.getByLabel('Facts and reasons').focus();
  await page.keyboard.type(facts);
  await expect(page.getByText(`You have ${4000 - facts.length} characters left`)).toBeVisible();
  await page.getByLabel('Request', { exact: true }).focus();
  await page.keyboard.type('A parking entrance sign for the garage.');

  const files = page.getByLabel('Attachments (optional)');
  await files.setInputFiles({
    name: 'tool.exe',
    mimeType: 'application/x-msdownload',
    buffer: Buffer.from('MZ'),
  });
  await expect(page.getByText('“tool.exe” is not a PDF, JPEG, PNG or XML file.')).toBeVisible();
  await press(page, page.getByRole('button', { name: 'Remove tool.exe' }));
  await expect(page.getByText('“tool.exe” is not a PDF')).toHaveCount(0);
  await files.setInputFiles({
    name: 'plan.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
  });
  await expect(page.getByText('1 document chosen')).toBeVisible();
  await press(page, page.getByRole('button', { name: 'Submit the application' }));

  await expect(page.getByRole('heading', { level: 1, name: 'Registry receipt' })).toBeVisible();
  await expect(page).toHaveURL(/\/registry\/[A-Za-z0-9_-]{8,64}$/);
  const number = page.getByRole('definition').first();
  await expect(number).toHaveText(/^[A-Za-z0-9/_-]{1,40}$/);
  await expect(page.getByText(/plan\.pdf \(/)).toBeVisible();
  await expectNoAxeViolations(page);

  const download = page.waitForEvent('download');
  await press(page, page.getByRole('button', { name: 'Download the receipt (PDF)' }));
  const file = await (await download).path();
  expect((await readFile(file)).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  for (const theme of ['dark', 'high-contrast'] as const) {
    const appearance = page.getByRole('combobox', { name: 'Appearance' });
    await appearance.focus();
    await appearance.selectOption(theme);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await expectNoAxeViolations(page);
  }
  await page.getByRole('combobox', { name: 'Appearance' }).selectOption('system');

  await press(
    page,
    page.getByRole('navigation', { name: 'You are here' }).getByRole('link', { name: 'Electronic registry' }),
  );
  await expect(page.getByRole('table')).toContainText('Parking entrance sign');
});

test('with the register of powers and the registry down, each page says so clearly', async ({ page }) => {
  await control(REA, '/__control/faults', { mode: 'down' });
  await control(REGISTRY, '/__control/faults', { mode: 'down' });
  try {
    await openRepresentation(page);
    await expect(
      page.getByRole('heading', { level: 2, name: 'No se puede consultar el registro de apoderamientos' }),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await press(page, page.getByRole('link', { name: 'Registro electrónico' }));
    await expect(
      page.getByRole('heading', { level: 2, name: 'No se puede consultar el registro' }),
    ).toBeVisible();
    await expectNoAxeViolations(page);
  } finally {
    await control(REA, '/__control/reset');
    await control(REGISTRY, '/__control/reset');
  }
});

// The registry and the grant form are chunks of their own, loaded when opened (or ahead, once idle).
for (const section of [
  {
    name: 'the registry section',
    code: /\/assets\/registry-section\.component-[\w-]+\.js$/,
    path: '/representation/registry',
    heading: 'Registro electrónico',
    failed: 'No se ha podido abrir el registro electrónico',
    shown: (page: Page) => page.getByRole('link', { name: 'Presentar una solicitud' }),
  },
  {
    name: 'the grant form',
    code: /\/assets\/grant-form\.component-[\w-]+\.js$/,
    path: '/representation/grant',
    heading: 'Otorgar un apoderamiento',
    failed: 'No se ha podido abrir el formulario para otorgar un apoderamiento',
    shown: (page: Page) => page.getByRole('button', { name: 'Otorgar el apoderamiento' }),
  },
]) {
  test(`${section.name}’s code not arriving: the page says so, and trying again brings it`, async ({
    page,
  }) => {
    await openRepresentation(page);
    await page.route(section.code, (route) => route.abort());
    await page.goto(section.path);
    await mfeSettled(page, 'representation');
    await expect(page.getByRole('heading', { level: 1, name: section.heading })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText(section.failed);
    await expectNoAxeViolations(page);
    await page.unroute(section.code);
    await press(page, page.getByRole('link', { name: 'Volver a intentarlo' }));
    await expect(section.shown(page)).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
}
