import type { FastifyRateLimitStoreCtor } from './rate-limit.ts';

type Env = Readonly<Record<string, string | undefined>>;

/** Local development (loopback, http allowed) or production (https and pinned remotes required). */
export type CarpetaEnvironment = 'development' | 'production';

/** What protects the gateway and the portal it serves; read from the environment by loadConfig. */
export interface SecuritySettings {
  environment: CarpetaEnvironment;
  /** The origin citizens use, e.g. "https://carpeta.example.es"; requests for other hosts are refused. */
  portalOrigin: string;
  /**
   * MFE origins allowed in the manifest besides those of the MFE URL variables (`MFE_*_URL`) of the
   * gateway's environment. An entry whose remote is elsewhere is rejected with a reason.
   */
  mfeOrigins: string[];
  /** Reject manifest entries without an `integrity` hash of their remote entry (default: in production). */
  requireIntegrity: boolean;
  limits: GatewayLimits;
  /**
   * The rate limiter's store (`@fastify/rate-limit`'s store class); its in-memory store by default.
   * Several gateway replicas share a limit through a store backed by something they all reach.
   */
  rateLimitStore?: FastifyRateLimitStoreCtor;
}

export interface GatewayLimits {
  /** Time to receive a whole request, headers and body. */
  requestTimeoutMs: number;
  /** Time to receive the request headers. */
  headersTimeoutMs: number;
  /** An idle kept-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** Open connections one client address may hold at once (0: no limit). */
  connectionsPerClient: number;
  /** Telemetry reports one client may send per minute. */
  telemetryPerMinute: number;
  /** Telemetry reports written to the log per minute, all clients together; the rest are counted. */
  telemetryLogPerMinute: number;
  /** Questions one client may ask the assistant per minute (messages, classify, services, feedback). */
  assistantPerMinute: number;
  /** Feedback forms and accessibility requests one client may send per hour (spam protection). */
  feedbackPerHour: number;
}

export const DEFAULT_LIMITS: GatewayLimits = {
  requestTimeoutMs: 10_000,
  headersTimeoutMs: 5_000,
  keepAliveTimeoutMs: 5_000,
  connectionsPerClient: 64,
  telemetryPerMinute: 60,
  telemetryLogPerMinute: 120,
  assistantPerMinute: 60,
  feedbackPerHour: 10,
};

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'no'].includes(raw)) return false;
  throw new Error(`${name} must be true or false, got "${env[name]}"`);
}

/** The origin of an absolute http(s) URL, or an error naming the setting. */
export function originOf(value: string, setting: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${setting} must hold absolute http(s) URLs, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${setting} must hold absolute http(s) URLs, got "${value}"`);
  }
  return url.origin;
}

/** Names of the variables the manifest may use: the MFE URL variables, e.g. MFE_HOME_URL. */
export const MFE_URL_VARIABLE = /^MFE_[A-Z0-9_]+_URL$/;

/** The MFE URL variables set in an environment, and the origins they name. */
export function mfeUrlVariables(env: Env): { names: string[]; origins: string[] } {
  const names = Object.keys(env)
    .filter((name) => MFE_URL_VARIABLE.test(name) && (env[name] ?? '').trim() !== '')
    .sort();
  const origins = new Set<string>();
  for (const name of names) {
    try {
      origins.add(originOf(env[name] ?? '', name));
    } catch {
      // A variable that is not a URL allows no origin; entries using it are rejected.
    }
  }
  return { names, origins: [...origins].sort() };
}

export function loadSecuritySettings(env: Env, port: number): SecuritySettings {
  const rawEnvironment = env.CARPETA_ENV?.trim() || 'development';
  if (rawEnvironment !== 'development' && rawEnvironment !== 'production') {
    throw new Error(`CARPETA_ENV must be "development" or "production", got "${rawEnvironment}"`);
  }
  const environment: CarpetaEnvironment = rawEnvironment;
  const production = environment === 'production';

  const rawPortal = env.PORTAL_ORIGIN?.trim();
  if (production && !rawPortal) throw new Error('PORTAL_ORIGIN is required when CARPETA_ENV=production');
  const portalOrigin = originOf(rawPortal || `http://127.0.0.1:${port}`, 'PORTAL_ORIGIN');

  const mfeOrigins = [
    ...new Set(
      (env.CARPETA_MFE_ORIGINS ?? '')
        .split(',')
        .map((value) => value.trim())
        .filter((value) => value !== '')
        .map((value) => originOf(value, 'CARPETA_MFE_ORIGINS')),
    ),
  ];
  if (production) {
    const plain = [portalOrigin, ...mfeOrigins].filter((origin) => !origin.startsWith('https:'));
    if (plain.length > 0) {
      throw new Error(`with CARPETA_ENV=production every origin must use https, not ${plain.join(', ')}`);
    }
  }

  return {
    environment,
    portalOrigin,
    mfeOrigins,
    requireIntegrity: flag(env, 'CARPETA_REQUIRE_INTEGRITY', production),
    limits: {
      requestTimeoutMs: integer(
        env,
        'GATEWAY_REQUEST_TIMEOUT_MS',
        DEFAULT_LIMITS.requestTimeoutMs,
        1000,
        300_000,
      ),
      headersTimeoutMs: integer(
        env,
        'GATEWAY_HEADERS_TIMEOUT_MS',
        DEFAULT_LIMITS.headersTimeoutMs,
        1000,
        300_000,
      ),
      keepAliveTimeoutMs: integer(
        env,
        'GATEWAY_KEEP_ALIVE_TIMEOUT_MS',
        DEFAULT_LIMITS.keepAliveTimeoutMs,
        1000,
        300_000,
      ),
      connectionsPerClient: integer(
        env,
        'GATEWAY_CONNECTIONS_PER_CLIENT',
        DEFAULT_LIMITS.connectionsPerClient,
        0,
        100_000,
      ),
      telemetryPerMinute: integer(
        env,
        'TELEMETRY_RATE_PER_MINUTE',
        DEFAULT_LIMITS.telemetryPerMinute,
        1,
        100_000,
      ),
      telemetryLogPerMinute: integer(
        env,
        'TELEMETRY_LOG_PER_MINUTE',
        DEFAULT_LIMITS.telemetryLogPerMinute,
        0,
        1_000_000,
      ),
      assistantPerMinute: integer(
        env,
        'ASSISTANT_RATE_PER_MINUTE',
        DEFAULT_LIMITS.assistantPerMinute,
        1,
        1_000_000,
      ),
      feedbackPerHour: integer(env, 'FEEDBACK_RATE_PER_HOUR', DEFAULT_LIMITS.feedbackPerHour, 1, 1_000_000),
    },
  };
}
