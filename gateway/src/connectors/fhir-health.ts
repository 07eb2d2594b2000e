import type { SourceStatus } from '@carpeta/sdk';
import {
  type CardReplacement,
  cardReplacementSchema,
  type HealthAppointment,
  type HealthCard,
  type HealthCentre,
  type HealthServiceKind,
  type HealthSlot,
  healthAppointmentSchema,
  healthCardSchema,
  healthSlotSchema,
  type ReplacementReason,
} from '@carpeta/sdk/health';
import { z } from 'zod';
import type { AgencyAnswer } from '../agency-http.ts';
import type { ConnectorFactory } from '../agencies/types.ts';
import {
  AGENCY_ID_PATTERN,
  clip,
  createStateSupport,
  dayParts,
  isRealDay,
  lookup,
  toIso,
} from './state-support.ts';
import type { GetResult, HealthCapability, ListResult, WriteResult } from './types.ts';

/*
 * Connector for a regional health service speaking HL7 FHIR R4 JSON (the simulated SERMAS of the
 * Comunidad de Madrid): searches answer Bundles, errors OperationOutcomes, instants carry their
 * offset. The health card is the Coverage with its Patient, Practitioners, Organization (the
 * health centre), HealthcareServices and replacement Tasks; appointments are Appointment and Slot
 * resources. Options: `fhirPath` (default "/sermas/fhir/r4") and `nifSystem`, `cipaSystem` (the
 * identifier systems of the NIF and of the card number).
 */

const DEFAULTS = {
  fhirPath: '/sermas/fhir/r4',
  nifSystem: 'urn:carpeta:es:nif',
  cipaSystem: 'urn:carpeta:es-md:sermas:cipa',
};

const FHIR_ACCEPT = 'application/fhir+json';
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const FHIR_DAY = /^\d{4}-\d{2}-\d{2}$/;

const text = z.string().trim();
const codingSchema = z.object({
  system: z.string().optional(),
  code: z.string().optional(),
  display: z.string().optional(),
});
const conceptSchema = z.object({ coding: z.array(codingSchema).optional(), text: z.string().optional() });
const referenceSchema = z.object({
  reference: z.string().optional(),
  display: z.string().optional(),
  identifier: z.object({ system: z.string().optional(), value: z.string().optional() }).optional(),
});
const identifierSchema = z.object({ system: z.string().optional(), value: z.string().optional() });
const humanNameSchema = z.object({
  text: z.string().optional(),
  family: z.string().optional(),
  given: z.array(z.string()).optional(),
});

const resourceSchema = z.looseObject({ resourceType: z.string(), id: z.string().regex(AGENCY_ID_PATTERN) });
const bundleSchema = z.object({
  resourceType: z.literal('Bundle'),
  type: z.literal('searchset'),
  total: z.number().int().nonnegative().optional(),
  entry: z
    .array(z.object({ resource: z.unknown(), search: z.object({ mode: z.string().optional() }).optional() }))
    .optional()
    .default([]),
});
const outcomeSchema = z.object({
  resourceType: z.literal('OperationOutcome'),
  issue: z.array(z.object({ code: z.string(), diagnostics: z.string().optional() })).min(1),
});

