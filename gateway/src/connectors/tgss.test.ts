import { citizenFileSchema } from '@carpeta/sdk';
import { XMLParser } from 'fast-xml-parser';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  answer,
  entry,
  type FakeClient,
  fakeClient,
  fixture,
  recordingLogger,
  timeout,
} from './__fixtures__/fake-agency-client.ts';
import {
  createTgssSource,
  parseSoapEnvelope,
  parseTgssDate,
  TGSS_CONFLICT_CANCELLED,
  TGSS_CONFLICT_TAKEN,
  tgssRequestEnvelope,
} from './tgss.ts';
import type { SourceConnector } from './types.ts';

// Recorded from the simulated TGSS started at this instant; edge cases written by hand.
const NOW = new Date('2026-03-27T08:00:00Z');
const MARIA = '12345678Z';
const WS = '/tgss/ws/v1';
const XML = 'text/xml; charset=utf-8';

let client: FakeClient;
let log: ReturnType<typeof recordingLogger>;
let tgss: SourceConnector;

beforeEach(() => {
  client = fakeClient();
  log = recordingLogger();
  tgss = createTgssSource(
    entry({ id: 'tgss', connector: 'tgss', dir3: 'E04921301', name: 'Seguridad Social' }),
    { client, now: () => NOW, logger: log.logger },
  );
});

const files = () => {
  if (!tgss.files) throw new Error('no files');
  return tgss.files;
};
const appointments = () => {
  if (!tgss.appointments) throw new Error('no appointments');
  return tgss.appointments;
};
const xml = (status: number, name: string) => answer(status, fixture(`tgss/${name}`), XML);
const filesPath = `${WS}/CarpetaCiudadano/expedientes?ipf=${MARIA}`;

