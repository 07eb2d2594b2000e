import { readFile, stat } from 'node:fs/promises';
import { type ManifestEntry, parseManifest, type RejectedEntry } from '@carpeta/sdk';

export type ManifestSnapshot =
  | {
      ok: true;
      /** The document as served: the file's JSON with environment references filled in. */
      document: unknown;
      /** Valid entries, as the shell will load them. */
      entries: ManifestEntry[];
      rejected: RejectedEntry[];
      /** Origins of the valid entries' remotes, for the Content-Security-Policy. */
      origins: string[];
    }
  | { ok: false; reason: string };

export interface ManifestLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface ManifestStoreOptions {
  path: string;
  env: Readonly<Record<string, string | undefined>>;
  logger?: ManifestLogger;
}

export interface ManifestStore {
  /** The current manifest; the file is re-read only when it changed on disk. */
  load(): Promise<ManifestSnapshot>;
}

const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

/**
 * Fills `${NAME}` and `${NAME:-default}` in every string value (not in keys), like a shell:
 * the default applies when NAME is unset or empty; an unset NAME without default becomes "".
 */
export function interpolateEnv(
  value: unknown,
  env: Readonly<Record<string, string | undefined>>,
  onMissing: (name: string) => void = () => {},
): unknown {
  if (typeof value === 'string') {
    return value.replace(REFERENCE, (_match, name: string, fallback: string | undefined) => {
      const current = env[name];
      if (current !== undefined && current !== '') return current;
      if (fallback !== undefined) return fallback;
      onMissing(name);
      return '';
    });
  }
  if (Array.isArray(value)) return value.map((item) => interpolateEnv(item, env, onMissing));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, interpolateEnv(item, env, onMissing)]),
    );
  }
  return value;
}

function originsOf(entries: ManifestEntry[]): string[] {
  const origins = new Set<string>();
  for (const entry of entries) {
    try {
      origins.add(new URL(entry.remote.entry).origin);
    } catch {
      // parseManifest already guarantees an absolute http(s) URL.
    }
  }
  return [...origins].sort();
}

/**
 * Reads the MFE manifest from a config file at request time: editing the file (or replacing it)
 * changes what the portal loads, without a restart or a rebuild.
 */
export function createManifestStore(options: ManifestStoreOptions): ManifestStore {
  let cachedKey: string | undefined;
  let cached: ManifestSnapshot | undefined;

  async function read(): Promise<ManifestSnapshot> {
    let text: string;
    try {
      text = await readFile(options.path, 'utf8');
    } catch (error) {
      options.logger?.error({ path: options.path, error: String(error) }, 'manifest file cannot be read');
      return { ok: false, reason: 'the manifest file cannot be read' };
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      options.logger?.error({ path: options.path, error: String(error) }, 'manifest file is not JSON');
      return { ok: false, reason: 'the manifest file is not JSON' };
    }
    const missing = new Set<string>();
    const document = interpolateEnv(raw, options.env, (name) => missing.add(name));
    if (missing.size > 0) {
      options.logger?.warn(
        { path: options.path, variables: [...missing] },
        'manifest refers to unset environment variables without default',
      );
    }
    try {
      const { entries, rejected } = parseManifest(document);
      for (const entry of rejected) {
        options.logger?.warn(
          { path: options.path, index: entry.index, id: entry.id, reason: entry.reason },
          'manifest entry rejected',
        );
      }
      options.logger?.info(
        { path: options.path, entries: entries.map((entry) => entry.id), rejected: rejected.length },
        'manifest loaded',
      );
      return { ok: true, document, entries, rejected, origins: originsOf(entries) };
    } catch (error) {
      options.logger?.error(
        { path: options.path, error: String(error) },
        'manifest document is not a manifest',
      );
      return { ok: false, reason: 'the manifest document is not a manifest' };
    }
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
  };
}
