import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  CARMEN_NIF,
  HOSTILE_NIF,
  JAVIER_NIF,
  JOHN_NIF,
  LUCIA_NIF,
  MARIA_NIF,
  PANADERIA_CIF,
} from '../citizens.ts';
import { type AgencyServer, startAgencyServer } from '../server.ts';
import {
  MUNICIPAL_ENTIDADES,
  type MunicipalCertificado,
  type MunicipalCita,
  type MunicipalError,
  type MunicipalExpediente,
  type MunicipalRecibo,
  municipalHandlers,
} from './municipal.ts';
import { HOSTILE_CATALAN_500 } from './regional-common.ts';

// The simulated municipal platform over real HTTP: several councils, one system.
const NOW = new Date('2026-06-10T09:15:00Z');
let agency: AgencyServer;
const api = (path: string) => `${agency.url}/plataforma/v1/entidades${path}`;

beforeAll(async () => {
  agency = await startAgencyServer({ port: 0, handlers: municipalHandlers({ now: NOW }) });
});
afterEach(async () => {
  await fetch(`${agency.url}/__control/reset`, { method: 'POST' });
});
afterAll(async () => {
  await agency?.close();
});

async function datos<T>(path: string): Promise<T> {
  const response = await fetch(api(path));
  expect(response.status, path).toBe(200);
  return ((await response.json()) as { datos: T }).datos;
}
const free = async (entidad: string, servicio: string, oficina: string, query = '') =>
  (
    await datos<{ id: string; inicio: string }[]>(
      `/${entidad}/cita-previa/servicios/${servicio}/oficinas/${oficina}/disponibilidad${query}`,
    )
  ).map((slot) => slot.id);
