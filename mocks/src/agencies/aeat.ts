import { HttpResponse, http, type HttpHandler } from 'msw';
import { createFaultController, type FaultController, faultControlHandlers, injectFault } from '../faults.ts';
import {
  AEAT_BOOK_OFFICES,
  AEAT_BOOK_SERVICES,
  AEAT_OFICINAS,
  AEAT_SEED_CITAS,
  AEAT_SERVICIOS,
  type AeatCita,
  type AeatDetalleExpediente,
  type AeatError,
  type AeatHueco,
  type AeatListaExpedientes,
  type AeatSituacionCita,
  aeatWallClock,
  createAeatSeed,
} from './aeat-data.ts';
import { addMinutes, type Booking, type BookOutcome, createSlotBook, type SlotBook } from './slot-book.ts';

export * from './aeat-data.ts';

/**
 * A simulated AEAT (the tax agency), answering in its own JSON:
 *
 *   GET    {base}/aeat/sede/api/v1/contribuyentes/{nif}/expedientes              → AeatListaExpedientes
 *   GET    {base}/aeat/sede/api/v1/contribuyentes/{nif}/expedientes/{num}        → AeatDetalleExpediente
 *   GET    {base}/aeat/cita/api/v1/servicios                                     → { servicios }
 *   GET    {base}/aeat/cita/api/v1/servicios/{cod}/oficinas                      → { oficinas }
 *   GET    {base}/aeat/cita/api/v1/servicios/{cod}/oficinas/{of}/huecos?desde=yyyyMMdd&hasta=yyyyMMdd
 *   GET    {base}/aeat/cita/api/v1/contribuyentes/{nif}/citas                    → { citas }
 *   POST   {base}/aeat/cita/api/v1/contribuyentes/{nif}/citas { codServicio, codOficina, idHueco }
 *   PUT    {base}/aeat/cita/api/v1/contribuyentes/{nif}/citas/{idCita} { codServicio, codOficina, idHueco }
 *   DELETE {base}/aeat/cita/api/v1/contribuyentes/{nif}/citas/{idCita}            (idempotent)
 *   errors → AeatError { codRespuesta, descRespuesta }: E400, E404, C409 (hueco ocupado), C410 (anulada)
 *
 * A contribuyente unknown to the agency has no files and no appointments (an empty list).
 * POST /__control/reset restores faults, files and the appointment book as seeded;
 * POST /__control/appointments/reset only the appointment book.
 */
export const AEAT_SEDE_PATH = '/aeat/sede/api/v1';
export const AEAT_CITA_PATH = '/aeat/cita/api/v1';

export interface AeatHandlerOptions {
  now?: Date;
  baseUrl?: string;
  faults?: FaultController;
}

const NIF_PATTERN = /^(?:[0-9XYZ][0-9]{7}[A-Z]|[ABCDEFGHJKLMNPQRSUVW][0-9]{7}[0-9A-J])$/;
const DAY_PATTERN = /^(\d{4})(\d{2})(\d{2})$/;

function ko(status: number, codRespuesta: string, descRespuesta: string) {
  return HttpResponse.json<AeatError>({ codRespuesta, descRespuesta }, { status });
}

const SITUACION: Record<Booking['status'], AeatSituacionCita> = {
  booked: 'RESERVADA',
  cancelled: 'ANULADA',
  attended: 'ATENDIDA',
  missed: 'NO_PRESENTADO',
};

export function createAeatBook(now: Date): SlotBook {
  return createSlotBook(now, {
    services: AEAT_BOOK_SERVICES,
    offices: AEAT_BOOK_OFFICES,
    bookings: AEAT_SEED_CITAS,
    idPrefix: 'AC-2026-2',
    reference: (n) => `LW${String(n).padStart(6, '0')}AE`,
  });
}

