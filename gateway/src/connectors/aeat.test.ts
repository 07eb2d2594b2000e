import { citizenFileSchema } from '@carpeta/sdk';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  answer,
  entry,
  type FakeClient,
  fakeClient,
  fixture,
  recordingLogger,
  timeout,
  unreachable,
} from './__fixtures__/fake-agency-client.ts';
import { CONFLICT_CANCELLED, CONFLICT_TAKEN, createAeatSource, parseAeatDate } from './aeat.ts';
import type { SourceConnector } from './types.ts';

// The fixtures were recorded from the simulated AEAT started at this instant (and edited by hand
// for the edge cases: __fixtures__/aeat/expedientes-edge.json).
const NOW = new Date('2026-03-27T08:00:00Z');
const MARIA = '12345678Z';
const SEDE = '/aeat/sede/api/v1';
const CITA = '/aeat/cita/api/v1';

let client: FakeClient;
let log: ReturnType<typeof recordingLogger>;
let aeat: SourceConnector;

beforeEach(() => {
  client = fakeClient();
  log = recordingLogger();
  aeat = createAeatSource(
    entry({ id: 'aeat', connector: 'aeat', dir3: 'E00003901', name: 'Agencia Tributaria' }),
    { client, now: () => NOW, logger: log.logger },
  );
});

const files = () => {
  if (!aeat.files) throw new Error('no files capability');
  return aeat.files;
};
const appointments = () => {
  if (!aeat.appointments) throw new Error('no appointments capability');
  return aeat.appointments;
};

