import { writeHtmlExamples } from './html-examples.ts';

/** Vitest global setup: the framework-free HTML is generated before the tests that check it run. */
export default async function setup(): Promise<void> {
  await writeHtmlExamples();
}
