import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { createSubmissionStore, type NewSubmission } from './registry-submissions.ts';
import { describeEachDatabase } from './testing.ts';

const AT = new Date('2030-06-01T10:00:00.000Z');
const later = (ms: number) => new Date(AT.getTime() + ms);
const LOCK_MS = 60_000;

const submission = (overrides: Partial<NewSubmission> = {}): NewSubmission => ({
  id: randomUUID(),
  subjectNif: '12345678Z',
  actorNif: '12345678Z',
  idempotencyKey: 'key-00000001',
  requestHash: 'hash-1',
  bodyDir3: 'L01280796',
  bodyName: 'Ayuntamiento de Madrid',
  subject: 'Licencia',
  facts: 'Hechos',
  request: 'Solicito',
  applicantName: 'María García López',
  representativeName: null,
  attachments: [{ name: 'a.pdf', size: 3, type: 'application/pdf', sha256: 'f'.repeat(64) }],
  files: [new Uint8Array([1, 2, 3])],
  ...overrides,
});

const outcome = {
  status: 'registered' as const,
  number: 'REGAGE30e00000100001',
  registeredAt: later(1000),
  history: [{ status: 'registered', at: later(1000).toISOString(), description: null }],
};

describeEachDatabase('registry submissions', (getDb) => {
  it('stores one submission per citizen and key; concurrent claims get one "new"', async () => {
    const store = createSubmissionStore(getDb().db);
    const claims = await Promise.all(
      Array.from({ length: 5 }, () => store.claim(submission({ id: randomUUID() }), AT, LOCK_MS)),
    );
    const states = claims.map((claim) => claim.state).sort();
    expect(states).toEqual(['in-progress', 'in-progress', 'in-progress', 'in-progress', 'new']);
    expect(await store.list('12345678Z')).toHaveLength(1);
    // Another citizen's same key is another submission; the same key with other data is refused.
    expect(
      (await store.claim(submission({ id: randomUUID(), subjectNif: '87654321X' }), AT, LOCK_MS)).state,
    ).toBe('new');
    expect(
      (await store.claim(submission({ id: randomUUID(), requestHash: 'hash-2' }), AT, LOCK_MS)).state,
    ).toBe('mismatch');
  });

  it('keeps the bytes until registered, lets a failed send be retried, and replays once registered', async () => {
    const store = createSubmissionStore(getDb().db);
    const first = await store.claim(submission(), AT, LOCK_MS);
    if (first.state === 'mismatch') throw new Error('unexpected');
    const id = first.record.id;
    expect(await store.files(id)).toEqual([new Uint8Array([1, 2, 3])]);
    // The registry was down: released, then the same key (or the list's retry) sends it again.
    await store.release(id);
    const again = await store.claim(submission({ id: randomUUID() }), later(10), LOCK_MS);
    expect(again).toMatchObject({ state: 'retry', record: { id, status: 'pending' } });
    expect((await store.claimRetry('12345678Z', id, later(20), LOCK_MS))?.state).toBe('in-progress');
    // A sender that died: its claim lapses.
    expect((await store.claimRetry('12345678Z', id, later(LOCK_MS + 20), LOCK_MS))?.state).toBe('retry');
    expect(await store.claimRetry('87654321X', id, later(20), LOCK_MS)).toBeNull();

    const registered = await store.registered(id, outcome, later(1000));
    expect(registered).toMatchObject({ status: 'registered', number: 'REGAGE30e00000100001' });
    expect(registered?.registeredAt?.toISOString()).toBe(later(1000).toISOString());
    expect(await store.files(id)).toEqual([]);
    const replay = await store.claim(submission({ id: randomUUID() }), later(2000), LOCK_MS);
    expect(replay).toMatchObject({ state: 'done', record: { id, number: outcome.number } });

    await store.refresh(id, { ...outcome, status: 'received' }, later(3000));
    expect((await store.get('12345678Z', id))?.status).toBe('received');
    expect(await store.get('87654321X', id)).toBeNull();
    // A registered submission is never removed.
    await store.remove(id);
    expect(await store.get('12345678Z', id)).not.toBeNull();
  });

  it('forgets a submission the registry refused, with its bytes', async () => {
    const store = createSubmissionStore(getDb().db);
    const claim = await store.claim(submission({ idempotencyKey: 'key-refused' }), AT, LOCK_MS);
    if (claim.state === 'mismatch') throw new Error('unexpected');
    await store.remove(claim.record.id);
    expect(await store.get('12345678Z', claim.record.id)).toBeNull();
    expect(await store.files(claim.record.id)).toEqual([]);
    expect((await store.claim(submission({ idempotencyKey: 'key-refused' }), AT, LOCK_MS)).state).toBe('new');
  });
});
