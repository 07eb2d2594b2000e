import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { JOHN_NIF, MARIA_NIF, PANADERIA_CIF } from '../citizens.ts';
import { type AgencyServer, startAgencyServer } from '../server.ts';
import { PID_RESIDENCIAS, pidHandlers } from './pid.ts';
import { fhirMadrid, SERMAS_FHIR_PATH, SERMAS_SYSTEMS, sermasHandlers } from './sermas.ts';

const NOW = new Date('2026-06-10T08:00:00Z');
let agency: AgencyServer;
const api = () => `${agency.url}${SERMAS_FHIR_PATH}`;
const nif = (value: string) => encodeURIComponent(`${SERMAS_SYSTEMS.nif}|${value}`);

beforeAll(async () => {
  agency = await startAgencyServer({ port: 0, handlers: sermasHandlers({ now: NOW }) });
});
afterEach(async () => {
  await fetch(`${agency.url}/__control/reset`, { method: 'POST' });
});
afterAll(async () => agency?.close());

interface Resource {
  resourceType: string;
  id: string;
  [key: string]: unknown;
}
interface Bundle {
  resourceType: 'Bundle';
  total: number;
  entry: { resource: Resource; search: { mode: string } }[];
}

async function fhir<T>(url: string, init?: RequestInit): Promise<{ status: number; body: T; type: string }> {
  const response = await fetch(url, init);
  return {
    status: response.status,
    body: (await response.json()) as T,
    type: response.headers.get('content-type') ?? '',
  };
}

const write = (method: string, body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method,
  headers: { 'content-type': 'application/fhir+json', ...headers },
  body: JSON.stringify(body),
});

const task = (coverage: string, patientNif: string, reason = 'PERDIDA') => ({
  resourceType: 'Task',
  status: 'requested',
  intent: 'order',
  code: { coding: [{ code: 'DUPLICADO-TSI' }] },
  focus: { reference: `Coverage/${coverage}` },
  for: { identifier: { system: SERMAS_SYSTEMS.nif, value: patientNif } },
  reasonCode: { coding: [{ code: reason }] },
});

async function freeSlots(service: string, centre: string) {
  const { body } = await fhir<Bundle>(
    `${api()}/Slot?schedule=Schedule/${service}.${centre}&status=free&start=ge2026-06-01&start=le2026-07-31`,
  );
  return body.entry.map((item) => item.resource);
}

const booking = (slot: string, patientNif: string, service = 'MFYC') => ({
  resourceType: 'Appointment',
  status: 'booked',
  serviceType: [{ coding: [{ code: service }] }],
  slot: [{ reference: `Slot/${slot}` }],
  participant: [{ actor: { identifier: { system: SERMAS_SYSTEMS.nif, value: patientNif } } }],
});