describe('parseAeatDate', () => {
  it('reads yyyyMMddHHmmss as Madrid wall-clock time, winter and summer', () => {
    expect(parseAeatDate('20260115093000')?.toISOString()).toBe('2026-01-15T08:30:00.000Z');
    expect(parseAeatDate('20260715093000')?.toISOString()).toBe('2026-07-15T07:30:00.000Z');
  });
  it('a time in the spring gap (last Sunday of March, 02:30) moves forward an hour', () => {
    expect(parseAeatDate('20260329023000')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(parseAeatDate('20260329015959')?.toISOString()).toBe('2026-03-29T00:59:59.000Z');
  });
  it('the hour repeated in autumn is read as winter time', () => {
    expect(parseAeatDate('20261025023000')?.toISOString()).toBe('2026-10-25T01:30:00.000Z');
  });
  it('refuses what is not a real date and time', () => {
    for (const bad of [
      '20260231093000',
      '20261301000000',
      '20260101240000',
      '2026-01-01T00:00',
      '',
      '202601010000',
    ]) {
      expect(parseAeatDate(bad), bad).toBeNull();
    }
  });
});

describe('AEAT files from recorded payloads', () => {
  it('normalises María’s files: statuses, a requirement with its deadline, timeline and documents', async () => {
    client.on(
      'GET',
      `${SEDE}/contribuyentes/${MARIA}/expedientes`,
      answer(200, fixture('aeat/expedientes-maria.json')),
    );
    const { items, status } = await files().list(MARIA);
    expect(status).toEqual({ source: 'aeat', name: 'Agencia Tributaria', status: 'ok' });
    expect(items).toHaveLength(14);
    for (const item of items) expect(citizenFileSchema.safeParse(item).success).toBe(true);
    const requirement = items.find((item) => item.reference === '2026GCL000098765');
    expect(requirement).toMatchObject({
      id: 'aeat:2026GCL000098765',
      status: 'requirement',
      open: true,
      issuer: { dir3: 'E00003901', name: 'Agencia Tributaria' },
      procedure: 'Comprobación limitada IRPF',
      serviceUrl: 'https://sede.agenciatributaria.gob.es/Sede/procedimientoini/G302.shtml',
    });
    // Recorded at 08:00Z; due 8 days and 6 hours later (16:00 Madrid, summer time by then).
    expect(requirement?.deadline).toBe('2026-04-04T14:00:00.000Z');
    expect(requirement?.timeline.map((event) => event.status)).toEqual([
      'started',
      'in-progress',
      'requirement',
    ]);
    expect(requirement?.documents[0]).toMatchObject({ id: 'RQ24MARIA00001', origin: 'administration' });
    expect(items.filter((item) => item.status === 'archived')).toHaveLength(9);
    expect(
      items
        .filter((item) => item.open)
        .map((item) => item.status)
        .sort(),
    ).toEqual(['in-progress', 'requirement', 'started']);
    // Newest activity first.
    expect(items.map((item) => item.updatedAt)).toEqual(
      [...items.map((item) => item.updatedAt)].sort().reverse(),
    );
    expect(log.warnings).toEqual([]);
    expect(client.reports.at(-1)?.state).toBe('ok');
  });

  it('edge cases: missing optional fields, unknown status, malformed records, 500-character Basque and Catalan, the DST gap', async () => {
    client.on(
      'GET',
      `${SEDE}/contribuyentes/${MARIA}/expedientes`,
      answer(200, fixture('aeat/expedientes-edge.json')),
    );
    const { items, status } = await files().list(MARIA);
    const byRef = new Map(items.map((item) => [item.reference, item]));
    expect([...byRef.keys()].sort()).toEqual([
      '2026CAT000000007',
      '2026EUS000000006',
      '2026LNG000000008',
      '2026MIN000000002',
      '2026RDV000000001',
    ]);
    // Unknown "ZZ", an ISO date, 31 February, a string, a duplicate and an id with slashes: skipped.
    expect(status).toMatchObject({
      status: 'ok',
      message: '6 of the files could not be read and are not shown.',
    });
    expect(log.warnings).toHaveLength(1);
    expect(log.warnings[0]?.details).toMatchObject({ source: 'aeat', what: 'files', skipped: 6 });

    expect(byRef.get('2026MIN000000002')).toMatchObject({
      procedure: null,
      deadline: null,
      timeline: [],
      documents: [],
      serviceUrl: null,
      startedAt: '2026-03-02T09:00:00.000Z',
      updatedAt: '2026-03-02T09:00:00.000Z',
    });
    const basque = byRef.get('2026EUS000000006');
    expect(basque?.title).toHaveLength(500);
    expect(basque?.title.startsWith('Zerga Agentziaren errekerimendua')).toBe(true);
    expect(basque?.deadline).toBe('2026-03-29T01:30:00.000Z');
    expect(basque?.timeline[0]?.description).toHaveLength(500);
    const catalan = byRef.get('2026CAT000000007');
    expect(catalan?.title).toHaveLength(500);
    expect(catalan?.title).toContain("l'Agència Tributària");
    // Never a javascript: link.
    expect(catalan?.serviceUrl).toBeNull();
    // Too long for the portal: cut, not dropped.
    expect(byRef.get('2026LNG000000008')?.title).toHaveLength(500);
    expect(byRef.get('2026LNG000000008')?.title.endsWith('…')).toBe(true);
    // The timeline is oldest first whatever order the agency sends.
    expect(byRef.get('2026RDV000000001')?.timeline.map((event) => event.status)).toEqual([
      'started',
      'in-progress',
    ]);
  });

  it('logs skipped records once per change, not on every request', async () => {
    client.on(
      'GET',
      `${SEDE}/contribuyentes/${MARIA}/expedientes`,
      answer(200, fixture('aeat/expedientes-edge.json')),
    );
    await files().list(MARIA);
    await files().list(MARIA);
    await files().list(MARIA);
    expect(log.warnings).toHaveLength(1);
    client.on(
      'GET',
      `${SEDE}/contribuyentes/${MARIA}/expedientes`,
      answer(200, fixture('aeat/expedientes-maria.json')),
    );
    await files().list(MARIA);
    client.on(
      'GET',
      `${SEDE}/contribuyentes/${MARIA}/expedientes`,
      answer(200, fixture('aeat/expedientes-edge.json')),
    );
    await files().list(MARIA);
    expect(log.warnings).toHaveLength(2);
  });

  it('hostile strings pass through as text, untouched', async () => {
    client.on(
      'GET',
      `${SEDE}/contribuyentes/Y2345678Z/expedientes`,
      answer(200, fixture('aeat/expedientes-hostile.json')),
    );
    const { items } = await files().list('Y2345678Z');
    expect(items).toHaveLength(3);
    expect(items.map((item) => item.title)).toContain(
      '<script>alert("aeat")</script> Requerimiento & «comillas»',
    );
  });

  it('one file by id; someone else’s is not found', async () => {
    client
      .on(
        'GET',
        `${SEDE}/contribuyentes/${MARIA}/expedientes/2026GCL000098765`,
        answer(200, fixture('aeat/expediente-detalle.json')),
      )
      .on(
        'GET',
        `${SEDE}/contribuyentes/${MARIA}/expedientes/NOPE`,
        answer(404, fixture('aeat/expediente-404.json')),
      );
    expect(await files().get(MARIA, '2026GCL000098765')).toMatchObject({
      ok: true,
      item: { status: 'requirement' },
    });
    expect(await files().get(MARIA, 'NOPE')).toMatchObject({
      ok: false,
      reason: 'not-found',
      status: { status: 'ok' },
    });
    // Never even asked: not an id the agency could have.
    expect(await files().get(MARIA, '../x')).toMatchObject({ ok: false, reason: 'not-found' });
    expect(client.sent.map((call) => call.path)).not.toContain(expect.stringContaining('..'));
  });

  it('agency failures become a status, never an exception', async () => {
    const path = `${SEDE}/contribuyentes/${MARIA}/expedientes`;
    client.on('GET', path, timeout());
    expect((await files().list(MARIA)).status.status).toBe('timeout');
    client.on('GET', path, unreachable());
    expect((await files().list(MARIA)).status).toMatchObject({
      status: 'unavailable',
      message: 'The service could not be reached.',
    });
    client.on('GET', path, answer(500, '<html><body>Internal Server Error</body></html>', 'text/html'));
    expect((await files().list(MARIA)).status).toMatchObject({
      status: 'unavailable',
      message: 'The service answered with an error (HTTP 500).',
    });
    client.on('GET', path, answer(200, '{"resultado":"OK","notificaciones":[{'));
    expect((await files().list(MARIA)).status.status).toBe('invalid-response');
    client.on(
      'GET',
      path,
      answer(200, JSON.stringify({ status: 'success', data: { items: 'temporarily unavailable' } })),
    );
    expect((await files().list(MARIA)).status.status).toBe('invalid-response');
    client.on('GET', path, answer(200, JSON.stringify({ codRespuesta: '0000', expedientes: 'none' })));
    expect((await files().list(MARIA)).status.status).toBe('invalid-response');
    client.on(
      'GET',
      path,
      answer(400, JSON.stringify({ codRespuesta: 'E400', descRespuesta: 'NIF no válido' })),
    );
    expect((await files().list(MARIA)).status).toMatchObject({
      status: 'unavailable',
      message: 'The service refused the request.',
    });
    expect(client.reports.map((report) => report.state)).toEqual([
      'unavailable',
      'invalid-response',
      'invalid-response',
      'invalid-response',
      'unavailable',
    ]);
  });
});

describe('AEAT appointments from recorded payloads', () => {
  it('services, offices and slots (across the change to summer time)', async () => {
    client
      .on('GET', `${CITA}/servicios`, answer(200, fixture('aeat/servicios.json')))
      .on('GET', `${CITA}/servicios/RENTA-PRES/oficinas`, answer(200, fixture('aeat/oficinas.json')))
      .on(
        'GET',
        `${CITA}/servicios/RENTA-PRES/oficinas/28600/huecos?desde=20260327&hasta=20260403`,
        answer(200, fixture('aeat/huecos.json')),
      );
    const services = await appointments().services();
    expect(services.items).toContainEqual({
      id: 'RENTA-PRES',
      name: 'Atención presencial Renta',
      durationMinutes: 20,
    });
    const offices = await appointments().offices('RENTA-PRES');
    expect(offices.items.map((office) => office.id)).toEqual(['28600', '28053', '28065', '28099']);
    const slots = await appointments().slots('RENTA-PRES', '28600', '2026-03-27', '2026-04-03');
    expect(slots.status.status).toBe('ok');
    expect(slots.items[0]).toEqual({
      id: 'RENTA-PRES.28600.20260330.0900',
      // Monday 30 March, 09:00 Madrid summer time.
      startsAt: '2026-03-30T07:00:00.000Z',
      endsAt: '2026-03-30T07:20:00.000Z',
    });
    expect(await appointments().slots('RENTA-PRES', '28600', '2026-02-30', '2026-04-03')).toMatchObject({
      items: [],
    });
  });

  it('the citizen’s appointments, every status', async () => {
    client.on('GET', `${CITA}/contribuyentes/${MARIA}/citas`, answer(200, fixture('aeat/citas-maria.json')));
    const { items } = await appointments().list(MARIA);
    expect(items).toHaveLength(6);
    expect(items.map((item) => item.status).sort()).toEqual([
      'attended',
      'attended',
      'booked',
      'booked',
      'cancelled',
      'missed',
    ]);
    expect(items.find((item) => item.id === 'aeat:AC-2026-100001')).toMatchObject({
      service: { id: 'RENTA-PRES', durationMinutes: 20 },
      office: { id: '28600' },
      reference: 'L100001AE',
    });
  });

  it('book: the agency’s C409 becomes a conflict with a message; a success the appointment', async () => {
    const path = `${CITA}/contribuyentes/${MARIA}/citas`;
    const choice = { serviceId: 'RENTA-PRES', officeId: '28099', slotId: 'RENTA-PRES.28099.20260331.1040' };
    client.on('POST', path, answer(201, fixture('aeat/cita-reservada-201.json')));
    const booked = await appointments().book(MARIA, choice);
    expect(booked).toMatchObject({
      ok: true,
      item: { id: 'aeat:AC-2026-2000001', status: 'booked', startsAt: '2026-03-31T08:40:00.000Z' },
    });
    expect(JSON.parse(client.sent.at(-1)?.body?.text ?? '')).toEqual({
      codServicio: 'RENTA-PRES',
      codOficina: '28099',
      idHueco: 'RENTA-PRES.28099.20260331.1040',
    });
    client.on('POST', path, answer(409, fixture('aeat/cita-ocupada-409.json')));
    expect(await appointments().book(MARIA, choice)).toEqual({
      ok: false,
      reason: 'conflict',
      message: CONFLICT_TAKEN,
      status: { source: 'aeat', name: 'Agencia Tributaria', status: 'ok' },
    });
    client.on('POST', path, timeout());
    expect(await appointments().book(MARIA, choice)).toMatchObject({ ok: false, reason: 'timeout' });
    // A slot id the agency could not have issued is never sent.
    const before = client.sent.length;
    expect(await appointments().book(MARIA, { ...choice, slotId: '<x>' })).toMatchObject({
      reason: 'conflict',
    });
    expect(client.sent).toHaveLength(before);
  });

  it('cancel and reschedule', async () => {
    const path = `${CITA}/contribuyentes/${MARIA}/citas/AC-2026-100001`;
    client.on('DELETE', path, answer(200, fixture('aeat/cita-anulada.json')));
    expect(await appointments().cancel(MARIA, 'AC-2026-100001')).toMatchObject({
      ok: true,
      item: { status: 'cancelled' },
    });
    client.on('PUT', path, answer(409, fixture('aeat/cita-anulada-409.json')));
    const choice = { serviceId: 'RENTA-PRES', officeId: '28600', slotId: 'RENTA-PRES.28600.20260401.0900' };
    expect(await appointments().reschedule(MARIA, 'AC-2026-100001', choice)).toMatchObject({
      ok: false,
      reason: 'conflict',
      message: CONFLICT_CANCELLED,
    });
    client.on(
      'DELETE',
      `${CITA}/contribuyentes/${MARIA}/citas/NOPE`,
      answer(404, fixture('aeat/expediente-404.json')),
    );
    expect(await appointments().cancel(MARIA, 'NOPE')).toMatchObject({ ok: false, reason: 'not-found' });
  });

  it('offers only the capabilities of the configured domains', () => {
    const onlyFiles = createAeatSource(
      entry({ id: 'aeat', connector: 'aeat', dir3: 'E00003901', name: 'AEAT', domains: ['files'] }),
      { client, now: () => NOW, logger: log.logger },
    );
    expect(onlyFiles.files).toBeDefined();
    expect(onlyFiles.appointments).toBeUndefined();
  });
});
