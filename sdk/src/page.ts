import type { Language } from './languages.ts';
import type { SessionResponse } from './domain.ts';

/*
 * What the gateway puts in the shell's page so that it paints before any script runs: the shell's
 * chrome as HTML in the citizen's language and theme, and, beside the manifest, the session the
 * shell would otherwise ask `/api/session` for before its first render.
 */

/** The id of the element (JSON) in which the gateway puts the page's session, as `/api/session` answers. */
export const INLINE_SESSION_ID = 'carpeta-session';

/** The header on every page the gateway makes: `signed-in` or `anonymous` (the service worker keeps only the first privately). */
export const PAGE_SESSION_HEADER = 'x-carpeta-session';

/**
 * The header the gateway puts on a signed-in page and on every answer of the API to a session: when
 * that session ends (its idle or absolute limit, whichever is first) unless it is used again. The
 * service worker deletes the private copies it kept once that passes, even offline.
 */
export const SESSION_EXPIRES_HEADER = 'x-carpeta-session-expires';

/**
 * The HTML comment in which the shell's built page lists the chunk of its messages in each language
 * but Spanish (`<!--carpeta:language-chunks {"en":"/assets/en-….js",…}-->`). The gateway turns it
 * into one modulepreload hint, for the language it makes the page in, so that those messages come
 * with the shell's other scripts instead of after them.
 */
export const LANGUAGE_CHUNKS_COMMENT = 'carpeta:language-chunks';

/**
 * The HTML comment in which the shell's built page lists the chunks of its Module Federation host
 * (the federation runtime and the shared modules it hands to remotes), which the shell imports with
 * the first remote (`<!--carpeta:federation-chunks ["/assets/federation-host-….js",…]-->`). The
 * gateway turns it into modulepreload hints on the pages that open on an MFE's route, and drops it
 * from the others: a page without a remote never downloads them.
 */
export const FEDERATION_CHUNKS_COMMENT = 'carpeta:federation-chunks';

/**
 * The scripts a page names, in its order, as its attributes write them (`/assets/….js`, or a
 * remote's absolute URL): each `<script>`'s `src` and each `<link>`'s `href` that ends in `.js`,
 * its module script and its modulepreload hints. The browser asks for these at once; what they
 * import it finds a round trip later.
 */
export function scriptsInPage(html: string): string[] {
  const scripts: string[] = [];
  for (const match of html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+\.js)"/g))
    if (match[1]) scripts.push(match[1]);
  return scripts;
}

/** The User Timing mark the shell sets once its layout is rendered in the browser and answers. */
export const SHELL_INTERACTIVE_MARK = 'carpeta:shell-interactive';

/** Cookies that carry the citizen's choices to the gateway, so the page is made in them. Not secret. */
export const LANGUAGE_COOKIE = 'carpeta_lang';
export const THEME_COOKIE = 'carpeta_theme';

/** The appearances the portal offers; "system" follows `prefers-color-scheme`. */
export const THEMES = ['system', 'light', 'dark', 'high-contrast'] as const;
export type Theme = (typeof THEMES)[number];

export function isTheme(value: unknown): value is Theme {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value);
}

/** What the shell's server render needs: everything its first render in the browser reads. */
export interface ShellRenderInput {
  pathname: string;
  /** The query string with its "?", or "". */
  search: string;
  language: Language;
  theme: Theme;
  /** The manifest document as `/mfes.json` serves it (parsed JSON). */
  manifest: unknown;
  session: SessionResponse;
}

/** The shell's server render (`shell/dist-server/render.js`): the HTML inside `#root`. */
export type ShellRenderer = (input: ShellRenderInput) => string;
