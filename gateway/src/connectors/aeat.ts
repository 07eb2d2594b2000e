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
 * Connector for the tax agency (AEAT). The schemas below are the AGENCY's JSON (Spanish field
 * names, two-letter "situación" codes, "yyyyMMddHHmmss" Madrid wall-clock timestamps). Everything
 * leaving this file is an sdk CitizenFile, Appointment, AppointmentService, Office or Slot.
 */

const RAW_DATE = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;
const rawDate = z.string().regex(RAW_DATE);
const id = z.string().regex(AGENCY_ID_PATTERN);

/** "yyyyMMddHHmmss", Madrid wall-clock → instant; null when not a real date and time. */
export function parseAeatDate(value: string): Date | null {
  const match = RAW_DATE.exec(value);
  if (!match) return null;
  const [year = 0, month = 0, day = 0, hours = 0, minutes = 0, seconds = 0] = match.slice(1).map(Number);
  return madridInstant(year, month, day, hours, minutes, seconds);
}

const SITUACION: Record<string, FileStatus> = {
  IN: 'started',
  TR: 'in-progress',
  RQ: 'requirement',
  RS: 'resolved',
  AR: 'archived',
};
const SITUACION_CITA: Record<string, AppointmentStatus> = {
  RESERVADA: 'booked',
  ANULADA: 'cancelled',
  ATENDIDA: 'attended',
  NO_PRESENTADO: 'missed',
};

export const aeatExpedienteSchema = z.object({
  numExpediente: id,
  asunto: z.string().trim().min(1),
  tipoProcedimiento: z.object({ codigo: z.string(), descripcion: z.string().nullish() }).nullish(),
  unidadGestora: z.string().trim().min(1),
  situacion: z.string(),
  fechaInicio: rawDate,
  fechaUltimaActuacion: rawDate.nullish(),
  fechaLimite: rawDate.nullish(),
  historico: z
    .array(z.object({ situacion: z.string(), fecha: rawDate, descripcion: z.string().nullish() }))
    .nullish(),
  documentos: z
    .array(
      z.object({
        csv: id,
        titulo: z.string().trim().min(1),
        fechaIncorporacion: rawDate,
        aportadoPor: z.enum(['C', 'A']),
      }),
    )
    .nullish(),
  urlSede: z.string().nullish(),
});

const servicioSchema = z.object({
  codServicio: id,
  descServicio: z.string().trim().min(1),
  duracionMin: z.number().int().positive(),
});
const oficinaSchema = z.object({
  codOficina: id,
  nombreOficina: z.string().trim().min(1),
  domicilio: z.string(),
});
const huecoSchema = z.object({ idHueco: id, fechaHoraInicio: rawDate, fechaHoraFin: rawDate });
export const aeatCitaSchema = z.object({
  idCita: id,
  localizador: z.string().trim().min(1).max(100),
  servicio: servicioSchema,
  oficina: oficinaSchema,
  fechaHoraCita: rawDate,
  fechaHoraFin: rawDate,
  situacionCita: z.string(),
});

const okEnvelope = z.object({ codRespuesta: z.literal('0000') });
const errorSchema = z.object({
  codRespuesta: z.string().regex(/^[A-Z]\d{3}$/),
  descRespuesta: z.string().optional(),
});

interface Context {
  source: string;
  issuer: { dir3: string; name: string };
}

