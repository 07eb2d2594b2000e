import { HttpResponse, http, type HttpHandler } from 'msw';
import { createFaultController, type FaultController, faultControlHandlers, injectFault } from '../faults.ts';
import {
  findEntidad,
  knowsCitizen,
  MUNICIPAL_CITIZENS,
  MUNICIPAL_ENTIDADES,
  MUNICIPAL_SERVICIOS,
  type MunicipalCita,
  type MunicipalEntidad,
  type MunicipalError,
  municipalExpedientes,
  municipalSeedCitas,
  municipalSlots,
  slotInstant,
} from './municipal-data.ts';
import {
  addMinutes,
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

import {
  CERTIFICADO_FINALIDADES,
  CERTIFICADO_TIPOS,
  createCertificateRegistry,
  type MunicipalCertificadoTipo,
  type MunicipalFinalidad,
  municipalInscripcion,
  municipalRecibos,
} from './municipal-tributos.ts';

export * from './municipal-data.ts';
export * from './municipal-tributos.ts';

/**
 * A simulated municipal e-government platform serving several city councils ("entidades"), each
 * addressed by its INE or DIR3 code:
 *
 *   GET    {base}/plataforma/v1/entidades/{e}/ciudadanos/{nif}/expedientes[/{id}]
 *   GET    {base}/plataforma/v1/entidades/{e}/ciudadanos/{nif}/citas
 *   POST   {base}/plataforma/v1/entidades/{e}/ciudadanos/{nif}/citas        { servicio, oficina, franja }
 *   PUT    {base}/plataforma/v1/entidades/{e}/ciudadanos/{nif}/citas/{id}   { oficina, franja }
 *   DELETE {base}/plataforma/v1/entidades/{e}/ciudadanos/{nif}/citas/{id}   (idempotent)
 *   GET    {base}/plataforma/v1/entidades/{e}/cita-previa/servicios[/{s}/oficinas[/{o}/disponibilidad?desde&hasta]]
 *   GET    {base}/plataforma/v1/entidades/{e}/ciudadanos/{nif}/recibos            (municipal taxes)
 *   GET    {base}/plataforma/v1/entidades/{e}/ciudadanos/{nif}/padron             (census registration)
 *   GET    {base}/plataforma/v1/entidades/{e}/ciudadanos/{nif}/padron/certificados
 *   POST   {base}/plataforma/v1/entidades/{e}/ciudadanos/{nif}/padron/certificados { tipo, finalidad }
 *   GET    {base}/plataforma/v1/entidades/{e}/ciudadanos/{nif}/padron/certificados/{id}/documento (PDF)
 *   answers { datos, ... }; errors { error: { codigo, mensaje } } (400, 404, 409 FRANJA_OCUPADA)
 *
 * A citizen the council does not know → 404 CIUDADANO_DESCONOCIDO; an unknown council → 404
 * ENTIDAD_NO_ADHERIDA; a person not registered in the council's census → 404 NO_EMPADRONADO.
 */
export const MUNICIPAL_API_PATH = '/plataforma/v1';

export interface MunicipalHandlerOptions {
  now?: Date;
  baseUrl?: string;
  faults?: FaultController;
}

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function error(status: number, codigo: MunicipalError['error']['codigo'], mensaje: string) {
  return HttpResponse.json<MunicipalError>({ error: { codigo, mensaje } }, { status });
}

const ESTADO: Record<Booking['state'], MunicipalCita['estado']> = {
  booked: 'RESERVADA',
  cancelled: 'ANULADA',
  attended: 'ATENDIDA',
  missed: 'NO_PRESENTADO',
};

function servicio(codigo: string) {
  return MUNICIPAL_SERVICIOS.find((candidate) => candidate.codigo === codigo);
}

export function municipalHandlers(options: MunicipalHandlerOptions = {}): HttpHandler[] {
  const origin = (options.baseUrl ?? '*').replace(/\/$/, '');
  const base = `${origin}${MUNICIPAL_API_PATH}/entidades/:entidad`;
  const faults = options.faults ?? createFaultController();
  const now = options.now ?? new Date();
  const workingDays = nextWorkingDays(now, 20);

  const certificates = createCertificateRegistry(() => now);
  const desks = new Map<string, BookingDesk>();
  /** Every council's appointment book as seeded (again on POST /__control/appointments/reset). */
  function openDesks() {
    for (const [index, entidad] of MUNICIPAL_ENTIDADES.entries()) {
      const slots = municipalSlots(entidad, now);
      const desk = createBookingDesk({
        slots,
        // Every office of the council offers every service.
        offers: (codigo, oficina) =>
          servicio(codigo) !== undefined &&
          entidad.oficinas.some((candidate) => candidate.codigo === oficina),
        referencePrefix: `${entidad.ine}-C`,
        firstNumber: 10_000 * (index + 1),
      });
      for (const nif of MUNICIPAL_CITIZENS) {
        for (const cita of municipalSeedCitas(entidad.ine, nif)) {
          const minutes = servicio(cita.servicio)?.duracionMinutos ?? 15;
          if (cita.slot) {
            const day = workingDays[cita.slot.dayIndex];
            const slot = slots.find(
              (candidate) =>
                candidate.officeId === cita.oficina &&
                day !== undefined &&
                isoDay(candidate.day) === isoDay(day) &&
                candidate.start === cita.slot?.time,
            );
            if (!slot) throw new Error(`municipal seed: no slot for ${cita.localizador}`);
            desk.seed({
              reference: cita.localizador,
              holder: nif,
              serviceId: cita.servicio,
              officeId: cita.oficina,
              slotId: slot.id,
              day: slot.day,
              start: slot.start,
              end: slot.end,
              state: 'booked',
            });
          } else if (cita.past) {
            desk.seed({
              reference: cita.localizador,
              holder: nif,
              serviceId: cita.servicio,
              officeId: cita.oficina,
              slotId: null,
              day: madridDayFrom(now, -cita.past.daysAgo),
              start: cita.past.time,
              end: addMinutes(cita.past.time, minutes),
              state:
                cita.estado === 'ANULADA' ? 'cancelled' : cita.estado === 'ATENDIDA' ? 'attended' : 'missed',
              ...(cita.labels ? { labels: cita.labels } : {}),
            });
          }
        }
      }
      desks.set(entidad.ine, desk);
    }
  }
  openDesks();

  function toCita(entidad: MunicipalEntidad, booking: Booking): MunicipalCita {
    const service = servicio(booking.serviceId);
    const office = entidad.oficinas.find((candidate) => candidate.codigo === booking.officeId);
    return {
      // The platform's id and the locator the citizen quotes are the same here.
      id: booking.reference,
      localizador: booking.reference,
      servicio: {
        codigo: booking.serviceId,
        nombre: booking.labels?.service ?? service?.nombre ?? booking.serviceId,
        duracionMinutos: service?.duracionMinutos ?? 15,
      },
      oficina: {
        codigo: booking.officeId,
        nombre: booking.labels?.office ?? office?.nombre ?? booking.officeId,
        direccion: booking.labels?.address ?? office?.direccion ?? '',
      },
      inicio: slotInstant(booking.day, booking.start),
      fin: slotInstant(booking.day, booking.end),
      estado: ESTADO[booking.state],
    };
  }

  function answer(entidad: MunicipalEntidad, outcome: BookingOutcome, status = 200) {
    if (outcome.ok) return HttpResponse.json({ datos: toCita(entidad, outcome.booking) }, { status });
    switch (outcome.error) {
      case 'slot-taken':
        return error(409, 'FRANJA_OCUPADA', 'La franja horaria ya ha sido reservada por otra persona.');
      case 'not-found':
        return error(404, 'NO_ENCONTRADO', 'No existe la cita indicada.');
      case 'cancelled':
        return error(409, 'CITA_ANULADA', 'La cita está anulada.');
      case 'bad-request':
        return error(400, 'PETICION_INCORRECTA', 'Servicio, oficina o franja no válidos.');
    }
  }

  type Context = { entidad: MunicipalEntidad; desk: BookingDesk; nif: string };

  /** Fault, council and (when given) citizen; a Response when the request ends here. */
  async function guard(
    request: Request,
    params: Record<string, unknown>,
    withNif: boolean,
  ): Promise<Context | Response> {
    const fault = await injectFault(faults, request);
    if (fault) return fault;
    const entidad = findEntidad(String(params.entidad));
    if (!entidad) return error(404, 'ENTIDAD_NO_ADHERIDA', 'La entidad no está adherida a la plataforma.');
    const desk = desks.get(entidad.ine) as BookingDesk;
    if (!withNif) return { entidad, desk, nif: '' };
    const nif = String(params.nif).toUpperCase();
    if (!NIF_PATTERN.test(nif)) return error(400, 'PETICION_INCORRECTA', 'El NIF/NIE no es válido.');
    return { entidad, desk, nif };
  }

  const unknownCitizen = () => error(404, 'CIUDADANO_DESCONOCIDO', 'La persona no consta en esta entidad.');
  const notRegistered = () =>
    error(404, 'NO_EMPADRONADO', 'La persona no figura inscrita en el padrón de este municipio.');

  return [
    ...faultControlHandlers(faults, origin),
    // Tests and demos: every appointment back to the seed (the last slots free again).
    http.post(`${origin}/__control/appointments/reset`, () => {
      openDesks();
      return HttpResponse.json({ ok: true });
    }),

    http.post(`${origin}/__control/certificates/reset`, () => {
      certificates.reset();
      return HttpResponse.json({ ok: true });
    }),

    http.get(`${base}/ciudadanos/:nif/recibos`, async ({ request, params }) => {
      const context = await guard(request, params, true);
      if (context instanceof Response) return context;
      const datos = municipalRecibos(context.entidad, context.nif, now);
      if (datos.length === 0 && !knowsCitizen(context.entidad.ine, context.nif)) return unknownCitizen();
      return HttpResponse.json({
        entidad: { codigo: context.entidad.ine, dir3: context.entidad.dir3, nombre: context.entidad.nombre },
        datos,
      });
    }),

    http.get(`${base}/ciudadanos/:nif/padron`, async ({ request, params }) => {
      const context = await guard(request, params, true);
      if (context instanceof Response) return context;
      const inscripcion = municipalInscripcion(context.entidad.ine, context.nif);
      if (!inscripcion) return notRegistered();
      const { convivientes, ...rest } = inscripcion;
      return HttpResponse.json({ datos: { ...rest, personasInscritas: convivientes.length } });
    }),

    http.get(`${base}/ciudadanos/:nif/padron/certificados`, async ({ request, params }) => {
      const context = await guard(request, params, true);
      if (context instanceof Response) return context;
      if (!municipalInscripcion(context.entidad.ine, context.nif)) return notRegistered();
      return HttpResponse.json({ datos: certificates.list(context.entidad.ine, context.nif) });
    }),

    http.post(`${base}/ciudadanos/:nif/padron/certificados`, async ({ request, params }) => {
      const context = await guard(request, params, true);
      if (context instanceof Response) return context;
      const body = (await readJson(request)) as Record<string, unknown> | undefined;
      const tipo = body?.tipo;
      const finalidad = body?.finalidad;
      if (
        !CERTIFICADO_TIPOS.includes(tipo as MunicipalCertificadoTipo) ||
        !CERTIFICADO_FINALIDADES.includes(finalidad as MunicipalFinalidad)
      ) {
        return error(400, 'PETICION_INCORRECTA', 'Tipo o finalidad del certificado no válidos.');
      }
      if (!municipalInscripcion(context.entidad.ine, context.nif)) return notRegistered();
      const datos = certificates.issue(
        context.entidad.ine,
        context.nif,
        tipo as MunicipalCertificadoTipo,
        finalidad as MunicipalFinalidad,
      );
      return HttpResponse.json({ datos }, { status: 201 });
    }),

    http.get(`${base}/ciudadanos/:nif/padron/certificados/:id/documento`, async ({ request, params }) => {
      const context = await guard(request, params, true);
      if (context instanceof Response) return context;
      const certificate = certificates.find(context.entidad.ine, context.nif, String(params.id));
      if (!certificate) return error(404, 'NO_ENCONTRADO', 'No existe el certificado.');
      const bytes = await certificates.document(context.entidad, context.nif, certificate);
      return new HttpResponse(bytes.slice().buffer as ArrayBuffer, {
        status: 200,
        headers: {
          'content-type': 'application/pdf',
          'content-disposition': `attachment; filename="${certificate.id}.pdf"`,
        },
      });
    }),

    http.get(`${base}/ciudadanos/:nif/expedientes`, async ({ request, params }) => {
      const context = await guard(request, params, true);
      if (context instanceof Response) return context;
      if (!knowsCitizen(context.entidad.ine, context.nif)) return unknownCitizen();
      const datos = municipalExpedientes(context.entidad, context.nif, now);
      return HttpResponse.json({
        entidad: { codigo: context.entidad.ine, dir3: context.entidad.dir3, nombre: context.entidad.nombre },
        datos,
        paginacion: { total: datos.length, pagina: 1, porPagina: datos.length },
      });
    }),

    http.get(`${base}/ciudadanos/:nif/expedientes/:id`, async ({ request, params }) => {
      const context = await guard(request, params, true);
      if (context instanceof Response) return context;
      const found = municipalExpedientes(context.entidad, context.nif, now).find(
        (candidate) => candidate.id === params.id,
      );
      if (!found) return error(404, 'NO_ENCONTRADO', 'No existe el expediente.');
      return HttpResponse.json({ datos: found });
    }),

    http.get(`${base}/ciudadanos/:nif/citas`, async ({ request, params }) => {
      const context = await guard(request, params, true);
      if (context instanceof Response) return context;
      const bookings = context.desk.list(context.nif);
      if (bookings.length === 0 && !knowsCitizen(context.entidad.ine, context.nif)) return unknownCitizen();
      return HttpResponse.json({ datos: bookings.map((booking) => toCita(context.entidad, booking)) });
    }),

    http.post(`${base}/ciudadanos/:nif/citas`, async ({ request, params }) => {
      const context = await guard(request, params, true);
      if (context instanceof Response) return context;
      const body = (await readJson(request)) as Record<string, unknown> | undefined;
      const { servicio: codigo, oficina, franja } = body ?? {};
      if (typeof codigo !== 'string' || typeof oficina !== 'string' || typeof franja !== 'string') {
        return error(400, 'PETICION_INCORRECTA', 'Faltan servicio, oficina o franja.');
      }
      // No await from here on: checking and taking the slot is one step.
      return answer(context.entidad, context.desk.create(context.nif, codigo, oficina, franja), 201);
    }),

    http.put(`${base}/ciudadanos/:nif/citas/:id`, async ({ request, params }) => {
      const context = await guard(request, params, true);
      if (context instanceof Response) return context;
      const body = (await readJson(request)) as Record<string, unknown> | undefined;
      const { oficina, franja } = body ?? {};
      if (typeof oficina !== 'string' || typeof franja !== 'string') {
        return error(400, 'PETICION_INCORRECTA', 'Faltan oficina o franja.');
      }
      return answer(
        context.entidad,
        context.desk.reschedule(context.nif, String(params.id), oficina, franja),
      );
    }),

    http.delete(`${base}/ciudadanos/:nif/citas/:id`, async ({ request, params }) => {
      const context = await guard(request, params, true);
      if (context instanceof Response) return context;
      return answer(context.entidad, context.desk.cancel(context.nif, String(params.id)));
    }),

    http.get(`${base}/cita-previa/servicios`, async ({ request, params }) => {
      const context = await guard(request, params, false);
      if (context instanceof Response) return context;
      return HttpResponse.json({ datos: MUNICIPAL_SERVICIOS });
    }),

    http.get(`${base}/cita-previa/servicios/:servicio/oficinas`, async ({ request, params }) => {
      const context = await guard(request, params, false);
      if (context instanceof Response) return context;
      if (!servicio(String(params.servicio))) return error(404, 'NO_ENCONTRADO', 'No existe el servicio.');
      return HttpResponse.json({ datos: context.entidad.oficinas });
    }),

    http.get(
      `${base}/cita-previa/servicios/:servicio/oficinas/:oficina/disponibilidad`,
      async ({ request, params }) => {
        const context = await guard(request, params, false);
        if (context instanceof Response) return context;
        const url = new URL(request.url);
        const desde = url.searchParams.get('desde') ?? isoDay(madridDayFrom(now, 0));
        const hasta = url.searchParams.get('hasta') ?? isoDay(madridDayFrom(now, 40));
        if (!DAY_PATTERN.test(desde) || !DAY_PATTERN.test(hasta)) {
          return error(400, 'PETICION_INCORRECTA', 'Fechas con formato aaaa-mm-dd.');
        }
        const datos = context.desk
          .freeSlots(String(params.servicio), String(params.oficina), desde, hasta)
          .map((slot) => ({
            id: slot.id,
            inicio: slotInstant(slot.day, slot.start),
            fin: slotInstant(slot.day, slot.end),
          }));
        return HttpResponse.json({ datos });
      },
    ),
  ];
}
