import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { type ElementInfo, installHelpers } from './in-page.ts';
import type { Finding } from './types.ts';

const require = createRequire(import.meta.url);
/** HTML_CodeSniffer's browser build, read from node_modules: nothing is downloaded at run time. */
const HTMLCS_SOURCE = readFileSync(require.resolve('html_codesniffer/build/HTMLCS.js'), 'utf8');

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

export interface CheckOptions {
  /** The keyboard walk (tab order, invisible, lost and trapped focus, skip link). */
  keyboard?: boolean;
  /** The page must start with a skip link to its main content. */
  skipLink?: boolean;
  /** No horizontal scroll (run at 320 px). */
  reflow?: boolean;
  /** WCAG 1.4.12 overrides without loss of content. */
  textSpacing?: boolean;
  /** prefers-reduced-motion: no endless or long animation left running. */
  motion?: boolean;
  /** Forced colours (Windows high contrast): focus still visible. */
  forcedColors?: boolean;
  /** How many violations get an outlined screenshot (they make the report heavy). */
  screenshots?: number;
  /** At most this many Tab presses. */
  maxTabs?: number;
  /** The walk starts where focus is (an open dialog), not at the top of the page. */
  walkFromFocus?: boolean;
}

export interface CheckResult {
  findings: Finding[];
  tabOrder: string[];
}

const AUDIT_HELP = {
  'focus-invisible':
    'WCAG 2.4.7 Focus Visible: when an element receives keyboard focus its appearance must change (an outline, a box-shadow, a border or background change). Nothing of the kind changed here.',
  'focus-offscreen':
    'WCAG 2.4.7 Focus Visible: the focused element stays outside the visible page, so a keyboard user cannot see where focus is.',
  'focus-lost':
    'WCAG 2.4.3 Focus Order: Tab sent focus back to the document before the last focusable element was reached; a keyboard user loses their place.',
  'focus-trap':
    'WCAG 2.1.2 No Keyboard Trap: Tab keeps cycling within a few elements and never reaches the rest of the page (outside a modal dialog).',
  'skip-link-missing':
    'WCAG 2.4.1 Bypass Blocks: the first element Tab reaches should be a link that skips to the main content.',
  'skip-link-broken':
    'WCAG 2.4.1 Bypass Blocks: following the skip link must move keyboard focus into its target.',
  reflow:
    'WCAG 1.4.10 Reflow: at 320 CSS pixels wide, content must fit without scrolling horizontally. This element is wider than the viewport.',
  'text-spacing':
    'WCAG 1.4.12 Text Spacing: with line height 1.5, letter spacing 0.12 em, word spacing 0.16 em and paragraph spacing 2 em, no content may be cut off. This element clips its text.',
  'motion-not-reduced':
    'WCAG 2.2.2 Pause, Stop, Hide (and 2.3.3): with prefers-reduced-motion: reduce, no endless or longer-than-5-second animation should keep running.',
  'forced-colors-focus-invisible':
    'WCAG 2.4.7 in forced colours (Windows contrast themes): box-shadows and background colours are removed, so a focus indicator made only of them disappears. Add a (transparent) outline.',
} as const;
type AuditRule = keyof typeof AUDIT_HELP;

async function helpers(page: Page) {
  await page.evaluate(installHelpers);
}

async function infoOf(page: Page, selector: string): Promise<ElementInfo> {
  return page.evaluate((target) => {
    const element = document.querySelector(target);
    return element && window.__carpetaA11y
      ? window.__carpetaA11y.info(element)
      : { selector: target, html: '', mfe: 'shell', label: target };
  }, selector);
}

function auditFinding(
  engine: Finding['engine'],
  rule: AuditRule,
  element: ElementInfo,
  message: string,
  impact = 'serious',
): Finding {
  return {
    engine,
    rule,
    severity: 'violation',
    impact,
    selector: element.selector,
    html: element.html,
    message,
    help: AUDIT_HELP[rule],
    mfe: element.mfe,
  };
}

/** axe-core's browser build, from node_modules (the version the project's e2e axe checks use). */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  description: string;
  helpUrl: string;
  nodes: Array<{ target: unknown[]; html: string; failureSummary?: string }>;
}

