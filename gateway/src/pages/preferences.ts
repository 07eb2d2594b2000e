import {
  DEFAULT_LANGUAGE,
  isLanguage,
  isTheme,
  LANGUAGE_COOKIE,
  type Language,
  languageFromPreferences,
  THEME_COOKIE,
  type Theme,
} from '@carpeta/sdk';
import type { FastifyRequest } from 'fastify';
import Negotiator from 'negotiator';

/**
 * The language and theme a page is made in, chosen as the shell chooses them in the browser
 * (shell/src/stores.ts): `?lang=`, then the citizen's last choice (a cookie the shell keeps beside
 * its storage), then the browser's preferences (Accept-Language, as `navigator.languages`), then
 * Spanish; the theme the citizen chose, or the system's.
 */
export function pagePreferences(request: FastifyRequest): { language: Language; theme: Theme } {
  const query = request.query as Record<string, unknown> | undefined;
  const cookies = request.cookies ?? {};
  const fromQuery = query?.lang;
  const fromCookie = cookies[LANGUAGE_COOKIE];
  const language = isLanguage(fromQuery)
    ? fromQuery
    : isLanguage(fromCookie)
      ? fromCookie
      : (languageFromPreferences(new Negotiator({ headers: request.headers }).languages()) ??
        DEFAULT_LANGUAGE);
  const theme = cookies[THEME_COOKIE];
  return { language, theme: isTheme(theme) ? theme : 'system' };
}
