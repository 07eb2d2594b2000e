import { myDataRecordSchema } from '@carpeta/sdk';
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
import { createPidSource, parsePidDate, parsePidEnvelope } from './pid.ts';
import type { DataCapability } from './types.ts';

// Recorded from the simulated platform started at 2026-03-20T09:00:00Z (10:00 in Madrid).
const RECORDED_AT = '2026-03-20T09:00:00.000Z';
const MARIA = '12345678Z';
const HOSTILE = 'Y2345678Z';
const API = '/pid/scsp/v3/titulares';
const XML = 'application/xml; charset=utf-8';
const xml = (status: number, name: string) => answer(status, fixture(`pid/${name}`), XML);

let client: FakeClient;
let log: ReturnType<typeof recordingLogger>;
let data: DataCapability;

beforeEach(() => {
  client = fakeClient();
  log = recordingLogger();
  const source = createPidSource(
    entry({
      id: 'pid',
      connector: 'pid',
      dir3: 'E05068001',
      name: 'Plataforma de Intermediación de Datos',
      domains: ['data'],
    }),
    { client, now: () => new Date(RECORDED_AT), logger: log.logger },
  );
  if (!source.data) throw new Error('no data capability');
  data = source.data;
});

describe('parsePidDate', () => {
  it('reads dd/MM/yyyy HH:mm:ss as Madrid wall-clock time', () => {
    expect(parsePidDate('20/03/2026 10:00:00')?.toISOString()).toBe(RECORDED_AT);
    expect(parsePidDate('15/07/2026 09:30:00')?.toISOString()).toBe('2026-07-15T07:30:00.000Z');
    for (const bad of ['31/02/2026 10:00:00', '2026-03-20T10:00:00', '20/03/2026 25:00:00']) {
      expect(parsePidDate(bad), bad).toBeNull();
    }
  });
});

describe('parsePidEnvelope', () => {
  it('refuses DTDs, broken XML and other documents', () => {
    expect(parsePidEnvelope('<!DOCTYPE x [<!ENTITY a "b">]><Respuesta/>').kind).toBe('invalid');
    expect(parsePidEnvelope(fixture('pid/truncated.xml')).kind).toBe('invalid');
    expect(parsePidEnvelope('<Envelope><Body/></Envelope>').kind).toBe('invalid');
  });
});

describe('pid connector: list', () => {
  it("maps María's records to themes, with the issuing administration and the generation instant", async () => {
    client.on('GET', `${API}/${MARIA}/transmisiones`, xml(200, 'transmisiones-maria.xml'));
    const result = await data.list(MARIA);
    expect(result.status).toEqual({
      source: 'pid',
      name: 'Plataforma de Intermediación de Datos',
      status: 'ok',
    });
    expect(result.items).toHaveLength(15);
    for (const item of result.items) expect(myDataRecordSchema.safeParse(item).success).toBe(true);
    const themes = new Set(result.items.map((item) => item.theme));
    expect([...themes].sort()).toEqual(['education', 'family', 'identity', 'tax', 'vehicles', 'work']);
    const licence = result.items.find((item) => item.id === 'pid:DGT-PC-0001');
    expect(licence).toEqual({
      id: 'pid:DGT-PC-0001',
      source: 'pid',
      theme: 'vehicles',
      type: 'SVDDGTPCWS01',
      title: 'Permiso de conducción y puntos',
      issuer: { dir3: 'E00130502', name: 'Dirección General de Tráfico' },
      fields: [
        { label: 'Clases', value: 'B' },
        { label: 'Saldo de puntos', value: '15' },
        { label: 'Fecha de caducidad', value: '14/03/2030' },
      ],
      retrievedAt: RECORDED_AT,
      state: 'current',
    });
    expect(client.reports).toContainEqual({ state: 'ok' });
  });

  it('keeps hostile text as text, and skips a category it does not know (logged once)', async () => {
    client.on('GET', `${API}/${HOSTILE}/transmisiones`, xml(200, 'transmisiones-hostile.xml'));
    const first = await data.list(HOSTILE);
    await data.list(HOSTILE);
    expect(first.items.map((item) => item.id).sort()).toEqual([
      'pid:AEAT-IRPF-H001',
      'pid:DGP-DNI-H001',
      'pid:UNI-TIT-H001',
    ]);
    expect(first.status.status).toBe('ok');
    expect(first.status.message).toMatch(/could not be read/);
    const identity = first.items.find((item) => item.id === 'pid:DGP-DNI-H001');
    expect(identity?.title).toBe('<script>alert("aeat")</script> Requerimiento & «comillas»');
    const irpf = first.items.find((item) => item.id === 'pid:AEAT-IRPF-H001');
    expect(irpf?.fields).toEqual([{ label: 'Resultado', value: '"><svg onload=alert(1)>' }]);
    const degree = first.items.find((item) => item.id === 'pid:UNI-TIT-H001');
    expect(degree?.fields[0]?.value).toHaveLength(500);
    expect(log.warnings.filter((w) => /unknown Categoria/.test(w.message))).toHaveLength(1);
  });

  it('a person the platform has nothing about has nothing (not an error)', async () => {
    client.on('GET', `${API}/87654321X/transmisiones`, xml(200, 'transmisiones-vacio.xml'));
    expect(await data.list('87654321X')).toEqual({
      items: [],
      status: { source: 'pid', name: 'Plataforma de Intermediación de Datos', status: 'ok' },
    });
  });

  it('turns timeouts, outages, garbage and error pages into a status, never a throw', async () => {
    client.on('GET', `${API}/${MARIA}/transmisiones`, timeout());
    expect((await data.list(MARIA)).status.status).toBe('timeout');
    client.on('GET', `${API}/${MARIA}/transmisiones`, unreachable());
    expect((await data.list(MARIA)).status.status).toBe('unavailable');
    client.on('GET', `${API}/${MARIA}/transmisiones`, answer(200, '{"resultado":"OK","notificaciones":[{'));
    expect((await data.list(MARIA)).status.status).toBe('invalid-response');
    client.on('GET', `${API}/${MARIA}/transmisiones`, answer(200, fixture('pid/truncated.xml'), XML));
    expect((await data.list(MARIA)).status.status).toBe('invalid-response');
    client.on(
      'GET',
      `${API}/${MARIA}/transmisiones`,
      answer(500, '<html><body>Internal Server Error</body></html>', 'text/html'),
    );
    const html = await data.list(MARIA);
    expect(html).toMatchObject({ items: [], status: { status: 'invalid-response' } });
    expect(client.reports.filter((r) => r.state === 'invalid-response')).toHaveLength(3);
  });
});

