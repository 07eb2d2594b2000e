import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Classifier, createClassifier } from './classifier.ts';
import { loadTrainingSet, type TrainingSet, trainingSetHash } from './corpus.ts';
import { loadServiceCatalogue, type ServiceCatalogue } from './services.ts';

export { createAssistant } from './service.ts';

/** Where `pnpm assistant:train` stores the trained model (not in git: it is made from the corpora). */
export const MODEL_DIR = path.resolve(import.meta.dirname, '../../../.carpeta/assistant');

export function modelFile(set: TrainingSet): string {
  return path.join(MODEL_DIR, `model-${trainingSetHash(set)}.json`);
}

/** Trains from `set` and stores the model for the next start. */
export async function trainAndStore(set: TrainingSet): Promise<{ classifier: Classifier; file: string }> {
  const classifier = await createClassifier(set);
  const file = modelFile(set);
  mkdirSync(MODEL_DIR, { recursive: true });
  writeFileSync(file, classifier.exportModel());
  return { classifier, file };
}

let classifier: Promise<Classifier> | null = null;
let catalogue: ServiceCatalogue | null = null;

/**
 * The classifier of the corpora in the repository plus the reviewed additions, once per process:
 * loaded from the model `pnpm assistant:train` stored for exactly these sentences, else trained now
 * (a few hundred milliseconds). Nothing is downloaded: nlp.js's code and the corpora are all it needs.
 */
export function sharedClassifier(): Promise<Classifier> {
  classifier ??= (async () => {
    const set = loadTrainingSet();
    const file = modelFile(set);
    if (existsSync(file)) {
      try {
        return await createClassifier(set, readFileSync(file, 'utf8'));
      } catch {
        // A damaged file: train again.
      }
    }
    return createClassifier(set);
  })();
  return classifier;
}

export function sharedCatalogue(): ServiceCatalogue {
  catalogue ??= loadServiceCatalogue();
  return catalogue;
}
