import {
  type Appointment,
  type AppointmentDetail,
  type AppointmentList,
  appointmentDetailSchema,
  appointmentListSchema,
  type BookableSourceList,
  bookableSourceListSchema,
  bookingRequestSchema,
  type OfficeList,
  officeListSchema,
  type SlotList,
  type SourceStatus,
  slotListSchema,
} from '@carpeta/sdk';
import { TZDate } from '@date-fns/tz';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createEvent, type EventAttributes } from 'ics';
import {
  auditWrite,
  citizenOf,
  failureReasonOf,
  sendSourceFailure,
  sourceFailureAnswer,
  splitPortalId,
} from '../agencies/answers.ts';
import { type Folder, isSourceFailure } from '../agencies/fan-out.ts';
import type { AppointmentsCapability, SourceConnector, WriteResult } from '../connectors/types.ts';
import type { PortalDatabase } from '../db/index.ts';
import type { AuditKind } from '../db/types.ts';
import { sendError } from '../errors.ts';
import { errorAnswer, idempotentWrite, type WriteAnswer } from './idempotent.ts';

const NOT_FOUND = 'That appointment does not exist.';
const AGENCY_PART = /^[A-Za-z0-9._-]{1,100}$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Longest span of days one availability request may ask for. */
export const MAX_SLOT_DAYS = 62;
const MADRID = 'Europe/Madrid';

export interface AppointmentRoutesOptions {
  folder: Folder;
  database: PortalDatabase;
  now: () => Date;
}

const bySoonest = (a: Appointment, b: Appointment) =>
  a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id);

/** "2026-06-10" → days since the epoch, or null when it is not a real day. */
function dayNumber(value: string): number | null {
  const match = ISO_DAY.exec(value);
  if (!match) return null;
  const [year = 0, month = 0, day = 0] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return date.getTime() / 86_400_000;
}