describe('parseTgssDate', () => {
  it("reads dd-MM-yyyy'T'HH:mm as Madrid wall-clock time", () => {
    expect(parseTgssDate('15-01-2026T09:30')?.toISOString()).toBe('2026-01-15T08:30:00.000Z');
    expect(parseTgssDate('15-07-2026T09:30')?.toISOString()).toBe('2026-07-15T07:30:00.000Z');
    expect(parseTgssDate('29-03-2026T02:30')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    for (const bad of ['30-02-2026T10:00', '01-01-2026T24:00', '2026-01-01T10:00', '1-1-2026T10:00']) {
      expect(parseTgssDate(bad), bad).toBeNull();
    }
  });
});

describe('SOAP envelopes', () => {
  it('tells a body from a fault from something that is not an envelope', () => {
    expect(parseSoapEnvelope(fixture('tgss/expedientes-vacio.xml'))).toMatchObject({
      kind: 'body',
      operation: 'ConsultaExpedientesResponse',
    });
    expect(parseSoapEnvelope(fixture('tgss/fault-hueco-no-disponible.xml'))).toEqual({
      kind: 'fault',
      faultcode: 'soap:Client',
      faultstring: 'El hueco solicitado ya no está disponible.',
      code: 'HUECO_NO_DISPONIBLE',
    });
    expect(parseSoapEnvelope(fixture('tgss/fault-server.xml'))).toMatchObject({ kind: 'fault', code: null });
    expect(parseSoapEnvelope(fixture('tgss/truncated.xml')).kind).toBe('invalid');
    expect(parseSoapEnvelope(fixture('tgss/doctype-entities.xml'))).toEqual({
      kind: 'invalid',
      problem: 'a DTD in the answer',
    });
    expect(parseSoapEnvelope('{"resultado":"OK","notificaciones":[{').kind).toBe('invalid');
    expect(parseSoapEnvelope('<html><body>500</body></html>').kind).toBe('invalid');
  });

  it('builds write requests with the library, escaping what the citizen could send', () => {
    const envelope = tgssRequestEnvelope('AnularCitaRequest', { ipf: MARIA, idCita: '<x>&"' });
    expect(envelope).toContain('<tns:idCita>&lt;x&gt;&amp;&quot;</tns:idCita>');
    const parsed = new XMLParser({ removeNSPrefix: true }).parse(envelope);
    expect(parsed.Envelope.Body.AnularCitaRequest).toEqual({ ipf: MARIA, idCita: '<x>&"' });
  });
});

describe('TGSS files from recorded payloads', () => {
  it('normalises María’s files', async () => {
    client.on('GET', filesPath, xml(200, 'expedientes-maria.xml'));
    const { items, status } = await files().list(MARIA);
    expect(status).toEqual({ source: 'tgss', name: 'Seguridad Social', status: 'ok' });
    expect(items).toHaveLength(11);
    for (const item of items) expect(citizenFileSchema.safeParse(item).success).toBe(true);
    const birth = items.find((item) => item.id === 'tgss:INSS-28-2026-0041377');
    expect(birth).toMatchObject({
      reference: '28/2026/0041377',
      title: 'Prestación por nacimiento y cuidado de menor',
      procedure: 'Nacimiento y cuidado de menor',
      handler: 'Dirección Provincial del INSS de Madrid',
      status: 'requirement',
      open: true,
      // Recorded 09:00 Madrid (CET) on 27 March + 10 days = 10:00 Madrid (CEST) on 6 April.
      deadline: '2026-04-06T08:00:00.000Z',
    });
    expect(birth?.timeline.map((event) => event.status)).toEqual(['started', 'in-progress', 'requirement']);
    expect(birth?.documents.map((doc) => doc.origin)).toEqual(['citizen', 'citizen', 'administration']);
    expect(items.filter((item) => item.status === 'resolved').length).toBeGreaterThanOrEqual(5);
    expect(log.warnings).toEqual([]);
  });

  it('edge cases: optional elements missing, unknown status, malformed, 500-character Basque and Catalan, DST gap, CDATA', async () => {
    client.on('GET', filesPath, xml(200, 'expedientes-edge.xml'));
    const { items, status } = await files().list(MARIA);
    const byId = new Map(items.map((item) => [item.id.slice('tgss:'.length), item]));
    expect([...byId.keys()].sort()).toEqual([
      'INSS-28-2026-0000001',
      'INSS-28-2026-0000002',
      'INSS-28-2026-0000006',
      'INSS-28-2026-0000007',
    ]);
    expect(status).toMatchObject({
      status: 'ok',
      message: '4 of the files could not be read and are not shown.',
    });
    expect(log.warnings).toEqual([
      {
        details: { source: 'tgss', what: 'files', skipped: 4 },
        message: 'agency tgss: unreadable files skipped',
      },
    ]);
    expect(byId.get('INSS-28-2026-0000002')).toMatchObject({
      procedure: null,
      deadline: null,
      timeline: [],
      documents: [],
      serviceUrl: null,
      updatedAt: '2026-03-01T08:00:00.000Z',
    });
    const basque = byId.get('INSS-28-2026-0000006');
    expect(basque?.title).toHaveLength(500);
    expect(basque?.deadline).toBe('2026-03-29T01:30:00.000Z');
    const catalan = byId.get('INSS-28-2026-0000007');
    expect(catalan?.title).toHaveLength(500);
    expect(catalan?.title).toContain("l'Agència Tributària");
    expect(catalan?.status).toBe('resolved');
    expect(catalan?.open).toBe(false);
    expect(catalan?.serviceUrl).toBeNull();
    expect(catalan?.timeline[0]?.description).toBe('Resolució <b>denegatòria</b> & recurs');
  });

  it('hostile text comes back exactly as the entity wrote it', async () => {
    client.on('GET', `${WS}/CarpetaCiudadano/expedientes?ipf=Y2345678Z`, xml(200, 'expedientes-hostile.xml'));
    const { items } = await files().list('Y2345678Z');
    expect(items.map((item) => item.title)).toContain(
      '<script>alert("aeat")</script> Requerimiento & «comillas»',
    );
    expect(items.some((item) => item.handler.includes('\u200F'))).toBe(true);
  });

  it('an empty list, one file, and a fault for a file that does not exist', async () => {
    client
      .on('GET', filesPath, xml(200, 'expedientes-vacio.xml'))
      .on(
        'GET',
        `${WS}/CarpetaCiudadano/expedientes/INSS-28-2026-0041377?ipf=${MARIA}`,
        xml(200, 'expediente-detalle.xml'),
      )
      .on(
        'GET',
        `${WS}/CarpetaCiudadano/expedientes/NOPE?ipf=${MARIA}`,
        xml(400, 'fault-expediente-no-existe.xml'),
      );
    expect(await files().list(MARIA)).toEqual({
      items: [],
      status: { source: 'tgss', name: 'Seguridad Social', status: 'ok' },
    });
    expect(await files().get(MARIA, 'INSS-28-2026-0041377')).toMatchObject({
      ok: true,
      item: { status: 'requirement' },
    });
    expect(await files().get(MARIA, 'NOPE')).toMatchObject({
      ok: false,
      reason: 'not-found',
      status: { status: 'ok' },
    });
  });

  it('truncated XML, a DTD, a server fault, an HTML error page, a timeout, the wrong response: a status each', async () => {
    const cases: [ReturnType<typeof answer>, string, string?][] = [
      [xml(200, 'truncated.xml'), 'invalid-response'],
      [xml(200, 'doctype-entities.xml'), 'invalid-response'],
      [xml(200, 'wrong-operation.xml'), 'invalid-response'],
      [answer(200, '{"resultado":"OK","notificaciones":[{'), 'invalid-response'],
      [xml(500, 'fault-server.xml'), 'unavailable', 'The service refused the request.'],
      [
        answer(500, '<!DOCTYPE html><html><body>Internal Server Error</body></html>', 'text/html'),
        'unavailable',
        'The service answered with an error (HTTP 500).',
      ],
      [timeout(), 'timeout'],
    ];
    for (const [result, expected, message] of cases) {
      client.on('GET', filesPath, result);
      const { items, status } = await files().list(MARIA);
      expect(items).toEqual([]);
      expect(status.status).toBe(expected);
      if (message) expect(status.message).toBe(message);
      // Never the entity's internals (a Java stack trace) in what the citizen may see.
      expect(status.message ?? '').not.toMatch(/java|Exception/);
    }
  });
});

describe('TGSS appointments from recorded payloads', () => {
  it('services, CAISS offices, slots and the citizen’s appointments', async () => {
    client
      .on('GET', `${WS}/CitaPrevia/servicios`, xml(200, 'servicios.xml'))
      .on('GET', `${WS}/CitaPrevia/oficinas?servicio=JUBILACION`, xml(200, 'oficinas.xml'))
      .on(
        'GET',
        `${WS}/CitaPrevia/huecos?servicio=JUBILACION&oficina=CAISS-2801&desde=27-03-2026&hasta=31-03-2026`,
        xml(200, 'huecos.xml'),
      )
      .on('GET', `${WS}/CitaPrevia/citas?ipf=${MARIA}`, xml(200, 'citas-maria.xml'));
    expect((await appointments().services()).items).toContainEqual({
      id: 'JUBILACION',
      name: 'Información y solicitud de pensión de jubilación',
      durationMinutes: 30,
    });
    const offices = (await appointments().offices('JUBILACION')).items;
    expect(offices.map((office) => office.name)).toContain('CAISS Madrid-Chamberí');
    const slots = await appointments().slots('JUBILACION', 'CAISS-2801', '2026-03-27', '2026-03-31');
    expect(slots.items.length).toBeGreaterThan(3);
    // Monday 30 March is summer time: 08:30 Madrid = 06:30Z.
    expect(slots.items[0]).toEqual({
      id: 'JUBILACION.CAISS-2801.20260330.0830',
      startsAt: '2026-03-30T06:30:00.000Z',
      endsAt: '2026-03-30T07:00:00.000Z',
    });
    const mine = await appointments().list(MARIA);
    expect(mine.items.map((item) => item.status).sort()).toEqual([
      'attended',
      'booked',
      'cancelled',
      'missed',
    ]);
  });

  it('book sends a SOAP request; HUECO_NO_DISPONIBLE is a conflict; CITA_ANULADA too; cancel', async () => {
    const path = `${WS}/CitaPrevia`;
    const choice = {
      serviceId: 'JUBILACION',
      officeId: 'CAISS-2899',
      slotId: 'JUBILACION.CAISS-2899.20260402.1230',
    };
    client.on('POST', path, xml(200, 'cita-reservada.xml'));
    expect(await appointments().book(MARIA, choice)).toMatchObject({
      ok: true,
      item: {
        id: 'tgss:CITA-SS-1000001',
        status: 'booked',
        startsAt: '2026-04-02T10:30:00.000Z',
        reference: 'CPW000001',
      },
    });
    const sent = client.sent.at(-1);
    expect(sent?.body?.contentType).toBe('text/xml; charset=utf-8');
    const request = new XMLParser({ removeNSPrefix: true }).parse(sent?.body?.text ?? '');
    expect(request.Envelope.Body.ReservarCitaRequest).toEqual({
      ipf: MARIA,
      servicio: 'JUBILACION',
      oficina: 'CAISS-2899',
      hueco: 'JUBILACION.CAISS-2899.20260402.1230',
    });

    client.on('POST', path, xml(400, 'fault-hueco-no-disponible.xml'));
    expect(await appointments().book(MARIA, choice)).toEqual({
      ok: false,
      reason: 'conflict',
      message: TGSS_CONFLICT_TAKEN,
      status: { source: 'tgss', name: 'Seguridad Social', status: 'ok' },
    });
    // SOAP 1.1 entities send every fault as HTTP 500: the envelope decides, not the status.
    client.on('POST', path, xml(500, 'fault-cita-anulada.xml'));
    expect(await appointments().reschedule(MARIA, 'CITA-SS-0000101', choice)).toMatchObject({
      ok: false,
      reason: 'conflict',
      message: TGSS_CONFLICT_CANCELLED,
    });
    client.on('POST', path, xml(200, 'cita-anulada.xml'));
    expect(await appointments().cancel(MARIA, 'CITA-SS-0000101')).toMatchObject({
      ok: true,
      item: { status: 'cancelled' },
    });
    client.on('POST', path, xml(200, 'truncated.xml'));
    expect(await appointments().cancel(MARIA, 'CITA-SS-0000101')).toMatchObject({
      ok: false,
      reason: 'invalid-response',
    });
  });
});
