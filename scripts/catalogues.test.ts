/*
 * Every message catalogue of the portal, in one place: each language must have exactly the keys
 * the Spanish one has (nothing missing, nothing Spanish lacks), and must not be a copy of Spanish.
 * A new catalogue (a new MFE, a new PDF) is one more line in CATALOGUES.
 */
import { describe, expect, it } from 'vitest';
import { PROOF_TEXT } from '../gateway/src/proofs/messages.ts';
import { messages as alerts } from '../mfes/alerts/src/messages.ts';
import { messages as appointments } from '../mfes/appointments/src/messages.ts';
import { messages as assistant } from '../mfes/assistant/src/messages.ts';
import { messages as feedback } from '../mfes/feedback/src/messages.ts';
import { messages as files } from '../mfes/files/src/messages.ts';
import { messages as health } from '../mfes/health/src/messages.ts';
import { messages as home } from '../mfes/home/src/messages.ts';
import { messages as municipal } from '../mfes/municipal/src/messages.ts';
import { messages as myData } from '../mfes/my-data/src/messages.ts';
import { verifyMessages } from '../mfes/my-data/src/verify-messages.ts';
import { messages as notifications } from '../mfes/notifications/src/messages.ts';
import { messages as representation } from '../mfes/representation/src/messages.ts';
import { CATALOGUES as idp } from '../mocks/src/idp/messages.ts';
import { compareCatalogue, type LazyCatalog, loadMessages } from '../sdk/src/i18n.ts';
import { LANGUAGES, type Language } from '../sdk/src/languages.ts';
import { messages as shell } from '../shell/src/messages.ts';

type AnyCatalogue = Partial<Record<Language, unknown>>;

/** Every language of a catalogue whose other languages load on demand. */
const loaded =
  <M>(catalog: LazyCatalog<M>) =>
  async () =>
    Object.fromEntries(await Promise.all(LANGUAGES.map(async (l) => [l, await loadMessages(catalog, l)])));

const CATALOGUES: Record<string, () => Promise<AnyCatalogue>> = {
  shell: loaded(shell),
  'mfes/home': loaded(home),
  'mfes/notifications': loaded(notifications),
  'mfes/files': loaded(files),
  'mfes/appointments': loaded(appointments),
  'mfes/my-data': loaded(myData),
  'mfes/my-data (verification page)': async () => verifyMessages,
  'mfes/representation': loaded(representation),
  'mfes/municipal': loaded(municipal),
  'mfes/health': loaded(health),
  'mfes/assistant (Ada)': loaded(assistant),
  'mfes/feedback (feedback, roadmap, maintainers)': loaded(feedback),
  'mfes/alerts (alerts centre)': loaded(alerts),
  'idp (simulated Cl@ve pages)': async () => idp,
  'gateway (PDFs: notification receipt, my-data certificate, registry receipt)': async () => PROOF_TEXT,
};

function leaves(value: unknown, path = '', into = new Map<string, unknown>()): Map<string, unknown> {
  if (value !== null && typeof value === 'object')
    for (const [key, child] of Object.entries(value)) leaves(child, `${path}.${key}`, into);
  else into.set(path, value);
  return into;
}

describe.each(Object.entries(CATALOGUES))('the %s catalogue', (_name, load) => {
  it.each(LANGUAGES.filter((language) => language !== 'es'))(
    'in %s has exactly the Spanish keys',
    async (language) => {
      const catalogue = await load();
      expect(catalogue[language], `no ${language} catalogue`).toBeDefined();
      expect(compareCatalogue(catalogue.es, catalogue[language])).toEqual({ missing: [], extra: [] });
    },
  );

  it.each(LANGUAGES.filter((language) => language !== 'es'))(
    'in %s is translated, not copied',
    async (language) => {
      const catalogue = await load();
      expect(catalogue[language], `no ${language} catalogue`).toBeDefined();
      const spanish = leaves(catalogue.es);
      const translated = [...leaves(catalogue[language])];
      const same = translated.filter(
        ([path, text]) => typeof text === 'string' && text === spanish.get(path),
      );
      // Names (Cl@ve PIN, DNIe) and a few words are the same; most of a real translation is not.
      expect(same.length / translated.length).toBeLessThan(0.5);
    },
  );
});
