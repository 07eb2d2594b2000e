import { HttpResponse, http, type HttpHandler } from 'msw';
import { formatMadridDateTime } from '../madrid-time.ts';
import { createFaultController, type FaultController, faultControlHandlers, injectFault } from '../faults.ts';
import {
  createDocumentCache,
  type DehuContenido,
  dehuCuerpo,
  documentId,
  documentTitle,
} from './dehu-content.ts';
import {
  availabilityKey,
  createDehuSeed,
  type DehuAvailability,
  type DehuDetalleEnvio,
  type DehuEnvio,
  type DehuError,
  type DehuListaEnvios,
} from './dehu-data.ts';

export * from './dehu-content.ts';
export * from './dehu-data.ts';

/**
 * A simulated DEHú ("Dirección Electrónica Habilitada única", the State's single notification
 * address), answering in its own format:
 *
 *   GET {base}/dehu/api/v2/titulares/{nif}/envios[?estado=PD|AC|RE|EX]  → DehuListaEnvios
 *   GET {base}/dehu/api/v2/titulares/{nif}/envios/{idEnvio}             → DehuDetalleEnvio
 *   POST {base}/dehu/api/v2/titulares/{nif}/envios/{idEnvio}/comparecencia  → DehuRespuestaActo
 *   POST {base}/dehu/api/v2/titulares/{nif}/envios/{idEnvio}/rechazo        → DehuRespuestaActo
 *        body DehuSolicitudActo: who acts (nifActuante), for whom (nifTitular), when, from where
 *   GET  {base}/dehu/api/v2/titulares/{nif}/envios/{idEnvio}/contenido      → DehuContenido (AC only)
 *   GET  {base}/dehu/api/v2/titulares/{nif}/envios/{idEnvio}/documentos/{idDocumento} → PDF (AC only)
 *   errors                                                              → DehuError (400/403/404/409)
 *
 * Reading the detail here has no side effect: accepting a notification (comparecencia) is a
 * separate, explicit act. The acts change this handler set's state in memory (a reload shows
 * them) and are idempotent: accepting an accepted envío answers it as it is; rejecting an accepted
 * one is refused (DEHU-409); an expired one (10 calendar days unopened) can be neither (DEHU-410).
 */
export const DEHU_API_PATH = '/dehu/api/v2';

export interface DehuHandlerOptions {
  /** The instant the seed's dates are relative to; defaults to when the handlers are created. */
  now?: Date;
  /** Origin (and prefix) the handlers answer on; "*" (the default) matches any origin. */
  baseUrl?: string;
  /** Shared fault state; each handler set gets its own when omitted. */
  faults?: FaultController;
  /** The agency's clock for acts and expiry (default: the real time). */
  clock?: () => Date;
}

/** POST …/comparecencia and …/rechazo: the act, as DEHú records it. */
export interface DehuSolicitudActo {
  /** The person who acts (may be a representative). */
  nifActuante: string;
  /** Whose address the envío is in; must be the path's NIF. */
  nifTitular: string;
  /** "dd/MM/yyyy HH:mm:ss", Madrid. */
  fechaActo: string;
  direccionIP: string;
}

export interface DehuActo {
  tipoActo: 'COMPARECENCIA' | 'RECHAZO';
  nifActuante: string;
  nifTitular: string;
  fechaActo: string;
  direccionIP: string;
}

export interface DehuRespuestaActo {
  resultado: 'OK';
  envio: DehuEnvio;
  acto: DehuActo;
}

const RAW_DATE = /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/;
const EXPIRY_MS = 10 * 24 * 3_600_000;

/** NIF/NIE of a person, or CIF of a legal person (companies have an electronic address too). */
const NIF_PATTERN = /^(?:[0-9XYZ][0-9]{7}[A-Z]|[ABCDEFGHJKLMNPQRSUVW][0-9]{7}[0-9A-J])$/;
const ESTADOS = new Set(['PD', 'AC', 'RE', 'EX']);

function ko(status: number, codigoError: string, descripcion: string) {
  return HttpResponse.json<DehuError>({ resultado: 'KO', codigoError, descripcion }, { status });
}

