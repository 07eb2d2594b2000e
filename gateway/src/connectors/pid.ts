import type { MyDataConsultation, MyDataRecord, MyDataTheme, SourceStatus } from '@carpeta/sdk';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';
import type { AgencyAnswer } from '../agency-http.ts';
import type { ConnectorFactory } from '../agencies/types.ts';
import {
  AGENCY_ID_PATTERN,
  clip,
  createStateSupport,
  lookup,
  madridInstant,
  toIso,
} from './state-support.ts';
import type { CensusResidence, GetResult, ListResult } from './types.ts';

/*
 * The data intermediation platform ("pid"): one system answering, in an SCSP-like XML, the data
 * that many issuing administrations hold about a person. Each transmission becomes a "my data"
 * record of its theme, with its issuer (the administration that holds the data, not the platform)
 * and the instant the platform generated it.
 */

const PATH = '/pid/scsp/v3/titulares';

const THEMES: Readonly<Record<string, MyDataTheme>> = {
  IDENTIDAD: 'identity',
  EDUCACION: 'education',
  EMPLEO: 'work',
  FAMILIA: 'family',
  VEHICULOS: 'vehicles',
  TRIBUTARIA: 'tax',
};

/** The census residence (the INE's answer through the platform): INE codes of province and municipality. */
export const pidResidenceSchema = z.object({
  DatosEspecificos: z.object({
    Residencia: z.object({
      Provincia: z.object({ Codigo: z.string().regex(/^[0-9]{2}$/), Nombre: z.string().max(200).optional() }),
      Municipio: z.object({ Codigo: z.string().regex(/^[0-9]{3}$/), Nombre: z.string().max(200).optional() }),
    }),
  }),
});

/** "dd/MM/yyyy HH:mm:ss", Madrid wall-clock time. */
const RAW_DATE = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2})$/;

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  htmlEntities: false,
  isArray: (name, jPath) =>
    (name === 'TransmisionDatos' && String(jPath).endsWith('Transmisiones.TransmisionDatos')) ||
    (name === 'Dato' && String(jPath).endsWith('Datos.Dato')) ||
    (name === 'Consulta' && String(jPath).endsWith('Consultas.Consulta')),
});

const text = z.string().trim();
const datoSchema = z.object({ Nombre: text.min(1), Valor: z.string().default('') });
export const pidTransmissionSchema = z.object({
  DatosGenericos: z.object({
    Emisor: z.object({ NombreEmisor: text.min(1), CodigoDir3: z.string().regex(/^[A-Z0-9]{9}$/) }),
    Transmision: z.object({
      CodigoCertificado: z.string().regex(/^[A-Za-z0-9._-]{1,60}$/),
      IdTransmision: z.string().regex(AGENCY_ID_PATTERN),
      FechaGeneracion: z.string().regex(RAW_DATE),
    }),
  }),
  DatosEspecificos: z.object({
    Categoria: z.string(),
    Titulo: text.min(1),
    Datos: z
      .union([z.literal(''), z.object({ Dato: z.array(z.unknown()) })])
      .optional()
      .transform((value) => (value === undefined || value === '' ? [] : value.Dato)),
  }),
});

const envelopeSchema = z.object({
  Respuesta: z.object({
    Atributos: z.object({
      Estado: z.object({ CodigoEstado: z.string(), LiteralError: z.string().default('') }),
    }),
    Transmisiones: z
      .union([z.literal(''), z.object({ TransmisionDatos: z.array(z.unknown()) })])
      .optional()
      .transform((value) => (value === undefined || value === '' ? [] : value.TransmisionDatos)),
  }),
});

export const pidConsultaSchema = z.object({
  IdConsulta: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/),
  Fecha: z.string().regex(RAW_DATE),
  Organismo: z.object({ NombreOrganismo: text.min(1), CodigoDir3: z.string().regex(/^[A-Z0-9]{9}$/) }),
  Procedimiento: text.min(1),
  BaseLegal: text.min(1),
  Resultado: z.enum(['SERVIDA', 'DENEGADA_OPOSICION']),
});

const consultasSchema = z.object({
  Respuesta: z.object({
    Atributos: z.object({ Estado: z.object({ CodigoEstado: z.string() }) }),
    Consultas: z
      .union([z.literal(''), z.object({ Consulta: z.array(z.unknown()) })])
      .optional()
      .transform((value) => (value === undefined || value === '' ? [] : value.Consulta)),
  }),
});

/** The platform's log of a record: its consultations, or null when the answer is not one. */
export function parsePidConsultas(body: string): unknown[] | null {
  if (/<!DOCTYPE|<!ENTITY/i.test(body) || XMLValidator.validate(body) !== true) return null;
  try {
    const parsed = consultasSchema.safeParse(parser.parse(body));
    return parsed.success && parsed.data.Respuesta.Atributos.Estado.CodigoEstado === '0003'
      ? parsed.data.Respuesta.Consultas
      : null;
  } catch {
    return null;
  }
}

export type PidEnvelope =
  | { kind: 'answer'; code: string; transmissions: unknown[] }
  | { kind: 'invalid'; problem: string };

