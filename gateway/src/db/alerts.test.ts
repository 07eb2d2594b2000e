import { expect, it } from 'vitest';
import { codeMatches, createAlertStore, hashCode, type SendCodeResult } from './alerts.ts';
import { describeEachDatabase } from './testing.ts';

const T0 = new Date('2026-12-04T09:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const MARIA = '12345678Z';

it('stores a hash of the code, never the code', async () => {
  const stored = await hashCode('123456');
  expect(stored).not.toContain('123456');
  expect(await codeMatches('123456', stored)).toBe(true);
  expect(await codeMatches('123457', stored)).toBe(false);
});

describeEachDatabase('alert store', (getDb) => {
  it('keeps preferences per event and channel, and records every change', async () => {
    const store = createAlertStore(getDb().db);
    const empty = await store.settings(MARIA, T0);
    expect(empty.preferences).toHaveLength(24);
    expect(empty.preferences.every((p) => !p.enabled)).toBe(true);
    const after = await store.setPreferences(
      MARIA,
      MARIA,
      [
        { event: 'notification-new', channel: 'portal', enabled: true },
        { event: 'notification-new', channel: 'email', enabled: false },
      ],
      T0,
    );
    expect(after.preferences.filter((p) => p.enabled)).toEqual([
      { event: 'notification-new', channel: 'portal', enabled: true },
    ]);
    // Nothing changed: nothing recorded.
    await store.setPreferences(
      MARIA,
      MARIA,
      [{ event: 'notification-new', channel: 'portal', enabled: true }],
      at(1),
    );
    const changes = await store.changes(MARIA);
    expect(changes.map((change) => [change.action, change.detail])).toEqual([
      ['preferences-changed', 'notification-new portal on'],
    ]);
    expect(await store.changes('23456781R')).toEqual([]);
  });

  it('verifies a contact with its code: expiry, limited tries, resends spaced and counted', async () => {
    const store = createAlertStore(getDb().db);
    const first = await store.addContact(MARIA, MARIA, 'phone', '+34612345678', T0);
    if (first.state !== 'sent') throw new Error(first.state);
    expect(first.code).toMatch(/^\d{6}$/);
    expect(first.contact).toMatchObject({ verified: false, pending: { attemptsLeft: 5 } });
    // A resend within 30 s is refused, with how long to wait.
    expect(await store.resendCode(MARIA, MARIA, 'phone', at(10))).toEqual({
      state: 'too-soon',
      retryAfterSeconds: 20,
    });
    const wrong = first.code === '000000' ? '111111' : '000000';
    expect(await store.verify(MARIA, MARIA, 'phone', wrong, at(11))).toEqual({
      state: 'wrong',
      attemptsLeft: 4,
    });
    // After 10 minutes the code is no good.
    expect(await store.verify(MARIA, MARIA, 'phone', first.code, at(601))).toEqual({ state: 'expired' });
    const second = await store.resendCode(MARIA, MARIA, 'phone', at(602));
    if (second.state !== 'sent') throw new Error(second.state);
    // Five wrong tries spend the code.
    const bad = second.code === '000000' ? '111111' : '000000';
    for (const left of [4, 3, 2, 1, 0]) {
      expect(await store.verify(MARIA, MARIA, 'phone', bad, at(603))).toEqual({
        state: 'wrong',
        attemptsLeft: left,
      });
    }
    expect(await store.verify(MARIA, MARIA, 'phone', second.code, at(604))).toEqual({ state: 'no-code' });
    // Five codes an hour at most.
    let last: SendCodeResult = second;
    for (let index = 0; index < 3; index++) {
      last = await store.resendCode(MARIA, MARIA, 'phone', at(700 + index * 31));
      expect([index, last.state]).toEqual([index, 'sent']);
    }
    expect((await store.resendCode(MARIA, MARIA, 'phone', at(900))).state).toBe('too-soon');
    if (last.state !== 'sent') throw new Error(last.state);
    const ok = await store.verify(MARIA, MARIA, 'phone', last.code, at(901));
    expect(ok).toMatchObject({
      state: 'verified',
      contact: { verified: true, pending: null, value: '+34612345678' },
    });
    expect((await store.citizen(MARIA))?.contacts.phone).toBe('+34612345678');
    // Another number is unverified again; the hour's count of codes is the citizen's, whatever the number.
    expect((await store.addContact(MARIA, MARIA, 'phone', '+34699999999', at(1000))).state).toBe('too-soon');
    expect((await store.resendCode(MARIA, MARIA, 'phone', at(3700))).state).toBe('sent');
    expect((await store.citizen(MARIA))?.contacts.phone).toBeUndefined();
    expect(await store.removeContact(MARIA, MARIA, 'phone', at(3701))).toBe(true);
    expect(await store.removeContact(MARIA, MARIA, 'phone', at(3702))).toBe(false);
    const actions = (await store.changes(MARIA)).map((change) => change.action);
    expect(actions.slice(0, 3)).toEqual(['contact-removed', 'code-sent', 'contact-added']);
    expect(actions).toContain('contact-verified');
    expect(actions).toContain('code-failed');
    expect(JSON.stringify(await store.changes(MARIA))).not.toContain('612345678');
  });
});