/**
 * axe-core: WCAG 2.1 A/AA and best practices, run in the page itself. (`@axe-core/playwright`
 * finishes each run in a new blank page, for cross-origin frames the portal does not have: 2 s
 * more per page.) Only violations come back: passes would be serialised for nothing.
 */
export async function runAxe(page: Page): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<unknown> } })
      .axe;
    return (await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    })) as { violations: unknown[] };
  }, AXE_TAGS);
  const violations = results.violations as AxeViolation[];
  const findings: Finding[] = [];
  for (const violation of violations) {
    for (const node of violation.nodes) {
      const selector = node.target.map(String).join(' ');
      const info = await infoOf(page, selector);
      findings.push({
        engine: 'axe',
        rule: violation.id,
        severity: 'violation',
        impact: violation.impact ?? undefined,
        selector,
        html: node.html.length > 300 ? `${node.html.slice(0, 300)}…` : node.html,
        message: node.failureSummary ?? violation.help,
        help: `${violation.help}. ${violation.description}`,
        helpUrl: violation.helpUrl,
        mfe: info.mfe,
      });
    }
  }
  return findings;
}

/** Where W3C explains an HTML_CodeSniffer technique code (G18, H37, ARIA6, F68, C15…). */
function techniqueUrl(code: string): string | undefined {
  const technique = code.split('.').find((part) => /^(G|H|F|C|ARIA|SCR)\d+/.test(part));
  if (!technique) return undefined;
  const first = (technique.match(/^(G|H|F|C|ARIA|SCR)\d+/)?.[0] ?? technique).replace(/,.*/, '');
  const folder = first.startsWith('ARIA')
    ? 'aria'
    : first.startsWith('SCR')
      ? 'client-side-script'
      : ({ G: 'general', H: 'html', F: 'failures', C: 'css' } as Record<string, string>)[first[0] ?? ''];
  return `https://www.w3.org/WAI/WCAG21/Techniques/${folder}/${first}`;
}

/**
 * HTML_CodeSniffer (WCAG2AA standard), a second engine with its own rules: its errors are
 * violations, its warnings and notices are listed "to review".
 */
export async function runHtmlcs(page: Page): Promise<Finding[]> {
  const hasIt = await page.evaluate(() => 'HTMLCS' in window);
  // Evaluated through the DevTools protocol, so a Content-Security-Policy does not block it.
  if (!hasIt) await page.evaluate(`${HTMLCS_SOURCE}\n;window.HTMLCS = HTMLCS; true;`);
  const messages = await page.evaluate(
    () =>
      new Promise<
        Array<{
          type: number;
          code: string;
          msg: string;
          info: ReturnType<NonNullable<Window['__carpetaA11y']>['info']>;
        }>
      >((resolve) => {
        const htmlcs = (window as unknown as { HTMLCS: HtmlcsApi }).HTMLCS;
        htmlcs.process('WCAG2AA', document, () => {
          const helpers = window.__carpetaA11y;
          resolve(
            htmlcs.getMessages().map((message) => ({
              type: message.type,
              code: message.code,
              msg: message.msg,
              info:
                helpers && message.element instanceof Element
                  ? helpers.info(message.element)
                  : { selector: 'html', html: '', mfe: 'shell', label: 'document' },
            })),
          );
        });
      }),
  );
  return messages.map((message) => ({
    engine: 'htmlcs',
    rule: message.code,
    severity: message.type === 1 ? 'violation' : 'review',
    impact: message.type === 1 ? 'error' : message.type === 2 ? 'warning' : 'notice',
    selector: message.info.selector,
    // Items to review are many: the report keeps their element's path, not its HTML.
    html: message.type === 1 ? message.info.html : '',
    message: message.msg,
    help: message.type === 1 ? message.msg : '',
    helpUrl: techniqueUrl(message.code),
    mfe: message.info.mfe,
  }));
}

interface HtmlcsApi {
  process(standard: string, content: Document, callback: () => void): void;
  getMessages(): Array<{ type: number; code: string; msg: string; element: unknown }>;
}

interface FocusStop {
  key: string;
  label: string;
  signature: string;
  offscreen: boolean;
  inModal: boolean;
  info: ElementInfo;
}

