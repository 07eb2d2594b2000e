import { createHash } from 'node:crypto';
import type { Notification } from '@carpeta/sdk';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing.ts';
import { newVerificationCode, normaliseVerificationCode, VERIFICATION_CODE_PATTERN } from './code.ts';
import { createNotificationActStore, type NotificationAct } from './notification-acts.ts';
import { NOTIFICATION_RECEIPT_KIND, renderNotificationReceipt } from './notification-receipt.ts';
import { createProofStore, issueProof, resolveProof } from './store.ts';

const AT = new Date('2030-06-01T10:00:00.000Z');
const NOTIFICATION: Notification = {
  id: 'dehu:N-2026-000123',
  source: 'dehu',
  kind: 'notification',
  issuer: { dir3: 'E00003901', name: 'Agencia Estatal de Administración Tributaria' },
  subject: '<img src=x onerror=alert(1)> إشعار — Requerimiento',
  procedure: 'Comprobación limitada IRPF',
  fileReference: '202410012345678A',
  status: 'accepted',
  availableAt: '2030-05-30T08:00:00.000Z',
  expiresAt: '2030-06-09T08:00:00.000Z',
  respondedAt: AT.toISOString(),
  urgent: true,
};

const receipt = (holder: string, notificationId = NOTIFICATION.id, actor = holder) =>
  issueProof({
    kind: NOTIFICATION_RECEIPT_KIND,
    subjectNif: holder,
    reference: notificationId,
    issuedAt: AT,
    render: (code) =>
      renderNotificationReceipt({
        act: 'accept',
        notification: { ...NOTIFICATION, id: notificationId },
        agencyId: 'N-2026-000123',
        sourceName: 'DEHú',
        holder: { nif: holder, name: 'María García López' },
        actor: { nif: actor, name: 'Javier Ruiz' },
        at: AT,
        ip: '203.0.113.7',
        documentSha256: 'a'.repeat(64),
        code,
        language: 'es',
      }),
  });

const act = (holder: string, code: string, notificationId = NOTIFICATION.id): NotificationAct => ({
  notificationId,
  source: 'dehu',
  act: 'accept',
  actorNif: holder,
  subjectNif: holder,
  at: AT,
  agencyAt: AT,
  ip: '203.0.113.7',
  userAgent: 'vitest',
  documentSha256: 'a'.repeat(64),
  receiptCode: code,
});

describe('verification codes', () => {
  it('are 160 random bits, formatted, never repeated, and read back as typed', () => {
    const codes = new Set(Array.from({ length: 500 }, newVerificationCode));
    expect(codes.size).toBe(500);
    for (const code of codes) expect(code).toMatch(VERIFICATION_CODE_PATTERN);
    const [code = ''] = codes;
    expect(normaliseVerificationCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
    expect(normaliseVerificationCode('not a code')).toBeNull();
    expect(normaliseVerificationCode(`${code}X`)).toBeNull();
  });
});

describe('the proof of receipt', () => {
  it('is a real PDF with the code in it, whatever the subject holds', async () => {
    const proof = await receipt('12345678Z');
    const pdf = await PDFDocument.load(proof.document);
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getSubject()).toBe(`CSV ${proof.code}`);
    expect(proof.sha256).toBe(createHash('sha256').update(proof.document).digest('hex'));
  });
});

describeEachDatabase('proofs and notification acts', (getDb) => {
  it('stores a proof and resolves its code to the hash of the exact document', async () => {
    const proof = await receipt('12345678Z', 'dehu:N-PROOF-1');
    const store = createProofStore(getDb().db);
    await store.save(proof);
    expect(await store.resolve(proof.code)).toEqual({
      kind: NOTIFICATION_RECEIPT_KIND,
      hash: createHash('sha256').update(proof.document).digest('hex'),
      issuedAt: AT,
    });
    expect(await resolveProof(getDb().db, proof.code.toLowerCase())).not.toBeNull();
    expect(await resolveProof(getDb().db, newVerificationCode())).toBeNull();
    const stored = await store.get(proof.code, '12345678Z');
    expect(Buffer.from(stored?.document ?? []).equals(Buffer.from(proof.document))).toBe(true);
    // Only the holder downloads it.
    expect(await store.get(proof.code, '45678912S')).toBeNull();
  });

  it('records an act once: a second one for the same notification answers the first', async () => {
    const acts = createNotificationActStore(getDb().db);
    const first = await receipt('23456781R');
    const recorded = await acts.record(act('23456781R', first.code), first);
    expect(recorded).toMatchObject({ created: true, act: { receiptCode: first.code } });

    const second = await receipt('23456781R');
    const again = await acts.record(act('23456781R', second.code), second);
    expect(again).toMatchObject({ created: false, act: { receiptCode: first.code } });
    // The second receipt was not kept either.
    expect(await resolveProof(getDb().db, second.code)).toBeNull();
    expect(await acts.listFor('23456781R')).toHaveLength(1);
    expect(await acts.find('23456781R', NOTIFICATION.id)).toMatchObject({
      actorNif: '23456781R',
      ip: '203.0.113.7',
    });
  });

  it('keeps one act when two requests race', async () => {
    const acts = createNotificationActStore(getDb().db);
    const proofs = await Promise.all(Array.from({ length: 4 }, () => receipt('87654321X', 'dehu:N-RACE')));
    const results = await Promise.all(
      proofs.map((proof) => acts.record(act('87654321X', proof.code, 'dehu:N-RACE'), proof)),
    );
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(results.map((result) => result.act.receiptCode)).size).toBe(1);
  });

  it('keeps holders apart, and records who acted for whom', async () => {
    const acts = createNotificationActStore(getDb().db);
    const proof = await receipt('B85341279', NOTIFICATION.id, '45678912S');
    await acts.record({ ...act('B85341279', proof.code), actorNif: '45678912S' }, proof);
    expect(await acts.find('B85341279', NOTIFICATION.id)).toMatchObject({
      actorNif: '45678912S',
      subjectNif: 'B85341279',
    });
    expect(await acts.find('45678912S', NOTIFICATION.id)).toBeNull();
  });
});
