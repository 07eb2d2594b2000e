import { HttpResponse, http, type HttpHandler } from 'msw';
import { createFaultController, type FaultController, faultControlHandlers, injectFault } from '../faults.ts';
import { MADRID_TIME_ZONE } from '../madrid-time.ts';
import { NIF_PATTERN } from './regional-common.ts';
import {
  SERMAS_CENTRES,
  SERMAS_PATIENTS,
  SERMAS_SEED,
  SERMAS_SERVICES,
  SERMAS_SYSTEMS,
  type SermasCentre,
  type SermasPatient,
  sermasOffices,
  sermasPatientByNif,
} from './sermas-data.ts';
import { addMinutes, type Booking, createSlotBook, parseSlotKey, type SlotBook } from './slot-book.ts';

export * from './sermas-data.ts';

/**
 * A simulated regional health service (the Comunidad de Madrid's SERMAS), answering in HL7 FHIR R4
 * JSON (`application/fhir+json`): searches answer a `Bundle` (searchset), errors an
 * `OperationOutcome`, instants carry their Madrid offset ("2026-06-12T09:30:00+02:00").
 *
 *   GET   {base}/sermas/fhir/r4/Coverage?beneficiary:identifier={nif system}|{nif}
 *           → the health card (Coverage) with its Patient, Practitioners, Organization (the health
 *             centre), HealthcareServices (what the centre books) and replacement requests (Task)
 *   POST  {base}/sermas/fhir/r4/Task   a replacement card request; with
 *           `If-None-Exist: focus=Coverage/{id}&status=requested,in-progress` (conditional create)
 *           an open request is answered (200) instead of making another (201)
 *   GET   {base}/sermas/fhir/r4/Appointment?patient:identifier={nif system}|{nif}
 *   GET   {base}/sermas/fhir/r4/Slot?schedule=Schedule/{service}.{centre}&status=free&start=ge{day}&start=le{day}
 *   POST  {base}/sermas/fhir/r4/Appointment   books a slot (one synchronous check-and-take): 201,
 *           409 (conflict: taken meanwhile), 422 (business-rule: not your centre, not a patient)
 *   PATCH {base}/sermas/fhir/r4/Appointment?_id={id}&patient:identifier=…  (JSON Patch) cancels;
 *           idempotent; 404 for another person's appointment
 *   POST {base}/__control/reset, /__control/appointments/reset, /__control/faults (faults.ts)
 */
export const SERMAS_FHIR_PATH = '/sermas/fhir/r4';
const FHIR_JSON = 'application/fhir+json; charset=utf-8';

export interface SermasHandlerOptions {
  now?: Date;
  baseUrl?: string;
  faults?: FaultController;
}

function fhir(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new HttpResponse(JSON.stringify(body), {
    status,
    headers: { 'content-type': FHIR_JSON, ...headers },
  });
}

function outcome(status: number, code: string, diagnostics: string): Response {
  return fhir(
    { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics }] },
    status,
  );
}

const offsetFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: MADRID_TIME_ZONE,
  timeZoneName: 'longOffset',
});

/** Madrid's UTC offset in hours at an instant (1 in winter, 2 in summer). */
function madridOffsetHours(instant: number): number {
  const name = offsetFormat.formatToParts(new Date(instant)).find((part) => part.type === 'timeZoneName');
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name?.value ?? '');
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * Number(match[2]);
}

/** A Madrid wall-clock time as a FHIR instant with its offset: "2026-06-12T09:30:00+02:00". */
export function fhirMadrid(day: string, time: string): string {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  const [hh = 0, mm = 0] = time.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let hours = madridOffsetHours(wall - 3_600_000);
  if (madridOffsetHours(wall - hours * 3_600_000) !== hours) hours = madridOffsetHours(wall - 2 * 3_600_000);
  return `${day}T${time}:00+${String(hours).padStart(2, '0')}:00`;
}

/** "urn:…:nif|12345678Z" → the NIF, when the system is the NIF's. */
function nifFromToken(token: string | null): string | null {
  if (!token) return null;
  const bar = token.lastIndexOf('|');
  if (bar < 0 || token.slice(0, bar) !== SERMAS_SYSTEMS.nif) return null;
  const nif = token.slice(bar + 1).toUpperCase();
  return NIF_PATTERN.test(nif) ? nif : null;
}

