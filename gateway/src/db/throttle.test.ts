import { expect, it } from 'vitest';
import { describeEachDatabase } from './testing.ts';
import { HOSTILE_STRINGS } from './testing/hostile.ts';

const BASE = new Date('2030-01-15T12:00:00.000Z');
const at = (ms: number) => new Date(BASE.getTime() + ms);
const WINDOW = 15 * 60_000;
let counter = 0;
const key = (name: string) => `${name}#${++counter}`;

describeEachDatabase('throttle store', (getDb) => {
  it('counts failures in a fixed window that starts with the first failure', async () => {
    const k = key('nif:12345678Z');
    expect(await getDb().throttle.failures(k, at(0))).toBe(0);
    expect(await getDb().throttle.fail(k, at(0), WINDOW)).toBe(1);
    expect(await getDb().throttle.fail(k, at(WINDOW / 2), WINDOW)).toBe(2);
    expect(await getDb().throttle.fail(k, at(WINDOW - 1), WINDOW)).toBe(3);
    expect(await getDb().throttle.failures(k, at(WINDOW - 1))).toBe(3);
    // The window ends WINDOW after the first failure, not after the last one.
    expect(await getDb().throttle.failures(k, at(WINDOW))).toBe(0);
    expect(await getDb().throttle.fail(k, at(WINDOW), WINDOW)).toBe(1);
    expect(await getDb().throttle.fail(k, at(2 * WINDOW - 1), WINDOW)).toBe(2);
    expect(await getDb().throttle.failures(k, at(2 * WINDOW))).toBe(0);
  });

  it('reset forgets the failures of one key only', async () => {
    const a = key('ip:198.51.100.1');
    const b = key('ip:198.51.100.2');
    await getDb().throttle.fail(a, at(0), WINDOW);
    await getDb().throttle.fail(a, at(0), WINDOW);
    await getDb().throttle.fail(b, at(0), WINDOW);
    await getDb().throttle.reset(a);
    expect(await getDb().throttle.failures(a, at(1))).toBe(0);
    expect(await getDb().throttle.failures(b, at(1))).toBe(1);
    await getDb().throttle.reset('never-seen');
    expect(await getDb().throttle.fail(a, at(1), WINDOW)).toBe(1);
  });

  it('loses no failure under concurrent calls', async () => {
    const k = key('nif:concurrent');
    const counts = await Promise.all(
      Array.from({ length: 20 }, () => getDb().throttle.fail(k, at(0), WINDOW)),
    );
    expect(counts.toSorted((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    expect(await getDb().throttle.failures(k, at(1))).toBe(20);
  });

  it('keeps hostile keys apart and unchanged', async () => {
    for (const text of HOSTILE_STRINGS) {
      const k = `${text}${++counter}`;
      expect(await getDb().throttle.fail(k, at(0), WINDOW)).toBe(1);
      expect(await getDb().throttle.fail(k, at(0), WINDOW)).toBe(2);
      expect(await getDb().throttle.failures(k, at(0))).toBe(2);
    }
    const rows = await getDb().db.selectFrom('login_throttle').select(['key', 'failures']).execute();
    for (const text of HOSTILE_STRINGS) {
      expect(rows.filter((row) => row.key.startsWith(text) && row.key.length <= text.length + 4)).not.toEqual(
        [],
      );
    }
  });
});
