import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { HttpResponse, http, type HttpHandler } from 'msw';
import { createFaultController, type FaultController, faultControlHandlers, injectFault } from '../faults.ts';
import { addMinutes, type Booking, type BookOutcome, createSlotBook, type SlotBook } from './slot-book.ts';
import {
  createTgssSeed,
  TGSS_BOOK_OFFICES,
  TGSS_BOOK_SERVICES,
  TGSS_OFICINAS,
  TGSS_SEED_CITAS,
  TGSS_SERVICIOS,
  type TgssEstadoCita,
  type TgssExpediente,
  tgssWallClock,
} from './tgss-data.ts';

export * from './tgss-data.ts';

/**
 * A simulated Social Security (TGSS/INSS) web service: XML in a SOAP-style envelope. Reads are GETs
 * that answer an envelope; writes are POSTs of an envelope. Errors are SOAP faults (`soap:Fault`
 * with `faultcode`, `faultstring` and a `detail/tns:error/tns:codigo`): soap:Client faults (the
 * caller's mistake or a refusal) with HTTP 400, soap:Server faults with HTTP 500.
 *
 *   GET  {base}/tgss/ws/v1/CarpetaCiudadano/expedientes?ipf={nif}        → ConsultaExpedientesResponse
 *   GET  {base}/tgss/ws/v1/CarpetaCiudadano/expedientes/{id}?ipf={nif}   → ConsultaExpedienteResponse
 *   GET  {base}/tgss/ws/v1/CitaPrevia/servicios                          → ConsultaServiciosResponse
 *   GET  {base}/tgss/ws/v1/CitaPrevia/oficinas?servicio=                 → ConsultaOficinasResponse
 *   GET  {base}/tgss/ws/v1/CitaPrevia/huecos?servicio=&oficina=&desde=dd-MM-yyyy&hasta=dd-MM-yyyy
 *                                                                        → ConsultaHuecosResponse
 *   GET  {base}/tgss/ws/v1/CitaPrevia/citas?ipf={nif}                    → ConsultaCitasResponse
 *   POST {base}/tgss/ws/v1/CitaPrevia   ReservarCitaRequest | AnularCitaRequest | ModificarCitaRequest
 *        → ReservarCitaResponse | AnularCitaResponse | ModificarCitaResponse, or a fault:
 *          HUECO_NO_DISPONIBLE (taken), CITA_NO_EXISTE, CITA_ANULADA, PETICION_INCORRECTA
 *   POST {base}/__control/reset (faults and data as seeded), POST {base}/__control/appointments/reset
 */
export const TGSS_WS_PATH = '/tgss/ws/v1';
export const TGSS_NAMESPACE = 'urn:es:seg-social:carpeta:v1';
const SOAP_NAMESPACE = 'http://schemas.xmlsoap.org/soap/envelope/';

export interface TgssHandlerOptions {
  now?: Date;
  baseUrl?: string;
  faults?: FaultController;
}

const IPF_PATTERN = /^(?:[0-9XYZ][0-9]{7}[A-Z]|[ABCDEFGHJKLMNPQRSUVW][0-9]{7}[0-9A-J])$/;
const DAY_PATTERN = /^(\d{2})-(\d{2})-(\d{4})$/;

const builder = new XMLBuilder({ format: true, ignoreAttributes: false, suppressEmptyNode: false });
const parser = new XMLParser({ removeNSPrefix: true, parseTagValue: false, ignoreAttributes: true });

type XmlValue = string | number | XmlObject | XmlObject[];
interface XmlObject {
  [key: string]: XmlValue;
}

/** Prefixes every element with "tns:" and wraps the lists in their item element. */
const LIST_ITEMS: Record<string, string> = {
  historial: 'hito',
  documentacion: 'documento',
  expedientes: 'expediente',
  servicios: 'servicio',
  oficinas: 'oficina',
  huecos: 'hueco',
  citas: 'cita',
};

