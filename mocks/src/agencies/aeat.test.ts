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
  AEAT_LAST_SLOT_OFFICE,
  type AeatCita,
  type AeatExpediente,
  type AeatHueco,
  aeatHandlers,
  formatAeatDateTime,
  STATE_BASQUE_500,
  STATE_CATALAN_500,
  STATE_HOSTILE_SCRIPT,
} from './aeat.ts';

// 2026-03-27 is a Friday; the window then crosses the change to summer time (29 March).
const NOW = new Date('2026-03-27T08:00:00Z');
let agency: AgencyServer;
const sede = () => `${agency.url}/aeat/sede/api/v1`;
const cita = () => `${agency.url}/aeat/cita/api/v1`;

beforeAll(async () => {
  agency = await startAgencyServer({ port: 0, handlers: aeatHandlers({ now: NOW }) });
});
afterEach(async () => {
  await fetch(`${agency.url}/__control/reset`, { method: 'POST' });
});
afterAll(async () => agency?.close());

async function json<T>(url: string, init?: RequestInit): Promise<{ status: number; body: T }> {
  const response = await fetch(url, init);
  return { status: response.status, body: (await response.json()) as T };
}

const send = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

async function freeSlots(service: string, office: string): Promise<AeatHueco[]> {
  const { status, body } = await json<{ huecos: AeatHueco[] }>(
    `${cita()}/servicios/${service}/oficinas/${office}/huecos?desde=20260101&hasta=20261231`,
  );
  expect(status).toBe(200);
  return body.huecos;
}