function toCita(booking: Booking): AeatCita {
  const servicio = AEAT_SERVICIOS.find((s) => s.codServicio === booking.serviceId);
  const oficina = AEAT_OFICINAS.find((o) => o.codOficina === booking.officeId);
  if (!servicio || !oficina) throw new Error(`inconsistent AEAT booking ${booking.id}`);
  return {
    idCita: booking.id,
    localizador: booking.reference,
    servicio: { ...servicio },
    oficina: {
      codOficina: oficina.codOficina,
      nombreOficina: oficina.nombreOficina,
      domicilio: oficina.domicilio,
    },
    fechaHoraCita: aeatWallClock(booking.day, booking.time),
    fechaHoraFin: aeatWallClock(booking.day, addMinutes(booking.time, servicio.duracionMin)),
    situacionCita: SITUACION[booking.status],
  };
}

async function readChoice(
  request: Request,
): Promise<{ codServicio: string; codOficina: string; idHueco: string } | null> {
  try {
    const body = (await request.json()) as Record<string, unknown>;
    const { codServicio, codOficina, idHueco } = body;
    if (typeof codServicio !== 'string' || typeof codOficina !== 'string' || typeof idHueco !== 'string')
      return null;
    return { codServicio, codOficina, idHueco };
  } catch {
    return null;
  }
}

function outcome(result: BookOutcome, status = 200): Response {
  if (result.ok) return HttpResponse.json({ codRespuesta: '0000', cita: toCita(result.booking) }, { status });
  switch (result.error) {
    case 'slot-taken':
      return ko(409, 'C409', 'El hueco seleccionado ya ha sido reservado por otro contribuyente.');
    case 'no-such-slot':
      return ko(409, 'C409', 'El hueco seleccionado no está disponible.');
    case 'no-such-booking':
      return ko(404, 'E404', 'No existe la cita indicada.');
    case 'booking-cancelled':
      return ko(409, 'C410', 'La cita está anulada y no puede modificarse.');
    case 'wrong-service':
      return ko(400, 'E400', 'El servicio no coincide con el de la cita.');
  }
}

