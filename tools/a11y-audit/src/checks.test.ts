import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM_LAUNCH_OPTIONS } from '@carpeta/chromium';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPage, type CheckOptions } from './checks.ts';
import type { Finding } from './types.ts';

// Fixture pages with one known problem each (and a clean one), audited in one real chromium.
const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
});
afterAll(async () => {
  await browser?.close();
});

const ALL: CheckOptions = {
  keyboard: true,
  textSpacing: true,
  motion: true,
  forcedColors: true,
  screenshots: 2,
};

async function audit(fixture: string, options: CheckOptions & { width?: number } = {}) {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 800 } });
  const page: Page = await context.newPage();
  try {
    await page.goto(pathToFileURL(join(FIXTURES, fixture)).href);
    return await auditPage(page, { ...ALL, reflow: (options.width ?? 1280) <= 320, ...options });
  } finally {
    await context.close();
  }
}

const violations = (findings: Finding[]) => findings.filter((finding) => finding.severity === 'violation');
const rules = (findings: Finding[]) =>
  violations(findings).map((finding) => `${finding.engine}:${finding.rule}`);

describe('the audit on fixture pages', () => {
  it('finds nothing on a clean page, at 1280 and at 320 px, skip link included', async () => {
    const wide = await audit('clean.html', { skipLink: true });
    expect(violations(wide.findings)).toEqual([]);
    expect(wide.tabOrder).toEqual(['a “Skip to content”', 'a “One”', 'a “Two”', 'input', 'button “Send”']);
    const narrow = await audit('clean.html', { skipLink: true, width: 320 });
    expect(violations(narrow.findings)).toEqual([]);
  });

  it('finds low contrast with both engines, with a screenshot of the element', async () => {
    const { findings } = await audit('contrast.html');
    const contrast = violations(findings).filter((finding) => finding.selector.includes('p'));
    expect(rules(contrast)).toContain('axe:color-contrast');
    expect(contrast.some((finding) => finding.engine === 'htmlcs' && /G18/.test(finding.rule))).toBe(true);
    expect(contrast.find((finding) => finding.engine === 'axe')?.screenshot).toMatch(/^iVBOR/);
  });

  it('finds a field without a label with both engines', async () => {
    const { findings } = await audit('missing-label.html');
    const input = violations(findings).filter((finding) => finding.html.startsWith('<input'));
    expect(rules(input)).toContain('axe:label');
    expect(input.some((finding) => finding.engine === 'htmlcs')).toBe(true);
  });

  it('finds a keyboard trap outside a dialog', async () => {
    const { findings, tabOrder } = await audit('focus-trap.html');
    expect(rules(findings)).toContain('keyboard:focus-trap');
    expect(tabOrder).toEqual(['button “First”', 'button “Second”', 'button “Third”']);
  });

  it('finds focus that does not show, and only there', async () => {
    const { findings } = await audit('invisible-focus.html');
    const invisible = violations(findings).filter((finding) => finding.rule === 'focus-invisible');
    expect(invisible.map((finding) => finding.html)).toEqual([
      expect.stringMatching(/^<button type="button" class="bare">/),
    ]);
  });

  it('finds horizontal scrolling at 320 px, naming the element too wide', async () => {
    const { findings } = await audit('reflow.html', { width: 320 });
    const reflow = violations(findings).filter((finding) => finding.engine === 'reflow');
    expect(reflow.map((finding) => finding.selector)).toEqual([expect.stringMatching(/div$/)]);
    const wide = await audit('reflow.html');
    expect(rules(wide.findings)).not.toContain('reflow:reflow');
  });

  it('finds text cut off once the WCAG 1.4.12 spacing applies', async () => {
    const { findings } = await audit('text-spacing.html');
    const clipped = violations(findings).filter((finding) => finding.engine === 'text-spacing');
    expect(clipped.map((finding) => finding.html)).toEqual([expect.stringMatching(/^<div class="tight">/)]);
  });
});
