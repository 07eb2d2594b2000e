import { type AgencyServer, startAgencyServer } from '@carpeta/mocks/server';
import { HttpResponse, http } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgencyClient } from '../agency-http.ts';
import { createFhirHealthSource } from './fhir-health.ts';
import type { HealthCapability } from './types.ts';

// The fhir-health connector against answers the simulated SERMAS never gives: resources the
// portal cannot read are skipped (and said so), answers that are not FHIR are a status, never a throw.

const FHIR = { 'content-type': 'application/fhir+json' };
const NIF = '12345678Z';
let answers: Record<string, () => Response> = {};
let server: AgencyServer;
let health: HealthCapability;
const warnings: string[] = [];

const bundle = (entries: unknown[]) =>
  HttpResponse.json(
    {
      resourceType: 'Bundle',
      type: 'searchset',
      total: entries.length,
      entry: entries.map((resource) => ({ resource, search: { mode: 'match' } })),
    },
    { headers: FHIR },
  );

const appointment = (id: string, extra: Record<string, unknown> = {}) => ({
  resourceType: 'Appointment',
  id,
  status: 'booked',
  serviceType: [{ coding: [{ code: 'MFYC', display: 'Medicina de familia' }] }],
  start: '2026-06-12T09:30:00+02:00',
  end: '2026-06-12T09:40:00+02:00',
  participant: [{ actor: { reference: 'Location/CS-1', display: 'Centro de Salud Uno' } }],
  ...extra,
});

beforeAll(async () => {
  const route = (name: string) => () => answers[name]?.() ?? HttpResponse.json({}, { status: 500 });
  server = await startAgencyServer({
    port: 0,
    handlers: [
      http.get('*/fhir/Coverage', route('coverage')),
      http.get('*/fhir/Appointment', route('appointments')),
      http.post('*/fhir/Appointment', route('book')),
      http.patch('*/fhir/Appointment', route('cancel')),
      http.post('*/fhir/Task', route('task')),
    ],
  });
  const entry = {
    id: 'salud',
    name: 'Servicio de salud',
    dir3: 'A13002908',
    connector: 'fhir-health',
    baseUrl: server.url,
    timeoutMs: 1000,
    cacheSeconds: 0,
    domains: ['health' as const],
    options: { fhirPath: '/fhir' },
  };
  const logger = { warn: (_details: object, message: string) => void warnings.push(message) };
  const source = createFhirHealthSource(entry, {
    client: createAgencyClient({ source: 'salud', baseUrl: server.url, timeoutMs: 1000, retries: 0, logger }),
    now: () => new Date(),
    logger,
  });
  if (!source.health) throw new Error('no health capability');
  health = source.health;
});
afterAll(async () => server?.close());

describe('fhir-health connector', () => {
  it('converts instants with offsets to UTC and skips appointments it cannot read, saying how many', async () => {
    answers = {
      appointments: () =>
        bundle([
          appointment('A-1'),
          appointment('A-2', { status: 'proposed' }),
          appointment('A-3', { start: '12/06/2026 09:30' }),
          appointment('A-4', { status: 'fulfilled' }),
        ]),
    };
    const result = await health.appointments(NIF);
    expect(result.items.map((item) => `${item.id}:${item.status}`)).toEqual([
      'salud:A-1:booked',
      'salud:A-4:attended',
    ]);
    expect(result.items[0]).toMatchObject({
      startsAt: '2026-06-12T07:30:00.000Z',
      centre: { id: 'CS-1', name: 'Centro de Salud Uno', address: '' },
      service: { durationMinutes: 10 },
    });
    expect(result.status).toMatchObject({
      status: 'ok',
      message: '2 of the appointments could not be read and are not shown.',
    });
    expect(warnings.some((message) => message.includes('unknown Appointment.status "proposed"'))).toBe(true);
  });

  it('an answer that is not a FHIR searchset, or not JSON, is an invalid response', async () => {
    answers = { appointments: () => HttpResponse.json({ ok: true }, { headers: FHIR }) };
    expect((await health.appointments(NIF)).status.status).toBe('invalid-response');
    answers = { appointments: () => HttpResponse.html('<h1>Mantenimiento</h1>') };
    expect((await health.appointments(NIF)).status.status).toBe('invalid-response');
    answers = { appointments: () => HttpResponse.json({}, { status: 503 }) };
    expect((await health.appointments(NIF)).status.status).toBe('unavailable');
  });

  it('a card without its number or its centre is an invalid response, never a half card', async () => {
    answers = {
      coverage: () =>
        bundle([
          {
            resourceType: 'Coverage',
            id: 'c-1',
            status: 'active',
            beneficiary: { reference: 'Patient/p-1' },
            period: { start: '2020-01-01' },
          },
        ]),
    };
    const card = await health.card(NIF);
    expect(card).toMatchObject({
      ok: false,
      reason: 'invalid-response',
      status: { status: 'invalid-response' },
    });
  });

  it('writes: an OperationOutcome conflict or business rule is a conflict; a 201 of the wrong shape is invalid', async () => {
    const outcome = (status: number, code: string) =>
      HttpResponse.json(
        { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code }] },
        { status, headers: FHIR },
      );
    answers = { book: () => outcome(409, 'conflict') };
    expect(await health.book(NIF, 'MFYC', 'S-1')).toMatchObject({ ok: false, reason: 'conflict' });
    answers = { book: () => outcome(422, 'business-rule') };
    expect(await health.book(NIF, 'MFYC', 'S-1')).toMatchObject({ ok: false, reason: 'conflict' });
    answers = {
      book: () => HttpResponse.json({ resourceType: 'Appointment' }, { status: 201, headers: FHIR }),
    };
    expect(await health.book(NIF, 'MFYC', 'S-1')).toMatchObject({ ok: false, reason: 'invalid-response' });
    answers = { cancel: () => outcome(404, 'not-found') };
    expect(await health.cancel(NIF, 'A-9')).toMatchObject({ ok: false, reason: 'not-found' });
    // The id of another appointment in the answer is not taken for the one cancelled.
    answers = {
      cancel: () => HttpResponse.json(appointment('A-OTHER', { status: 'cancelled' }), { headers: FHIR }),
    };
    expect(await health.cancel(NIF, 'A-9')).toMatchObject({ ok: false, reason: 'invalid-response' });
    // Ids the portal would not accept never reach the service.
    expect(await health.cancel(NIF, '../x')).toMatchObject({ ok: false, reason: 'not-found' });
  });
});
