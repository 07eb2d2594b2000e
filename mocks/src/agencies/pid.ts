import { XMLBuilder } from 'fast-xml-parser';
import { HttpResponse, http, type HttpHandler } from 'msw';
import { formatMadridDateTime } from '../madrid-time.ts';
import { createFaultController, type FaultController, faultControlHandlers, injectFault } from '../faults.ts';
import {
  createPidConsultas,
  PID_EMISORES,
  PID_RECORDS,
  PID_RESIDENCE_CERTIFICATE,
  PID_RESIDENCIAS,
  type PidConsulta,
  type PidRecord,
} from './pid-data.ts';

export * from './pid-data.ts';

/**
 * A simulated data intermediation platform (the State's "Plataforma de Intermediación de Datos"),
 * answering in an SCSP-like XML the data that many issuing administrations hold about a person:
 *
 *   GET {base}/pid/scsp/v3/titulares/{nif}/transmisiones          → every record of the person
 *   GET {base}/pid/scsp/v3/titulares/{nif}/transmisiones/{id}     → one record, generated now
 *   GET {base}/pid/scsp/v3/titulares/{nif}/transmisiones/{id}/consultas → who consulted it
 *   GET {base}/pid/scsp/v3/titulares/{nif}/residencia → where the census (padrón, INE) has the
 *     person registered: province and municipality by INE code (0233 / 404 when it has nothing)
 *   PUT|DELETE {base}/pid/scsp/v3/titulares/{nif}/oposiciones/{certificado}/{dir3|TODAS} → opposition
 *   errors (same envelope, Estado): 0226 invalid document 400, 0233 no such record 404
 *   POST {base}/__control/consultas { nif, id, dir3, nombre, procedimiento, baseLegal }: an
 *     administration consults a record now (refused, and logged as refused, when opposed)
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
  transmisiones: readonly object[],
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

  let consultas = createPidConsultas(now());
  // "<nif> <certificado> <dir3|TODAS>"
  const oposiciones = new Set<string>();
  let consultaSeq = 0;
  const opposed = (nif: string, certificado: string, dir3: string) =>
    oposiciones.has(`${nif} ${certificado} ${dir3}`) || oposiciones.has(`${nif} ${certificado} TODAS`);
  const recordOf = (nif: string, id: string) => (PID_RECORDS[nif] ?? []).find((record) => record.id === id);

  const consultaXml = (consulta: PidConsulta) => ({
    IdConsulta: consulta.id,
    Fecha: formatMadridDateTime(consulta.at),
    Organismo: { NombreOrganismo: consulta.organismo.nombre, CodigoDir3: consulta.organismo.dir3 },
    Procedimiento: consulta.procedimiento,
    BaseLegal: consulta.baseLegal,
    Resultado: consulta.resultado,
  });

  return [
    http.post(`${base}/__control/reset`, () => {
      consultas = createPidConsultas(now());
      oposiciones.clear();
      return HttpResponse.json(faults.reset());
    }),
    http.post(`${base}/__control/consultas`, async ({ request }) => {
      const body = (await request.json().catch(() => null)) as Record<string, unknown> | null;
      const nif = String(body?.nif ?? '');
      const record = recordOf(nif, String(body?.id ?? ''));
      if (!record || typeof body?.dir3 !== 'string') {
        return HttpResponse.json(
          { error: 'bad-request', message: 'unknown record or no dir3' },
          { status: 400 },
        );
      }
      consultaSeq += 1;
      const consulta: PidConsulta = {
        id: `S${String(consultaSeq).padStart(5, '0')}`,
        transmision: record.id,
        at: now(),
        organismo: { dir3: body.dir3, nombre: String(body.nombre ?? body.dir3) },
        procedimiento: String(body.procedimiento ?? 'Procedimiento'),
        baseLegal: String(body.baseLegal ?? 'Ley 39/2015, art. 28.2'),
        resultado: opposed(nif, record.certificado, body.dir3) ? 'DENEGADA_OPOSICION' : 'SERVIDA',
      };
      consultas.set(nif, [consulta, ...(consultas.get(nif) ?? [])]);
      return HttpResponse.json({ resultado: consulta.resultado, id: consulta.id });
    }),
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

    http.get(`${api}/titulares/:nif/transmisiones/:id/consultas`, async ({ request, params }) => {
      const fault = await injectFault(faults, request);
      if (fault) return fault;
      const nif = nifOf(params.nif);
      if (nif instanceof Response) return nif;
      const at = now();
      const record = recordOf(nif, String(params.id));
      if (!record) return xml(pidResponse(at, { codigo: '0233', literal: 'No existen datos' }, []), 404);
      const list = (consultas.get(nif) ?? []).filter((consulta) => consulta.transmision === record.id);
      return xml(
        builder.build({
          '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
          Respuesta: {
            '@_xmlns': PID_NAMESPACE,
            Atributos: {
              NumElementos: String(list.length),
              TimeStamp: formatMadridDateTime(at),
              Estado: { CodigoEstado: '0003', LiteralError: 'Tramitada' },
            },
            Consultas: { Consulta: list.map(consultaXml) },
          },
        }) as string,
      );
    }),

    http.get(`${api}/titulares/:nif/residencia`, async ({ request, params }) => {
      const fault = await injectFault(faults, request);
      if (fault) return fault;
      const nif = nifOf(params.nif);
      if (nif instanceof Response) return nif;
      const at = now();
      const residencia = PID_RESIDENCIAS[nif];
      if (!residencia) return xml(pidResponse(at, { codigo: '0233', literal: 'No existen datos' }, []), 404);
      return xml(
        pidResponse(at, ok, [
          {
            DatosGenericos: {
              Emisor: { NombreEmisor: PID_EMISORES.ine.nombre, CodigoDir3: PID_EMISORES.ine.dir3 },
              Titular: { Documentacion: nif },
              Transmision: {
                CodigoCertificado: PID_RESIDENCE_CERTIFICATE,
                IdTransmision: `RES-${nif}`,
                FechaGeneracion: formatMadridDateTime(at),
              },
            },
            DatosEspecificos: {
              Residencia: {
                Provincia: { Codigo: residencia.codProvincia, Nombre: residencia.provincia },
                Municipio: { Codigo: residencia.codMunicipio, Nombre: residencia.municipio },
                FechaUltimaVariacion: residencia.fechaUltimaVariacion,
              },
            },
          },
        ]),
      );
    }),

    http.all(`${api}/titulares/:nif/oposiciones/:certificado/:dir3`, async ({ request, params }) => {
      const fault = await injectFault(faults, request);
      if (fault) return fault;
      const nif = nifOf(params.nif);
      if (nif instanceof Response) return nif;
      const key = `${nif} ${String(params.certificado)} ${String(params.dir3)}`;
      if (request.method === 'PUT') oposiciones.add(key);
      else if (request.method === 'DELETE') oposiciones.delete(key);
      else return new HttpResponse(null, { status: 405 });
      return xml(pidResponse(now(), { codigo: '0003', literal: 'Tramitada' }, []));
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