/** One raw expediente → a portal CitizenFile, or null when unusable (unknown situación included). */
export function normaliseAeatExpediente(raw: unknown, context: Context): CitizenFile | null {
  const parsed = aeatExpedienteSchema.safeParse(raw);
  if (!parsed.success) return null;
  const file = parsed.data;
  const status = SITUACION[file.situacion];
  const startedAt = parseAeatDate(file.fechaInicio);
  if (!status || !startedAt) return null;
  const deadline = file.fechaLimite ? parseAeatDate(file.fechaLimite) : null;
  if (file.fechaLimite && !deadline) return null;

  const timeline: FileEvent[] = [];
  for (const hito of file.historico ?? []) {
    const eventStatus = SITUACION[hito.situacion];
    const at = parseAeatDate(hito.fecha);
    if (!eventStatus || !at) return null;
    timeline.push({
      status: eventStatus,
      at: toIso(at),
      description: hito.descripcion ? clip(hito.descripcion, 500) : null,
    });
  }
  timeline.sort((a, b) => a.at.localeCompare(b.at));
  const documents: FileDocument[] = [];
  for (const documento of file.documentos ?? []) {
    const at = parseAeatDate(documento.fechaIncorporacion);
    if (!at) return null;
    documents.push({
      id: documento.csv,
      title: clip(documento.titulo, 300),
      addedAt: toIso(at),
      origin: documento.aportadoPor === 'C' ? 'citizen' : 'administration',
    });
  }
  const updated = file.fechaUltimaActuacion ? parseAeatDate(file.fechaUltimaActuacion) : null;
  if (file.fechaUltimaActuacion && !updated) return null;
  const updatedAt = updated ? toIso(updated) : (timeline.at(-1)?.at ?? toIso(startedAt));
  const procedure = blankToNull(file.tipoProcedimiento?.descripcion);

  const candidate: CitizenFile = {
    id: `${context.source}:${file.numExpediente}`,
    source: context.source,
    issuer: context.issuer,
    handler: clip(file.unidadGestora, 300),
    title: clip(file.asunto, 500),
    procedure: procedure === null ? null : clip(procedure, 300),
    reference: file.numExpediente,
    status,
    open: status === 'started' || status === 'in-progress' || status === 'requirement',
    startedAt: toIso(startedAt),
    updatedAt,
    // A deadline matters only while the taxpayer has something to answer.
    deadline: deadline && status === 'requirement' ? toIso(deadline) : null,
    timeline,
    documents,
    serviceUrl: httpsOrNull(file.urlSede),
  };
  const checked = citizenFileSchema.safeParse(candidate);
  return checked.success ? checked.data : null;
}

export function normaliseAeatCita(raw: unknown, context: Context): Appointment | null {
  const parsed = aeatCitaSchema.safeParse(raw);
  if (!parsed.success) return null;
  const cita = parsed.data;
  const status = SITUACION_CITA[cita.situacionCita];
  const startsAt = parseAeatDate(cita.fechaHoraCita);
  const endsAt = parseAeatDate(cita.fechaHoraFin);
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
    reference: cita.localizador,
  };
  const checked = appointmentSchema.safeParse(candidate);
  return checked.success ? checked.data : null;
}

const toService = (servicio: z.infer<typeof servicioSchema>): AppointmentService => ({
  id: servicio.codServicio,
  name: clip(servicio.descServicio, 300),
  durationMinutes: servicio.duracionMin,
});
const toOffice = (oficina: z.infer<typeof oficinaSchema>): Office => ({
  id: oficina.codOficina,
  name: clip(oficina.nombreOficina, 300),
  address: clip(oficina.domicilio, 500),
});

function normaliseHueco(raw: unknown): Slot | null {
  const parsed = huecoSchema.safeParse(raw);
  if (!parsed.success) return null;
  const startsAt = parseAeatDate(parsed.data.fechaHoraInicio);
  const endsAt = parseAeatDate(parsed.data.fechaHoraFin);
  if (!startsAt || !endsAt) return null;
  const checked = slotSchema.safeParse({
    id: parsed.data.idHueco,
    startsAt: toIso(startsAt),
    endsAt: toIso(endsAt),
  });
  return checked.success ? checked.data : null;
}

const byStart = (a: { startsAt: string; id: string }, b: { startsAt: string; id: string }) =>
  a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id);