describe('pid connector: get (refresh)', () => {
  it('asks the platform for the one record', async () => {
    client.on('GET', `${API}/${MARIA}/transmisiones/DGT-PC-0001`, xml(200, 'transmision-dgt-pc.xml'));
    const result = await data.get(MARIA, 'DGT-PC-0001');
    expect(result.ok && result.item.id).toBe('pid:DGT-PC-0001');
    expect(result.ok && result.item.retrievedAt).toBe(RECORDED_AT);
  });

  it('an unknown record is not-found; another record in the answer is invalid', async () => {
    client.on('GET', `${API}/${MARIA}/transmisiones/NOPE-1`, xml(404, 'error-no-existen-datos.xml'));
    expect(await data.get(MARIA, 'NOPE-1')).toMatchObject({ ok: false, reason: 'not-found' });
    client.on('GET', `${API}/${MARIA}/transmisiones/DNI-X`, xml(200, 'transmision-dgt-pc.xml'));
    expect(await data.get(MARIA, 'DNI-X')).toMatchObject({ ok: false, reason: 'invalid-response' });
  });

  it('a source down is a reason with its status', async () => {
    client.on('GET', `${API}/${MARIA}/transmisiones/DGT-PC-0001`, unreachable());
    expect(await data.get(MARIA, 'DGT-PC-0001')).toMatchObject({
      ok: false,
      reason: 'unavailable',
      status: { status: 'unavailable' },
    });
  });
});

describe('pid connector: consultations and oppositions', () => {
  const consultas = `${API}/${MARIA}/transmisiones/CAM-FN-0001/consultas`;

  it("reads a record's consultation log, newest first, Madrid times as instants", async () => {
    client.on('GET', consultas, xml(200, 'consultas-maria-fn.xml'));
    const result = data.consultations ? await data.consultations(MARIA, 'CAM-FN-0001') : null;
    if (!result?.ok) throw new Error('no log');
    expect(result.item).toHaveLength(6);
    expect(result.item[0]).toEqual({
      id: 'C00003',
      at: '2026-03-11T09:00:00.000Z',
      administration: { dir3: 'L01280796', name: 'Ayuntamiento de Madrid' },
      procedure: 'Bonificación del IBI a familias numerosas',
      legalBasis: 'Ley 40/2003, art. 12',
      result: 'served',
    });
    const refused = fixture('pid/consultas-maria-fn.xml').replace('SERVIDA', 'DENEGADA_OPOSICION');
    client.on('GET', consultas, answer(200, refused, XML));
    const again = data.consultations ? await data.consultations(MARIA, 'CAM-FN-0001') : null;
    expect(again?.ok && again.item.filter((item) => item.result === 'refused')).toHaveLength(1);
    client.on('GET', consultas, answer(200, '{"x":1}'));
    expect(await data.consultations?.(MARIA, 'CAM-FN-0001')).toMatchObject({
      ok: false,
      reason: 'invalid-response',
    });
  });

  it('sends an opposition (PUT) and its withdrawal (DELETE) for one administration or all', async () => {
    client.on('PUT', `${API}/${MARIA}/oposiciones/SVDFNWS01/TODAS`, xml(200, 'oposicion-ok.xml'));
    client.on('DELETE', `${API}/${MARIA}/oposiciones/SVDFNWS01/L01280796`, xml(200, 'oposicion-ok.xml'));
    expect(await data.oppose?.(MARIA, 'SVDFNWS01', null, true)).toMatchObject({ ok: true });
    expect(await data.oppose?.(MARIA, 'SVDFNWS01', 'L01280796', false)).toMatchObject({ ok: true });
    expect(client.sent.map((sent) => `${sent.method} ${sent.path}`)).toEqual([
      `PUT ${API}/${MARIA}/oposiciones/SVDFNWS01/TODAS`,
      `DELETE ${API}/${MARIA}/oposiciones/SVDFNWS01/L01280796`,
    ]);
    client.on('PUT', `${API}/${MARIA}/oposiciones/SVDFNWS01/TODAS`, unreachable());
    expect(await data.oppose?.(MARIA, 'SVDFNWS01', null, true)).toMatchObject({
      ok: false,
      reason: 'unavailable',
    });
  });
});