function centreOf(id: string): SermasCentre {
  const centre = SERMAS_CENTRES.find((candidate) => candidate.id === id);
  if (!centre) throw new Error(`no SERMAS centre ${id}`);
  return centre;
}

function serviceOf(id: string) {
  return SERMAS_SERVICES.find((service) => service.id === id);
}

function serviceConcept(id: string) {
  const service = serviceOf(id);
  return { coding: [{ system: SERMAS_SYSTEMS.service, code: id, display: service?.nombre ?? id }] };
}

const organization = (centre: SermasCentre) => ({
  resourceType: 'Organization',
  id: centre.id,
  name: centre.nombre,
  address: [{ text: centre.direccion }],
  telecom: [{ system: 'phone', value: centre.telefono }],
});

const location = (centre: SermasCentre) => ({ ...organization(centre), resourceType: 'Location' });

const practitioner = (person: { id: string; nombre: string }, role: 'MFYC' | 'ENF') => ({
  resourceType: 'Practitioner',
  id: person.id,
  name: [{ text: person.nombre }],
  qualification: [{ code: serviceConcept(role) }],
});

const patientResource = (patient: SermasPatient) => ({
  resourceType: 'Patient',
  id: patient.id,
  identifier: [
    { system: SERMAS_SYSTEMS.nif, value: patient.nif },
    { system: SERMAS_SYSTEMS.cipa, value: patient.cipa },
  ],
  name: [{ family: patient.family, given: [patient.given], text: `${patient.given} ${patient.family}` }],
  generalPractitioner: [
    { reference: `Practitioner/${centreOf(patient.centre).medico.id}` },
    { reference: `Organization/${patient.centre}` },
  ],
});

const coverageResource = (patient: SermasPatient) => ({
  resourceType: 'Coverage',
  id: patient.coverage.id,
  status: patient.coverage.status,
  identifier: [{ system: SERMAS_SYSTEMS.cipa, value: patient.cipa }],
  type: { coding: [{ code: 'TSI', display: 'Tarjeta Sanitaria Individual' }] },
  beneficiary: { reference: `Patient/${patient.id}` },
  period: { start: patient.coverage.start, ...(patient.coverage.end ? { end: patient.coverage.end } : {}) },
  payor: [{ display: 'Servicio Madrileño de Salud' }],
});

const healthcareService = (centre: SermasCentre, service: (typeof SERMAS_SERVICES)[number]) => ({
  resourceType: 'HealthcareService',
  id: `${service.id}.${centre.id}`,
  providedBy: { reference: `Organization/${centre.id}` },
  type: [serviceConcept(service.id)],
  name: service.nombre,
  extension: [
    {
      url: SERMAS_SYSTEMS.duration,
      valueDuration: {
        value: service.durationMinutes,
        unit: 'min',
        system: 'http://unitsofmeasure.org',
        code: 'min',
      },
    },
  ],
});

interface Replacement {
  id: string;
  number: string;
  coverage: string;
  patient: string;
  reason: string;
  status: 'requested' | 'in-progress' | 'completed' | 'cancelled';
  authoredOn: string;
}

const taskResource = (task: Replacement) => ({
  resourceType: 'Task',
  id: task.id,
  identifier: [{ system: SERMAS_SYSTEMS.replacement, value: task.number }],
  status: task.status,
  intent: 'order',
  code: {
    coding: [
      { system: SERMAS_SYSTEMS.task, code: 'DUPLICADO-TSI', display: 'Duplicado de tarjeta sanitaria' },
    ],
  },
  focus: { reference: `Coverage/${task.coverage}` },
  for: { reference: `Patient/${task.patient}` },
  authoredOn: task.authoredOn,
  reasonCode: { coding: [{ system: SERMAS_SYSTEMS.reason, code: task.reason }] },
});

const APPOINTMENT_STATUS: Record<Booking['status'], string> = {
  booked: 'booked',
  cancelled: 'cancelled',
  attended: 'fulfilled',
  missed: 'noshow',
};

