import { expect, it } from 'vitest';
import { createOppositionStore } from './my-data-oppositions.ts';
import { describeEachDatabase } from './testing.ts';
import { HOSTILE_STRINGS } from './testing/hostile.ts';

const AT = new Date('2030-06-01T10:00:00.000Z');
const later = (ms: number) => new Date(AT.getTime() + ms);
const opposition = (reason: string, dir3: string | null = 'L01280796') => ({
  recordId: 'pid:INE-PAD-0001',
  dataType: 'SVDSCDDWS01',
  dataTitle: 'Empadronamiento',
  administration: dir3 === null ? null : { dir3, name: 'Ayuntamiento de Madrid' },
  reason,
});

describeEachDatabase('my data oppositions', (getDb) => {
  it('stores, lists newest first per citizen, withdraws once', async () => {
    const store = createOppositionStore(getDb().db);
    const first = await store.add('A', opposition('No quiero'), AT);
    const second = await store.add('A', opposition('A todas', null), later(1000));
    await store.add('B', opposition('Otra persona'), AT);
    expect((await store.list('A')).map((item) => item.id)).toEqual([second.id, first.id]);
    expect(second.administration).toBeNull();
    expect(first).toMatchObject({ administration: { dir3: 'L01280796' }, withdrawnAt: null });
    expect(await store.withdraw('B', first.id, later(2000))).toBeNull();
    const withdrawn = await store.withdraw('A', first.id, later(2000));
    expect(withdrawn?.withdrawnAt).toBe(later(2000).toISOString());
    const again = await store.withdraw('A', first.id, later(5000));
    expect(again?.withdrawnAt).toBe(later(2000).toISOString());
  });

  it('keeps hostile reasons as they are', async () => {
    const store = createOppositionStore(getDb().db);
    for (const [index, reason] of HOSTILE_STRINGS.entries()) {
      await store.add('H', opposition(reason.slice(0, 1000) || 'x'), later(index));
    }
    const reasons = (await store.list('H')).map((item) => item.reason).reverse();
    expect(reasons).toEqual(HOSTILE_STRINGS.map((reason) => reason.slice(0, 1000) || 'x'));
  });
});
