import { readFileSync } from 'node:fs';
import { INCIDENT_CATEGORIES } from '@carpeta/sdk/assistant';
import { describe, expect, it } from 'vitest';
import { ANSWERS, answerOf, INTENT_LINKS } from './answers.ts';
import { ASSISTANT_LANGUAGES, FALLBACK, INTENTS } from './intents.ts';

// One table of links for the six languages; the catalogues hold only words.
const ROUTES = (
  JSON.parse(readFileSync(new URL('../../config/mfes.json', import.meta.url), 'utf8')) as {
    mfes: { route: string }[];
  }
).mfes.map((entry) => entry.route);
const LINKED = new Set<string>(Object.keys(INTENT_LINKS));

describe.each(ASSISTANT_LANGUAGES)('Ada in %s', (language) => {
  it('answers every intent, with a link exactly where the table has one', () => {
    for (const intent of [...INTENTS, FALLBACK]) {
      const answer = answerOf(language, intent);
      expect(answer.text.length, intent).toBeGreaterThan(0);
      if (LINKED.has(intent)) {
        expect(answer.link?.label.length, intent).toBeGreaterThan(0);
        expect(answer.link?.href, intent).toBe(INTENT_LINKS[intent as keyof typeof INTENT_LINKS]);
      } else expect(answer.link, intent).toBeUndefined();
    }
  });

  it('names every incident category of the contract, and no other', () => {
    expect(Object.keys(ANSWERS[language].categories).sort()).toEqual([...INCIDENT_CATEGORIES].sort());
  });
});

describe('the links', () => {
  it('lead into routes of the portal’s MFEs', () => {
    for (const href of Object.values(INTENT_LINKS)) {
      expect(ROUTES.some((route) => route !== '/' && (href === route || href.startsWith(`${route}/`)))).toBe(
        true,
      );
    }
  });

  it('are the ones each answer had before', () => {
    expect(answerOf('es', 'registry.submit').link).toEqual({
      label: 'Presentar un escrito',
      href: '/representation/registry',
    });
    expect(answerOf('va', 'notifications.pending').link).toEqual({
      label: 'Veure les meues notificacions',
      href: '/notifications',
    });
    expect(answerOf('eu', 'data.who_accessed').link?.href).toBe('/my-data');
    expect(answerOf('en', 'representation.power_of_attorney').link).toEqual({
      label: 'Powers of attorney',
      href: '/representation',
    });
    expect(answerOf('gl', 'greeting.hello').link).toBeUndefined();
    expect(answerOf('ca', FALLBACK).link).toBeUndefined();
  });
});