/** The simulated agency's MSW handlers (data endpoints with fault injection, and /__control). */
export function dehuHandlers(options: DehuHandlerOptions = {}): HttpHandler[] {
  const base = (options.baseUrl ?? '*').replace(/\/$/, '');
  const faults = options.faults ?? createFaultController();
  const availability: DehuAvailability = new Map();
  const seed = createDehuSeed(options.now ?? new Date(), availability);
  const clock = options.clock ?? (() => new Date());
  const acts = new Map<string, DehuActo>();
  const documents = createDocumentCache();

  function lookup(rawNif: unknown): DehuEnvio[] | Response {
    const nif = String(rawNif).toUpperCase();
    if (!NIF_PATTERN.test(nif))
      return ko(400, 'DEHU-400', 'El NIF/NIE/CIF del titular no tiene un formato válido.');
    const envios = seed.get(nif);
    if (!envios) return ko(404, 'DEHU-404', 'El titular no dispone de dirección electrónica habilitada.');
    return envios;
  }

  function findEnvio(rawNif: unknown, rawId: unknown): { nif: string; envio: DehuEnvio } | Response {
    const envios = lookup(rawNif);
    if (envios instanceof Response) return envios;
    const envio = envios.find((candidate) => candidate.idEnvio === String(rawId));
    if (!envio) return ko(404, 'DEHU-404', 'No existe el envío indicado para este titular.');
    return { nif: String(rawNif).toUpperCase(), envio };
  }

  /** A notification unopened for 10 days is expired at the agency too, whatever the seed said. */
  function settleExpiry(nif: string, envio: DehuEnvio): void {
    const available = availability.get(availabilityKey(nif, envio.idEnvio));
    if (envio.tipoEnvio === 'N' && envio.estado === 'PD' && available) {
      if (clock().getTime() >= available.getTime() + EXPIRY_MS) envio.estado = 'EX';
    }
  }

  async function readActo(request: Request, nif: string): Promise<DehuSolicitudActo | Response> {
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      return ko(400, 'DEHU-400', 'La solicitud no es un JSON válido.');
    }
    const acto = body as Partial<DehuSolicitudActo> | null;
    if (
      !acto ||
      typeof acto.nifActuante !== 'string' ||
      !NIF_PATTERN.test(acto.nifActuante) ||
      typeof acto.nifTitular !== 'string' ||
      typeof acto.fechaActo !== 'string' ||
      !RAW_DATE.test(acto.fechaActo) ||
      typeof acto.direccionIP !== 'string' ||
      acto.direccionIP.length === 0 ||
      acto.direccionIP.length > 64
    ) {
      return ko(400, 'DEHU-400', 'Faltan datos del acto: nifActuante, nifTitular, fechaActo, direccionIP.');
    }
    if (acto.nifTitular.toUpperCase() !== nif) {
      return ko(400, 'DEHU-400', 'El titular del acto no coincide con el del envío.');
    }
    return {
      nifActuante: acto.nifActuante,
      nifTitular: nif,
      fechaActo: acto.fechaActo,
      direccionIP: acto.direccionIP,
    };
  }

  function actHandler(kind: 'comparecencia' | 'rechazo') {
    return http.post(
      `${base}${DEHU_API_PATH}/titulares/:nif/envios/:idEnvio/${kind}`,
      async ({ request, params }) => {
        const fault = await injectFault(faults, request);
        if (fault) return fault;
        const found = findEnvio(params.nif, params.idEnvio);
        if (found instanceof Response) return found;
        const { nif, envio } = found;
        const solicitud = await readActo(request, nif);
        if (solicitud instanceof Response) return solicitud;
        settleExpiry(nif, envio);
        const key = availabilityKey(nif, envio.idEnvio);
        const target = kind === 'comparecencia' ? 'AC' : 'RE';
        const answer = (acto: DehuActo) =>
          HttpResponse.json<DehuRespuestaActo>({ resultado: 'OK', envio, acto });
        if (envio.estado === target) {
          // Idempotent: the envío as it is, with the act that settled it.
          const acto = acts.get(key) ?? {
            tipoActo: kind === 'comparecencia' ? 'COMPARECENCIA' : 'RECHAZO',
            ...solicitud,
            fechaActo: envio.fechaRespuesta ?? solicitud.fechaActo,
          };
          return answer(acto);
        }
        if (envio.estado === 'EX') {
          return ko(409, 'DEHU-410', 'El envío ha expirado: transcurrieron diez días naturales sin acceder.');
        }
        if (envio.estado === 'AC') {
          return ko(409, 'DEHU-409', 'El envío ya fue aceptado (comparecencia) y no puede rechazarse.');
        }
        if (envio.estado === 'RE') {
          return ko(409, 'DEHU-409', 'El envío fue rechazado y no puede aceptarse.');
        }
        if (kind === 'rechazo' && envio.tipoEnvio === 'C') {
          return ko(409, 'DEHU-422', 'Una comunicación no puede rechazarse.');
        }
        const acto: DehuActo = {
          tipoActo: kind === 'comparecencia' ? 'COMPARECENCIA' : 'RECHAZO',
          ...solicitud,
          fechaActo: formatMadridDateTime(clock()),
        };
        envio.estado = target;
        envio.fechaRespuesta = acto.fechaActo;
        acts.set(key, acto);
        return answer(acto);
      },
    );
  }

  function notAccepted() {
    return ko(403, 'DEHU-403', 'El contenido solo está disponible tras la comparecencia.');
  }

  return [
    ...faultControlHandlers(faults, base),

    // Tests add a pending notification made available some hours ago (e.g. one about to expire) and
    // take it away afterwards, so that other tests see the seed as it was.
    http.post(`${base}/__control/envios`, async ({ request }) => {
      const body = (await request.json().catch(() => null)) as {
        nif?: unknown;
        availableHoursAgo?: unknown;
      } | null;
      const nif = typeof body?.nif === 'string' ? body.nif.toUpperCase() : '';
      const hours = body?.availableHoursAgo;
      const envios = seed.get(nif);
      if (!envios || typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0 || hours > 24 * 365) {
        return ko(400, 'DEHU-400', 'Give the NIF of a seeded holder and availableHoursAgo (0 to a year).');
      }
      const available = new Date(clock().getTime() - hours * 3_600_000);
      const idEnvio = `N-TEST-${Math.random().toString(36).slice(2, 10).toUpperCase()}`;
      availability.set(availabilityKey(nif, idEnvio), available);
      envios.unshift({
        idEnvio,
        tipoEnvio: 'N',
        organismoEmisor: {
          codigoDIR3: 'E00003901',
          denominacion: 'Agencia Estatal de Administración Tributaria',
        },
        concepto: 'Requerimiento de información (prueba)',
        procedimiento: null,
        estado: 'PD',
        fechaPuestaDisposicion: formatMadridDateTime(available),
        fechaRespuesta: null,
        urgente: 'N',
      });
      return HttpResponse.json({ idEnvio }, { status: 201 });
    }),
    http.delete(`${base}/__control/envios/:nif/:idEnvio`, ({ params }) => {
      const envios = seed.get(String(params.nif).toUpperCase());
      const index = envios?.findIndex((envio) => envio.idEnvio === String(params.idEnvio)) ?? -1;
      if (!envios || index < 0) return ko(404, 'DEHU-404', 'No existe el envío indicado.');
      envios.splice(index, 1);
      return new HttpResponse(null, { status: 204 });
    }),

    actHandler('comparecencia'),
    actHandler('rechazo'),

    http.get(
      `${base}${DEHU_API_PATH}/titulares/:nif/envios/:idEnvio/contenido`,
      async ({ request, params }) => {
        const fault = await injectFault(faults, request);
        if (fault) return fault;
        const found = findEnvio(params.nif, params.idEnvio);
        if (found instanceof Response) return found;
        const { nif, envio } = found;
        if (envio.estado !== 'AC') return notAccepted();
        const document = await documents(availabilityKey(nif, envio.idEnvio), envio);
        return HttpResponse.json<DehuContenido>({
          resultado: 'OK',
          idEnvio: envio.idEnvio,
          cuerpo: dehuCuerpo(envio),
          documentos: [
            {
              idDocumento: documentId(envio),
              titulo: documentTitle(envio),
              tipoMime: 'application/pdf',
              hashSHA256: document.hash,
              tamanoBytes: document.bytes.byteLength,
            },
          ],
        });
      },
    ),

    http.get(
      `${base}${DEHU_API_PATH}/titulares/:nif/envios/:idEnvio/documentos/:idDocumento`,
      async ({ request, params }) => {
        const fault = await injectFault(faults, request);
        if (fault) return fault;
        const found = findEnvio(params.nif, params.idEnvio);
        if (found instanceof Response) return found;
        const { nif, envio } = found;
        if (String(params.idDocumento) !== documentId(envio)) {
          return ko(404, 'DEHU-404', 'No existe el documento indicado.');
        }
        if (envio.estado !== 'AC') return notAccepted();
        const document = await documents(availabilityKey(nif, envio.idEnvio), envio);
        return new HttpResponse(document.bytes.slice().buffer as ArrayBuffer, {
          status: 200,
          headers: {
            'content-type': 'application/pdf',
            'content-disposition': `attachment; filename="${documentId(envio)}.pdf"`,
          },
        });
      },
    ),

    http.get(`${base}${DEHU_API_PATH}/titulares/:nif/envios`, async ({ request, params }) => {
      const fault = await injectFault(faults, request);
      if (fault) return fault;
      const envios = lookup(params.nif);
      if (envios instanceof Response) return envios;
      const estado = new URL(request.url).searchParams.get('estado');
      if (estado !== null && !ESTADOS.has(estado)) {
        return ko(400, 'DEHU-400', 'El parámetro estado debe ser PD, AC, RE o EX.');
      }
      const notificaciones = estado === null ? envios : envios.filter((envio) => envio.estado === estado);
      return HttpResponse.json<DehuListaEnvios>({
        resultado: 'OK',
        totalRegistros: notificaciones.length,
        notificaciones,
      });
    }),

    http.get(`${base}${DEHU_API_PATH}/titulares/:nif/envios/:idEnvio`, async ({ request, params }) => {
      const fault = await injectFault(faults, request);
      if (fault) return fault;
      const envios = lookup(params.nif);
      if (envios instanceof Response) return envios;
      const envio = envios.find((candidate) => candidate.idEnvio === String(params.idEnvio));
      if (!envio) return ko(404, 'DEHU-404', 'No existe el envío indicado para este titular.');
      return HttpResponse.json<DehuDetalleEnvio>({ resultado: 'OK', envio });
    }),
  ];
}
