import { HttpResponse, http, type HttpHandler } from 'msw';
import { createFaultController, type FaultController, faultControlHandlers, injectFault } from '../faults.ts';
import {
  type DgtCita,
  DGT_CITIZENS,
  type DgtError,
  type DgtEstadoCita,
  DGT_JEFATURAS,
  DGT_OFERTA,
  DGT_TRAMITES,
  dgtExpedientes,
  dgtSeedCitas,
  dgtSlots,
  dgtVigencias,
  slotEnd,
  slotStart,
} from './dgt-data.ts';
import {
  type Booking,
  type BookingDesk,
  type BookingOutcome,
  createBookingDesk,
  isoDay,
  madridDayFrom,
  NIF_PATTERN,
  nextWorkingDays,
  readJson,
} from './regional-common.ts';

export * from './dgt-data.ts';

/**
 * A simulated DGT (Dirección General de Tráfico) electronic office, in its own JSON style:
 *
 *   GET    {base}/dgt/sede/api/ciudadanos/{nif}/expedientes            → { RESULTADO, TOTAL, EXPEDIENTES }
 *   GET    {base}/dgt/sede/api/ciudadanos/{nif}/expedientes/{num}      → { RESULTADO, EXPEDIENTE }
 *   GET    {base}/dgt/sede/api/ciudadanos/{nif}/vigencias              → { RESULTADO, PERMISO, VEHICULOS }
 *   GET    {base}/dgt/sede/api/ciudadanos/{nif}/citas                  → { RESULTADO, CITAS }
 *   POST   {base}/dgt/sede/api/ciudadanos/{nif}/citas                  { COD_TRAMITE, COD_JEFATURA, ID_HUECO } → 201 { RESULTADO, CITA }
 *   PUT    {base}/dgt/sede/api/ciudadanos/{nif}/citas/{localizador}    { COD_JEFATURA, ID_HUECO } → { RESULTADO, CITA }
 *   DELETE {base}/dgt/sede/api/ciudadanos/{nif}/citas/{localizador}    → { RESULTADO, CITA } (idempotent)
 *   GET    {base}/dgt/sede/api/cita-previa/tramites                    → { RESULTADO, TRAMITES }
 *   GET    {base}/dgt/sede/api/cita-previa/tramites/{cod}/jefaturas    → { RESULTADO, JEFATURAS }
 *   GET    {base}/dgt/sede/api/cita-previa/tramites/{cod}/jefaturas/{jef}/huecos?desde=yyyy-MM-dd&hasta=yyyy-MM-dd
 *   errors → { RESULTADO: 'ERROR', COD_ERROR, MENSAJE } (400, 404, 409 HUECO_OCUPADO)
 *
 * A citizen the DGT does not know simply has empty lists.
 */
export const DGT_API_PATH = '/dgt/sede/api';

export interface DgtHandlerOptions {
  now?: Date;
  baseUrl?: string;
  faults?: FaultController;
}

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function error(status: number, COD_ERROR: DgtError['COD_ERROR'], MENSAJE: string) {
  return HttpResponse.json<DgtError>({ RESULTADO: 'ERROR', COD_ERROR, MENSAJE }, { status });
}

const ESTADO: Record<Booking['state'], DgtEstadoCita> = {
  booked: 'CONFIRMADA',
  cancelled: 'ANULADA',
  attended: 'ATENDIDA',
  missed: 'NO PRESENTADO',
};