/** Parses the platform's answer: its status code and its transmissions, or why it is not one. */
export function parsePidEnvelope(body: string): PidEnvelope {
  if (/<!DOCTYPE|<!ENTITY/i.test(body)) return { kind: 'invalid', problem: 'a DTD in the answer' };
  const valid = XMLValidator.validate(body);
  if (valid !== true) return { kind: 'invalid', problem: `not well-formed XML (line ${valid.err.line})` };
  let document: unknown;
  try {
    document = parser.parse(body);
  } catch {
    return { kind: 'invalid', problem: 'unparseable XML' };
  }
  const envelope = envelopeSchema.safeParse(document);
  if (!envelope.success) return { kind: 'invalid', problem: 'not an SCSP answer' };
  return {
    kind: 'answer',
    code: envelope.data.Respuesta.Atributos.Estado.CodigoEstado,
    transmissions: envelope.data.Respuesta.Transmisiones,
  };
}

/** "23/11/2026 10:15:00" (Madrid) → the instant, or null. */
export function parsePidDate(value: string): Date | null {
  const match = RAW_DATE.exec(value);
  if (!match) return null;
  const [, day, month, year, hours, minutes, seconds] = match.map(Number);
  return madridInstant(
    year ?? 0,
    month ?? 0,
    day ?? 0,
    hours ?? Number.NaN,
    minutes ?? Number.NaN,
    seconds ?? Number.NaN,
  );
}