function tns(value: unknown, key?: string): XmlValue {
  if (Array.isArray(value)) {
    const item = key ? LIST_ITEMS[key] : undefined;
    if (!item) throw new Error(`no item element for list ${key}`);
    return value.length === 0 ? '' : { [`tns:${item}`]: value.map((entry) => tns(entry) as XmlObject) };
  }
  if (value !== null && typeof value === 'object') {
    const out: XmlObject = {};
    for (const [name, inner] of Object.entries(value)) {
      if (inner !== undefined) out[`tns:${name}`] = tns(inner, name);
    }
    return out;
  }
  return String(value);
}

/** The whole envelope, serialised by the library (it escapes every text). */
export function soapEnvelope(operation: string, content: Record<string, unknown>): string {
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    'soap:Envelope': {
      '@_xmlns:soap': SOAP_NAMESPACE,
      '@_xmlns:tns': TGSS_NAMESPACE,
      'soap:Body': {
        [`tns:${operation}`]: {
          'tns:resultado': { 'tns:codigo': '0', 'tns:descripcion': 'Correcto' },
          ...(tns(content) as XmlObject),
        },
      },
    },
  }) as string;
}

function xml(text: string, status = 200): Response {
  return new HttpResponse(text, { status, headers: { 'content-type': 'text/xml; charset=utf-8' } });
}

export function soapFault(
  faultcode: 'soap:Client' | 'soap:Server',
  faultstring: string,
  codigo: string,
): string {
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    'soap:Envelope': {
      '@_xmlns:soap': SOAP_NAMESPACE,
      '@_xmlns:tns': TGSS_NAMESPACE,
      'soap:Body': {
        'soap:Fault': {
          faultcode,
          faultstring,
          detail: { 'tns:error': { 'tns:codigo': codigo, 'tns:descripcion': faultstring } },
        },
      },
    },
  }) as string;
}

const fault = (
  faultstring: string,
  codigo: string,
  faultcode: 'soap:Client' | 'soap:Server' = 'soap:Client',
) =>
  // The caller's mistakes and refusals (a taken slot) are HTTP 400, as SOAP 1.2 does for sender
  // faults; only the entity's own failures are HTTP 500 (what a circuit breaker counts).
  xml(soapFault(faultcode, faultstring, codigo), faultcode === 'soap:Client' ? 400 : 500);

const ESTADO_CITA: Record<Booking['status'], TgssEstadoCita> = {
  booked: 'CONFIRMADA',
  cancelled: 'ANULADA',
  attended: 'ATENDIDA',
  missed: 'NO_PRESENTADA',
};

export function createTgssBook(now: Date): SlotBook {
  return createSlotBook(now, {
    services: TGSS_BOOK_SERVICES,
    offices: TGSS_BOOK_OFFICES,
    bookings: TGSS_SEED_CITAS,
    idPrefix: 'CITA-SS-1',
    reference: (n) => `CPW${String(n).padStart(6, '0')}`,
  });
}

function toCita(booking: Booking) {
  const servicio = TGSS_SERVICIOS.find((s) => s.codigo === booking.serviceId);
  const oficina = TGSS_OFICINAS.find((o) => o.codigoCaiss === booking.officeId);
  if (!servicio || !oficina) throw new Error(`inconsistent TGSS booking ${booking.id}`);
  return {
    idCita: booking.id,
    justificante: booking.reference,
    servicio: { ...servicio },
    oficina: {
      codigoCaiss: oficina.codigoCaiss,
      denominacion: oficina.denominacion,
      direccion: oficina.direccion,
    },
    inicio: tgssWallClock(booking.day, booking.time),
    fin: tgssWallClock(booking.day, addMinutes(booking.time, servicio.minutos)),
    estado: ESTADO_CITA[booking.status],
  };
}

