import {
  INLINE_MANIFEST_ID,
  INLINE_SESSION_ID,
  type Language,
  languageTag,
  type ManifestEntry,
  routeMatches,
  type SessionResponse,
  type ShellRenderer,
  type Theme,
} from '@carpeta/sdk';
import { FEDERATION_CHUNKS_COMMENT, LANGUAGE_CHUNKS_COMMENT } from '@carpeta/sdk/page';
import type { ManifestView } from '../audience/service.ts';
import { overrideBanner } from '../rollout/banner.ts';
import type { RemoteAssets } from './remote-assets.ts';

/*
 * The shell's page, made for the request's session:
 * - the shell's layout as HTML (shell/src/render.tsx), in the citizen's language and theme, so the
 *   header, the navigation and the page's own content paint before any script arrives;
 * - the citizen's manifest and session inlined (the shell reads them instead of asking
 *   `/mfes.json` and `/api/session` before its first render);
 * - modulepreload hints for the remote of the route the page opens on, so that the MFE's scripts
 *   arrive beside the shell's instead of after the manifest, the remote entry and its imports, one
 *   round trip each;
 * - a modulepreload hint for the shell's messages in the page's language, when they are a chunk of
 *   their own (every language but Spanish), so the shell's first render does not wait for them.
 */

/** JSON that can sit inside a `<script>` element: no `<` can close it or open a comment. */
export function scriptSafeJson(json: string): string {
  return json.replaceAll('<', '\\u003c');
}

function attribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}

/** The entry the page's path opens on, if the viewer may load it now. */
export function firstRouteEntry(view: ManifestView, pathname: string): ManifestEntry | undefined {
  return view.mfes.find((entry) => routeMatches(entry.route, pathname) && view.loadable(entry));
}

const LANGUAGE_CHUNKS = new RegExp(`<!--${LANGUAGE_CHUNKS_COMMENT} ([^<>]*?)-->`);
const FEDERATION_CHUNKS = new RegExp(`[ \\t]*<!--${FEDERATION_CHUNKS_COMMENT} ([^<>]*?)-->\\n?`);
/** A script of the shell's own origin, as its build names one: `/assets/x.js`. */
const SHELL_SCRIPT = /^\/(?!\/)[\w./-]+\.js$/;

function parsed(json: string | undefined): unknown {
  try {
    return JSON.parse(json ?? '');
  } catch {
    return undefined;
  }
}

function preloadHint(path: string): string {
  return `<link rel="modulepreload" crossorigin href="${attribute(path)}">`;
}

/**
 * The shell's built page, read once: it is the same for every request until the shell is rebuilt,
 * so its list of its messages' chunks (`LANGUAGE_CHUNKS_COMMENT`) is found and parsed once, not on
 * every page.
 */
export interface ShellPage {
  /** The page as the shell built it. */
  readonly html: string;
  /** The page, without the federation list, before and after the languages list (all before, if none). */
  readonly parts: readonly [string, string];
  /** Language → the modulepreload hint of its messages' chunk, for each the list names readably. */
  readonly hints: ReadonlyMap<string, string>;
  /**
   * The modulepreload hints of the shell's federation host (`FEDERATION_CHUNKS_COMMENT`), for the
   * pages that open on an MFE's route.
   */
  readonly federationHints: readonly string[];
}

/**
 * Reads the shell's page: its list of messages' chunks becomes one hint per language, and nothing
 * of a list that is not what the shell writes (not JSON, not an object, a value that is not a plain
 * `/….js` path). The comment itself never reaches a page.
 */
export function readShellPage(built: string): ShellPage {
  const federation = FEDERATION_CHUNKS.exec(built);
  const federationHints: string[] = [];
  const chunkList = federation ? parsed(federation[1]) : undefined;
  if (Array.isArray(chunkList)) {
    for (const path of chunkList)
      if (typeof path === 'string' && SHELL_SCRIPT.test(path)) federationHints.push(preloadHint(path));
  }
  const html = federation ? built.replace(federation[0], '') : built;
  const found = LANGUAGE_CHUNKS.exec(html);
  if (!found) return { html: built, parts: [html, ''], hints: new Map(), federationHints };
  const hints = new Map<string, string>();
  const chunks = parsed(found[1]);
  if (typeof chunks === 'object' && chunks !== null && !Array.isArray(chunks)) {
    for (const [language, path] of Object.entries(chunks)) {
      if (typeof path === 'string' && SHELL_SCRIPT.test(path)) hints.set(language, preloadHint(path));
    }
  }
  const end = found.index + found[0].length;
  return { html: built, parts: [html.slice(0, found.index), html.slice(end)], hints, federationHints };
}

