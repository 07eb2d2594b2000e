import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AgencyServer, startAgencyServer } from '@carpeta/mocks/server';
import {
  apiErrorSchema,
  appointmentDetailSchema,
  appointmentListSchema,
  bookableSourceListSchema,
  expiringDocumentListSchema,
  fileDetailSchema,
  fileListSchema,
  folderSourceListSchema,
  homeSourceAnswerSchema,
  officeListSchema,
  pinListSchema,
  slotListSchema,
} from '@carpeta/sdk';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFakeAgency, createFakeSource, type FakeAgency } from '../agencies/fake-agency.testing.ts';
import { writeAgenciesFile } from '../agencies/testing.ts';
import type { AgencyEntry } from '../agencies/types.ts';
import { buildGateway } from '../app.ts';
import { newCsrfToken, newSessionSecret, sessionIdFor } from '../auth/sessions.ts';
import { testSession, type TestSession } from '../auth/testing.ts';
import { loadConfig } from '../config.ts';

// The folder's routes over real HTTP: the gateway built from an agencies file whose sources use a
// fake connector type, each talking to its own fake administration served over HTTP by msw.
const MARIA = '12345678Z';
const CARMEN = '23456781R';
const NOW = new Date();
const MFES = fileURLToPath(new URL('../../config/mfes.json', import.meta.url));

let dir: string;
let session: TestSession;
let carmen: { cookie: string; csrfToken: string };
let town: FakeAgency;
let slowTown: FakeAgency;
let townServer: AgencyServer;
let slowServer: AgencyServer;
let app: FastifyInstance;
let base: string;

function entry(id: string, url: string, extra: Partial<AgencyEntry> = {}): AgencyEntry {
  return {
    id,
    name: `Ayuntamiento ${id}`,
    dir3: 'L01280796',
    connector: 'fake',
    baseUrl: url,
    timeoutMs: 400,
    cacheSeconds: 30,
    domains: ['files', 'appointments', 'documents'],
    options: {},
    breaker: { failures: 1000, halfOpenAfterMs: 1 },
    ...extra,
  };
}

