import { beforeAll, describe, expect, it } from 'vitest';
import { type Classifier, createClassifier } from './classifier.ts';
import { loadHeldOut, loadTrainingSet, normalise, type TrainingSet } from './corpus.ts';
import { ASSISTANT_LANGUAGES, INTENTS, MODEL_LANGUAGES } from './intents.ts';

// The classifier against the held-out sentences (gateway/assistant/corpus/heldout.json), which are
// never trained on: per language, given the language and with the language detected.
const MIN_ACCURACY = 0.9;

let set: TrainingSet;
let classifier: Classifier;
const heldOut = loadHeldOut();

beforeAll(async () => {
  set = loadTrainingSet();
  classifier = await createClassifier(set);
}, 30_000);

describe('corpora', () => {
  it('every language has sentences for every intent, in training and held out', () => {
    for (const language of MODEL_LANGUAGES) {
      for (const intent of INTENTS) {
        expect(
          set[language].filter((item) => item.intent === intent).length,
          `${language} ${intent}`,
        ).toBeGreaterThanOrEqual(8);
      }
    }
    expect(Object.keys(heldOut).sort()).toEqual([...ASSISTANT_LANGUAGES].sort());
    for (const [language, items] of Object.entries(heldOut)) {
      expect(new Set(items.map((item) => item.intent)), language).toEqual(new Set(INTENTS));
    }
  });

  it('no held-out sentence is also a training sentence (in any language)', () => {
    const training = new Set(
      MODEL_LANGUAGES.flatMap((language) => set[language].map((item) => normalise(item.text))),
    );
    const leaked = Object.values(heldOut)
      .flat()
      .filter((item) => training.has(normalise(item.text)))
      .map((item) => item.text);
    expect(leaked).toEqual([]);
  });
});

describe.each(ASSISTANT_LANGUAGES)('held-out accuracy in %s', (language) => {
  it(`is at least ${MIN_ACCURACY} given the language`, async () => {
    const items = heldOut[language] ?? [];
    let right = 0;
    for (const item of items)
      if ((await classifier.classifyIn(item.text, language)).intent === item.intent) right += 1;
    expect(right / items.length).toBeGreaterThanOrEqual(MIN_ACCURACY);
  });

  it(`is at least ${MIN_ACCURACY} with the language detected (portal in Spanish)`, async () => {
    const items = heldOut[language] ?? [];
    let right = 0;
    for (const item of items)
      if ((await classifier.classify(item.text, 'es')).intent === item.intent) right += 1;
    expect(right / items.length).toBeGreaterThanOrEqual(MIN_ACCURACY);
  });
});

describe('language', () => {
  it.each([
    ['quiero pedir cita previa para renovar el DNI', 'es'],
    ['vull demanar cita prèvia per renovar el DNI', 'ca'],
    ['vull vore les meues notificacions', 'va'],
    ['quero pedir cita previa para renovar o DNI', 'gl'],
    ['aurretiko hitzordua eskatu nahi dut', 'eu'],
    ['I want to book an appointment to renew my ID card', 'en'],
  ] as const)('detects %s as %s', (text, language) => {
    expect(classifier.detectLanguage(text, 'en').language).toBe(language);
  });

  it("uses the portal's language when unsure", () => {
    expect(classifier.detectLanguage('DNI', 'gl')).toEqual({ language: 'gl', detected: false });
    expect(classifier.detectLanguage('hola', 'ca')).toEqual({ language: 'ca', detected: false });
    expect(classifier.detectLanguage('...', 'eu')).toEqual({ language: 'eu', detected: false });
  });

  it('Catalan written in a Valencian portal is answered in Valencian', () => {
    expect(classifier.detectLanguage('vull demanar cita prèvia per renovar el DNI', 'va').language).toBe(
      'va',
    );
  });
});

it('is deterministic: the same corpus gives the same model and the same answers', async () => {
  const again = await createClassifier(set);
  expect(again.exportModel()).toBe(classifier.exportModel());
  const loaded = await createClassifier(set, classifier.exportModel());
  for (const text of ['quiero mi vida laboral', 'zenbat puntu ditut', 'who looked at my data']) {
    expect(await loaded.classify(text, 'es')).toEqual(await classifier.classify(text, 'es'));
  }
}, 30_000);
