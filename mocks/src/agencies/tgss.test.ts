import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CARMEN_NIF, HOSTILE_NIF, JOHN_NIF, MARIA_NIF } from '../citizens.ts';
import { type AgencyServer, startAgencyServer } from '../server.ts';
import { STATE_HOSTILE_SCRIPT } from './aeat-data.ts';
import { formatTgssDateTime, TGSS_LAST_SLOT_OFFICE, tgssHandlers, tgssRequest } from './tgss.ts';

const NOW = new Date('2026-06-10T10:00:00Z');
let agency: AgencyServer;
const ws = () => `${agency.url}/tgss/ws/v1`;
const parser = new XMLParser({
  removeNSPrefix: true,
  parseTagValue: false,
  isArray: (name) =>
    ['expediente', 'hito', 'documento', 'hueco', 'cita', 'oficina', 'servicio'].includes(name),
});

beforeAll(async () => {
  agency = await startAgencyServer({ port: 0, handlers: tgssHandlers({ now: NOW }) });
});
afterEach(async () => {
  await fetch(`${agency.url}/__control/reset`, { method: 'POST' });
});
afterAll(async () => agency?.close());

// biome-ignore lint/suspicious/noExplicitAny: parsed XML, checked by the assertions
type Parsed = any;

async function soap(url: string, init?: RequestInit): Promise<{ status: number; raw: string; body: Parsed }> {
  const response = await fetch(url, init);
  const raw = await response.text();
  expect(response.headers.get('content-type')).toMatch(/^text\/xml/);
  expect(XMLValidator.validate(raw)).toBe(true);
  return { status: response.status, raw, body: parser.parse(raw).Envelope.Body };
}

const post = (operation: string, fields: Record<string, string>): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'text/xml; charset=utf-8' },
  body: tgssRequest(operation, fields),
});

async function freeSlots(servicio: string, oficina: string): Promise<{ idHueco: string; inicio: string }[]> {
  const { body } = await soap(
    `${ws()}/CitaPrevia/huecos?servicio=${servicio}&oficina=${oficina}&desde=01-01-2026&hasta=31-12-2026`,
  );
  const huecos = body.ConsultaHuecosResponse.huecos;
  return huecos === '' ? [] : huecos.hueco;
}

describe('TGSS files in a SOAP envelope', () => {
  it('answers the files of a citizen, dates as dd-MM-yyyyTHH:mm Madrid', async () => {
    const { status, body } = await soap(`${ws()}/CarpetaCiudadano/expedientes?ipf=${MARIA_NIF}`);
    expect(status).toBe(200);
    const answer = body.ConsultaExpedientesResponse;
    expect(answer.resultado.codigo).toBe('0');
    const files = answer.expedientes.expediente;
    expect(files.length).toBeGreaterThanOrEqual(10);
    expect(answer.totalExpedientes).toBe(String(files.length));
    for (const file of files) expect(file.fechaAlta).toMatch(/^\d{2}-\d{2}-\d{4}T\d{2}:\d{2}$/);
    const requirement = files.find((file: Parsed) => file.estado === 'PENDIENTE_SUBSANACION');
    expect(requirement.plazoSubsanacion).toBeDefined();
    expect(formatTgssDateTime(NOW)).toBe('10-06-2026T12:00');
  });

  it('hostile text is escaped by the builder and reads back unchanged', async () => {
    const { raw, body } = await soap(`${ws()}/CarpetaCiudadano/expedientes?ipf=${HOSTILE_NIF}`);
    expect(raw).not.toContain('<script>');
    expect(raw).toContain('&lt;script&gt;');
    expect(body.ConsultaExpedientesResponse.expedientes.expediente[0].prestacion).toBe(STATE_HOSTILE_SCRIPT);
  });

  it('an unknown citizen has an empty list; a bad IPF or unknown file is a SOAP fault', async () => {
    const empty = await soap(`${ws()}/CarpetaCiudadano/expedientes?ipf=00000001R`);
    expect(empty.body.ConsultaExpedientesResponse.expedientes).toBe('');
    const bad = await soap(`${ws()}/CarpetaCiudadano/expedientes?ipf=%3Cx%3E`);
    expect(bad.status).toBe(400);
    expect(bad.body.Fault).toMatchObject({
      faultcode: 'soap:Client',
      detail: { error: { codigo: 'PETICION_INCORRECTA' } },
    });
    const missing = await soap(`${ws()}/CarpetaCiudadano/expedientes/INSS-28-2026-0041377?ipf=${CARMEN_NIF}`);
    expect(missing.body.Fault.detail.error.codigo).toBe('EXPEDIENTE_NO_EXISTE');
    const found = await soap(`${ws()}/CarpetaCiudadano/expedientes/INSS-28-2026-0041377?ipf=${MARIA_NIF}`);
    expect(found.body.ConsultaExpedienteResponse.expediente[0].numeroExpediente).toBe('28/2026/0041377');
  });
});

