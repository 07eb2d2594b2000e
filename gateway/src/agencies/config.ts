import { readFileSync } from 'node:fs';
import { FOLDER_DOMAINS } from '@carpeta/sdk';
import { z } from 'zod';
import type { AgencyLogger } from '../agency-http.ts';
import { SERVICE_DOMAINS } from '../connectors/types.ts';
import type { AgencyEntry } from './types.ts';

/*
 * `gateway/config/agencies.json`: the folder's sources. Adding a city council on an existing
 * connector type is one entry here, no code. Each entry is checked on its own: a bad one is logged
 * with the reason and left out, the others are used.
 */

/** "${AGENCY_AEAT_URL:-http://127.0.0.1:4103}" (the default is optional). */
const URL_REFERENCE = /\$\{(AGENCY_[A-Z0-9_]+_URL)(?::-([^}]*))?\}/g;
export const SOURCE_ID = /^[a-z0-9-]{1,40}$/;

const httpUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === ''
    );
  } catch {
    return false;
  }
}, 'must be an absolute http(s) URL without credentials');

export const agencyEntrySchema = z.object({
  id: z.string().regex(SOURCE_ID, 'must be 1 to 40 lower-case letters, digits or -'),
  name: z.string().min(1).max(300),
  dir3: z.string().regex(/^[A-Z0-9]{9}$/, 'must be a DIR3 code (9 upper-case letters or digits)'),
  connector: z.string().min(1).max(60),
  baseUrl: httpUrl,
  timeoutMs: z.number().int().min(1).max(120_000),
  cacheSeconds: z.number().int().min(0).max(3600),
  domains: z.array(z.enum([...FOLDER_DOMAINS, ...SERVICE_DOMAINS])).min(1),
  options: z.record(z.string(), z.unknown()).default({}),
  retries: z.number().int().min(0).max(5).optional(),
  breaker: z
    .object({
      failures: z.number().int().min(1).max(10_000),
      halfOpenAfterMs: z.number().int().min(1).max(3_600_000),
    })
    .optional(),
});

const fileSchema = z.object({ version: z.literal(1), agencies: z.array(z.unknown()) });

export interface RejectedEntry {
  /** Position in the file's `agencies` array. */
  index: number;
  id: string | null;
  reason: string;
}

export interface LoadedAgencies {
  entries: AgencyEntry[];
  rejected: RejectedEntry[];
}

/**
 * Expands `${AGENCY_<ID>_URL:-default}` references (only those variables; nothing else is read
 * from the environment). An unset variable without a default expands to "", which is then not a URL.
 */
export function expandAgencyUrl(value: string, env: Readonly<Record<string, string | undefined>>): string {
  return value.replace(URL_REFERENCE, (_match, name: string, fallback: string | undefined) => {
    const set = env[name]?.trim();
    return set ? set : (fallback ?? '');
  });
}

function reasonOf(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'entry'}: ${issue.message}`)
    .join('; ');
}

/** Checks the parsed file's entries; never throws for an entry, only for a file of the wrong shape. */
export function parseAgencies(
  document: unknown,
  options: { env: Readonly<Record<string, string | undefined>>; connectorTypes: readonly string[] },
): LoadedAgencies {
  const file = fileSchema.safeParse(document);
  if (!file.success) throw new Error(`the agencies file is not valid: ${reasonOf(file.error)}`);
  const entries: AgencyEntry[] = [];
  const rejected: RejectedEntry[] = [];
  const seen = new Set<string>();
  for (const [index, raw] of file.data.agencies.entries()) {
    const rawId =
      typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string'
        ? (raw as { id: string }).id
        : null;
    const reject = (reason: string) => {
      rejected.push({ index, id: rawId, reason });
    };
    const candidate =
      typeof raw === 'object' && raw !== null && typeof (raw as { baseUrl?: unknown }).baseUrl === 'string'
        ? { ...raw, baseUrl: expandAgencyUrl((raw as { baseUrl: string }).baseUrl, options.env) }
        : raw;
    const parsed = agencyEntrySchema.safeParse(candidate);
    if (!parsed.success) {
      reject(reasonOf(parsed.error));
      continue;
    }
    const entry = parsed.data;
    if (!options.connectorTypes.includes(entry.connector)) {
      reject(`connector: unknown type "${entry.connector}" (known: ${options.connectorTypes.join(', ')})`);
      continue;
    }
    if (seen.has(entry.id)) {
      reject(`id: "${entry.id}" is already used by an earlier entry`);
      continue;
    }
    seen.add(entry.id);
    const { retries, breaker, ...rest } = entry;
    entries.push({
      ...rest,
      baseUrl: entry.baseUrl.replace(/\/+$/, ''),
      ...(retries === undefined ? {} : { retries }),
      ...(breaker === undefined ? {} : { breaker }),
    });
  }
  return { entries, rejected };
}

/**
 * Reads the agencies file at `path` (CARPETA_AGENCIES, default gateway/config/agencies.json).
 * Each rejected entry is logged with its reason. Throws only when the file cannot be read or is
 * not a list of agencies at all (the gateway then refuses to start, saying why).
 */
export function loadAgencies(
  path: string,
  options: {
    env: Readonly<Record<string, string | undefined>>;
    connectorTypes: readonly string[];
    logger?: AgencyLogger;
  },
): LoadedAgencies {
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`the agencies file ${path} cannot be read: ${(error as Error).message}`);
  }
  const loaded = parseAgencies(document, options);
  for (const rejected of loaded.rejected) {
    options.logger?.warn({ agencies: path, ...rejected }, 'agencies: entry rejected');
  }
  return loaded;
}
