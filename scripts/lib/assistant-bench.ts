// Ada's part of `pnpm bench` (`--assistant-only` alone: in process, no build, no browser): the
// classifier trained from the corpora (how long), its accuracy per language on the held-out file
// (gateway/assistant/corpus/heldout.json, never trained on), given the language and with the
// language detected, then `POST /api/assistant/classify` on a gateway in this process under load
// (autocannon on loopback, the held-out sentences in turn): p50/p99 latency.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { buildGateway } from '../../gateway/src/app.ts';
import { createClassifier } from '../../gateway/src/assistant/classifier.ts';
import { loadHeldOut, loadTrainingSet } from '../../gateway/src/assistant/corpus.ts';
import { ASSISTANT_LANGUAGES, type AssistantLanguage } from '../../gateway/src/assistant/intents.ts';
import { loadConfig } from '../../gateway/src/config.ts';
import { IN_MEMORY, openDatabase } from '../../gateway/src/db/index.ts';

export interface AssistantBenchResult {
  trainingMs: number;
  sentences: number;
  accuracy: { language: AssistantLanguage; sentences: number; given: number; detected: number }[];
  /** The classifier alone, in process (detection and classification of one held-out sentence). */
  inProcess: { p50: number; p99: number };
  runs: {
    connections: number;
    seconds: number;
    requests: number;
    p50: number;
    p99: number;
    max: number;
    non2xx: number;
  }[];
}

export async function runAssistantBench(
  options: { connections?: number; seconds?: number } = {},
): Promise<AssistantBenchResult> {
  const set = loadTrainingSet();
  const classifier = await createClassifier(set);
  const heldOut = loadHeldOut();
  const accuracy: AssistantBenchResult['accuracy'] = [];
  for (const language of ASSISTANT_LANGUAGES) {
    const items = heldOut[language] ?? [];
    let given = 0;
    let detected = 0;
    for (const item of items) {
      if ((await classifier.classifyIn(item.text, language)).intent === item.intent) given += 1;
      // The portal in Spanish: the language has to be told from the text.
      if ((await classifier.classify(item.text, 'es')).intent === item.intent) detected += 1;
    }
    accuracy.push({
      language,
      sentences: items.length,
      given: given / items.length,
      detected: detected / items.length,
    });
  }

  const texts = Object.values(heldOut)
    .flat()
    .map((item) => item.text);
  const times: number[] = [];
  for (let round = 0; round < 5; round += 1) {
    for (const text of texts) {
      const started = performance.now();
      await classifier.classify(text, 'es');
      times.push(performance.now() - started);
    }
  }
  times.sort((a, b) => a - b);
  const at = (q: number) =>
    Number((times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(3));
  const inProcess = { p50: at(0.5), p99: at(0.99) };

  const dir = mkdtempSync(join(tmpdir(), 'carpeta-assistant-bench-'));
  const database = await openDatabase({ dataDir: IN_MEMORY });
  const app = buildGateway(
    {
      ...loadConfig({ PORT_GATEWAY: '0', ASSISTANT_RATE_PER_MINUTE: '1000000' }),
      shellDist: join(dir, 'no-shell'),
      env: {},
      sources: [],
      mfeOrigins: [],
      logger: false,
    },
    { database },
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const bodies = Object.values(heldOut)
    .flat()
    .map((item) => JSON.stringify({ text: item.text, language: 'es' }));
  // The model is trained on first use: once before measuring.
  await fetch(`${url}/api/assistant/classify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: bodies[0],
  });
  const runs: AssistantBenchResult['runs'] = [];
  // One client asking in turn (the latency of one question), then ten at once (under load).
  for (const connections of [1, options.connections ?? 10]) {
    const seconds = options.seconds ?? 10;
    const result = await autocannon({
      url,
      connections,
      duration: seconds,
      requests: bodies.map((body) => ({
        method: 'POST',
        path: '/api/assistant/classify',
        headers: { 'content-type': 'application/json' },
        body,
      })),
    });
    runs.push({
      connections,
      seconds,
      requests: result.requests.total,
      p50: result.latency.p50,
      p99: result.latency.p99,
      max: result.latency.max,
      non2xx: result.non2xx,
    });
  }
  await app.close();
  await database.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    trainingMs: classifier.trainingMs,
    sentences: bodies.length,
    accuracy,
    inProcess,
    runs,
  };
}

export function printAssistantResults(result: AssistantBenchResult): void {
  const pct = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(9);
  console.log(`\nAda, the assistant: trained from the corpora in ${Math.round(result.trainingMs)} ms`);
  console.log(
    `Accuracy on the held-out file (${result.sentences} sentences, goal ≥ 90% in every language):\n`,
  );
  console.log(
    `${'language'.padEnd(10)}${'sentences'.padStart(10)}${'given'.padStart(9)}${'detected'.padStart(10)}`,
  );
  for (const row of result.accuracy) {
    console.log(
      `${row.language.padEnd(10)}${String(row.sentences).padStart(10)}${pct(row.given)} ${pct(row.detected)}`,
    );
  }
  const below = result.accuracy
    .filter((row) => Math.min(row.given, row.detected) < 0.9)
    .map((row) => row.language);
  console.log(below.length === 0 ? 'goal met in every language' : `BELOW the goal: ${below.join(', ')}`);
  console.log(
    `\nThe classifier alone, in process (${result.sentences} held-out sentences × 5): p50 ${result.inProcess.p50} ms, p99 ${result.inProcess.p99} ms`,
  );
  for (const run of result.runs) {
    console.log(
      `POST /api/assistant/classify, ${run.connections} connection(s), ${run.seconds} s (autocannon, loopback): ${run.requests} requests, p50 ${run.p50} ms, p99 ${run.p99} ms, max ${run.max} ms, non-2xx ${run.non2xx} → p99 ${run.p99 < 50 ? 'within' : 'OVER'} the 50 ms goal`,
    );
  }
}
