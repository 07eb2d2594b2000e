import { HttpResponse, http, type HttpHandler } from 'msw';
import { createFaultController, type FaultController, faultControlHandlers, injectFault } from '../faults.ts';
import {
  createReaSeed,
  type ReaApoderamiento,
  type ReaDetalleApoderamiento,
  type ReaError,
  type ReaListaApoderamientos,
} from './rea-data.ts';

export * from './rea-data.ts';

/**
 * A simulated REA ("Registro Electrónico de Apoderamientos", the State's electronic register of
 * powers of attorney), answering in its own format:
 *
 *   GET {base}/rea/v1/apoderamientos?nifApoderado={nif}              → ReaListaApoderamientos
 *       the powers that person HOLDS (as attorney), in every state
 *   GET {base}/rea/v1/apoderamientos/{id}[?nifApoderado={nif}]       → ReaDetalleApoderamiento
 *   errors                                                          → ReaError (400/404)
 *
 * Control (never affected by faults):
 *   POST {base}/__control/faults, GET {base}/__control/faults       fault injection, as DEHú
 *   POST {base}/__control/rea/revoke { "idApoderamiento": "…" }     the grantor revokes a power now
 *   POST {base}/__control/reset                                      faults off, records as seeded
 */
export const REA_API_PATH = '/rea/v1';

export interface ReaHandlerOptions {
  /** The instant the seed's dates are relative to; defaults to when the handlers are created. */
  now?: Date;
  /** Origin (and prefix) the handlers answer on; "*" (the default) matches any origin. */
  baseUrl?: string;
  /** Shared fault state; each handler set gets its own when omitted. */
  faults?: FaultController;
}

const NIF_PATTERN = /^[0-9XYZ][0-9]{7}[A-Z]$/;
const ID_PATTERN = /^AP-\d{4}-\d{6}$/;

function ko(status: number, codigoError: string, descripcion: string) {
  return HttpResponse.json<ReaError>({ resultado: 'KO', codigoError, descripcion }, { status });
}

/** The simulated register's MSW handlers (data endpoints with fault injection, and /__control). */
export function reaHandlers(options: ReaHandlerOptions = {}): HttpHandler[] {
  const base = (options.baseUrl ?? '*').replace(/\/$/, '');
  const faults = options.faults ?? createFaultController();
  const now = options.now ?? new Date();
  let records: ReaApoderamiento[] = createReaSeed(now);

  const copy = (record: ReaApoderamiento): ReaApoderamiento => structuredClone(record);

  return [
    // Before the shared fault controls, so that reset also restores the records.
    http.post(`${base}/__control/reset`, () => {
      records = createReaSeed(now);
      return HttpResponse.json(faults.reset());
    }),

    http.post(`${base}/__control/rea/revoke`, async ({ request }) => {
      let body: unknown;
      try {
        body = await request.json();
      } catch {
        return HttpResponse.json({ error: 'bad-request', message: 'the body is not JSON' }, { status: 400 });
      }
      const id =
        typeof body === 'object' && body !== null
          ? (body as Record<string, unknown>).idApoderamiento
          : undefined;
      if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
        return HttpResponse.json(
          { error: 'bad-request', message: '"idApoderamiento" must be an id such as AP-2026-000101' },
          { status: 400 },
        );
      }
      const record = records.find((candidate) => candidate.idApoderamiento === id);
      if (!record) {
        return HttpResponse.json({ error: 'not-found', message: `no power ${id}` }, { status: 404 });
      }
      record.estado = 'REVOCADO';
      return HttpResponse.json(copy(record));
    }),

    ...faultControlHandlers(faults, base),

    http.get(`${base}${REA_API_PATH}/apoderamientos`, async ({ request }) => {
      const fault = await injectFault(faults, request);
      if (fault) return fault;
      const raw = new URL(request.url).searchParams.get('nifApoderado');
      if (raw === null || raw === '') {
        return ko(400, 'REA-400', 'El parámetro nifApoderado es obligatorio.');
      }
      const nif = raw.toUpperCase();
      if (!NIF_PATTERN.test(nif)) {
        return ko(400, 'REA-400', 'El NIF/NIE del apoderado no tiene un formato válido.');
      }
      // A person who holds no power gets an empty list, not an error.
      const apoderamientos = records.filter((record) => record.apoderado.nif === nif).map(copy);
      return HttpResponse.json<ReaListaApoderamientos>({
        resultado: 'OK',
        totalRegistros: apoderamientos.length,
        apoderamientos,
      });
    }),

    http.get(`${base}${REA_API_PATH}/apoderamientos/:id`, async ({ request, params }) => {
      const fault = await injectFault(faults, request);
      if (fault) return fault;
      const id = String(params.id);
      if (!ID_PATTERN.test(id)) {
        return ko(400, 'REA-400', 'El identificador del apoderamiento no tiene un formato válido.');
      }
      const holder = new URL(request.url).searchParams.get('nifApoderado')?.toUpperCase();
      const record = records.find(
        (candidate) =>
          candidate.idApoderamiento === id && (holder === undefined || candidate.apoderado.nif === holder),
      );
      if (!record) return ko(404, 'REA-404', 'No existe el apoderamiento indicado.');
      return HttpResponse.json<ReaDetalleApoderamiento>({ resultado: 'OK', apoderamiento: copy(record) });
    }),
  ];
}