const coverageSchema = z.object({
  id: z.string(),
  status: z.string(),
  identifier: z.array(identifierSchema).optional().default([]),
  beneficiary: referenceSchema,
  period: z.object({ start: z.string().regex(FHIR_DAY), end: z.string().regex(FHIR_DAY).optional() }),
});
const patientSchema = z.object({
  id: z.string(),
  identifier: z.array(identifierSchema).optional().default([]),
  name: z.array(humanNameSchema).optional().default([]),
  generalPractitioner: z.array(referenceSchema).optional().default([]),
});
const practitionerSchema = z.object({
  id: z.string(),
  name: z.array(humanNameSchema).min(1),
  qualification: z
    .array(z.object({ code: conceptSchema }))
    .optional()
    .default([]),
});
const placeSchema = z.object({
  id: z.string(),
  name: text.min(1),
  address: z
    .array(z.object({ text: z.string().optional() }))
    .optional()
    .default([]),
  telecom: z
    .array(z.object({ system: z.string().optional(), value: z.string().optional() }))
    .optional()
    .default([]),
});
const healthcareServiceSchema = z.object({
  id: z.string(),
  providedBy: referenceSchema,
  type: z.array(conceptSchema).min(1),
  name: text.min(1),
  extension: z
    .array(z.object({ url: z.string(), valueDuration: z.object({ value: z.number() }).optional() }))
    .optional()
    .default([]),
});
const taskSchema = z.object({
  id: z.string(),
  identifier: z.array(identifierSchema).optional().default([]),
  status: z.string(),
  code: conceptSchema,
  focus: referenceSchema,
  authoredOn: z.string().regex(INSTANT),
  reasonCode: conceptSchema,
});
const appointmentSchema = z.object({
  id: z.string().regex(AGENCY_ID_PATTERN),
  status: z.string(),
  serviceType: z.array(conceptSchema).min(1),
  start: z.string().regex(INSTANT),
  end: z.string().regex(INSTANT),
  minutesDuration: z.number().int().positive().optional(),
  participant: z.array(z.object({ actor: referenceSchema.optional() })).min(1),
});
const slotSchema = z.object({
  id: z.string().regex(AGENCY_ID_PATTERN),
  status: z.literal('free'),
  start: z.string().regex(INSTANT),
  end: z.string().regex(INSTANT),
});

const APPOINTMENT_STATUS = {
  booked: 'booked',
  arrived: 'booked',
  'checked-in': 'booked',
  cancelled: 'cancelled',
  fulfilled: 'attended',
  noshow: 'missed',
} as const satisfies Record<string, HealthAppointment['status']>;

const TASK_STATUS = {
  requested: 'requested',
  received: 'in-progress',
  accepted: 'in-progress',
  ready: 'in-progress',
  'in-progress': 'in-progress',
  'on-hold': 'in-progress',
  completed: 'completed',
  cancelled: 'cancelled',
  rejected: 'cancelled',
  failed: 'cancelled',
} as const satisfies Record<string, CardReplacement['status']>;

const REASON_CODES = { PERDIDA: 'lost', ROBO: 'stolen', DETERIORO: 'damaged' } as const satisfies Record<
  string,
  ReplacementReason
>;
const REASON_OF: Record<ReplacementReason, string> = {
  lost: 'PERDIDA',
  stolen: 'ROBO',
  damaged: 'DETERIORO',
};

const COVERAGE_STATUS = { active: 'active', cancelled: 'cancelled' } as const satisfies Record<
  string,
  HealthCard['status']
>;

/** An instant with its offset → ISO in UTC, or null. */
function instantOf(value: string): string | null {
  if (!INSTANT.test(value)) return null;
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? null : toIso(new Date(parsed));
}

function realDay(value: string | undefined): string | null {
  if (!value || !FHIR_DAY.test(value)) return null;
  const [y, m, d] = value.split('-').map(Number);
  return isRealDay(y ?? 0, m ?? 0, d ?? 0) ? value : null;
}

const nameOf = (name: z.infer<typeof humanNameSchema> | undefined): string =>
  (name?.text ?? [...(name?.given ?? []), name?.family ?? ''].join(' ')).trim();

const codeOf = (concept: z.infer<typeof conceptSchema> | undefined) => concept?.coding?.[0]?.code ?? '';

/** "Practitioner/med-0101" → "med-0101" when of that type. */
function idOf(reference: string | undefined, type: string): string | null {
  if (!reference?.startsWith(`${type}/`)) return null;
  const id = reference.slice(type.length + 1);
  return AGENCY_ID_PATTERN.test(id) ? id : null;
}

type Resources = Map<string, Map<string, Record<string, unknown>>>;

