import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyServerOptions } from 'fastify';
import type { NotificationConnector } from './connectors/types.ts';
import { loadSecuritySettings, type SecuritySettings } from './security/settings.ts';

export interface GatewayConfig extends SecuritySettings {
  /** Directory of the built shell (index.html and assets). */
  shellDist: string;
  /** Path of the MFE manifest config file (JSON, with ${VAR:-default} references). */
  manifestPath: string;
  /** Environment used for the manifest's ${VAR} references. */
  env: Readonly<Record<string, string | undefined>>;
  agencyDehuUrl: string;
  agencyTimeoutMs: number;
  /** Until login exists, the gateway acts for this citizen (NIF/NIE). */
  demoCitizen: string;
  logger?: FastifyServerOptions['logger'];
  /** Clock, for tests. */
  now?: () => Date;
  /** Replaces the connectors built from the agency settings (tests, other deployments). */
  notificationConnectors?: NotificationConnector[];
}

export interface GatewayServerConfig extends GatewayConfig {
  host: string;
  port: number;
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '..', '..');
/** The first test citizen of @carpeta/mocks (María García López). */
export const DEFAULT_DEMO_CITIZEN = '12345678Z';

function integer(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  fallback: number,
  min: number,
  max: number,
) {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function text(env: Readonly<Record<string, string | undefined>>, name: string, fallback: string): string {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? fallback : raw;
}

/** The gateway's settings from environment variables, with the documented defaults. */
export function loadConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): GatewayServerConfig {
  const agencyDehuUrl = text(env, 'AGENCY_DEHU_URL', 'http://127.0.0.1:4101');
  try {
    new URL(agencyDehuUrl);
  } catch {
    throw new Error(`AGENCY_DEHU_URL must be an absolute URL, got "${agencyDehuUrl}"`);
  }
  const port = integer(env, 'PORT_GATEWAY', 4000, 0, 65535);
  return {
    host: '127.0.0.1',
    port,
    shellDist: path.resolve(text(env, 'SHELL_DIST', path.join(REPO_ROOT, 'shell', 'dist'))),
    manifestPath: path.resolve(
      text(env, 'CARPETA_MANIFEST', path.join(REPO_ROOT, 'gateway', 'config', 'mfes.json')),
    ),
    env,
    agencyDehuUrl,
    agencyTimeoutMs: integer(env, 'AGENCY_TIMEOUT_MS', 4000, 1, 120_000),
    demoCitizen: text(env, 'CARPETA_DEMO_CITIZEN', DEFAULT_DEMO_CITIZEN).toUpperCase(),
    ...loadSecuritySettings(env, port),
  };
}
