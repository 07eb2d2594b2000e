import { expiringDocumentSchema } from '@carpeta/sdk';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  answer,
  entry,
  type FakeClient,
  fakeClient,
  fixture,
  recordingLogger,
  unreachable,
} from './__fixtures__/fake-agency-client.ts';
import { createDgpSource, DGP_CONFLICT_TAKEN, maskDocumentNumber, parseDgpDateTime } from './dgp.ts';
import type { SourceConnector } from './types.ts';

// Recorded from the simulated DGP started at this instant; edge cases written by hand.
const NOW = new Date('2026-03-27T08:00:00Z');
const MARIA = '12345678Z';
const API = '/dgp/api/v1';

let client: FakeClient;
let log: ReturnType<typeof recordingLogger>;
let dgp: SourceConnector;

beforeEach(() => {
  client = fakeClient();
  log = recordingLogger();
  dgp = createDgpSource(
    entry({
      id: 'dgp',
      connector: 'dgp',
      dir3: 'E00128203',
      name: 'Policía Nacional',
      domains: ['documents', 'appointments'],
    }),
    { client, now: () => NOW, logger: log.logger },
  );
});

const documents = () => {
  if (!dgp.documents) throw new Error('no documents');
  return dgp.documents;
};
const appointments = () => {
  if (!dgp.appointments) throw new Error('no appointments');
  return dgp.appointments;
};
const json = (status: number, name: string) => answer(status, fixture(`dgp/${name}`));

