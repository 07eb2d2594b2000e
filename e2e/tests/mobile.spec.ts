import { expect, type Page, test } from '@playwright/test';
import { signIn } from '../support/auth.ts';
import { mfeSettled, resetManifest, shellInteractive } from '../support/portal.ts';

/*
 * Every page of the portal on a phone: at 320 and 390 CSS pixels wide nothing scrolls sideways,
 * and every control is at least 24 × 24 pixels (WCAG 2.2, 2.5.8 target size), save the exceptions
 * the criterion makes: links inside a sentence, and a small target with no other target within
 * 24 pixels of its centre.
 */
test.use({ locale: 'es-ES' });
test.beforeEach(() => resetManifest());

const WIDTHS = [320, 390] as const;

/** Controls smaller than 24 × 24 that the criterion's exceptions do not cover, as "selector (w×h)". */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector =
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="link"], [role="tab"], [tabindex]:not([tabindex="-1"])';
    const visible = (element: Element) => {
      const rect = element.getBoundingClientRect();
      if (rect.width < 1 || rect.height < 1) return false;
      const style = getComputedStyle(element);
      return (
        style.visibility !== 'hidden' &&
        style.display !== 'none' &&
        style.clipPath !== 'inset(50%)' &&
        style.clip !== 'rect(0px, 0px, 0px, 0px)'
      );
    };
    const targets = [...document.querySelectorAll(selector)].filter(visible);
    const centres = targets.map((element) => {
      const rect = element.getBoundingClientRect();
      return { element, rect, x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    const nameOf = (element: Element) => {
      const label = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40);
      return `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} "${label}"`;
    };
    const failures: string[] = [];
    for (const target of centres) {
      const { element, rect } = target;
      if (rect.width >= 24 && rect.height >= 24) continue;
      // Inline: a link within a sentence.
      const style = getComputedStyle(element);
      const parent = element.parentElement;
      if (element.tagName === 'A' && style.display === 'inline' && parent) {
        const text = [...parent.childNodes].some(
          (node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '',
        );
        if (text) continue;
      }
      // A control whose label is the target (a radio or checkbox with its label around or beside it).
      if (element instanceof HTMLInputElement && element.labels && element.labels.length > 0) {
        const label = element.labels[0]?.getBoundingClientRect();
        if (label && label.height >= 24) continue;
      }
      // Spacing: a 24 px circle on its centre meets no other target's.
      const crowded = centres.some(
        (other) =>
          other !== target &&
          !other.element.contains(element) &&
          !element.contains(other.element) &&
          Math.hypot(other.x - target.x, other.y - target.y) < 24,
      );
      if (!crowded) continue;
      failures.push(`${nameOf(element)} (${Math.round(rect.width)}×${Math.round(rect.height)})`);
    }
    return failures;
  });
}

async function check(page: Page, name: string) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 740 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} at ${width} px scrolls sideways by ${overflow} px`).toBeLessThanOrEqual(0);
    expect(await smallTargets(page), `${name} at ${width} px: targets under 24 × 24`).toEqual([]);
  }
}

test('anonymous pages fit a phone: landing, feedback, roadmap, Ada, accessibility', async ({ page }) => {
  // The check itself finds two crowded 12-pixel buttons and a page wider than the phone.
  await page.goto('/');
  await shellInteractive(page);
  await page.setViewportSize({ width: 320, height: 740 });
  await page.evaluate(() => {
    const probe = document.createElement('div');
    probe.id = 'probe';
    probe.style.width = '400px';
    for (const label of ['a', 'b']) {
      const button = document.createElement('button');
      button.textContent = label;
      button.style.cssText = 'width:12px;height:12px;padding:0;margin:0;font-size:8px;display:inline-block';
      probe.append(button);
    }
    document.body.append(probe);
  });
  expect(await smallTargets(page)).toEqual(['button "a" (12×12)', 'button "b" (12×12)']);
  expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(true);

  for (const [path, mfe] of [
    ['/', undefined],
    ['/feedback', 'feedback'],
    ['/roadmap', 'roadmap'],
    ['/ada', 'assistant'],
    ['/accessibility', undefined],
  ] as const) {
    await page.goto(path);
    await shellInteractive(page);
    if (mfe) await mfeSettled(page, mfe);
    await check(page, path);
  }
});

test('signed-in pages fit a phone: home, notifications, files, appointments, my data, representation, council, health, alerts', async ({
  page,
}) => {
  await signIn(page);
  for (const [path, mfe] of [
    ['/', 'home'],
    ['/notifications', 'notifications'],
    ['/files', 'files'],
    ['/appointments', 'appointments'],
    ['/my-data', 'my-data'],
    ['/representation', 'representation'],
    ['/municipal', 'municipal'],
    ['/health-madrid', 'health-madrid'],
    ['/alerts', 'alerts'],
  ] as const) {
    await page.goto(path);
    await shellInteractive(page);
    await mfeSettled(page, mfe);
    await check(page, path);
  }
});