describe('TGSS appointments (CAISS)', () => {
  it('books, refuses a taken slot with HUECO_NO_DISPONIBLE, reschedules and cancels idempotently', async () => {
    const [first, second] = await freeSlots('AFILIACION', 'CAISS-2815');
    if (!first || !second) throw new Error('no slots');
    const booked = await soap(
      `${ws()}/CitaPrevia`,
      post('ReservarCitaRequest', {
        ipf: JOHN_NIF,
        servicio: 'AFILIACION',
        oficina: 'CAISS-2815',
        hueco: first.idHueco,
      }),
    );
    expect(booked.status).toBe(200);
    const cita = booked.body.ReservarCitaResponse.cita[0];
    expect(cita).toMatchObject({ estado: 'CONFIRMADA', inicio: first.inicio });
    const again = await soap(
      `${ws()}/CitaPrevia`,
      post('ReservarCitaRequest', {
        ipf: MARIA_NIF,
        servicio: 'AFILIACION',
        oficina: 'CAISS-2815',
        hueco: first.idHueco,
      }),
    );
    expect(again.status).toBe(400);
    expect(again.body.Fault.detail.error.codigo).toBe('HUECO_NO_DISPONIBLE');
    const moved = await soap(
      `${ws()}/CitaPrevia`,
      post('ModificarCitaRequest', {
        ipf: JOHN_NIF,
        idCita: cita.idCita,
        servicio: 'AFILIACION',
        oficina: 'CAISS-2815',
        hueco: second.idHueco,
      }),
    );
    expect(moved.body.ModificarCitaResponse.cita[0].inicio).toBe(second.inicio);
    expect((await freeSlots('AFILIACION', 'CAISS-2815')).map((s) => s.idHueco)).toContain(first.idHueco);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const cancelled = await soap(
        `${ws()}/CitaPrevia`,
        post('AnularCitaRequest', { ipf: JOHN_NIF, idCita: cita.idCita }),
      );
      expect(cancelled.body.AnularCitaResponse.cita[0].estado).toBe('ANULADA');
    }
  });

  it('a request that is not XML is a fault, not a crash', async () => {
    const { status, body } = await soap(`${ws()}/CitaPrevia`, {
      method: 'POST',
      body: '<soap:Envelope><soap:Body>',
    });
    expect(status).toBe(400);
    expect(body.Fault.detail.error.codigo).toBe('PETICION_INCORRECTA');
  });

  it('racing for the last slot: exactly one wins', async () => {
    const slots = await freeSlots('JUBILACION', TGSS_LAST_SLOT_OFFICE);
    expect(slots).toHaveLength(1);
    const hueco = slots[0]?.idHueco ?? '';
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        soap(
          `${ws()}/CitaPrevia`,
          post('ReservarCitaRequest', {
            ipf: `${20000000 + index}B`,
            servicio: 'JUBILACION',
            oficina: TGSS_LAST_SLOT_OFFICE,
            hueco,
          }),
        ),
      ),
    );
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    for (const loser of answers.filter((answer) => answer.status !== 200)) {
      expect(loser.body.Fault.detail.error.codigo).toBe('HUECO_NO_DISPONIBLE');
    }
    await fetch(`${agency.url}/__control/appointments/reset`, { method: 'POST' });
    expect(await freeSlots('JUBILACION', TGSS_LAST_SLOT_OFFICE)).toHaveLength(1);
  });
});