describe('AEAT files (expedientes)', () => {
  it('gives every test citizen files in the agency format, María dozens', async () => {
    const counts: Record<string, number> = {};
    for (const nif of [MARIA_NIF, CARMEN_NIF, JAVIER_NIF, PANADERIA_CIF, JOHN_NIF, LUCIA_NIF, HOSTILE_NIF]) {
      const { status, body } = await json<{
        codRespuesta: string;
        numRegistros: number;
        expedientes: AeatExpediente[];
      }>(`${sede()}/contribuyentes/${nif}/expedientes`);
      expect(status).toBe(200);
      expect(body.codRespuesta).toBe('0000');
      expect(body.numRegistros).toBe(body.expedientes.length);
      counts[nif] = body.expedientes.length;
      for (const expediente of body.expedientes) {
        expect(expediente.fechaInicio).toMatch(/^\d{14}$/);
        expect(['IN', 'TR', 'RQ', 'RS', 'AR']).toContain(expediente.situacion);
        expect(expediente.situacion).toBe(expediente.historico.at(-1)?.situacion);
      }
    }
    expect(counts[MARIA_NIF]).toBeGreaterThanOrEqual(12);
    for (const count of Object.values(counts)) expect(count).toBeGreaterThan(0);
  });

  it('a requirement carries its deadline in the future, in Madrid wall-clock time', async () => {
    const { body } = await json<{ expedientes: AeatExpediente[] }>(
      `${sede()}/contribuyentes/${MARIA_NIF}/expedientes`,
    );
    const requirement = body.expedientes.find((expediente) => expediente.situacion === 'RQ');
    expect(requirement?.fechaLimite).toBeDefined();
    expect((requirement?.fechaLimite ?? '') > formatAeatDateTime(NOW)).toBe(true);
    expect(requirement?.urlSede).toMatch(/^https:\/\/sede\.agenciatributaria\.gob\.es\//);
    // Madrid is UTC+1 on 27 March 2026: 08:00Z is 09:00 there.
    expect(formatAeatDateTime(NOW)).toBe('20260327090000');
  });

  it('the detail of one file, and 404 in the agency format for someone else’s', async () => {
    const ok = await json<{ expediente: AeatExpediente }>(
      `${sede()}/contribuyentes/${MARIA_NIF}/expedientes/2026GCL000098765`,
    );
    expect(ok.status).toBe(200);
    expect(ok.body.expediente.situacion).toBe('RQ');
    const other = await json<{ codRespuesta: string }>(
      `${sede()}/contribuyentes/${CARMEN_NIF}/expedientes/2026GCL000098765`,
    );
    expect(other).toMatchObject({ status: 404, body: { codRespuesta: 'E404' } });
  });

  it('an unknown citizen has nothing; a malformed NIF is a 400', async () => {
    expect((await json(`${sede()}/contribuyentes/00000001R/expedientes`)).body).toMatchObject({
      expedientes: [],
    });
    expect((await json(`${sede()}/contribuyentes/nope/expedientes`)).status).toBe(400);
  });

  it('hostile strings come through as data (JSON-escaped, not altered)', async () => {
    const { body } = await json<{ expedientes: AeatExpediente[] }>(
      `${sede()}/contribuyentes/${HOSTILE_NIF}/expedientes`,
    );
    const subjects = body.expedientes.map((expediente) => expediente.asunto);
    expect(subjects).toEqual(
      expect.arrayContaining([STATE_HOSTILE_SCRIPT, STATE_BASQUE_500, STATE_CATALAN_500]),
    );
    expect(STATE_BASQUE_500).toHaveLength(500);
    expect(STATE_CATALAN_500).toHaveLength(500);
  });
});

describe('AEAT appointments (cita previa)', () => {
  it('offers services, offices and free slots on working days only', async () => {
    const services = await json<{ servicios: { codServicio: string; descServicio: string }[] }>(
      `${cita()}/servicios`,
    );
    expect(services.body.servicios.map((s) => s.descServicio)).toContain('Atención presencial Renta');
    const offices = await json<{ oficinas: { codOficina: string }[] }>(
      `${cita()}/servicios/RENTA-PRES/oficinas`,
    );
    expect(offices.body.oficinas.length).toBeGreaterThanOrEqual(3);
    const slots = await freeSlots('RENTA-PRES', '28600');
    expect(slots.length).toBeGreaterThan(20);
    for (const slot of slots) {
      const day = new Date(
        Date.UTC(
          Number(slot.fechaHoraInicio.slice(0, 4)),
          Number(slot.fechaHoraInicio.slice(4, 6)) - 1,
          Number(slot.fechaHoraInicio.slice(6, 8)),
        ),
      );
      expect([1, 2, 3, 4, 5]).toContain(day.getUTCDay());
      expect(slot.fechaHoraInicio > formatAeatDateTime(NOW)).toBe(true);
    }
    // About 20 working days: nothing four and a half weeks away.
    expect((slots.at(-1)?.fechaHoraInicio.slice(0, 8) ?? '') <= '20260424').toBe(true);
  });

  it('books, lists, reschedules (freeing the old slot only then) and cancels idempotently', async () => {
    const [first, second] = await freeSlots('RENTA-PRES', '28053');
    if (!first || !second) throw new Error('no slots');
    const booked = await json<{ cita: AeatCita }>(
      `${cita()}/contribuyentes/${JOHN_NIF}/citas`,
      send('POST', { codServicio: 'RENTA-PRES', codOficina: '28053', idHueco: first.idHueco }),
    );
    expect(booked.status).toBe(201);
    expect(booked.body.cita).toMatchObject({
      situacionCita: 'RESERVADA',
      fechaHoraCita: first.fechaHoraInicio,
    });
    expect((await freeSlots('RENTA-PRES', '28053')).map((s) => s.idHueco)).not.toContain(first.idHueco);

    const id = booked.body.cita.idCita;
    const moved = await json<{ cita: AeatCita }>(
      `${cita()}/contribuyentes/${JOHN_NIF}/citas/${id}`,
      send('PUT', { codServicio: 'RENTA-PRES', codOficina: '28053', idHueco: second.idHueco }),
    );
    expect(moved.body.cita.fechaHoraCita).toBe(second.fechaHoraInicio);
    const free = (await freeSlots('RENTA-PRES', '28053')).map((s) => s.idHueco);
    expect(free).toContain(first.idHueco);
    expect(free).not.toContain(second.idHueco);

    for (let attempt = 0; attempt < 2; attempt += 1) {
      const cancelled = await json<{ cita: AeatCita }>(`${cita()}/contribuyentes/${JOHN_NIF}/citas/${id}`, {
        method: 'DELETE',
      });
      expect(cancelled).toMatchObject({ status: 200, body: { cita: { situacionCita: 'ANULADA' } } });
    }
    expect((await freeSlots('RENTA-PRES', '28053')).map((s) => s.idHueco)).toContain(second.idHueco);
    const list = await json<{ citas: AeatCita[] }>(`${cita()}/contribuyentes/${JOHN_NIF}/citas`);
    expect(list.body.citas.find((c) => c.idCita === id)?.situacionCita).toBe('ANULADA');
  });

  it('rescheduling onto a taken slot keeps the old one', async () => {
    const { body } = await json<{ citas: AeatCita[] }>(`${cita()}/contribuyentes/${MARIA_NIF}/citas`);
    const mine = body.citas.find(
      (c) => c.situacionCita === 'RESERVADA' && c.servicio.codServicio === 'RENTA-PRES',
    );
    const [target] = await freeSlots('RENTA-PRES', '28065');
    if (!mine || !target) throw new Error('seed');
    await json(
      `${cita()}/contribuyentes/${LUCIA_NIF}/citas`,
      send('POST', { codServicio: 'RENTA-PRES', codOficina: '28065', idHueco: target.idHueco }),
    );
    const refused = await json<{ codRespuesta: string }>(
      `${cita()}/contribuyentes/${MARIA_NIF}/citas/${mine.idCita}`,
      send('PUT', { codServicio: 'RENTA-PRES', codOficina: '28065', idHueco: target.idHueco }),
    );
    expect(refused).toMatchObject({ status: 409, body: { codRespuesta: 'C409' } });
    const after = await json<{ citas: AeatCita[] }>(`${cita()}/contribuyentes/${MARIA_NIF}/citas`);
    expect(after.body.citas.find((c) => c.idCita === mine.idCita)).toEqual(mine);
  });

  it('twenty citizens racing for the last slot: exactly one gets it, the others C409', async () => {
    const slots = await freeSlots('RENTA-PRES', AEAT_LAST_SLOT_OFFICE);
    expect(slots).toHaveLength(1);
    const idHueco = slots[0]?.idHueco;
    const nifs = Array.from({ length: 20 }, (_, index) => `${String(10000000 + index)}A`);
    const answers = await Promise.all(
      nifs.map((nif) =>
        json<{ codRespuesta: string }>(
          `${cita()}/contribuyentes/${nif}/citas`,
          send('POST', { codServicio: 'RENTA-PRES', codOficina: AEAT_LAST_SLOT_OFFICE, idHueco }),
        ),
      ),
    );
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    const losers = answers.filter((answer) => answer.status !== 201);
    expect(losers).toHaveLength(19);
    for (const loser of losers) expect(loser).toMatchObject({ status: 409, body: { codRespuesta: 'C409' } });
    expect(await freeSlots('RENTA-PRES', AEAT_LAST_SLOT_OFFICE)).toEqual([]);
    // The book alone back to its seed: the last slot is free again, for the next race.
    expect((await fetch(`${agency.url}/__control/appointments/reset`, { method: 'POST' })).status).toBe(200);
    expect(await freeSlots('RENTA-PRES', AEAT_LAST_SLOT_OFFICE)).toHaveLength(1);
  });

  it('cancelling someone else’s appointment is a 404; faults apply to data endpoints', async () => {
    expect(
      (await json(`${cita()}/contribuyentes/${JOHN_NIF}/citas/AC-2026-100001`, { method: 'DELETE' })).status,
    ).toBe(404);
    await fetch(`${agency.url}/__control/faults`, send('POST', { mode: 'error' }));
    expect((await fetch(`${cita()}/servicios`)).status).toBe(500);
  });
});
