// `pnpm assistant:train`: retrains Ada from the corpora (gateway/assistant/corpus/<lang>.json) plus
// the reviewed additions (gateway/assistant/reviewed-additions.json), checks the accuracy of every
// language on the held-out file (exits 1 below 90%) and stores the model in .carpeta/assistant, which
// the gateway loads at its next start instead of training (it trains by itself when there is none).
//   --unrecognised   prints the questions Ada did not understand (already anonymised), from the
//                    portal's database (DATABASE_URL or CARPETA_DATA_DIR, as the gateway; stop the
//                    gateway first when the database is the embedded one), as lines to review: give
//                    each its intent and add it to reviewed-additions.json, then train again.
import { createClassifier } from '../gateway/src/assistant/classifier.ts';
import { loadHeldOut, loadTrainingSet } from '../gateway/src/assistant/corpus.ts';
import { trainAndStore } from '../gateway/src/assistant/index.ts';
import { ASSISTANT_LANGUAGES, MODEL_LANGUAGES } from '../gateway/src/assistant/intents.ts';
import { loadConfig } from '../gateway/src/config.ts';
import { createAssistantStore } from '../gateway/src/db/assistant.ts';
import { openDatabase } from '../gateway/src/db/index.ts';

if (process.argv.includes('--unrecognised')) {
  const config = loadConfig(process.env);
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    for (const question of await createAssistantStore(database.db).unrecognised()) {
      process.stdout.write(
        `${JSON.stringify({ language: question.language, text: question.text, intent: '' })}\n`,
      );
    }
  } finally {
    await database.close();
  }
  process.exit(0);
}

const set = loadTrainingSet();
const { classifier, file } = await trainAndStore(set);
const sentences = MODEL_LANGUAGES.reduce((sum, language) => sum + set[language].length, 0);
console.log(`Trained on ${sentences} sentences in ${Math.round(classifier.trainingMs)} ms; stored ${file}`);
const heldOut = loadHeldOut();
let failed = false;
for (const language of ASSISTANT_LANGUAGES) {
  const items = heldOut[language] ?? [];
  let right = 0;
  for (const item of items)
    if ((await classifier.classify(item.text, language)).intent === item.intent) right += 1;
  const accuracy = right / items.length;
  if (accuracy < 0.9) failed = true;
  console.log(`${language}: ${(accuracy * 100).toFixed(1)}% of ${items.length} held-out sentences`);
}
// The stored model answers as the one just trained.
const loaded = await createClassifier(set, classifier.exportModel());
console.log(`model loads in ${Math.round(loaded.trainingMs)} ms`);
if (failed) {
  console.error('Accuracy below 90% in some language: review the additions.');
  process.exit(1);
}
