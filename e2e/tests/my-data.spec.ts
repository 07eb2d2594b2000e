import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { CITIZENS, signIn } from '../support/auth.ts';
import { E2E } from '../support/env.ts';
import {
  expectNoAxeViolations,
  mfeSettled,
  resetManifest,
  startInSpanish,
  tabTo,
} from '../support/portal.ts';

/** The simulated data intermediation platform (mocks/src/agencies/catalogue.ts). */
const PID = `http://127.0.0.1:${E2E.base + 109}`;

async function pid(path: string, body: unknown) {
  const response = await fetch(`${PID}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.ok).toBe(true);
  return response.json() as Promise<Record<string, unknown>>;
}

/** The verification code a proof carries in its metadata (pdf-lib writes the Subject as UTF-16 hex). */
function codeOf(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  const hex = /\/Subject <FEFF([0-9A-Fa-f]+)>/.exec(text)?.[1];
  const subject = hex
    ? Buffer.from(hex, 'hex').swap16().toString('utf16le')
    : (/\/Subject \(([^)]*)\)/.exec(text)?.[1] ?? '');
  return subject.replace(/^CSV /, '');
}

test.describe.configure({ mode: 'serial' });

test.beforeEach(async ({ page }) => {
  resetManifest();
  await startInSpanish(page);
});
test.afterEach(async () => {
  await pid('/__control/reset', {});
});

test('María browses her data by theme with the keyboard, axe-clean; a refresh with the platform down keeps the last value', async ({
  page,
}) => {
  await signIn(page);
  await mfeSettled(page, 'home');
  await tabTo(page, ({ href }) => href === '/my-data');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/my-data$/);
  await mfeSettled(page, 'my-data');
  await expect(page.getByRole('heading', { level: 1, name: 'Mis datos' })).toBeVisible();
  const tabs = page.getByRole('tab');
  await expect(tabs).toHaveCount(6);
  await tabs.first().focus();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: /^Vehículos y transporte/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.getByRole('heading', { level: 3, name: 'Permiso de conducción y puntos' })).toBeVisible();
  await expectNoAxeViolations(page);

  await pid('/__control/faults', { mode: 'down' });
  const refresh = page.getByRole('button', { name: /^Actualizar ?: Permiso de conducción y puntos$/ });
  await refresh.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('No actualizado').first()).toBeVisible();
  await expect(page.getByText(/se muestra el último valor obtenido/)).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a proof downloaded by María is verified on the public page while signed out; a changed byte fails', async ({
  page,
  browser,
}) => {
  await signIn(page, { returnTo: '/my-data' });
  await mfeSettled(page, 'my-data');
  const download = page.waitForEvent('download');
  await page
    .getByRole('link', { name: /^Descargar certificado \(PDF\) ?: Documento Nacional de Identidad$/ })
    .click();
  const file = join(tmpdir(), `carpeta-proof-${process.pid}.pdf`);
  await (await download).saveAs(file);
  const bytes = await readFile(file);
  const code = codeOf(bytes);
  expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);

  const anonymous = await browser.newContext();
  const visitor = await anonymous.newPage();
  await startInSpanish(visitor);
  await visitor.goto(`/verify?code=${code}`);
  await mfeSettled(visitor, 'verify');
  await expect(visitor.getByRole('heading', { level: 1, name: 'Comprobar un certificado' })).toBeVisible();
  await visitor.getByLabel('Certificado (PDF)').setInputFiles(file);
  await visitor.getByRole('button', { name: 'Comprobar' }).click();
  await expect(visitor.getByText('El certificado es auténtico')).toBeVisible();
  await expectNoAxeViolations(visitor);

  const altered = Buffer.from(bytes);
  const at = Math.floor(altered.length / 2);
  altered[at] = (altered[at] ?? 0) ^ 1;
  const alteredFile = join(tmpdir(), `carpeta-proof-altered-${process.pid}.pdf`);
  await writeFile(alteredFile, altered);
  await visitor.getByLabel('Certificado (PDF)').setInputFiles(alteredFile);
  await visitor.getByRole('button', { name: 'Comprobar' }).click();
  await expect(visitor.getByText('El certificado no coincide')).toBeVisible();
  await anonymous.close();
});

test('María opposes the city council consulting her census data: the next consultation is refused and logged so', async ({
  page,
}) => {
  await signIn(page, { returnTo: '/my-data/pid%3AINE-PAD-0001' });
  await mfeSettled(page, 'my-data');
  await expect(page.getByRole('heading', { level: 1, name: 'Empadronamiento' })).toBeVisible();
  await expect(page.getByTestId('log-total')).toContainText('consultas');
  const form = page.locator('form').nth(1);
  await form.getByLabel('Administración').selectOption({ label: 'Ayuntamiento de Madrid' });
  await form.getByLabel('Motivo').fill('Aporto yo el volante de empadronamiento');
  await form.getByRole('button', { name: 'Oponerme' }).click();
  await expect(page.getByTestId('oppositions')).toContainText('Ayuntamiento de Madrid');
  const consulted = await pid('/__control/consultas', {
    nif: CITIZENS.maria,
    id: 'INE-PAD-0001',
    dir3: 'L01280796',
    nombre: 'Ayuntamiento de Madrid',
    procedimiento: 'Ayudas al alquiler',
  });
  expect(consulted.resultado).toBe('DENEGADA_OPOSICION');
  await page.reload();
  await mfeSettled(page, 'my-data');
  await expect(page.locator('tbody').getByText('Denegada por tu oposición').first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test('Carmen sees her own data in English', async ({ page }) => {
  await signIn(page, { nif: CITIZENS.carmen, returnTo: '/my-data' });
  await mfeSettled(page, 'my-data');
  await page.evaluate(() => window.localStorage.setItem('carpeta.language', 'en'));
  await page.reload();
  await mfeSettled(page, 'my-data');
  await expect(page.getByRole('heading', { level: 1, name: 'My data' })).toBeVisible();
  await expect(page.getByRole('tab', { name: /^Work and benefits \(2\)/ })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('María exports everything the portal shows of her, by keyboard: a ZIP of JSON and CSV', async ({
  page,
}) => {
  await signIn(page, { returnTo: '/my-data' });
  await mfeSettled(page, 'my-data');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Descargar todo lo que la Carpeta muestra de ti/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('export-progress')).toContainText('Descarga lista');
  const file = join(tmpdir(), `carpeta-export-${Date.now()}.zip`);
  await (await download).saveAs(file);
  const zip = await readFile(file);
  // A ZIP (local file header "PK\x03\x04") naming the parts it holds.
  expect(zip.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
  const names = zip.toString('latin1');
  for (const part of ['notifications.json', 'files.csv', 'my-data.json']) expect(names).toContain(part);
  await expectNoAxeViolations(page);
});
