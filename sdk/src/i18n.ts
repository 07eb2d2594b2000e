import i18next, { type i18n, type TFunction } from 'i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from './languages.ts';

/** An MFE's (or the shell's) own messages, one flat or nested object per language. */
export type Messages = { [key: string]: string | Messages };

/**
 * The shape of every language's messages, derived from the Spanish ones: the same keys, nested
 * the same way, any text. `const ca: Localized<typeof es> = {...}` fails to compile when a key is
 * missing or one Spanish lacks is added.
 */
export type Localized<T> = { [K in keyof T]: T[K] extends string ? string : Localized<T[K]> };

/** Every language's messages, each of the Spanish shape (`satisfies Catalog<typeof es>`). */
export type Catalog<M> = Record<Language, Localized<M>>;

/**
 * What the sdk's lifecycles accept: every portal language (write `satisfies Catalog<typeof es>`
 * to have the compiler check each language's keys against the Spanish ones).
 */
export type MessageCatalog = Record<Language, Messages>;

/**
 * A catalogue whose other languages are loaded on demand (`() => import('./messages/ca.ts')`):
 * for code on the first route, where each language would otherwise cost every visitor.
 */
export type LazyCatalog<M> = { es: Localized<M> } & {
  [L in Exclude<Language, 'es'>]: Localized<M> | (() => Promise<Localized<M>>);
};

/** The messages of one language of a lazy catalogue, loading them if needed. */
export async function loadMessages<M>(catalog: LazyCatalog<M>, language: Language): Promise<Localized<M>> {
  const entry = catalog[language];
  return typeof entry === 'function' ? await entry() : entry;
}

/**
 * One i18next instance for one MFE's messages. Each MFE owns its strings; the shell only tells it
 * which language is current. Interpolated values are escaped by the UI framework, not here.
 * Languages missing from `catalog` fall back to Spanish until `addMessages` brings them (for a
 * catalogue whose languages load on demand, `lazyTranslator` does).
 */
export function createTranslator(
  catalog: Record<'es', Messages> & Partial<MessageCatalog>,
  language: Language = DEFAULT_LANGUAGE,
): i18n {
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

/** Adds (or replaces) one language's messages in a translator made by `createTranslator`. */
export function addMessages(translator: i18n, language: Language, messages: Messages): void {
  translator.addResourceBundle(language, 'translation', messages, true, true);
}

/** Where two catalogues of the same package differ: key paths (`a.b.c`) missing or extra. */
export interface CatalogueDifference {
  missing: string[];
  extra: string[];
}

function leafPaths(value: unknown, prefix: string, into: Set<string>): Set<string> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value))
      leafPaths(child, prefix ? `${prefix}.${key}` : key, into);
  } else {
    into.add(prefix);
  }
  return into;
}

/**
 * The keys `other` lacks that `reference` (Spanish) has, and those it has that Spanish lacks.
 * Leaves are strings, or functions in catalogues that build sentences (the identity provider's).
 */
export function compareCatalogue(reference: unknown, other: unknown): CatalogueDifference {
  const expected = leafPaths(reference, '', new Set());
  const actual = leafPaths(other, '', new Set());
  return {
    missing: [...expected].filter((path) => !actual.has(path)).sort(),
    extra: [...actual].filter((path) => !expected.has(path)).sort(),
  };
}

export type { TFunction };
