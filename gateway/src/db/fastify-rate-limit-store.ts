import type { RateLimitStore } from './types.ts';

// @fastify/rate-limit 11's custom store contract, typed structurally so that the database layer does
// not depend on the plugin: the plugin calls `new Store(globalOptions)`, then `child(routeOptions)`
// for each route with its own limits, and `incr(key, cb, timeWindow, max)` on every request.

export type FastifyRateLimitIncrCallback = (
  error: Error | null,
  result?: { current: number; ttl: number },
) => void;

export interface FastifyRateLimitStoreInstance {
  incr(key: string, callback: FastifyRateLimitIncrCallback, timeWindow: number, max: number): void;
  child(routeOptions: unknown): FastifyRateLimitStoreInstance;
}

export type FastifyRateLimitStoreClass = new (options: unknown) => FastifyRateLimitStoreInstance;

export interface FastifyRateLimitStoreOptions {
  /** Clock, for tests. */
  now?: () => Date;
}

interface LimitOptions {
  continueExceeding?: unknown;
  exponentialBackoff?: unknown;
  routeInfo?: { method?: unknown; url?: unknown };
}

function limitOptions(options: unknown): LimitOptions {
  return typeof options === 'object' && options !== null ? (options as LimitOptions) : {};
}

function assertFixedWindow(options: LimitOptions) {
  if (options.continueExceeding === true || options.exponentialBackoff === true) {
    throw new Error(
      'the database rate-limit store counts in fixed windows: continueExceeding and exponentialBackoff are not supported',
    );
  }
}

/**
 * A class for @fastify/rate-limit's `store` option that keeps the counters in the portal's database,
 * so that every gateway replica shares them:
 *
 * ```ts
 * await app.register(rateLimit, { store: createFastifyRateLimitStore(database.rateLimits), max, timeWindow });
 * ```
 *
 * Counters of a route with its own `config.rateLimit` are kept apart from the global ones (the key
 * is prefixed with the route's method and URL, as the plugin's Redis store does).
 */
export function createFastifyRateLimitStore(
  store: RateLimitStore,
  { now = () => new Date() }: FastifyRateLimitStoreOptions = {},
): FastifyRateLimitStoreClass {
  class DatabaseRateLimitStore implements FastifyRateLimitStoreInstance {
    readonly #prefix: string;

    constructor(options: unknown, prefix = 'global|') {
      assertFixedWindow(limitOptions(options));
      this.#prefix = prefix;
    }

    incr(key: string, callback: FastifyRateLimitIncrCallback, timeWindow: number): void {
      const at = now();
      store.incr(this.#prefix + key, at, timeWindow).then(
        ({ current, resetAt }) =>
          callback(null, { current, ttl: Math.max(0, resetAt.getTime() - at.getTime()) }),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    child(routeOptions: unknown): FastifyRateLimitStoreInstance {
      const options = limitOptions(routeOptions);
      const method = options.routeInfo?.method;
      const url = options.routeInfo?.url;
      const route = `${Array.isArray(method) ? method.join(',') : String(method ?? '')} ${String(url ?? '')}`;
      return new DatabaseRateLimitStore(options, `route ${route}|`);
    }
  }
  return DatabaseRateLimitStore;
}
