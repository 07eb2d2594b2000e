import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFaultController, HOSTILE_NIF, JOHN_NIF, MARIA_NIF } from '@carpeta/mocks';
import { sermasHandlers } from '@carpeta/mocks/agencies/sermas';
import { type AgencyServer, startAgencyServer } from '@carpeta/mocks/server';
import { apiErrorSchema, type LevelOfAssurance } from '@carpeta/sdk';
import {
  cardReplacementAnswerSchema,
  healthAppointmentDetailSchema,
  healthAppointmentListSchema,
  healthCardAnswerSchema,
  healthSlotListSchema,
} from '@carpeta/sdk/health';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeAgenciesFile } from '../agencies/testing.ts';
import { buildGateway } from '../app.ts';
import { newCsrfToken, newSessionSecret, sessionIdFor } from '../auth/sessions.ts';
import { loadConfig } from '../config.ts';
import { openDatabase, type PortalDatabase } from '../db/index.ts';
import { createTestDatabase, type TestDatabase } from '../db/testing.ts';

// The Comunidad de Madrid's health service over real HTTP: the gateway with the `fhir-health`
// connector talking to the simulated SERMAS (HL7 FHIR R4), with its fault injection, and the
// portal's manifest (which asks the health MFE's level of assurance on /api/health-service).
const MFES = fileURLToPath(new URL('../../config/mfes.json', import.meta.url));

let dir: string;
let sermas: AgencyServer;
let app: FastifyInstance;
let base: string;
let testDatabase: TestDatabase;
let database: PortalDatabase;
const faults = createFaultController();
const sessions = new Map<string, { cookie: string; csrf: string }>();

async function sessionOf(nif: string, loa: LevelOfAssurance = 'substantial') {
  const known = sessions.get(`${nif}:${loa}`);
  if (known) return known;
  const secret = newSessionSecret();
  const id = sessionIdFor(secret);
  if (!id) throw new Error('bad secret');
  const csrf = newCsrfToken();
  const now = new Date();
  await database.sessions.create({
    id,
    citizen: {
      nif,
      givenName: 'Test',
      surnames: 'Citizen',
      displayName: 'Test Citizen',
      documentType: 'NIF',
    },
    loa,
    method: 'clave-pin',
    actingFor: null,
    csrfToken: csrf,
    idToken: null,
    previousAccess: null,
    createdAt: now,
    lastSeenAt: now,
    idleExpiresAt: new Date(now.getTime() + 3_600_000),
    absoluteExpiresAt: new Date(now.getTime() + 3_600_000),
  });
  const session = { cookie: `carpeta_session=${secret}`, csrf };
  sessions.set(`${nif}:${loa}`, session);
  return session;
}

