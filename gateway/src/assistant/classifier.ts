/// <reference path="./nlpjs.d.ts" />
import { containerBootstrap } from '@nlpjs/core';
import { LangCa } from '@nlpjs/lang-ca';
import { LangEn } from '@nlpjs/lang-en-min';
import { LangEs } from '@nlpjs/lang-es';
import { LangEu } from '@nlpjs/lang-eu';
import { LangGl } from '@nlpjs/lang-gl';
import { Language } from '@nlpjs/language';
import { Nlp } from '@nlpjs/nlp';
import { normalise, type TrainingSet } from './corpus.ts';
import {
  type AssistantLanguage,
  FALLBACK,
  type IntentOrFallback,
  isIntent,
  MODEL_LANGUAGES,
  type ModelLanguage,
  modelLanguageOf,
} from './intents.ts';

/** Below this, the best intent is not trusted and Ada falls back (offers a person). */
export const MIN_CONFIDENCE = 0.55;
/** How close two languages' scores must be for the detection to count as unsure. */
const LANGUAGE_MARGIN = 0.12;
/** Words only Valencian uses (among what citizens write to the portal): Catalan becomes Valencian. */
const VALENCIAN_MARKERS = new Set(
  'meua meues teua teues seua seues vore eixir hui este esta estos estes aquest_ vosté vostè tinga vesprada necessite cancel·le cancele revoque servici ací arreplegar xiquet xiqueta'
    .split(' ')
    .map(normalise),
);

export interface Classification {
  intent: IntentOrFallback;
  /** The best intent's score in [0, 1], even when it fell below the threshold. */
  confidence: number;
  /** The language Ada answers in: the detected one, or the hint when unsure. */
  language: AssistantLanguage;
  /** False when the text did not say clearly which language it is in (the hint was used). */
  languageDetected: boolean;
}

export interface Classifier {
  classify(text: string, hint: AssistantLanguage): Promise<Classification>;
  /** Classifies in a given language, without detection (for evaluation). */
  classifyIn(
    text: string,
    language: AssistantLanguage,
  ): Promise<{ intent: IntentOrFallback; confidence: number }>;
  detectLanguage(text: string, hint: AssistantLanguage): { language: AssistantLanguage; detected: boolean };
  /** The trained model, to store and load instead of training again. */
  exportModel(): string;
  trainingMs: number;
}

const PLUGINS = [LangEs, LangCa, LangGl, LangEu, LangEn];

async function newNlp(): Promise<Nlp> {
  const container = await containerBootstrap();
  for (const plugin of PLUGINS) container.use(plugin);
  // No file is read or written by the library; no epoch is printed.
  const nlp = new Nlp({ container, autoSave: false, autoLoad: false, nlu: { log: false }, forceNER: false });
  for (const language of MODEL_LANGUAGES) nlp.addLanguage(language);
  return nlp;
}

const STEM_LENGTH = 5;
function stem(word: string): string {
  return word.slice(0, STEM_LENGTH);
}

function words(text: string): string[] {
  return normalise(text).split(' ').filter(Boolean);
}

/**
 * Trains one model per language (es, ca, gl, eu, en) from the training set, or loads a stored one.
 * The same set always gives the same model (nlp.js trains deterministically).
 */
export async function createClassifier(set: TrainingSet, stored?: string): Promise<Classifier> {
  const started = performance.now();
  const nlp = await newNlp();
  if (stored) {
    nlp.import(stored);
  } else {
    for (const language of MODEL_LANGUAGES) {
      for (const { text, intent } of set[language]) nlp.addDocument(language, text, intent);
    }
    await nlp.train();
  }
  const trainingMs = performance.now() - started;
  // Each language's vocabulary: how much of a sentence a language knows helps tell close ones apart.
  // Basque (agglutinative) words share a beginning more often than a whole form, hence the stems.
  const vocabulary = new Map<ModelLanguage, { forms: Set<string>; stems: Set<string> }>(
    MODEL_LANGUAGES.map((language) => {
      const forms = new Set(set[language].flatMap(({ text }) => words(text)));
      return [language, { forms, stems: new Set([...forms].map(stem)) }];
    }),
  );
  const guesser = new Language();

  function detectLanguage(text: string, hint: AssistantLanguage) {
    const tokens = words(text);
    const hinted = modelLanguageOf(hint);
    if (tokens.length === 0) return { language: hint, detected: false };
    const trigram = new Map<string, number>();
    for (const guess of guesser.guess(text, [...MODEL_LANGUAGES], 5)) trigram.set(guess.alpha2, guess.score);
    const scores = MODEL_LANGUAGES.map((language) => {
      const known = vocabulary.get(language);
      let covered = 0;
      for (const token of tokens) {
        if (known?.forms.has(token)) covered += 1;
        else if (token.length >= STEM_LENGTH && known?.stems.has(stem(token))) covered += 0.7;
      }
      const coverage = covered / tokens.length;
      return { language, score: coverage + 0.5 * (trigram.get(language) ?? 0) };
    }).sort(
      (a, b) =>
        b.score - a.score || MODEL_LANGUAGES.indexOf(a.language) - MODEL_LANGUAGES.indexOf(b.language),
    );
    const [best, second] = scores;
    if (!best || best.score === 0) return { language: hint, detected: false };
    const close = scores.filter((entry) => entry.score >= best.score - LANGUAGE_MARGIN);
    // Unsure between languages: the portal's language if it is one of them.
    if (close.length > 1 && close.some((entry) => entry.language === hinted)) {
      return { language: hint, detected: false };
    }
    const detected = second === undefined || best.score - second.score >= LANGUAGE_MARGIN;
    let language: AssistantLanguage = best.language;
    if (language === 'ca' && (hint === 'va' || tokens.some((token) => VALENCIAN_MARKERS.has(token)))) {
      language = 'va';
    }
    return { language, detected };
  }

  async function classifyIn(text: string, language: AssistantLanguage) {
    const result = await nlp.process(modelLanguageOf(language), text.slice(0, 500));
    const best = result.classifications?.[0] ?? { intent: result.intent, score: result.score };
    const confidence = Math.round((best.score ?? 0) * 1000) / 1000;
    const intent: IntentOrFallback =
      isIntent(best.intent) && confidence >= MIN_CONFIDENCE ? best.intent : FALLBACK;
    return { intent, confidence };
  }

  return {
    trainingMs,
    detectLanguage,
    classifyIn,
    async classify(text, hint) {
      const { language, detected } = detectLanguage(text, hint);
      const { intent, confidence } = await classifyIn(text, language);
      return { intent, confidence, language, languageDetected: detected };
    },
    exportModel: () => nlp.export(true),
  };
}
