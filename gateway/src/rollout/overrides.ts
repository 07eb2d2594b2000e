import type { IncomingHttpHeaders } from 'node:http';
import type { ManifestEntry } from '@carpeta/sdk';

/*
 * A developer's override of a remote, as import-map-overrides does for import maps: one MFE of the
 * running portal is loaded from another URL (the developer's own build or dev server), in their
 * browser only, through a cookie set by `/dev/overrides`. Never in production: the gateway then
 * neither reads the cookie nor offers the page (404). Only origins the configuration allows
 * (CARPETA_DEV_OVERRIDE_ORIGINS) may be named, and the page's Content-Security-Policy allows the
 * overridden origin only while the override is active (it is computed from the served manifest).
 */

/** The cookie that holds the overrides: a JSON object from entry id to remote entry URL. */
export const OVERRIDE_COOKIE = 'carpeta_dev_overrides';
/** Entries one browser may override at once. */
export const MAX_OVERRIDES = 10;

/** Entry id → remote entry URL, valid and allowed. */
export type RemoteOverrides = ReadonlyMap<string, string>;

export interface OverrideSettings {
  /** Whether overrides exist at all: never with CARPETA_ENV=production. */
  enabled: boolean;
  /** Origins an override may point at (CARPETA_DEV_OVERRIDE_ORIGINS). */
  allowedOrigins: readonly string[];
}

const ENTRY_ID = /^[a-z][a-z0-9-]{1,39}$/;

export function overrideSettings(
  env: Readonly<Record<string, string | undefined>>,
  environment: 'development' | 'production',
): OverrideSettings {
  const allowedOrigins = (env.CARPETA_DEV_OVERRIDE_ORIGINS ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter((value) => value !== '')
    .flatMap((value) => {
      try {
        const url = new URL(value);
        return url.protocol === 'http:' || url.protocol === 'https:' ? [url.origin] : [];
      } catch {
        return [];
      }
    });
  return {
    enabled: environment !== 'production' && env.CARPETA_DEV_OVERRIDES !== 'false',
    allowedOrigins: [...new Set(allowedOrigins)],
  };
}

/** Why an override may not be set, or undefined when it may. */
export function overrideRefusal(settings: OverrideSettings, id: string, url: string): string | undefined {
  if (!settings.enabled) return 'overrides are not available in production';
  if (!ENTRY_ID.test(id)) return 'not an MFE id';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not an absolute URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'not an http(s) URL';
  if (url.length > 2048) return 'too long';
  if (!settings.allowedOrigins.includes(parsed.origin)) {
    return `the origin ${parsed.origin} is not allowed (CARPETA_DEV_OVERRIDE_ORIGINS)`;
  }
  return undefined;
}

/** The overrides a cookie value holds, keeping only valid, allowed ones; null when none. */
export function parseOverrides(
  value: string | undefined,
  settings: OverrideSettings,
): RemoteOverrides | null {
  if (!settings.enabled || !value) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(decodeURIComponent(value));
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const overrides = new Map<string, string>();
  for (const [id, url] of Object.entries(raw).slice(0, MAX_OVERRIDES)) {
    if (typeof url === 'string' && overrideRefusal(settings, id, url) === undefined) overrides.set(id, url);
  }
  return overrides.size > 0 ? overrides : null;
}

/** The cookie's value (the cookie library encodes it for the header, `parseOverrides` decodes it). */
export function serializeOverrides(overrides: RemoteOverrides): string {
  return JSON.stringify(Object.fromEntries(overrides));
}

/** The value of one cookie of a request, or undefined. */
export function cookieValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  for (const part of (headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at !== -1 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

export function readOverrides(
  headers: IncomingHttpHeaders,
  settings: OverrideSettings,
): RemoteOverrides | null {
  if (!settings.enabled) return null;
  return parseOverrides(cookieValue(headers, OVERRIDE_COOKIE), settings);
}

/**
 * The entries with their overridden remotes: the entry file is the developer's (its integrity
 * cannot be known, so it is dropped), labelled `override`. Entries not in the manifest are ignored.
 */
export function applyOverrides(entries: ManifestEntry[], overrides: RemoteOverrides): ManifestEntry[] {
  return entries.map((entry) => {
    const url = overrides.get(entry.id);
    if (url === undefined) return entry;
    const { integrity: _integrity, ...rest } = entry;
    return { ...rest, remote: { ...entry.remote, entry: url }, variant: 'override' };
  });
}
