import {
  type Appointment,
  type AppointmentService,
  type AppointmentStatus,
  appointmentSchema,
  appointmentServiceSchema,
  type CitizenFile,
  citizenFileSchema,
  type FileStatus,
  type Office,
  officeSchema,
  type Slot,
  slotSchema,
} from '@carpeta/sdk';
import {
  type CensusCertificate,
  type CensusCertificateRequest,
  type CensusRegistration,
  censusCertificateSchema,
  censusRegistrationSchema,
  type TaxKind,
  type TaxReceipt,
  type TaxReceiptStatus,
  taxReceiptSchema,
} from '@carpeta/sdk/municipal';
import { z } from 'zod';
import type { AgencyAnswer } from '../agency-http.ts';
import type { ConnectorFactory } from '../agencies/types.ts';
import {
  type Classified,
  createSourceKit,
  madridInstant,
  type Rejected,
  reject,
  requiredOption,
  type SourceKit,
  toIso,
} from './regional-kit.ts';
import type {
  BinaryResult,
  GetResult,
  ListResult,
  MunicipalCapability,
  SourceConnector,
  WriteResult,
} from './types.ts';

/*
 * Connector type "municipal-platform": one shared e-government platform that serves many city
 * councils (as provincial councils and the AOC do). Each council is one entry of
 * config/agencies.json with this connector type and its code in `options.entityCode` (INE
 * municipality code or DIR3); adding a council is one entry, no code. The schemas below are the
 * PLATFORM's format: camelCase Spanish keys, Madrid wall-clock times as ISO without an offset,
 * three-letter status codes.
 */

const API = '/plataforma/v1';
/** INE municipality code (5 digits) or a local entity's DIR3 code. */
export const ENTITY_CODE_PATTERN = /^(?:\d{5}|L\d{8})$/;
export const MUNICIPAL_ID_PATTERN = /^[A-Za-z0-9._-]{1,100}$/;
/** "yyyy-MM-ddTHH:mm:ss" (seconds optional), Madrid wall-clock, no offset. */
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the platform's local "yyyy-MM-ddTHH:mm:ss" as Madrid time (see `madridInstant` for DST). */
export function parseMunicipalDateTime(value: string): Date | null {
  const match = LOCAL_DATE_TIME.exec(value);
  if (!match) return null;
  const [year = 0, month = 0, day = 0, hours = 0, minutes = 0, seconds = 0] = match
    .slice(1)
    .map((part) => Number(part ?? 0));
  return madridInstant(year, month, day, hours, minutes, seconds);
}

const text = z.string();
const estado = z.object({ codigo: text, literal: text.optional() });
export const municipalExpedienteSchema = z.object({
  id: z.string().regex(MUNICIPAL_ID_PATTERN),
  numero: text,
  titulo: text,
  tramite: text.nullish(),
  organo: text,
  estado,
  fechaAlta: text,
  fechaModificacion: text,
  plazo: z.object({ fin: text, motivo: text.nullish() }).nullish(),
  historial: z.array(z.object({ estado, fecha: text, texto: text.nullish() })).optional(),
  documentos: z
    .array(z.object({ id: text, nombre: text, fecha: text, aportadoPor: z.enum(['INTERESADO', 'ENTIDAD']) }))
    .optional(),
  urlSeguimiento: text.nullish(),
});
export const municipalCitaSchema = z.object({
  id: z.string().regex(MUNICIPAL_ID_PATTERN),
  localizador: text,
  servicio: z.object({ codigo: text, nombre: text, duracionMinutos: z.number() }),
  oficina: z.object({ codigo: text, nombre: text, direccion: text.nullish() }),
  inicio: text,
  fin: text,
  estado: text,
});
export const municipalReciboSchema = z.object({
  id: z.string().regex(MUNICIPAL_ID_PATTERN),
  numeroRecibo: text,
  concepto: z.object({ codigo: text, nombre: text }),
  ejercicio: z.number().int(),
  periodo: text.nullish(),
  objetoTributario: text.nullish(),
  importe: text,
  finPeriodoVoluntario: text,
  estado: estado,
  fechaCobro: text.nullish(),
  domiciliacion: z.object({ iban: text, fechaCargo: text.nullish() }).nullish(),
});
export const municipalInscripcionSchema = z.object({
  domicilio: text,
  codigoPostal: text,
  distrito: text.nullish(),
  fechaAlta: text,
  personasInscritas: z.number().int(),
});
export const municipalCertificadoSchema = z.object({
  id: z.string().regex(MUNICIPAL_ID_PATTERN),
  tipo: z.enum(['INDIVIDUAL', 'COLECTIVO']),
  finalidad: z.enum(['ACREDITACION', 'ESCOLARIZACION', 'AYUDAS', 'EXTRANJERIA']),
  fechaEmision: text,
  validoHasta: text,
  csv: text,
});
const municipalErrorSchema = z.object({ error: z.object({ codigo: text, mensaje: text.optional() }) });
const dataList = z.object({ datos: z.array(z.unknown()) });
const dataItem = z.object({ datos: z.unknown() });