function send(method: string, path: string, body?: object) {
  return fetch(api(path), {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
}

describe('municipal platform: councils', () => {
  it('a council is addressed by its INE or its DIR3 code, with the same data', async () => {
    const byIne = await datos<MunicipalExpediente[]>(`/28079/ciudadanos/${MARIA_NIF}/expedientes`);
    const byDir3 = await datos<MunicipalExpediente[]>(`/L01280796/ciudadanos/${MARIA_NIF}/expedientes`);
    expect(byIne.length).toBeGreaterThanOrEqual(15);
    expect(byDir3).toEqual(byIne);
    expect(byIne.some((item) => item.estado.codigo === 'REQ' && item.plazo !== null)).toBe(true);
    expect(byIne[0]?.fechaAlta).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
  });

  it('María has files at Madrid, Barcelona, València and Sevilla; the others some; a stranger is unknown', async () => {
    for (const entidad of MUNICIPAL_ENTIDADES) {
      expect(
        (await datos<unknown[]>(`/${entidad.ine}/ciudadanos/${MARIA_NIF}/expedientes`)).length,
        entidad.nombre,
      ).toBeGreaterThan(0);
    }
    for (const [ine, nif] of [
      ['28079', CARMEN_NIF],
      ['28079', JAVIER_NIF],
      ['28079', PANADERIA_CIF],
      ['08019', JOHN_NIF],
      ['46250', LUCIA_NIF],
    ]) {
      expect(
        (await datos<unknown[]>(`/${ine}/ciudadanos/${nif}/expedientes`)).length,
        `${ine} ${nif}`,
      ).toBeGreaterThan(0);
    }
    const stranger = await fetch(api(`/28079/ciudadanos/00000000T/expedientes`));
    expect(stranger.status).toBe(404);
    expect(await stranger.json()).toMatchObject({ error: { codigo: 'CIUDADANO_DESCONOCIDO' } });
    const council = await fetch(api(`/99999/ciudadanos/${MARIA_NIF}/expedientes`));
    expect(council.status).toBe(404);
    expect(await council.json()).toMatchObject({ error: { codigo: 'ENTIDAD_NO_ADHERIDA' } });
  });

  it('hostile strings for the test-only citizen at every council', async () => {
    const list = await datos<MunicipalExpediente[]>(`/46250/ciudadanos/${HOSTILE_NIF}/expedientes`);
    expect(list.map((item) => item.titulo)).toContain(HOSTILE_CATALAN_500);
    expect(list[0]?.historial.at(-1)?.texto).toBe(HOSTILE_CATALAN_500);
    const citas = await datos<MunicipalCita[]>(`/08019/ciudadanos/${HOSTILE_NIF}/citas`);
    expect(citas[0]?.oficina.nombre).toBe("<script>alert('carpeta')</script> Expediente & «comillas»");
    expect(citas[0]?.oficina.direccion).toBe(HOSTILE_CATALAN_500.slice(0, 400));
  });
});

describe('municipal platform: cita previa at the census office', () => {
  it("María's appointments at Madrid", async () => {
    const citas = await datos<MunicipalCita[]>(`/28079/ciudadanos/${MARIA_NIF}/citas`);
    expect(citas.map((cita) => cita.estado).sort()).toEqual(['ATENDIDA', 'NO_PRESENTADO', 'RESERVADA']);
  });

  it('each council has its own offices and slots; 20 working days; one office with exactly one slot left', async () => {
    const madrid = await datos<{ codigo: string }[]>(`/28079/cita-previa/servicios/PAD-ALTA/oficinas`);
    const barcelona = await datos<{ codigo: string }[]>(`/08019/cita-previa/servicios/PAD-ALTA/oficinas`);
    expect(madrid.map((office) => office.codigo)).toEqual(['OAC-CENTRO', 'OAC-CHAMBERI', 'OAC-LATINA']);
    expect(barcelona.map((office) => office.codigo)).toEqual(['OAC-CIUTAT-VELLA', 'OAC-EIXAMPLE']);
    const slots = await free('28079', 'PAD-ALTA', 'OAC-CHAMBERI');
    expect(slots).toHaveLength(20 * 4);
    expect(await free('28079', 'PAD-ALTA', 'OAC-LATINA')).toHaveLength(1);
    expect(
      await free('28079', 'PAD-ALTA', 'OAC-CHAMBERI', '?desde=2026-06-11&hasta=2026-06-11'),
    ).toHaveLength(4);
    // A slot of one council cannot be booked at another.
    const wrong = await send('POST', `/08019/ciudadanos/${MARIA_NIF}/citas`, {
      servicio: 'PAD-ALTA',
      oficina: 'OAC-CHAMBERI',
      franja: slots[0],
    });
    expect(wrong.status).toBe(400);
  });

  it('many citizens race for the last slot: exactly one wins, the others get FRANJA_OCUPADA', async () => {
    const [last] = await free('08019', 'REG-GEN', 'OAC-EIXAMPLE');
    const racers = [MARIA_NIF, CARMEN_NIF, JAVIER_NIF, JOHN_NIF, LUCIA_NIF, PANADERIA_CIF, HOSTILE_NIF];
    const responses = await Promise.all(
      racers.map((nif) =>
        send('POST', `/08019/ciudadanos/${nif}/citas`, {
          servicio: 'REG-GEN',
          oficina: 'OAC-EIXAMPLE',
          franja: last,
        }),
      ),
    );
    expect(responses.filter((response) => response.status === 201)).toHaveLength(1);
    const losers = responses.filter((response) => response.status === 409);
    expect(losers).toHaveLength(racers.length - 1);
    for (const loser of losers)
      expect(await loser.json()).toMatchObject({ error: { codigo: 'FRANJA_OCUPADA' } });
    expect(await free('08019', 'REG-GEN', 'OAC-EIXAMPLE')).toEqual([]);
    expect((await fetch(`${agency.url}/__control/appointments/reset`, { method: 'POST' })).status).toBe(200);
    expect(await free('08019', 'REG-GEN', 'OAC-EIXAMPLE')).toEqual([last]);
  });

  it('reschedule keeps the old slot until the new one is held; cancel is idempotent', async () => {
    const day = '?desde=2026-06-16&hasta=2026-06-16';
    const [a, b, c] = await free('46250', 'PAD-CERT', 'OAC-AYUNTAMIENTO', day);
    const booked = await send('POST', `/46250/ciudadanos/${LUCIA_NIF}/citas`, {
      servicio: 'PAD-CERT',
      oficina: 'OAC-AYUNTAMIENTO',
      franja: a,
    });
    expect(booked.status).toBe(201);
    const cita = ((await booked.json()) as { datos: MunicipalCita }).datos;
    expect(cita).toMatchObject({
      estado: 'RESERVADA',
      inicio: '2026-06-16T09:00:00',
      fin: '2026-06-16T09:15:00',
    });
    await send('POST', `/46250/ciudadanos/${CARMEN_NIF}/citas`, {
      servicio: 'PAD-CERT',
      oficina: 'OAC-AYUNTAMIENTO',
      franja: b,
    });
    expect(
      (
        await send('PUT', `/46250/ciudadanos/${LUCIA_NIF}/citas/${cita.id}`, {
          oficina: 'OAC-AYUNTAMIENTO',
          franja: b,
        })
      ).status,
    ).toBe(409);
    expect(await free('46250', 'PAD-CERT', 'OAC-AYUNTAMIENTO', day)).not.toContain(a);
    expect(
      (
        await send('PUT', `/46250/ciudadanos/${LUCIA_NIF}/citas/${cita.id}`, {
          oficina: 'OAC-AYUNTAMIENTO',
          franja: c,
        })
      ).status,
    ).toBe(200);
    expect(await free('46250', 'PAD-CERT', 'OAC-AYUNTAMIENTO', day)).toContain(a);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const cancelled = await send('DELETE', `/46250/ciudadanos/${LUCIA_NIF}/citas/${cita.id}`);
      expect(cancelled.status).toBe(200);
      expect(((await cancelled.json()) as { datos: MunicipalCita }).datos.estado).toBe('ANULADA');
    }
    expect(await free('46250', 'PAD-CERT', 'OAC-AYUNTAMIENTO', day)).toContain(c);
  });

  it('faults apply to every council', async () => {
    await fetch(`${agency.url}/__control/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'error' }),
    });
    expect((await fetch(api('/08019/cita-previa/servicios'))).status).toBe(500);
    expect((await fetch(api(`/28079/ciudadanos/${MARIA_NIF}/expedientes`))).status).toBe(500);
  });
});

describe('municipal taxes and the census on the platform', () => {
  it('answers each council its own receipts in the platform format', async () => {
    const recibos = await datos<MunicipalRecibo[]>(`/28079/ciudadanos/${MARIA_NIF}/recibos`);
    expect(recibos.map((recibo) => [recibo.concepto.codigo, recibo.estado.codigo])).toEqual([
      ['IBI', 'CO'],
      ['IBI', 'PV'],
      ['IVTM', 'PV'],
      ['TRU', 'PV'],
      ['IVTM', 'CO'],
    ]);
    const [first] = recibos;
    expect(first).toMatchObject({
      ejercicio: 2026,
      importe: '312,45',
      finPeriodoVoluntario: '2026-05-21',
      fechaCobro: '2026-05-16T08:30:00',
      domiciliacion: { iban: 'ES21 **** **** **** **** 0123', fechaCargo: '2026-05-16' },
    });
    expect(recibos[4]?.ejercicio).toBe(2025);
    expect(await datos<MunicipalRecibo[]>(`/08019/ciudadanos/${JOHN_NIF}/recibos`)).toHaveLength(1);
    // Barcelona does not collect María's taxes, and Madrid does not know John.
    expect(await datos<MunicipalRecibo[]>(`/08019/ciudadanos/${MARIA_NIF}/recibos`)).toEqual([]);
    expect((await fetch(api(`/28079/ciudadanos/${JOHN_NIF}/recibos`))).status).toBe(404);
  });

  it('tells whether a person is registered, issues certificates and serves them as PDF', async () => {
    expect(await datos(`/28079/ciudadanos/${MARIA_NIF}/padron`)).toEqual({
      domicilio: 'Calle de Alcalá, 120, 3.º B',
      codigoPostal: '28009',
      distrito: 'Salamanca',
      fechaAlta: '2012-09-11',
      personasInscritas: 3,
    });
    const notRegistered = await fetch(api(`/08019/ciudadanos/${MARIA_NIF}/padron`));
    expect(notRegistered.status).toBe(404);
    expect(((await notRegistered.json()) as MunicipalError).error.codigo).toBe('NO_EMPADRONADO');

    const before = await datos<MunicipalCertificado[]>(`/28079/ciudadanos/${MARIA_NIF}/padron/certificados`);
    expect(before).toHaveLength(1);
    expect((before[0]?.validoHasta ?? '') < '2026-06-10').toBe(true);
    const bad = await send('POST', `/28079/ciudadanos/${MARIA_NIF}/padron/certificados`, { tipo: 'X' });
    expect(bad.status).toBe(400);
    const issued = await send('POST', `/28079/ciudadanos/${MARIA_NIF}/padron/certificados`, {
      tipo: 'COLECTIVO',
      finalidad: 'ESCOLARIZACION',
    });
    expect(issued.status).toBe(201);
    const certificate = ((await issued.json()) as { datos: MunicipalCertificado }).datos;
    expect(certificate).toMatchObject({
      tipo: 'COLECTIVO',
      finalidad: 'ESCOLARIZACION',
      fechaEmision: '2026-06-10T11:15:00',
      validoHasta: '2026-09-08',
    });
    expect(certificate.csv).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const list = await datos<MunicipalCertificado[]>(`/28079/ciudadanos/${MARIA_NIF}/padron/certificados`);
    expect(list.map((item) => item.id)).toEqual([certificate.id, before[0]?.id]);

    const path = `/28079/ciudadanos/${MARIA_NIF}/padron/certificados/${certificate.id}/documento`;
    const pdf = await fetch(api(path));
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
    // The same bytes every time; another citizen's certificate is not there.
    expect(new Uint8Array(await (await fetch(api(path))).arrayBuffer())).toEqual(bytes);
    expect(
      (await fetch(api(`/28079/ciudadanos/${CARMEN_NIF}/padron/certificados/${certificate.id}/documento`)))
        .status,
    ).toBe(404);
    await fetch(`${agency.url}/__control/certificates/reset`, { method: 'POST' });
  });
});
