import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFaultController } from '@carpeta/mocks';
import { municipalHandlers } from '@carpeta/mocks/agencies/municipal';
import { pidHandlers } from '@carpeta/mocks/agencies/pid';
import { type AgencyServer, startAgencyServer } from '@carpeta/mocks/server';
import { apiErrorSchema } from '@carpeta/sdk';
import {
  censusCertificateIssuedSchema,
  municipalCensusSchema,
  municipalTaxesSchema,
} from '@carpeta/sdk/municipal';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeAgenciesFile } from '../agencies/testing.ts';
import type { AgencyEntry } from '../agencies/types.ts';
import { buildGateway } from '../app.ts';
import { newCsrfToken, newSessionSecret, sessionIdFor } from '../auth/sessions.ts';
import { testSession, type TestSession } from '../auth/testing.ts';
import { loadConfig } from '../config.ts';

// The city council's services over real HTTP: the gateway with the real `pid` (residence) and
// `municipal-platform` connector types, talking to both simulated systems. The council is picked
// from the census residence; València is left out of this portal's configuration on purpose.
const MARIA = '12345678Z';
const JOHN = 'X1234567L';
const LUCIA = '87654321X';
const PANADERIA = 'B85341279';
const NOW = new Date('2026-06-10T09:15:00Z');
const MFES = fileURLToPath(new URL('../../config/mfes.json', import.meta.url));

let dir: string;
let maria: TestSession;
let platform: AgencyServer;
let census: AgencyServer;
let app: FastifyInstance;
let base: string;
const platformFaults = createFaultController();
const censusFaults = createFaultController();
const cookies = new Map<string, { cookie: string; csrfToken: string }>();

const entry = (
  id: string,
  name: string,
  dir3: string,
  url: string,
  options: Record<string, unknown>,
  connector = 'municipal-platform',
): AgencyEntry => ({
  id,
  name,
  dir3,
  connector,
  baseUrl: url,
  timeoutMs: 1000,
  cacheSeconds: 0,
  retries: 0,
  domains: connector === 'pid' ? ['data', 'residence'] : ['files'],
  options,
  breaker: { failures: 1000, halfOpenAfterMs: 1 },
});

/** Another citizen signed in, in the same database. */
async function signedIn(nif: string) {
  const known = cookies.get(nif);
  if (known) return known;
  const secret = newSessionSecret();
  const id = sessionIdFor(secret);
  if (!id) throw new Error('unexpected session secret');
  const csrfToken = newCsrfToken();
  const now = NOW;
  await maria.database.sessions.create({
    id,
    citizen: {
      nif,
      givenName: 'Test',
      surnames: 'Citizen',
      displayName: 'Test Citizen',
      documentType: 'NIF',
    },
    loa: 'substantial',
    method: 'clave-pin',
    actingFor: null,
    csrfToken,
    idToken: null,
    previousAccess: null,
    createdAt: now,
    lastSeenAt: now,
    idleExpiresAt: new Date(now.getTime() + 3_600_000),
    absoluteExpiresAt: new Date(now.getTime() + 8 * 3_600_000),
  });
  const session = { cookie: `carpeta_session=${secret}`, csrfToken };
  cookies.set(nif, session);
  return session;
}

