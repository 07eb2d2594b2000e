import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pidHandlers } from '@carpeta/mocks/agencies/pid';
import { type AgencyServer, startAgencyServer } from '@carpeta/mocks/server';
import { createFaultController } from '@carpeta/mocks';
import {
  apiErrorSchema,
  MY_DATA_THEMES,
  myDataConsultationPageSchema,
  myDataListSchema,
  myDataOppositionListSchema,
  myDataOppositionSchema,
  myDataRefreshSchema,
  proofVerificationSchema,
} from '@carpeta/sdk';
import { PDFDocument } from 'pdf-lib';
import type { FastifyInstance } from 'fastify';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeAgenciesFile } from '../agencies/testing.ts';
import type { AgencyEntry } from '../agencies/types.ts';
import { buildGateway } from '../app.ts';
import { testSession, type TestSession } from '../auth/testing.ts';
import { loadConfig } from '../config.ts';
import { pdfText } from '../proofs/testing.ts';

// My data over real HTTP: the gateway with the real `pid` connector type, talking to the simulated
// data intermediation platform served over HTTP, with its fault injection.
const MARIA = '12345678Z';
const MFES = fileURLToPath(new URL('../../config/mfes.json', import.meta.url));

let dir: string;
let session: TestSession;
let platform: AgencyServer;
let app: FastifyInstance;
let base: string;
const faults = createFaultController();
// The platform's clock: each answer is generated "now", a minute later each time it is asked.
let platformNow = new Date('2026-03-20T09:00:00Z');
const tick = () => {
  platformNow = new Date(platformNow.getTime() + 60_000);
  return platformNow;
};

const pidEntry = (url: string): AgencyEntry => ({
  id: 'pid',
  name: 'Plataforma de Intermediación de Datos',
  dir3: 'E05068001',
  connector: 'pid',
  baseUrl: url,
  timeoutMs: 1000,
  cacheSeconds: 0,
  retries: 0,
  domains: ['data'],
  options: {},
  breaker: { failures: 1000, halfOpenAfterMs: 1 },
});

async function call(method: string, url: string, options: { key?: string } = {}) {
  const headers: Record<string, string> = { cookie: session.cookie };
  if (method !== 'GET') headers['x-csrf-token'] = session.csrfToken;
  if (options.key) headers['idempotency-key'] = options.key;
  return fetch(`${base}${url}`, { method, headers });
}

const key = () => `key-${Math.random().toString(36).slice(2, 12)}`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'carpeta-my-data-'));
  platform = await startAgencyServer({ port: 0, handlers: pidHandlers({ faults, now: tick }) });
  session = await testSession(MARIA, new Date());
  app = buildGateway(
    {
      ...loadConfig({ PORT_GATEWAY: '0' }),
      shellDist: path.join(dir, 'no-shell'),
      manifestPath: MFES,
      env: {},
      agenciesPath: await writeAgenciesFile(dir, [pidEntry(platform.url)]),
      mfeOrigins: [],
    },
    { database: session.database },
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
}, 60_000);

afterEach(() => {
  faults.reset();
});

