import { expect, it } from 'vitest';
import {
  createIdempotencyStore,
  DEFAULT_IDEMPOTENCY_IN_PROGRESS_TIMEOUT_MS,
  DEFAULT_IDEMPOTENCY_RETENTION_MS,
} from './idempotency.ts';
import { describeEachDatabase } from './testing.ts';
import { HOSTILE_JOINED, HOSTILE_STRINGS } from './testing/hostile.ts';

const BASE = new Date('2030-06-01T10:00:00.000Z');
const at = (ms: number) => new Date(BASE.getTime() + ms);
let counter = 0;
const scope = () => `12345678Z|POST /api/registry/submissions|${++counter}`;
const KEY = '0f6b2f52-2d7e-4a3a-9d55-3c1b7d1c9e10';

describeEachDatabase('idempotency store', (getDb) => {
  it('claims a key, reports it in progress, then replays the stored answer', async () => {
    const s = scope();
    const store = getDb().idempotency;
    expect(await store.begin(s, KEY, 'hash-a', at(0))).toEqual({ state: 'new' });
    expect(await store.begin(s, KEY, 'hash-a', at(1))).toEqual({ state: 'in-progress' });
    expect(await store.begin(s, KEY, 'hash-b', at(1))).toEqual({ state: 'mismatch' });
    await store.complete(s, KEY, 201, '{"id":"REG-1"}');
    expect(await store.begin(s, KEY, 'hash-a', at(2))).toEqual({
      state: 'replay',
      status: 201,
      body: '{"id":"REG-1"}',
    });
    expect(await store.begin(s, KEY, 'hash-b', at(2))).toEqual({ state: 'mismatch' });
  });

  it('keeps the first answer when completed twice', async () => {
    const s = scope();
    const store = getDb().idempotency;
    await store.begin(s, KEY, 'h', at(0));
    await store.complete(s, KEY, 201, 'first');
    await store.complete(s, KEY, 500, 'second');
    expect(await store.begin(s, KEY, 'h', at(1))).toEqual({ state: 'replay', status: 201, body: 'first' });
  });

  it('forgets an abandoned key, but never a completed one', async () => {
    const s = scope();
    const store = getDb().idempotency;
    await store.begin(s, KEY, 'h', at(0));
    await store.abandon(s, KEY);
    expect(await store.begin(s, KEY, 'other-hash', at(1))).toEqual({ state: 'new' });
    await store.complete(s, KEY, 200, 'done');
    await store.abandon(s, KEY);
    expect(await store.begin(s, KEY, 'other-hash', at(2))).toEqual({
      state: 'replay',
      status: 200,
      body: 'done',
    });
    await store.abandon('never-seen', 'never-seen');
  });

  it('keeps scopes apart', async () => {
    const one = scope();
    const two = scope();
    expect(await getDb().idempotency.begin(one, KEY, 'h', at(0))).toEqual({ state: 'new' });
    expect(await getDb().idempotency.begin(two, KEY, 'h', at(0))).toEqual({ state: 'new' });
    await getDb().idempotency.complete(one, KEY, 204, '');
    expect(await getDb().idempotency.begin(two, KEY, 'h', at(1))).toEqual({ state: 'in-progress' });
    expect(await getDb().idempotency.begin(one, KEY, 'h', at(1))).toEqual({
      state: 'replay',
      status: 204,
      body: '',
    });
  });

  it('of concurrent requests with one key exactly one is new', async () => {
    for (let round = 0; round < 5; round++) {
      const s = scope();
      const results = await Promise.all(
        Array.from({ length: 10 }, () => getDb().idempotency.begin(s, KEY, 'h', at(0))),
      );
      expect(results.filter((result) => result.state === 'new')).toHaveLength(1);
      expect(results.filter((result) => result.state === 'in-progress')).toHaveLength(9);
    }
  });

  it('lets a request take over a key left in progress by a gateway that died', async () => {
    const s = scope();
    const store = getDb().idempotency;
    expect(await store.begin(s, KEY, 'h', at(0))).toEqual({ state: 'new' });
    const stale = DEFAULT_IDEMPOTENCY_IN_PROGRESS_TIMEOUT_MS;
    expect(await store.begin(s, KEY, 'h', at(stale - 1))).toEqual({ state: 'in-progress' });
    expect(await store.begin(s, KEY, 'h', at(stale))).toEqual({ state: 'new' });
    expect(await store.begin(s, KEY, 'h', at(stale + 1))).toEqual({ state: 'in-progress' });
  });

  it('forgets keys after the retention period, and the period is configurable', async () => {
    const s = scope();
    const store = getDb().idempotency;
    await store.begin(s, KEY, 'h', at(0));
    await store.complete(s, KEY, 201, 'created');
    const retention = DEFAULT_IDEMPOTENCY_RETENTION_MS;
    expect((await store.begin(s, KEY, 'h', at(retention - 1))).state).toBe('replay');
    expect(await store.begin(s, KEY, 'other', at(retention))).toEqual({ state: 'new' });

    const short = createIdempotencyStore(getDb().db, { retentionMs: 1000, inProgressTimeoutMs: 100 });
    const t = scope();
    expect(await short.begin(t, KEY, 'h', at(0))).toEqual({ state: 'new' });
    expect(await short.begin(t, KEY, 'h', at(100))).toEqual({ state: 'new' });
    await short.complete(t, KEY, 200, 'ok');
    expect((await short.begin(t, KEY, 'h', at(1099))).state).toBe('replay');
    expect(await short.begin(t, KEY, 'h', at(1100))).toEqual({ state: 'new' });
  });

  it('stores hostile scopes, keys and bodies unchanged', async () => {
    for (const text of HOSTILE_STRINGS) {
      const s = `${text}${scope()}`;
      const k = `${text.slice(0, 200)}${counter}`;
      expect(await getDb().idempotency.begin(s, k, text, at(0))).toEqual({ state: 'new' });
      await getDb().idempotency.complete(s, k, 422, HOSTILE_JOINED + text);
      expect(await getDb().idempotency.begin(s, k, text, at(1))).toEqual({
        state: 'replay',
        status: 422,
        body: HOSTILE_JOINED + text,
      });
    }
    const big = JSON.stringify({
      items: Array.from({ length: 20_000 }, (_, index) => ({ index, text: 'ñ😀' })),
    });
    const s = scope();
    await getDb().idempotency.begin(s, KEY, 'h', at(0));
    await getDb().idempotency.complete(s, KEY, 200, big);
    expect(await getDb().idempotency.begin(s, KEY, 'h', at(1))).toEqual({
      state: 'replay',
      status: 200,
      body: big,
    });
  });
});
