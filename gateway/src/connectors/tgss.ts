import {
  type Appointment,
  type AppointmentService,
  type AppointmentStatus,
  appointmentSchema,
  appointmentServiceSchema,
  type CitizenFile,
  citizenFileSchema,
  type FileDocument,
  type FileEvent,
  type FileStatus,
  type Office,
  officeSchema,
  type Slot,
  type SourceStatus,
  slotSchema,
} from '@carpeta/sdk';
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';
import type { AgencyAnswer } from '../agency-http.ts';
import type { ConnectorFactory } from '../agencies/types.ts';
import {
  AGENCY_ID_PATTERN,
  blankToNull,
  clip,
  createStateSupport,
  dayParts,
  httpsOrNull,
  madridInstant,
  toIso,
} from './state-support.ts';
import type {
  AgencyFailure,
  AppointmentsCapability,
  BookingChoice,
  FilesCapability,
  GetResult,
  ListResult,
  SourceConnector,
  WriteResult,
} from './types.ts';

/*
 * Connector for Social Security (TGSS/INSS): XML in a SOAP-style envelope, parsed with
 * fast-xml-parser (never by hand). The schemas below describe the ENTITY's records once parsed
 * (every value a string; upper-case status words; "dd-MM-yyyy'T'HH:mm" Madrid wall-clock times).
 * Errors come as SOAP faults. Everything leaving this file is an sdk type.
 */

const SOAP_NAMESPACE = 'http://schemas.xmlsoap.org/soap/envelope/';
const TGSS_NAMESPACE = 'urn:es:seg-social:carpeta:v1';
const RAW_DATE = /^(\d{2})-(\d{2})-(\d{4})T(\d{2}):(\d{2})$/;

/** "dd-MM-yyyy'T'HH:mm", Madrid wall-clock → instant; null when not a real date and time. */
export function parseTgssDate(value: string): Date | null {
  const match = RAW_DATE.exec(value);
  if (!match) return null;
  const [day = 0, month = 0, year = 0, hours = 0, minutes = 0] = match.slice(1).map(Number);
  return madridInstant(year, month, day, hours, minutes);
}

/** List elements (always arrays, even with one item) by the element that contains them. */
const LIST_ITEMS: Record<string, string> = {
  expediente: 'expedientes',
  hito: 'historial',
  documento: 'documentacion',
  servicio: 'servicios',
  oficina: 'oficinas',
  hueco: 'huecos',
  cita: 'citas',
};

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  // Every value stays a string ("0041377" is not a number): the schemas decide.
  parseTagValue: false,
  trimValues: true,
  htmlEntities: false,
  isArray: (name, jPath) => {
    const container = LIST_ITEMS[name];
    return container !== undefined && String(jPath).endsWith(`${container}.${name}`);
  },
});
const builder = new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: false });

export type ParsedEnvelope =
  | { kind: 'body'; operation: string; content: Record<string, unknown> }
  | { kind: 'fault'; faultcode: string; faultstring: string; code: string | null }
  | { kind: 'invalid'; problem: string };

/** Parses a SOAP envelope: its one body element, or its fault, or why it is not one. */
export function parseSoapEnvelope(text: string): ParsedEnvelope {
  // No DTDs at all: nothing to expand, nothing to fetch.
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return { kind: 'invalid', problem: 'a DTD in the answer' };
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { kind: 'invalid', problem: `not well-formed XML (line ${valid.err.line})` };
  let document: unknown;
  try {
    document = parser.parse(text);
  } catch {
    return { kind: 'invalid', problem: 'unparseable XML' };
  }
  const body = (document as { Envelope?: { Body?: unknown } }).Envelope?.Body;
  if (body === null || typeof body !== 'object')
    return { kind: 'invalid', problem: 'no soap:Envelope/soap:Body' };
  const entries = Object.entries(body as Record<string, unknown>);
  const [operation, content] = entries[0] ?? [];
  if (entries.length !== 1 || operation === undefined)
    return { kind: 'invalid', problem: 'not one body element' };
  if (operation === 'Fault') {
    const fault = faultSchema.safeParse(content);
    if (!fault.success) return { kind: 'invalid', problem: 'an unreadable soap:Fault' };
    const detail = fault.data.detail;
    const code = typeof detail === 'object' && detail !== null ? (detail.error?.codigo ?? null) : null;
    return { kind: 'fault', faultcode: fault.data.faultcode, faultstring: fault.data.faultstring, code };
  }
  if (content === null || typeof content !== 'object')
    return { kind: 'invalid', problem: 'an empty body element' };
  return { kind: 'body', operation, content: content as Record<string, unknown> };
}