async function call(
  method: string,
  url: string,
  options: { nif?: string; key?: string; body?: unknown; loa?: LevelOfAssurance } = {},
) {
  const session = await sessionOf(options.nif ?? MARIA_NIF, options.loa);
  const headers: Record<string, string> = { cookie: session.cookie };
  if (method !== 'GET') headers['x-csrf-token'] = session.csrf;
  if (options.key) headers['idempotency-key'] = options.key;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${base}${url}`, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
}

const key = () => `key-${Math.random().toString(36).slice(2, 12)}`;
const madridDay = (offset: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Madrid' }).format(
    new Date(Date.now() + offset * 86_400_000),
  );

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'carpeta-health-'));
  sermas = await startAgencyServer({ port: 0, handlers: sermasHandlers({ faults }) });
  testDatabase = await createTestDatabase('pglite');
  database = await openDatabase(testDatabase.options);
  app = buildGateway(
    {
      ...loadConfig({ PORT_GATEWAY: '0' }),
      shellDist: path.join(dir, 'no-shell'),
      manifestPath: MFES,
      env: {},
      // The health MFE's origin: its entry is valid, so its level guards /api/health-service.
      mfeOrigins: ['http://127.0.0.1:4207'],
      agenciesPath: await writeAgenciesFile(dir, [
        {
          id: 'sermas',
          name: 'Servicio Madrileño de Salud (SERMAS)',
          dir3: 'A13002908',
          connector: 'fhir-health',
          baseUrl: sermas.url,
          timeoutMs: 1000,
          cacheSeconds: 0,
          retries: 0,
          domains: ['health'],
          options: {},
          breaker: { failures: 1000, halfOpenAfterMs: 1 },
        },
      ]),
    },
    { database },
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
}, 60_000);

afterEach(async () => {
  faults.reset();
  await fetch(`${sermas.url}/__control/reset`, { method: 'POST' });
});

afterAll(async () => {
  await app?.close();
  await sermas?.close();
  await database?.close();
  await testDatabase?.destroy();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('GET /api/health-service/card', () => {
  it('María’s card: CIPA, validity, her centre, doctor and nurse, what the centre books', async () => {
    const response = await call('GET', '/api/health-service/card');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = healthCardAnswerSchema.parse(await response.json());
    expect(body.issuer).toEqual({ dir3: 'A13002908', name: 'Servicio Madrileño de Salud (SERMAS)' });
    expect(body.source.status).toBe('ok');
    expect(body.card).toEqual({
      cipa: 'GRLP850314MD',
      holder: 'María García López',
      status: 'active',
      validFrom: '2012-09-20',
      validUntil: null,
      centre: {
        id: 'CS-RETIRO-NORTE',
        name: 'Centro de Salud Retiro Norte',
        address: 'Calle del Doctor Castelo, 60, 28009 Madrid',
        phone: '910 000 101',
      },
      doctor: 'Dra. Elena Ruiz Castaño',
      nurse: 'Jorge Medina Prieto',
      services: [
        { id: 'MFYC', name: 'Medicina de familia', durationMinutes: 10 },
        { id: 'ENF', name: 'Enfermería', durationMinutes: 15 },
      ],
      replacement: null,
    });
  });

  it('someone who is not a patient: no card, the service fine', async () => {
    const body = healthCardAnswerSchema.parse(
      await (await call('GET', '/api/health-service/card', { nif: JOHN_NIF })).json(),
    );
    expect(body.card).toBeNull();
    expect(body.source.status).toBe('ok');
  });

  it('hostile strings arrive as data', async () => {
    const body = healthCardAnswerSchema.parse(
      await (await call('GET', '/api/health-service/card', { nif: HOSTILE_NIF })).json(),
    );
    expect(body.card?.centre.name).toContain('<script>');
  });

  for (const [mode, status] of [
    ['down', 'unavailable'],
    ['garbage', 'invalid-response'],
    ['error', 'unavailable'],
    ['slow', 'timeout'],
  ] as const) {
    it(`the health service ${mode}: 200 with no card and the source’s status ${status}`, async () => {
      faults.set({ mode, delayMs: 3000 });
      const response = await call('GET', '/api/health-service/card');
      expect(response.status).toBe(200);
      const body = healthCardAnswerSchema.parse(await response.json());
      expect(body.card).toBeNull();
      expect(body.source).toMatchObject({ source: 'sermas', status });
      expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|\bat .+:\d+/);
    });
  }

  it('needs the health MFE’s level of assurance (from its manifest entry)', async () => {
    const response = await call('GET', '/api/health-service/card', { loa: 'low' });
    expect(response.status).toBe(403);
    expect(apiErrorSchema.parse(await response.json()).error.code).toBe('step-up-required');
  });
});

describe('POST /api/health-service/card/replacement', () => {
  it('asks once per key, replays the answer, and the health service keeps one open request', async () => {
    const first = key();
    const response = await call('POST', '/api/health-service/card/replacement', {
      key: first,
      body: { reason: 'lost' },
    });
    expect(response.status).toBe(201);
    const body = cardReplacementAnswerSchema.parse(await response.json());
    expect(body.replacement).toMatchObject({ reason: 'lost', status: 'requested' });
    const replay = await call('POST', '/api/health-service/card/replacement', {
      key: first,
      body: { reason: 'lost' },
    });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(cardReplacementAnswerSchema.parse(await replay.json())).toEqual(body);
    // Another click later (a new key): the agency answers the request still open.
    const later = await call('POST', '/api/health-service/card/replacement', {
      key: key(),
      body: { reason: 'stolen' },
    });
    expect(cardReplacementAnswerSchema.parse(await later.json()).replacement.reference).toBe(
      body.replacement.reference,
    );
    const card = healthCardAnswerSchema.parse(await (await call('GET', '/api/health-service/card')).json());
    expect(card.card?.replacement?.reference).toBe(body.replacement.reference);
    const audit = await database.audit.list({ citizenNif: MARIA_NIF, kind: 'health-card-replacement' });
    expect(audit).toHaveLength(2);
    expect(audit[0]?.detail).toMatchObject({ source: 'sermas', subject: MARIA_NIF });
  });

  it('refuses a write without a key or a reason, and answers 404 for someone without a card', async () => {
    expect(
      (await call('POST', '/api/health-service/card/replacement', { body: { reason: 'lost' } })).status,
    ).toBe(400);
    expect(
      (await call('POST', '/api/health-service/card/replacement', { key: key(), body: { reason: 'bored' } }))
        .status,
    ).toBe(400);
    const none = await call('POST', '/api/health-service/card/replacement', {
      nif: JOHN_NIF,
      key: key(),
      body: { reason: 'lost' },
    });
    expect(none.status).toBe(404);
  });
});

describe('appointments', () => {
  it('lists María’s appointments, soonest first, in the portal’s statuses', async () => {
    const body = healthAppointmentListSchema.parse(
      await (await call('GET', '/api/health-service/appointments')).json(),
    );
    expect(body.items.map((item) => `${item.id}:${item.status}`)).toEqual([
      'sermas:CM-S00002:cancelled',
      'sermas:CE-S00001:attended',
      'sermas:CM-S00001:booked',
    ]);
    expect(body.items[2]).toMatchObject({
      service: { id: 'MFYC', name: 'Medicina de familia', durationMinutes: 10 },
      professional: 'Dra. Elena Ruiz Castaño',
      centre: { id: 'CS-RETIRO-NORTE', name: 'Centro de Salud Retiro Norte' },
    });
  });

  it('free slots at her own centre; asks for days and a service', async () => {
    expect((await call('GET', '/api/health-service/slots?service=MFYC')).status).toBe(400);
    expect(
      (await call('GET', `/api/health-service/slots?service=MFYC&from=${madridDay(1)}&to=${madridDay(90)}`))
        .status,
    ).toBe(400);
    const body = healthSlotListSchema.parse(
      await (
        await call('GET', `/api/health-service/slots?service=MFYC&from=${madridDay(1)}&to=${madridDay(14)}`)
      ).json(),
    );
    expect(body.items.length).toBeGreaterThan(5);
    expect(body.items.every((slot) => slot.id.includes('.CS-RETIRO-NORTE.'))).toBe(true);
  });

  it('books a slot once; the same slot again is a conflict; cancels, and another person’s is a 404', async () => {
    const slots = healthSlotListSchema.parse(
      await (
        await call('GET', `/api/health-service/slots?service=ENF&from=${madridDay(1)}&to=${madridDay(14)}`)
      ).json(),
    );
    const slot = slots.items[0];
    if (!slot) throw new Error('no slot');
    const booked = await call('POST', '/api/health-service/appointments', {
      key: key(),
      body: { serviceId: 'ENF', slotId: slot.id },
    });
    expect(booked.status).toBe(201);
    const item = healthAppointmentDetailSchema.parse(await booked.json()).item;
    expect(item).toMatchObject({ status: 'booked', startsAt: slot.startsAt });
    const again = await call('POST', '/api/health-service/appointments', {
      key: key(),
      body: { serviceId: 'ENF', slotId: slot.id },
    });
    expect(again.status).toBe(409);
    expect(apiErrorSchema.parse(await again.json()).error.code).toBe('conflict');

    const cancelKey = key();
    const cancelled = await call(
      'DELETE',
      `/api/health-service/appointments/${encodeURIComponent(item.id)}`,
      {
        key: cancelKey,
      },
    );
    expect(cancelled.status).toBe(200);
    expect(healthAppointmentDetailSchema.parse(await cancelled.json()).item.status).toBe('cancelled');
    // Javier's appointment, asked by María: it does not exist for her.
    const other = await call(
      'DELETE',
      `/api/health-service/appointments/${encodeURIComponent('sermas:CE-S00002')}`,
      {
        key: key(),
      },
    );
    expect(other.status).toBe(404);
    expect((await call('DELETE', '/api/health-service/appointments/nope', { key: key() })).status).toBe(400);
    expect((await call('DELETE', '/api/health-service/appointments/aeat:X-1', { key: key() })).status).toBe(
      404,
    );
    const kinds = (await database.audit.list({ citizenNif: MARIA_NIF })).map((row) => row.kind);
    expect(kinds).toEqual(expect.arrayContaining(['appointment-booked', 'appointment-cancelled']));
  });

  it('the health service down: the list says so with its status', async () => {
    faults.set({ mode: 'down' });
    const body = healthAppointmentListSchema.parse(
      await (await call('GET', '/api/health-service/appointments')).json(),
    );
    expect(body).toEqual({ items: [], source: expect.objectContaining({ status: 'unavailable' }) });
    const write = await call('POST', '/api/health-service/appointments', {
      key: key(),
      body: { serviceId: 'ENF', slotId: 'ENF.CS-RETIRO-NORTE.20300101.0815' },
    });
    expect(write.status).toBe(502);
    expect(apiErrorSchema.parse(await write.json()).error.code).toBe('agency-unavailable');
  });
});
