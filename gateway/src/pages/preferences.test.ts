import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { pagePreferences } from './preferences.ts';

function request(parts: {
  query?: Record<string, string>;
  cookies?: Record<string, string>;
  acceptLanguage?: string;
}): FastifyRequest {
  return {
    query: parts.query ?? {},
    cookies: parts.cookies ?? {},
    headers: parts.acceptLanguage ? { 'accept-language': parts.acceptLanguage } : {},
  } as unknown as FastifyRequest;
}

describe('the language and theme of a page', () => {
  it('follows ?lang=, then the kept choice, then the browser, then Spanish', () => {
    expect(
      pagePreferences(request({ query: { lang: 'gl' }, cookies: { carpeta_lang: 'eu' } })).language,
    ).toBe('gl');
    expect(pagePreferences(request({ cookies: { carpeta_lang: 'eu' }, acceptLanguage: 'en' })).language).toBe(
      'eu',
    );
    // By quality, not by order: Valencian (ca-ES-valencia) before English.
    expect(
      pagePreferences(request({ acceptLanguage: 'fr;q=1, en;q=0.5, ca-ES-valencia;q=0.8' })).language,
    ).toBe('va');
    expect(pagePreferences(request({ acceptLanguage: 'fr, de' })).language).toBe('es');
    expect(pagePreferences(request({})).language).toBe('es');
  });

  it('ignores what is not a language or a theme', () => {
    const prefs = pagePreferences(
      request({ query: { lang: '<x>' }, cookies: { carpeta_lang: 'xx', carpeta_theme: 'neon' } }),
    );
    expect(prefs).toEqual({ language: 'es', theme: 'system' });
    expect(pagePreferences(request({ cookies: { carpeta_theme: 'high-contrast' } })).theme).toBe(
      'high-contrast',
    );
  });
});