const faultSchema = z.object({
  faultcode: z.string(),
  faultstring: z.string().default(''),
  detail: z.union([z.object({ error: z.object({ codigo: z.string() }).optional() }), z.string()]).optional(),
});

const text = z.string().trim();
const rawDate = z.string().regex(RAW_DATE);
const id = z.string().regex(AGENCY_ID_PATTERN);
/** An element that may be absent or empty. */
const optionalText = z
  .string()
  .optional()
  .transform((value) => blankToNull(value));
/** A list container: "" when empty, else its items. */
const listOf = <T extends z.ZodType>(key: string, item: T) =>
  z
    .union([z.literal(''), z.object({ [key]: z.array(z.unknown()) })])
    .optional()
    .transform((value): unknown[] =>
      value === undefined || value === '' ? [] : ((value as Record<string, unknown[]>)[key] ?? []),
    )
    .pipe(z.array(item));

const hitoSchema = z.object({ estado: z.string(), fecha: rawDate, observaciones: optionalText });
const documentoSchema = z.object({
  idDocumento: id,
  nombre: text.min(1),
  fechaRegistro: rawDate,
  origen: z.enum(['SOLICITANTE', 'ENTIDAD']),
});
export const tgssExpedienteSchema = z.object({
  idExpediente: id,
  numeroExpediente: text.min(1).max(100),
  prestacion: text.min(1),
  codTramite: z.string().optional(),
  descTramite: optionalText,
  entidadGestora: z.string().optional(),
  direccionProvincial: text.min(1),
  estado: z.string(),
  fechaAlta: rawDate,
  fechaEstado: rawDate.optional(),
  plazoSubsanacion: rawDate.optional(),
  historial: listOf('hito', hitoSchema),
  documentacion: listOf('documento', documentoSchema),
  enlaceSede: optionalText,
});

const minutes = z
  .string()
  .regex(/^\d{1,4}$/)
  .transform(Number)
  .pipe(z.number().int().positive());
const servicioSchema = z.object({ codigo: id, denominacion: text.min(1), minutos: minutes });
const oficinaSchema = z.object({
  codigoCaiss: id,
  denominacion: text.min(1),
  direccion: z.string().default(''),
});
const huecoSchema = z.object({ idHueco: id, inicio: rawDate, fin: rawDate });
export const tgssCitaSchema = z.object({
  idCita: id,
  justificante: text.min(1).max(100),
  servicio: servicioSchema,
  oficina: oficinaSchema,
  inicio: rawDate,
  fin: rawDate,
  estado: z.string(),
});

const ESTADO: Record<string, FileStatus> = {
  REGISTRADO: 'started',
  EN_TRAMITE: 'in-progress',
  PENDIENTE_SUBSANACION: 'requirement',
  RESUELTO_ESTIMADO: 'resolved',
  RESUELTO_DESESTIMADO: 'resolved',
  ARCHIVADO: 'archived',
};
const ESTADO_CITA: Record<string, AppointmentStatus> = {
  CONFIRMADA: 'booked',
  ANULADA: 'cancelled',
  ATENDIDA: 'attended',
  NO_PRESENTADA: 'missed',
};

interface Context {
  source: string;
  issuer: { dir3: string; name: string };
}