/** The simulated tax agency's MSW handlers (data endpoints with fault injection, and /__control). */
export function aeatHandlers(options: AeatHandlerOptions = {}): HttpHandler[] {
  const base = (options.baseUrl ?? '*').replace(/\/$/, '');
  const faults = options.faults ?? createFaultController();
  const now = options.now ?? new Date();
  let files = createAeatSeed(now);
  let book = createAeatBook(now);

  const nifOf = (raw: unknown): string | Response => {
    const nif = String(raw).toUpperCase();
    return NIF_PATTERN.test(nif) ? nif : ko(400, 'E400', 'El NIF del contribuyente no es válido.');
  };

  return [
    // Tests and demos: the appointment book back to its seed (the last slots free again), faults kept.
    http.post(`${base}/__control/appointments/reset`, () => {
      book = createAeatBook(now);
      return HttpResponse.json({ ok: true });
    }),
    http.post(`${base}/__control/reset`, () => {
      files = createAeatSeed(now);
      book = createAeatBook(now);
      return HttpResponse.json(faults.reset());
    }),
    ...faultControlHandlers(faults, base),

    http.get(`${base}${AEAT_SEDE_PATH}/contribuyentes/:nif/expedientes`, async ({ request, params }) => {
      const fault = await injectFault(faults, request);
      if (fault) return fault;
      const nif = nifOf(params.nif);
      if (nif instanceof Response) return nif;
      const expedientes = structuredClone(files.get(nif) ?? []);
      return HttpResponse.json<AeatListaExpedientes>({
        codRespuesta: '0000',
        numRegistros: expedientes.length,
        expedientes,
      });
    }),

    http.get(`${base}${AEAT_SEDE_PATH}/contribuyentes/:nif/expedientes/:num`, async ({ request, params }) => {
      const fault = await injectFault(faults, request);
      if (fault) return fault;
      const nif = nifOf(params.nif);
      if (nif instanceof Response) return nif;
      const expediente = files.get(nif)?.find((candidate) => candidate.numExpediente === String(params.num));
      if (!expediente) return ko(404, 'E404', 'No existe el expediente indicado para este contribuyente.');
      return HttpResponse.json<AeatDetalleExpediente>({
        codRespuesta: '0000',
        expediente: structuredClone(expediente),
      });
    }),

    http.get(`${base}${AEAT_CITA_PATH}/servicios`, async ({ request }) => {
      const fault = await injectFault(faults, request);
      if (fault) return fault;
      return HttpResponse.json({ codRespuesta: '0000', servicios: AEAT_SERVICIOS });
    }),

    http.get(`${base}${AEAT_CITA_PATH}/servicios/:cod/oficinas`, async ({ request, params }) => {
      const fault = await injectFault(faults, request);
      if (fault) return fault;
      const cod = String(params.cod);
      if (!book.service(cod)) return ko(404, 'E404', 'No existe el servicio indicado.');
      const oficinas = AEAT_OFICINAS.filter((o) => o.servicios.includes(cod)).map(
        ({ codOficina, nombreOficina, domicilio }) => ({ codOficina, nombreOficina, domicilio }),
      );
      return HttpResponse.json({ codRespuesta: '0000', oficinas });
    }),

    http.get(`${base}${AEAT_CITA_PATH}/servicios/:cod/oficinas/:of/huecos`, async ({ request, params }) => {
      const fault = await injectFault(faults, request);
      if (fault) return fault;
      const cod = String(params.cod);
      const of = String(params.of);
      const service = book.service(cod);
      const office = book.office(of);
      if (!service || !office?.services.includes(cod)) {
        return ko(404, 'E404', 'El servicio no se presta en la oficina indicada.');
      }
      const query = new URL(request.url).searchParams;
      const desde = DAY_PATTERN.exec(query.get('desde') ?? '');
      const hasta = DAY_PATTERN.exec(query.get('hasta') ?? '');
      if (!desde || !hasta)
        return ko(400, 'E400', 'Los parámetros desde y hasta son obligatorios (aaaammdd).');
      const huecos: AeatHueco[] = book
        .free(cod, of, `${desde[1]}-${desde[2]}-${desde[3]}`, `${hasta[1]}-${hasta[2]}-${hasta[3]}`)
        .map((slot) => ({
          idHueco: slot.key,
          fechaHoraInicio: aeatWallClock(slot.day, slot.time),
          fechaHoraFin: aeatWallClock(slot.day, addMinutes(slot.time, service.durationMinutes)),
        }));
      return HttpResponse.json({ codRespuesta: '0000', huecos });
    }),

    http.get(`${base}${AEAT_CITA_PATH}/contribuyentes/:nif/citas`, async ({ request, params }) => {
      const fault = await injectFault(faults, request);
      if (fault) return fault;
      const nif = nifOf(params.nif);
      if (nif instanceof Response) return nif;
      return HttpResponse.json({ codRespuesta: '0000', citas: book.bookingsOf(nif).map(toCita) });
    }),

    http.post(`${base}${AEAT_CITA_PATH}/contribuyentes/:nif/citas`, async ({ request, params }) => {
      const fault = await injectFault(faults, request);
      if (fault) return fault;
      const nif = nifOf(params.nif);
      if (nif instanceof Response) return nif;
      const choice = await readChoice(request);
      if (!choice) return ko(400, 'E400', 'Indique codServicio, codOficina e idHueco.');
      return outcome(book.book(nif, choice.codServicio, choice.codOficina, choice.idHueco), 201);
    }),

    http.put(`${base}${AEAT_CITA_PATH}/contribuyentes/:nif/citas/:id`, async ({ request, params }) => {
      const fault = await injectFault(faults, request);
      if (fault) return fault;
      const nif = nifOf(params.nif);
      if (nif instanceof Response) return nif;
      const choice = await readChoice(request);
      if (!choice) return ko(400, 'E400', 'Indique codServicio, codOficina e idHueco.');
      return outcome(
        book.reschedule(nif, String(params.id), choice.codServicio, choice.codOficina, choice.idHueco),
      );
    }),

    http.delete(`${base}${AEAT_CITA_PATH}/contribuyentes/:nif/citas/:id`, async ({ request, params }) => {
      const fault = await injectFault(faults, request);
      if (fault) return fault;
      const nif = nifOf(params.nif);
      if (nif instanceof Response) return nif;
      return outcome(book.cancel(nif, String(params.id)));
    }),
  ];
}
