import {
  type Appointment,
  type AppointmentService,
  type AppointmentStatus,
  appointmentSchema,
  appointmentServiceSchema,
  type CitizenFile,
  citizenFileSchema,
  type ExpiringDocument,
  expiringDocumentSchema,
  type FileStatus,
  type Office,
  officeSchema,
  type Slot,
  slotSchema,
} from '@carpeta/sdk';
import { z } from 'zod';
import type { AgencyAnswer } from '../agency-http.ts';
import type { ConnectorFactory } from '../agencies/types.ts';
import {
  type Classified,
  createSourceKit,
  madridInstant,
  type Rejected,
  reject,
  type SourceKit,
  toIso,
} from './regional-kit.ts';
import type { GetResult, ListResult, SourceConnector, WriteResult } from './types.ts';

/*
 * Connector for the DGT (Dirección General de Tráfico) electronic office. The schemas below are the
 * AGENCY's format: upper-case Spanish keys, Madrid wall-clock "yyyy-MM-dd HH:mm", statuses in
 * words. Everything leaving this file is an sdk CitizenFile, ExpiringDocument or Appointment.
 */

const API = '/dgt/sede/api';
/** "yyyy-MM-dd HH:mm" */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2}) ([01]\d|2[0-3]):([0-5]\d)$/;
/** "yyyy-MM-dd" */
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** What an id must look like to be put in a path or in a portal id. */
export const DGT_ID_PATTERN = /^[A-Za-z0-9._-]{1,100}$/;

/** Reads the DGT's "yyyy-MM-dd HH:mm" Madrid wall-clock time (see `madridInstant` for DST). */
export function parseDgtDateTime(value: string): Date | null {
  const match = DATE_TIME.exec(value);
  if (!match) return null;
  const [year = 0, month = 0, day = 0, hours = 0, minutes = 0] = match.slice(1).map(Number);
  return madridInstant(year, month, day, hours, minutes);
}

/** Checks a "yyyy-MM-dd" day is a real day; answers it unchanged (ISO already). */
export function parseDgtDay(value: string): string | null {
  const match = DAY.exec(value);
  if (!match) return null;
  const [year = 0, month = 0, day = 0] = match.slice(1).map(Number);
  return madridInstant(year, month, day) ? value : null;
}

const text = z.string();
const dgtHitoSchema = z.object({ ESTADO: text, FECHA: text, OBSERVACIONES: text.nullish() });
const dgtDocumentoSchema = z.object({
  ID_DOCUMENTO: text,
  DESCRIPCION: text,
  FECHA_ALTA: text,
  ORIGEN: z.enum(['INTERESADO', 'DGT']),
});
export const dgtExpedienteSchema = z.object({
  NUM_EXPEDIENTE: z.string().regex(DGT_ID_PATTERN),
  TIPO_TRAMITE: text,
  ASUNTO: text,
  PROCEDIMIENTO: text.nullish(),
  UNIDAD_TRAMITADORA: text,
  REFERENCIA: text,
  ESTADO: text,
  FECHA_INICIO: text,
  FECHA_ULTIMA_MODIFICACION: text,
  FECHA_LIMITE: text.nullish(),
  HISTORICO: z.array(dgtHitoSchema).optional(),
  DOCUMENTOS: z.array(dgtDocumentoSchema).optional(),
  URL_TRAMITE: text.nullish(),
});
export const dgtPermisoSchema = z.object({ NUM_PERMISO: text, CLASES: text, FECHA_CADUCIDAD: text });
export const dgtVehiculoSchema = z.object({
  MATRICULA: text,
  MARCA: text.nullish(),
  MODELO: text.nullish(),
  FECHA_PROXIMA_ITV: text,
});
export const dgtCitaSchema = z.object({
  LOCALIZADOR: z.string().regex(DGT_ID_PATTERN),
  COD_TRAMITE: text,
  DESCRIPCION_TRAMITE: text,
  DURACION_MINUTOS: z.number(),
  COD_JEFATURA: text,
  NOMBRE_JEFATURA: text,
  DIRECCION_JEFATURA: text.nullish(),
  FECHA_HORA_INICIO: text,
  FECHA_HORA_FIN: text,
  ESTADO: text,
});
const dgtErrorSchema = z.object({ RESULTADO: z.literal('ERROR'), COD_ERROR: text, MENSAJE: text.optional() });
const ok = <T extends z.ZodRawShape>(shape: T) => z.object({ RESULTADO: z.literal('OK'), ...shape });
const listOf = (key: string) => ok({ [key]: z.array(z.unknown()) });

