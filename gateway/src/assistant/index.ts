import { type Classifier, createClassifier } from './classifier.ts';
import { loadTrainingSet } from './corpus.ts';
import { loadServiceCatalogue, type ServiceCatalogue } from './services.ts';

export { createAssistant } from './service.ts';

let classifier: Promise<Classifier> | null = null;
let catalogue: ServiceCatalogue | null = null;

/**
 * The classifier trained from the corpora in the repository plus the reviewed additions, once per
 * process (the gateway starts it at start; it takes a few hundred milliseconds). Nothing is
 * downloaded: the models are nlp.js's own code and the corpora.
 */
export function sharedClassifier(): Promise<Classifier> {
  classifier ??= createClassifier(loadTrainingSet());
  return classifier;
}

export function sharedCatalogue(): ServiceCatalogue {
  catalogue ??= loadServiceCatalogue();
  return catalogue;
}
