import fastifyRateLimit, {
  type FastifyRateLimitStore,
  type FastifyRateLimitStoreCtor,
  type RateLimitOptions,
} from '@fastify/rate-limit';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';

export type { FastifyRateLimitStore, FastifyRateLimitStoreCtor };

export interface RateLimitSettings {
  /** Requests one client may make per window on the routes that opt in. */
  max: number;
  timeWindowMs: number;
  /** `@fastify/rate-limit`'s store class; its in-memory LRU store when absent. */
  store?: FastifyRateLimitStoreCtor | undefined;
}

/**
 * Registers `@fastify/rate-limit` in a scope, for the routes of that scope that ask for it with
 * `config: { rateLimit: ... }` (nothing is limited globally). Keys are client addresses. A client
 * going over its limit gets a 429 (through the gateway's error handler, with Retry-After) and is
 * logged once per window, not once per request.
 */
export async function registerRateLimit(
  scope: FastifyInstance,
  settings: RateLimitSettings,
  log: FastifyBaseLogger,
): Promise<void> {
  const warned = new Map<string, number>();
  await scope.register(fastifyRateLimit, {
    global: false,
    max: settings.max,
    timeWindow: settings.timeWindowMs,
    ...(settings.store ? { store: settings.store } : {}),
    onExceeded(request, key) {
      const now = Date.now();
      const last = warned.get(key);
      if (last !== undefined && now - last < settings.timeWindowMs) return;
      if (warned.size > 10_000) warned.clear();
      warned.set(key, now);
      log.warn(
        { client: key, route: request.routeOptions.url, max: settings.max },
        'client over its rate limit',
      );
    },
  });
}

/** Route options that opt a route into the scope's rate limit. */
export function rateLimited(settings: RateLimitSettings): { rateLimit: RateLimitOptions } {
  return { rateLimit: { max: settings.max, timeWindow: settings.timeWindowMs } };
}

/**
 * A log budget: at most `perMinute` lines a minute pass; the rest are counted and reported in one
 * line when the next minute starts. Keeps a flood of client reports from filling the disk.
 */
export function createLogBudget(perMinute: number, log: FastifyBaseLogger, now: () => number = Date.now) {
  let windowStart = now();
  let used = 0;
  let dropped = 0;
  return {
    /** Whether one more line may be written now. */
    take(): boolean {
      const at = now();
      if (at - windowStart >= 60_000) {
        if (dropped > 0)
          log.warn({ dropped }, 'telemetry reports not logged in the last minute (log budget)');
        windowStart = at;
        used = 0;
        dropped = 0;
      }
      if (used < perMinute) {
        used += 1;
        return true;
      }
      dropped += 1;
      return false;
    },
  };
}
