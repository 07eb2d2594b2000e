import { HttpResponse, http, type HttpHandler } from 'msw';
import { createFaultController, type FaultController, faultControlHandlers, injectFault } from '../faults.ts';
import {
  createDehuSeed,
  type DehuDetalleEnvio,
  type DehuEnvio,
  type DehuError,
  type DehuListaEnvios,
} from './dehu-data.ts';

export * from './dehu-data.ts';

/**
 * A simulated DEHú ("Dirección Electrónica Habilitada única", the State's single notification
 * address), answering in its own format:
 *
 *   GET {base}/dehu/api/v2/titulares/{nif}/envios[?estado=PD|AC|RE|EX]  → DehuListaEnvios
 *   GET {base}/dehu/api/v2/titulares/{nif}/envios/{idEnvio}             → DehuDetalleEnvio
 *   errors                                                              → DehuError (400/404)
 *
 * Reading the detail here has no side effect: accepting a notification (comparecencia) is a
 * separate, explicit act.
 */
export const DEHU_API_PATH = '/dehu/api/v2';

export interface DehuHandlerOptions {
  /** The instant the seed's dates are relative to; defaults to when the handlers are created. */
  now?: Date;
  /** Origin (and prefix) the handlers answer on; "*" (the default) matches any origin. */
  baseUrl?: string;
  /** Shared fault state; each handler set gets its own when omitted. */
  faults?: FaultController;
}

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
  const seed = createDehuSeed(options.now ?? new Date());

  function lookup(rawNif: unknown): DehuEnvio[] | Response {
    const nif = String(rawNif).toUpperCase();
    if (!NIF_PATTERN.test(nif))
      return ko(400, 'DEHU-400', 'El NIF/NIE/CIF del titular no tiene un formato válido.');
    const envios = seed.get(nif);
    if (!envios) return ko(404, 'DEHU-404', 'El titular no dispone de dirección electrónica habilitada.');
    return envios;
  }

  return [
    ...faultControlHandlers(faults, base),

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
