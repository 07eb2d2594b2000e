import { type Language, languageTag, localize, type ManifestEntry } from '@carpeta/sdk';
import { fill, OVERRIDE_TEXTS } from './texts.ts';

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** The path a reset returns to: a path of this portal, nothing else. */
export function safeReturnPath(value: unknown): string {
  return typeof value === 'string' &&
    value.startsWith('/') &&
    !value.startsWith('//') &&
    !value.includes('\\')
    ? value.slice(0, 500)
    : '/';
}

/**
 * The banner every page carries while a developer's override is active: outside the shell's root
 * (its layout is taken over untouched), no script, a form that resets every override at once.
 * Empty when no entry of the page's manifest is overridden.
 */
export function overrideBanner(mfes: readonly ManifestEntry[], language: Language, pathname: string): string {
  const overridden = mfes.filter((entry) => entry.variant === 'override');
  if (overridden.length === 0) return '';
  const t = OVERRIDE_TEXTS[language];
  const list = overridden
    .map((entry) => `${localize(entry.title, language)} → ${entry.remote.entry}`)
    .join(', ');
  return [
    `<div class="cp-dev-override" role="region" aria-label="${escapeHtml(t.bannerLabel)}" lang="${languageTag(language)}" data-dev-override="${escapeHtml(overridden.map((entry) => entry.id).join(' '))}" style="position:sticky;bottom:0;z-index:1000;background:#ffe866;color:#1a1a1a;border-top:3px solid #1a1a1a;padding:0.5rem 1rem;display:flex;flex-wrap:wrap;gap:0.5rem 1rem;align-items:center;font-family:system-ui,sans-serif">`,
    `<p style="margin:0">${escapeHtml(fill(t.bannerText, { list }))}</p>`,
    `<form method="post" action="/dev/overrides/reset" style="margin:0"><input type="hidden" name="return" value="${escapeHtml(safeReturnPath(pathname))}"><button type="submit" style="font:inherit;padding:0.25rem 0.75rem;background:#fff;color:#1a1a1a;border:2px solid #1a1a1a;border-radius:4px;cursor:pointer">${escapeHtml(t.reset)}</button></form>`,
    `<a href="/dev/overrides" style="color:#1a1a1a">${escapeHtml(t.manage)}</a>`,
    '</div>',
  ].join('');
}
