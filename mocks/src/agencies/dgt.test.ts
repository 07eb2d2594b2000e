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
  type DgtCita,
  type DgtExpediente,
  type DgtHueco,
  DGT_LAST_SLOT_OFFICE,
  type DgtVehiculo,
  dgtHandlers,
} from './dgt.ts';
import { HOSTILE_BASQUE_500, HOSTILE_CATALAN_500, HOSTILE_SCRIPT } from './regional-common.ts';

// The simulated DGT over real HTTP (concurrent bookings are real concurrent requests).
const NOW = new Date('2026-06-10T09:15:00Z'); // a Wednesday
let agency: AgencyServer;
const api = (path: string) => `${agency.url}/dgt/sede/api${path}`;

beforeAll(async () => {
  agency = await startAgencyServer({ port: 0, handlers: dgtHandlers({ now: NOW }) });
});
afterEach(async () => {
  await fetch(`${agency.url}/__control/reset`, { method: 'POST' });
});
afterAll(async () => {
  await agency?.close();
});

async function get<T>(path: string): Promise<T> {
  const response = await fetch(api(path));
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}
const expedientes = async (nif: string) =>
  (await get<{ EXPEDIENTES: DgtExpediente[]; TOTAL: number }>(`/ciudadanos/${nif}/expedientes`)).EXPEDIENTES;
const huecos = async (tramite: string, jefatura: string, query = '') =>
  (await get<{ HUECOS: DgtHueco[] }>(`/cita-previa/tramites/${tramite}/jefaturas/${jefatura}/huecos${query}`))
    .HUECOS;

function send(method: string, path: string, body?: object) {
  return fetch(api(path), {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
}

describe('DGT: files, in its own format', () => {
  it('dozens for María, some for the others, nothing for a stranger', async () => {
    expect((await expedientes(MARIA_NIF)).length).toBeGreaterThanOrEqual(20);
    for (const nif of [CARMEN_NIF, JAVIER_NIF, PANADERIA_CIF, JOHN_NIF, LUCIA_NIF]) {
      expect((await expedientes(nif)).length, nif).toBeGreaterThan(0);
    }
    expect(await get(`/ciudadanos/00000000T/expedientes`)).toEqual({
      RESULTADO: 'OK',
      TOTAL: 0,
      EXPEDIENTES: [],
    });
  });

  it('dates are Madrid "yyyy-MM-dd HH:mm"; a fine with a requirement and a deadline; a transfer; a licence renewal', async () => {
    const list = await expedientes(MARIA_NIF);
    for (const item of list) {
      expect(item.FECHA_INICIO).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      for (const hito of item.HISTORICO) expect(hito.FECHA).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    }
    const fine = list.find(
      (item) => item.TIPO_TRAMITE === 'SANCION' && item.ESTADO === 'PENDIENTE SUBSANACION',
    );
    expect(fine?.FECHA_LIMITE).toBe('2026-06-18 23:59'); // 8 days after 10/06
    expect(list.some((item) => item.TIPO_TRAMITE === 'TRANSFERENCIA' && item.ESTADO === 'EN TRAMITE')).toBe(
      true,
    );
    expect(list.some((item) => item.TIPO_TRAMITE === 'RENOVACION_PERMISO')).toBe(true);
    // 11:15 in Madrid (CEST) minus 3 hours, 2 days ago.
    expect(fine?.FECHA_ULTIMA_MODIFICACION).toBe('2026-06-08 08:15');
  });

  it('one file by number; an unknown one is NO_ENCONTRADO', async () => {
    expect(
      (await get<{ EXPEDIENTE: DgtExpediente }>(`/ciudadanos/${MARIA_NIF}/expedientes/28-123-456.7`))
        .EXPEDIENTE.REFERENCIA,
    ).toBe('BOL-2026-0004512');
    const missing = await fetch(api(`/ciudadanos/${MARIA_NIF}/expedientes/NOPE`));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ RESULTADO: 'ERROR', COD_ERROR: 'NO_ENCONTRADO' });
  });

  it('the hostile citizen gets hostile strings everywhere', async () => {
    const list = await expedientes(HOSTILE_NIF);
    const asuntos = list.map((item) => item.ASUNTO);
    expect(asuntos).toContain(HOSTILE_SCRIPT);
    expect(asuntos).toContain(HOSTILE_BASQUE_500);
    expect(asuntos).toContain(HOSTILE_CATALAN_500);
    expect(HOSTILE_BASQUE_500).toHaveLength(500);
    expect(HOSTILE_CATALAN_500).toHaveLength(500);
  });
});