/**
 * The shell's page with one modulepreload hint, for the messages of `language`, where its list was;
 * no hint for Spanish (in the shell's entry), for a language the list does not name, or for a list
 * that could not be read.
 */
export function withLanguageChunk(page: ShellPage, language: Language | undefined): string {
  const [before, after] = page.parts;
  const hint = (language && page.hints.get(language)) ?? '';
  return `${before}${hint}${after}`;
}

/** What the page's layout is rendered from, besides the manifest. */
export interface PageShell {
  render: ShellRenderer;
  session: SessionResponse;
  language: Language;
  theme: Theme;
  /** The query string with its "?", or "". */
  search: string;
  /** Told when the render fails: the page is then served as the shell built it, and still works. */
  onError(error: unknown): void;
}

/**
 * The shell's layout in `#root`, the page's language and theme on `<html>`, and the session as
 * JSON. `#root` says which language and theme its HTML is in: the shell takes it over only when its
 * own choice is the same (a choice kept from before the cookie existed renders afresh).
 */
function withShell(html: string, shell: PageShell, view: ManifestView, pathname: string): string {
  let markup: string;
  try {
    markup = shell.render({
      pathname,
      search: shell.search,
      language: shell.language,
      theme: shell.theme,
      // The document `view.body` serialises, without parsing it back.
      manifest: { version: 1, mfes: view.mfes, rejected: view.rejected, audience: view.audience },
      session: shell.session,
    });
  } catch (error) {
    shell.onError(error);
    return html;
  }
  const root = '<div id="root"></div>';
  const htmlTag = /<html lang="[^"]*">/;
  if (!html.includes(root) || !htmlTag.test(html)) return html;
  const theme = shell.theme === 'system' ? '' : ` data-theme="${attribute(shell.theme)}"`;
  const session = `<script type="application/json" id="${INLINE_SESSION_ID}">${scriptSafeJson(JSON.stringify(shell.session))}</script>`;
  // Functions, not strings: a `$&` in a citizen's name is text, not a replacement pattern.
  return html
    .replace(htmlTag, () => `<html lang="${attribute(languageTag(shell.language))}"${theme}>`)
    .replace(
      root,
      () =>
        `<div id="root" data-language="${attribute(shell.language)}" data-theme="${attribute(shell.theme)}">${markup}</div>\n    ${session}`,
    );
}

export function renderPage(
  shellPage: ShellPage,
  options: {
    view: ManifestView | null | undefined;
    pathname: string;
    assets: RemoteAssets;
    shell?: PageShell | undefined;
  },
): string {
  const { view } = options;
  const scripts = withLanguageChunk(shellPage, options.shell?.language);
  if (!view) return scripts;
  let page = options.shell ? withShell(scripts, options.shell, view, options.pathname) : scripts;
  // A developer's override (never in production) is announced on every page, outside #root.
  const banner = overrideBanner(view.mfes, options.shell?.language ?? 'es', options.pathname);
  // At the end, so the skip link stays the page's first stop; it sticks to the bottom of the window.
  if (banner) page = page.replace('</body>', () => `  ${banner}\n  </body>`);
  const lines = [
    `<script type="application/json" id="${INLINE_MANIFEST_ID}">${scriptSafeJson(view.body)}</script>`,
  ];
  const entry = firstRouteEntry(view, options.pathname);
  if (entry) {
    // The shell's federation host first: the remote's entry is imported through it.
    lines.push(...shellPage.federationHints);
    // The MFE's messages in the page's language too, when it loads them on demand.
    for (const url of options.assets.preloads(entry, options.shell?.language)) {
      const integrity =
        url === entry.remote.entry && entry.integrity ? ` integrity="${attribute(entry.integrity)}"` : '';
      lines.push(`<link rel="modulepreload" crossorigin href="${attribute(url)}"${integrity}>`);
    }
  }
  // At the end of the body, with the shell's scripts (shell/build/first-route.ts `scriptsLast`): the
  // layout above arrives before any script shares the network with it.
  const body = page.lastIndexOf('</body>');
  const at = body === -1 ? page.indexOf('</head>') : body;
  if (at === -1) return page;
  return `${page.slice(0, at)}    ${lines.join('\n    ')}\n  ${page.slice(at)}`;
}