async function focused(page: Page): Promise<FocusStop | null> {
  return page.evaluate(() => {
    const element = document.activeElement;
    const helpers = window.__carpetaA11y;
    if (!element || !helpers || element === document.body || element === document.documentElement)
      return null;
    const info = helpers.info(element);
    const rect = element.getBoundingClientRect();
    const offscreen =
      rect.right <= 0 ||
      rect.bottom <= 0 ||
      rect.left >= document.documentElement.scrollWidth ||
      rect.top >= Math.max(document.documentElement.scrollHeight, innerHeight) ||
      (rect.width <= 1 && rect.height <= 1);
    return {
      key: info.selector,
      label: info.label,
      signature: helpers.focusSignature(element),
      offscreen,
      inModal: element.closest('[aria-modal="true"], dialog:modal') !== null,
      info,
    };
  });
}

async function signatureOf(page: Page, selector: string): Promise<string | null> {
  return page.evaluate((target) => {
    const element = document.querySelector(target);
    return element && window.__carpetaA11y ? window.__carpetaA11y.focusSignature(element) : null;
  }, selector);
}

/**
 * Puts the sequential focus starting point at the top of the page: a blurred element would
 * otherwise stay the point Tab starts from. A temporary unfocusable-by-Tab marker is focused at the
 * start of <body>; `focusStarted` removes it after the first Tab.
 */
async function focusStart(page: Page) {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur?.();
    const marker = document.createElement('span');
    marker.tabIndex = -1;
    marker.dataset.carpetaA11yStart = '';
    document.body.prepend(marker);
    marker.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  });
}

async function focusStarted(page: Page) {
  await page.evaluate(() => {
    for (const marker of Array.from(document.querySelectorAll('[data-carpeta-a11y-start]'))) marker.remove();
  });
}

/**
 * Presses Tab through the page: records the order, and flags focus that does not show (the element's
 * focused and unfocused styles are the same), that is lost (back to the document before the end) or
 * trapped (a cycle short of the page's focusable elements, outside a modal dialog).
 */
export async function keyboardWalk(
  page: Page,
  options: { maxTabs?: number; engine?: Finding['engine']; skipLink?: boolean; fromFocus?: boolean } = {},
): Promise<CheckResult> {
  const engine = options.engine ?? 'keyboard';
  const invisibleRule: AuditRule =
    engine === 'forced-colors' ? 'forced-colors-focus-invisible' : 'focus-invisible';
  const findings: Finding[] = [];
  const order: string[] = [];
  const { count, last } = await page.evaluate(() => {
    const list = window.__carpetaA11y?.tabbables() ?? [];
    const end = list.at(-1);
    return {
      count: list.length,
      last: end && window.__carpetaA11y ? window.__carpetaA11y.info(end).selector : null,
    };
  });
  const max = Math.min(count + 3, options.maxTabs ?? 80);
  const seen = new Map<string, number>();
  let previous: FocusStop | null = null;
  if (options.fromFocus) {
    previous = await focused(page);
    if (previous) {
      seen.set(previous.key, 0);
      order.push(previous.label);
    }
  } else await focusStart(page);
  for (let step = 0; step < max; step += 1) {
    await page.keyboard.press('Tab');
    if (step === 0) await focusStarted(page);
    const stop = await focused(page);
    // Tab moves between the parts of one control (a date field's day, month, year): the same stop.
    if (stop && previous && stop.key === previous.key) continue;
    // Focus a dialog put on its heading by script may rightly show no ring: only Tab's stops count.
    if (previous && !(options.fromFocus && step === 0)) {
      const unfocused = await signatureOf(page, previous.key);
      if (unfocused !== null && unfocused === previous.signature)
        findings.push(
          auditFinding(
            engine,
            invisibleRule,
            previous.info,
            `No visible change when ${previous.label} has focus.`,
          ),
        );
    }
    if (stop === null) {
      // From a native modal dialog's last control, Tab goes to the browser's own controls: expected.
      if (previous && last !== null && previous.key !== last && !previous.inModal && engine === 'keyboard')
        findings.push(
          auditFinding(
            engine,
            'focus-lost',
            previous.info,
            `After ${previous.label} (stop ${order.length} of ${count}), Tab sent focus to the document.`,
          ),
        );
      break;
    }
    if (seen.has(stop.key)) {
      const cycle = order.slice(seen.get(stop.key));
      if (!stop.inModal && seen.size < count && engine === 'keyboard')
        findings.push(
          auditFinding(
            engine,
            'focus-trap',
            stop.info,
            `Tab cycles through ${cycle.length} element(s) (${cycle.join(', ')}) and never reaches the other ${count - seen.size} focusable element(s).`,
            'critical',
          ),
        );
      break;
    }
    seen.set(stop.key, order.length);
    order.push(stop.label);
    if (stop.offscreen && engine === 'keyboard')
      findings.push(
        auditFinding(engine, 'focus-offscreen', stop.info, `${stop.label} has focus off screen.`),
      );
    previous = stop;
  }
  if (options.skipLink && engine === 'keyboard') findings.push(...(await checkSkipLink(page)));
  return { findings, tabOrder: order };
}