export const createPidSource: ConnectorFactory = (entry, { client, logger }) => {
  const support = createStateSupport(entry, client, logger);

  function toRecord(raw: unknown): MyDataRecord | null {
    const parsed = pidTransmissionSchema.safeParse(raw);
    if (!parsed.success) return null;
    const { DatosGenericos: generic, DatosEspecificos: specific } = parsed.data;
    const theme = lookup(THEMES, specific.Categoria);
    if (!theme) {
      support.unknownCode('Categoria', specific.Categoria);
      return null;
    }
    const generated = parsePidDate(generic.Transmision.FechaGeneracion);
    if (!generated) return null;
    const fields: MyDataRecord['fields'] = [];
    for (const dato of specific.Datos.slice(0, 100)) {
      const field = datoSchema.safeParse(dato);
      if (!field.success) return null;
      fields.push({ label: clip(field.data.Nombre, 200), value: clip(field.data.Valor, 2000) });
    }
    return {
      id: `${entry.id}:${generic.Transmision.IdTransmision}`,
      source: entry.id,
      theme,
      type: generic.Transmision.CodigoCertificado,
      title: clip(specific.Titulo, 300),
      issuer: { dir3: generic.Emisor.CodigoDir3, name: clip(generic.Emisor.NombreEmisor, 300) },
      fields,
      retrievedAt: toIso(generated),
      state: 'current',
    };
  }

  /** The answer's envelope, or the status to give when it cannot be used. */
  function read(
    answer: AgencyAnswer,
    what: string,
  ):
    | { ok: false; failed: SourceStatus }
    | { ok: true; envelope: Extract<PidEnvelope, { kind: 'answer' }>; httpStatus: number } {
    if (answer.kind === 'failure') return { ok: false, failed: support.failure(answer) };
    const envelope = /xml/i.test(answer.contentType) ? parsePidEnvelope(answer.text) : null;
    if (!envelope || envelope.kind === 'invalid') {
      return {
        ok: false,
        failed: support.unusable({
          what,
          httpStatus: answer.httpStatus,
          problem: envelope?.problem ?? `content type ${clip(answer.contentType, 60)}`,
        }),
      };
    }
    return { ok: true, envelope, httpStatus: answer.httpStatus };
  }

  return {
    id: entry.id,
    name: entry.name,
    dir3: entry.dir3,
    domains: entry.domains,
    residence: {
      async residence(personId: string): Promise<GetResult<CensusResidence>> {
        const answer = await client.get(`${PATH}/${encodeURIComponent(personId)}/residencia`, {
          accept: 'application/xml',
        });
        const result = read(answer, 'residence');
        if (!result.ok) {
          const reason = result.failed.status === 'ok' ? 'unavailable' : result.failed.status;
          return { ok: false, reason, status: result.failed };
        }
        // "No existen datos": the census holds no residence for this person (or it is a company).
        if (result.httpStatus === 404 && result.envelope.code === '0233') {
          client.report('ok');
          return { ok: false, reason: 'not-found', status: support.ok() };
        }
        const parsed =
          result.httpStatus === 200 && result.envelope.code === '0003'
            ? pidResidenceSchema.safeParse(result.envelope.transmissions[0])
            : null;
        if (!parsed?.success) {
          const status = support.unusable({ what: 'residence', httpStatus: result.httpStatus });
          return { ok: false, reason: 'invalid-response', status };
        }
        client.report('ok');
        const { Provincia, Municipio } = parsed.data.DatosEspecificos.Residencia;
        return {
          ok: true,
          item: {
            municipality: `${Provincia.Codigo}${Municipio.Codigo}`,
            municipalityName: Municipio.Nombre ?? '',
            provinceName: Provincia.Nombre ?? '',
          },
          status: support.ok(),
        };
      },
    },
    data: {
      async list(citizenId: string): Promise<ListResult<MyDataRecord>> {
        const answer = await client.get(`${PATH}/${encodeURIComponent(citizenId)}/transmisiones`, {
          accept: 'application/xml',
        });
        const result = read(answer, 'records');
        if (!result.ok) return { items: [], status: result.failed };
        if (result.httpStatus !== 200 || result.envelope.code !== '0003') {
          return {
            items: [],
            status: support.unusable({ httpStatus: result.httpStatus, code: clip(result.envelope.code, 10) }),
          };
        }
        client.report('ok');
        return support.records('records', result.envelope.transmissions, toRecord, (item) => item.id);
      },

      async get(citizenId: string, agencyId: string): Promise<GetResult<MyDataRecord>> {
        if (!AGENCY_ID_PATTERN.test(agencyId))
          return { ok: false, reason: 'not-found', status: support.ok() };
        const answer = await client.get(
          `${PATH}/${encodeURIComponent(citizenId)}/transmisiones/${encodeURIComponent(agencyId)}`,
          { accept: 'application/xml' },
        );
        const result = read(answer, 'record');
        if (!result.ok) {
          const reason = result.failed.status === 'ok' ? 'unavailable' : result.failed.status;
          return { ok: false, reason, status: result.failed };
        }
        if (result.httpStatus === 404 && result.envelope.code === '0233') {
          return { ok: false, reason: 'not-found', status: support.ok() };
        }
        const [raw] = result.envelope.transmissions;
        const item = result.httpStatus === 200 && result.envelope.code === '0003' ? toRecord(raw) : null;
        if (!item || item.id !== `${entry.id}:${agencyId}`) {
          const status = support.unusable({ what: 'record', httpStatus: result.httpStatus });
          return { ok: false, reason: 'invalid-response', status };
        }
        client.report('ok');
        return { ok: true, item, status: support.ok() };
      },

      async consultations(citizenId: string, agencyId: string): Promise<GetResult<MyDataConsultation[]>> {
        if (!AGENCY_ID_PATTERN.test(agencyId))
          return { ok: false, reason: 'not-found', status: support.ok() };
        const answer = await client.get(
          `${PATH}/${encodeURIComponent(citizenId)}/transmisiones/${encodeURIComponent(agencyId)}/consultas`,
          { accept: 'application/xml' },
        );
        if (answer.kind === 'failure') {
          return { ok: false, reason: answer.reason, status: support.failure(answer) };
        }
        if (answer.httpStatus === 404) return { ok: false, reason: 'not-found', status: support.ok() };
        const raws = answer.httpStatus === 200 ? parsePidConsultas(answer.text) : null;
        if (!raws) {
          const status = support.unusable({ what: 'consultations', httpStatus: answer.httpStatus });
          return { ok: false, reason: 'invalid-response', status };
        }
        client.report('ok');
        const read = support.records(
          'consultations',
          raws,
          (raw): MyDataConsultation | null => {
            const parsed = pidConsultaSchema.safeParse(raw);
            if (!parsed.success) return null;
            const at = parsePidDate(parsed.data.Fecha);
            if (!at) return null;
            return {
              id: parsed.data.IdConsulta,
              at: toIso(at),
              administration: {
                dir3: parsed.data.Organismo.CodigoDir3,
                name: clip(parsed.data.Organismo.NombreOrganismo, 300),
              },
              procedure: clip(parsed.data.Procedimiento, 300),
              legalBasis: clip(parsed.data.BaseLegal, 300),
              result: parsed.data.Resultado === 'SERVIDA' ? 'served' : 'refused',
            };
          },
          (item) => item.id,
        );
        return { ok: true, item: read.items.sort((a, b) => b.at.localeCompare(a.at)), status: read.status };
      },

      async oppose(citizenId, dataType, administrationDir3, active): Promise<GetResult<true>> {
        if (
          !/^[A-Za-z0-9._-]{1,60}$/.test(dataType) ||
          (administrationDir3 !== null && !/^[A-Z0-9]{9}$/.test(administrationDir3))
        ) {
          return { ok: false, reason: 'not-found', status: support.ok() };
        }
        const answer = await client.send(
          active ? 'PUT' : 'DELETE',
          `${PATH}/${encodeURIComponent(citizenId)}/oposiciones/${encodeURIComponent(dataType)}/${administrationDir3 ?? 'TODAS'}`,
          undefined,
          { accept: 'application/xml' },
        );
        const result = read(answer, 'opposition');
        if (!result.ok) {
          const reason = result.failed.status === 'ok' ? 'unavailable' : result.failed.status;
          return { ok: false, reason, status: result.failed };
        }
        if (result.httpStatus !== 200 || result.envelope.code !== '0003') {
          const status = support.unusable({ what: 'opposition', httpStatus: result.httpStatus });
          return { ok: false, reason: 'invalid-response', status };
        }
        client.report('ok');
        return { ok: true, item: true, status: support.ok() };
      },
    },
  };
};