function answer(operation: string, result: BookOutcome): Response {
  if (result.ok) return xml(soapEnvelope(operation, { cita: toCita(result.booking) }));
  switch (result.error) {
    case 'slot-taken':
      return fault('El hueco solicitado ya no está disponible.', 'HUECO_NO_DISPONIBLE');
    case 'no-such-slot':
      return fault('El hueco solicitado no existe o ha caducado.', 'HUECO_NO_DISPONIBLE');
    case 'no-such-booking':
      return fault('No consta la cita indicada.', 'CITA_NO_EXISTE');
    case 'booking-cancelled':
      return fault('La cita está anulada.', 'CITA_ANULADA');
    case 'wrong-service':
      return fault('El servicio no coincide con el de la cita.', 'PETICION_INCORRECTA');
  }
}

/** Text of a parsed element, or undefined. */
const text = (node: unknown, key: string): string | undefined => {
  if (node === null || typeof node !== 'object') return undefined;
  const value = (node as Record<string, unknown>)[key];
  return typeof value === 'string' ? value.trim() : undefined;
};

export function tgssHandlers(options: TgssHandlerOptions = {}): HttpHandler[] {
  const base = (options.baseUrl ?? '*').replace(/\/$/, '');
  const faults = options.faults ?? createFaultController();
  const now = options.now ?? new Date();
  let files = createTgssSeed(now);
  let book = createTgssBook(now);
  const ws = `${base}${TGSS_WS_PATH}`;

  const ipfOf = (request: Request): string | Response => {
    const ipf = (new URL(request.url).searchParams.get('ipf') ?? '').toUpperCase();
    return IPF_PATTERN.test(ipf) ? ipf : fault('El IPF indicado no es válido.', 'PETICION_INCORRECTA');
  };

  return [
    // Tests and demos: the appointment book back to its seed (the last slots free again), faults kept.
    http.post(`${base}/__control/appointments/reset`, () => {
      book = createTgssBook(now);
      return HttpResponse.json({ ok: true });
    }),
    http.post(`${base}/__control/reset`, () => {
      files = createTgssSeed(now);
      book = createTgssBook(now);
      return HttpResponse.json(faults.reset());
    }),
    ...faultControlHandlers(faults, base),

    http.get(`${ws}/CarpetaCiudadano/expedientes`, async ({ request }) => {
      const injected = await injectFault(faults, request);
      if (injected) return injected;
      const ipf = ipfOf(request);
      if (ipf instanceof Response) return ipf;
      const expedientes: TgssExpediente[] = files.get(ipf) ?? [];
      return xml(
        soapEnvelope('ConsultaExpedientesResponse', { totalExpedientes: expedientes.length, expedientes }),
      );
    }),

    http.get(`${ws}/CarpetaCiudadano/expedientes/:id`, async ({ request, params }) => {
      const injected = await injectFault(faults, request);
      if (injected) return injected;
      const ipf = ipfOf(request);
      if (ipf instanceof Response) return ipf;
      const expediente = files.get(ipf)?.find((candidate) => candidate.idExpediente === String(params.id));
      if (!expediente) return fault('No consta el expediente indicado.', 'EXPEDIENTE_NO_EXISTE');
      return xml(soapEnvelope('ConsultaExpedienteResponse', { expediente }));
    }),

    http.get(`${ws}/CitaPrevia/servicios`, async ({ request }) => {
      const injected = await injectFault(faults, request);
      if (injected) return injected;
      return xml(soapEnvelope('ConsultaServiciosResponse', { servicios: TGSS_SERVICIOS }));
    }),

    http.get(`${ws}/CitaPrevia/oficinas`, async ({ request }) => {
      const injected = await injectFault(faults, request);
      if (injected) return injected;
      const servicio = new URL(request.url).searchParams.get('servicio') ?? '';
      if (!book.service(servicio)) return fault('No existe el servicio indicado.', 'SERVICIO_NO_EXISTE');
      const oficinas = TGSS_OFICINAS.filter((o) => o.servicios.includes(servicio)).map(
        ({ codigoCaiss, denominacion, direccion }) => ({ codigoCaiss, denominacion, direccion }),
      );
      return xml(soapEnvelope('ConsultaOficinasResponse', { oficinas }));
    }),

    http.get(`${ws}/CitaPrevia/huecos`, async ({ request }) => {
      const injected = await injectFault(faults, request);
      if (injected) return injected;
      const query = new URL(request.url).searchParams;
      const servicio = query.get('servicio') ?? '';
      const oficina = query.get('oficina') ?? '';
      const service = book.service(servicio);
      const office = book.office(oficina);
      if (!service || !office?.services.includes(servicio)) {
        return fault('El servicio no se presta en la oficina indicada.', 'SERVICIO_NO_EXISTE');
      }
      const desde = DAY_PATTERN.exec(query.get('desde') ?? '');
      const hasta = DAY_PATTERN.exec(query.get('hasta') ?? '');
      if (!desde || !hasta) return fault('Indique desde y hasta (dd-MM-aaaa).', 'PETICION_INCORRECTA');
      const huecos = book
        .free(servicio, oficina, `${desde[3]}-${desde[2]}-${desde[1]}`, `${hasta[3]}-${hasta[2]}-${hasta[1]}`)
        .map((slot) => ({
          idHueco: slot.key,
          inicio: tgssWallClock(slot.day, slot.time),
          fin: tgssWallClock(slot.day, addMinutes(slot.time, service.durationMinutes)),
        }));
      return xml(soapEnvelope('ConsultaHuecosResponse', { huecos }));
    }),

    http.get(`${ws}/CitaPrevia/citas`, async ({ request }) => {
      const injected = await injectFault(faults, request);
      if (injected) return injected;
      const ipf = ipfOf(request);
      if (ipf instanceof Response) return ipf;
      return xml(soapEnvelope('ConsultaCitasResponse', { citas: book.bookingsOf(ipf).map(toCita) }));
    }),

    http.post(`${ws}/CitaPrevia`, async ({ request }) => {
      const injected = await injectFault(faults, request);
      if (injected) return injected;
      const raw = await request.text();
      if (raw.includes('<!DOCTYPE') || XMLValidator.validate(raw) !== true) {
        return fault('La petición no es un XML válido.', 'PETICION_INCORRECTA');
      }
      const body =
        (parser.parse(raw) as { Envelope?: { Body?: Record<string, unknown> } }).Envelope?.Body ?? {};
      const [operation, content] = Object.entries(body)[0] ?? [];
      const ipf = (text(content, 'ipf') ?? '').toUpperCase();
      if (!IPF_PATTERN.test(ipf)) return fault('El IPF indicado no es válido.', 'PETICION_INCORRECTA');
      const servicio = text(content, 'servicio') ?? '';
      const oficina = text(content, 'oficina') ?? '';
      const hueco = text(content, 'hueco') ?? '';
      const idCita = text(content, 'idCita') ?? '';
      switch (operation) {
        case 'ReservarCitaRequest':
          return answer('ReservarCitaResponse', book.book(ipf, servicio, oficina, hueco));
        case 'AnularCitaRequest':
          return answer('AnularCitaResponse', book.cancel(ipf, idCita));
        case 'ModificarCitaRequest':
          return answer('ModificarCitaResponse', book.reschedule(ipf, idCita, servicio, oficina, hueco));
        default:
          return fault('Operación desconocida.', 'PETICION_INCORRECTA');
      }
    }),
  ];
}

/** Builds a write request envelope, as the portal's connector sends it (for tests and demos). */
export function tgssRequest(operation: string, fields: Record<string, string>): string {
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    'soap:Envelope': {
      '@_xmlns:soap': SOAP_NAMESPACE,
      '@_xmlns:tns': TGSS_NAMESPACE,
      'soap:Body': { [`tns:${operation}`]: tns(fields) },
    },
  }) as string;
}
