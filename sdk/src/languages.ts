/**
 * Languages the portal speaks: Spain's six portal languages. Spanish is the default and the
 * reference every catalogue is checked against; adding a language is adding its code here, its
 * tags below and a catalogue in every package (a test lists what is missing).
 */
export const LANGUAGES = ['es', 'ca', 'gl', 'eu', 'va', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'es';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

interface LanguageInfo {
  /** The language's own name (endonym), as the language selector lists it. */
  name: string;
  /**
   * The BCP 47 tag of content in this language (`<html lang>`, `lang` and `hreflang` attributes,
   * OIDC `ui_locales`). `va` is not a language subtag: Valencian is Catalan's `valencia` variant.
   */
  tag: string;
  /** Locales for `Intl`, best first: the first one the platform has data for is used. */
  locales: readonly string[];
}

const INFO: Record<Language, LanguageInfo> = {
  es: { name: 'Español', tag: 'es', locales: ['es-ES'] },
  ca: { name: 'Català', tag: 'ca', locales: ['ca-ES'] },
  gl: { name: 'Galego', tag: 'gl', locales: ['gl-ES'] },
  eu: { name: 'Euskara', tag: 'eu', locales: ['eu-ES'] },
  va: { name: 'Valencià', tag: 'ca-ES-valencia', locales: ['ca-ES-valencia', 'ca-ES'] },
  en: { name: 'English', tag: 'en', locales: ['en-GB'] },
};

/** The language's own name: "Español", "Català", "Galego", "Euskara", "Valencià", "English". */
export function languageName(language: Language): string {
  return INFO[language].name;
}

/** The BCP 47 tag for `lang` attributes: `va` → `ca-ES-valencia`, the others their own code. */
export function languageTag(language: Language): string {
  return INFO[language].tag;
}

const resolved = new Map<Language, string>();

/**
 * The locale `Intl` formats this language with (dates, numbers, currency, lists, plurals): the
 * first of the language's locales the platform has its own data for — `va` is `ca-ES-valencia`
 * where `Intl` knows it and `ca-ES` (the same formats) where it does not.
 */
export function formatLocale(language: Language): string {
  const known = resolved.get(language);
  if (known) return known;
  const { locales } = INFO[language];
  const locale =
    locales.find((candidate) => {
      try {
        return new Intl.DateTimeFormat(candidate).resolvedOptions().locale === candidate;
      } catch {
        return false;
      }
    }) ?? (locales.at(-1) as string);
  resolved.set(language, locale);
  return locale;
}

/**
 * The portal language of one BCP 47 tag, or undefined: `ca-ES-valencia` and `ca-valencia` → `va`,
 * `ca`/`ca-ES` → `ca`, `eu-ES` → `eu`, `gl` → `gl`, `en-US` → `en`; `va` itself is accepted.
 */
export function languageOfTag(tag: string): Language | undefined {
  const subtags = tag.trim().toLowerCase().replaceAll('_', '-').split('-');
  const primary = subtags[0];
  if (primary === 'ca' && subtags.includes('valencia')) return 'va';
  return isLanguage(primary) ? primary : undefined;
}

/** The first of the browser's preferred languages (`navigator.languages`) the portal speaks. */
export function languageFromPreferences(preferences: readonly string[]): Language | undefined {
  for (const tag of preferences) {
    const language = languageOfTag(tag);
    if (language) return language;
  }
  return undefined;
}
