import { expect, it } from 'vitest';
import { describeEachDatabase } from './testing.ts';
import { HOSTILE_JOINED, HOSTILE_STRINGS } from './testing/hostile.ts';
import type { AuditEvent } from './types.ts';

const BASE = new Date('2030-05-10T09:00:00.000Z');
const at = (minutes: number) => new Date(BASE.getTime() + minutes * 60_000);
let counter = 0;
/** A NIF of its own for each test, so that tests sharing the database do not see each other's events. */
const nif = () => `${String(10_000_000 + ++counter)}T`;

function event(overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    kind: 'sign-in',
    at: BASE,
    citizenNif: '12345678Z',
    method: 'clave-movil',
    loa: 'substantial',
    ip: '203.0.113.7',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64)',
    detail: {},
    ...overrides,
  };
}

describeEachDatabase('audit store', (getDb) => {
  it('lists what it recorded, newest first, with string ids', async () => {
    const citizenNif = nif();
    const events = [
      event({
        citizenNif,
        at: at(0),
        detail: { provider: 'cl@ve', attempt: 1, remembered: true, reason: null },
      }),
      event({ citizenNif, at: at(30), kind: 'acting-for', detail: { nif: 'B12345674' } }),
      event({ citizenNif, at: at(45), kind: 'sign-out', method: null, loa: null, ip: null, userAgent: null }),
    ];
    for (const item of events) await getDb().audit.record(item);
    const listed = await getDb().audit.list({ citizenNif });
    expect(listed.map(({ id: _, ...rest }) => rest)).toEqual(events.toReversed());
    for (const item of listed) expect(item.id).toMatch(/^\d+$/);
    expect(new Set(listed.map((item) => item.id)).size).toBe(3);
  });

  it('filters by citizen and by kind, and honours the limit', async () => {
    const one = nif();
    const other = nif();
    for (let minute = 0; minute < 6; minute++) {
      await getDb().audit.record(
        event({ citizenNif: one, at: at(minute), kind: minute % 2 ? 'sign-out' : 'sign-in' }),
      );
    }
    await getDb().audit.record(event({ citizenNif: other, kind: 'sign-in-failed' }));
    expect(await getDb().audit.list({ citizenNif: one })).toHaveLength(6);
    const signOuts = await getDb().audit.list({ citizenNif: one, kind: 'sign-out' });
    expect(signOuts.map((item) => item.at)).toEqual([at(5), at(3), at(1)]);
    expect((await getDb().audit.list({ citizenNif: one, limit: 2 })).map((item) => item.at)).toEqual([
      at(5),
      at(4),
    ]);
    expect(await getDb().audit.list({ citizenNif: one, limit: 0 })).toEqual([]);
    const failed = await getDb().audit.list({ kind: 'sign-in-failed' });
    expect(failed.some((item) => item.citizenNif === other)).toBe(true);
    expect(failed.every((item) => item.kind === 'sign-in-failed')).toBe(true);
  });

  it('lists 100 events unless told otherwise, and never more than 1000', async () => {
    const citizenNif = nif();
    const rows = Array.from({ length: 1005 }, (_, index) => ({
      kind: 'sign-in-failed',
      at: at(index),
      citizen_nif: citizenNif,
      detail: '{}',
    }));
    await getDb().db.insertInto('audit_events').values(rows).execute();
    expect(await getDb().audit.list({ citizenNif })).toHaveLength(100);
    expect(await getDb().audit.list({ citizenNif, limit: 5000 })).toHaveLength(1000);
  });

  it('finds the last sign-in strictly before an instant', async () => {
    const citizenNif = nif();
    expect(await getDb().audit.lastSignIn(citizenNif, at(100))).toBeNull();
    await getDb().audit.record(event({ citizenNif, at: at(0), method: 'clave-pin', loa: 'low' }));
    await getDb().audit.record(event({ citizenNif, at: at(10), method: 'certificate', loa: 'high' }));
    await getDb().audit.record(event({ citizenNif, at: at(20), kind: 'sign-in-failed', method: 'dnie' }));
    await getDb().audit.record(event({ citizenNif, at: at(30), method: 'clave-movil' }));
    await getDb().audit.record(event({ citizenNif: nif(), at: at(25), method: 'dnie' }));

    expect(await getDb().audit.lastSignIn(citizenNif, at(30))).toEqual({
      at: at(10),
      method: 'certificate',
      loa: 'high',
    });
    expect(await getDb().audit.lastSignIn(citizenNif, at(31))).toEqual({
      at: at(30),
      method: 'clave-movil',
      loa: 'substantial',
    });
    expect(await getDb().audit.lastSignIn(citizenNif, at(0))).toBeNull();
  });

  it('keeps every one of many concurrent events', async () => {
    const citizenNif = nif();
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        getDb().audit.record(event({ citizenNif, detail: { index } })),
      ),
    );
    const listed = await getDb().audit.list({ citizenNif });
    expect(listed.map((item) => item.detail.index).sort((a, b) => Number(a) - Number(b))).toEqual(
      Array.from({ length: 20 }, (_, index) => index),
    );
  });

  it('stores hostile strings unchanged, in columns and in the detail', async () => {
    for (const text of [...HOSTILE_STRINGS, HOSTILE_JOINED]) {
      const citizenNif = `${text.slice(0, 200)}#${nif()}`;
      const recorded = event({
        citizenNif,
        method: text,
        ip: text,
        userAgent: text,
        detail: { [text.slice(0, 100) || 'empty']: text, text, n: -0.5, yes: false, none: null },
      });
      await getDb().audit.record(recorded);
      const [listed] = await getDb().audit.list({ citizenNif });
      expect(listed).toMatchObject(recorded);
      expect(await getDb().audit.lastSignIn(citizenNif, at(1))).toEqual({
        at: BASE,
        method: text,
        loa: 'substantial',
      });
    }
  });
});
