import type { AlertChannel, AlertSettings } from './alerts/index.ts';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyServerOptions } from 'fastify';
import type { ConnectorFactory } from './agencies/types.ts';
import type { OidcSettings } from './auth/oidc.ts';
import type { ThrottleSettings } from './auth/routes.ts';
import type { SessionSettings } from './auth/sessions.ts';
import type { NotificationConnector, SourceConnector } from './connectors/types.ts';
import { loadSecuritySettings, type SecuritySettings } from './security/settings.ts';

export interface GatewayConfig extends SecuritySettings {
  /** Directory of the built shell (index.html and assets). */
  shellDist: string;
  /**
   * The shell's server render (SHELL_RENDER; by default `dist-server/render.js` beside
   * `shellDist`): pages then carry the shell's layout as HTML. Without it (not built) the shell
   * renders its layout in the browser.
   */
  shellRender?: string | undefined;
  /** Path of the MFE manifest config file (JSON, with ${VAR:-default} references). */
  manifestPath: string;
  /** Environment used for the manifest's ${VAR} references (and the push settings, PUSH_*). */
  env: Readonly<Record<string, string | undefined>>;
  /** Web Push (push/send.ts); from PUSH_* in `env` when absent. */
  push?: import('./push/send.ts').PushSettings | undefined;
  /**
   * The folder's sources (gateway/config/agencies.json, or CARPETA_AGENCIES): JSON whose `baseUrl`s
   * may use ${AGENCY_<ID>_URL:-default}, read from `env`.
   */
  agenciesPath: string;
  /** The register of powers of attorney (REA). */
  agencyReaUrl: string;
  /** The general electronic registry and its directory of bodies (DIR3). */
  agencyRegistryUrl: string;
  /** The REA's time limit; when AGENCY_TIMEOUT_MS is set, also every folder source's. */
  agencyTimeoutMs: number;
  /** Set (from AGENCY_TIMEOUT_MS) to replace the `timeoutMs` of every entry of the agencies file. */
  agencyTimeoutOverrideMs?: number | undefined;
  /** Set (from AGENCY_CACHE_SECONDS) to replace the `cacheSeconds` of every entry (0: no cache; benches). */
  agencyCacheOverrideSeconds?: number | undefined;
  /** Set (from AGENCY_BREAKER_HALF_OPEN_MS) to replace how long every source's open circuit waits before a probe. */
  agencyHalfOpenOverrideMs?: number | undefined;
  /** The identity provider and this portal's registration with it. */
  oidc: OidcSettings;
  sessions: SessionSettings;
  throttle: ThrottleSettings;
  logger?: FastifyServerOptions['logger'];
  /** Clock, for tests. */
  now?: () => Date;
  /** Replaces the connectors built from the agency settings (tests, other deployments). */
  notificationConnectors?: NotificationConnector[];
  /** Replaces the sources built from the agencies file (tests, other deployments). */
  sources?: SourceConnector[];
  /** Replaces the registry's connector types (tests: a fake agency's type). */
  connectorTypes?: Record<string, ConnectorFactory>;
  /** The alerts centre: scheduler interval, SMTP server, SMS gateway. */
  alerts: AlertSettings;
  /** More alert channels (a web push adapter) or replacements of the built-in ones (tests). */
  alertChannels?: AlertChannel[];
}