export function normaliseTgssExpediente(raw: unknown, context: Context): CitizenFile | null {
  const parsed = tgssExpedienteSchema.safeParse(raw);
  if (!parsed.success) return null;
  const file = parsed.data;
  const status = ESTADO[file.estado];
  const startedAt = parseTgssDate(file.fechaAlta);
  if (!status || !startedAt) return null;
  const deadline = file.plazoSubsanacion ? parseTgssDate(file.plazoSubsanacion) : null;
  const changed = file.fechaEstado ? parseTgssDate(file.fechaEstado) : null;
  if ((file.plazoSubsanacion && !deadline) || (file.fechaEstado && !changed)) return null;

  const timeline: FileEvent[] = [];
  for (const hito of file.historial) {
    const eventStatus = ESTADO[hito.estado];
    const at = parseTgssDate(hito.fecha);
    if (!eventStatus || !at) return null;
    timeline.push({
      status: eventStatus,
      at: toIso(at),
      description: hito.observaciones === null ? null : clip(hito.observaciones, 500),
    });
  }
  timeline.sort((a, b) => a.at.localeCompare(b.at));
  const documents: FileDocument[] = [];
  for (const documento of file.documentacion) {
    const at = parseTgssDate(documento.fechaRegistro);
    if (!at) return null;
    documents.push({
      id: documento.idDocumento,
      title: clip(documento.nombre, 300),
      addedAt: toIso(at),
      origin: documento.origen === 'SOLICITANTE' ? 'citizen' : 'administration',
    });
  }
  const candidate: CitizenFile = {
    id: `${context.source}:${file.idExpediente}`,
    source: context.source,
    issuer: context.issuer,
    handler: clip(file.direccionProvincial, 300),
    title: clip(file.prestacion, 500),
    procedure: file.descTramite === null ? null : clip(file.descTramite, 300),
    reference: file.numeroExpediente,
    status,
    open: status === 'started' || status === 'in-progress' || status === 'requirement',
    startedAt: toIso(startedAt),
    updatedAt: changed ? toIso(changed) : (timeline.at(-1)?.at ?? toIso(startedAt)),
    deadline: deadline && status === 'requirement' ? toIso(deadline) : null,
    timeline,
    documents,
    serviceUrl: httpsOrNull(file.enlaceSede),
  };
  const checked = citizenFileSchema.safeParse(candidate);
  return checked.success ? checked.data : null;
}

const toService = (servicio: z.infer<typeof servicioSchema>): AppointmentService => ({
  id: servicio.codigo,
  name: clip(servicio.denominacion, 300),
  durationMinutes: servicio.minutos,
});
const toOffice = (oficina: z.infer<typeof oficinaSchema>): Office => ({
  id: oficina.codigoCaiss,
  name: clip(oficina.denominacion, 300),
  address: clip(oficina.direccion, 500),
});

export function normaliseTgssCita(raw: unknown, context: Context): Appointment | null {
  const parsed = tgssCitaSchema.safeParse(raw);
  if (!parsed.success) return null;
  const cita = parsed.data;
  const status = ESTADO_CITA[cita.estado];
  const startsAt = parseTgssDate(cita.inicio);
  const endsAt = parseTgssDate(cita.fin);
  if (!status || !startsAt || !endsAt || endsAt.getTime() < startsAt.getTime()) return null;
  const candidate: Appointment = {
    id: `${context.source}:${cita.idCita}`,
    source: context.source,
    issuer: context.issuer,
    service: toService(cita.servicio),
    office: toOffice(cita.oficina),
    startsAt: toIso(startsAt),
    endsAt: toIso(endsAt),
    status,
    reference: cita.justificante,
  };
  const checked = appointmentSchema.safeParse(candidate);
  return checked.success ? checked.data : null;
}

function normaliseHueco(raw: unknown): Slot | null {
  const parsed = huecoSchema.safeParse(raw);
  if (!parsed.success) return null;
  const startsAt = parseTgssDate(parsed.data.inicio);
  const endsAt = parseTgssDate(parsed.data.fin);
  if (!startsAt || !endsAt) return null;
  const checked = slotSchema.safeParse({
    id: parsed.data.idHueco,
    startsAt: toIso(startsAt),
    endsAt: toIso(endsAt),
  });
  return checked.success ? checked.data : null;
}