afterAll(async () => {
  await app?.close();
  await platform?.close();
  await session?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('GET /api/my-data', () => {
  it('groups the records by theme, in order, each with its issuer and when it was retrieved', async () => {
    const response = await call('GET', '/api/my-data');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = myDataListSchema.parse(await response.json());
    expect(body.themes.map((group) => group.theme)).toEqual([...MY_DATA_THEMES]);
    expect(body.sources).toEqual([expect.objectContaining({ source: 'pid', status: 'ok' })]);
    const vehicles = body.themes.find((group) => group.theme === 'vehicles');
    expect(vehicles?.items.map((item) => item.id)).toEqual(['pid:DGT-PC-0001', 'pid:DGT-VEH-0001']);
    expect(vehicles?.items[0]).toMatchObject({
      issuer: { dir3: 'E00130502', name: 'Dirección General de Tráfico' },
      state: 'current',
    });
    for (const group of body.themes) {
      expect(group.items.length, group.theme).toBeGreaterThan(0);
      for (const item of group.items) expect(item.theme).toBe(group.theme);
    }
  });

  it('is private', async () => {
    const response = await fetch(`${base}/api/my-data`);
    expect(response.status).toBe(401);
  });
});

describe('POST /api/my-data/:id/refresh', () => {
  it('asks the platform again: a newer retrieval instant, replayed as is for the same key', async () => {
    const before = myDataListSchema.parse(await (await call('GET', '/api/my-data')).json());
    const old = before.themes.flatMap((group) => group.items).find((item) => item.id === 'pid:DGT-PC-0001');
    const k = key();
    const response = await call('POST', '/api/my-data/pid:DGT-PC-0001/refresh', { key: k });
    expect(response.status).toBe(200);
    const body = myDataRefreshSchema.parse(await response.json());
    expect(body.source.status).toBe('ok');
    expect(body.item.state).toBe('current');
    expect(body.item.retrievedAt > (old?.retrievedAt ?? '')).toBe(true);
    const again = await call('POST', '/api/my-data/pid:DGT-PC-0001/refresh', { key: k });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(myDataRefreshSchema.parse(await again.json())).toEqual(body);
  });

  it('with the source down, the record keeps its last value, marked as not refreshed', async () => {
    const list = myDataListSchema.parse(await (await call('GET', '/api/my-data')).json());
    const known = list.themes.flatMap((group) => group.items).find((item) => item.id === 'pid:CAM-FN-0001');
    expect(known?.state).toBe('current');
    faults.set({ mode: 'down' });
    const response = await call('POST', '/api/my-data/pid:CAM-FN-0001/refresh', { key: key() });
    expect(response.status).toBe(200);
    const body = myDataRefreshSchema.parse(await response.json());
    expect(body.source.status).toBe('unavailable');
    expect(body.item).toEqual({ ...known, state: 'stale' });
    // The whole list, with the platform down: what was retrieved, every record marked stale.
    const down = myDataListSchema.parse(await (await call('GET', '/api/my-data')).json());
    expect(down.sources).toEqual([expect.objectContaining({ source: 'pid', status: 'unavailable' })]);
    const items = down.themes.flatMap((group) => group.items);
    expect(items.length).toBe(list.themes.flatMap((group) => group.items).length);
    expect(items.every((item) => item.state === 'stale')).toBe(true);
    // Back up: current again.
    faults.reset();
    const up = myDataListSchema.parse(await (await call('GET', '/api/my-data')).json());
    expect(up.themes.flatMap((group) => group.items).every((item) => item.state === 'current')).toBe(true);
  });

  it('garbage from the platform is the same partial state', async () => {
    await call('GET', '/api/my-data');
    faults.set({ mode: 'garbage' });
    const body = myDataRefreshSchema.parse(
      await (await call('POST', '/api/my-data/pid:AEAT-CORR-0001/refresh', { key: key() })).json(),
    );
    expect(body).toMatchObject({ item: { state: 'stale' }, source: { status: 'invalid-response' } });
  });

  it('needs an Idempotency-Key; an unknown record is a 404; a bad id a 400', async () => {
    const noKey = await call('POST', '/api/my-data/pid:DGT-PC-0001/refresh');
    expect(noKey.status).toBe(400);
    const unknown = await call('POST', '/api/my-data/pid:NOPE-1/refresh', { key: key() });
    expect(unknown.status).toBe(404);
    expect(apiErrorSchema.parse(await unknown.json()).error.code).toBe('not-found');
    const nowhere = await call('POST', '/api/my-data/nowhere:X/refresh', { key: key() });
    expect(nowhere.status).toBe(404);
    const bad = await call('POST', '/api/my-data/not%20an%20id/refresh', { key: key() });
    expect(bad.status).toBe(400);
  });
});

async function downloadProof(id: string, query = '') {
  const response = await call('GET', `/api/my-data/${id}/proof.pdf${query}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/pdf');
  return new Uint8Array(await response.arrayBuffer());
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function verify(body: unknown) {
  return fetch(`${base}/api/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('proofs anyone can verify', () => {
  it('the proof opens and holds the data, the issuing administration and the code', async () => {
    const bytes = await downloadProof('pid:DGT-PC-0001');
    const pdf = await PDFDocument.load(bytes);
    const code = pdf.getSubject()?.replace(/^CSV /, '') ?? '';
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);
    const text = pdfText(bytes);
    expect(text).toContain('Certificado de datos: Permiso de conducción y puntos');
    expect(text).toContain('Dirección General de Tráfico (DIR3 E00130502)');
    expect(text).toContain('Saldo de puntos');
    expect(text).toContain(code);
    expect(text).toContain(`/verify?code=${code}`);
    // Each download is a proof of its own.
    const again = await PDFDocument.load(await downloadProof('pid:DGT-PC-0001'));
    expect(again.getSubject()).not.toBe(pdf.getSubject());
  });

  it('is written in the language ?lang= names, Spanish for an unknown one; the record stays as given', async () => {
    const basque = await call('GET', '/api/my-data/pid:DGT-PC-0001/proof.pdf?lang=eu');
    expect(basque.headers.get('content-disposition')).toContain('filename="ziurtagiria-DGT-PC-0001.pdf"');
    const text = pdfText(new Uint8Array(await basque.arrayBuffer()));
    expect(text).toContain('Datuen ziurtagiria: Permiso de conducción y puntos');
    expect(text).toContain('Dokumentu honen osotasuna kode honekin');
    expect(text).not.toContain('Certificado de datos');
    const unknown = await call('GET', '/api/my-data/pid:DGT-PC-0001/proof.pdf?lang=fr');
    expect(unknown.headers.get('content-disposition')).toContain('filename="certificado-DGT-PC-0001.pdf"');
    expect(pdfText(new Uint8Array(await unknown.arrayBuffer()))).toContain(
      'Certificado de datos: Permiso de conducción y puntos',
    );
  });

  it('genuine passes (by hash or by file), one byte changed fails, a made-up code is unknown; signed out', async () => {
    const bytes = await downloadProof('pid:UNI-TIT-0001');
    const code = (await PDFDocument.load(bytes)).getSubject()?.replace(/^CSV /, '') ?? '';
    const genuine = await verify({ code, sha256: sha256(bytes) });
    expect(genuine.status).toBe(200);
    expect(proofVerificationSchema.parse(await genuine.json())).toEqual({
      result: 'genuine',
      kind: 'my-data',
      issuedAt: expect.any(String),
    });
    // As a person types it: lower case, no dashes.
    const typed = await verify({
      code: code.toLowerCase().replace(/-/g, ''),
      documentBase64: Buffer.from(bytes).toString('base64'),
    });
    expect(proofVerificationSchema.parse(await typed.json()).result).toBe('genuine');

    const altered = bytes.slice();
    const at = Math.floor(altered.length / 2);
    altered[at] = (altered[at] ?? 0) ^ 0x01;
    const changed = await verify({ code, documentBase64: Buffer.from(altered).toString('base64') });
    expect(proofVerificationSchema.parse(await changed.json())).toEqual({
      result: 'altered',
      kind: null,
      issuedAt: null,
    });
    const madeUp = await verify({ code: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH', sha256: sha256(bytes) });
    expect(proofVerificationSchema.parse(await madeUp.json())).toEqual({
      result: 'unknown',
      kind: null,
      issuedAt: null,
    });
    expect((await verify({ code })).status).toBe(400);
    expect((await verify({ code, sha256: 'zz' })).status).toBe(400);
  });

  it('too many attempts from one client are throttled (429)', async () => {
    let status = 200;
    for (let attempt = 0; attempt < 40 && status !== 429; attempt += 1) {
      status = (
        await verify({
          code: `AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-${String(attempt).padStart(4, '0')}`,
          sha256: 'a'.repeat(64),
        })
      ).status;
    }
    expect(status).toBe(429);
  });

  it('a proof of a record of nobody is a 404', async () => {
    expect((await call('GET', '/api/my-data/pid:NOPE-1/proof.pdf')).status).toBe(404);
  });
});

async function send(method: string, url: string, body: unknown, k = key()) {
  return fetch(`${base}${url}`, {
    method,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
      'idempotency-key': k,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
}

/** An administration consults the record on the platform now (the simulated platform's control). */
async function consult(id: string, dir3: string, nombre: string) {
  const response = await fetch(`${platform.url}/__control/consultas`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ nif: MARIA, id, dir3, nombre, procedimiento: 'Ayudas al alquiler' }),
  });
  return ((await response.json()) as { resultado: string }).resultado;
}

describe('who used my data, and the right to oppose', () => {
  const MADRID_CITY = 'L01280796';

  it('lists the consultations of a record, filtered and paginated; exports them as CSV', async () => {
    const first = myDataConsultationPageSchema.parse(
      await (await call('GET', '/api/my-data/pid:INE-PAD-0001/consultations?pageSize=5')).json(),
    );
    expect(first.total).toBeGreaterThanOrEqual(12);
    expect(first.items).toHaveLength(5);
    expect(first.items.map((item) => item.at)).toEqual(
      [...first.items.map((item) => item.at)].sort().reverse(),
    );
    expect(first.administrations.map((item) => item.dir3).sort()).toEqual(['A13002908', MADRID_CITY]);
    const second = myDataConsultationPageSchema.parse(
      await (await call('GET', '/api/my-data/pid:INE-PAD-0001/consultations?pageSize=5&page=2')).json(),
    );
    expect(second.items[0]?.id).not.toBe(first.items[0]?.id);
    const city = myDataConsultationPageSchema.parse(
      await (
        await call('GET', `/api/my-data/pid:INE-PAD-0001/consultations?administration=${MADRID_CITY}`)
      ).json(),
    );
    expect(city.total).toBe(6);
    expect(city.items.every((item) => item.administration.dir3 === MADRID_CITY)).toBe(true);
    expect(city.items[0]).toMatchObject({ legalBasis: 'Ley 39/2015, art. 28.2', result: 'served' });

    const csv = await call(
      'GET',
      `/api/my-data/pid:INE-PAD-0001/consultations?administration=${MADRID_CITY}&format=csv`,
    );
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('fecha,administracion,dir3,procedimiento,base_legal,resultado');
    expect(lines).toHaveLength(7);
    expect(lines[1]).toContain('"Ayuntamiento de Madrid","L01280796"');
    expect((await call('GET', '/api/my-data/pid:INE-PAD-0001/consultations?result=maybe')).status).toBe(400);
    expect((await call('GET', '/api/my-data/pid:NOPE-1/consultations')).status).toBe(404);
  });

  it('an opposition is stored, shown, sent to the platform: the next consultation is refused and logged so; withdrawn, served again', async () => {
    expect(await consult('INE-PAD-0001', MADRID_CITY, 'Ayuntamiento de Madrid')).toBe('SERVIDA');
    const created = await send('POST', '/api/my-data/oppositions', {
      recordId: 'pid:INE-PAD-0001',
      administration: MADRID_CITY,
      administrationName: 'Ayuntamiento de Madrid',
      reason: 'Aporto yo el certificado <b>en papel</b>',
    });
    expect(created.status).toBe(201);
    const opposition = myDataOppositionSchema.parse(await created.json());
    expect(opposition).toMatchObject({
      dataType: 'SVDSCDDWS01',
      administration: { dir3: MADRID_CITY, name: 'Ayuntamiento de Madrid' },
      withdrawnAt: null,
    });
    const listed = myDataOppositionListSchema.parse(
      await (await call('GET', '/api/my-data/oppositions')).json(),
    );
    expect(listed.items.map((item) => item.id)).toContain(opposition.id);

    expect(await consult('INE-PAD-0001', MADRID_CITY, 'Ayuntamiento de Madrid')).toBe('DENEGADA_OPOSICION');
    // Another administration is not affected.
    expect(await consult('INE-PAD-0001', 'A13002908', 'Comunidad de Madrid')).toBe('SERVIDA');
    const refused = myDataConsultationPageSchema.parse(
      await (await call('GET', '/api/my-data/pid:INE-PAD-0001/consultations?result=refused')).json(),
    );
    expect(refused.total).toBe(1);
    expect(refused.items[0]?.administration.dir3).toBe(MADRID_CITY);

    const withdrawn = await send('POST', `/api/my-data/oppositions/${opposition.id}/withdraw`, {});
    expect(withdrawn.status).toBe(200);
    expect(myDataOppositionSchema.parse(await withdrawn.json()).withdrawnAt).not.toBeNull();
    expect(await consult('INE-PAD-0001', MADRID_CITY, 'Ayuntamiento de Madrid')).toBe('SERVIDA');
  });

  it('opposing every administration, and where the law does not allow it (tax data) says why', async () => {
    const all = await send('POST', '/api/my-data/oppositions', {
      recordId: 'pid:CAM-FN-0001',
      administration: null,
      reason: 'No autorizo',
    });
    expect(all.status).toBe(201);
    expect(await consult('CAM-FN-0001', 'L01280796', 'Ayuntamiento de Madrid')).toBe('DENEGADA_OPOSICION');
    const tax = await send('POST', '/api/my-data/oppositions', {
      recordId: 'pid:AEAT-IRPF-0001',
      administration: 'E00003901',
      reason: 'No',
    });
    expect(tax.status).toBe(422);
    expect(apiErrorSchema.parse(await tax.json()).error.message).toMatch(/General Tributaria/);
    expect((await send('POST', '/api/my-data/oppositions', { recordId: 'pid:CAM-FN-0001' })).status).toBe(
      400,
    );
  });
});

describe('export', () => {
  it('streams everything the portal shows of the citizen as a ZIP of JSON and CSV', async () => {
    const response = await call('GET', '/api/export.zip');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="carpeta-\d{4}-\d{2}-\d{2}\.zip"$/,
    );
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual([
      'README.json',
      'appointments.csv',
      'appointments.json',
      'documents.csv',
      'documents.json',
      'files.csv',
      'files.json',
      'my-data-oppositions.csv',
      'my-data-oppositions.json',
      'my-data.csv',
      'my-data.json',
      'notifications.csv',
      'notifications.json',
    ]);
    const text = (name: string) => strFromU8(files[name] ?? new Uint8Array());
    const records = JSON.parse(text('my-data.json')) as { id: string }[];
    expect(records.map((record) => record.id)).toContain('pid:DGT-PC-0001');
    expect(records).toHaveLength(15);
    const csv = text('my-data.csv')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(csv[0]).toBe('"id","theme","title","issuer","issuerDir3","retrievedAt","label","value"');
    expect(csv.some((line) => line.includes('"Saldo de puntos","15"'))).toBe(true);
    // The oppositions registered above are part of it.
    const oppositions = JSON.parse(text('my-data-oppositions.json')) as { reason: string }[];
    expect(oppositions.map((item) => item.reason)).toContain('No autorizo');
    const readme = JSON.parse(text('README.json')) as { citizen: string; sources: { domain: string }[] };
    expect(readme.citizen).toBe(MARIA);
    expect(readme.sources.map((item) => item.domain)).toEqual([
      'notifications',
      'files',
      'appointments',
      'documents',
      'data',
    ]);
  });

  it('is private', async () => {
    expect((await fetch(`${base}/api/export.zip`)).status).toBe(401);
  });
});