function madridWallClock(iso: string): string {
  const date = new TZDate(Date.parse(iso), MADRID);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The appointment as an iCalendar file (instants in UTC, so right in every time zone). */
export function appointmentIcs(
  appointment: Appointment,
  portalOrigin: string,
): { ok: true; ics: string } | { ok: false; error: string } {
  const start = Date.parse(appointment.startsAt);
  const end = Date.parse(appointment.endsAt);
  const url = `${portalOrigin}/appointments/${encodeURIComponent(appointment.id)}`;
  const event: EventAttributes = {
    productId: 'carpeta/appointments',
    uid: `${appointment.id}@carpeta`,
    method: 'PUBLISH',
    start,
    startInputType: 'utc',
    startOutputType: 'utc',
    end: end > start ? end : start + appointment.service.durationMinutes * 60_000,
    endInputType: 'utc',
    endOutputType: 'utc',
    title: `${appointment.service.name} · ${appointment.issuer.name}`,
    description: [
      `${appointment.service.name} (${appointment.issuer.name})`,
      `Referencia / Reference: ${appointment.reference}`,
      `Hora de Madrid / Madrid time: ${madridWallClock(appointment.startsAt)} (Europe/Madrid)`,
    ].join('\n'),
    location: [appointment.office.name, appointment.office.address].filter(Boolean).join(', '),
    status: appointment.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    busyStatus: 'BUSY',
  };
  // The link back is a nicety: an origin the library finds unusable (a test's port 0) leaves it out.
  const withLink = createEvent({ ...event, url });
  const { value, error } = withLink.value ? withLink : createEvent(event);
  if (error || !value) return { ok: false, error: String(error?.message ?? 'no calendar') };
  return { ok: true, ics: value };
}

/**
 * Appointments (cita previa) across administrations: the citizen's appointments, what can be
 * booked where and when (availability read in real time, never cached), and the writes — book,
 * cancel, reschedule — each idempotent (Idempotency-Key) and recorded. A slot taken meanwhile is a
 * 409 `conflict`: the page then reloads the slots.
 */
export function registerAppointmentRoutes(
  app: FastifyInstance,
  options: AppointmentRoutesOptions & { portalOrigin: string },
): void {
  const { folder, database, now } = options;

  function bookable(
    sourceId: string,
  ): { source: SourceConnector; capability: AppointmentsCapability } | null {
    const source = folder.source(sourceId);
    const capability = source?.appointments;
    return source && capability ? { source, capability } : null;
  }

  app.get('/api/appointments', async (request, reply) => {
    const answer = await folder.list('appointments', citizenOf(request));
    const body: AppointmentList = appointmentListSchema.parse({
      items: answer.items.sort(bySoonest),
      sources: answer.sources,
    });
    return reply.header('cache-control', 'no-store').send(body);
  });

  app.get('/api/appointments/sources', async (_request, reply) => {
    const serving = folder.sources.filter((source) => source.appointments !== undefined);
    const results = await Promise.all(
      serving.map(async (source) => {
        const capability = source.appointments as AppointmentsCapability;
        const answer = await folder.guard(source, () => capability.services());
        return { source, answer };
      }),
    );
    const items: BookableSourceList['items'] = [];
    const sources: SourceStatus[] = [];
    for (const { source, answer } of results) {
      if (isSourceFailure(answer)) {
        sources.push(answer.status);
        continue;
      }
      sources.push(answer.status);
      if (answer.items.length > 0) {
        items.push({
          source: source.id,
          issuer: { dir3: source.dir3, name: source.name },
          services: answer.items,
        });
      }
    }
    const body: BookableSourceList = bookableSourceListSchema.parse({ items, sources });
    return reply.header('cache-control', 'no-store').send(body);
  });

  app.get<{ Params: { source: string; serviceId: string } }>(
    '/api/appointments/sources/:source/services/:serviceId/offices',
    async (request, reply) => {
      const found = bookable(request.params.source);
      if (!found || !AGENCY_PART.test(request.params.serviceId)) {
        return sendError(reply, 404, 'not-found', 'That service does not exist.');
      }
      const answer = await folder.guard(found.source, () =>
        found.capability.offices(request.params.serviceId),
      );
      const body: OfficeList = isSourceFailure(answer)
        ? { items: [], source: answer.status }
        : officeListSchema.parse({ items: answer.items, source: answer.status });
      return reply.header('cache-control', 'no-store').send(body);
    },
  );

  app.get<{
    Params: { source: string; serviceId: string; officeId: string };
    Querystring: { from?: unknown; to?: unknown };
  }>(
    '/api/appointments/sources/:source/services/:serviceId/offices/:officeId/slots',
    async (request, reply) => {
      const { serviceId, officeId } = request.params;
      const found = bookable(request.params.source);
      if (!found || !AGENCY_PART.test(serviceId) || !AGENCY_PART.test(officeId)) {
        return sendError(reply, 404, 'not-found', 'That office does not exist.');
      }
      const { from, to } = request.query;
      const first = typeof from === 'string' ? dayNumber(from) : null;
      const last = typeof to === 'string' ? dayNumber(to) : null;
      if (first === null || last === null || last < first || last - first >= MAX_SLOT_DAYS) {
        return sendError(
          reply,
          400,
          'bad-request',
          `Give the days to look at as from=YYYY-MM-DD&to=YYYY-MM-DD (at most ${MAX_SLOT_DAYS} days).`,
        );
      }
      // Availability is read in real time: never from the cache.
      const answer = await folder.guard(found.source, () =>
        found.capability.slots(serviceId, officeId, from as string, to as string),
      );
      const body: SlotList = isSourceFailure(answer)
        ? { items: [], source: answer.status }
        : slotListSchema.parse({
            items: answer.items.filter((slot) => Date.parse(slot.startsAt) > now().getTime()),
            source: answer.status,
          });
      return reply.header('cache-control', 'no-store').send(body);
    },
  );

  /** A write's result as the answer the idempotent write keeps (and replays). */
  async function writeAnswer(
    request: FastifyRequest,
    source: SourceConnector,
    kind: AuditKind,
    created: boolean,
    run: () => Promise<WriteResult<Appointment>>,
    detail: Record<string, string>,
  ): Promise<WriteAnswer> {
    const citizenId = citizenOf(request);
    const result = await folder.guard(source, run);
    // Whatever happened, the citizen's appointments at this source are read again next time.
    folder.invalidate(citizenId, source.id);
    if (isSourceFailure(result)) {
      return sourceFailureAnswer(request, failureReasonOf(result.status.status), result.status, NOT_FOUND);
    }
    if (!result.ok) {
      if (result.reason === 'conflict') {
        return errorAnswer(
          request,
          409,
          'conflict',
          result.message || 'That time is no longer free. Choose another one.',
          source.id,
        );
      }
      return sourceFailureAnswer(request, result.reason, result.status, NOT_FOUND);
    }
    const checked = appointmentDetailSchema.safeParse({ item: result.item, source: result.status });
    if (!checked.success || !result.item.id.startsWith(`${source.id}:`)) {
      request.log.warn({ source: source.id }, 'an appointment outside the contract was not shown');
      return errorAnswer(
        request,
        502,
        'agency-invalid-response',
        'The service answered in an unexpected format.',
        source.id,
      );
    }
    await auditWrite(database, request, now(), kind, {
      source: source.id,
      appointment: result.item.id,
      ...detail,
    });
    const body: AppointmentDetail = checked.data;
    return { status: created ? 201 : 200, body };
  }

  function sourceFromId(reply: FastifyReply, id: string) {
    const parts = splitPortalId(id);
    if (!parts) {
      sendError(reply, 400, 'bad-request', 'That is not a valid appointment id.');
      return null;
    }
    const found = bookable(parts.sourceId);
    if (!found) {
      sendError(reply, 404, 'not-found', NOT_FOUND);
      return null;
    }
    return { ...found, agencyId: parts.agencyId };
  }

  app.post('/api/appointments', async (request, reply) => {
    const parsed = bookingRequestSchema.safeParse(request.body);
    if (!parsed.success)
      return sendError(reply, 400, 'bad-request', 'Choose a service, an office and a time.');
    const choice = parsed.data;
    const found = bookable(choice.source);
    if (!found)
      return sendError(reply, 404, 'not-found', 'That administration does not book appointments here.');
    return idempotentWrite(request, reply, { database, operation: 'appointment-book', now }, () =>
      writeAnswer(
        request,
        found.source,
        'appointment-booked',
        true,
        () =>
          found.capability.book(citizenOf(request), {
            serviceId: choice.serviceId,
            officeId: choice.officeId,
            slotId: choice.slotId,
          }),
        { service: choice.serviceId, office: choice.officeId, slot: choice.slotId },
      ),
    );
  });

  app.delete<{ Params: { id: string } }>('/api/appointments/:id', async (request, reply) => {
    const found = sourceFromId(reply, request.params.id);
    if (!found) return reply;
    return idempotentWrite(request, reply, { database, operation: 'appointment-cancel', now }, () =>
      writeAnswer(
        request,
        found.source,
        'appointment-cancelled',
        false,
        () => found.capability.cancel(citizenOf(request), found.agencyId),
        {},
      ),
    );
  });

  app.put<{ Params: { id: string } }>('/api/appointments/:id', async (request, reply) => {
    const found = sourceFromId(reply, request.params.id);
    if (!found) return reply;
    const parsed = bookingRequestSchema.safeParse(request.body);
    if (!parsed.success || parsed.data.source !== found.source.id) {
      return sendError(reply, 400, 'bad-request', 'Choose another time of the same administration.');
    }
    const choice = parsed.data;
    return idempotentWrite(request, reply, { database, operation: 'appointment-reschedule', now }, () =>
      writeAnswer(
        request,
        found.source,
        'appointment-rescheduled',
        false,
        () =>
          found.capability.reschedule(citizenOf(request), found.agencyId, {
            serviceId: choice.serviceId,
            officeId: choice.officeId,
            slotId: choice.slotId,
          }),
        { service: choice.serviceId, office: choice.officeId, slot: choice.slotId },
      ),
    );
  });

  app.get<{ Params: { id: string } }>('/api/appointments/:id/calendar.ics', async (request, reply) => {
    const found = sourceFromId(reply, request.params.id);
    if (!found) return reply;
    const list = await folder.listOne(found.source, 'appointments', citizenOf(request));
    const appointment = list.items.find((item) => item.id === request.params.id);
    if (!appointment) {
      if (list.status.status !== 'ok') {
        return sendSourceFailure(reply, failureReasonOf(list.status.status), list.status, NOT_FOUND);
      }
      return sendError(reply, 404, 'not-found', NOT_FOUND);
    }
    const ics = appointmentIcs(appointment, options.portalOrigin);
    if (!ics.ok) {
      request.log.error(
        { appointment: appointment.id, error: ics.error },
        'the calendar file could not be made',
      );
      return sendError(reply, 500, 'internal', 'The calendar file could not be made.');
    }
    const fileName = `cita-${appointment.reference.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 60)}.ics`;
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="${fileName}"`)
      .type('text/calendar; charset=utf-8')
      .send(ics.ics);
  });
}
