import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CARMEN_NIF, HOSTILE_NIF, JOHN_NIF, LUCIA_NIF, MARIA_NIF } from '../citizens.ts';
import { type AgencyServer, startAgencyServer } from '../server.ts';
import {
  DGP_LAST_SLOT_OFFICE,
  type DgpAppointment,
  type DgpDocument,
  dgpHandlers,
  madridDayFrom,
} from './dgp.ts';

const NOW = new Date('2026-06-10T22:30:00Z'); // already 11 June in Madrid
let agency: AgencyServer;
const api = () => `${agency.url}/dgp/api/v1`;

beforeAll(async () => {
  agency = await startAgencyServer({ port: 0, handlers: dgpHandlers({ now: NOW }) });
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
async function documents(nif: string): Promise<DgpDocument[]> {
  const { status, body } = await json<{ result: string; data: { documents: DgpDocument[] } }>(
    `${api()}/citizens/${nif}/documents`,
  );
  expect(status).toBe(200);
  return body.data.documents;
}
async function freeSlots(service: string, office: string): Promise<{ slotRef: string; start: string }[]> {
  const { body } = await json<{ data: { slots: { slotRef: string; start: string }[] } }>(
    `${api()}/appointment-services/${service}/offices/${office}/slots?from=2026-01-01&to=2026-12-31`,
  );
  return body.data.slots;
}

describe('DGP documents', () => {
  it('María: an identity card about to expire and a passport already expired', async () => {
    expect(madridDayFrom(NOW, 0)).toBe('2026-06-11');
    const docs = await documents(MARIA_NIF);
    const dni = docs.find((doc) => doc.docType === 'DNI');
    expect(dni?.validUntil).toBe(madridDayFrom(NOW, 25));
    const passports = docs.filter((doc) => doc.docType === 'PAS');
    expect(passports.some((doc) => doc.validUntil < madridDayFrom(NOW, 0) && doc.state === 'VIG')).toBe(true);
    expect(dni?.renewalUrl).toMatch(/^https:\/\//);
  });

  it('Carmen’s is far away; John has a TIE; Lucía a renewal under way; unknown people nothing', async () => {
    expect((await documents(CARMEN_NIF)).some((doc) => doc.validUntil > madridDayFrom(NOW, 5 * 365))).toBe(
      true,
    );
    expect((await documents(JOHN_NIF))[0]?.docType).toBe('TIE');
    expect((await documents(LUCIA_NIF)).some((doc) => doc.state === 'REN')).toBe(true);
    expect(await documents('00000001R')).toEqual([]);
    expect(await documents('B85341279')).toEqual([]);
    expect((await json(`${api()}/citizens/nope/documents`)).status).toBe(400);
  });

  it('the hostile citizen gets renewal links that are not https', async () => {
    const links = (await documents(HOSTILE_NIF)).map((doc) => doc.renewalUrl);
    expect(links).toContain('javascript:alert(document.cookie)');
  });
});

describe('DGP appointments', () => {
  it('offers DNI renewal at police stations, books, reschedules and cancels', async () => {
    const offices = await json<{ data: { offices: { code: string; name: string }[] } }>(
      `${api()}/appointment-services/DNI-RENEW/offices`,
    );
    expect(offices.body.data.offices.every((office) => office.name.startsWith('Comisaría'))).toBe(true);
    const [first, second] = await freeSlots('DNI-RENEW', 'CNP-ALCORCON');
    if (!first || !second) throw new Error('no slots');
    expect(first.start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00$/);
    const booked = await json<{ data: { appointment: DgpAppointment } }>(
      `${api()}/citizens/${LUCIA_NIF}/appointments`,
      send('POST', { service: 'DNI-RENEW', office: 'CNP-ALCORCON', slotRef: first.slotRef }),
    );
    expect(booked.status).toBe(201);
    const ref = booked.body.data.appointment.ref;
    const taken = await json<{ error: { code: string } }>(
      `${api()}/citizens/${MARIA_NIF}/appointments`,
      send('POST', { service: 'DNI-RENEW', office: 'CNP-ALCORCON', slotRef: first.slotRef }),
    );
    expect(taken).toMatchObject({
      status: 409,
      body: { result: 'ERROR', error: { code: 'SLOT_UNAVAILABLE' } },
    });
    const moved = await json<{ data: { appointment: DgpAppointment } }>(
      `${api()}/citizens/${LUCIA_NIF}/appointments/${ref}`,
      send('PUT', { service: 'DNI-RENEW', office: 'CNP-ALCORCON', slotRef: second.slotRef }),
    );
    expect(moved.body.data.appointment.start).toBe(second.start);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const cancelled = await json<{ data: { appointment: DgpAppointment } }>(
        `${api()}/citizens/${LUCIA_NIF}/appointments/${ref}`,
        { method: 'DELETE' },
      );
      expect(cancelled.body.data.appointment.st).toBe('CANC');
    }
    const again = await json<{ error: { code: string } }>(
      `${api()}/citizens/${LUCIA_NIF}/appointments/${ref}`,
      send('PUT', { service: 'DNI-RENEW', office: 'CNP-ALCORCON', slotRef: first.slotRef }),
    );
    expect(again.body.error.code).toBe('APPOINTMENT_CANCELLED');
  });

  it('racing for the last slot: exactly one wins', async () => {
    const slots = await freeSlots('PASSPORT', DGP_LAST_SLOT_OFFICE);
    expect(slots).toHaveLength(1);
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        json(
          `${api()}/citizens/${30000000 + index}C/appointments`,
          send('POST', { service: 'PASSPORT', office: DGP_LAST_SLOT_OFFICE, slotRef: slots[0]?.slotRef }),
        ),
      ),
    );
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 409)).toHaveLength(11);
    await fetch(`${agency.url}/__control/appointments/reset`, { method: 'POST' });
    expect(await freeSlots('PASSPORT', DGP_LAST_SLOT_OFFICE)).toHaveLength(1);
  });
});
