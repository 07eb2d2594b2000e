import { expect, it } from 'vitest';
import { describeEachDatabase } from './testing.ts';
import { HOSTILE_JOINED, HOSTILE_STRINGS } from './testing/hostile.ts';
import type { SessionRecord } from './types.ts';

const MINUTE = 60_000;
const BASE = new Date('2030-03-01T10:00:00.000Z');
const at = (ms: number, base = BASE) => new Date(base.getTime() + ms);
let counter = 0;

function session(overrides: Partial<SessionRecord> = {}, base = BASE): SessionRecord {
  counter += 1;
  return {
    id: `${'ab'.repeat(28)}${String(counter).padStart(8, '0')}`,
    citizen: {
      nif: '12345678Z',
      givenName: 'María',
      surnames: 'García López',
      displayName: 'María García López',
      documentType: 'NIF',
    },
    loa: 'substantial',
    method: 'clave-movil',
    actingFor: null,
    csrfToken: `csrf-${counter}`,
    idToken: 'eyJhbGciOi.eyJzdWIi.c2lnbmF0dXJl',
    previousAccess: { at: '2030-02-27T08:15:00.000Z', method: 'clave-pin', loa: 'substantial' },
    createdAt: base,
    lastSeenAt: base,
    idleExpiresAt: at(15 * MINUTE, base),
    absoluteExpiresAt: at(8 * 60 * MINUTE, base),
    ...overrides,
  };
}

