import { readFile, stat } from 'node:fs/promises';
import {
  type Audience,
  audienceSchema,
  type ManifestEntry,
  parseManifest,
  type RejectedEntry,
} from '@carpeta/sdk';
import { type ConfiguredEntry, configuredEntrySchema } from '@carpeta/sdk/rollout';
import { type AudienceIndex, indexEntries } from './audience/filter.ts';
import { MFE_URL_VARIABLE, mfeUrlVariables } from './security/settings.ts';

/** A rejected entry with the audience it would have had, so that only its audience hears of it. */
export interface TargetedRejection {
  rejected: RejectedEntry;
  audience: Audience | undefined;
  public: boolean;
}

/** What `/mfes.json` serves: only entries that passed validation and policy, and why others did not. */
export interface ServedManifest {
  version: 1;
  mfes: ManifestEntry[];
  rejected: RejectedEntry[];
}

export type ManifestSnapshot =
  | {
      ok: true;
      /** The document as served. */
      document: ServedManifest;
      /** Valid entries, as the shell will load them. */
      entries: ManifestEntry[];
      rejected: RejectedEntry[];
      /** Origins of the valid entries' remotes (all of them; each page allows only its own). */
      origins: string[];
      /** The valid entries by audience, for the per-citizen manifest. */
      index: AudienceIndex;
      /** The rejected entries by the audience they name (State-wide when unreadable). */
      rejectedIndex: AudienceIndex<TargetedRejection>;
      /** When this manifest was read. */
      loadedAt: string;
      /** Set when the file has changed into something unusable and this is the last valid manifest. */
      stale?: { reason: string; since: string };
    }
  | { ok: false; reason: string };

export type ManifestHealth =
  | { status: 'ok' }
  | { status: 'stale'; reason: string; since: string }
  | { status: 'unavailable'; reason: string };

export interface ManifestLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** What an entry must satisfy besides the sdk's schema. */
export interface ManifestPolicy {
  /** Origins remotes may be loaded from. */
  allowedOrigins: readonly string[];
  /** Remotes must be served over https (everywhere but local development). */
  requireHttps: boolean;
  /** Entries must pin their remote entry file with an `integrity` hash. */
  requireIntegrity: boolean;
}

export interface ManifestStoreOptions {
  path: string;
  /** Environment for the `${MFE_<NAME>_URL}` references of `remote.entry`; no other variable is read. */
  env: Readonly<Record<string, string | undefined>>;
  logger?: ManifestLogger;
  /** Defaults: the origins of the MFE URL variables set in `env`, http allowed, no integrity required. */
  policy?: Partial<ManifestPolicy>;
}

export interface ManifestStore {
  /** The current manifest; the file is re-read only when it changed on disk. */
  load(): Promise<ManifestSnapshot>;
  /** How the manifest was at the last load, for the health endpoint. */
  health(): ManifestHealth;
}

const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

/**
 * Fills `${NAME}` and `${NAME:-default}` in a string, like a shell, for the names `allowed`
 * accepts: the default applies when NAME is unset or empty; an unset NAME without default becomes
 * "". A reference to any other name is reported through `onRefused` and left as written.
 */
export function interpolateEnv(
  value: string,
  env: Readonly<Record<string, string | undefined>>,
  options: {
    allowed?: (name: string) => boolean;
    onMissing?: (name: string) => void;
    onRefused?: (name: string) => void;
  } = {},
): string {
  const allowed = options.allowed ?? ((name: string) => MFE_URL_VARIABLE.test(name));
  return value.replace(REFERENCE, (match, name: string, fallback: string | undefined) => {
    if (!allowed(name)) {
      options.onRefused?.(name);
      return match;
    }
    const current = env[name];
    if (current !== undefined && current !== '') return current;
    if (fallback !== undefined) return fallback;
    options.onMissing?.(name);
    return '';
  });
}