const FILE_STATUS: Record<string, FileStatus> = {
  INI: 'started',
  TRA: 'in-progress',
  REQ: 'requirement',
  RES: 'resolved',
  ARC: 'archived',
};
const APPOINTMENT_STATUS: Record<string, AppointmentStatus> = {
  RESERVADA: 'booked',
  ANULADA: 'cancelled',
  ATENDIDA: 'attended',
  NO_PRESENTADO: 'missed',
};

type Issuer = { dir3: string; name: string };

const TAX_KIND: Record<string, TaxKind> = { IBI: 'property', IVTM: 'vehicle', TRU: 'waste' };
const RECEIPT_STATUS: Record<string, TaxReceiptStatus> = {
  PV: 'pending',
  CO: 'paid',
  AP: 'overdue',
  AN: 'cancelled',
};
const CERTIFICATE_KIND = { INDIVIDUAL: 'individual', COLECTIVO: 'household' } as const;
const CERTIFICATE_PURPOSE = {
  ACREDITACION: 'residence',
  ESCOLARIZACION: 'school',
  AYUDAS: 'benefits',
  EXTRANJERIA: 'immigration',
} as const;
const TIPO = { individual: 'INDIVIDUAL', household: 'COLECTIVO' } as const;
const FINALIDAD = {
  residence: 'ACREDITACION',
  school: 'ESCOLARIZACION',
  benefits: 'AYUDAS',
  immigration: 'EXTRANJERIA',
} as const;