export const createFhirHealthSource: ConnectorFactory = (entry, { client, logger }) => {
  const support = createStateSupport(entry, client, logger);
  const options = {
    fhirPath: typeof entry.options.fhirPath === 'string' ? entry.options.fhirPath : DEFAULTS.fhirPath,
    nifSystem: typeof entry.options.nifSystem === 'string' ? entry.options.nifSystem : DEFAULTS.nifSystem,
    cipaSystem: typeof entry.options.cipaSystem === 'string' ? entry.options.cipaSystem : DEFAULTS.cipaSystem,
  };
  const path = (resource: string, query?: URLSearchParams) =>
    `${options.fhirPath}/${resource}${query ? `?${query.toString()}` : ''}`;
  const nifToken = (personId: string) => `${options.nifSystem}|${personId}`;

  /** A JSON answer of the service, or the status to give. */
  function jsonOf(
    answer: AgencyAnswer,
    what: string,
  ): { ok: true; status: number; body: unknown } | { ok: false; status: SourceStatus } {
    if (answer.kind === 'failure') return { ok: false, status: support.failure(answer) };
    if (!/json/.test(answer.contentType) || !answer.isJson || answer.httpStatus >= 500) {
      return {
        ok: false,
        status:
          answer.httpStatus >= 500
            ? support.status('unavailable', 'The service could not answer.')
            : support.unusable({ what, httpStatus: answer.httpStatus }),
      };
    }
    return { ok: true, status: answer.httpStatus, body: answer.body };
  }

  /** A searchset's resources by type and id, and its matches, or the status to give. */
  function readBundle(
    answer: AgencyAnswer,
    what: string,
  ):
    | { ok: true; matches: Record<string, unknown>[]; resources: Resources }
    | { ok: false; status: SourceStatus } {
    const json = jsonOf(answer, what);
    if (!json.ok) return json;
    const parsed = json.status === 200 ? bundleSchema.safeParse(json.body) : null;
    if (!parsed?.success) return { ok: false, status: support.unusable({ what, httpStatus: json.status }) };
    const matches: Record<string, unknown>[] = [];
    const resources: Resources = new Map();
    for (const item of parsed.data.entry) {
      const resource = resourceSchema.safeParse(item.resource);
      if (!resource.success) continue;
      const byId = resources.get(resource.data.resourceType) ?? new Map();
      byId.set(resource.data.id, resource.data);
      resources.set(resource.data.resourceType, byId);
      if (item.search?.mode !== 'include') matches.push(resource.data);
    }
    return { ok: true, matches, resources };
  }

  /** A health centre from its Organization or Location, or from a reference's display alone. */
  function centreOf(
    resource: Record<string, unknown> | undefined,
    fallback?: { id: string; name: string | undefined },
  ): HealthCentre | null {
    const place = placeSchema.safeParse(resource);
    if (!place.success) {
      const name = fallback?.name?.trim();
      return fallback && name ? { id: fallback.id, name: clip(name, 300), address: '', phone: null } : null;
    }
    const phone = place.data.telecom.find((item) => item.system === 'phone')?.value;
    return {
      id: place.data.id,
      name: clip(place.data.name, 300),
      address: clip(place.data.address[0]?.text ?? '', 500),
      phone: phone ? clip(phone, 40) : null,
    };
  }

  function replacementOf(raw: unknown): CardReplacement | null {
    const task = taskSchema.safeParse(raw);
    if (!task.success || codeOf(task.data.code) !== 'DUPLICADO-TSI') return null;
    const status = lookup(TASK_STATUS, task.data.status);
    const reason = lookup(REASON_CODES, codeOf(task.data.reasonCode));
    const requestedAt = instantOf(task.data.authoredOn);
    if (!status) support.unknownCode('Task.status', task.data.status);
    if (!status || !reason || !requestedAt) return null;
    const replacement = {
      reference: clip(task.data.identifier[0]?.value ?? task.data.id, 100),
      requestedAt,
      reason,
      status,
    };
    return cardReplacementSchema.safeParse(replacement).success ? replacement : null;
  }

  interface CardRead {
    card: HealthCard;
    coverageId: string;
    centreId: string;
  }

  /** The card as the service holds it: null when it has none for the person. */
  async function readCard(personId: string): Promise<GetResult<CardRead | null>> {
    const query = new URLSearchParams({
      'beneficiary:identifier': nifToken(personId),
      _include: 'Coverage:beneficiary',
      '_include:iterate': 'Patient:general-practitioner',
      _revinclude: 'Task:focus',
    });
    const answer = await client.get(path('Coverage', query), { accept: FHIR_ACCEPT });
    const bundle = readBundle(answer, 'health card');
    if (!bundle.ok) {
      const reason = bundle.status.status === 'ok' ? 'unavailable' : bundle.status.status;
      return { ok: false, reason, status: bundle.status };
    }
    const [match] = bundle.matches;
    if (!match) {
      client.report('ok');
      return { ok: true, item: null, status: support.ok() };
    }
    const invalid = (problem: string): GetResult<CardRead | null> => ({
      ok: false,
      reason: 'invalid-response',
      status: support.unusable({ what: 'health card', problem }),
    });
    const coverage = coverageSchema.safeParse(match);
    if (!coverage.success) return invalid('Coverage');
    const patientId = idOf(coverage.data.beneficiary.reference, 'Patient');
    const patient = patientSchema.safeParse(
      patientId ? bundle.resources.get('Patient')?.get(patientId) : undefined,
    );
    if (!patient.success) return invalid('Patient');
    const cipa =
      coverage.data.identifier.find((item) => item.system === options.cipaSystem)?.value ??
      patient.data.identifier.find((item) => item.system === options.cipaSystem)?.value;
    const status = lookup(COVERAGE_STATUS, coverage.data.status);
    if (!status) support.unknownCode('Coverage.status', coverage.data.status);
    const validFrom = realDay(coverage.data.period.start);
    const validUntil = coverage.data.period.end === undefined ? null : realDay(coverage.data.period.end);
    if (!cipa || !status || !validFrom || (coverage.data.period.end !== undefined && !validUntil)) {
      return invalid('card fields');
    }
    const practitioners = bundle.resources.get('Practitioner') ?? new Map();
    const doctorId = patient.data.generalPractitioner
      .map((item) => idOf(item.reference, 'Practitioner'))
      .find((id) => id !== null);
    const centreId = patient.data.generalPractitioner
      .map((item) => idOf(item.reference, 'Organization'))
      .find((id) => id !== null);
    const centre = centreOf(centreId ? bundle.resources.get('Organization')?.get(centreId) : undefined);
    if (!centre || !centreId) return invalid('Organization');
    const professional = (id: string | null | undefined) => {
      const parsed = practitionerSchema.safeParse(id ? practitioners.get(id) : undefined);
      return parsed.success ? parsed.data : null;
    };
    const doctor = professional(doctorId);
    const nurse = [...practitioners.keys()]
      .map((id) => professional(id))
      .find((item) => item?.qualification.some((q) => codeOf(q.code) === 'ENF'));
    const services: HealthServiceKind[] = [];
    for (const raw of bundle.resources.get('HealthcareService')?.values() ?? []) {
      const service = healthcareServiceSchema.safeParse(raw);
      if (!service.success || idOf(service.data.providedBy.reference, 'Organization') !== centreId) continue;
      const id = codeOf(service.data.type[0]);
      const minutes = service.data.extension.find((item) => item.valueDuration)?.valueDuration?.value;
      if (!AGENCY_ID_PATTERN.test(id) || !minutes || !Number.isInteger(minutes) || minutes <= 0) continue;
      services.push({ id, name: clip(service.data.name, 200), durationMinutes: minutes });
    }
    const replacements = [...(bundle.resources.get('Task')?.values() ?? [])]
      .filter((raw) => idOf(taskSchema.safeParse(raw).data?.focus.reference, 'Coverage') === coverage.data.id)
      .map(replacementOf)
      .filter((item): item is CardReplacement => item !== null)
      .sort((a, b) => b.requestedAt.localeCompare(a.requestedAt));
    const card: HealthCard = {
      cipa: cipa.toUpperCase(),
      holder: clip(nameOf(patient.data.name[0]) || '—', 300),
      status,
      validFrom,
      validUntil,
      centre,
      doctor: doctor ? clip(nameOf(doctor.name[0]) || '—', 300) : null,
      nurse: nurse ? clip(nameOf(nurse.name[0]) || '—', 300) : null,
      services,
      replacement: replacements[0] ?? null,
    };
    if (!healthCardSchema.safeParse(card).success) return invalid('card');
    client.report('ok');
    return { ok: true, item: { card, coverageId: coverage.data.id, centreId }, status: support.ok() };
  }

  function appointmentOf(
    raw: unknown,
    locations: Map<string, Record<string, unknown>>,
  ): HealthAppointment | null {
    const parsed = appointmentSchema.safeParse(raw);
    if (!parsed.success) return null;
    const item = parsed.data;
    const status = lookup(APPOINTMENT_STATUS, item.status);
    if (!status) {
      support.unknownCode('Appointment.status', item.status);
      return null;
    }
    const serviceCoding = item.serviceType[0]?.coding?.[0];
    const startsAt = instantOf(item.start);
    const endsAt = instantOf(item.end);
    const actors = item.participant
      .map((participant) => participant.actor)
      .filter((actor) => actor !== undefined);
    const professional = actors.find((actor) => idOf(actor.reference, 'Practitioner'))?.display;
    const place = actors.find((actor) => idOf(actor.reference, 'Location'));
    const placeId = idOf(place?.reference, 'Location');
    const centre = placeId ? centreOf(locations.get(placeId), { id: placeId, name: place?.display }) : null;
    if (!serviceCoding?.code || !startsAt || !endsAt || !centre) return null;
    const minutes =
      item.minutesDuration ?? Math.max(1, Math.round((Date.parse(endsAt) - Date.parse(startsAt)) / 60_000));
    const appointment: HealthAppointment = {
      id: `${entry.id}:${item.id}`,
      status,
      service: {
        id: clip(serviceCoding.code, 100),
        name: clip(serviceCoding.display ?? serviceCoding.code, 200),
        durationMinutes: minutes,
      },
      startsAt,
      endsAt,
      professional: professional ? clip(professional, 300) : null,
      centre,
    };
    return healthAppointmentSchema.safeParse(appointment).success ? appointment : null;
  }

  /** A write's answer: the resource, or why not (conflicts with the service's own words avoided). */
  function writeFailure<T>(answer: AgencyAnswer, what: string, conflict: string): WriteResult<T> {
    const json = jsonOf(answer, what);
    if (!json.ok) {
      const reason = json.status.status === 'ok' ? 'unavailable' : json.status.status;
      return { ok: false, reason, status: json.status };
    }
    const issue = outcomeSchema.safeParse(json.body);
    if (issue.success) {
      client.report('ok');
      if (json.status === 404) return { ok: false, reason: 'not-found', status: support.ok() };
      if (json.status === 409 || json.status === 422) {
        return { ok: false, reason: 'conflict', status: support.ok(), message: conflict };
      }
    }
    return {
      ok: false,
      reason: 'invalid-response',
      status: support.unusable({ what, httpStatus: json.status }),
    };
  }

  const health: HealthCapability = {
    async card(personId) {
      const read = await readCard(personId);
      if (!read.ok) return read;
      return { ok: true, item: read.item?.card ?? null, status: read.status };
    },

    async requestReplacement(personId, reason) {
      const read = await readCard(personId);
      if (!read.ok) return read;
      if (!read.item) return { ok: false, reason: 'not-found', status: support.ok() };
      const body = {
        resourceType: 'Task',
        status: 'requested',
        intent: 'order',
        code: { coding: [{ code: 'DUPLICADO-TSI' }] },
        focus: { reference: `Coverage/${read.item.coverageId}` },
        for: { identifier: { system: options.nifSystem, value: personId } },
        reasonCode: { coding: [{ code: REASON_OF[reason] }] },
      };
      const answer = await client.send(
        'POST',
        path('Task'),
        { contentType: 'application/fhir+json', text: JSON.stringify(body) },
        {
          accept: FHIR_ACCEPT,
          // Conditional create: while a request for this card is open, that one is the answer.
          headers: { 'if-none-exist': `focus=Coverage/${read.item.coverageId}&status=requested,in-progress` },
        },
      );
      if (answer.kind === 'answer' && (answer.httpStatus === 200 || answer.httpStatus === 201)) {
        const replacement = replacementOf(answer.body);
        if (replacement) {
          client.report('ok');
          return { ok: true, item: replacement, status: support.ok() };
        }
        return {
          ok: false,
          reason: 'invalid-response',
          status: support.unusable({ what: 'replacement', httpStatus: answer.httpStatus }),
        };
      }
      return writeFailure(answer, 'replacement', 'The health service could not take the request now.');
    },

    async appointments(personId): Promise<ListResult<HealthAppointment>> {
      const query = new URLSearchParams({
        'patient:identifier': nifToken(personId),
        _include: 'Appointment:actor',
        _sort: 'date',
      });
      const answer = await client.get(path('Appointment', query), { accept: FHIR_ACCEPT });
      const bundle = readBundle(answer, 'appointments');
      if (!bundle.ok) return { items: [], status: bundle.status };
      client.report('ok');
      const locations = bundle.resources.get('Location') ?? new Map();
      return support.records(
        'appointments',
        bundle.matches.filter((item) => item.resourceType === 'Appointment'),
        (raw) => appointmentOf(raw, locations),
        (item) => item.id,
      );
    },

    async slots(personId, serviceId, fromDay, toDay): Promise<ListResult<HealthSlot>> {
      if (!AGENCY_ID_PATTERN.test(serviceId) || !dayParts(fromDay) || !dayParts(toDay)) {
        return { items: [], status: support.ok() };
      }
      const read = await readCard(personId);
      if (!read.ok) return { items: [], status: read.status };
      if (!read.item) return { items: [], status: support.ok() };
      const query = new URLSearchParams({
        schedule: `Schedule/${serviceId}.${read.item.centreId}`,
        status: 'free',
      });
      query.append('start', `ge${fromDay}`);
      query.append('start', `le${toDay}`);
      const answer = await client.get(path('Slot', query), { accept: FHIR_ACCEPT });
      const bundle = readBundle(answer, 'slots');
      if (!bundle.ok) return { items: [], status: bundle.status };
      client.report('ok');
      return support.records(
        'slots',
        bundle.matches.filter((item) => item.resourceType === 'Slot'),
        (raw): HealthSlot | null => {
          const parsed = slotSchema.safeParse(raw);
          if (!parsed.success) return null;
          const startsAt = instantOf(parsed.data.start);
          const endsAt = instantOf(parsed.data.end);
          const slot = startsAt && endsAt ? { id: parsed.data.id, startsAt, endsAt } : null;
          return slot && healthSlotSchema.safeParse(slot).success ? slot : null;
        },
        (item) => item.id,
      );
    },

    async book(personId, serviceId, slotId) {
      if (!AGENCY_ID_PATTERN.test(serviceId) || !AGENCY_ID_PATTERN.test(slotId)) {
        return {
          ok: false,
          reason: 'conflict',
          status: support.ok(),
          message: 'That time is no longer free. Choose another one.',
        };
      }
      const body = {
        resourceType: 'Appointment',
        status: 'booked',
        serviceType: [{ coding: [{ code: serviceId }] }],
        slot: [{ reference: `Slot/${slotId}` }],
        participant: [
          { actor: { identifier: { system: options.nifSystem, value: personId } }, status: 'accepted' },
        ],
      };
      const answer = await client.send(
        'POST',
        path('Appointment'),
        { contentType: 'application/fhir+json', text: JSON.stringify(body) },
        { accept: FHIR_ACCEPT },
      );
      if (answer.kind === 'answer' && answer.httpStatus === 201) {
        const appointment = appointmentOf(answer.body, new Map());
        if (appointment) {
          client.report('ok');
          return { ok: true, item: appointment, status: support.ok() };
        }
        return {
          ok: false,
          reason: 'invalid-response',
          status: support.unusable({ what: 'booking', httpStatus: answer.httpStatus }),
        };
      }
      return writeFailure(answer, 'booking', 'That time is no longer free. Choose another one.');
    },

    async cancel(personId, agencyId) {
      if (!AGENCY_ID_PATTERN.test(agencyId)) return { ok: false, reason: 'not-found', status: support.ok() };
      const query = new URLSearchParams({ _id: agencyId, 'patient:identifier': nifToken(personId) });
      const answer = await client.send(
        'PATCH',
        path('Appointment', query),
        {
          contentType: 'application/json-patch+json',
          text: JSON.stringify([{ op: 'replace', path: '/status', value: 'cancelled' }]),
        },
        { accept: FHIR_ACCEPT },
      );
      if (answer.kind === 'answer' && answer.httpStatus === 200) {
        const appointment = appointmentOf(answer.body, new Map());
        if (appointment && appointment.id === `${entry.id}:${agencyId}`) {
          client.report('ok');
          return { ok: true, item: appointment, status: support.ok() };
        }
        return {
          ok: false,
          reason: 'invalid-response',
          status: support.unusable({ what: 'cancellation', httpStatus: answer.httpStatus }),
        };
      }
      return writeFailure(answer, 'cancellation', 'A past appointment cannot be cancelled.');
    },
  };

  return { id: entry.id, name: entry.name, dir3: entry.dir3, domains: entry.domains, health };
};
