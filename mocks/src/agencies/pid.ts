import { XMLBuilder } from 'fast-xml-parser';
import { HttpResponse, http, type HttpHandler } from 'msw';
import { formatMadridDateTime } from '../madrid-time.ts';
import { createFaultController, type FaultController, faultControlHandlers, injectFault } from '../faults.ts';
import { PID_RECORDS, type PidRecord } from './pid-data.ts';

export * from './pid-data.ts';

/**
 * A simulated data intermediation platform (the State's "Plataforma de Intermediación de Datos"),
 * answering in an SCSP-like XML the data that many issuing administrations hold about a person:
 *
 *   GET {base}/pid/scsp/v3/titulares/{nif}/transmisiones          → every record of the person
 *   GET {base}/pid/scsp/v3/titulares/{nif}/transmisiones/{id}     → one record, generated now
 *   errors (same envelope, Estado): 0226 invalid document 400, 0233 no such record 404
 *   POST {base}/__control/reset, /__control/faults (see faults.ts)
 *
 * `FechaGeneracion` and `TimeStamp` are Madrid wall-clock times, "dd/MM/yyyy HH:mm:ss".
 */
export const PID_API_PATH = '/pid/scsp/v3';
export const PID_NAMESPACE = 'http://intermediacion.redsara.es/scsp/esquemas/V3/respuesta';

export interface PidHandlerOptions {
  baseUrl?: string;
  faults?: FaultController;
  /** The platform's clock (generation times); default the real one. */
  now?: () => Date;
}

const NIF_PATTERN = /^(?:[0-9XYZ][0-9]{7}[A-Z]|[ABCDEFGHJKLMNPQRSUVW][0-9]{7}[0-9A-J])$/;

const builder = new XMLBuilder({ format: true, ignoreAttributes: false, suppressEmptyNode: false });

let petitions = 0;

function transmission(nif: string, record: PidRecord, at: Date) {
  return {
    DatosGenericos: {
      Emisor: { NombreEmisor: record.emisor.nombre, CodigoDir3: record.emisor.dir3 },
      Titular: { Documentacion: nif },
      Transmision: {
        CodigoCertificado: record.certificado,
        IdTransmision: record.id,
        FechaGeneracion: formatMadridDateTime(at),
      },
    },
    DatosEspecificos: {
      Categoria: record.categoria,
      Titulo: record.titulo,
      Datos: { Dato: record.datos.map(([Nombre, Valor]) => ({ Nombre, Valor })) },
    },
  };
}

/** The platform's answer envelope. */
export function pidResponse(
  at: Date,
  estado: { codigo: string; literal: string },
  transmisiones: readonly ReturnType<typeof transmission>[],
): string {
  petitions += 1;
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    Respuesta: {
      '@_xmlns': PID_NAMESPACE,
      Atributos: {
        IdPeticion: `PID${String(petitions).padStart(10, '0')}`,
        NumElementos: String(transmisiones.length),
        TimeStamp: formatMadridDateTime(at),
        Estado: { CodigoEstado: estado.codigo, LiteralError: estado.literal },
      },
      Transmisiones: { TransmisionDatos: transmisiones },
    },
  }) as string;
}

const xml = (text: string, status = 200) =>
  new HttpResponse(text, { status, headers: { 'content-type': 'application/xml; charset=utf-8' } });

export function pidHandlers(options: PidHandlerOptions = {}): HttpHandler[] {
  const base = (options.baseUrl ?? '*').replace(/\/$/, '');
  const faults = options.faults ?? createFaultController();
  const now = options.now ?? (() => new Date());
  const api = `${base}${PID_API_PATH}`;
  const ok = { codigo: '0003', literal: 'Tramitada' };

  const nifOf = (raw: unknown): string | Response => {
    const nif = String(raw).toUpperCase();
    return NIF_PATTERN.test(nif)
      ? nif
      : xml(
          pidResponse(now(), { codigo: '0226', literal: 'Documento de identificación incorrecto' }, []),
          400,
        );
  };

  return [
    http.post(`${base}/__control/reset`, () => HttpResponse.json(faults.reset())),
    ...faultControlHandlers(faults, base),

    http.get(`${api}/titulares/:nif/transmisiones`, async ({ request, params }) => {
      const fault = await injectFault(faults, request);
      if (fault) return fault;
      const nif = nifOf(params.nif);
      if (nif instanceof Response) return nif;
      const at = now();
      const records = PID_RECORDS[nif] ?? [];
      return xml(
        pidResponse(
          at,
          ok,
          records.map((record) => transmission(nif, record, at)),
        ),
      );
    }),

    http.get(`${api}/titulares/:nif/transmisiones/:id`, async ({ request, params }) => {
      const fault = await injectFault(faults, request);
      if (fault) return fault;
      const nif = nifOf(params.nif);
      if (nif instanceof Response) return nif;
      const at = now();
      const record = (PID_RECORDS[nif] ?? []).find((candidate) => candidate.id === String(params.id));
      if (!record) {
        return xml(pidResponse(at, { codigo: '0233', literal: 'No existen datos' }, []), 404);
      }
      return xml(pidResponse(at, ok, [transmission(nif, record, at)]));
    }),
  ];
}