/** "312,45" (euros, decimal comma, no thousands separator) → 31245 cents; null when not that. */
export function parseMunicipalAmount(value: string): number | null {
  const match = /^(\d{1,9}),(\d{2})$/.exec(value.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number(match[2]);
}

/** A real calendar day "yyyy-MM-dd", or null. */
function calendarDay(value: string | null | undefined): string | null {
  if (!value || !DAY.test(value)) return null;
  const [year = 0, month = 0, day = 0] = value.split('-').map(Number);
  return madridInstant(year, month, day, 12) ? value : null;
}

export function normaliseMunicipalRecibo(raw: unknown, source: string): TaxReceipt | Rejected {
  const parsed = municipalReciboSchema.safeParse(raw);
  if (!parsed.success) return reject('malformed');
  const recibo = parsed.data;
  const status = RECEIPT_STATUS[recibo.estado.codigo];
  if (!status) return reject('unknown status');
  const amountCents = parseMunicipalAmount(recibo.importe);
  if (amountCents === null) return reject('bad amount');
  const dueDate = calendarDay(recibo.finPeriodoVoluntario);
  if (!dueDate) return reject('bad date');
  let paidAt: string | null = null;
  if (recibo.fechaCobro) {
    const at = parseMunicipalDateTime(recibo.fechaCobro);
    if (!at) return reject('bad date');
    paidAt = toIso(at);
  }
  let directDebit: TaxReceipt['directDebit'] = null;
  if (recibo.domiciliacion) {
    const chargeDate = recibo.domiciliacion.fechaCargo ? calendarDay(recibo.domiciliacion.fechaCargo) : null;
    if (recibo.domiciliacion.fechaCargo && !chargeDate) return reject('bad date');
    // Only a masked account is ever shown: anything that looks like a full IBAN is refused.
    const account = recibo.domiciliacion.iban.replace(/\s+/g, ' ').trim();
    if ((account.match(/\d/g) ?? []).length > 8) return reject('unmasked account');
    directDebit = { account, chargeDate };
  }
  const candidate: TaxReceipt = {
    id: `${source}:${recibo.id}`,
    kind: TAX_KIND[recibo.concepto.codigo] ?? 'other',
    name: recibo.concepto.nombre.slice(0, 300),
    reference: recibo.numeroRecibo,
    year: recibo.ejercicio,
    period: recibo.periodo?.slice(0, 100) || null,
    object: recibo.objetoTributario?.slice(0, 600) || null,
    amountCents,
    dueDate,
    status,
    paidAt,
    directDebit,
  };
  const checked = taxReceiptSchema.safeParse(candidate);
  return checked.success ? checked.data : reject('outside the portal schema');
}

export function normaliseMunicipalInscripcion(raw: unknown): CensusRegistration | Rejected {
  const parsed = municipalInscripcionSchema.safeParse(raw);
  if (!parsed.success) return reject('malformed');
  const since = calendarDay(parsed.data.fechaAlta);
  if (!since) return reject('bad date');
  const candidate: CensusRegistration = {
    address: parsed.data.domicilio.slice(0, 600),
    postcode: parsed.data.codigoPostal,
    district: parsed.data.distrito?.slice(0, 200) || null,
    since,
    people: parsed.data.personasInscritas,
  };
  const checked = censusRegistrationSchema.safeParse(candidate);
  return checked.success ? checked.data : reject('outside the portal schema');
}

export function normaliseMunicipalCertificado(
  raw: unknown,
  source: string,
  today: string,
): CensusCertificate | Rejected {
  const parsed = municipalCertificadoSchema.safeParse(raw);
  if (!parsed.success) return reject('malformed');
  const certificado = parsed.data;
  const issuedAt = parseMunicipalDateTime(certificado.fechaEmision);
  const validUntil = calendarDay(certificado.validoHasta);
  if (!issuedAt || !validUntil) return reject('bad date');
  const candidate: CensusCertificate = {
    id: `${source}:${certificado.id}`,
    kind: CERTIFICATE_KIND[certificado.tipo],
    purpose: CERTIFICATE_PURPOSE[certificado.finalidad],
    issuedAt: toIso(issuedAt),
    validUntil,
    current: validUntil >= today,
    verificationCode: certificado.csv,
  };
  const checked = censusCertificateSchema.safeParse(candidate);
  return checked.success ? checked.data : reject('outside the portal schema');
}

/** Today in Madrid, "yyyy-MM-dd". */
function madridToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Madrid',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export function normaliseMunicipalExpediente(
  raw: unknown,
  source: string,
  issuer: Issuer,
): CitizenFile | Rejected {
  const parsed = municipalExpedienteSchema.safeParse(raw);
  if (!parsed.success) return reject('malformed');
  const record = parsed.data;
  const status = FILE_STATUS[record.estado.codigo];
  if (!status) return reject('unknown status');
  const startedAt = parseMunicipalDateTime(record.fechaAlta);
  const updatedAt = parseMunicipalDateTime(record.fechaModificacion);
  if (!startedAt || !updatedAt) return reject('bad date');
  let deadline: Date | null = null;
  if (record.plazo) {
    deadline = parseMunicipalDateTime(record.plazo.fin);
    if (!deadline) return reject('bad date');
  }
  const timeline: CitizenFile['timeline'] = [];
  for (const hito of record.historial ?? []) {
    const eventStatus = FILE_STATUS[hito.estado.codigo];
    if (!eventStatus) return reject('unknown status');
    const at = parseMunicipalDateTime(hito.fecha);
    if (!at) return reject('bad date');
    timeline.push({ status: eventStatus, at: toIso(at), description: hito.texto?.slice(0, 500) || null });
  }
  if (timeline.length === 0) timeline.push({ status, at: toIso(updatedAt), description: null });
  timeline.sort((a, b) => a.at.localeCompare(b.at));
  const documents: CitizenFile['documents'] = [];
  for (const documento of record.documentos ?? []) {
    const addedAt = parseMunicipalDateTime(documento.fecha);
    if (!addedAt) return reject('bad date');
    documents.push({
      id: documento.id,
      title: documento.nombre,
      addedAt: toIso(addedAt),
      origin: documento.aportadoPor === 'INTERESADO' ? 'citizen' : 'administration',
    });
  }
  const url = record.urlSeguimiento;
  const candidate: CitizenFile = {
    id: `${source}:${record.id}`,
    source,
    issuer,
    handler: record.organo,
    title: record.titulo,
    procedure: record.tramite ?? null,
    reference: record.numero,
    status,
    open: status !== 'resolved' && status !== 'archived',
    startedAt: toIso(startedAt),
    updatedAt: toIso(updatedAt),
    deadline: deadline ? toIso(deadline) : null,
    timeline,
    documents,
    serviceUrl: url && /^https:\/\/\S+$/.test(url) ? url : null,
  };
  const checked = citizenFileSchema.safeParse(candidate);
  return checked.success ? checked.data : reject('outside the portal schema');
}

