import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AgencyEntry } from './types.ts';

/** Writes an agencies file of `entries` into `dir` (tests) and answers its path. */
export async function writeAgenciesFile(
  dir: string,
  entries: readonly Partial<AgencyEntry>[],
): Promise<string> {
  const file = path.join(dir, `agencies-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(file, JSON.stringify({ version: 1, agencies: entries }));
  return file;
}

/** The DEHú entry of the portal's agencies file, pointed at `baseUrl`, for the gateway's tests. */
export function dehuEntry(baseUrl: string, timeoutMs: number): AgencyEntry {
  return {
    id: 'dehu',
    name: 'Dirección Electrónica Habilitada única (DEHú)',
    dir3: 'E05068001',
    connector: 'dehu',
    baseUrl,
    timeoutMs,
    cacheSeconds: 0,
    domains: ['notifications'],
    options: {},
    // The tests switch faults on and off one after another: the circuit must not stay open.
    breaker: { failures: 10_000, halfOpenAfterMs: 1 },
  };
}