async function checkSkipLink(page: Page): Promise<Finding[]> {
  await focusStart(page);
  await page.keyboard.press('Tab');
  await focusStarted(page);
  const first = await page.evaluate(() => {
    const element = document.activeElement;
    const helpers = window.__carpetaA11y;
    if (!element || !helpers) return null;
    const href = element.getAttribute('href');
    return { info: helpers.info(element), target: href?.startsWith('#') ? href.slice(1) : null };
  });
  const fallback = { selector: 'body', html: '', mfe: 'shell', label: 'body' };
  if (!first || first.target === null || first.target === '')
    return [
      auditFinding(
        'keyboard',
        'skip-link-missing',
        first?.info ?? fallback,
        `The first Tab stop is ${first?.info.label ?? 'nothing'}, not a link to the main content.`,
      ),
    ];
  await page.keyboard.press('Enter');
  const inside = async () =>
    page.evaluate((id) => {
      const target = document.getElementById(decodeURIComponent(id));
      const active = document.activeElement;
      return Boolean(target && active && (target === active || target.contains(active)));
    }, first.target ?? '');
  if (await inside()) return [];
  await page.keyboard.press('Tab');
  if (await inside()) return [];
  return [
    auditFinding(
      'keyboard',
      'skip-link-broken',
      first.info,
      `Following ${first.info.label} did not move focus into #${first.target}.`,
    ),
  ];
}

/** WCAG 1.4.10: no horizontal scroll at the current (320 px) width. */
export async function checkReflow(page: Page): Promise<Finding[]> {
  const result = await page.evaluate(() => {
    const root = document.documentElement;
    const scrolls = root.scrollWidth > root.clientWidth + 1;
    const culprits = scrolls ? (window.__carpetaA11y?.overflowing() ?? []).slice(0, 5) : [];
    return {
      scrolls,
      scrollWidth: root.scrollWidth,
      clientWidth: root.clientWidth,
      culprits: culprits.map((element) => ({
        info: window.__carpetaA11y?.info(element),
        right: Math.round(element.getBoundingClientRect().right),
      })),
    };
  });
  if (!result.scrolls) return [];
  const page0 = { selector: 'html', html: '', mfe: 'shell', label: 'html' };
  const culprits =
    result.culprits.length > 0 ? result.culprits : [{ info: page0, right: result.scrollWidth }];
  return culprits.map((culprit) =>
    auditFinding(
      'reflow',
      'reflow',
      culprit.info ?? page0,
      `The page scrolls horizontally (${result.scrollWidth} px of content in ${result.clientWidth} px); this element reaches ${culprit.right} px.`,
    ),
  );
}

/** WCAG 1.4.12: the overrides applied, no element newly clips its text. */
export async function checkTextSpacing(page: Page): Promise<Finding[]> {
  const before = await page.evaluate(() =>
    (window.__carpetaA11y?.clipped() ?? []).map((element) => window.__carpetaA11y?.info(element).selector),
  );
  const clipped = await page.evaluate(async () => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(
      '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }',
    );
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const result = (window.__carpetaA11y?.clipped() ?? []).map((element) =>
      window.__carpetaA11y?.info(element),
    );
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((item) => item !== sheet);
    return result;
  });
  const earlier = new Set(before);
  return clipped
    .filter((info): info is ElementInfo => info !== undefined && !earlier.has(info.selector))
    .map((info) => auditFinding('text-spacing', 'text-spacing', info, `${info.label} cuts off its text.`));
}