export function normaliseMunicipalCita(raw: unknown, source: string, issuer: Issuer): Appointment | Rejected {
  const parsed = municipalCitaSchema.safeParse(raw);
  if (!parsed.success) return reject('malformed');
  const cita = parsed.data;
  const status = APPOINTMENT_STATUS[cita.estado];
  if (!status) return reject('unknown status');
  const startsAt = parseMunicipalDateTime(cita.inicio);
  const endsAt = parseMunicipalDateTime(cita.fin);
  if (!startsAt || !endsAt) return reject('bad date');
  const candidate: Appointment = {
    id: `${source}:${cita.id}`,
    source,
    issuer,
    service: {
      id: cita.servicio.codigo,
      name: cita.servicio.nombre,
      durationMinutes: cita.servicio.duracionMinutos,
    },
    office: { id: cita.oficina.codigo, name: cita.oficina.nombre, address: cita.oficina.direccion ?? '' },
    startsAt: toIso(startsAt),
    endsAt: toIso(endsAt),
    status,
    reference: cita.localizador,
  };
  const checked = appointmentSchema.safeParse(candidate);
  return checked.success ? checked.data : reject('outside the portal schema');
}

export const SLOT_TAKEN_MESSAGE = 'That slot has just been taken. Choose another one.';
export const APPOINTMENT_CANCELLED_MESSAGE = 'The appointment is cancelled and cannot be changed.';

type Read =
  | { ok: true; body: unknown; httpStatus: number }
  | { ok: false; error: { code: string; httpStatus: number } }
  | Extract<Classified, { ok: false }>;

async function read(kit: SourceKit, pending: Promise<AgencyAnswer>, path: string): Promise<Read> {
  const classified = kit.classify(await pending, path);
  if (!classified.ok) return classified;
  if (!classified.isJson) return kit.invalid(path, 'not JSON');
  const agencyError = municipalErrorSchema.safeParse(classified.body);
  if (agencyError.success && classified.httpStatus >= 400) {
    if (agencyError.data.error.codigo === 'ENTIDAD_NO_ADHERIDA') {
      // The configured council is not on the platform: a configuration problem, not the citizen's.
      kit.client.report('unavailable', { path, code: 'ENTIDAD_NO_ADHERIDA' });
      return kit.failure('unavailable', 'This council is not available on its platform.');
    }
    kit.client.report('ok');
    return { ok: false, error: { code: agencyError.data.error.codigo, httpStatus: classified.httpStatus } };
  }
  if (classified.httpStatus < 200 || classified.httpStatus > 299) {
    return kit.invalid(path, `HTTP ${classified.httpStatus} without an error body`);
  }
  kit.client.report('ok');
  return { ok: true, body: classified.body, httpStatus: classified.httpStatus };
}

