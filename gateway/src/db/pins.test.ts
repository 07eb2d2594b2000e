import { expect, it } from 'vitest';
import { createPinStore } from './pins.ts';
import { describeEachDatabase } from './testing.ts';
import { HOSTILE_STRINGS } from './testing/hostile.ts';

const AT = new Date('2030-06-01T10:00:00.000Z');
const later = (ms: number) => new Date(AT.getTime() + ms);

describeEachDatabase('pin store', (getDb) => {
  it('pins, relabels in place, lists oldest first, unpins; per citizen', async () => {
    const pins = createPinStore(getDb().db);
    expect(await pins.add('A', '/files', 'Expedientes', AT)).toBe('added');
    expect(await pins.add('A', 'dehu:N-1', 'Multa', later(1000))).toBe('added');
    expect(await pins.add('A', '/files', 'Mis expedientes', later(2000))).toBe('updated');
    expect(await pins.list('A')).toEqual([
      { target: '/files', label: 'Mis expedientes', pinnedAt: AT },
      { target: 'dehu:N-1', label: 'Multa', pinnedAt: later(1000) },
    ]);
    expect(await pins.list('B')).toEqual([]);
    expect(await pins.remove('B', '/files')).toBe(false);
    expect(await pins.remove('A', '/files')).toBe(true);
    expect(await pins.remove('A', '/files')).toBe(false);
    expect((await pins.list('A')).map((pin) => pin.target)).toEqual(['dehu:N-1']);
  });

  it('stores hostile labels as they are', async () => {
    const pins = createPinStore(getDb().db);
    for (const [index, label] of HOSTILE_STRINGS.entries()) {
      await pins.add('H', `t-${index}`, label.slice(0, 120) || 'x', later(index));
    }
    expect((await pins.list('H')).map((pin) => pin.label)).toEqual(
      HOSTILE_STRINGS.map((label) => label.slice(0, 120) || 'x'),
    );
  });

  it('keeps at most the limit, even for concurrent pins', async () => {
    const pins = createPinStore(getDb().db, 5);
    for (let index = 0; index < 4; index++) await pins.add('C', `/t${index}`, 'x', later(index));
    const results = await Promise.all(
      ['/a', '/b', '/c', '/d'].map((target, index) => pins.add('C', target, 'x', later(100 + index))),
    );
    expect(results.filter((result) => result === 'added')).toHaveLength(1);
    expect(results.filter((result) => result === 'limit')).toHaveLength(3);
    expect(await pins.list('C')).toHaveLength(5);
    // Relabelling one already pinned is not a new pin.
    expect(await pins.add('C', '/t0', 'renamed', later(500))).toBe('updated');
  });
});
