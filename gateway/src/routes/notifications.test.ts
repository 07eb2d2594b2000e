import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CARMEN_NIF, JOHN_NIF, MARIA_NIF, REA_IDS, dehuHandlers, reaHandlers } from '@carpeta/mocks';
import { type AgencyServer, startAgencyServer } from '@carpeta/mocks/server';
import { notificationDetailSchema, notificationListSchema } from '@carpeta/sdk';
import type { FastifyInstance } from 'fastify';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dehuEntry, writeAgenciesFile } from '../agencies/testing.ts';
import { buildGateway } from '../app.ts';
import { newCsrfToken, newSessionSecret, sessionIdFor } from '../auth/sessions.ts';
import { loadConfig } from '../config.ts';
import { openDatabase, type PortalDatabase } from '../db/index.ts';
import type { ActingFor } from '../db/types.ts';
import { createTestDatabase, type TestDatabase } from '../db/testing.ts';
import { resolveProof } from '../proofs/store.ts';
import { pdfFlatText } from '../proofs/testing.ts';

// Notifications as legal acts, over real HTTP: the gateway, the simulated DEHú and REA, a database.
const NOW = new Date('2026-06-10T10:00:00Z');
let dir: string;
let dehu: AgencyServer;
let rea: AgencyServer;
let app: FastifyInstance;
let base: string;
let testDatabase: TestDatabase;
let database: PortalDatabase;

interface Client {
  cookie: string;
  csrf: string;
}
let maria: Client;
let john: Client;
let mariaForCarmen: Client;

async function signIn(nif: string, displayName: string, actingFor: ActingFor | null = null): Promise<Client> {
  const secret = newSessionSecret();
  const id = sessionIdFor(secret);
  if (!id) throw new Error('bad secret');
  const csrf = newCsrfToken();
  await database.sessions.create({
    id,
    citizen: { nif, givenName: displayName, surnames: '', displayName, documentType: 'NIF' },
    loa: 'substantial',
    method: 'clave-pin',
    actingFor,
    csrfToken: csrf,
    idToken: null,
    previousAccess: null,
    createdAt: NOW,
    lastSeenAt: NOW,
    idleExpiresAt: new Date(NOW.getTime() + 3_600_000),
    absoluteExpiresAt: new Date(NOW.getTime() + 8 * 3_600_000),
  });
  return { cookie: `carpeta_session=${secret}`, csrf };
}

const get = (client: Client, url: string) => fetch(`${base}${url}`, { headers: { cookie: client.cookie } });
const post = (client: Client, url: string, key: string | null = randomUUID(), csrf = true) =>
  fetch(`${base}${url}`, {
    method: 'POST',
    headers: {
      cookie: client.cookie,
      'content-type': 'application/json',
      'user-agent': 'carpeta-route-test',
      ...(csrf ? { 'x-csrf-token': client.csrf } : {}),
      ...(key === null ? {} : { 'idempotency-key': key }),
    },
    body: '{}',
  });

async function agencyState(nif: string, idEnvio: string): Promise<string | undefined> {
  const response = await fetch(`${dehu.url}/dehu/api/v2/titulares/${nif}/envios/${idEnvio}`);
  return ((await response.json()) as { envio?: { estado: string } }).envio?.estado;
}

const actsOf = (notificationId: string) =>
  database.db
    .selectFrom('notification_acts')
    .selectAll()
    .where('notification_id', '=', notificationId)
    .execute();

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'carpeta-notif-'));
  await writeFile(path.join(dir, 'mfes.json'), JSON.stringify({ version: 1, mfes: [] }));
  dehu = await startAgencyServer({
    port: 0,
    host: '127.0.0.1',
    handlers: dehuHandlers({ now: NOW, clock: () => NOW }),
  });
  rea = await startAgencyServer({ port: 0, host: '127.0.0.1', handlers: reaHandlers({ now: NOW }) });
  testDatabase = await createTestDatabase('pglite');
  database = await openDatabase(testDatabase.options);
  maria = await signIn(MARIA_NIF, 'María García López');
  john = await signIn(JOHN_NIF, 'John Smith');
  mariaForCarmen = await signIn(MARIA_NIF, 'María García López', {
    nif: CARMEN_NIF,
    displayName: 'Carmen Ruiz',
    kind: 'person',
    powerId: REA_IDS.mariaFromCarmen,
    powerKind: 'general',
    validUntil: null,
  });
  app = buildGateway(
    {
      ...loadConfig({ PORT_GATEWAY: '0' }),
      shellDist: path.join(dir, 'no-shell'),
      manifestPath: path.join(dir, 'mfes.json'),
      env: {},
      agenciesPath: await writeAgenciesFile(dir, [dehuEntry(dehu.url, 2_000)]),
      agencyReaUrl: rea.url,
      agencyTimeoutMs: 2_000,
      now: () => NOW,
    },
    { database },
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
}, 120_000);