const FILE_STATUS: Record<string, FileStatus> = {
  INICIADO: 'started',
  'EN TRAMITE': 'in-progress',
  'PENDIENTE SUBSANACION': 'requirement',
  RESUELTO: 'resolved',
  ARCHIVADO: 'archived',
};
const APPOINTMENT_STATUS: Record<string, AppointmentStatus> = {
  CONFIRMADA: 'booked',
  ANULADA: 'cancelled',
  ATENDIDA: 'attended',
  'NO PRESENTADO': 'missed',
};

const httpsOrNull = (value: string | null | undefined) =>
  value && /^https:\/\/[^\s]+$/.test(value) ? value : null;

/** One raw expediente → a portal CitizenFile, or why it cannot be used. */
export function normaliseDgtExpediente(
  raw: unknown,
  source: string,
  issuer: { dir3: string; name: string },
): CitizenFile | Rejected {
  const parsed = dgtExpedienteSchema.safeParse(raw);
  if (!parsed.success) return reject('malformed');
  const record = parsed.data;
  const status = FILE_STATUS[record.ESTADO];
  if (!status) return reject('unknown status');
  const startedAt = parseDgtDateTime(record.FECHA_INICIO);
  const updatedAt = parseDgtDateTime(record.FECHA_ULTIMA_MODIFICACION);
  if (!startedAt || !updatedAt) return reject('bad date');
  let deadline: Date | null = null;
  if (record.FECHA_LIMITE) {
    deadline = parseDgtDateTime(record.FECHA_LIMITE);
    if (!deadline) return reject('bad date');
  }
  const timeline: CitizenFile['timeline'] = [];
  for (const hito of record.HISTORICO ?? []) {
    const eventStatus = FILE_STATUS[hito.ESTADO];
    if (!eventStatus) return reject('unknown status');
    const at = parseDgtDateTime(hito.FECHA);
    if (!at) return reject('bad date');
    timeline.push({
      status: eventStatus,
      at: toIso(at),
      description: hito.OBSERVACIONES?.slice(0, 500) || null,
    });
  }
  if (timeline.length === 0) timeline.push({ status, at: toIso(updatedAt), description: null });
  timeline.sort((a, b) => a.at.localeCompare(b.at));
  const documents: CitizenFile['documents'] = [];
  for (const documento of record.DOCUMENTOS ?? []) {
    const addedAt = parseDgtDateTime(documento.FECHA_ALTA);
    if (!addedAt) return reject('bad date');
    documents.push({
      id: documento.ID_DOCUMENTO,
      title: documento.DESCRIPCION,
      addedAt: toIso(addedAt),
      origin: documento.ORIGEN === 'INTERESADO' ? 'citizen' : 'administration',
    });
  }
  const candidate: CitizenFile = {
    id: `${source}:${record.NUM_EXPEDIENTE}`,
    source,
    issuer,
    handler: record.UNIDAD_TRAMITADORA,
    title: record.ASUNTO,
    procedure: record.PROCEDIMIENTO ?? null,
    reference: record.REFERENCIA,
    status,
    open: status !== 'resolved' && status !== 'archived',
    startedAt: toIso(startedAt),
    updatedAt: toIso(updatedAt),
    deadline: deadline ? toIso(deadline) : null,
    timeline,
    documents,
    serviceUrl: httpsOrNull(record.URL_TRAMITE),
  };
  const checked = citizenFileSchema.safeParse(candidate);
  return checked.success ? checked.data : reject('outside the portal schema');
}