export const CONFLICT_TAKEN = 'That time is no longer free. Choose another one.';
export const CONFLICT_CANCELLED = 'This appointment was cancelled and cannot be changed. Book a new one.';

type Failure = { ok: false; reason: 'not-found' | AgencyFailure; status: SourceStatus };

export const createAeatSource: ConnectorFactory = (entry, deps) => {
  const { client, logger } = deps;
  const source = entry.id;
  const context: Context = { source, issuer: { dir3: entry.dir3, name: entry.name } };
  const sede = typeof entry.options.sedePath === 'string' ? entry.options.sedePath : '/aeat/sede/api/v1';
  const citaPath = typeof entry.options.citaPath === 'string' ? entry.options.citaPath : '/aeat/cita/api/v1';
  const support = createStateSupport(entry, client, logger);

  /** A usable "0000" body, or why not. */
  function classify(
    answer: AgencyAnswer,
    path: string,
    listKey?: string,
  ): { ok: true; body: unknown } | Failure {
    if (answer.kind === 'failure')
      return { ok: false, reason: answer.reason, status: support.failure(answer) };
    const agencyError = errorSchema.safeParse(answer.body);
    if (answer.isJson && agencyError.success && agencyError.data.codRespuesta !== '0000') {
      if (answer.httpStatus === 404 || agencyError.data.codRespuesta === 'E404') {
        client.report('ok');
        return { ok: false, reason: 'not-found', status: support.ok() };
      }
      client.report('unavailable', {
        path,
        httpStatus: answer.httpStatus,
        code: agencyError.data.codRespuesta,
      });
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
    if (answer.httpStatus >= 300 || !answer.isJson || !okEnvelope.safeParse(answer.body).success) {
      return {
        ok: false,
        reason: 'invalid-response',
        status: support.unusable({ path, httpStatus: answer.httpStatus, isJson: answer.isJson }),
      };
    }
    if (listKey !== undefined && !Array.isArray((answer.body as Record<string, unknown>)[listKey])) {
      return {
        ok: false,
        reason: 'invalid-response',
        status: support.unusable({ path, problem: `no ${listKey} list` }),
      };
    }
    client.report('ok');
    return { ok: true, body: answer.body };
  }

  /** The array under `key` of an OK body, or a status when the envelope is not the agency's. */
  async function readList(path: string, key: string): Promise<{ raws: unknown[] } | Failure> {
    const answer = classify(await client.get(path), path, key);
    if (!answer.ok) return answer;
    return { raws: (answer.body as Record<string, unknown[]>)[key] ?? [] };
  }

  const citizen = (citizenId: string) => encodeURIComponent(citizenId);

  async function write(
    method: 'POST' | 'PUT' | 'DELETE',
    path: string,
    body?: object,
  ): Promise<WriteResult<Appointment>> {
    const answer = await client.send(
      method,
      path,
      body === undefined ? undefined : { contentType: 'application/json', text: JSON.stringify(body) },
    );
    if (answer.kind === 'answer' && answer.httpStatus === 409) {
      const agencyError = errorSchema.safeParse(answer.body);
      if (agencyError.success) {
        client.report('ok');
        return {
          ok: false,
          reason: 'conflict',
          status: support.ok(),
          message: agencyError.data.codRespuesta === 'C410' ? CONFLICT_CANCELLED : CONFLICT_TAKEN,
        };
      }
    }
    const result = classify(answer, path);
    if (!result.ok) return result;
    const item = normaliseAeatCita((result.body as { cita?: unknown }).cita, context);
    if (!item)
      return {
        ok: false,
        reason: 'invalid-response',
        status: support.unusable({ path, problem: 'the cita does not match' }),
      };
    return { ok: true, item, status: support.ok() };
  }

  const validChoice = (choice: BookingChoice) =>
    AGENCY_ID_PATTERN.test(choice.serviceId) &&
    AGENCY_ID_PATTERN.test(choice.officeId) &&
    AGENCY_ID_PATTERN.test(choice.slotId);
  const choiceBody = (choice: BookingChoice) => ({
    codServicio: choice.serviceId,
    codOficina: choice.officeId,
    idHueco: choice.slotId,
  });
  const noSuchSlot = (): WriteResult<Appointment> => ({
    ok: false,
    reason: 'conflict',
    status: support.ok(),
    message: CONFLICT_TAKEN,
  });

  const files: FilesCapability = {
    async list(citizenId): Promise<ListResult<CitizenFile>> {
      const read = await readList(`${sede}/contribuyentes/${citizen(citizenId)}/expedientes`, 'expedientes');
      // Someone the agency does not know simply has no files there.
      if ('ok' in read)
        return { items: [], status: read.reason === 'not-found' ? support.ok() : read.status };
      const result = support.records(
        'files',
        read.raws,
        (raw) => normaliseAeatExpediente(raw, context),
        (file) => file.id,
      );
      result.items.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
      return result;
    },

    async get(citizenId, agencyId): Promise<GetResult<CitizenFile>> {
      if (!AGENCY_ID_PATTERN.test(agencyId)) return { ok: false, reason: 'not-found', status: support.ok() };
      const path = `${sede}/contribuyentes/${citizen(citizenId)}/expedientes/${encodeURIComponent(agencyId)}`;
      const answer = classify(await client.get(path), path);
      if (!answer.ok) return answer;
      const item = normaliseAeatExpediente((answer.body as { expediente?: unknown }).expediente, context);
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
      const read = await readList(`${citaPath}/contribuyentes/${citizen(citizenId)}/citas`, 'citas');
      if ('ok' in read)
        return { items: [], status: read.reason === 'not-found' ? support.ok() : read.status };
      const result = support.records(
        'appointments',
        read.raws,
        (raw) => normaliseAeatCita(raw, context),
        (item) => item.id,
      );
      result.items.sort(byStart);
      return result;
    },

    async services() {
      const read = await readList(`${citaPath}/servicios`, 'servicios');
      if ('ok' in read) return { items: [], status: read.status };
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
        `${citaPath}/servicios/${encodeURIComponent(serviceId)}/oficinas`,
        'oficinas',
      );
      if ('ok' in read)
        return { items: [], status: read.reason === 'not-found' ? support.ok() : read.status };
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
      const query = `desde=${from.year}${from.month}${from.day}&hasta=${to.year}${to.month}${to.day}`;
      const read = await readList(
        `${citaPath}/servicios/${encodeURIComponent(serviceId)}/oficinas/${encodeURIComponent(officeId)}/huecos?${query}`,
        'huecos',
      );
      if ('ok' in read)
        return { items: [], status: read.reason === 'not-found' ? support.ok() : read.status };
      const result = support.records('slots', read.raws, normaliseHueco, (slot) => slot.id);
      result.items.sort(byStart);
      return result;
    },

    async book(citizenId, choice) {
      if (!validChoice(choice)) return noSuchSlot();
      return write('POST', `${citaPath}/contribuyentes/${citizen(citizenId)}/citas`, choiceBody(choice));
    },

    async cancel(citizenId, agencyId) {
      if (!AGENCY_ID_PATTERN.test(agencyId)) return { ok: false, reason: 'not-found', status: support.ok() };
      return write(
        'DELETE',
        `${citaPath}/contribuyentes/${citizen(citizenId)}/citas/${encodeURIComponent(agencyId)}`,
      );
    },

    async reschedule(citizenId, agencyId, choice) {
      if (!AGENCY_ID_PATTERN.test(agencyId)) return { ok: false, reason: 'not-found', status: support.ok() };
      if (!validChoice(choice)) return noSuchSlot();
      return write(
        'PUT',
        `${citaPath}/contribuyentes/${citizen(citizenId)}/citas/${encodeURIComponent(agencyId)}`,
        choiceBody(choice),
      );
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