function originsOf(entries: ManifestEntry[]): string[] {
  const origins = new Set<string>();
  for (const entry of entries) {
    try {
      origins.add(new URL(entry.remote.entry).origin);
      const { canary } = entry as ConfiguredEntry;
      if (canary) origins.add(new URL(canary.remote.entry).origin);
    } catch {
      // parseManifest already guarantees an absolute http(s) URL.
    }
  }
  return [...origins].sort();
}

const ENTRY_ID = /^[a-z][a-z0-9-]{1,39}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Why an entry breaks the policy, or undefined. Malformed URLs are left to the schema. */
function policyViolation(
  raw: Record<string, unknown>,
  policy: ManifestPolicy,
  allowed: ReadonlySet<string>,
): string | undefined {
  const remote = raw.remote;
  if (!isRecord(remote) || typeof remote.entry !== 'string') return undefined;
  let url: URL;
  try {
    url = new URL(remote.entry);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (policy.requireHttps && url.protocol !== 'https:') {
    return 'remote.entry must use https outside local development';
  }
  if (!allowed.has(url.origin)) {
    return `remote.entry: the origin ${url.origin} is not one of the allowed MFE origins (CARPETA_MFE_ORIGINS)`;
  }
  if (policy.requireIntegrity && raw.integrity === undefined) {
    return 'integrity is required: pin the remote entry file with its hash (printed by pnpm build)';
  }
  return undefined;
}

/**
 * Reads the MFE manifest from a config file at request time: editing the file (or replacing it)
 * changes what the portal loads, without a restart or a rebuild. The file is operator input, but
 * what it names becomes code in citizens' browsers, so each entry must also satisfy the policy
 * (allowed origins, https, integrity), only `${MFE_<NAME>_URL}` references inside `remote.entry`
 * are filled in, and only validated entries are served. A file that becomes unusable (half
 * written, not JSON, not a manifest) is logged and the last valid manifest keeps being served.
 */
export function createManifestStore(options: ManifestStoreOptions): ManifestStore {
  const policy: ManifestPolicy = {
    allowedOrigins: options.policy?.allowedOrigins ?? mfeUrlVariables(options.env).origins,
    requireHttps: options.policy?.requireHttps ?? false,
    requireIntegrity: options.policy?.requireIntegrity ?? false,
  };
  const allowed = new Set(policy.allowedOrigins);
  let cachedKey: string | undefined;
  let cached: ManifestSnapshot | undefined;
  let lastGood: Extract<ManifestSnapshot, { ok: true }> | undefined;

  function fail(reason: string, details: object): ManifestSnapshot {
    options.logger?.error({ path: options.path, ...details }, reason);
    if (!lastGood) return { ok: false, reason };
    const since = lastGood.stale?.since ?? new Date().toISOString();
    options.logger?.warn(
      { path: options.path, loadedAt: lastGood.loadedAt },
      'serving the last valid manifest until the file is fixed',
    );
    lastGood = { ...lastGood, stale: { reason, since } };
    return lastGood;
  }

  function build(raw: unknown): ManifestSnapshot {
    if (!isRecord(raw) || !Array.isArray(raw.mfes)) {
      return fail('the manifest document is not a manifest', {});
    }
    const refusedVariables = new Map<number, string[]>();
    const violations = new Map<number, string>();
    const missing = new Set<string>();
    const checked = raw.mfes.map((item: unknown, index: number) => {
      if (!isRecord(item) || !isRecord(item.remote) || typeof item.remote.entry !== 'string') return item;
      const refused: string[] = [];
      const entry = interpolateEnv(item.remote.entry, options.env, {
        onMissing: (name) => missing.add(name),
        onRefused: (name) => refused.push(name),
      });
      if (refused.length > 0) {
        refusedVariables.set(index, refused);
        return null;
      }
      let filled: Record<string, unknown> = { ...item, remote: { ...item.remote, entry } };
      const violation = policyViolation(filled, policy, allowed);
      if (violation) {
        violations.set(index, violation);
        return null;
      }
      // A canary's remote is code in citizens' browsers too: the same references and policy.
      const canary = item.canary;
      if (isRecord(canary) && isRecord(canary.remote) && typeof canary.remote.entry === 'string') {
        const canaryEntry = interpolateEnv(canary.remote.entry, options.env, {
          onMissing: (name) => missing.add(name),
          onRefused: (name) => refused.push(name),
        });
        if (refused.length > 0) {
          refusedVariables.set(index, refused);
          return null;
        }
        const filledCanary = { ...canary, remote: { ...canary.remote, entry: canaryEntry } };
        const canaryViolation = policyViolation(filledCanary, policy, allowed);
        if (canaryViolation) {
          violations.set(index, `canary: ${canaryViolation}`);
          return null;
        }
        filled = { ...filled, canary: filledCanary };
      }
      return filled;
    });
    if (missing.size > 0) {
      options.logger?.warn(
        { path: options.path, variables: [...missing] },
        'manifest refers to unset environment variables without default',
      );
    }
    let parsed: ReturnType<typeof parseManifest>;
    try {
      // The configuration may hold every administration's entries; each citizen gets only theirs.
      parsed = parseManifest(
        { ...raw, mfes: checked },
        { limit: 'config', entrySchema: configuredEntrySchema },
      );
    } catch (error) {
      return fail('the manifest document is not a manifest', { error: String(error) });
    }
    const mfes: unknown[] = raw.mfes;
    const rejected: RejectedEntry[] = parsed.rejected.map((entry) => {
      const original = mfes[entry.index];
      const id =
        isRecord(original) && typeof original.id === 'string' && ENTRY_ID.test(original.id)
          ? original.id
          : undefined;
      const refused = refusedVariables.get(entry.index);
      const reason = refused
        ? `remote.entry may only refer to MFE URL variables (\${MFE_<NAME>_URL}), not ${refused.join(', ')}`
        : (violations.get(entry.index) ?? entry.reason);
      return { index: entry.index, id, reason };
    });
    for (const entry of rejected) {
      options.logger?.warn(
        { path: options.path, index: entry.index, id: entry.id, reason: entry.reason },
        'manifest entry rejected',
      );
    }
    options.logger?.info(
      {
        path: options.path,
        entries: parsed.entries.length,
        first: parsed.entries.slice(0, 20).map((entry) => entry.id),
        rejected: rejected.length,
      },
      'manifest loaded',
    );
    lastGood = {
      ok: true,
      document: { version: 1, mfes: parsed.entries, rejected },
      entries: parsed.entries,
      rejected,
      origins: originsOf(parsed.entries),
      index: indexEntries(parsed.entries),
      rejectedIndex: indexEntries(
        rejected.map((item) => {
          const original = mfes[item.index];
          const audience = isRecord(original) ? audienceSchema.safeParse(original.audience) : undefined;
          return {
            rejected: item,
            audience: audience?.success ? audience.data : undefined,
            public: isRecord(original) && original.public === true,
          };
        }),
      ),
      loadedAt: new Date().toISOString(),
    };
    return lastGood;
  }

  async function read(): Promise<ManifestSnapshot> {
    let text: string;
    try {
      text = await readFile(options.path, 'utf8');
    } catch (error) {
      return fail('the manifest file cannot be read', { error: String(error) });
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      return fail('the manifest file is not JSON', { error: String(error) });
    }
    return build(raw);
  }

  return {
    async load() {
      let key: string;
      try {
        const info = await stat(options.path, { bigint: true });
        key = `${info.ino}:${info.size}:${info.mtimeNs}`;
      } catch {
        key = 'missing';
      }
      if (key !== cachedKey || !cached) {
        cached = await read();
        cachedKey = key;
      }
      return cached;
    },
    health() {
      if (!cached) return { status: 'unavailable', reason: 'the manifest has not been read yet' };
      if (!cached.ok) return { status: 'unavailable', reason: cached.reason };
      if (cached.stale) return { status: 'stale', ...cached.stale };
      return { status: 'ok' };
    },
  };
}