/** With prefers-reduced-motion: reduce, nothing animates endlessly or for more than 5 s. */
export async function checkMotion(page: Page): Promise<Finding[]> {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  try {
    const running = await page.evaluate(async () => {
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return document
        .getAnimations()
        .filter((animation) => {
          if (animation.playState !== 'running') return false;
          const timing = animation.effect?.getComputedTiming();
          const total = Number(timing?.activeDuration ?? 0);
          return timing?.iterations === Number.POSITIVE_INFINITY || total > 5000;
        })
        .map((animation) => {
          const target = (animation.effect as KeyframeEffect | null)?.target;
          return target && window.__carpetaA11y
            ? window.__carpetaA11y.info(target)
            : { selector: 'html', html: '', mfe: 'shell', label: 'document' };
        });
    });
    return running.map((info) =>
      auditFinding(
        'motion',
        'motion-not-reduced',
        info,
        `${info.label} keeps animating with reduced motion asked.`,
      ),
    );
  } finally {
    await page.emulateMedia({ reducedMotion: null });
  }
}

/** Forced colours: the first Tab stops must still show focus. */
export async function checkForcedColors(page: Page, maxTabs = 15): Promise<Finding[]> {
  await page.emulateMedia({ forcedColors: 'active' });
  try {
    return (await keyboardWalk(page, { maxTabs, engine: 'forced-colors' })).findings;
  } finally {
    await page.emulateMedia({ forcedColors: null });
  }
}

/** Outlines each of the first violations' elements and keeps a PNG of it (base64). */
export async function screenshotFindings(page: Page, findings: Finding[], limit: number): Promise<void> {
  let taken = 0;
  for (const finding of findings) {
    if (taken >= limit) break;
    if (finding.severity !== 'violation' || finding.selector === 'html' || finding.selector === 'body')
      continue;
    const box = await page.evaluate((selector) => {
      const element = document.querySelector(selector) as HTMLElement | null;
      if (!element) return null;
      element.scrollIntoView({ block: 'center', inline: 'nearest' });
      element.dataset.carpetaA11yOutline = element.style.outline;
      element.style.outline = '4px solid #d4006a';
      element.style.outlineOffset = '2px';
      const rect = element.getBoundingClientRect();
      return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
    }, finding.selector);
    if (!box) continue;
    try {
      const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
      const margin = 40;
      const x = Math.max(0, box.x - margin);
      const y = Math.max(0, box.y - margin);
      const width = Math.max(1, Math.min(viewport.width - x, box.width + margin * 2));
      const height = Math.max(1, Math.min(viewport.height - y, box.height + margin * 2, 600));
      const image =
        box.width > 0 && box.height > 0 && x < viewport.width && y < viewport.height
          ? await page.screenshot({ clip: { x, y, width, height }, animations: 'disabled' })
          : await page.screenshot({ animations: 'disabled' });
      finding.screenshot = image.toString('base64');
      taken += 1;
    } finally {
      await page.evaluate((selector) => {
        const element = document.querySelector(selector) as HTMLElement | null;
        if (!element) return;
        element.style.outline = element.dataset.carpetaA11yOutline ?? '';
        element.style.outlineOffset = '';
        delete element.dataset.carpetaA11yOutline;
      }, finding.selector);
    }
  }
}

/** Every check the options ask for, on the page as it is now. */
export async function auditPage(page: Page, options: CheckOptions = {}): Promise<CheckResult> {
  await helpers(page);
  const findings: Finding[] = [];
  findings.push(...(await runAxe(page)));
  findings.push(...(await runHtmlcs(page)));
  if (options.reflow) findings.push(...(await checkReflow(page)));
  if (options.textSpacing) findings.push(...(await checkTextSpacing(page)));
  if (options.motion) findings.push(...(await checkMotion(page)));
  let tabOrder: string[] = [];
  if (options.keyboard) {
    const walk = await keyboardWalk(page, {
      maxTabs: options.maxTabs,
      skipLink: options.skipLink,
      fromFocus: options.walkFromFocus,
    });
    findings.push(...walk.findings);
    tabOrder = walk.tabOrder;
  }
  if (options.forcedColors) findings.push(...(await checkForcedColors(page)));
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur?.();
    window.scrollTo(0, 0);
  });
  await screenshotFindings(page, findings, options.screenshots ?? 8);
  return { findings, tabOrder };
}
