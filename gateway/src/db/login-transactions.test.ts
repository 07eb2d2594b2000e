import { expect, it } from 'vitest';
import { describeEachDatabase } from './testing.ts';
import { HOSTILE_JOINED, HOSTILE_STRINGS } from './testing/hostile.ts';
import type { LoginTransaction } from './types.ts';

const BASE = new Date('2030-04-04T16:00:00.000Z');
const at = (ms: number) => new Date(BASE.getTime() + ms);
let counter = 0;

function transaction(overrides: Partial<LoginTransaction> = {}): LoginTransaction {
  counter += 1;
  return {
    state: `state-${counter}-Xk2b9Q`,
    nonce: `nonce-${counter}`,
    codeVerifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
    returnTo: '/notifications?page=2#top',
    acrValues: 'http://eidas.europa.eu/LoA/substantial',
    language: 'es',
    createdAt: BASE,
    expiresAt: at(10 * 60_000),
    ...overrides,
  };
}

describeEachDatabase('login transaction store', (getDb) => {
  it('gives a transaction back once', async () => {
    const tx = transaction();
    await getDb().loginTransactions.create(tx);
    expect(await getDb().loginTransactions.take(tx.state, at(1000))).toEqual(tx);
    expect(await getDb().loginTransactions.take(tx.state, at(1000))).toBeNull();
    const bare = transaction({ acrValues: null, language: null });
    await getDb().loginTransactions.create(bare);
    expect(await getDb().loginTransactions.take(bare.state, at(1000))).toEqual(bare);
  });

  it('answers null for an unknown state', async () => {
    expect(await getDb().loginTransactions.take('never-issued', at(0))).toBeNull();
  });

  it('answers null for an expired transaction, and forgets it', async () => {
    const tx = transaction({ expiresAt: at(60_000) });
    await getDb().loginTransactions.create(tx);
    expect(await getDb().loginTransactions.take(tx.state, at(60_000))).toBeNull();
    expect(await getDb().loginTransactions.take(tx.state, at(0))).toBeNull();
  });

  it('refuses a second transaction with the same state', async () => {
    const tx = transaction();
    await getDb().loginTransactions.create(tx);
    await expect(getDb().loginTransactions.create({ ...tx, nonce: 'other' })).rejects.toThrow();
    expect((await getDb().loginTransactions.take(tx.state, at(0)))?.nonce).toBe(tx.nonce);
  });

  it('of two concurrent callbacks with one state exactly one wins', async () => {
    for (let round = 0; round < 10; round++) {
      const tx = transaction();
      await getDb().loginTransactions.create(tx);
      const results = await Promise.all([
        getDb().loginTransactions.take(tx.state, at(0)),
        getDb().loginTransactions.take(tx.state, at(0)),
      ]);
      expect(results.filter((result) => result !== null)).toEqual([tx]);
    }
  });

  it('stores hostile strings unchanged', async () => {
    for (const text of [...HOSTILE_STRINGS, HOSTILE_JOINED]) {
      const tx = transaction({
        state: `${text.slice(0, 1000)}${counter}`,
        nonce: text,
        codeVerifier: text,
        returnTo: text,
        acrValues: text,
        language: text,
      });
      await getDb().loginTransactions.create(tx);
      expect(await getDb().loginTransactions.take(tx.state, at(0))).toEqual(tx);
    }
  });
});