function appointmentResource(booking: Booking) {
  const service = serviceOf(booking.serviceId);
  const centre = centreOf(booking.officeId);
  const patient = sermasPatientByNif(booking.nif);
  const professional = service?.profesional === 'enfermera' ? centre.enfermera : centre.medico;
  const minutes = service?.durationMinutes ?? 10;
  return {
    resourceType: 'Appointment',
    id: booking.id,
    status: APPOINTMENT_STATUS[booking.status],
    serviceType: [serviceConcept(booking.serviceId)],
    start: fhirMadrid(booking.day, booking.time),
    end: fhirMadrid(booking.day, addMinutes(booking.time, minutes)),
    minutesDuration: minutes,
    slot: [
      {
        reference: `Slot/${booking.serviceId}.${booking.officeId}.${booking.day.replaceAll('-', '')}.${booking.time.replace(':', '')}`,
      },
    ],
    participant: [
      {
        actor: {
          reference: `Patient/${patient?.id ?? 'desconocido'}`,
          display: patient ? `${patient.given} ${patient.family}` : '',
        },
        status: 'accepted',
      },
      {
        actor: { reference: `Practitioner/${professional.id}`, display: professional.nombre },
        status: 'accepted',
      },
      { actor: { reference: `Location/${centre.id}`, display: centre.nombre }, status: 'accepted' },
    ],
  };
}

function bundle(matches: readonly object[], includes: readonly object[] = []) {
  const entry = (resource: object, mode: 'match' | 'include') => {
    const typed = resource as { resourceType: string; id: string };
    return { fullUrl: `urn:uuid:${typed.resourceType}-${typed.id}`, resource, search: { mode } };
  };
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: matches.length,
    entry: [
      ...matches.map((item) => entry(item, 'match')),
      ...includes.map((item) => entry(item, 'include')),
    ],
  };
}

const REASONS = new Set(['PERDIDA', 'ROBO', 'DETERIORO']);

async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return undefined;
  }
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** The first item of a list in a resource, as a record ({} when there is none). */
function first(value: unknown): Record<string, unknown> {
  return Array.isArray(value) ? record(value[0]) : {};
}

/** The code of a CodeableConcept's first coding ("" when there is none). */
function codeOf(concept: unknown): string {
  const code = first(record(concept).coding).code;
  return typeof code === 'string' ? code : '';
}

/** Appointment ids start with their agenda's prefix: family medicine CM-, nursing CE-. */
const ID_PREFIX: Readonly<Record<string, string>> = { MFYC: 'CM-', ENF: 'CE-' };

/** One appointment book per agenda (service), with the centres as its offices. */
export function createSermasBooks(now: Date): Record<string, SlotBook> {
  return Object.fromEntries(
    SERMAS_SERVICES.map((service) => {
      const prefix = ID_PREFIX[service.id] ?? `${service.id}-`;
      return [
        service.id,
        createSlotBook(now, {
          services: [service],
          offices: sermasOffices(service.id),
          bookings: SERMAS_SEED[service.id] ?? [],
          idPrefix: prefix,
          reference: (n) => `${prefix}${String(n).padStart(6, '0')}`,
        }),
      ];
    }),
  );
}

