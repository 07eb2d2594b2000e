import type { Page } from 'playwright-core';
import { setDehuFault } from './portal.ts';
import type { PageChecks } from './types.ts';

/**
 * Key states of the MFEs, reached from a page by what a citizen does (in Spanish: the words are the
 * MFEs' own). `setUp`/`tearDown` change the simulated agencies: such states run one at a time after
 * the other pages.
 */
export interface KeyState {
  visitor: string;
  path: string;
  state: string;
  checks: PageChecks;
  /** The keyboard walk starts where the state left focus (inside a dialog), not at the top. */
  walkFromFocus?: boolean;
  act(page: Page): Promise<void>;
  setUp?(dehu: string): Promise<void>;
  tearDown?(dehu: string): Promise<void>;
}

export const KEY_STATES: KeyState[] = [
  {
    visitor: 'maria',
    path: '/',
    state: 'dialog-open',
    checks: { keyboard: true, textSpacing: true },
    walkFromFocus: true,
    async act(page) {
      await page.getByRole('button', { name: 'Actuar en nombre de…' }).click();
      await page.getByRole('dialog', { name: 'Actuar en nombre de otra persona' }).waitFor();
    },
  },
  {
    visitor: 'maria',
    path: '/representation',
    state: 'dialog-open',
    checks: { keyboard: true },
    walkFromFocus: true,
    async act(page) {
      await page.getByRole('button', { name: /^Renunciar al apoderamiento de Carmen/ }).click();
      await page.getByRole('alertdialog', { name: 'Renunciar al apoderamiento' }).waitFor();
    },
  },
  {
    visitor: 'maria',
    path: '/representation',
    state: 'form-errors',
    checks: { keyboard: true, textSpacing: true },
    async act(page) {
      await page.getByRole('link', { name: 'Otorgar un apoderamiento' }).click();
      await page.getByRole('heading', { level: 1, name: 'Otorgar un apoderamiento' }).waitFor();
      await page.getByRole('button', { name: 'Otorgar el apoderamiento' }).click();
      await page.locator('.cp-error-summary').waitFor();
    },
  },
  {
    visitor: 'anonymous',
    path: '/feedback/accessibility',
    state: 'form-errors',
    checks: { keyboard: true, textSpacing: true },
    async act(page) {
      await page.getByRole('main').getByRole('button', { name: 'Enviar' }).click();
      await page.locator('.cp-error-summary').waitFor();
    },
  },
  {
    visitor: 'javier',
    path: '/alerts',
    state: 'empty-list',
    checks: { keyboard: true, textSpacing: true },
    async act(page) {
      await page.getByText('No tienes avisos.').waitFor();
    },
  },
  {
    visitor: 'maria',
    path: '/notifications',
    state: 'partial-source',
    checks: { keyboard: true, textSpacing: true },
    setUp: (dehu) => setDehuFault(dehu, 'down'),
    tearDown: (dehu) => setDehuFault(dehu, 'ok'),
    async act(page) {
      await page.getByRole('heading', { name: 'Faltan notificaciones de algún organismo' }).waitFor();
    },
  },
  {
    visitor: 'maria',
    path: '/',
    state: 'partial-source',
    checks: { textSpacing: true },
    setUp: (dehu) => setDehuFault(dehu, 'down'),
    tearDown: (dehu) => setDehuFault(dehu, 'ok'),
    async act(page) {
      await page.getByText('El recuento puede estar incompleto', { exact: false }).waitFor();
    },
  },
];
