import { CATALOGUES, type Language, LANGUAGE_TAGS, LANGUAGES, type Messages } from './messages.ts';

/*
 * Server-rendered pages of the simulated identity provider: plain HTML forms styled with the
 * design system's framework-free CSS, served from the provider's own origin. No inline style or
 * script, so the Content-Security-Policy below holds.
 */

export const THEMES = ['system', 'light', 'dark', 'high-contrast'] as const;
export type Theme = (typeof THEMES)[number];

export function isTheme(value: unknown): value is Theme {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value);
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and double- or single-quoted attributes. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

/** Tagged template that escapes every interpolated value unless it is already `Html`. */
export class Html {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

type Part = Html | string | number | undefined | null | false | readonly Part[];

function render(part: Part): string {
  if (part === undefined || part === null || part === false) return '';
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return new Html(out);
}

/** Content-Security-Policy of every page: same-origin CSS and script only; forms may post to the portal's redirect. */
export function contentSecurityPolicy(formTargets: readonly string[]): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    `form-action 'self' ${formTargets.join(' ')}`.trim(),
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export interface ErrorItem {
  /** Id of the field (for a radio group, its first input). */
  href: string;
  text: string;
}

export interface PageOptions {
  lang: Language;
  theme: Theme;
  /** The h1's text: the document title is built from it. */
  title: string;
  main: Html;
  errors?: readonly ErrorItem[];
  /** The URL of this page in another language; no switch when omitted. */
  languageHref?: (language: Language) => string;
  /** The paths of the provider's stylesheet, script and icon (`loadAssets`). */
  assets: { css: string; js: string; icon?: string };
}

export function messagesFor(lang: Language): Messages {
  return CATALOGUES[lang];
}

export function errorSummary(m: Messages, errors: readonly ErrorItem[]): Html {
  if (errors.length === 0) return html``;
  return html`<div class="cp-error-summary" role="alert" tabindex="-1" autofocus data-error-summary>
  <h2 class="cp-error-summary__title">${m.errorSummaryTitle}</h2>
  <ul class="cp-error-summary__list">
    ${errors.map((error) => html`<li><a class="cp-error-summary__link" href="#${error.href}">${error.text}</a></li>`)}
  </ul>
</div>`;
}

/** A field's error message, read with the control through aria-describedby. */
export function errorMessage(m: Messages, id: string, text: string | undefined): Html {
  if (!text) return html``;
  return html`<p class="cp-error-message" id="${id}"><span class="cp-visually-hidden">${m.errorPrefix} </span>${text}</p>`;
}

/** The whole document around a page's main content. */
export function renderPage(options: PageOptions): string {
  const m = messagesFor(options.lang);
  const errors = options.errors ?? [];
  const title = `${errors.length > 0 ? m.errorTitlePrefix : ''}${options.title} – ${m.titleSuffix}`;
  const others = LANGUAGES.filter((language) => language !== options.lang);
  const switcher =
    options.languageHref && others.length > 0
      ? html`<nav class="idp-language" aria-label="${m.languageNav}">
          <ul class="cp-list-plain idp-language__list">
            ${others.map((language) => {
              const href = options.languageHref?.(language) ?? '#';
              return html`<li><a class="cp-link idp-language__link" href="${href}" lang="${LANGUAGE_TAGS[language]}" hreflang="${LANGUAGE_TAGS[language]}">${CATALOGUES[language].languageName}</a></li>`;
            })}
          </ul>
        </nav>`
      : html``;
  const themeAttribute = options.theme === 'system' ? '' : ` data-theme="${escapeHtml(options.theme)}"`;
  return `<!DOCTYPE html>
<html lang="${escapeHtml(LANGUAGE_TAGS[options.lang])}"${themeAttribute}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${escapeHtml(options.assets.css)}">
${options.assets.icon ? `<link rel="icon" type="image/svg+xml" href="${escapeHtml(options.assets.icon)}">\n` : ''}<script src="${escapeHtml(options.assets.js)}" defer></script>
</head>
<body>
<div class="cp-page">
<a class="cp-skip-link" href="#main-content">${escapeHtml(m.skipLink)}</a>
${html`<header class="cp-header">
  <div class="cp-width-container cp-header__container">
    <div class="cp-header__brand">
      <span class="cp-header__service idp-brand">${m.serviceName}</span>
      <strong class="cp-tag cp-tag--warning">${m.simulatedTag}</strong>
    </div>
    <div class="cp-header__actions">${switcher}</div>
  </div>
  <div class="cp-width-container">
    <p class="idp-note">${m.simulatedNote}</p>
  </div>
</header>`}
<main class="cp-main" id="main-content" tabindex="-1">
  <div class="cp-width-container">
    ${errorSummary(m, errors)}
    ${options.main}
  </div>
</main>
${html`<footer class="cp-footer">
  <div class="cp-width-container cp-footer__container">
    <div class="cp-footer__meta"><p>${m.footerNote}</p></div>
  </div>
</footer>`}
</div>
</body>
</html>
`;
}
