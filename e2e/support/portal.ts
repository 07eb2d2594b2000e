import { SHELL_INTERACTIVE_MARK } from '@carpeta/sdk';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { E2E } from './env.ts';

const ORIGINAL = readFileSync(join(E2E.root, 'gateway/config/mfes.json'), 'utf8');

interface ManifestDocument {
  version: 1;
  mfes: unknown[];
}

/** Rewrites the manifest the running gateway serves; no rebuild, no restart. */
export function setManifest(change: (document: ManifestDocument) => ManifestDocument): void {
  const next = change(JSON.parse(ORIGINAL) as ManifestDocument);
  writeFileSync(E2E.manifestPath, `${JSON.stringify(next, null, 2)}\n`);
}

export function resetManifest(): void {
  writeFileSync(E2E.manifestPath, ORIGINAL);
}

export function fixtureEntry(
  overrides: Record<string, unknown> & { id: string; expose: string; origin?: string },
) {
  const { id, expose, origin = E2E.fixtureOrigin, ...rest } = overrides;
  return {
    id,
    title: { es: `Prueba ${id}`, en: `Test ${id}` },
    owner: { id: 'test-agency', name: 'Agencia de pruebas' },
    kind: 'administration',
    route: `/${id}`,
    nav: { order: 50, show: true },
    framework: 'react',
    remote: { name: 'carpeta_fixtures', entry: `${origin}/remoteEntry.js`, expose },
    minLoa: 'low',
    scopes: [],
    version: '1.0.0',
    ...rest,
  };
}

/** Sets the agency's fault mode through its control endpoint. */
export async function setAgencyFault(mode: 'ok' | 'slow' | 'garbage' | 'error' | 'down', delayMs?: number) {
  const response = await fetch(`${E2E.agency}/__control/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ mode, ...(delayMs ? { delayMs } : {}) }),
  });
  expect(response.ok).toBe(true);
}

/** Waits until an MFE's area has finished loading (mounted or showing its error panel). */
/**
 * Waits until the shell has taken the gateway's painted layout over (its User Timing mark): before
 * that the header's and footer's controls are HTML without their scripts, and a key pressed on the
 * language selector does nothing.
 */
export async function shellInteractive(page: Page) {
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, SHELL_INTERACTIVE_MARK);
}

export async function mfeSettled(page: Page, id: string) {
  const area = page.locator(`[data-mfe="${id}"]`);
  await expect(area).toHaveAttribute('aria-busy', 'false');
  return area;
}

/** WCAG 2.1 A/AA plus axe's best practices; the page must have zero violations. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
  expect(summary).toEqual([]);
}

export interface DownloadedScript {
  url: string;
  body: string;
}

/** Records every script the page downloads from now on, from any origin; call the result to read them. */
export function recordScripts(page: Page): () => Promise<DownloadedScript[]> {
  const pending: Promise<DownloadedScript | undefined>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script' || !response.ok()) return;
    pending.push(
      response.text().then(
        (body) => ({ url: response.url(), body }),
        () => undefined,
      ),
    );
  });
  return async () => (await Promise.all(pending)).filter((script) => script !== undefined);
}

/**
 * The UI libraries among downloaded scripts. React's API is Preact's compatibility layer, one
 * shared copy the shell provides (`@carpeta/sdk/federation`): a page must download Preact's core
 * once (the only script with both its MathML namespace and its unitless-style pattern; the
 * jsx-runtime has the pattern only, Angular the namespace only) and nothing of React (React 19's
 * element symbol, react-dom's devtools hook).
 */
export function uiLibraryCopies(scripts: DownloadedScript[]): { preact: string[]; react: string[] } {
  const isPreactCore = (body: string) =>
    body.includes('http://www.w3.org/1998/Math/MathML') &&
    body.includes('acit|ex(?:s|g|n|p|$)|rph|grid|ows|mnc|ntw|ine[ch]|zoo|^ord|itera');
  const isReact = (body: string) =>
    body.includes('react.transitional.element') || body.includes('__REACT_DEVTOOLS_GLOBAL_HOOK__');
  return {
    preact: scripts.filter((script) => isPreactCore(script.body)).map((script) => script.url),
    react: scripts.filter((script) => isReact(script.body)).map((script) => script.url),
  };
}

/** Presses Tab until the focused element matches, as a keyboard-only user would. */
export async function tabTo(
  page: Page,
  matches: (element: { text: string; href: string | null }) => boolean,
  max = 40,
) {
  await shellInteractive(page);
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      return { text: element?.textContent?.trim() ?? '', href: element?.getAttribute('href') ?? null };
    });
    if (matches(focused)) return focused;
  }
  throw new Error('The element was never reached with Tab');
}

/** The portal's languages as the selector lists them (own name) and as `<html lang>` says them. */
export const PORTAL_LANGUAGES = {
  es: { name: 'Español', tag: 'es' },
  ca: { name: 'Català', tag: 'ca' },
  gl: { name: 'Galego', tag: 'gl' },
  eu: { name: 'Euskara', tag: 'eu' },
  va: { name: 'Valencià', tag: 'ca-ES-valencia' },
  en: { name: 'English', tag: 'en' },
} as const;
export type PortalLanguage = keyof typeof PORTAL_LANGUAGES;

/**
 * Changes the portal language with the keyboard through the header's language selector: Enter
 * opens it, arrow keys move to the language (listed in its own name), Enter chooses it.
 */
export async function switchLanguage(page: Page, language: PortalLanguage) {
  await shellInteractive(page);
  const { name, tag } = PORTAL_LANGUAGES[language];
  const banner = page.getByRole('banner');
  const toggle = banner.getByRole('button', { name: /^(Idioma|Language|Hizkuntza):/ });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const option = banner.getByRole('button', { name, exact: true });
  for (let step = 0; step < Object.keys(PORTAL_LANGUAGES).length; step += 1) {
    await page.keyboard.press('ArrowDown');
    if (await option.evaluate((element) => element === document.activeElement)) break;
  }
  await expect(option).toBeFocused();
  await expect(option).toHaveAttribute('lang', tag);
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', tag);
}

/** Each test starts in Spanish whatever the browser's language; a choice made during the test sticks. */
export async function startInSpanish(page: Page) {
  await page.addInitScript(() => {
    if (!window.localStorage.getItem('carpeta.language'))
      window.localStorage.setItem('carpeta.language', 'es');
  });
}
