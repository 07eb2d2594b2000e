import { describe, expect, it } from 'vitest';
import { html, renderPage } from './html.ts';
import { languageFromUiLocales } from './messages.ts';

describe('the identity provider languages', () => {
  it('follow OIDC ui_locales, Valencian as the valencia variant of Catalan', () => {
    expect(languageFromUiLocales('ca-ES-valencia es')).toBe('va');
    expect(languageFromUiLocales('ca-ES')).toBe('ca');
    expect(languageFromUiLocales('fr eu-ES')).toBe('eu');
    expect(languageFromUiLocales('gl')).toBe('gl');
    expect(languageFromUiLocales('fr')).toBeUndefined();
  });

  it('tag the page and the language links with BCP 47 tags', () => {
    const page = renderPage({
      lang: 'va',
      title: 'Prova',
      theme: 'system',
      main: html`<p>Prova</p>`,
      languageHref: (language) => `/x?lang=${language}`,
      assets: { css: '/idp.css', js: '/idp.js' },
    });
    expect(page).toContain('<html lang="ca-ES-valencia"');
    expect(page).toContain('lang="eu" hreflang="eu">Euskara</a>');
    expect(page).toContain('Salta al contingut principal');
  });
});