async function call(
  method: string,
  url: string,
  options: { body?: unknown; key?: string; as?: { cookie: string; csrfToken: string } } = {},
) {
  const who = options.as ?? session;
  const headers: Record<string, string> = { cookie: who.cookie };
  if (method !== 'GET') headers['x-csrf-token'] = who.csrfToken;
  if (options.key) headers['idempotency-key'] = options.key;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${base}${url}`, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
}

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const body = apiErrorSchema.parse(await response.json());
  expect(body.error.code).toBe(code);
  return body;
}

const key = () => `key-${Math.random().toString(36).slice(2, 12)}`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'carpeta-folder-'));
  town = createFakeAgency({ owner: MARIA, now: NOW });
  slowTown = createFakeAgency({ owner: MARIA, now: NOW });
  townServer = await startAgencyServer({ port: 0, handlers: town.handlers });
  slowServer = await startAgencyServer({ port: 0, handlers: slowTown.handlers });
  session = await testSession(MARIA, NOW);
  // Carmen signs in to the same database.
  const secret = newSessionSecret();
  const csrfToken = newCsrfToken();
  await session.database.sessions.create({
    id: sessionIdFor(secret) as string,
    citizen: {
      nif: CARMEN,
      givenName: 'Carmen',
      surnames: 'R',
      displayName: 'Carmen R',
      documentType: 'NIF',
    },
    loa: 'substantial',
    method: 'clave-pin',
    actingFor: null,
    csrfToken,
    idToken: null,
    previousAccess: null,
    createdAt: NOW,
    lastSeenAt: NOW,
    idleExpiresAt: new Date(NOW.getTime() + 3_600_000),
    absoluteExpiresAt: new Date(NOW.getTime() + 3_600_000),
  });
  carmen = { cookie: `carpeta_session=${secret}`, csrfToken };
  app = buildGateway(
    {
      ...loadConfig({ PORT_GATEWAY: '0' }),
      shellDist: path.join(dir, 'no-shell'),
      manifestPath: MFES,
      env: {},
      agenciesPath: await writeAgenciesFile(dir, [
        entry('ayto-a', townServer.url),
        entry('ayto-slow', slowServer.url, { cacheSeconds: 0, domains: ['files', 'documents'] }),
      ]),
      connectorTypes: { fake: createFakeSource },
      mfeOrigins: [],
    },
    { database: session.database },
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
}, 60_000);

afterEach(() => {
  slowTown.fault = { mode: 'ok' };
});

afterAll(async () => {
  await app?.close();
  await townServer?.close();
  await slowServer?.close();
  await session?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('files', () => {
  it('lists every source in parallel, with a status per source; a slow one is a timeout, not a failure', async () => {
    slowTown.fault = { mode: 'slow', delayMs: 3_000 };
    const started = performance.now();
    const response = await call('GET', '/api/files');
    expect(performance.now() - started).toBeLessThan(2_500);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = fileListSchema.parse(await response.json());
    expect(body.items.map((item) => item.id).sort()).toEqual(['ayto-a:EXP-1', 'ayto-a:EXP-2']);
    expect(body.sources).toEqual([
      expect.objectContaining({ source: 'ayto-a', status: 'ok' }),
      expect.objectContaining({ source: 'ayto-slow', status: 'timeout' }),
    ]);
  });

  it('reads one file of the citizen; another citizen, or an unknown source, gets a 404', async () => {
    const response = await call('GET', '/api/files/ayto-a:EXP-1');
    expect(response.status).toBe(200);
    const detail = fileDetailSchema.parse(await response.json());
    expect(detail.item).toMatchObject({ id: 'ayto-a:EXP-1', status: 'requirement', open: true });
    await expectError(await call('GET', '/api/files/ayto-a:EXP-1', { as: carmen }), 404, 'not-found');
    await expectError(await call('GET', '/api/files/nowhere:EXP-1'), 404, 'not-found');
    await expectError(await call('GET', '/api/files/not%20an%20id'), 400, 'bad-request');
  });

  it("keeps a citizen's answer for the source's cacheSeconds, per citizen", async () => {
    const before = town.count('GET', `/fake/v1/citizens/${MARIA}/files`);
    await call('GET', '/api/files');
    await call('GET', '/api/files');
    // The first list of the suite already filled the cache: not asked again.
    expect(town.count('GET', `/fake/v1/citizens/${MARIA}/files`) - before).toBe(0);
    const carmenBefore = town.count('GET', `/fake/v1/citizens/${CARMEN}/files`);
    const answer = fileListSchema.parse(await (await call('GET', '/api/files', { as: carmen })).json());
    expect(answer.items).toEqual([]);
    expect(town.count('GET', `/fake/v1/citizens/${CARMEN}/files`) - carmenBefore).toBe(1);
  });
});

describe('appointments', () => {
  it('says which administrations book, their offices and free slots (never cached)', async () => {
    const sources = bookableSourceListSchema.parse(
      await (await call('GET', '/api/appointments/sources')).json(),
    );
    expect(sources.items).toEqual([
      {
        source: 'ayto-a',
        issuer: { dir3: 'L01280796', name: 'Ayuntamiento ayto-a' },
        services: [expect.objectContaining({ id: 'SRV-1' })],
      },
    ]);
    const offices = officeListSchema.parse(
      await (await call('GET', '/api/appointments/sources/ayto-a/services/SRV-1/offices')).json(),
    );
    expect(offices.items.map((office) => office.id)).toEqual(['OF-1']);
    const slotsUrl = (from: string, to: string) =>
      `/api/appointments/sources/ayto-a/services/SRV-1/offices/OF-1/slots?from=${from}&to=${to}`;
    const before = town.count('GET', '/fake/v1/services/SRV-1/offices/OF-1/slots');
    for (let round = 0; round < 2; round++) {
      const slots = slotListSchema.parse(
        await (await call('GET', slotsUrl('2026-01-01', '2026-01-31'))).json(),
      );
      expect(slots.items.length).toBeGreaterThan(0);
    }
    expect(town.count('GET', '/fake/v1/services/SRV-1/offices/OF-1/slots') - before).toBe(2);
    await expectError(await call('GET', slotsUrl('2026-02-30', '2026-03-01')), 400, 'bad-request');
    await expectError(await call('GET', slotsUrl('2026-03-01', '2026-02-01')), 400, 'bad-request');
    await expectError(await call('GET', slotsUrl('2026-01-01', '2026-12-31')), 400, 'bad-request');
    await expectError(
      await call('GET', '/api/appointments/sources/ayto-slow/services/SRV-1/offices'),
      404,
      'not-found',
    );
  });

  it('books once per Idempotency-Key, records it, and forgets the cached list', async () => {
    const listed = appointmentListSchema.parse(await (await call('GET', '/api/appointments')).json());
    expect(listed.items).toEqual([]);
    const listCalls = town.count('GET', `/fake/v1/citizens/${MARIA}/appointments`);
    const choice = { source: 'ayto-a', serviceId: 'SRV-1', officeId: 'OF-1', slotId: 'SRV-1.OF-1.S1' };
    await expectError(await call('POST', '/api/appointments', { body: choice }), 400, 'bad-request');
    const idempotencyKey = key();
    const first = await call('POST', '/api/appointments', { body: choice, key: idempotencyKey });
    expect(first.status).toBe(201);
    const booked = appointmentDetailSchema.parse(await first.json());
    expect(booked.item).toMatchObject({ id: 'ayto-a:CITA-1', status: 'booked' });
    const again = await call('POST', '/api/appointments', { body: choice, key: idempotencyKey });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(appointmentDetailSchema.parse(await again.json())).toEqual(booked);
    // One booking at the agency, one audit row.
    expect(town.bookings).toHaveLength(1);
    expect(town.count('POST', `/fake/v1/citizens/${MARIA}/appointments`)).toBe(1);
    const audit = await session.database.audit.list({ kind: 'appointment-booked' });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.detail).toMatchObject({ subject: MARIA, appointment: 'ayto-a:CITA-1' });
    // The write invalidated the cached list: the booking shows at once.
    const after = appointmentListSchema.parse(await (await call('GET', '/api/appointments')).json());
    expect(after.items.map((item) => item.id)).toEqual(['ayto-a:CITA-1']);
    expect(town.count('GET', `/fake/v1/citizens/${MARIA}/appointments`) - listCalls).toBe(1);
  });

  it('a slot taken meanwhile is a 409 conflict with a clear message; two citizens racing: one wins', async () => {
    const taken = { source: 'ayto-a', serviceId: 'SRV-1', officeId: 'OF-1', slotId: 'SRV-1.OF-1.S1' };
    const conflict = await expectError(
      await call('POST', '/api/appointments', { body: taken, key: key(), as: carmen }),
      409,
      'conflict',
    );
    expect(conflict.error.message).toMatch(/no longer free/);
    const last = { ...taken, slotId: 'SRV-1.OF-1.S3' };
    const answers = await Promise.all([
      call('POST', '/api/appointments', { body: last, key: key(), as: carmen }),
      call('POST', '/api/appointments', { body: last, key: key() }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    expect(town.bookings.filter((booking) => booking.slotId === last.slotId)).toHaveLength(1);
  });

  it('reschedules and cancels (idempotent), and refuses another citizen’s appointment', async () => {
    const mine = town.bookings.find((booking) => booking.citizen === MARIA && booking.slotId.endsWith('S1'));
    const id = `ayto-a:${mine?.id}`;
    const move = { source: 'ayto-a', serviceId: 'SRV-1', officeId: 'OF-1', slotId: 'SRV-1.OF-1.S2' };
    const moved = await call('PUT', `/api/appointments/${id}`, { body: move, key: key() });
    expect(moved.status).toBe(200);
    expect(appointmentDetailSchema.parse(await moved.json()).item.status).toBe('booked');
    await expectError(
      await call('PUT', `/api/appointments/${id}`, { body: { ...move, source: 'ayto-slow' }, key: key() }),
      400,
      'bad-request',
    );
    await expectError(
      await call('DELETE', `/api/appointments/${id}`, { key: key(), as: carmen }),
      404,
      'not-found',
    );
    const cancelKey = key();
    const cancelled = await call('DELETE', `/api/appointments/${id}`, { key: cancelKey });
    expect(cancelled.status).toBe(200);
    expect(appointmentDetailSchema.parse(await cancelled.json()).item.status).toBe('cancelled');
    expect(
      (await call('DELETE', `/api/appointments/${id}`, { key: cancelKey })).headers.get(
        'idempotent-replayed',
      ),
    ).toBe('true');
    expect((await session.database.audit.list({ kind: 'appointment-cancelled' })).length).toBe(1);
    expect((await session.database.audit.list({ kind: 'appointment-rescheduled' })).length).toBe(1);
  });

  it('adds an appointment to a calendar: an ICS file with UTC instants and a proper file name', async () => {
    const list = appointmentListSchema.parse(await (await call('GET', '/api/appointments')).json());
    const appointment = list.items[0];
    if (!appointment) throw new Error('no appointment');
    const response = await call('GET', `/api/appointments/${appointment.id}/calendar.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="cita-${appointment.reference}.ics"`,
    );
    // Long lines are folded (RFC 5545 §3.1): unfold before reading.
    const text = (await response.text()).replace(/\r\n[ \t]/g, '');
    expect(text).toContain('BEGIN:VEVENT');
    const stamp = appointment.startsAt.replace(/[-:]/g, '').replace(/\.\d+/, '');
    expect(text).toContain(`DTSTART:${stamp}`);
    expect(text).toContain('Europe/Madrid');
    await expectError(await call('GET', '/api/appointments/ayto-a:NOPE/calendar.ics'), 404, 'not-found');
  });
});

describe('documents and home', () => {
  it('lists documents about to expire, soonest first', async () => {
    const body = expiringDocumentListSchema.parse(await (await call('GET', '/api/documents')).json());
    expect(body.items.filter((item) => item.source === 'ayto-a').map((item) => item.id)).toEqual([
      'ayto-a:DNI-1',
      'ayto-a:PAS-1',
    ]);
  });

  it('lists the folder sources, and what needs the citizen now from one of them', async () => {
    const sources = folderSourceListSchema.parse(await (await call('GET', '/api/home/sources')).json());
    expect(sources.items.map((item) => item.source)).toEqual(['ayto-a', 'ayto-slow']);
    const home = homeSourceAnswerSchema.parse(await (await call('GET', '/api/home/sources/ayto-a')).json());
    expect(home.source).toMatchObject({ source: 'ayto-a', status: 'ok' });
    const byReason = Object.fromEntries(home.items.map((item) => [item.id, [item.reason, item.href]]));
    expect(byReason['ayto-a:EXP-1']).toEqual(['file-requirement', '/files/ayto-a%3AEXP-1']);
    expect(byReason['ayto-a:DNI-1']).toEqual(['document-expiring', '/documents']);
    expect(byReason['ayto-a:EXP-2']).toBeUndefined();
    // The passport expires in more than 90 days: it does not need the citizen yet.
    expect(byReason['ayto-a:PAS-1']).toBeUndefined();
    const dues = home.items.map((item) => item.due);
    expect(dues).toEqual([...dues].sort());
    await expectError(await call('GET', '/api/home/sources/nowhere'), 404, 'not-found');
  });

  it('one failing source answers its own status; the others are unaffected', async () => {
    slowTown.fault = { mode: 'status', status: 500 };
    const failing = homeSourceAnswerSchema.parse(
      await (await call('GET', '/api/home/sources/ayto-slow')).json(),
    );
    expect(failing).toMatchObject({ items: [], source: { source: 'ayto-slow', status: 'unavailable' } });
    const fine = homeSourceAnswerSchema.parse(await (await call('GET', '/api/home/sources/ayto-a')).json());
    expect(fine.source.status).toBe('ok');
  });
});

describe('pins', () => {
  it('pins (idempotent), lists and unpins, per citizen, recorded', async () => {
    expect(pinListSchema.parse(await (await call('GET', '/api/pins')).json()).items).toEqual([]);
    const pinKey = key();
    const pin = { target: '/files', label: 'Mis expedientes' };
    const first = await call('POST', '/api/pins', { body: pin, key: pinKey });
    expect(first.status).toBe(201);
    expect(pinListSchema.parse(await first.json()).items).toEqual([
      expect.objectContaining({ target: '/files', label: 'Mis expedientes' }),
    ]);
    const replay = await call('POST', '/api/pins', { body: pin, key: pinKey });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    await expectError(
      await call('POST', '/api/pins', { body: { target: '<x>', label: 'x' }, key: key() }),
      400,
      'bad-request',
    );
    expect(pinListSchema.parse(await (await call('GET', '/api/pins', { as: carmen })).json()).items).toEqual(
      [],
    );
    const removed = await call('DELETE', `/api/pins?target=${encodeURIComponent('/files')}`);
    expect(removed.status).toBe(200);
    expect(pinListSchema.parse(await removed.json()).items).toEqual([]);
    expect((await session.database.audit.list({ kind: 'pin-added' })).length).toBe(1);
    expect((await session.database.audit.list({ kind: 'pin-removed' })).length).toBe(1);
  });

  it('keeps at most 50 pins per citizen', async () => {
    for (let index = 0; index < 50; index++) {
      const response = await call('POST', '/api/pins', {
        body: { target: `ayto-a:EXP-${index}`, label: `Pin ${index}` },
        key: key(),
        as: carmen,
      });
      expect(response.status).toBe(201);
    }
    const over = await expectError(
      await call('POST', '/api/pins', {
        body: { target: '/appointments', label: 'One more' },
        key: key(),
        as: carmen,
      }),
      409,
      'conflict',
    );
    expect(over.error.message).toMatch(/50/);
  });
});

describe('the guard', () => {
  it('needs a session for every folder route', async () => {
    for (const url of [
      '/api/files',
      '/api/appointments',
      '/api/documents',
      '/api/home/sources',
      '/api/pins',
    ]) {
      const response = await fetch(`${base}${url}`);
      expect(response.status, url).toBe(401);
    }
  });
});
