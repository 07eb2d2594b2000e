import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { INTENTS, type Intent, MODEL_LANGUAGES, type ModelLanguage } from './intents.ts';

/** gateway/assistant: the corpora, the held-out file, the reviewed additions, the service catalogue. */
export const ASSISTANT_DATA_DIR = path.resolve(import.meta.dirname, '../../assistant');

const sentences = z.array(z.string().min(1).max(300)).min(1);
const corpusSchema = z.object({
  language: z.enum(MODEL_LANGUAGES),
  intents: z.record(z.enum(INTENTS), sentences),
});
const additionsSchema = z.array(
  z.object({ language: z.enum(MODEL_LANGUAGES), text: z.string().min(1).max(300), intent: z.enum(INTENTS) }),
);

export type TrainingSet = Record<ModelLanguage, { text: string; intent: Intent }[]>;

/** Lower case, no accents nor punctuation, single spaces: how sentences are compared. */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The training sentences: every corpus plus the reviewed additions, in a fixed order. */
export function loadTrainingSet(dir = ASSISTANT_DATA_DIR): TrainingSet {
  const set = Object.fromEntries(MODEL_LANGUAGES.map((language) => [language, []])) as unknown as TrainingSet;
  for (const language of MODEL_LANGUAGES) {
    const corpus = corpusSchema.parse(
      JSON.parse(readFileSync(path.join(dir, 'corpus', `${language}.json`), 'utf8')),
    );
    if (corpus.language !== language) throw new Error(`corpus/${language}.json says ${corpus.language}`);
    for (const intent of INTENTS) {
      const list = corpus.intents[intent];
      if (!list) throw new Error(`corpus/${language}.json has no sentences for ${intent}`);
      for (const text of list) set[language].push({ text, intent });
    }
  }
  const additions = additionsSchema.parse(
    JSON.parse(readFileSync(path.join(dir, 'reviewed-additions.json'), 'utf8')),
  );
  for (const addition of additions)
    set[addition.language].push({ text: addition.text, intent: addition.intent });
  return set;
}

const heldOutSchema = z.record(z.string(), z.record(z.enum(INTENTS), sentences));

/** The held-out evaluation sentences per language (es, ca, va, gl, eu, en), never trained on. */
export function loadHeldOut(dir = ASSISTANT_DATA_DIR): Record<string, { text: string; intent: Intent }[]> {
  const raw = heldOutSchema.parse(JSON.parse(readFileSync(path.join(dir, 'corpus', 'heldout.json'), 'utf8')));
  return Object.fromEntries(
    Object.entries(raw).map(([language, intents]) => [
      language,
      Object.entries(intents).flatMap(([intent, texts]) =>
        (texts ?? []).map((text) => ({ text, intent: intent as Intent })),
      ),
    ]),
  );
}

/** What identifies a training set: a stored model is used only for the very sentences it was trained on. */
export function trainingSetHash(set: TrainingSet): string {
  return createHash('sha256').update(JSON.stringify(set)).digest('hex').slice(0, 16);
}