describe('DGT: driving licence and ITV', () => {
  it("María's licence, and three vehicles: ITV about to expire, expired, far", async () => {
    const { PERMISO, VEHICULOS } = await get<{
      PERMISO: { FECHA_CADUCIDAD: string };
      VEHICULOS: DgtVehiculo[];
    }>(`/ciudadanos/${MARIA_NIF}/vigencias`);
    expect(PERMISO.FECHA_CADUCIDAD).toBe('2026-07-25');
    expect(VEHICULOS.map((vehicle) => vehicle.FECHA_PROXIMA_ITV)).toEqual([
      '2026-06-22',
      '2026-05-21',
      '2027-07-15',
    ]);
  });
  it('a stranger has neither', async () => {
    expect(await get(`/ciudadanos/00000000T/vigencias`)).toEqual({
      RESULTADO: 'OK',
      PERMISO: null,
      VEHICULOS: [],
    });
  });
});

describe('DGT: cita previa', () => {
  it("María's appointments: upcoming, attended, missed, cancelled", async () => {
    const { CITAS } = await get<{ CITAS: DgtCita[] }>(`/ciudadanos/${MARIA_NIF}/citas`);
    expect(CITAS.map((cita) => cita.ESTADO).sort()).toEqual([
      'ANULADA',
      'ATENDIDA',
      'CONFIRMADA',
      'NO PRESENTADO',
    ]);
  });

  it('slots on the next 20 working days, never at weekends; one office has exactly one left', async () => {
    const slots = await huecos('REN-PERMISO', '28-MADRID');
    const days = new Set(slots.map((slot) => slot.FECHA_HORA_INICIO.slice(0, 10)));
    expect(days.size).toBe(20);
    for (const day of days) expect([0, 6]).not.toContain(new Date(`${day}T12:00:00Z`).getUTCDay());
    expect([...days].sort()[0]).toBe('2026-06-11');
    // María's upcoming appointment holds one of them.
    expect(slots).toHaveLength(20 * 5 - 1);
    expect(await huecos('REN-PERMISO', DGT_LAST_SLOT_OFFICE)).toHaveLength(1);
    expect(await huecos('REN-PERMISO', '28-MADRID', '?desde=2026-06-11&hasta=2026-06-11')).toHaveLength(5);
    const wrong = await fetch(api('/cita-previa/tramites/CANJE-PERMISO/jefaturas/28-ALCALA/huecos'));
    expect(wrong.status).toBe(404);
  });

  it('two citizens race for the last slot: exactly one wins, the others get HUECO_OCUPADO', async () => {
    const [last] = await huecos('DUP-PERMISO', DGT_LAST_SLOT_OFFICE);
    expect(last).toBeDefined();
    const racers = [MARIA_NIF, CARMEN_NIF, JAVIER_NIF, JOHN_NIF, LUCIA_NIF, PANADERIA_CIF];
    const responses = await Promise.all(
      racers.map((nif) =>
        send('POST', `/ciudadanos/${nif}/citas`, {
          COD_TRAMITE: 'DUP-PERMISO',
          COD_JEFATURA: DGT_LAST_SLOT_OFFICE,
          ID_HUECO: last?.ID_HUECO,
        }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(racers.length - 1);
    const losers = await Promise.all(
      responses.filter((response) => response.status === 409).map((r) => r.json()),
    );
    for (const body of losers) expect(body).toMatchObject({ RESULTADO: 'ERROR', COD_ERROR: 'HUECO_OCUPADO' });
    expect(await huecos('DUP-PERMISO', DGT_LAST_SLOT_OFFICE)).toEqual([]);
    // Exactly one citizen holds it.
    const holders = await Promise.all(
      racers.map(async (nif) => (await get<{ CITAS: DgtCita[] }>(`/ciudadanos/${nif}/citas`)).CITAS),
    );
    expect(holders.flat().filter((cita) => cita.ID_HUECO === last?.ID_HUECO)).toHaveLength(1);
    // The demo and the e2e race can run again: the appointment book goes back to its seed.
    expect((await fetch(`${agency.url}/__control/appointments/reset`, { method: 'POST' })).status).toBe(200);
    expect(await huecos('DUP-PERMISO', DGT_LAST_SLOT_OFFICE)).toEqual([last]);
    expect((await get<{ CITAS: DgtCita[] }>(`/ciudadanos/${MARIA_NIF}/citas`)).CITAS).toHaveLength(4);
  });

  it('book, reschedule (the old slot is freed only once the new one is held), cancel twice', async () => {
    const [first, second] = await huecos('REN-PERMISO', '46-VALENCIA', '?desde=2026-06-15&hasta=2026-06-15');
    const booked = await send('POST', `/ciudadanos/${LUCIA_NIF}/citas`, {
      COD_TRAMITE: 'REN-PERMISO',
      COD_JEFATURA: '46-VALENCIA',
      ID_HUECO: first?.ID_HUECO,
    });
    expect(booked.status).toBe(201);
    const { CITA } = (await booked.json()) as { CITA: DgtCita };
    expect(CITA).toMatchObject({ ESTADO: 'CONFIRMADA', FECHA_HORA_INICIO: first?.FECHA_HORA_INICIO });
    // Someone takes the second slot; moving onto it fails and Lucía keeps the first.
    expect(
      (
        await send('POST', `/ciudadanos/${CARMEN_NIF}/citas`, {
          COD_TRAMITE: 'REN-PERMISO',
          COD_JEFATURA: '46-VALENCIA',
          ID_HUECO: second?.ID_HUECO,
        })
      ).status,
    ).toBe(201);
    const onTaken = await send('PUT', `/ciudadanos/${LUCIA_NIF}/citas/${CITA.LOCALIZADOR}`, {
      COD_JEFATURA: '46-VALENCIA',
      ID_HUECO: second?.ID_HUECO,
    });
    expect(onTaken.status).toBe(409);
    let free = (await huecos('REN-PERMISO', '46-VALENCIA', '?desde=2026-06-15&hasta=2026-06-15')).map(
      (slot) => slot.ID_HUECO,
    );
    expect(free).not.toContain(first?.ID_HUECO);
    const target = free[0];
    const moved = await send('PUT', `/ciudadanos/${LUCIA_NIF}/citas/${CITA.LOCALIZADOR}`, {
      COD_JEFATURA: '46-VALENCIA',
      ID_HUECO: target,
    });
    expect(moved.status).toBe(200);
    free = (await huecos('REN-PERMISO', '46-VALENCIA', '?desde=2026-06-15&hasta=2026-06-15')).map(
      (slot) => slot.ID_HUECO,
    );
    expect(free).toContain(first?.ID_HUECO);
    expect(free).not.toContain(target);
    // Cancel is idempotent; a cancelled appointment cannot be moved.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const cancelled = await send('DELETE', `/ciudadanos/${LUCIA_NIF}/citas/${CITA.LOCALIZADOR}`);
      expect(cancelled.status).toBe(200);
      expect(((await cancelled.json()) as { CITA: DgtCita }).CITA.ESTADO).toBe('ANULADA');
    }
    expect(
      (await huecos('REN-PERMISO', '46-VALENCIA', '?desde=2026-06-15&hasta=2026-06-15')).map(
        (slot) => slot.ID_HUECO,
      ),
    ).toContain(target);
    const late = await send('PUT', `/ciudadanos/${LUCIA_NIF}/citas/${CITA.LOCALIZADOR}`, {
      COD_JEFATURA: '46-VALENCIA',
      ID_HUECO: target,
    });
    expect(late.status).toBe(409);
    // Another citizen's appointment is not there for her.
    expect((await send('DELETE', `/ciudadanos/${JOHN_NIF}/citas/${CITA.LOCALIZADOR}`)).status).toBe(404);
  });
});

describe('DGT: faults', () => {
  it('garbage, 500 and down apply to the data endpoints', async () => {
    const set = (body: object) =>
      fetch(`${agency.url}/__control/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    await set({ mode: 'garbage' });
    const garbage = await fetch(api(`/ciudadanos/${MARIA_NIF}/expedientes`));
    await expect(garbage.json()).rejects.toThrow();
    await set({ mode: 'error' });
    expect((await fetch(api('/cita-previa/tramites'))).status).toBe(500);
    await set({ mode: 'down' });
    await expect(fetch(api(`/ciudadanos/${MARIA_NIF}/citas`))).rejects.toThrow();
  });
});