export function sermasHandlers(options: SermasHandlerOptions = {}): HttpHandler[] {
  const base = (options.baseUrl ?? '*').replace(/\/$/, '');
  const faults = options.faults ?? createFaultController();
  const now = options.now ?? new Date();
  const clock = () => (options.now ? options.now : new Date());
  const api = `${base}${SERMAS_FHIR_PATH}`;
  let books = createSermasBooks(now);
  let tasks: Replacement[] = [];

  const allBookings = (nif: string) =>
    Object.values(books)
      .flatMap((book) => book.bookingsOf(nif))
      .sort((a, b) => `${a.day} ${a.time}`.localeCompare(`${b.day} ${b.time}`) || a.id.localeCompare(b.id));

  const bookOfId = (id: string) => {
    const service = Object.keys(ID_PREFIX).find((candidate) => id.startsWith(ID_PREFIX[candidate] ?? ''));
    return service ? books[service] : undefined;
  };

  return [
    http.post(`${base}/__control/appointments/reset`, () => {
      books = createSermasBooks(now);
      return HttpResponse.json({ ok: true });
    }),
    http.post(`${base}/__control/reset`, () => {
      books = createSermasBooks(now);
      tasks = [];
      return HttpResponse.json(faults.reset());
    }),
    ...faultControlHandlers(faults, base),

    http.get(`${api}/Coverage`, async ({ request }) => {
      const fault = await injectFault(faults, request);
      if (fault) return fault;
      const nif = nifFromToken(new URL(request.url).searchParams.get('beneficiary:identifier'));
      if (!nif)
        return outcome(400, 'invalid', 'beneficiary:identifier must be the NIF system and a valid NIF/NIE');
      const patient = sermasPatientByNif(nif);
      if (!patient) return fhir(bundle([]));
      const centre = centreOf(patient.centre);
      return fhir(
        bundle(
          [coverageResource(patient)],
          [
            patientResource(patient),
            practitioner(centre.medico, 'MFYC'),
            practitioner(centre.enfermera, 'ENF'),
            organization(centre),
            ...SERMAS_SERVICES.map((service) => healthcareService(centre, service)),
            ...tasks.filter((task) => task.coverage === patient.coverage.id).map(taskResource),
          ],
        ),
      );
    }),

    http.post(`${api}/Task`, async ({ request }) => {
      const fault = await injectFault(faults, request);
      if (fault) return fault;
      const body = record(await readJson(request));
      const focus = String(record(body.focus).reference ?? '');
      const forIdentifier = record(record(body.for).identifier);
      const reason = codeOf(body.reasonCode);
      if (body.resourceType !== 'Task' || codeOf(body.code) !== 'DUPLICADO-TSI' || !REASONS.has(reason)) {
        return outcome(
          400,
          'invalid',
          'a Task DUPLICADO-TSI with a reasonCode (PERDIDA, ROBO, DETERIORO) is expected',
        );
      }
      const nif = nifFromToken(`${String(forIdentifier.system ?? '')}|${String(forIdentifier.value ?? '')}`);
      const patient = nif ? sermasPatientByNif(nif) : undefined;
      if (!patient)
        return outcome(422, 'business-rule', 'the person is not a patient of this health service');
      if (focus !== `Coverage/${patient.coverage.id}`) {
        return outcome(404, 'not-found', 'no such card for this patient');
      }
      // Conditional create: an open request for this card is the answer, not a second one.
      const condition = request.headers.get('if-none-exist');
      if (condition) {
        const query = new URLSearchParams(condition);
        const statuses = (query.get('status') ?? '').split(',');
        const existing = tasks.find(
          (task) => `Coverage/${task.coverage}` === query.get('focus') && statuses.includes(task.status),
        );
        if (existing) return fhir(taskResource(existing), 200);
      }
      const at = clock();
      const sequence = tasks.length + 1;
      const task: Replacement = {
        id: `dup-${String(sequence).padStart(6, '0')}`,
        number: `DUP-${at.getUTCFullYear()}-${String(sequence).padStart(6, '0')}`,
        coverage: patient.coverage.id,
        patient: patient.id,
        reason,
        status: 'requested',
        authoredOn: at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      };
      tasks.push(task);
      return fhir(taskResource(task), 201, { location: `${SERMAS_FHIR_PATH}/Task/${task.id}/_history/1` });
    }),

    http.get(`${api}/Appointment`, async ({ request }) => {
      const fault = await injectFault(faults, request);
      if (fault) return fault;
      const nif = nifFromToken(new URL(request.url).searchParams.get('patient:identifier'));
      if (!nif)
        return outcome(400, 'invalid', 'patient:identifier must be the NIF system and a valid NIF/NIE');
      const bookings = allBookings(nif);
      const centres = [...new Set(bookings.map((booking) => booking.officeId))].map(centreOf);
      return fhir(bundle(bookings.map(appointmentResource), centres.map(location)));
    }),

    http.get(`${api}/Slot`, async ({ request }) => {
      const fault = await injectFault(faults, request);
      if (fault) return fault;
      const query = new URL(request.url).searchParams;
      const schedule = /^Schedule\/([A-Z]+)\.([A-Z0-9-]+)$/.exec(query.get('schedule') ?? '');
      const starts = query.getAll('start');
      const from = starts.find((value) => value.startsWith('ge'))?.slice(2) ?? '';
      const to = starts.find((value) => value.startsWith('le'))?.slice(2) ?? '';
      if (
        !schedule ||
        !/^\d{4}-\d{2}-\d{2}$/.test(from) ||
        !/^\d{4}-\d{2}-\d{2}$/.test(to) ||
        query.get('status') !== 'free'
      ) {
        return outcome(400, 'invalid', 'schedule, status=free, start=ge{day} and start=le{day} are required');
      }
      const [, serviceId = '', centreId = ''] = schedule;
      const book = books[serviceId];
      const service = serviceOf(serviceId);
      if (!book || !service) return fhir(bundle([]));
      const slots = book.free(serviceId, centreId, from, to).map((slot) => ({
        resourceType: 'Slot',
        id: slot.key,
        schedule: { reference: `Schedule/${serviceId}.${centreId}` },
        serviceType: [serviceConcept(serviceId)],
        status: 'free',
        start: fhirMadrid(slot.day, slot.time),
        end: fhirMadrid(slot.day, addMinutes(slot.time, service.durationMinutes)),
      }));
      return fhir(bundle(slots));
    }),

    http.post(`${api}/Appointment`, async ({ request }) => {
      const fault = await injectFault(faults, request);
      if (fault) return fault;
      const body = record(await readJson(request));
      const slotRef = String(first(body.slot).reference ?? '');
      const identifier = record(record(first(body.participant).actor).identifier);
      const service = codeOf(first(body.serviceType));
      if (body.resourceType !== 'Appointment' || body.status !== 'booked' || !slotRef.startsWith('Slot/')) {
        return outcome(400, 'invalid', 'an Appointment with status booked and a Slot reference is expected');
      }
      const nif = nifFromToken(`${String(identifier.system ?? '')}|${String(identifier.value ?? '')}`);
      const patient = nif ? sermasPatientByNif(nif) : undefined;
      if (!patient || !nif)
        return outcome(422, 'business-rule', 'the person is not a patient of this health service');
      const key = slotRef.slice('Slot/'.length);
      const slot = parseSlotKey(key);
      const book = books[service];
      if (!slot || !book || slot.serviceId !== service) {
        return outcome(409, 'conflict', 'the slot is no longer free');
      }
      if (slot.officeId !== patient.centre) {
        return outcome(422, 'business-rule', 'appointments are booked at the patient’s own health centre');
      }
      const result = book.book(nif, service, slot.officeId, key);
      if (!result.ok) return outcome(409, 'conflict', 'the slot is no longer free');
      return fhir(appointmentResource(result.booking), 201, {
        location: `${SERMAS_FHIR_PATH}/Appointment/${result.booking.id}/_history/1`,
      });
    }),

    http.patch(`${api}/Appointment`, async ({ request }) => {
      const fault = await injectFault(faults, request);
      if (fault) return fault;
      const query = new URL(request.url).searchParams;
      const id = query.get('_id') ?? '';
      const nif = nifFromToken(query.get('patient:identifier'));
      const patch = await readJson(request);
      const operation = Array.isArray(patch) ? record(patch[0]) : {};
      if (
        !nif ||
        !Array.isArray(patch) ||
        patch.length !== 1 ||
        operation.op !== 'replace' ||
        operation.path !== '/status' ||
        operation.value !== 'cancelled'
      ) {
        return outcome(400, 'invalid', 'a JSON Patch replacing /status with "cancelled" is expected');
      }
      const book = bookOfId(id);
      const current = book?.find(nif, id);
      if (!book || !current) return outcome(404, 'not-found', 'no such appointment');
      if (current.status === 'attended' || current.status === 'missed') {
        return outcome(422, 'business-rule', 'a past appointment cannot be cancelled');
      }
      const result = book.cancel(nif, id);
      if (!result.ok) return outcome(404, 'not-found', 'no such appointment');
      return fhir(appointmentResource(result.booking));
    }),
  ];
}

/** Every patient the simulated health service knows (for tests). */
export const SERMAS_PATIENT_NIFS: readonly string[] = SERMAS_PATIENTS.map((patient) => patient.nif);