async function call(
  method: string,
  url: string,
  options: { as?: string; key?: string; body?: unknown } = {},
) {
  const session = options.as ? await signedIn(options.as) : maria;
  const headers: Record<string, string> = { cookie: session.cookie };
  if (method !== 'GET') headers['x-csrf-token'] = session.csrfToken;
  if (options.key) headers['idempotency-key'] = options.key;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${base}${url}`, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
}

const key = () => `key-${Math.random().toString(36).slice(2, 12)}`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'carpeta-municipal-'));
  platform = await startAgencyServer({
    port: 0,
    handlers: municipalHandlers({ now: NOW, faults: platformFaults }),
  });
  census = await startAgencyServer({
    port: 0,
    handlers: pidHandlers({ faults: censusFaults, now: () => NOW }),
  });
  maria = await testSession(MARIA, NOW);
  app = buildGateway(
    {
      ...loadConfig({ PORT_GATEWAY: '0' }),
      shellDist: path.join(dir, 'no-shell'),
      manifestPath: MFES,
      env: {},
      agenciesPath: await writeAgenciesFile(dir, [
        entry('pid', 'Plataforma de Intermediación de Datos', 'E05068001', census.url, {}, 'pid'),
        entry('ayto-madrid', 'Ayuntamiento de Madrid', 'L01280796', platform.url, { entityCode: '28079' }),
        // Configured by DIR3 code: the INE code is read from it.
        entry('ajuntament-barcelona', 'Ajuntament de Barcelona', 'L01080193', platform.url, {
          entityCode: 'L01080193',
        }),
      ]),
      mfeOrigins: [],
      // The platform's clock: certificates are valid for 90 days from then.
      now: () => NOW,
    },
    { database: maria.database },
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
}, 60_000);

afterEach(() => {
  platformFaults.reset();
  censusFaults.reset();
});

afterAll(async () => {
  await app?.close();
  await platform?.close();
  await census?.close();
  await maria?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('GET /api/municipal/taxes', () => {
  it('answers the receipts of the council where the census says the citizen lives', async () => {
    const response = await call('GET', '/api/municipal/taxes');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = municipalTaxesSchema.parse(await response.json());
    expect(body.residence).toEqual({ ine: '28079', municipality: 'Madrid', province: 'Madrid' });
    expect(body.council).toEqual({
      source: 'ayto-madrid',
      name: 'Ayuntamiento de Madrid',
      dir3: 'L01280796',
      ine: '28079',
    });
    expect(body.sources.map((source) => [source.source, source.status])).toEqual([
      ['pid', 'ok'],
      ['ayto-madrid', 'ok'],
    ]);
    // This year's first, by due date; last year's after.
    expect(body.items.map((item) => [item.kind, item.year, item.status, item.amountCents])).toEqual([
      ['property', 2026, 'paid', 31245],
      ['vehicle', 2026, 'pending', 6816],
      ['waste', 2026, 'pending', 123456],
      ['property', 2026, 'pending', 31245],
      ['vehicle', 2025, 'paid', 6816],
    ]);
    expect(body.items[0]).toMatchObject({
      id: expect.stringMatching(/^ayto-madrid:REC-28079-2026-IBI-/),
      name: 'Impuesto sobre Bienes Inmuebles',
      period: '1.er plazo',
      dueDate: '2026-05-21',
      paidAt: '2026-05-16T06:30:00.000Z',
      directDebit: { account: 'ES21 **** **** **** **** 0123', chargeDate: '2026-05-16' },
    });
    expect(body.items[1]?.directDebit).toBeNull();
  });

  it('asks another council for another citizen, and says when the council is not in the portal', async () => {
    const john = municipalTaxesSchema.parse(
      await (await call('GET', '/api/municipal/taxes', { as: JOHN })).json(),
    );
    expect(john.council?.source).toBe('ajuntament-barcelona');
    expect(john.council?.ine).toBe('08019');
    expect(john.items.map((item) => [item.kind, item.name])).toEqual([
      ['waste', 'Taxa de residus municipals'],
    ]);

    const lucia = municipalTaxesSchema.parse(
      await (await call('GET', '/api/municipal/taxes', { as: LUCIA })).json(),
    );
    expect(lucia.residence?.municipality).toBe('València');
    expect(lucia.council).toBeNull();
    expect(lucia.items).toEqual([]);

    // A company has no census residence.
    const company = municipalTaxesSchema.parse(
      await (await call('GET', '/api/municipal/taxes', { as: PANADERIA })).json(),
    );
    expect(company).toMatchObject({ residence: null, council: null, items: [] });
    expect(company.sources).toEqual([expect.objectContaining({ source: 'pid', status: 'ok' })]);
  });

  it('a council or a census that cannot be reached is a status, not a failure', async () => {
    platformFaults.set({ mode: 'error' });
    const councilDown = municipalTaxesSchema.parse(await (await call('GET', '/api/municipal/taxes')).json());
    expect(councilDown.council?.source).toBe('ayto-madrid');
    expect(councilDown.items).toEqual([]);
    expect(councilDown.sources.map((source) => [source.source, source.status])).toEqual([
      ['pid', 'ok'],
      ['ayto-madrid', 'unavailable'],
    ]);
    platformFaults.reset();

    censusFaults.set({ mode: 'garbage' });
    const response = await call('GET', '/api/municipal/taxes');
    expect(response.status).toBe(200);
    const censusDown = municipalTaxesSchema.parse(await response.json());
    expect(censusDown).toMatchObject({ residence: null, council: null, items: [] });
    expect(censusDown.sources).toEqual([
      expect.objectContaining({ source: 'pid', status: 'invalid-response' }),
    ]);
  });

  it('is private', async () => {
    expect((await fetch(`${base}/api/municipal/taxes`)).status).toBe(401);
  });
});

describe('the census certificate', () => {
  it('shows the registration, issues a certificate once per key and serves its PDF only to its holder', async () => {
    const before = municipalCensusSchema.parse(
      await (await call('GET', '/api/municipal/census-certificate')).json(),
    );
    expect(before.registration).toEqual({
      address: 'Calle de Alcalá, 120, 3.º B',
      postcode: '28009',
      district: 'Salamanca',
      since: '2012-09-11',
      people: 3,
    });
    expect(before.certificates).toHaveLength(1);
    expect(before.certificates[0]).toMatchObject({ kind: 'individual', purpose: 'benefits', current: false });

    const k = key();
    const request = { kind: 'household', purpose: 'school' };
    const issued = await call('POST', '/api/municipal/census-certificate', { key: k, body: request });
    expect(issued.status).toBe(201);
    const body = censusCertificateIssuedSchema.parse(await issued.json());
    expect(body.certificate).toMatchObject({
      id: expect.stringMatching(/^ayto-madrid:CER-28079-/),
      kind: 'household',
      purpose: 'school',
      issuedAt: '2026-06-10T09:15:00.000Z',
      validUntil: '2026-09-08',
      current: true,
    });
    // A double click or a retry with the same key gets the same certificate, not a second one.
    const again = await call('POST', '/api/municipal/census-certificate', { key: k, body: request });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(censusCertificateIssuedSchema.parse(await again.json())).toEqual(body);
    const after = municipalCensusSchema.parse(
      await (await call('GET', '/api/municipal/census-certificate')).json(),
    );
    expect(after.certificates.map((certificate) => certificate.id)).toEqual([
      body.certificate.id,
      before.certificates[0]?.id,
    ]);

    const pdfPath = `/api/municipal/census-certificate/${encodeURIComponent(body.certificate.id)}.pdf`;
    const pdf = await call('GET', pdfPath);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toMatch(/^attachment; filename="CER-28079-\d+\.pdf"$/);
    expect(new TextDecoder().decode(new Uint8Array(await pdf.arrayBuffer()).subarray(0, 5))).toBe('%PDF-');
    const other = await call('GET', pdfPath, { as: JOHN });
    expect(other.status).toBe(404);
    expect(apiErrorSchema.parse(await other.json()).error.code).toBe('not-found');
  });

  it('refuses what it cannot do with a clear error', async () => {
    const noKey = await call('POST', '/api/municipal/census-certificate', {
      body: { kind: 'individual', purpose: 'residence' },
    });
    expect(noKey.status).toBe(400);
    const badBody = await call('POST', '/api/municipal/census-certificate', {
      key: key(),
      body: { kind: 'everyone', purpose: 'residence' },
    });
    expect(badBody.status).toBe(400);
    expect(apiErrorSchema.parse(await badBody.json()).error.message).toContain('kind');
    const notServed = await call('POST', '/api/municipal/census-certificate', {
      as: LUCIA,
      key: key(),
      body: { kind: 'individual', purpose: 'residence' },
    });
    expect(notServed.status).toBe(404);
    censusFaults.set({ mode: 'error' });
    const censusDown = await call('POST', '/api/municipal/census-certificate', {
      key: key(),
      body: { kind: 'individual', purpose: 'residence' },
    });
    expect(censusDown.status).toBe(502);
    expect(apiErrorSchema.parse(await censusDown.json()).error).toMatchObject({
      code: expect.stringMatching(/^agency-/),
      source: 'pid',
    });
    expect((await call('GET', '/api/municipal/census-certificate/nope.pdf')).status).toBe(400);
    expect((await call('GET', '/api/municipal/census-certificate/pid:CER-1.pdf')).status).toBe(404);
  });
});
