import { HttpResponse, http, type HttpHandler } from 'msw';
import { createFaultController, type FaultController, faultControlHandlers, injectFault } from '../faults.ts';
import {
  createDgpSeed,
  DGP_BOOK_OFFICES,
  DGP_BOOK_SERVICES,
  DGP_OFFICES,
  DGP_SEED_APPOINTMENTS,
  DGP_SERVICES,
  type DgpAppointment,
  type DgpApptState,
  type DgpError,
} from './dgp-data.ts';
import { addMinutes, type Booking, type BookOutcome, createSlotBook, type SlotBook } from './slot-book.ts';

export * from './dgp-data.ts';

/**
 * A simulated DGP (national police: identity card, passport, foreigners' cards), answering in its
 * own JSON ({ result: "OK", data } or { result: "ERROR", error: { code, text } }):
 *
 *   GET    {base}/dgp/api/v1/citizens/{nif}/documents                                → data.documents
 *   GET    {base}/dgp/api/v1/appointment-services                                    → data.services
 *   GET    {base}/dgp/api/v1/appointment-services/{code}/offices                     → data.offices
 *   GET    {base}/dgp/api/v1/appointment-services/{code}/offices/{office}/slots?from=yyyy-MM-dd&to=yyyy-MM-dd
 *   GET    {base}/dgp/api/v1/citizens/{nif}/appointments                             → data.appointments
 *   POST   {base}/dgp/api/v1/citizens/{nif}/appointments { service, office, slotRef } → 201 data.appointment
 *   PUT    {base}/dgp/api/v1/citizens/{nif}/appointments/{ref} { service, office, slotRef }
 *   DELETE {base}/dgp/api/v1/citizens/{nif}/appointments/{ref}                       (idempotent)
 *   errors: BAD_REQUEST 400, NOT_FOUND 404, SLOT_UNAVAILABLE 409, APPOINTMENT_CANCELLED 409
 *   POST {base}/__control/reset (faults and data as seeded), POST {base}/__control/appointments/reset
 */
export const DGP_API_PATH = '/dgp/api/v1';

export interface DgpHandlerOptions {
  now?: Date;
  baseUrl?: string;
  faults?: FaultController;
}

// People (NIF/NIE) and companies (CIF): a company simply has no identity documents.
const NIF_PATTERN = /^(?:[0-9XYZ][0-9]{7}[A-Z]|[ABCDEFGHJKLMNPQRSUVW][0-9]{7}[0-9A-J])$/;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function error(status: number, code: string, text: string) {
  return HttpResponse.json<DgpError>({ result: 'ERROR', error: { code, text } }, { status });
}
const ok = (data: unknown, status = 200) => HttpResponse.json({ result: 'OK', data }, { status });

const STATE: Record<Booking['status'], DgpApptState> = {
  booked: 'CONF',
  cancelled: 'CANC',
  attended: 'DONE',
  missed: 'NOSH',
};

export function createDgpBook(now: Date): SlotBook {
  return createSlotBook(now, {
    services: DGP_BOOK_SERVICES,
    offices: DGP_BOOK_OFFICES,
    bookings: DGP_SEED_APPOINTMENTS,
    idPrefix: 'DGP-W-',
    reference: (n) => `DNIE-W${String(n).padStart(5, '0')}`,
  });
}

const publicOffice = ({ code, name, address }: (typeof DGP_OFFICES)[number]) => ({
  code,
  name,
  address: { ...address },
});

function toAppointment(booking: Booking): DgpAppointment {
  const service = DGP_SERVICES.find((s) => s.code === booking.serviceId);
  const office = DGP_OFFICES.find((o) => o.code === booking.officeId);
  if (!service || !office) throw new Error(`inconsistent DGP booking ${booking.id}`);
  return {
    ref: booking.id,
    locator: booking.reference,
    service: { ...service },
    office: publicOffice(office),
    start: `${booking.day}T${booking.time}:00`,
    end: `${booking.day}T${addMinutes(booking.time, service.minutes)}:00`,
    st: STATE[booking.status],
  };
}

function outcome(result: BookOutcome, status = 200): Response {
  if (result.ok) return ok({ appointment: toAppointment(result.booking) }, status);
  switch (result.error) {
    case 'slot-taken':
    case 'no-such-slot':
      return error(409, 'SLOT_UNAVAILABLE', 'The requested slot is no longer available.');
    case 'no-such-booking':
      return error(404, 'NOT_FOUND', 'Appointment not found.');
    case 'booking-cancelled':
      return error(409, 'APPOINTMENT_CANCELLED', 'The appointment was cancelled.');
    case 'wrong-service':
      return error(400, 'BAD_REQUEST', 'The service does not match the appointment.');
  }
}