const RENEW_LICENCE = 'https://sede.dgt.gob.es/es/permisos-de-conducir/renovacion-permiso/';

export function normaliseDgtPermiso(
  raw: unknown,
  source: string,
  issuer: { dir3: string; name: string },
): ExpiringDocument | Rejected {
  const parsed = dgtPermisoSchema.safeParse(raw);
  if (!parsed.success) return reject('malformed');
  const expiresOn = parseDgtDay(parsed.data.FECHA_CADUCIDAD);
  if (!expiresOn) return reject('bad date');
  const candidate: ExpiringDocument = {
    id: `${source}:PERMISO`,
    source,
    issuer,
    kind: 'driving-licence',
    label: `Permiso de conducción ${parsed.data.CLASES} (${parsed.data.NUM_PERMISO})`.slice(0, 200),
    expiresOn,
    renewUrl: RENEW_LICENCE,
  };
  const checked = expiringDocumentSchema.safeParse(candidate);
  return checked.success ? checked.data : reject('outside the portal schema');
}

export function normaliseDgtVehiculo(
  raw: unknown,
  source: string,
  issuer: { dir3: string; name: string },
): ExpiringDocument | Rejected {
  const parsed = dgtVehiculoSchema.safeParse(raw);
  if (!parsed.success) return reject('malformed');
  const vehicle = parsed.data;
  const expiresOn = parseDgtDay(vehicle.FECHA_PROXIMA_ITV);
  if (!expiresOn) return reject('bad date');
  const plate = vehicle.MATRICULA.replace(/\s+/g, '');
  if (!/^[A-Z0-9]{1,20}$/i.test(plate)) return reject('malformed');
  const model = [vehicle.MARCA, vehicle.MODELO].filter((part) => part && part.trim() !== '').join(' ');
  const candidate: ExpiringDocument = {
    id: `${source}:ITV-${plate.toUpperCase()}`,
    source,
    issuer,
    kind: 'vehicle-inspection',
    label: (model ? `ITV ${vehicle.MATRICULA} (${model})` : `ITV ${vehicle.MATRICULA}`).slice(0, 200),
    expiresOn,
    renewUrl: null,
  };
  const checked = expiringDocumentSchema.safeParse(candidate);
  return checked.success ? checked.data : reject('outside the portal schema');
}

export function normaliseDgtCita(
  raw: unknown,
  source: string,
  issuer: { dir3: string; name: string },
): Appointment | Rejected {
  const parsed = dgtCitaSchema.safeParse(raw);
  if (!parsed.success) return reject('malformed');
  const cita = parsed.data;
  const status = APPOINTMENT_STATUS[cita.ESTADO];
  if (!status) return reject('unknown status');
  const startsAt = parseDgtDateTime(cita.FECHA_HORA_INICIO);
  const endsAt = parseDgtDateTime(cita.FECHA_HORA_FIN);
  if (!startsAt || !endsAt) return reject('bad date');
  const candidate: Appointment = {
    id: `${source}:${cita.LOCALIZADOR}`,
    source,
    issuer,
    service: { id: cita.COD_TRAMITE, name: cita.DESCRIPCION_TRAMITE, durationMinutes: cita.DURACION_MINUTOS },
    office: { id: cita.COD_JEFATURA, name: cita.NOMBRE_JEFATURA, address: cita.DIRECCION_JEFATURA ?? '' },
    startsAt: toIso(startsAt),
    endsAt: toIso(endsAt),
    status,
    reference: cita.LOCALIZADOR,
  };
  const checked = appointmentSchema.safeParse(candidate);
  return checked.success ? checked.data : reject('outside the portal schema');
}

