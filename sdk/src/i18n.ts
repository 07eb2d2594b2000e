import i18next, { type i18n, type TFunction } from 'i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from './languages.ts';

/** An MFE's (or the shell's) own messages, one flat or nested object per language. */
export type Messages = { [key: string]: string | Messages };
export type MessageCatalog = Record<'es', Messages> & Partial<Record<Language, Messages>>;

/**
 * One i18next instance for one MFE's messages. Each MFE owns its strings; the shell only tells it
 * which language is current. Interpolated values are escaped by the UI framework, not here.
 */
export function createTranslator(catalog: MessageCatalog, language: Language = DEFAULT_LANGUAGE): i18n {
  const instance = i18next.createInstance();
  const resources = Object.fromEntries(
    Object.entries(catalog).map(([lng, messages]) => [lng, { translation: messages }]),
  );
  void instance.init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    resources,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

export type { TFunction };