async function readChoice(
  request: Request,
): Promise<{ service: string; office: string; slotRef: string } | null> {
  try {
    const { service, office, slotRef } = (await request.json()) as Record<string, unknown>;
    if (typeof service !== 'string' || typeof office !== 'string' || typeof slotRef !== 'string') return null;
    return { service, office, slotRef };
  } catch {
    return null;
  }
}

export function dgpHandlers(options: DgpHandlerOptions = {}): HttpHandler[] {
  const base = (options.baseUrl ?? '*').replace(/\/$/, '');
  const faults = options.faults ?? createFaultController();
  const now = options.now ?? new Date();
  let documents = createDgpSeed(now);
  let book = createDgpBook(now);
  const api = `${base}${DGP_API_PATH}`;

  const nifOf = (raw: unknown): string | Response => {
    const nif = String(raw).toUpperCase();
    return NIF_PATTERN.test(nif) ? nif : error(400, 'BAD_REQUEST', 'Invalid document number.');
  };

  return [
    // Tests and demos: the appointment book back to its seed (the last slots free again), faults kept.
    http.post(`${base}/__control/appointments/reset`, () => {
      book = createDgpBook(now);
      return HttpResponse.json({ ok: true });
    }),
    http.post(`${base}/__control/reset`, () => {
      documents = createDgpSeed(now);
      book = createDgpBook(now);
      return HttpResponse.json(faults.reset());
    }),
    ...faultControlHandlers(faults, base),

    http.get(`${api}/citizens/:nif/documents`, async ({ request, params }) => {
      const fault = await injectFault(faults, request);
      if (fault) return fault;
      const nif = nifOf(params.nif);
      if (nif instanceof Response) return nif;
      return ok({ documents: structuredClone(documents.get(nif) ?? []) });
    }),

    http.get(`${api}/appointment-services`, async ({ request }) => {
      const fault = await injectFault(faults, request);
      if (fault) return fault;
      return ok({ services: DGP_SERVICES });
    }),

    http.get(`${api}/appointment-services/:code/offices`, async ({ request, params }) => {
      const fault = await injectFault(faults, request);
      if (fault) return fault;
      const code = String(params.code);
      if (!book.service(code)) return error(404, 'NOT_FOUND', 'Unknown service.');
      return ok({ offices: DGP_OFFICES.filter((o) => o.services.includes(code)).map(publicOffice) });
    }),

    http.get(`${api}/appointment-services/:code/offices/:office/slots`, async ({ request, params }) => {
      const fault = await injectFault(faults, request);
      if (fault) return fault;
      const code = String(params.code);
      const officeCode = String(params.office);
      const service = book.service(code);
      const office = book.office(officeCode);
      if (!service || !office?.services.includes(code)) {
        return error(404, 'NOT_FOUND', 'The office does not offer this service.');
      }
      const query = new URL(request.url).searchParams;
      const from = query.get('from') ?? '';
      const to = query.get('to') ?? '';
      if (!DAY_PATTERN.test(from) || !DAY_PATTERN.test(to)) {
        return error(400, 'BAD_REQUEST', 'from and to must be yyyy-MM-dd.');
      }
      const slots = book.free(code, officeCode, from, to).map((slot) => ({
        slotRef: slot.key,
        start: `${slot.day}T${slot.time}:00`,
        end: `${slot.day}T${addMinutes(slot.time, service.durationMinutes)}:00`,
      }));
      return ok({ slots });
    }),

    http.get(`${api}/citizens/:nif/appointments`, async ({ request, params }) => {
      const fault = await injectFault(faults, request);
      if (fault) return fault;
      const nif = nifOf(params.nif);
      if (nif instanceof Response) return nif;
      return ok({ appointments: book.bookingsOf(nif).map(toAppointment) });
    }),

    http.post(`${api}/citizens/:nif/appointments`, async ({ request, params }) => {
      const fault = await injectFault(faults, request);
      if (fault) return fault;
      const nif = nifOf(params.nif);
      if (nif instanceof Response) return nif;
      const choice = await readChoice(request);
      if (!choice) return error(400, 'BAD_REQUEST', 'service, office and slotRef are required.');
      return outcome(book.book(nif, choice.service, choice.office, choice.slotRef), 201);
    }),

    http.put(`${api}/citizens/:nif/appointments/:ref`, async ({ request, params }) => {
      const fault = await injectFault(faults, request);
      if (fault) return fault;
      const nif = nifOf(params.nif);
      if (nif instanceof Response) return nif;
      const choice = await readChoice(request);
      if (!choice) return error(400, 'BAD_REQUEST', 'service, office and slotRef are required.');
      return outcome(book.reschedule(nif, String(params.ref), choice.service, choice.office, choice.slotRef));
    }),

    http.delete(`${api}/citizens/:nif/appointments/:ref`, async ({ request, params }) => {
      const fault = await injectFault(faults, request);
      if (fault) return fault;
      const nif = nifOf(params.nif);
      if (nif instanceof Response) return nif;
      return outcome(book.cancel(nif, String(params.ref)));
    }),
  ];
}