export function dgtHandlers(options: DgtHandlerOptions = {}): HttpHandler[] {
  const base = `${(options.baseUrl ?? '*').replace(/\/$/, '')}${DGT_API_PATH}`;
  const faults = options.faults ?? createFaultController();
  const now = options.now ?? new Date();
  const slots = dgtSlots(now);
  const workingDays = nextWorkingDays(now, 20);

  /** The appointment book as seeded (again on POST /__control/appointments/reset). */
  function openDesk(): BookingDesk {
    const desk = createBookingDesk({
      slots,
      offers: (tramite, jefatura) => DGT_OFERTA[tramite]?.includes(jefatura) ?? false,
      referencePrefix: 'DGT-C-',
      firstNumber: 200_000,
    });
    for (const nif of DGT_CITIZENS) {
      for (const cita of dgtSeedCitas(nif)) {
        if (cita.slot) {
          const day = workingDays[cita.slot.dayIndex];
          const slot = slots.find(
            (candidate) =>
              candidate.officeId === cita.jefatura &&
              day !== undefined &&
              isoDay(candidate.day) === isoDay(day) &&
              candidate.start === cita.slot?.time,
          );
          if (!slot) throw new Error(`dgt seed: no slot for ${cita.localizador}`);
          desk.seed({
            reference: cita.localizador,
            holder: nif,
            serviceId: cita.tramite,
            officeId: cita.jefatura,
            slotId: slot.id,
            day: slot.day,
            start: slot.start,
            end: slot.end,
            state: 'booked',
          });
        } else if (cita.past) {
          const minutes =
            DGT_TRAMITES.find((tramite) => tramite.COD_TRAMITE === cita.tramite)?.DURACION_MINUTOS ?? 30;
          const [h = 9, m = 0] = cita.past.time.split(':').map(Number);
          const end = h * 60 + m + minutes;
          desk.seed({
            reference: cita.localizador,
            holder: nif,
            serviceId: cita.tramite,
            officeId: cita.jefatura,
            slotId: null,
            day: madridDayFrom(now, -cita.past.daysAgo),
            start: cita.past.time,
            end: `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`,
            state:
              cita.estado === 'ANULADA' ? 'cancelled' : cita.estado === 'ATENDIDA' ? 'attended' : 'missed',
            ...(cita.labels ? { labels: cita.labels } : {}),
          });
        }
      }
    }
    return desk;
  }
  let desk = openDesk();

  function toCita(booking: Booking): DgtCita {
    const tramite = DGT_TRAMITES.find((candidate) => candidate.COD_TRAMITE === booking.serviceId);
    const jefatura = DGT_JEFATURAS.find((candidate) => candidate.COD_JEFATURA === booking.officeId);
    const cita: DgtCita = {
      LOCALIZADOR: booking.reference,
      COD_TRAMITE: booking.serviceId,
      DESCRIPCION_TRAMITE: booking.labels?.service ?? tramite?.DESCRIPCION ?? booking.serviceId,
      DURACION_MINUTOS: tramite?.DURACION_MINUTOS ?? 30,
      COD_JEFATURA: booking.officeId,
      NOMBRE_JEFATURA: booking.labels?.office ?? jefatura?.NOMBRE ?? booking.officeId,
      DIRECCION_JEFATURA: booking.labels?.address ?? jefatura?.DIRECCION ?? '',
      FECHA_HORA_INICIO: `${isoDay(booking.day)} ${booking.start}`,
      FECHA_HORA_FIN: `${isoDay(booking.day)} ${booking.end}`,
      ESTADO: ESTADO[booking.state],
    };
    if (booking.slotId !== null) cita.ID_HUECO = booking.slotId;
    return cita;
  }

  function answer(outcome: BookingOutcome, status = 200) {
    if (outcome.ok) return HttpResponse.json({ RESULTADO: 'OK', CITA: toCita(outcome.booking) }, { status });
    switch (outcome.error) {
      case 'slot-taken':
        return error(409, 'HUECO_OCUPADO', 'El hueco seleccionado ya no está disponible. Elija otro.');
      case 'not-found':
        return error(404, 'NO_ENCONTRADO', 'No existe la cita indicada.');
      case 'cancelled':
        return error(409, 'CITA_ANULADA', 'La cita está anulada y no puede modificarse.');
      case 'bad-request':
        return error(400, 'PETICION_INCORRECTA', 'El trámite, la jefatura o el hueco no son válidos.');
    }
  }

  /** Fault first, then the NIF; answers a Response when the request ends here. */
  async function guard(request: Request, rawNif?: unknown): Promise<Response | string> {
    const fault = await injectFault(faults, request);
    if (fault) return fault;
    if (rawNif === undefined) return '';
    const nif = String(rawNif).toUpperCase();
    if (!NIF_PATTERN.test(nif))
      return error(400, 'PETICION_INCORRECTA', 'El NIF/NIE no tiene un formato válido.');
    return nif;
  }

  return [
    ...faultControlHandlers(faults, (options.baseUrl ?? '*').replace(/\/$/, '')),
    // Tests and demos: every appointment back to the seed (the last slots free again).
    http.post(`${(options.baseUrl ?? '*').replace(/\/$/, '')}/__control/appointments/reset`, () => {
      desk = openDesk();
      return HttpResponse.json({ ok: true });
    }),

    http.get(`${base}/ciudadanos/:nif/expedientes`, async ({ request, params }) => {
      const nif = await guard(request, params.nif);
      if (nif instanceof Response) return nif;
      const EXPEDIENTES = dgtExpedientes(nif, now);
      return HttpResponse.json({ RESULTADO: 'OK', TOTAL: EXPEDIENTES.length, EXPEDIENTES });
    }),

    http.get(`${base}/ciudadanos/:nif/expedientes/:num`, async ({ request, params }) => {
      const nif = await guard(request, params.nif);
      if (nif instanceof Response) return nif;
      const found = dgtExpedientes(nif, now).find((candidate) => candidate.NUM_EXPEDIENTE === params.num);
      if (!found) return error(404, 'NO_ENCONTRADO', 'No existe el expediente indicado.');
      return HttpResponse.json({ RESULTADO: 'OK', EXPEDIENTE: found });
    }),

    http.get(`${base}/ciudadanos/:nif/vigencias`, async ({ request, params }) => {
      const nif = await guard(request, params.nif);
      if (nif instanceof Response) return nif;
      return HttpResponse.json({ RESULTADO: 'OK', ...dgtVigencias(nif, now) });
    }),

    http.get(`${base}/ciudadanos/:nif/citas`, async ({ request, params }) => {
      const nif = await guard(request, params.nif);
      if (nif instanceof Response) return nif;
      return HttpResponse.json({ RESULTADO: 'OK', CITAS: desk.list(nif).map(toCita) });
    }),

    http.post(`${base}/ciudadanos/:nif/citas`, async ({ request, params }) => {
      const nif = await guard(request, params.nif);
      if (nif instanceof Response) return nif;
      const body = (await readJson(request)) as Record<string, unknown> | undefined;
      const { COD_TRAMITE, COD_JEFATURA, ID_HUECO } = body ?? {};
      if (
        typeof COD_TRAMITE !== 'string' ||
        typeof COD_JEFATURA !== 'string' ||
        typeof ID_HUECO !== 'string'
      ) {
        return error(400, 'PETICION_INCORRECTA', 'Faltan COD_TRAMITE, COD_JEFATURA o ID_HUECO.');
      }
      // From here to the answer nothing awaits: checking and taking the slot is one step.
      return answer(desk.create(nif, COD_TRAMITE, COD_JEFATURA, ID_HUECO), 201);
    }),

    http.put(`${base}/ciudadanos/:nif/citas/:localizador`, async ({ request, params }) => {
      const nif = await guard(request, params.nif);
      if (nif instanceof Response) return nif;
      const body = (await readJson(request)) as Record<string, unknown> | undefined;
      const { COD_JEFATURA, ID_HUECO } = body ?? {};
      if (typeof COD_JEFATURA !== 'string' || typeof ID_HUECO !== 'string') {
        return error(400, 'PETICION_INCORRECTA', 'Faltan COD_JEFATURA o ID_HUECO.');
      }
      return answer(desk.reschedule(nif, String(params.localizador), COD_JEFATURA, ID_HUECO));
    }),

    http.delete(`${base}/ciudadanos/:nif/citas/:localizador`, async ({ request, params }) => {
      const nif = await guard(request, params.nif);
      if (nif instanceof Response) return nif;
      return answer(desk.cancel(nif, String(params.localizador)));
    }),

    http.get(`${base}/cita-previa/tramites`, async ({ request }) => {
      const fault = await guard(request);
      if (fault instanceof Response) return fault;
      return HttpResponse.json({ RESULTADO: 'OK', TRAMITES: DGT_TRAMITES });
    }),

    http.get(`${base}/cita-previa/tramites/:cod/jefaturas`, async ({ request, params }) => {
      const fault = await guard(request);
      if (fault instanceof Response) return fault;
      const offices = DGT_OFERTA[String(params.cod)];
      if (!offices) return error(404, 'NO_ENCONTRADO', 'No existe el trámite indicado.');
      return HttpResponse.json({
        RESULTADO: 'OK',
        JEFATURAS: DGT_JEFATURAS.filter((jefatura) => offices.includes(jefatura.COD_JEFATURA)),
      });
    }),

    http.get(`${base}/cita-previa/tramites/:cod/jefaturas/:jef/huecos`, async ({ request, params }) => {
      const fault = await guard(request);
      if (fault instanceof Response) return fault;
      const url = new URL(request.url);
      const desde = url.searchParams.get('desde') ?? isoDay(madridDayFrom(now, 0));
      const hasta = url.searchParams.get('hasta') ?? isoDay(madridDayFrom(now, 40));
      if (!DAY_PATTERN.test(desde) || !DAY_PATTERN.test(hasta)) {
        return error(400, 'PETICION_INCORRECTA', 'Las fechas deben tener el formato aaaa-mm-dd.');
      }
      const cod = String(params.cod);
      const jef = String(params.jef);
      if (!DGT_OFERTA[cod]?.includes(jef))
        return error(404, 'NO_ENCONTRADO', 'La jefatura no ofrece este trámite.');
      const HUECOS = desk.freeSlots(cod, jef, desde, hasta).map((slot) => ({
        ID_HUECO: slot.id,
        FECHA_HORA_INICIO: slotStart(slot),
        FECHA_HORA_FIN: slotEnd(slot),
      }));
      return HttpResponse.json({ RESULTADO: 'OK', HUECOS });
    }),
  ];
}