export interface GatewayServerConfig extends GatewayConfig {
  host: string;
  port: number;
  /** PostgreSQL connection string; unset → the embedded database in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '..', '..');

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

function absoluteUrl(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  fallback: string,
): string {
  const value = text(env, name, fallback);
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http');
  } catch {
    throw new Error(`${name} must be an absolute http(s) URL, got "${value}"`);
  }
  return value.replace(/\/+$/, '');
}

function smtpUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.protocol === 'smtp:' || url.protocol === 'smtps:') return value;
  } catch {
    // Said below.
  }
  throw new Error(`ALERTS_SMTP_URL must be smtp://host:port or smtps://host:port, got "${value}"`);
}

function text(env: Readonly<Record<string, string | undefined>>, name: string, fallback: string): string {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? fallback : raw;
}

/** The gateway's settings from environment variables, with the documented defaults. */
export function loadConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): GatewayServerConfig {
  const port = integer(env, 'PORT_GATEWAY', 4000, 0, 65535);
  const security = loadSecuritySettings(env, port);
  const portalOrigin = security.portalOrigin;
  const idleSeconds = integer(env, 'SESSION_IDLE_SECONDS', 3600, 10, 86_400);
  const absoluteSeconds = integer(env, 'SESSION_ABSOLUTE_SECONDS', 8 * 3600, 10, 7 * 86_400);
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  return {
    host: '127.0.0.1',
    port,
    shellDist: path.resolve(text(env, 'SHELL_DIST', path.join(REPO_ROOT, 'shell', 'dist'))),
    shellRender: env.SHELL_RENDER?.trim() ? path.resolve(env.SHELL_RENDER.trim()) : undefined,
    manifestPath: path.resolve(
      text(env, 'CARPETA_MANIFEST', path.join(REPO_ROOT, 'gateway', 'config', 'mfes.json')),
    ),
    env,
    agenciesPath: path.resolve(
      text(env, 'CARPETA_AGENCIES', path.join(REPO_ROOT, 'gateway', 'config', 'agencies.json')),
    ),
    agencyReaUrl: absoluteUrl(env, 'AGENCY_REA_URL', 'http://127.0.0.1:4102'),
    agencyRegistryUrl: absoluteUrl(env, 'AGENCY_REGISTRY_URL', 'http://127.0.0.1:4111'),
    agencyTimeoutMs: integer(env, 'AGENCY_TIMEOUT_MS', 4000, 1, 120_000),
    agencyTimeoutOverrideMs: env.AGENCY_TIMEOUT_MS?.trim()
      ? integer(env, 'AGENCY_TIMEOUT_MS', 4000, 1, 120_000)
      : undefined,
    agencyCacheOverrideSeconds: env.AGENCY_CACHE_SECONDS?.trim()
      ? integer(env, 'AGENCY_CACHE_SECONDS', 0, 0, 3600)
      : undefined,
    agencyHalfOpenOverrideMs: env.AGENCY_BREAKER_HALF_OPEN_MS?.trim()
      ? integer(env, 'AGENCY_BREAKER_HALF_OPEN_MS', 10_000, 1, 3_600_000)
      : undefined,
    ...security,
    oidc: {
      issuer: absoluteUrl(env, 'IDP_URL', 'http://127.0.0.1:4110'),
      clientId: text(env, 'OIDC_CLIENT_ID', 'carpeta-portal'),
      clientSecret: text(env, 'OIDC_CLIENT_SECRET', 'carpeta-dev-secret-change-me'),
      redirectUri: `${portalOrigin}/auth/callback`,
      postLogoutRedirectUri: `${portalOrigin}/`,
    },
    sessions: { idleMs: idleSeconds * 1000, absoluteMs: absoluteSeconds * 1000 },
    throttle: {
      maxFailures: integer(env, 'SIGNIN_MAX_FAILURES', 5, 1, 1000),
      windowMs: integer(env, 'SIGNIN_FAILURE_WINDOW_SECONDS', 900, 1, 86_400) * 1000,
    },
    alerts: {
      intervalMs: integer(env, 'ALERTS_INTERVAL_MS', 0, 0, 86_400_000),
      smtpUrl: env.ALERTS_SMTP_URL?.trim() ? smtpUrl(env.ALERTS_SMTP_URL.trim()) : null,
      mailFrom: text(env, 'ALERTS_MAIL_FROM', 'Carpeta Ciudadana <avisos@carpeta.invalid>'),
      smsUrl: env.AGENCY_SMS_URL?.trim() ? absoluteUrl(env, 'AGENCY_SMS_URL', '') : null,
    },
    databaseUrl,
    dataDir: path.resolve(text(env, 'CARPETA_DATA_DIR', path.join(REPO_ROOT, '.carpeta', 'data', 'pglite'))),
  };
}