const byUpdatedDesc = (a: CitizenFile, b: CitizenFile) =>
  b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id);
const byStart = (a: { startsAt: string; id: string }, b: { startsAt: string; id: string }) =>
  a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id);

export const createMunicipalPlatformSource: ConnectorFactory = (entry, deps) => {
  const entityCode = requiredOption(entry, 'entityCode', ENTITY_CODE_PATTERN);
  const kit = createSourceKit(entry, deps);
  const { source, client } = kit;
  const issuer = { dir3: entry.dir3, name: entry.name };
  const entity = `${API}/entidades/${entityCode}`;
  const citizenPath = (citizenId: string) => `${entity}/ciudadanos/${encodeURIComponent(citizenId)}`;
  const notFound = () => ({ ok: false as const, reason: 'not-found' as const, status: kit.status('ok') });

  async function readList<T extends { id: string }>(
    what: string,
    path: string,
    normalise: (raw: unknown) => T | Rejected,
  ): Promise<ListResult<T>> {
    const answer = await read(kit, client.get(path), path);
    if (!answer.ok) {
      if (!('error' in answer)) return { items: [], status: answer.status };
      // CIUDADANO_DESCONOCIDO and the like: nothing there for this citizen.
      if (answer.error.httpStatus === 404) return { items: [], status: kit.status('ok') };
      return { items: [], status: kit.invalid(path, `agency error ${answer.error.code}`).status };
    }
    const envelope = dataList.safeParse(answer.body);
    if (!envelope.success)
      return { items: [], status: kit.invalid(path, 'the list envelope does not match').status };
    return kit.readRecords(what, envelope.data.datos, normalise);
  }

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
        case 'FRANJA_OCUPADA':
          return { ok: false, reason: 'conflict', status: kit.status('ok'), message: SLOT_TAKEN_MESSAGE };
        case 'CITA_ANULADA':
          return {
            ok: false,
            reason: 'conflict',
            status: kit.status('ok'),
            message: APPOINTMENT_CANCELLED_MESSAGE,
          };
        case 'NO_ENCONTRADO':
        case 'CIUDADANO_DESCONOCIDO':
        case 'PETICION_INCORRECTA':
          return notFound();
        default:
          return kit.invalid(path, `agency error ${answer.error.code}`);
      }
    }
    const envelope = dataItem.safeParse(answer.body);
    if (!envelope.success) return kit.invalid(path, 'the appointment envelope does not match');
    const item = normaliseMunicipalCita(envelope.data.datos, source, issuer);
    if ('rejected' in item) return kit.invalid(path, `appointment: ${item.rejected}`);
    return { ok: true, item, status: kit.status('ok') };
  }

  const censusPath = (citizenId: string) => `${citizenPath(citizenId)}/padron`;
  const municipal: MunicipalCapability = {
    // A DIR3 code of a council is "L01" + its INE code + a check digit.
    ine: /^\d{5}$/.test(entityCode) ? entityCode : entityCode.slice(3, 8),

    async taxes(citizenId) {
      const result = await readList('receipts', `${citizenPath(citizenId)}/recibos`, (raw) =>
        normaliseMunicipalRecibo(raw, source),
      );
      const items = result.items.sort(
        (a, b) => b.year - a.year || a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id),
      );
      return { ...result, items };
    },

    async census(citizenId): Promise<GetResult<CensusRegistration>> {
      const path = censusPath(citizenId);
      const answer = await read(kit, client.get(path), path);
      if (!answer.ok) {
        if (!('error' in answer)) return answer;
        if (answer.error.httpStatus === 404) return notFound();
        return kit.invalid(path, `agency error ${answer.error.code}`);
      }
      const envelope = dataItem.safeParse(answer.body);
      if (!envelope.success) return kit.invalid(path, 'the census envelope does not match');
      const item = normaliseMunicipalInscripcion(envelope.data.datos);
      if ('rejected' in item) return kit.invalid(path, `census: ${item.rejected}`);
      return { ok: true, item, status: kit.status('ok') };
    },

    async certificates(citizenId) {
      const today = madridToday(kit.now());
      const result = await readList('certificates', `${censusPath(citizenId)}/certificados`, (raw) =>
        normaliseMunicipalCertificado(raw, source, today),
      );
      return { ...result, items: result.items.sort((a, b) => b.issuedAt.localeCompare(a.issuedAt)) };
    },

    async requestCertificate(citizenId, request: CensusCertificateRequest) {
      const path = `${censusPath(citizenId)}/certificados`;
      const answer = await read(
        kit,
        client.send('POST', path, {
          contentType: 'application/json',
          text: JSON.stringify({ tipo: TIPO[request.kind], finalidad: FINALIDAD[request.purpose] }),
        }),
        path,
      );
      if (!answer.ok) {
        if (!('error' in answer)) return answer;
        if (answer.error.code === 'NO_EMPADRONADO' || answer.error.code === 'CIUDADANO_DESCONOCIDO') {
          return notFound();
        }
        return kit.invalid(path, `agency error ${answer.error.code}`);
      }
      const envelope = dataItem.safeParse(answer.body);
      if (!envelope.success) return kit.invalid(path, 'the certificate envelope does not match');
      const item = normaliseMunicipalCertificado(envelope.data.datos, source, madridToday(kit.now()));
      if ('rejected' in item) return kit.invalid(path, `certificate: ${item.rejected}`);
      return { ok: true, item, status: kit.status('ok') };
    },

    async certificateDocument(citizenId, agencyId): Promise<BinaryResult> {
      if (!MUNICIPAL_ID_PATTERN.test(agencyId)) return notFound();
      const path = `${censusPath(citizenId)}/certificados/${encodeURIComponent(agencyId)}/documento`;
      const raw = await client.get(path, { accept: 'application/pdf, application/json' });
      if (raw.kind === 'answer' && raw.httpStatus === 200) {
        const isPdf =
          raw.contentType === 'application/pdf' &&
          Buffer.from(raw.bytes.subarray(0, 5)).toString('latin1') === '%PDF-';
        if (!isPdf) return kit.invalid(path, 'the certificate is not a PDF');
        client.report('ok');
        return {
          ok: true,
          contentType: 'application/pdf',
          fileName: `${agencyId}.pdf`,
          bytes: raw.bytes,
          status: kit.status('ok'),
        };
      }
      const answer = await read(kit, Promise.resolve(raw), path);
      if (answer.ok) return kit.invalid(path, 'the certificate is not a PDF');
      if (!('error' in answer)) return answer;
      if (answer.error.httpStatus === 404) return notFound();
      return kit.invalid(path, `agency error ${answer.error.code}`);
    },
  };

  const connector: SourceConnector = {
    id: source,
    name: entry.name,
    dir3: entry.dir3,
    domains: entry.domains,
    municipal,

    files: {
      async list(citizenId) {
        const result = await readList('files', `${citizenPath(citizenId)}/expedientes`, (raw) =>
          normaliseMunicipalExpediente(raw, source, issuer),
        );
        return { ...result, items: result.items.sort(byUpdatedDesc) };
      },
      async get(citizenId, agencyId): Promise<GetResult<CitizenFile>> {
        if (!MUNICIPAL_ID_PATTERN.test(agencyId)) return notFound();
        const path = `${citizenPath(citizenId)}/expedientes/${encodeURIComponent(agencyId)}`;
        const answer = await read(kit, client.get(path), path);
        if (!answer.ok) {
          if (!('error' in answer)) return answer;
          if (answer.error.httpStatus === 404) return notFound();
          return kit.invalid(path, `agency error ${answer.error.code}`);
        }
        const envelope = dataItem.safeParse(answer.body);
        if (!envelope.success) return kit.invalid(path, 'the file envelope does not match');
        const item = normaliseMunicipalExpediente(envelope.data.datos, source, issuer);
        if ('rejected' in item || item.id !== `${source}:${agencyId}`)
          return kit.invalid(path, 'unreadable file');
        return { ok: true, item, status: kit.status('ok') };
      },
    },

    appointments: {
      async list(citizenId) {
        const result = await readList('appointments', `${citizenPath(citizenId)}/citas`, (raw) =>
          normaliseMunicipalCita(raw, source, issuer),
        );
        return { ...result, items: result.items.sort(byStart) };
      },
      services(): Promise<ListResult<AppointmentService>> {
        return readList('services', `${entity}/cita-previa/servicios`, (raw) => {
          const parsed = z.object({ codigo: text, nombre: text, duracionMinutos: z.number() }).safeParse(raw);
          if (!parsed.success) return reject('malformed');
          const checked = appointmentServiceSchema.safeParse({
            id: parsed.data.codigo,
            name: parsed.data.nombre,
            durationMinutes: parsed.data.duracionMinutos,
          });
          return checked.success ? checked.data : reject('outside the portal schema');
        });
      },
      async offices(serviceId): Promise<ListResult<Office>> {
        if (!MUNICIPAL_ID_PATTERN.test(serviceId)) return { items: [], status: kit.status('ok') };
        return readList(
          'offices',
          `${entity}/cita-previa/servicios/${encodeURIComponent(serviceId)}/oficinas`,
          (raw) => {
            const parsed = z.object({ codigo: text, nombre: text, direccion: text.nullish() }).safeParse(raw);
            if (!parsed.success) return reject('malformed');
            const checked = officeSchema.safeParse({
              id: parsed.data.codigo,
              name: parsed.data.nombre,
              address: parsed.data.direccion ?? '',
            });
            return checked.success ? checked.data : reject('outside the portal schema');
          },
        );
      },
      async slots(serviceId, officeId, fromDay, toDay): Promise<ListResult<Slot>> {
        if (
          !MUNICIPAL_ID_PATTERN.test(serviceId) ||
          !MUNICIPAL_ID_PATTERN.test(officeId) ||
          !DAY.test(fromDay) ||
          !DAY.test(toDay)
        ) {
          return { items: [], status: kit.status('ok') };
        }
        const path = `${entity}/cita-previa/servicios/${encodeURIComponent(serviceId)}/oficinas/${encodeURIComponent(
          officeId,
        )}/disponibilidad?desde=${fromDay}&hasta=${toDay}`;
        const result = await readList('slots', path, (raw) => {
          const parsed = z.object({ id: text, inicio: text, fin: text }).safeParse(raw);
          if (!parsed.success) return reject('malformed');
          const startsAt = parseMunicipalDateTime(parsed.data.inicio);
          const endsAt = parseMunicipalDateTime(parsed.data.fin);
          if (!startsAt || !endsAt) return reject('bad date');
          const checked = slotSchema.safeParse({
            id: parsed.data.id,
            startsAt: toIso(startsAt),
            endsAt: toIso(endsAt),
          });
          return checked.success ? checked.data : reject('outside the portal schema');
        });
        return { ...result, items: result.items.sort(byStart) };
      },
      book(citizenId, choice) {
        return write('POST', `${citizenPath(citizenId)}/citas`, {
          servicio: choice.serviceId,
          oficina: choice.officeId,
          franja: choice.slotId,
        });
      },
      async cancel(citizenId, agencyId) {
        if (!MUNICIPAL_ID_PATTERN.test(agencyId)) return notFound();
        return write('DELETE', `${citizenPath(citizenId)}/citas/${encodeURIComponent(agencyId)}`);
      },
      async reschedule(citizenId, agencyId, choice) {
        if (!MUNICIPAL_ID_PATTERN.test(agencyId)) return notFound();
        return write('PUT', `${citizenPath(citizenId)}/citas/${encodeURIComponent(agencyId)}`, {
          oficina: choice.officeId,
          franja: choice.slotId,
        });
      },
    },
  };
  return connector;
};