describeEachDatabase('session store', (getDb) => {
  it('gives back exactly what it stored', async () => {
    const record = session({
      actingFor: {
        nif: 'B12345674',
        displayName: 'Ferretería Ejemplo S.L.',
        kind: 'company',
        powerId: 'apoder-991',
        powerKind: 'general',
        validUntil: '2031-01-01',
      },
    });
    await getDb().sessions.create(record);
    expect(await getDb().sessions.get(record.id, at(MINUTE))).toEqual(record);
    const bare = session({ idToken: null, previousAccess: null, loa: 'high', method: 'dnie' });
    await getDb().sessions.create(bare);
    expect(await getDb().sessions.get(bare.id, at(MINUTE))).toEqual(bare);
  });

  it('keeps the maintainer role the identity provider vouched for (migration 0007)', async () => {
    const maintainer = session({ role: 'maintainer' });
    await getDb().sessions.create(maintainer);
    expect(await getDb().sessions.get(maintainer.id, at(MINUTE))).toEqual(maintainer);
    expect((await getDb().sessions.touch(maintainer.id, at(MINUTE), 15 * MINUTE))?.role).toBe('maintainer');
  });

  it('refuses a second session with the same id', async () => {
    const record = session();
    await getDb().sessions.create(record);
    await expect(getDb().sessions.create({ ...record, csrfToken: 'other' })).rejects.toThrow();
    expect((await getDb().sessions.get(record.id, at(MINUTE)))?.csrfToken).toBe(record.csrfToken);
  });

  it('answers null for a missing session and for one expired by idleness or age', async () => {
    expect(await getDb().sessions.get('no-such-session', at(0))).toBeNull();
    const record = session({ idleExpiresAt: at(15 * MINUTE), absoluteExpiresAt: at(60 * MINUTE) });
    await getDb().sessions.create(record);
    expect(await getDb().sessions.get(record.id, at(15 * MINUTE - 1))).not.toBeNull();
    expect(await getDb().sessions.get(record.id, at(15 * MINUTE))).toBeNull();
    const old = session({ idleExpiresAt: at(90 * MINUTE), absoluteExpiresAt: at(60 * MINUTE) });
    await getDb().sessions.create(old);
    expect(await getDb().sessions.get(old.id, at(60 * MINUTE - 1))).not.toBeNull();
    expect(await getDb().sessions.get(old.id, at(60 * MINUTE))).toBeNull();
  });

  it('touch slides the idle expiry, never past the absolute one, and records the visit', async () => {
    const record = session({ idleExpiresAt: at(15 * MINUTE), absoluteExpiresAt: at(40 * MINUTE) });
    await getDb().sessions.create(record);

    const touched = await getDb().sessions.touch(record.id, at(10 * MINUTE), 15 * MINUTE);
    expect(touched).toEqual({ ...record, lastSeenAt: at(10 * MINUTE), idleExpiresAt: at(25 * MINUTE) });
    expect(await getDb().sessions.get(record.id, at(24 * MINUTE))).toEqual(touched);

    expect((await getDb().sessions.touch(record.id, at(24 * MINUTE), 15 * MINUTE))?.idleExpiresAt).toEqual(
      at(39 * MINUTE),
    );
    const capped = await getDb().sessions.touch(record.id, at(30 * MINUTE), 15 * MINUTE);
    expect(capped?.idleExpiresAt).toEqual(at(40 * MINUTE));
    expect(capped?.lastSeenAt).toEqual(at(30 * MINUTE));
    expect(await getDb().sessions.touch(record.id, at(40 * MINUTE), 15 * MINUTE)).toBeNull();
  });

  it('touch does not revive an expired session nor create a missing one', async () => {
    const record = session({ idleExpiresAt: at(15 * MINUTE) });
    await getDb().sessions.create(record);
    expect(await getDb().sessions.touch(record.id, at(15 * MINUTE), 15 * MINUTE)).toBeNull();
    expect(await getDb().sessions.get(record.id, at(MINUTE))).toEqual(record);
    expect(await getDb().sessions.touch('no-such-session', at(0), 15 * MINUTE)).toBeNull();
    expect(await getDb().sessions.get('no-such-session', at(0))).toBeNull();
  });

  it('sets and clears the represented person', async () => {
    const record = session();
    await getDb().sessions.create(record);
    const actingFor = {
      nif: '87654321X',
      displayName: 'Juan Pérez Martín',
      kind: 'person' as const,
      powerId: 'p-1',
      powerKind: 'tramites',
      validUntil: null,
    };
    await getDb().sessions.setActingFor(record.id, actingFor);
    expect((await getDb().sessions.get(record.id, at(MINUTE)))?.actingFor).toEqual(actingFor);
    await getDb().sessions.setActingFor(record.id, null);
    expect(await getDb().sessions.get(record.id, at(MINUTE))).toEqual(record);
  });

  it('delete returns the session once (expired or not), then null', async () => {
    const record = session();
    await getDb().sessions.create(record);
    expect(await getDb().sessions.delete(record.id)).toEqual(record);
    expect(await getDb().sessions.delete(record.id)).toBeNull();
    expect(await getDb().sessions.get(record.id, at(MINUTE))).toBeNull();

    const expired = session({ idleExpiresAt: at(MINUTE) });
    await getDb().sessions.create(expired);
    expect(await getDb().sessions.delete(expired.id)).toEqual(expired);
  });

  it('of two concurrent deletes of one session exactly one gets it', async () => {
    const record = session();
    await getDb().sessions.create(record);
    const results = await Promise.all([
      getDb().sessions.delete(record.id),
      getDb().sessions.delete(record.id),
    ]);
    expect(results.filter((result) => result !== null)).toEqual([record]);
  });

  it('deleteExpired removes the expired sessions only and counts them', async () => {
    // An older timeline than the other tests', so that their sessions are not involved.
    const base = new Date('2001-01-01T00:00:00.000Z');
    const live = session(
      { idleExpiresAt: at(20 * MINUTE, base), absoluteExpiresAt: at(60 * MINUTE, base) },
      base,
    );
    const idle = session({ idleExpiresAt: at(5 * MINUTE, base) }, base);
    const idleNow = session({ idleExpiresAt: at(10 * MINUTE, base) }, base);
    const old = session(
      { idleExpiresAt: at(60 * MINUTE, base), absoluteExpiresAt: at(9 * MINUTE, base) },
      base,
    );
    for (const record of [live, idle, idleNow, old]) await getDb().sessions.create(record);
    expect(await getDb().sessions.deleteExpired(at(10 * MINUTE, base))).toBe(3);
    expect(await getDb().sessions.deleteExpired(at(10 * MINUTE, base))).toBe(0);
    expect(await getDb().sessions.get(live.id, at(10 * MINUTE, base))).toEqual(live);
    expect(await getDb().sessions.delete(idle.id)).toBeNull();
    expect(await getDb().sessions.delete(old.id)).toBeNull();
  });

  it('stores hostile strings unchanged', async () => {
    for (const text of [...HOSTILE_STRINGS, HOSTILE_JOINED]) {
      const record = session({
        id: `${text.slice(0, 500)}#${counter}`,
        citizen: {
          nif: text.slice(0, 500),
          givenName: text,
          surnames: text,
          displayName: text,
          documentType: 'NIE',
        },
        method: text,
        actingFor: {
          nif: text,
          displayName: text,
          kind: 'person',
          powerId: text,
          powerKind: text,
          validUntil: text,
        },
        csrfToken: text,
        idToken: text,
        previousAccess: { at: text, method: text, loa: 'low' },
      });
      await getDb().sessions.create(record);
      expect(await getDb().sessions.get(record.id, at(MINUTE))).toEqual(record);
      expect(await getDb().sessions.touch(record.id, at(MINUTE), MINUTE)).toMatchObject({ csrfToken: text });
    }
  });

  it('refuses U+0000 instead of storing a truncated value', async () => {
    const inText = session({ csrfToken: 'abc\u0000def' });
    await expect(getDb().sessions.create(inText)).rejects.toThrow();
    expect(await getDb().sessions.get(inText.id, at(MINUTE))).toBeNull();
    const inJson = session({ citizen: { ...session().citizen, displayName: 'abc\u0000def' } });
    await expect(getDb().sessions.create(inJson)).rejects.toThrow();
    expect(await getDb().sessions.get(inJson.id, at(MINUTE))).toBeNull();
  });
});