const byStartedDesc = (a: CitizenFile, b: CitizenFile) =>
  b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id);
const byStart = (a: Appointment, b: Appointment) =>
  a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id);

export const SLOT_TAKEN_MESSAGE = 'That slot has just been taken. Choose another one.';
export const APPOINTMENT_CANCELLED_MESSAGE = 'The appointment is cancelled and cannot be changed.';

/** The DGT's answer sorted out: a body with RESULTADO "OK", its own error, or a failure. */
type Read =
  | { ok: true; body: unknown; httpStatus: number }
  | { ok: false; error: { code: string; httpStatus: number } }
  | Extract<Classified, { ok: false }>;

async function read(kit: SourceKit, answer: Promise<AgencyAnswer>, path: string): Promise<Read> {
  const classified = kit.classify(await answer, path);
  if (!classified.ok) return classified;
  if (!classified.isJson) return kit.invalid(path, 'not JSON');
  const agencyError = dgtErrorSchema.safeParse(classified.body);
  if (agencyError.success) {
    kit.client.report('ok');
    return { ok: false, error: { code: agencyError.data.COD_ERROR, httpStatus: classified.httpStatus } };
  }
  if (classified.httpStatus < 200 || classified.httpStatus > 299) {
    return kit.invalid(path, `HTTP ${classified.httpStatus} without an error body`);
  }
  kit.client.report('ok');
  return { ok: true, body: classified.body, httpStatus: classified.httpStatus };
}