/** A write request envelope; the library escapes every value. */
export function tgssRequestEnvelope(operation: string, fields: Record<string, string>): string {
  const content: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) content[`tns:${name}`] = value;
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    'soap:Envelope': {
      '@_xmlns:soap': SOAP_NAMESPACE,
      '@_xmlns:tns': TGSS_NAMESPACE,
      'soap:Body': { [`tns:${operation}`]: content },
    },
  }) as string;
}

const byStart = (a: { startsAt: string; id: string }, b: { startsAt: string; id: string }) =>
  a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id);

export const TGSS_CONFLICT_TAKEN = 'That time is no longer free. Choose another one.';
export const TGSS_CONFLICT_CANCELLED =
  'This appointment was cancelled and cannot be changed. Book a new one.';
/** Faults that mean "no such thing": an empty answer, not a failing agency. */
const NOT_FOUND_CODES = new Set(['EXPEDIENTE_NO_EXISTE', 'CITA_NO_EXISTE', 'SERVICIO_NO_EXISTE']);

type Failure = { ok: false; reason: 'not-found' | AgencyFailure; status: SourceStatus };
const XML = 'text/xml';

export const createTgssSource: ConnectorFactory = (entry, deps) => {
  const { client, logger } = deps;
  const source = entry.id;
  const context: Context = { source, issuer: { dir3: entry.dir3, name: entry.name } };
  const ws = typeof entry.options.wsPath === 'string' ? entry.options.wsPath : '/tgss/ws/v1';
  const support = createStateSupport(entry, client, logger);

  /** The response element of a usable answer, or why not. */
  function classify(
    answer: AgencyAnswer,
    path: string,
    operation: string,
  ): { ok: true; content: Record<string, unknown> } | Failure | { ok: false; fault: string } {
    if (answer.kind === 'failure')
      return { ok: false, reason: answer.reason, status: support.failure(answer) };
    const envelope = parseSoapEnvelope(answer.text);
    if (envelope.kind === 'fault') {
      if (envelope.code !== null && NOT_FOUND_CODES.has(envelope.code)) {
        client.report('ok');
        return { ok: false, reason: 'not-found', status: support.ok() };
      }
      if (envelope.faultcode.endsWith('Client') && envelope.code !== null) {
        // The entity understood and said no (a taken slot, a cancelled appointment): it is healthy.
        client.report('ok');
        return { ok: false, fault: envelope.code };
      }
      client.report('unavailable', { path, httpStatus: answer.httpStatus, faultcode: envelope.faultcode });
      return {
        ok: false,
        reason: 'unavailable',
        status: support.status('unavailable', 'The service refused the request.'),
      };
    }
    if (answer.httpStatus >= 500) {
      client.report('unavailable', { path, httpStatus: answer.httpStatus });
      return {
        ok: false,
        reason: 'unavailable',
        status: support.status(
          'unavailable',
          `The service answered with an error (HTTP ${answer.httpStatus}).`,
        ),
      };
    }
    if (envelope.kind === 'invalid' || answer.httpStatus !== 200 || envelope.operation !== operation) {
      const problem =
        envelope.kind === 'invalid' ? envelope.problem : `${envelope.operation} instead of ${operation}`;
      return { ok: false, reason: 'invalid-response', status: support.unusable({ path, problem }) };
    }
    client.report('ok');
    return { ok: true, content: envelope.content };
  }

  /** A read: the list under `container` of the `operation` response. */
  async function readList(
    path: string,
    operation: string,
    container: string,
    item: string,
  ): Promise<{ raws: unknown[] } | { status: SourceStatus }> {
    const answer = classify(await client.get(path, { accept: XML }), path, operation);
    if (!answer.ok) {
      if ('fault' in answer)
        return { status: support.status('unavailable', 'The service refused the request.') };
      return { status: answer.reason === 'not-found' ? support.ok() : answer.status };
    }
    const list = answer.content[container];
    if (list === '') return { raws: [] };
    const items =
      list !== null && typeof list === 'object' ? (list as Record<string, unknown>)[item] : undefined;
    if (!Array.isArray(items)) {
      return { status: support.unusable({ path, problem: `no ${container} list` }) };
    }
    return { raws: items };
  }

  async function write(operation: string, fields: Record<string, string>): Promise<WriteResult<Appointment>> {
    const path = `${ws}/CitaPrevia`;
    const answer = await client.send(
      'POST',
      path,
      { contentType: 'text/xml; charset=utf-8', text: tgssRequestEnvelope(`${operation}Request`, fields) },
      { accept: XML },
    );
    const result = classify(answer, path, `${operation}Response`);
    if (!result.ok) {
      if ('fault' in result) {
        if (result.fault === 'HUECO_NO_DISPONIBLE') {
          return { ok: false, reason: 'conflict', status: support.ok(), message: TGSS_CONFLICT_TAKEN };
        }
        if (result.fault === 'CITA_ANULADA') {
          return { ok: false, reason: 'conflict', status: support.ok(), message: TGSS_CONFLICT_CANCELLED };
        }
        return {
          ok: false,
          reason: 'unavailable',
          status: support.status('unavailable', 'The service refused the request.'),
        };
      }
      return result;
    }
    const citas = result.content.cita;
    const item = normaliseTgssCita(Array.isArray(citas) ? citas[0] : citas, context);
    if (!item) {
      return {
        ok: false,
        reason: 'invalid-response',
        status: support.unusable({ path, problem: 'the cita does not match' }),
      };
    }
    return { ok: true, item, status: support.ok() };
  }

  const ipf = (citizenId: string) => `ipf=${encodeURIComponent(citizenId)}`;
  const validChoice = (choice: BookingChoice) =>
    AGENCY_ID_PATTERN.test(choice.serviceId) &&
    AGENCY_ID_PATTERN.test(choice.officeId) &&
    AGENCY_ID_PATTERN.test(choice.slotId);
  const noSuchSlot = (): WriteResult<Appointment> => ({
    ok: false,
    reason: 'conflict',
    status: support.ok(),
    message: TGSS_CONFLICT_TAKEN,
  });

  const files: FilesCapability = {
    async list(citizenId): Promise<ListResult<CitizenFile>> {
      const read = await readList(
        `${ws}/CarpetaCiudadano/expedientes?${ipf(citizenId)}`,
        'ConsultaExpedientesResponse',
        'expedientes',
        'expediente',
      );
      if ('status' in read) return { items: [], status: read.status };
      const result = support.records(
        'files',
        read.raws,
        (raw) => normaliseTgssExpediente(raw, context),
        (f) => f.id,
      );
      result.items.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
      return result;
    },

    async get(citizenId, agencyId): Promise<GetResult<CitizenFile>> {
      if (!AGENCY_ID_PATTERN.test(agencyId)) return { ok: false, reason: 'not-found', status: support.ok() };
      const path = `${ws}/CarpetaCiudadano/expedientes/${encodeURIComponent(agencyId)}?${ipf(citizenId)}`;
      const answer = classify(await client.get(path, { accept: XML }), path, 'ConsultaExpedienteResponse');
      if (!answer.ok) {
        if ('fault' in answer)
          return {
            ok: false,
            reason: 'unavailable',
            status: support.status('unavailable', 'The service refused the request.'),
          };
        return answer;
      }
      const list = answer.content.expediente;
      const item = normaliseTgssExpediente(Array.isArray(list) ? list[0] : list, context);
      if (!item || item.id !== `${source}:${agencyId}`) {
        return {
          ok: false,
          reason: 'invalid-response',
          status: support.unusable({ path, problem: 'unreadable expediente' }),
        };
      }
      return { ok: true, item, status: support.ok() };
    },
  };

  const appointments: AppointmentsCapability = {
    async list(citizenId) {
      const read = await readList(
        `${ws}/CitaPrevia/citas?${ipf(citizenId)}`,
        'ConsultaCitasResponse',
        'citas',
        'cita',
      );
      if ('status' in read) return { items: [], status: read.status };
      const result = support.records(
        'appointments',
        read.raws,
        (raw) => normaliseTgssCita(raw, context),
        (a) => a.id,
      );
      result.items.sort(byStart);
      return result;
    },

    async services() {
      const read = await readList(
        `${ws}/CitaPrevia/servicios`,
        'ConsultaServiciosResponse',
        'servicios',
        'servicio',
      );
      if ('status' in read) return { items: [], status: read.status };
      return support.records(
        'services',
        read.raws,
        (raw) => {
          const parsed = servicioSchema.safeParse(raw);
          const checked = parsed.success ? appointmentServiceSchema.safeParse(toService(parsed.data)) : null;
          return checked?.success ? checked.data : null;
        },
        (service) => service.id,
      );
    },

    async offices(serviceId) {
      if (!AGENCY_ID_PATTERN.test(serviceId)) return { items: [], status: support.ok() };
      const read = await readList(
        `${ws}/CitaPrevia/oficinas?servicio=${encodeURIComponent(serviceId)}`,
        'ConsultaOficinasResponse',
        'oficinas',
        'oficina',
      );
      if ('status' in read) return { items: [], status: read.status };
      return support.records(
        'offices',
        read.raws,
        (raw) => {
          const parsed = oficinaSchema.safeParse(raw);
          const checked = parsed.success ? officeSchema.safeParse(toOffice(parsed.data)) : null;
          return checked?.success ? checked.data : null;
        },
        (office) => office.id,
      );
    },

    async slots(serviceId, officeId, fromDay, toDay) {
      const from = dayParts(fromDay);
      const to = dayParts(toDay);
      if (!from || !to || !AGENCY_ID_PATTERN.test(serviceId) || !AGENCY_ID_PATTERN.test(officeId)) {
        return { items: [], status: support.ok() };
      }
      const query = [
        `servicio=${encodeURIComponent(serviceId)}`,
        `oficina=${encodeURIComponent(officeId)}`,
        `desde=${from.day}-${from.month}-${from.year}`,
        `hasta=${to.day}-${to.month}-${to.year}`,
      ].join('&');
      const read = await readList(
        `${ws}/CitaPrevia/huecos?${query}`,
        'ConsultaHuecosResponse',
        'huecos',
        'hueco',
      );
      if ('status' in read) return { items: [], status: read.status };
      const result = support.records('slots', read.raws, normaliseHueco, (slot) => slot.id);
      result.items.sort(byStart);
      return result;
    },

    async book(citizenId, choice) {
      if (!validChoice(choice)) return noSuchSlot();
      return write('ReservarCita', {
        ipf: citizenId,
        servicio: choice.serviceId,
        oficina: choice.officeId,
        hueco: choice.slotId,
      });
    },

    async cancel(citizenId, agencyId) {
      if (!AGENCY_ID_PATTERN.test(agencyId)) return { ok: false, reason: 'not-found', status: support.ok() };
      return write('AnularCita', { ipf: citizenId, idCita: agencyId });
    },

    async reschedule(citizenId, agencyId, choice) {
      if (!AGENCY_ID_PATTERN.test(agencyId)) return { ok: false, reason: 'not-found', status: support.ok() };
      if (!validChoice(choice)) return noSuchSlot();
      return write('ModificarCita', {
        ipf: citizenId,
        idCita: agencyId,
        servicio: choice.serviceId,
        oficina: choice.officeId,
        hueco: choice.slotId,
      });
    },
  };

  return {
    id: source,
    name: entry.name,
    dir3: entry.dir3,
    domains: entry.domains,
    ...(entry.domains.includes('files') ? { files } : {}),
    ...(entry.domains.includes('appointments') ? { appointments } : {}),
  } satisfies SourceConnector;
};
