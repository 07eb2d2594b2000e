import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { storybookThemes } from '../../.storybook/themes.ts';
import { init } from '../behaviours/index.ts';
import '../styles.css';
import type { ComponentExamples } from './examples.tsx';

// The framework-free HTML generated from the stories (scripts/html-examples.ts, run by this
// project's global setup) as a non-React MFE would use it: axe-clean in every theme, and driven by
// the behaviour module without React.
const generated = import.meta.glob<ComponentExamples[]>('../../html/examples.json', {
  eager: true,
  import: 'default',
});
const examples = Object.values(generated)[0] ?? [];
const componentFolders = Object.keys(import.meta.glob('../components/*/*.stories.tsx')).map(
  (file) => file.split('/').at(-2) ?? file,
);

/** Parses generated markup into nodes (DOMParser, never innerHTML). */
function nodes(html: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
  return [...parsed.body.childNodes].map((node) => document.importNode(node, true));
}

function mountAll(): HTMLElement {
  // Not a <main>: some examples hold a whole page's landmarks (the skip link's target is a main).
  const main = document.createElement('div');
  const title = document.createElement('h1');
  title.textContent = 'HTML sin framework';
  main.append(title);
  for (const entry of examples) {
    for (const example of entry.examples) {
      // A plain container, not a landmark: some examples are landmarks themselves (a main).
      const section = document.createElement('div');
      section.dataset.example = `${entry.component} / ${example.name}`;
      const heading = document.createElement('h2');
      heading.textContent = `${entry.component}: ${example.name}`;
      section.append(heading, ...nodes(example.html));
      main.append(section);
    }
  }
  document.body.append(main);
  return main;
}

afterEach(() => {
  document.body.replaceChildren();
  delete document.documentElement.dataset.theme;
});

describe('the framework-free HTML generated from the React components', () => {
  it('exists for every component, with every example rendered', () => {
    expect(examples.map((entry) => entry.component).sort()).toEqual([...componentFolders].sort());
    for (const entry of examples) {
      expect(entry.examples.length, entry.component).toBeGreaterThan(0);
      for (const example of entry.examples)
        expect(example.html, `${entry.component} ${example.name}`).toMatch(/^</);
    }
  });

  for (const theme of storybookThemes) {
    it(`passes axe (WCAG 2.1 A/AA and best practices) in the ${theme} theme`, async () => {
      document.documentElement.lang = 'es';
      if (theme !== 'light') document.documentElement.dataset.theme = theme;
      const main = mountAll();
      const results = await axe.run(main, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
        // "One per page" rules are off: every example shares this page, so the header, footer
        // and navigation examples repeat landmarks that each example alone has once (Storybook's
        // axe run checks each story on its own, with the same rules off as here for a fragment).
        rules: Object.fromEntries(
          [
            'region',
            'landmark-one-main',
            'landmark-unique',
            'landmark-no-duplicate-banner',
            'landmark-no-duplicate-contentinfo',
            'landmark-no-duplicate-main',
          ].map((rule) => [rule, { enabled: false }]),
        ),
      });
      const found = results.violations.flatMap((violation) =>
        violation.nodes.map((node) => {
          const element = document.querySelector(String(node.target[0]));
          const example = element?.closest<HTMLElement>('[data-example]')?.dataset.example ?? '?';
          return `${example}: ${violation.id} (${node.target.join(' ')})`;
        }),
      );
      expect(found).toEqual([]);
      // Every example of every component on one page: axe takes seconds, more while the other
      // browser projects (the stories in three themes) run beside it. A limit, not a measure.
    }, 60_000);
  }

  it('works without React: the behaviours drive the generated tabs and dialog', async () => {
    const main = mountAll();
    const dispose = init(main);
    const tab = main.querySelector<HTMLElement>(
      '[data-example="Tabs / Automatic"] [role="tab"][aria-selected="false"]',
    );
    tab?.click();
    expect(tab?.getAttribute('aria-selected')).toBe('true');
    expect(document.getElementById(tab?.getAttribute('aria-controls') ?? '')?.hidden).toBe(false);

    const opener = main.querySelector<HTMLElement>('[data-example="Dialog / Open"] [aria-haspopup="dialog"]');
    const dialog = document.getElementById(opener?.getAttribute('aria-controls') ?? '') as HTMLDialogElement;
    opener?.focus();
    opener?.click();
    expect(dialog.open).toBe(true);
    expect(document.activeElement).toBe(dialog.querySelector('.cp-dialog__title'));
    dialog.querySelector<HTMLElement>('[data-cp-dialog-close]')?.click();
    expect(dialog.open).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.activeElement).toBe(opener);
    dispose();
  });
});
