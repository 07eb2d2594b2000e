// Zod-free: bundled into every remote through the lifecycles helpers.
import { formatLocale, type Language } from './languages.ts';

/** Formatting in the citizen's language (through `Intl`) and the portal's time zone. */
export interface Formatters {
  /** The locale `Intl` formats with, e.g. "ca-ES" for `va` where there is no Valencian data. */
  readonly locale: string;
  /** e.g. "3 de marzo de 2026, 10:30" / "3 de març del 2026, 10:30". */
  dateTime(iso: string): string;
  /** e.g. "3 de marzo de 2026"; a plain date ("2026-03-03") is that calendar day. */
  date(iso: string): string;
  /** An amount of euros, e.g. "1.234,56 €" / "€1,234.56". */
  euros(amount: number): string;
  number(value: number): string;
  /** "a, b y c" / "a, b i c" / "a, b eta c" / "a, b and c". */
  list(items: readonly string[]): string;
}

const TIME_ZONE = 'Europe/Madrid';

const made = new Map<Language, Formatters>();

/**
 * The formatters of one language, made once per language and shared by every caller: `Intl`'s
 * formatters take milliseconds each to build, and these keep no state between calls.
 */
export function createFormatters(language: Language): Formatters {
  let formatters = made.get(language);
  if (!formatters) {
    formatters = buildFormatters(language);
    made.set(language, formatters);
  }
  return formatters;
}

/** One `Intl` formatter, built at its first use. */
function once<T>(build: () => T): () => T {
  let made: T | undefined;
  return () => {
    made ??= build();
    return made;
  };
}

/**
 * Each formatter is built at its first use, not with the others: building one loads its share of
 * the platform's locale data (a millisecond or more each on a phone), and most pages use two.
 */
function buildFormatters(language: Language): Formatters {
  const locale = formatLocale(language);
  const dateTime = once(
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: TIME_ZONE }),
  );
  const date = once(() => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: TIME_ZONE }));
  const euros = once(() => new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }));
  const number = once(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }));
  const list = once(() => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }));
  return {
    locale,
    dateTime: (iso) => dateTime().format(new Date(iso)),
    date: (iso) => date().format(new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00Z` : iso)),
    euros: (amount) => euros().format(amount),
    number: (value) => number().format(value),
    list: (items) => list().format(items),
  };
}