afterAll(async () => {
  await app?.close();
  await dehu?.close();
  await rea?.close();
  await database?.close();
  await testDatabase?.destroy();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('GET /api/notifications: filters, search, pages', () => {
  it('pages the list and counts the unread, with every issuer for the filter', async () => {
    const first = notificationListSchema.parse(
      await (await get(maria, '/api/notifications?pageSize=10')).json(),
    );
    expect(first.items).toHaveLength(10);
    expect(first.total).toBe(43);
    expect(first).toMatchObject({ page: 1, pageSize: 10 });
    expect(first.unread).toBe(11);
    expect(first.issuers?.length).toBeGreaterThanOrEqual(8);
    const last = notificationListSchema.parse(
      await (await get(maria, '/api/notifications?pageSize=10&page=5')).json(),
    );
    expect(last.items).toHaveLength(3);
    const ids = new Set([...first.items, ...last.items].map((item) => item.id));
    expect(ids.size).toBe(13);
  });

  it('filters by administration, state and dates, and searches without case or accents', async () => {
    const byIssuer = notificationListSchema.parse(
      await (await get(maria, '/api/notifications?issuer=E00130502&pageSize=50')).json(),
    );
    expect(byIssuer.items.length).toBeGreaterThan(0);
    expect(byIssuer.items.every((item) => item.issuer.dir3 === 'E00130502')).toBe(true);
    // The issuers and the unread count do not depend on the filters.
    expect(byIssuer.issuers?.length).toBeGreaterThanOrEqual(8);

    const expired = notificationListSchema.parse(
      await (await get(maria, '/api/notifications?status=expired&pageSize=50')).json(),
    );
    expect(expired.items.every((item) => item.status === 'expired')).toBe(true);
    expect(expired.items.some((item) => item.id === 'dehu:N-2026-000098')).toBe(true);

    const recent = notificationListSchema.parse(
      await (await get(maria, '/api/notifications?from=2026-06-05&to=2026-06-10&pageSize=50')).json(),
    );
    expect(recent.items.length).toBeGreaterThan(0);
    for (const item of recent.items) expect(item.availableAt >= '2026-06-04T22:00:00.000Z').toBe(true);

    const search = notificationListSchema.parse(
      await (await get(maria, `/api/notifications?q=${encodeURIComponent('INFORMACION renta')}`)).json(),
    );
    expect(search.items.map((item) => item.id)).toEqual(['dehu:N-2026-000123']);
  });

  it('refuses filters that make no sense', async () => {
    for (const query of ['pageSize=51', 'page=0', 'status=read', 'from=2026-13-01', 'issuer=<b>']) {
      expect((await get(maria, `/api/notifications?${query}`)).status, query).toBe(400);
    }
  });
});

describe('accepting a notification (comparecencia)', () => {
  it('shows no content before, and refuses the document and a receipt', async () => {
    const detail = notificationDetailSchema.parse(
      await (await get(maria, '/api/notifications/dehu:N-2026-000123')).json(),
    );
    expect(detail).toMatchObject({ item: { status: 'pending' }, content: null, receipt: null });
    expect((await get(maria, '/api/notifications/dehu:N-2026-000123/document')).status).toBe(404);
    expect((await get(maria, '/api/notifications/dehu:N-2026-000123/receipt.pdf')).status).toBe(404);
  });

  it('needs the CSRF token and an Idempotency-Key', async () => {
    expect(
      (await post(maria, '/api/notifications/dehu:N-2026-000123/accept', randomUUID(), false)).status,
    ).toBe(403);
    expect((await post(maria, '/api/notifications/dehu:N-2026-000123/accept', null)).status).toBe(400);
    expect(await agencyState(MARIA_NIF, 'N-2026-000123')).toBe('PD');
    expect(await actsOf('dehu:N-2026-000123')).toHaveLength(0);
  });

  it('acts once for a double click, a retry and another key; the agency changed; a receipt and the document follow', async () => {
    const key = randomUUID();
    const [one, two] = await Promise.all([
      post(maria, '/api/notifications/dehu:N-2026-000123/accept', key),
      post(maria, '/api/notifications/dehu:N-2026-000123/accept', randomUUID()),
    ]);
    const answers = [one, two];
    const statuses = answers.map((answer) => answer.status);
    expect(statuses).toContain(200);
    const ok = answers.find((answer) => answer.status === 200);
    const body = notificationDetailSchema.parse(await ok?.json());
    expect(body.item.status).toBe('accepted');
    expect(body.content?.text).toContain('Requerimiento de información');
    expect(body.content?.documents).toEqual([{ id: 'DOC-N-2026-000123', title: 'Resolución N-2026-000123' }]);
    expect(body.receipt?.code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);

    const retried = await post(maria, '/api/notifications/dehu:N-2026-000123/accept', key);
    expect(retried.status).toBe(200);
    expect(notificationDetailSchema.parse(await retried.json()).receipt?.code).toBe(body.receipt?.code);

    const rows = await actsOf('dehu:N-2026-000123');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      act: 'accept',
      actor_nif: MARIA_NIF,
      subject_nif: MARIA_NIF,
      source: 'dehu',
      ip: '127.0.0.1',
      user_agent: 'carpeta-route-test',
      receipt_code: body.receipt?.code,
    });
    expect(await agencyState(MARIA_NIF, 'N-2026-000123')).toBe('AC');

    const detail = notificationDetailSchema.parse(
      await (await get(maria, '/api/notifications/dehu:N-2026-000123')).json(),
    );
    expect(detail.content?.documents).toHaveLength(1);
    expect(detail.receipt?.code).toBe(body.receipt?.code);

    const document = await get(maria, '/api/notifications/dehu:N-2026-000123/document');
    expect(document.status).toBe(200);
    expect(document.headers.get('content-type')).toBe('application/pdf');
    expect(document.headers.get('content-disposition')).toContain('attachment');
    const documentBytes = new Uint8Array(await document.arrayBuffer());
    expect(createHash('sha256').update(documentBytes).digest('hex')).toBe(rows[0]?.document_sha256);

    const receipt = await get(maria, '/api/notifications/dehu:N-2026-000123/receipt.pdf');
    expect(receipt.status).toBe(200);
    const receiptBytes = new Uint8Array(await receipt.arrayBuffer());
    const pdf = await PDFDocument.load(receiptBytes);
    expect(pdf.getSubject()).toBe(`CSV ${body.receipt?.code}`);
    // Asked without a language: Spanish.
    expect(pdfFlatText(receiptBytes)).toContain('Justificante de comparecencia (acceso a la notificación)');
    // The code resolves to the hash of exactly these bytes.
    const resolved = await resolveProof(database.db, body.receipt?.code ?? '');
    expect(resolved).toMatchObject({ kind: 'notification-receipt' });
    expect(resolved?.hash).toBe(createHash('sha256').update(receiptBytes).digest('hex'));

    // Rejecting it now is refused, and recorded nowhere.
    const reject = await post(maria, '/api/notifications/dehu:N-2026-000123/reject');
    expect(reject.status).toBe(409);
    expect(await actsOf('dehu:N-2026-000123')).toHaveLength(1);
  });

  it('another citizen’s notification is 404, and nothing is recorded', async () => {
    expect((await post(john, '/api/notifications/dehu:N-2026-000132/accept')).status).toBe(404);
    expect((await get(john, '/api/notifications/dehu:N-2026-000123/document')).status).toBe(404);
    expect((await get(john, '/api/notifications/dehu:N-2026-000123/receipt.pdf')).status).toBe(404);
    expect(await actsOf('dehu:N-2026-000132')).toHaveLength(0);
  });

  it('an expired notification can be neither accepted nor rejected', async () => {
    for (const act of ['accept', 'reject']) {
      const response = await post(maria, `/api/notifications/dehu:N-2026-000098/${act}`);
      expect(response.status).toBe(409);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/expired/);
    }
    expect(await actsOf('dehu:N-2026-000098')).toHaveLength(0);
  });
});