describe('the simulated SERMAS (FHIR R4)', () => {
  it('writes Madrid instants with their offset, summer and winter', () => {
    expect(fhirMadrid('2026-06-12', '09:30')).toBe('2026-06-12T09:30:00+02:00');
    expect(fhirMadrid('2026-12-01', '09:30')).toBe('2026-12-01T09:30:00+01:00');
  });

  it('answers María’s health card as a searchset: Coverage with Patient, professionals, centre and services', async () => {
    const { status, body, type } = await fhir<Bundle>(
      `${api()}/Coverage?beneficiary:identifier=${nif(MARIA_NIF)}`,
    );
    expect(status).toBe(200);
    expect(type).toMatch(/^application\/fhir\+json/);
    expect(body).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 1 });
    const types = body.entry.map((item) => `${item.search.mode}:${item.resource.resourceType}`);
    expect(types).toEqual([
      'match:Coverage',
      'include:Patient',
      'include:Practitioner',
      'include:Practitioner',
      'include:Organization',
      'include:HealthcareService',
      'include:HealthcareService',
    ]);
    expect(body.entry[0]?.resource).toMatchObject({
      identifier: [{ system: SERMAS_SYSTEMS.cipa, value: 'GRLP850314MD' }],
      period: { start: '2012-09-20' },
    });
  });

  it('has no card for someone who is not its patient, and refuses a bad identifier', async () => {
    const { body } = await fhir<Bundle>(`${api()}/Coverage?beneficiary:identifier=${nif(JOHN_NIF)}`);
    expect(body.total).toBe(0);
    const bad = await fhir<Resource>(
      `${api()}/Coverage?beneficiary:identifier=${encodeURIComponent('x|12345678Z')}`,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.resourceType).toBe('OperationOutcome');
  });

  it('a replacement request is a Task; with If-None-Exist the open one answers again', async () => {
    const condition = { 'if-none-exist': 'focus=Coverage/tsi-0001&status=requested,in-progress' };
    const first = await fhir<Resource>(
      `${api()}/Task`,
      write('POST', task('tsi-0001', MARIA_NIF), condition),
    );
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      resourceType: 'Task',
      status: 'requested',
      reasonCode: { coding: [{ code: 'PERDIDA' }] },
    });
    const again = await fhir<Resource>(
      `${api()}/Task`,
      write('POST', task('tsi-0001', MARIA_NIF, 'ROBO'), condition),
    );
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const card = await fhir<Bundle>(`${api()}/Coverage?beneficiary:identifier=${nif(MARIA_NIF)}`);
    expect(card.body.entry.filter((item) => item.resource.resourceType === 'Task')).toHaveLength(1);
    // Another person's card: not found.
    const other = await fhir<Resource>(
      `${api()}/Task`,
      write('POST', task('tsi-0002', MARIA_NIF), condition),
    );
    expect(other.status).toBe(404);
  });

  it('books a free slot once: the second booking of it is a conflict, another centre a business rule', async () => {
    const [slot] = await freeSlots('MFYC', 'CS-RETIRO-NORTE');
    if (!slot) throw new Error('no free slot');
    expect(String(slot.start)).toMatch(/\+0[12]:00$/);
    const booked = await fhir<Resource>(`${api()}/Appointment`, write('POST', booking(slot.id, MARIA_NIF)));
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({ status: 'booked', start: slot.start });
    const twice = await fhir<Resource>(`${api()}/Appointment`, write('POST', booking(slot.id, MARIA_NIF)));
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'conflict' }] });
    expect((await freeSlots('MFYC', 'CS-RETIRO-NORTE')).map((item) => item.id)).not.toContain(slot.id);
    const [elsewhere] = await freeSlots('MFYC', 'CS-CHAMBERI-SUR');
    const wrong = await fhir<Resource>(
      `${api()}/Appointment`,
      write('POST', booking(elsewhere?.id ?? '', MARIA_NIF)),
    );
    expect(wrong.status).toBe(422);
    const stranger = await fhir<Resource>(`${api()}/Appointment`, write('POST', booking(slot.id, JOHN_NIF)));
    expect(stranger.status).toBe(422);
  });

  it('lists a patient’s appointments with their centres, and cancels by conditional patch, once', async () => {
    const list = await fhir<Bundle>(`${api()}/Appointment?patient:identifier=${nif(MARIA_NIF)}`);
    const appointments = list.body.entry
      .filter((item) => item.search.mode === 'match')
      .map((item) => item.resource);
    expect(appointments.map((item) => `${item.id}:${item.status}`)).toEqual([
      'CM-S00002:cancelled',
      'CE-S00001:fulfilled',
      'CM-S00001:booked',
    ]);
    expect(list.body.entry.some((item) => item.resource.resourceType === 'Location')).toBe(true);
    const patch = {
      method: 'PATCH',
      headers: { 'content-type': 'application/json-patch+json' },
      body: JSON.stringify([{ op: 'replace', path: '/status', value: 'cancelled' }]),
    };
    const cancel = (id: string, who: string) =>
      fhir<Resource>(`${api()}/Appointment?_id=${id}&patient:identifier=${nif(who)}`, patch);
    expect((await cancel('CM-S00001', MARIA_NIF)).body.status).toBe('cancelled');
    expect((await cancel('CM-S00001', MARIA_NIF)).status).toBe(200);
    // Someone else's appointment does not exist for them; a past one cannot be cancelled.
    expect((await cancel('CE-S00002', MARIA_NIF)).status).toBe(404);
    expect((await cancel('CE-S00001', MARIA_NIF)).status).toBe(422);
  });

  it('fault injection: down drops the connection', async () => {
    await fetch(`${agency.url}/__control/faults`, write('POST', { mode: 'down' }));
    await expect(fetch(`${api()}/Coverage?beneficiary:identifier=${nif(MARIA_NIF)}`)).rejects.toThrow();
  });
});

describe('the census residence through the data intermediation platform', () => {
  let pid: AgencyServer;
  beforeAll(async () => {
    pid = await startAgencyServer({ port: 0, handlers: pidHandlers() });
  });
  afterAll(async () => pid?.close());

  it('answers the INE province and municipality codes; nothing for a company or an unknown person', async () => {
    const answer = await fetch(`${pid.url}/pid/scsp/v3/titulares/${MARIA_NIF}/residencia`);
    expect(answer.status).toBe(200);
    const text = await answer.text();
    expect(text).toMatch(/<Provincia>\s*<Codigo>28<\/Codigo>/);
    expect(text).toMatch(/<Municipio>\s*<Codigo>079<\/Codigo>/);
    expect(PID_RESIDENCIAS[JOHN_NIF]?.codProvincia).toBe('08');
    for (const nobody of [PANADERIA_CIF, '00000001R']) {
      const missing = await fetch(`${pid.url}/pid/scsp/v3/titulares/${nobody}/residencia`);
      expect(missing.status).toBe(404);
      expect(await missing.text()).toContain('<CodigoEstado>0233</CodigoEstado>');
    }
  });
});