describe('DGP dates and labels', () => {
  it('ISO without a zone is Madrid wall-clock; with one, that instant', () => {
    expect(parseDgpDateTime('2026-01-15T09:30:00')?.toISOString()).toBe('2026-01-15T08:30:00.000Z');
    expect(parseDgpDateTime('2026-07-15T09:30')?.toISOString()).toBe('2026-07-15T07:30:00.000Z');
    expect(parseDgpDateTime('2026-03-29T02:30:00')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(parseDgpDateTime('2026-07-15T09:30:00+02:00')?.toISOString()).toBe('2026-07-15T07:30:00.000Z');
    for (const bad of ['2026-02-30T10:00:00', '2026-01-01 10:00', '15/01/2026 09:30', '2026-01-01T25:00']) {
      expect(parseDgpDateTime(bad), bad).toBeNull();
    }
  });
  it('masks document numbers', () => {
    expect(maskDocumentNumber('12345678Z')).toBe('***4567**');
    expect(maskDocumentNumber('PAA482913')).toBe('***4829**');
  });
});

describe('DGP documents from recorded payloads', () => {
  it('María: the identity card about to expire, the passport expired, the withdrawn one hidden', async () => {
    client.on('GET', `${API}/citizens/${MARIA}/documents`, json(200, 'documents-maria.json'));
    const { items, status } = await documents().list(MARIA);
    expect(status.status).toBe('ok');
    expect(items).toHaveLength(2);
    for (const item of items) expect(expiringDocumentSchema.safeParse(item).success).toBe(true);
    // Soonest first: the expired passport, then the identity card (25 days after 27 March).
    expect(items.map((item) => [item.kind, item.label, item.expiresOn])).toEqual([
      ['passport', 'Pasaporte ***4829**', '2026-02-15'],
      ['identity-card', 'DNI ***4567**', '2026-04-21'],
    ]);
    expect(items[1]?.renewUrl).toBe('https://www.citapreviadnie.es/citaPreviaDniExp/');
    // The document number never appears in the id.
    for (const item of items) expect(item.id).not.toMatch(/12345678Z|PAA482913/);
    expect(items[0]?.id).toMatch(/^dgp:PAS-[0-9a-f]{16}$/);
    expect(log.warnings).toEqual([]);
  });

  it('edge cases: optional fields missing, unknown state and type, bad day, bad number, non-https link', async () => {
    client.on('GET', `${API}/citizens/${MARIA}/documents`, json(200, 'documents-edge.json'));
    const { items, status } = await documents().list(MARIA);
    expect(items.map((item) => item.label)).toEqual([
      'Pasaporte ***4829**',
      'DNI ***4567**',
      'TIE ***4567**',
    ]);
    expect(items[0]).toMatchObject({ renewUrl: null, expiresOn: '2026-02-15' });
    expect(items[2]).toMatchObject({ kind: 'identity-card', expiresOn: '2034-12-31', renewUrl: null });
    // XYZ, CARNET, 30 February, "<b>1</b>" and null: five unreadable; the withdrawn one is not counted.
    expect(status).toMatchObject({
      status: 'ok',
      message: '5 of the documents could not be read and are not shown.',
    });
    expect(log.warnings).toHaveLength(1);
  });

  it('hostile links never become links', async () => {
    client.on('GET', `${API}/citizens/Y2345678Z/documents`, json(200, 'documents-hostile.json'));
    const { items } = await documents().list('Y2345678Z');
    expect(items).toHaveLength(2);
    for (const item of items) expect(item.renewUrl).toBeNull();
  });

  it('failures and garbage become a status', async () => {
    const path = `${API}/citizens/${MARIA}/documents`;
    client.on('GET', path, unreachable());
    expect((await documents().list(MARIA)).status.status).toBe('unavailable');
    client.on('GET', path, answer(200, '{"resultado":"OK","notificaciones":[{'));
    expect((await documents().list(MARIA)).status.status).toBe('invalid-response');
    client.on('GET', path, answer(200, JSON.stringify({ result: 'OK', data: { docs: [] } })));
    expect((await documents().list(MARIA)).status.status).toBe('invalid-response');
    client.on(
      'GET',
      path,
      answer(400, JSON.stringify({ result: 'ERROR', error: { code: 'BAD_REQUEST', text: 'x' } })),
    );
    expect((await documents().list(MARIA)).status).toMatchObject({
      status: 'unavailable',
      message: 'The service refused the request.',
    });
  });
});

describe('DGP appointments from recorded payloads', () => {
  it('services, police stations, slots and the citizen’s appointments', async () => {
    client
      .on('GET', `${API}/appointment-services`, json(200, 'services.json'))
      .on('GET', `${API}/appointment-services/DNI-RENEW/offices`, json(200, 'offices.json'))
      .on(
        'GET',
        `${API}/appointment-services/DNI-RENEW/offices/CNP-MAD-CENTRO/slots?from=2026-03-27&to=2026-03-31`,
        json(200, 'slots.json'),
      )
      .on('GET', `${API}/citizens/${MARIA}/appointments`, json(200, 'appointments-maria.json'));
    expect((await appointments().services()).items).toContainEqual({
      id: 'DNI-RENEW',
      name: 'Renovación del DNI',
      durationMinutes: 10,
    });
    const offices = (await appointments().offices('DNI-RENEW')).items;
    expect(offices[0]).toEqual({
      id: 'CNP-MAD-CENTRO',
      name: 'Comisaría de Policía Nacional Madrid-Centro (Leganitos)',
      address: 'Calle de Leganitos, 19, 28013 Madrid',
    });
    const slots = (await appointments().slots('DNI-RENEW', 'CNP-MAD-CENTRO', '2026-03-27', '2026-03-31'))
      .items;
    expect(slots).toHaveLength(12);
    // Monday 30 March, 09:20 Madrid summer time (09:00 was taken).
    expect(slots[0]?.startsAt).toBe('2026-03-30T07:20:00.000Z');
    const mine = (await appointments().list(MARIA)).items;
    expect(mine.map((item) => item.status).sort()).toEqual(['attended', 'booked', 'cancelled']);
  });

  it('edge cases: the DST gap, seconds omitted, explicit zone, unknown state, 500-character Basque and Catalan', async () => {
    client.on('GET', `${API}/citizens/${MARIA}/appointments`, json(200, 'appointments-edge.json'));
    const { items, status } = await appointments().list(MARIA);
    const byId = new Map(items.map((item) => [item.id, item]));
    expect([...byId.keys()].sort()).toEqual(['dgp:DGP-E-1', 'dgp:DGP-E-2', 'dgp:DGP-E-3', 'dgp:DGP-E-6']);
    expect(status.message).toBe('2 of the appointments could not be read and are not shown.');
    expect(byId.get('dgp:DGP-E-1')).toMatchObject({
      startsAt: '2026-03-29T01:30:00.000Z',
      endsAt: '2026-03-29T01:40:00.000Z',
    });
    expect(byId.get('dgp:DGP-E-2')).toMatchObject({
      office: { address: '' },
      startsAt: '2026-04-01T07:00:00.000Z',
    });
    expect(byId.get('dgp:DGP-E-3')?.startsAt).toBe('2026-04-01T09:00:00.000Z');
    const long = byId.get('dgp:DGP-E-6');
    expect(long?.office.name).toHaveLength(300);
    expect(long?.office.name.startsWith('Zerga Agentziaren')).toBe(true);
    expect(long?.service.name).toHaveLength(300);
    expect(long?.service.name.endsWith('…')).toBe(true);
  });

  it('book, the race lost (SLOT_UNAVAILABLE → conflict), cancel of an unknown one', async () => {
    const path = `${API}/citizens/${MARIA}/appointments`;
    const choice = {
      serviceId: 'PASSPORT',
      officeId: 'CNP-POZUELO',
      slotId: 'PASSPORT.CNP-POZUELO.20260401.0920',
    };
    client.on('POST', path, json(201, 'appointment-booked-201.json'));
    expect(await appointments().book(MARIA, choice)).toMatchObject({
      ok: true,
      item: { status: 'booked', startsAt: '2026-04-01T07:20:00.000Z', office: { id: 'CNP-POZUELO' } },
    });
    expect(JSON.parse(client.sent.at(-1)?.body?.text ?? '')).toEqual({
      service: 'PASSPORT',
      office: 'CNP-POZUELO',
      slotRef: 'PASSPORT.CNP-POZUELO.20260401.0920',
    });
    client.on('POST', path, json(409, 'slot-unavailable-409.json'));
    expect(await appointments().book(MARIA, choice)).toEqual({
      ok: false,
      reason: 'conflict',
      message: DGP_CONFLICT_TAKEN,
      status: { source: 'dgp', name: 'Policía Nacional', status: 'ok' },
    });
    client.on('DELETE', `${path}/NOPE`, json(404, 'not-found-404.json'));
    expect(await appointments().cancel(MARIA, 'NOPE')).toMatchObject({ ok: false, reason: 'not-found' });
    expect(dgp.files).toBeUndefined();
  });
});
