import { expect, type Page } from '@playwright/test';
import { E2E } from './env.ts';

/** Port offsets of the simulated administrations (mocks/src/agencies/catalogue.ts, FOLDER-PLAN). */
export const AGENCY_OFFSETS = {
  dehu: 101,
  aeat: 103,
  tgss: 104,
  dgt: 105,
  dgp: 106,
  region: 107,
  municipal: 108,
  /** The data intermediation platform, also the census (residence) the manifest is chosen by. */
  pid: 109,
  /** The Comunidad de Madrid's health service (SERMAS). */
  sermas: 112,
} as const;

export type FaultMode = 'ok' | 'slow' | 'garbage' | 'error' | 'down';

/** Sets one simulated administration's fault mode through its own control endpoint. */
export async function setFault(agency: keyof typeof AGENCY_OFFSETS, mode: FaultMode, delayMs?: number) {
  const response = await fetch(`http://127.0.0.1:${E2E.base + AGENCY_OFFSETS[agency]}/__control/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ mode, ...(delayMs ? { delayMs } : {}) }),
  });
  expect(response.ok).toBe(true);
}

/** Every administration back to normal (after a test that broke some). */
export async function healAll() {
  for (const agency of Object.keys(AGENCY_OFFSETS) as (keyof typeof AGENCY_OFFSETS)[]) {
    await setFault(agency, 'ok');
  }
}

/** Chooses a radio button with the keyboard: focus, then Space (as a keyboard-only user would). */
export async function chooseRadio(page: Page, name: string | RegExp) {
  const radio = page.getByRole('radio', { name }).first();
  await radio.focus();
  await page.keyboard.press('Space');
  await expect(radio).toBeChecked();
}

/** Activates a button with the keyboard. */
export async function pressButton(page: Page, name: string | RegExp) {
  const button = page.getByRole('button', { name, exact: typeof name === 'string' }).first();
  await button.focus();
  await page.keyboard.press('Enter');
}

/** Follows a link with the keyboard. */
export async function followLink(page: Page, name: string | RegExp) {
  const link = page.getByRole('link', { name }).first();
  await link.focus();
  await page.keyboard.press('Enter');
}