export const createDgtSource: ConnectorFactory = (entry, deps) => {
  const kit = createSourceKit(entry, deps);
  const { source, client } = kit;
  const issuer = { dir3: entry.dir3, name: entry.name };
  const citizenPath = (citizenId: string) => `${API}/ciudadanos/${encodeURIComponent(citizenId)}`;

  async function readList<T extends { id: string }>(
    what: string,
    path: string,
    key: string,
    normalise: (raw: unknown) => T | Rejected,
  ): Promise<ListResult<T>> {
    const answer = await read(kit, client.get(path), path);
    if (!answer.ok) {
      if ('error' in answer) {
        // A citizen the DGT does not know has nothing there.
        if (answer.error.httpStatus === 404) return { items: [], status: kit.status('ok') };
        return { items: [], status: kit.invalid(path, `agency error ${answer.error.code}`).status };
      }
      return { items: [], status: answer.status };
    }
    const envelope = listOf(key).safeParse(answer.body);
    if (!envelope.success)
      return { items: [], status: kit.invalid(path, 'the list envelope does not match').status };
    return kit.readRecords(what, envelope.data[key] as unknown[], normalise);
  }

  /** A write's answer: the appointment, or conflict / not-found / failure. */
  async function write(
    method: 'POST' | 'PUT' | 'DELETE',
    path: string,
    body?: object,
  ): Promise<WriteResult<Appointment>> {
    const answer = await read(
      kit,
      client.send(
        method,
        path,
        body ? { contentType: 'application/json', text: JSON.stringify(body) } : undefined,
      ),
      path,
    );
    if (!answer.ok) {
      if (!('error' in answer)) return answer;
      switch (answer.error.code) {
        case 'HUECO_OCUPADO':
          return { ok: false, reason: 'conflict', status: kit.status('ok'), message: SLOT_TAKEN_MESSAGE };
        case 'CITA_ANULADA':
          return {
            ok: false,
            reason: 'conflict',
            status: kit.status('ok'),
            message: APPOINTMENT_CANCELLED_MESSAGE,
          };
        case 'NO_ENCONTRADO':
        case 'PETICION_INCORRECTA':
          return { ok: false, reason: 'not-found', status: kit.status('ok') };
        default:
          return kit.invalid(path, `agency error ${answer.error.code}`);
      }
    }
    const envelope = ok({ CITA: z.unknown() }).safeParse(answer.body);
    if (!envelope.success) return kit.invalid(path, 'the appointment envelope does not match');
    const item = normaliseDgtCita(envelope.data.CITA, source, issuer);
    if ('rejected' in item) return kit.invalid(path, `appointment: ${item.rejected}`);
    return { ok: true, item, status: kit.status('ok') };
  }

  const connector: SourceConnector = {
    id: source,
    name: entry.name,
    dir3: entry.dir3,
    domains: entry.domains,

    files: {
      async list(citizenId) {
        const result = await readList(
          'files',
          `${citizenPath(citizenId)}/expedientes`,
          'EXPEDIENTES',
          (raw) => normaliseDgtExpediente(raw, source, issuer),
        );
        return { ...result, items: result.items.sort(byStartedDesc) };
      },
      async get(citizenId, agencyId): Promise<GetResult<CitizenFile>> {
        if (!DGT_ID_PATTERN.test(agencyId))
          return { ok: false, reason: 'not-found', status: kit.status('ok') };
        const path = `${citizenPath(citizenId)}/expedientes/${encodeURIComponent(agencyId)}`;
        const answer = await read(kit, client.get(path), path);
        if (!answer.ok) {
          if (!('error' in answer)) return answer;
          if (answer.error.httpStatus === 404)
            return { ok: false, reason: 'not-found', status: kit.status('ok') };
          return kit.invalid(path, `agency error ${answer.error.code}`);
        }
        const envelope = ok({ EXPEDIENTE: z.unknown() }).safeParse(answer.body);
        if (!envelope.success) return kit.invalid(path, 'the file envelope does not match');
        const item = normaliseDgtExpediente(envelope.data.EXPEDIENTE, source, issuer);
        if ('rejected' in item || item.id !== `${source}:${agencyId}`)
          return kit.invalid(path, 'unreadable file');
        return { ok: true, item, status: kit.status('ok') };
      },
    },

    documents: {
      async list(citizenId): Promise<ListResult<ExpiringDocument>> {
        const path = `${citizenPath(citizenId)}/vigencias`;
        const answer = await read(kit, client.get(path), path);
        if (!answer.ok) {
          if (!('error' in answer)) return { items: [], status: answer.status };
          if (answer.error.httpStatus === 404) return { items: [], status: kit.status('ok') };
          return { items: [], status: kit.invalid(path, `agency error ${answer.error.code}`).status };
        }
        const envelope = ok({ PERMISO: z.unknown().nullish(), VEHICULOS: z.array(z.unknown()) }).safeParse(
          answer.body,
        );
        if (!envelope.success)
          return { items: [], status: kit.invalid(path, 'the envelope does not match').status };
        const records: { kind: 'permiso' | 'vehiculo'; raw: unknown }[] = [
          ...(envelope.data.PERMISO == null
            ? []
            : [{ kind: 'permiso' as const, raw: envelope.data.PERMISO }]),
          ...envelope.data.VEHICULOS.map((raw) => ({ kind: 'vehiculo' as const, raw })),
        ];
        const result = kit.readRecords('documents', records, (record) => {
          const { kind, raw } = record as (typeof records)[number];
          return kind === 'permiso'
            ? normaliseDgtPermiso(raw, source, issuer)
            : normaliseDgtVehiculo(raw, source, issuer);
        });
        return { ...result, items: result.items.sort((a, b) => a.expiresOn.localeCompare(b.expiresOn)) };
      },
    },

    appointments: {
      async list(citizenId) {
        const result = await readList('appointments', `${citizenPath(citizenId)}/citas`, 'CITAS', (raw) =>
          normaliseDgtCita(raw, source, issuer),
        );
        return { ...result, items: result.items.sort(byStart) };
      },
      async services(): Promise<ListResult<AppointmentService>> {
        return readList('services', `${API}/cita-previa/tramites`, 'TRAMITES', (raw) => {
          const parsed = z
            .object({ COD_TRAMITE: text, DESCRIPCION: text, DURACION_MINUTOS: z.number() })
            .safeParse(raw);
          if (!parsed.success) return reject('malformed');
          const checked = appointmentServiceSchema.safeParse({
            id: parsed.data.COD_TRAMITE,
            name: parsed.data.DESCRIPCION,
            durationMinutes: parsed.data.DURACION_MINUTOS,
          });
          return checked.success ? checked.data : reject('outside the portal schema');
        });
      },
      async offices(serviceId): Promise<ListResult<Office>> {
        if (!DGT_ID_PATTERN.test(serviceId)) return { items: [], status: kit.status('ok') };
        const path = `${API}/cita-previa/tramites/${encodeURIComponent(serviceId)}/jefaturas`;
        return readList('offices', path, 'JEFATURAS', (raw) => {
          const parsed = z
            .object({ COD_JEFATURA: text, NOMBRE: text, DIRECCION: text.nullish() })
            .safeParse(raw);
          if (!parsed.success) return reject('malformed');
          const checked = officeSchema.safeParse({
            id: parsed.data.COD_JEFATURA,
            name: parsed.data.NOMBRE,
            address: parsed.data.DIRECCION ?? '',
          });
          return checked.success ? checked.data : reject('outside the portal schema');
        });
      },
      async slots(serviceId, officeId, fromDay, toDay): Promise<ListResult<Slot>> {
        if (!DGT_ID_PATTERN.test(serviceId) || !DGT_ID_PATTERN.test(officeId)) {
          return { items: [], status: kit.status('ok') };
        }
        if (!parseDgtDay(fromDay) || !parseDgtDay(toDay)) return { items: [], status: kit.status('ok') };
        const path = `${API}/cita-previa/tramites/${encodeURIComponent(serviceId)}/jefaturas/${encodeURIComponent(
          officeId,
        )}/huecos?desde=${fromDay}&hasta=${toDay}`;
        const result = await readList('slots', path, 'HUECOS', (raw) => {
          const parsed = z
            .object({ ID_HUECO: text, FECHA_HORA_INICIO: text, FECHA_HORA_FIN: text })
            .safeParse(raw);
          if (!parsed.success) return reject('malformed');
          const startsAt = parseDgtDateTime(parsed.data.FECHA_HORA_INICIO);
          const endsAt = parseDgtDateTime(parsed.data.FECHA_HORA_FIN);
          if (!startsAt || !endsAt) return reject('bad date');
          const checked = slotSchema.safeParse({
            id: parsed.data.ID_HUECO,
            startsAt: toIso(startsAt),
            endsAt: toIso(endsAt),
          });
          return checked.success ? checked.data : reject('outside the portal schema');
        });
        return { ...result, items: result.items.sort((a, b) => a.startsAt.localeCompare(b.startsAt)) };
      },
      book(citizenId, choice) {
        return write('POST', `${citizenPath(citizenId)}/citas`, {
          COD_TRAMITE: choice.serviceId,
          COD_JEFATURA: choice.officeId,
          ID_HUECO: choice.slotId,
        });
      },
      async cancel(citizenId, agencyId) {
        if (!DGT_ID_PATTERN.test(agencyId))
          return { ok: false, reason: 'not-found', status: kit.status('ok') };
        return write('DELETE', `${citizenPath(citizenId)}/citas/${encodeURIComponent(agencyId)}`);
      },
      async reschedule(citizenId, agencyId, choice) {
        if (!DGT_ID_PATTERN.test(agencyId))
          return { ok: false, reason: 'not-found', status: kit.status('ok') };
        return write('PUT', `${citizenPath(citizenId)}/citas/${encodeURIComponent(agencyId)}`, {
          COD_JEFATURA: choice.officeId,
          ID_HUECO: choice.slotId,
        });
      },
    },
  };
  return connector;
};
