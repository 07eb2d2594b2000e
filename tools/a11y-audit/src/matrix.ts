import { LANGUAGES, type Language } from '@carpeta/sdk';
import type { PageChecks, PageSpec, Theme } from './types.ts';

export const THEMES: Theme[] = ['light', 'dark', 'high-contrast'];
export const WIDTHS = [1280, 320] as const;

/** A visitor's routes: what its manifest offers, plus the shell's own pages. */
export interface VisitorRoutes {
  visitor: string;
  /** Gets every language, theme and width (the others: Spanish, light, 1280 px). */
  primary: boolean;
  paths: string[];
}

/** The choice of pages, written into the report so a reader knows what was (not) covered. */
// No test citizen is named: the summary is committed and shipped with the statement page.
export const MATRIX_DESCRIPTION = [
  'Primary visitors (anonymous, and the demo citizen): every route of their manifest and the shell’s pages, in every portal language in the light theme at 1280 px (axe, HTML_CodeSniffer, text spacing).',
  'The same routes in Spanish in the light, dark and high-contrast themes at 1280 and 320 px (320 px adds the reflow check).',
  'Spanish, light theme: the keyboard walk (tab order, invisible, lost and trapped focus, skip link) at 1280 and 320 px; reduced motion and forced colours at 1280 px.',
  'Every other test citizen (four citizens, the maintainer and the test-only hostile-data citizen) and the demo citizen acting for another: every route of their own manifest in Spanish, light, 1280 px (different data: empty lists, long and hostile strings, other audiences and roles).',
  'Key states of the MFEs, in Spanish, light, 1280 px: an open dialog, forms with errors, a partial-source warning with an empty list (the DEHú down).',
  'Not the full cross-product: languages change words (length, lang attributes), not layout or colours, so themes and widths are checked once per route in Spanish; other visitors reuse the same pages with their own data.',
];

function slug(path: string): string {
  return path === '/' ? 'root' : path.replace(/^\//, '').replace(/[^a-z0-9]+/gi, '-');
}

export function pageId(spec: Omit<PageSpec, 'id' | 'checks'>): string {
  return [spec.visitor, slug(spec.path), spec.language, spec.theme, spec.width, spec.state ?? '']
    .filter((part) => part !== '')
    .join('|');
}

export function buildMatrix(
  visitors: VisitorRoutes[],
  languages: readonly Language[] = LANGUAGES,
): PageSpec[] {
  const specs: PageSpec[] = [];
  const add = (spec: Omit<PageSpec, 'id'>) => specs.push({ ...spec, id: pageId(spec) });
  for (const { visitor, primary, paths } of visitors) {
    for (const path of paths) {
      if (!primary) {
        add({ path, visitor, language: 'es', theme: 'light', width: 1280, checks: { textSpacing: true } });
        continue;
      }
      for (const language of languages) {
        const deep: PageChecks =
          language === 'es' ? { keyboard: true, skipLink: true, motion: true, forcedColors: true } : {};
        add({ path, visitor, language, theme: 'light', width: 1280, checks: { textSpacing: true, ...deep } });
      }
      for (const theme of THEMES)
        for (const width of WIDTHS) {
          if (theme === 'light' && width === 1280) continue;
          const keyboard = theme === 'light' && width === 320 ? { keyboard: true, skipLink: true } : {};
          add({ path, visitor, language: 'es', theme, width, checks: { reflow: width <= 320, ...keyboard } });
        }
    }
  }
  return specs;
}

/** Which manifest entry a path belongs to (the longest route that holds it), or the shell. */
export function mfeForPath(path: string, routes: Array<{ id: string; route: string }>): string {
  let best: { id: string; route: string } | undefined;
  for (const entry of routes) {
    const matches =
      entry.route === '/' ? path === '/' : path === entry.route || path.startsWith(`${entry.route}/`);
    if (matches && (!best || entry.route.length > best.route.length)) best = entry;
  }
  return best?.id ?? 'shell';
}
