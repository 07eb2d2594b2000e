import { describe, expect, it } from 'vitest';
import { createFastifyRateLimitStore, type FastifyRateLimitStoreInstance } from './index.ts';
import { describeEachDatabase } from './testing.ts';
import { HOSTILE_STRINGS } from './testing/hostile.ts';
import type { RateLimitStore } from './types.ts';

const BASE = new Date('2030-02-02T08:00:00.000Z');
const at = (ms: number) => new Date(BASE.getTime() + ms);
const WINDOW = 60_000;
let counter = 0;
const key = (name: string) => `${name}#${++counter}`;

/** Calls the store the way @fastify/rate-limit 11 does (callback style). */
function incr(store: FastifyRateLimitStoreInstance, k: string, timeWindow: number, max = 10) {
  return new Promise<{ current: number; ttl: number }>((resolve, reject) => {
    store.incr(k, (error, result) => (error || !result ? reject(error) : resolve(result)), timeWindow, max);
  });
}

describeEachDatabase('rate-limit store', (getDb) => {
  it('counts requests in fixed windows', async () => {
    const k = key('198.51.100.10');
    expect(await getDb().rateLimits.incr(k, at(0), WINDOW)).toEqual({ current: 1, resetAt: at(WINDOW) });
    expect(await getDb().rateLimits.incr(k, at(10_000), WINDOW)).toEqual({ current: 2, resetAt: at(WINDOW) });
    expect(await getDb().rateLimits.incr(k, at(WINDOW - 1), WINDOW)).toEqual({
      current: 3,
      resetAt: at(WINDOW),
    });
    expect(await getDb().rateLimits.incr(k, at(WINDOW), WINDOW)).toEqual({
      current: 1,
      resetAt: at(2 * WINDOW),
    });
    expect(await getDb().rateLimits.incr(key('other'), at(WINDOW), WINDOW)).toEqual({
      current: 1,
      resetAt: at(2 * WINDOW),
    });
  });

  it('loses no request under concurrent calls', async () => {
    const k = key('198.51.100.11');
    const results = await Promise.all(
      Array.from({ length: 20 }, () => getDb().rateLimits.incr(k, at(0), WINDOW)),
    );
    expect(results.map((result) => result.current).toSorted((x, y) => x - y)).toEqual(
      Array.from({ length: 20 }, (_, index) => index + 1),
    );
    expect(new Set(results.map((result) => result.resetAt.getTime()))).toEqual(
      new Set([at(WINDOW).getTime()]),
    );
  });

  it('keeps hostile keys apart', async () => {
    for (const text of HOSTILE_STRINGS) {
      const k = `${text}${++counter}`;
      expect((await getDb().rateLimits.incr(k, at(0), WINDOW)).current).toBe(1);
      expect((await getDb().rateLimits.incr(k, at(0), WINDOW)).current).toBe(2);
    }
  });

  describe('as the store of @fastify/rate-limit', () => {
    it('answers current and ttl through the callback, per route', async () => {
      let now = at(0);
      const Store = createFastifyRateLimitStore(getDb().rateLimits, { now: () => now });
      const global = new Store({ max: 10, timeWindow: WINDOW, continueExceeding: false });
      const ip = key('203.0.113.5');
      expect(await incr(global, ip, WINDOW)).toEqual({ current: 1, ttl: WINDOW });
      now = at(15_000);
      expect(await incr(global, ip, WINDOW)).toEqual({ current: 2, ttl: WINDOW - 15_000 });

      const login = global.child({
        max: 3,
        timeWindow: 5_000,
        routeInfo: { method: 'POST', url: '/api/auth/login' },
      });
      const logout = global.child({ routeInfo: { method: 'POST', url: '/api/auth/logout' } });
      expect(await incr(login, ip, 5_000)).toEqual({ current: 1, ttl: 5_000 });
      expect(await incr(login, ip, 5_000)).toEqual({ current: 2, ttl: 5_000 });
      expect(await incr(logout, ip, 5_000)).toEqual({ current: 1, ttl: 5_000 });
      now = at(20_000);
      expect(await incr(login, ip, 5_000)).toEqual({ current: 1, ttl: 5_000 });
      expect(await incr(global, ip, WINDOW)).toEqual({ current: 3, ttl: WINDOW - 20_000 });
    });

    it('shares the counters between gateways (two plugin instances on one database)', async () => {
      const now = () => at(0);
      const one = new (createFastifyRateLimitStore(getDb().rateLimits, { now }))({});
      const two = new (createFastifyRateLimitStore(getDb().rateLimits, { now }))({});
      const ip = key('203.0.113.6');
      await incr(one, ip, WINDOW);
      await incr(two, ip, WINDOW);
      expect((await incr(one, ip, WINDOW)).current).toBe(3);
    });

    it('passes database errors to the callback', async () => {
      const failing: RateLimitStore = { incr: () => Promise.reject(new Error('connection refused')) };
      const store = new (createFastifyRateLimitStore(failing))({});
      await expect(incr(store, 'ip', WINDOW)).rejects.toThrow('connection refused');
      const odd: RateLimitStore = { incr: () => Promise.reject('not an error') };
      await expect(incr(new (createFastifyRateLimitStore(odd))({}), 'ip', WINDOW)).rejects.toThrow(
        'not an error',
      );
    });

    it('refuses the sliding options it cannot honour', () => {
      const Store = createFastifyRateLimitStore(getDb().rateLimits);
      expect(() => new Store({ continueExceeding: true })).toThrow(/continueExceeding/);
      expect(() => new Store({}).child({ exponentialBackoff: true, routeInfo: {} })).toThrow(
        /exponentialBackoff/,
      );
    });
  });
});