describe('rejecting, and acting for someone else', () => {
  it('rejects with a receipt in the citizen’s language; the content stays closed', async () => {
    const response = await post(maria, '/api/notifications/dehu:N-2026-000132/reject?lang=va');
    expect(response.status).toBe(200);
    const body = notificationDetailSchema.parse(await response.json());
    expect(body).toMatchObject({ item: { status: 'rejected' }, content: null, receipt: { act: 'reject' } });
    expect(await agencyState(MARIA_NIF, 'N-2026-000132')).toBe('RE');
    const receipt = await get(maria, '/api/notifications/dehu:N-2026-000132/receipt.pdf?lang=va');
    expect(receipt.status).toBe(200);
    expect(receipt.headers.get('content-disposition')).toContain('filename="justificant-N-2026-000132.pdf"');
    const bytes = new Uint8Array(await receipt.arrayBuffer());
    expect(pdfFlatText(bytes)).toContain('Justificant de rebuig de la notificació');
    expect(pdfFlatText(bytes)).toContain('La integritat d’este document');
    // The receipt is the one issued: asked in another language, the same bytes (its hash is stored).
    const again = await get(maria, '/api/notifications/dehu:N-2026-000132/receipt.pdf');
    expect(again.headers.get('content-disposition')).toContain('filename="justificante-N-2026-000132.pdf"');
    expect(Buffer.from(await again.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    const resolved = await resolveProof(database.db, body.receipt?.code ?? '');
    expect(resolved?.hash).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect((await get(maria, '/api/notifications/dehu:N-2026-000132/document')).status).toBe(404);
  });

  it('records who acted and for whom', async () => {
    const response = await post(mariaForCarmen, '/api/notifications/dehu:N-2026-000451/accept');
    expect(response.status).toBe(200);
    const [row] = await actsOf('dehu:N-2026-000451');
    expect(row).toMatchObject({ actor_nif: MARIA_NIF, subject_nif: CARMEN_NIF, act: 'accept' });
    expect(await agencyState(CARMEN_NIF, 'N-2026-000451')).toBe('AC');
    // María in her own folder has no such notification.
    expect((await get(maria, '/api/notifications/dehu:N-2026-000451/receipt.pdf')).status).toBe(404);
  });
});
