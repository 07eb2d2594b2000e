import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { messages as homeCatalog } from '../../mfes/home/src/messages.ts';
import { ca as homeCa } from '../../mfes/home/src/messages/ca.ts';
import { en as homeEn } from '../../mfes/home/src/messages/en.ts';
import { eu as homeEu } from '../../mfes/home/src/messages/eu.ts';
import { gl as homeGl } from '../../mfes/home/src/messages/gl.ts';
import { va as homeVa } from '../../mfes/home/src/messages/va.ts';
import { ca } from '../../shell/src/messages/ca.ts';
import { en } from '../../shell/src/messages/en.ts';
import { es } from '../../shell/src/messages/es.ts';
import { eu } from '../../shell/src/messages/eu.ts';
import { gl } from '../../shell/src/messages/gl.ts';
import { va } from '../../shell/src/messages/va.ts';
import { CITIZENS, signIn } from '../support/auth.ts';
import { E2E } from '../support/env.ts';
import {
  expectNoAxeViolations,
  mfeSettled,
  PORTAL_LANGUAGES,
  type PortalLanguage,
  resetManifest,
  startInSpanish,
  switchLanguage,
} from '../support/portal.ts';

/** The home MFE's words in every language (its other languages are chunks loaded on demand). */
const home = { es: homeCatalog.es, ca: homeCa, gl: homeGl, eu: homeEu, va: homeVa, en: homeEn };

const shell = { es, ca, gl, eu, va, en };
const manifest = JSON.parse(readFileSync(join(E2E.root, 'gateway/config/mfes.json'), 'utf8')) as {
  mfes: { title: Partial<Record<PortalLanguage, string>> & { es: string } }[];
};

function texts(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (value && typeof value === 'object') for (const child of Object.values(value)) texts(child, into);
  return into;
}

/** Every string the home page and the navigation can show in one language. */
function catalogue(language: PortalLanguage): string[] {
  return [
    ...texts(shell[language]),
    ...texts(home[language]),
    ...manifest.mfes.map((entry) => entry.title[language] ?? entry.title.es),
  ];
}

/**
 * Spanish strings that must not be seen in `language`: each Spanish text that the language does
 * not also use, as a pattern over a whole visible text node ({{values}} match anything).
 */
function spanishLeftovers(language: PortalLanguage): RegExp[] {
  const own = new Set(catalogue(language));
  return [...new Set(catalogue('es'))]
    .filter((text) => !own.has(text) && text.trim().length > 1)
    .map((text) => {
      const escaped = text
        .split(/\{\{[^}]+\}\}/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('.+');
      return new RegExp(`^${escaped}$`);
    });
}

/** The trimmed text of every visible text node of the page. */
async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.replace(/\s+/g, ' ').trim();
      const parent = node.parentElement;
      if (text && parent?.checkVisibility({ visibilityProperty: true })) found.push(text);
    }
    return found;
  });
}

test('the signed-in home and the navigation in each language: no Spanish left, lang right, axe clean', async ({
  page,
}) => {
  // One sign-in for six languages, each with an axe run: longer than one page's flow.
  test.setTimeout(150_000);
  resetManifest();
  await startInSpanish(page);
  await signIn(page, { nif: CITIZENS.maria });
  await page.goto('/');
  await mfeSettled(page, 'home');

  for (const language of ['ca', 'gl', 'eu', 'va', 'en', 'es'] as const) {
    await switchLanguage(page, language);
    await expect(page.locator('html')).toHaveAttribute('lang', PORTAL_LANGUAGES[language].tag);
    const heading = home[language].title;
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    const navigation = page.getByRole('navigation', { name: shell[language].primaryNavigation });
    await expect(navigation.getByRole('link', { name: manifest.mfes[1]?.title[language] })).toBeVisible();
    // The home MFE has finished asking the administrations: nothing more will render.
    await expect(page.getByText(home[language].attention.asking)).toHaveCount(0);
    const seen = await visibleTexts(page);
    if (language !== 'es') {
      const leftovers = spanishLeftovers(language);
      expect(
        seen.filter((text) => leftovers.some((pattern) => pattern.test(text))),
        `Spanish text shown in ${language}`,
      ).toEqual([]);
    } else {
      // Back in Spanish, the same check finds the Spanish strings: it can fail.
      const leftovers = spanishLeftovers('eu');
      expect(seen.filter((text) => leftovers.some((pattern) => pattern.test(text))).length).toBeGreaterThan(
        10,
      );
    }
    await expectNoAxeViolations(page);
  }
});

test.describe('a first visit from a browser in Catalan', () => {
  test.use({ locale: 'ca-ES' });

  test('lands in Catalan, and a language chosen afterwards is kept', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ca');
    await expect(page.getByRole('heading', { level: 1, name: ca.landing.title })).toBeVisible();
    await expect(page.getByRole('link', { name: ca.skipToContent })).toBeAttached();

    await switchLanguage(page, 'gl');
    await expect(page.getByRole('heading', { level: 1, name: gl.landing.title })).toBeVisible();
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'gl');
    await expect(page.getByRole('heading', { level: 1, name: gl.landing.title })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
