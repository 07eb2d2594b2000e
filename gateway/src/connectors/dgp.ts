import { createHash } from 'node:crypto';
import {
  type Appointment,
  type AppointmentService,
  type AppointmentStatus,
  appointmentSchema,
  appointmentServiceSchema,
  type DocumentKind,
  type ExpiringDocument,
  expiringDocumentSchema,
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
  clip,
  createStateSupport,
  dayParts,
  httpsOrNull,
  isoDay,
  madridInstant,
  toIso,
} from './state-support.ts';
import type {
  AgencyFailure,
  AppointmentsCapability,
  BookingChoice,
  DocumentsCapability,
  SourceConnector,
  WriteResult,
} from './types.ts';

/*
 * Connector for the national police (DGP): identity card, passport and foreigner's card expiry, and
 * appointments to renew them. The agency's JSON is English-ish camelCase with short state codes and
 * ISO dates WITHOUT a zone, which are Madrid wall-clock times. Everything leaving this file is an
 * sdk ExpiringDocument or appointment type.
 */

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * "yyyy-MM-ddTHH:mm[:ss]" without a zone is Madrid wall-clock time; with one (some answers carry
 * it), it is that instant. Null when it is not a real date and time.
 */
export function parseDgpDateTime(value: string): Date | null {
  const match = LOCAL_DATE_TIME.exec(value);
  if (!match) return null;
  const [year = 0, month = 0, day = 0, hours = 0, minutes = 0, seconds = 0] = match
    .slice(1, 7)
    .map((part) => Number(part ?? 0));
  const local = madridInstant(year, month, day, hours, minutes, seconds);
  if (!local || match[7] === undefined) return local;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

export function parseDgpDay(value: string): string | null {
  const match = DAY.exec(value);
  return match ? isoDay(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

const id = z.string().regex(AGENCY_ID_PATTERN);
const text = z.string().trim();

export const dgpDocumentSchema = z.object({
  docType: z.string(),
  docNumber: z.string().regex(/^[A-Z0-9]{5,20}$/),
  supportNumber: z.string().nullish(),
  issuedOn: z.string().nullish(),
  validUntil: z.string(),
  state: z.string(),
  renewalUrl: z.string().nullish(),
});
const serviceSchema = z.object({ code: id, label: text.min(1), minutes: z.number().int().positive() });
const officeRawSchema = z.object({
  code: id,
  name: text.min(1),
  address: z
    .object({
      street: z.string().default(''),
      postcode: z.string().default(''),
      town: z.string().default(''),
    })
    .nullish(),
});
const slotRawSchema = z.object({ slotRef: id, start: z.string(), end: z.string() });
export const dgpAppointmentSchema = z.object({
  ref: id,
  locator: text.min(1).max(100),
  service: serviceSchema,
  office: officeRawSchema,
  start: z.string(),
  end: z.string(),
  st: z.string(),
});

const okSchema = z.object({ result: z.literal('OK'), data: z.record(z.string(), z.unknown()) });
const errorSchema = z.object({
  result: z.literal('ERROR'),
  error: z.object({ code: z.string(), text: z.string().optional() }),
});

const KIND: Record<string, { kind: DocumentKind; label: string }> = {
  DNI: { kind: 'identity-card', label: 'DNI' },
  TIE: { kind: 'identity-card', label: 'TIE' },
  PAS: { kind: 'passport', label: 'Pasaporte' },
};
/** BAJ (withdrawn: lost, stolen, replaced) is known and deliberately not shown. */
const SHOWN_STATES = new Set(['VIG', 'CAD', 'REN']);
const HIDDEN_STATES = new Set(['BAJ']);
const STATUS: Record<string, AppointmentStatus> = {
  CONF: 'booked',
  CANC: 'cancelled',
  DONE: 'attended',
  NOSH: 'missed',
};

/** "12345678Z" → "***4567**": enough for the citizen to recognise it, not enough to copy it. */
export function maskDocumentNumber(value: string): string {
  return [...value].map((char, index) => (index >= 3 && index <= 6 ? char : '*')).join('');
}

interface Context {
  source: string;
  issuer: { dir3: string; name: string };
}

/** The normalised document; `hidden` for a known state the portal does not show (BAJ). */
export function normaliseDgpDocument(raw: unknown, context: Context): ExpiringDocument | 'hidden' | null {
  const parsed = dgpDocumentSchema.safeParse(raw);
  if (!parsed.success) return null;
  const doc = parsed.data;
  const type = KIND[doc.docType];
  if (!type) return null;
  if (HIDDEN_STATES.has(doc.state)) return 'hidden';
  if (!SHOWN_STATES.has(doc.state)) return null;
  const expiresOn = parseDgpDay(doc.validUntil);
  if (!expiresOn) return null;
  // Not the document number itself: ids travel in URLs and logs.
  const digest = createHash('sha256').update(`${doc.docType}|${doc.docNumber}`).digest('hex').slice(0, 16);
  const candidate: ExpiringDocument = {
    id: `${context.source}:${doc.docType}-${digest}`,
    source: context.source,
    issuer: context.issuer,
    kind: type.kind,
    label: `${type.label} ${maskDocumentNumber(doc.docNumber)}`,
    expiresOn,
    renewUrl: httpsOrNull(doc.renewalUrl),
  };
  const checked = expiringDocumentSchema.safeParse(candidate);
  return checked.success ? checked.data : null;
}

const toService = (service: z.infer<typeof serviceSchema>): AppointmentService => ({
  id: service.code,
  name: clip(service.label, 300),
  durationMinutes: service.minutes,
});
const toOffice = (office: z.infer<typeof officeRawSchema>): Office => {
  const address = office.address
    ? [office.address.street, [office.address.postcode, office.address.town].filter(Boolean).join(' ')]
        .filter(Boolean)
        .join(', ')
    : '';
  return { id: office.code, name: clip(office.name, 300), address: clip(address, 500) };
};

export function normaliseDgpAppointment(raw: unknown, context: Context): Appointment | null {
  const parsed = dgpAppointmentSchema.safeParse(raw);
  if (!parsed.success) return null;
  const appt = parsed.data;
  const status = STATUS[appt.st];
  const startsAt = parseDgpDateTime(appt.start);
  const endsAt = parseDgpDateTime(appt.end);
  if (!status || !startsAt || !endsAt || endsAt.getTime() < startsAt.getTime()) return null;
  const candidate: Appointment = {
    id: `${context.source}:${appt.ref}`,
    source: context.source,
    issuer: context.issuer,
    service: toService(appt.service),
    office: toOffice(appt.office),
    startsAt: toIso(startsAt),
    endsAt: toIso(endsAt),
    status,
    reference: appt.locator,
  };
  const checked = appointmentSchema.safeParse(candidate);
  return checked.success ? checked.data : null;
}

function normaliseSlot(raw: unknown): Slot | null {
  const parsed = slotRawSchema.safeParse(raw);
  if (!parsed.success) return null;
  const startsAt = parseDgpDateTime(parsed.data.start);
  const endsAt = parseDgpDateTime(parsed.data.end);
  if (!startsAt || !endsAt) return null;
  const checked = slotSchema.safeParse({
    id: parsed.data.slotRef,
    startsAt: toIso(startsAt),
    endsAt: toIso(endsAt),
  });
  return checked.success ? checked.data : null;
}

const byStart = (a: { startsAt: string; id: string }, b: { startsAt: string; id: string }) =>
  a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id);

export const DGP_CONFLICT_TAKEN = 'That time is no longer free. Choose another one.';
export const DGP_CONFLICT_CANCELLED = 'This appointment was cancelled and cannot be changed. Book a new one.';

type Failure = { ok: false; reason: 'not-found' | AgencyFailure; status: SourceStatus };

export const createDgpSource: ConnectorFactory = (entry, deps) => {
  const { client, logger } = deps;
  const source = entry.id;
  const context: Context = { source, issuer: { dir3: entry.dir3, name: entry.name } };
  const api = typeof entry.options.apiPath === 'string' ? entry.options.apiPath : '/dgp/api/v1';
  const support = createStateSupport(entry, client, logger);

  function classify(
    answer: AgencyAnswer,
    path: string,
    listKey?: string,
  ): { ok: true; data: Record<string, unknown> } | Failure | { ok: false; code: string } {
    if (answer.kind === 'failure')
      return { ok: false, reason: answer.reason, status: support.failure(answer) };
    const agencyError = errorSchema.safeParse(answer.body);
    if (answer.isJson && agencyError.success) {
      const { code } = agencyError.data.error;
      if (code === 'NOT_FOUND') {
        client.report('ok');
        return { ok: false, reason: 'not-found', status: support.ok() };
      }
      if (code === 'SLOT_UNAVAILABLE' || code === 'APPOINTMENT_CANCELLED') {
        client.report('ok');
        return { ok: false, code };
      }
      client.report('unavailable', { path, httpStatus: answer.httpStatus, code });
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
    const ok = okSchema.safeParse(answer.body);
    if (
      answer.httpStatus >= 300 ||
      !answer.isJson ||
      !ok.success ||
      (listKey !== undefined && !Array.isArray(ok.data.data[listKey]))
    ) {
      return {
        ok: false,
        reason: 'invalid-response',
        status: support.unusable({ path, httpStatus: answer.httpStatus, isJson: answer.isJson }),
      };
    }
    client.report('ok');
    return { ok: true, data: ok.data.data };
  }

  async function readList(
    path: string,
    key: string,
  ): Promise<{ raws: unknown[] } | { status: SourceStatus }> {
    const answer = classify(await client.get(path), path, key);
    if (!answer.ok) {
      if ('code' in answer)
        return { status: support.status('unavailable', 'The service refused the request.') };
      return { status: answer.reason === 'not-found' ? support.ok() : answer.status };
    }
    return { raws: (answer.data[key] as unknown[] | undefined) ?? [] };
  }

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
    const result = classify(answer, path);
    if (!result.ok) {
      if ('code' in result) {
        return {
          ok: false,
          reason: 'conflict',
          status: support.ok(),
          message: result.code === 'APPOINTMENT_CANCELLED' ? DGP_CONFLICT_CANCELLED : DGP_CONFLICT_TAKEN,
        };
      }
      return result;
    }
    const item = normaliseDgpAppointment(result.data.appointment, context);
    if (!item) {
      return {
        ok: false,
        reason: 'invalid-response',
        status: support.unusable({ path, problem: 'unreadable appointment' }),
      };
    }
    return { ok: true, item, status: support.ok() };
  }

  const citizen = (citizenId: string) => `${api}/citizens/${encodeURIComponent(citizenId)}`;
  const validChoice = (choice: BookingChoice) =>
    AGENCY_ID_PATTERN.test(choice.serviceId) &&
    AGENCY_ID_PATTERN.test(choice.officeId) &&
    AGENCY_ID_PATTERN.test(choice.slotId);
  const choiceBody = (choice: BookingChoice) => ({
    service: choice.serviceId,
    office: choice.officeId,
    slotRef: choice.slotId,
  });
  const noSuchSlot = (): WriteResult<Appointment> => ({
    ok: false,
    reason: 'conflict',
    status: support.ok(),
    message: DGP_CONFLICT_TAKEN,
  });

  const documents: DocumentsCapability = {
    async list(citizenId) {
      const read = await readList(`${citizen(citizenId)}/documents`, 'documents');
      if ('status' in read) return { items: [], status: read.status };
      // Withdrawn documents are dropped before counting: they are not unreadable.
      const shown = read.raws.filter((raw) => normaliseDgpDocument(raw, context) !== 'hidden');
      const result = support.records(
        'documents',
        shown,
        (raw) => {
          const item = normaliseDgpDocument(raw, context);
          return item === 'hidden' ? null : item;
        },
        (item) => item.id,
      );
      result.items.sort((a, b) => a.expiresOn.localeCompare(b.expiresOn) || a.id.localeCompare(b.id));
      return result;
    },
  };

  const appointments: AppointmentsCapability = {
    async list(citizenId) {
      const read = await readList(`${citizen(citizenId)}/appointments`, 'appointments');
      if ('status' in read) return { items: [], status: read.status };
      const result = support.records(
        'appointments',
        read.raws,
        (raw) => normaliseDgpAppointment(raw, context),
        (a) => a.id,
      );
      result.items.sort(byStart);
      return result;
    },

    async services() {
      const read = await readList(`${api}/appointment-services`, 'services');
      if ('status' in read) return { items: [], status: read.status };
      return support.records(
        'services',
        read.raws,
        (raw) => {
          const parsed = serviceSchema.safeParse(raw);
          const checked = parsed.success ? appointmentServiceSchema.safeParse(toService(parsed.data)) : null;
          return checked?.success ? checked.data : null;
        },
        (service) => service.id,
      );
    },

    async offices(serviceId) {
      if (!AGENCY_ID_PATTERN.test(serviceId)) return { items: [], status: support.ok() };
      const read = await readList(
        `${api}/appointment-services/${encodeURIComponent(serviceId)}/offices`,
        'offices',
      );
      if ('status' in read) return { items: [], status: read.status };
      return support.records(
        'offices',
        read.raws,
        (raw) => {
          const parsed = officeRawSchema.safeParse(raw);
          const checked = parsed.success ? officeSchema.safeParse(toOffice(parsed.data)) : null;
          return checked?.success ? checked.data : null;
        },
        (office) => office.id,
      );
    },

    async slots(serviceId, officeId, fromDay, toDay) {
      if (
        !dayParts(fromDay) ||
        !dayParts(toDay) ||
        !AGENCY_ID_PATTERN.test(serviceId) ||
        !AGENCY_ID_PATTERN.test(officeId)
      ) {
        return { items: [], status: support.ok() };
      }
      const read = await readList(
        `${api}/appointment-services/${encodeURIComponent(serviceId)}/offices/${encodeURIComponent(officeId)}/slots?from=${fromDay}&to=${toDay}`,
        'slots',
      );
      if ('status' in read) return { items: [], status: read.status };
      const result = support.records('slots', read.raws, normaliseSlot, (slot) => slot.id);
      result.items.sort(byStart);
      return result;
    },

    async book(citizenId, choice) {
      if (!validChoice(choice)) return noSuchSlot();
      return write('POST', `${citizen(citizenId)}/appointments`, choiceBody(choice));
    },

    async cancel(citizenId, agencyId) {
      if (!AGENCY_ID_PATTERN.test(agencyId)) return { ok: false, reason: 'not-found', status: support.ok() };
      return write('DELETE', `${citizen(citizenId)}/appointments/${encodeURIComponent(agencyId)}`);
    },

    async reschedule(citizenId, agencyId, choice) {
      if (!AGENCY_ID_PATTERN.test(agencyId)) return { ok: false, reason: 'not-found', status: support.ok() };
      if (!validChoice(choice)) return noSuchSlot();
      return write(
        'PUT',
        `${citizen(citizenId)}/appointments/${encodeURIComponent(agencyId)}`,
        choiceBody(choice),
      );
    },
  };

  return {
    id: source,
    name: entry.name,
    dir3: entry.dir3,
    domains: entry.domains,
    ...(entry.domains.includes('documents') ? { documents } : {}),
    ...(entry.domains.includes('appointments') ? { appointments } : {}),
  } satisfies SourceConnector;
};
