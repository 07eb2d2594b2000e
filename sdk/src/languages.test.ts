import { describe, expect, it } from 'vitest';
import { createFormatters } from './format.ts';
import { compareCatalogue, createTranslator, loadMessages, type Localized } from './i18n.ts';
import {
  formatLocale,
  LANGUAGES,
  languageFromPreferences,
  languageName,
  languageOfTag,
  languageTag,
} from './languages.ts';

describe('languages', () => {
  it('are the six portal languages, each named in itself', () => {
    expect(LANGUAGES).toEqual(['es', 'ca', 'gl', 'eu', 'va', 'en']);
    expect(LANGUAGES.map(languageName)).toEqual([
      'Español',
      'Català',
      'Galego',
      'Euskara',
      'Valencià',
      'English',
    ]);
  });

  it('tags Valencian as the valencia variant of Catalan and formats it as Catalan', () => {
    expect(languageTag('va')).toBe('ca-ES-valencia');
    expect(languageTag('ca')).toBe('ca');
    expect(['ca-ES-valencia', 'ca-ES']).toContain(formatLocale('va'));
    expect(formatLocale('eu')).toBe('eu-ES');
  });

  it('matches the browser preferences', () => {
    expect(languageOfTag('ca-ES-valencia')).toBe('va');
    expect(languageOfTag('ca-valencia')).toBe('va');
    expect(languageOfTag('ca')).toBe('ca');
    expect(languageOfTag('eu-ES')).toBe('eu');
    expect(languageOfTag('GL')).toBe('gl');
    expect(languageOfTag('va')).toBe('va');
    expect(languageOfTag('fr-FR')).toBeUndefined();
    expect(languageFromPreferences(['fr-FR', 'de', 'ca-ES', 'es'])).toBe('ca');
    expect(languageFromPreferences(['fr'])).toBeUndefined();
  });
});

describe('formatters', () => {
  it('format dates, euros and lists with Intl per language', () => {
    const day = '2026-03-03';
    expect(createFormatters('es').date(day)).toBe('3 de marzo de 2026');
    expect(createFormatters('ca').date(day)).toBe('3 de març del 2026');
    expect(createFormatters('va').date(day)).toBe('3 de març del 2026');
    expect(createFormatters('gl').date(day)).toBe('3 de marzo de 2026');
    expect(createFormatters('eu').date(day)).toContain('martxoa');
    expect(createFormatters('en').date(day)).toBe('3 March 2026');
    expect(createFormatters('eu').list(['a', 'b', 'c'])).toBe('a, b eta c');
    expect(createFormatters('ca').list(['a', 'b'])).toBe('a i b');
    expect(createFormatters('es').euros(1234.5).replace(/\s/g, ' ')).toBe('1234,50 €');
    expect(createFormatters('en').euros(1234.5)).toBe('€1,234.50');
  });

  it('are made once per language', () => {
    expect(createFormatters('es')).toBe(createFormatters('es'));
    expect(createFormatters('en')).not.toBe(createFormatters('es'));
    expect(createFormatters('en').locale).toBe('en-GB');
  });
});

describe('catalogues', () => {
  it('lists keys missing from a language and keys Spanish lacks', () => {
    const es = { a: 'x', nested: { b: 'y', c: 'z' } };
    expect(compareCatalogue(es, { a: '1', nested: { b: '2', c: '3' } })).toEqual({ missing: [], extra: [] });
    expect(compareCatalogue(es, { a: '1', nested: { b: '2' }, d: '4' })).toEqual({
      missing: ['nested.c'],
      extra: ['d'],
    });
    expect(compareCatalogue({ f: () => 'x' }, { f: 'x', g: () => 'y' })).toEqual({
      missing: [],
      extra: ['g'],
    });
  });

  it('loads a lazy language and the translator uses it once added', async () => {
    const es = { hello: 'Hola' };
    const catalog = {
      es,
      ca: async (): Promise<Localized<typeof es>> => ({ hello: 'Hola!' }),
      gl: { hello: 'Ola' },
      eu: { hello: 'Kaixo' },
      va: { hello: 'Bon dia' },
      en: { hello: 'Hello' },
    };
    expect(await loadMessages(catalog, 'ca')).toEqual({ hello: 'Hola!' });
    const translator = createTranslator({ es }, 'ca');
    expect(translator.getFixedT('ca')('hello')).toBe('Hola');
    translator.addResourceBundle('ca', 'translation', await loadMessages(catalog, 'ca'));
    expect(translator.getFixedT('ca')('hello')).toBe('Hola!');
  });
});
