import type { SourceStatus } from '@carpeta/sdk';
import {
  type CardReplacementAnswer,
  cardReplacementAnswerSchema,
  cardReplacementRequestSchema,
  type HealthAppointment,
  type HealthAppointmentDetail,
  type HealthAppointmentList,
  type HealthCardAnswer,
  type HealthSlotList,
  healthAppointmentDetailSchema,
  healthAppointmentListSchema,
  healthBookingRequestSchema,
  healthCardAnswerSchema,
  healthSlotListSchema,
} from '@carpeta/sdk/health';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  auditWrite,
  citizenOf,
  failureReasonOf,
  sourceFailureAnswer,
  splitPortalId,
} from '../agencies/answers.ts';
import { type Folder, isSourceFailure } from '../agencies/fan-out.ts';
import type { HealthCapability, SourceConnector, WriteResult } from '../connectors/types.ts';
import type { PortalDatabase } from '../db/index.ts';
import type { AuditKind } from '../db/types.ts';
import { sendError } from '../errors.ts';
import { errorAnswer, idempotentWrite, type WriteAnswer } from './idempotent.ts';

const NOT_FOUND = 'That appointment does not exist.';
const NO_CARD = 'The health service has no health card for this person.';
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Longest span of days one availability request may ask for. */
export const HEALTH_MAX_SLOT_DAYS = 31;

export interface HealthServiceRoutesOptions {
  folder: Folder;
  database: PortalDatabase;
  now: () => Date;
}

function dayNumber(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = ISO_DAY.exec(value);
  if (!match) return null;
  const [year = 0, month = 0, day = 0] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return date.getTime() / 86_400_000;
}

const bySoonest = (a: HealthAppointment, b: HealthAppointment) =>
  a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id);

/**
 * An autonomous community's health service (the source serving the `health` domain, e.g. the
 * simulated SERMAS): the citizen's health card and a replacement request, and primary-care
 * appointments at their own health centre (list, free slots read in real time, book, cancel).
 * Reads answer 200 with the source's status, so the MFE can tell "no card" from "service down";
 * writes are idempotent (Idempotency-Key) and recorded; a slot taken meanwhile is a 409.
 * Declared by the health MFE's manifest entry in `api`, so they need its level of assurance.
 */
export function registerHealthServiceRoutes(app: FastifyInstance, options: HealthServiceRoutesOptions): void {
  const { folder, database, now } = options;

  function serving(): { source: SourceConnector; health: HealthCapability } | null {
    const source = folder.sources.find((candidate) => candidate.health !== undefined);
    return source?.health ? { source, health: source.health } : null;
  }

  function noService(reply: FastifyReply) {
    return sendError(reply, 404, 'not-found', 'No health service is connected to the portal.');
  }

  const issuerOf = (source: SourceConnector) => ({ dir3: source.dir3, name: source.name });

  app.get('/api/health-service/card', async (request, reply) => {
    const found = serving();
    if (!found) return noService(reply);
    const answer = await folder.guard(found.source, () => found.health.card(citizenOf(request)));
    let source: SourceStatus;
    let card: HealthCardAnswer['card'] = null;
    if (isSourceFailure(answer)) source = answer.status;
    else if (answer.ok) {
      source = answer.status;
      card = answer.item;
    } else source = answer.status;
    const body: HealthCardAnswer = healthCardAnswerSchema.parse({
      issuer: issuerOf(found.source),
      card,
      source,
    });
    return reply.header('cache-control', 'no-store').send(body);
  });

  app.get('/api/health-service/appointments', async (request, reply) => {
    const found = serving();
    if (!found) return noService(reply);
    const answer = await folder.guard(found.source, () => found.health.appointments(citizenOf(request)));
    const body: HealthAppointmentList = isSourceFailure(answer)
      ? { items: [], source: answer.status }
      : healthAppointmentListSchema.parse({ items: answer.items.sort(bySoonest), source: answer.status });
    return reply.header('cache-control', 'no-store').send(body);
  });

  app.get<{ Querystring: { service?: unknown; from?: unknown; to?: unknown } }>(
    '/api/health-service/slots',
    async (request, reply) => {
      const found = serving();
      if (!found) return noService(reply);
      const { service, from, to } = request.query;
      const first = dayNumber(from);
      const last = dayNumber(to);
      if (
        typeof service !== 'string' ||
        !/^[A-Za-z0-9._-]{1,100}$/.test(service) ||
        first === null ||
        last === null ||
        last < first ||
        last - first >= HEALTH_MAX_SLOT_DAYS
      ) {
        return sendError(
          reply,
          400,
          'bad-request',
          `Give the service and the days to look at as service=…&from=YYYY-MM-DD&to=YYYY-MM-DD (at most ${HEALTH_MAX_SLOT_DAYS} days).`,
        );
      }
      // Availability is read in real time: never from a cache.
      const answer = await folder.guard(found.source, () =>
        found.health.slots(citizenOf(request), service, from as string, to as string),
      );
      const body: HealthSlotList = isSourceFailure(answer)
        ? { items: [], source: answer.status }
        : healthSlotListSchema.parse({
            items: answer.items.filter((slot) => Date.parse(slot.startsAt) > now().getTime()),
            source: answer.status,
          });
      return reply.header('cache-control', 'no-store').send(body);
    },
  );

  /** A write's result as the answer the idempotent write keeps (and replays). */
  async function writeAnswer<T>(
    request: FastifyRequest,
    source: SourceConnector,
    run: () => Promise<WriteResult<T>>,
    done: (
      item: T,
      status: SourceStatus,
    ) => { body: unknown; audit: { kind: AuditKind; detail: Record<string, string> } } | null,
    created: boolean,
    notFound: string,
  ): Promise<WriteAnswer> {
    const result = await folder.guard(source, run);
    if (isSourceFailure(result)) {
      return sourceFailureAnswer(request, failureReasonOf(result.status.status), result.status, notFound);
    }
    if (!result.ok) {
      if (result.reason === 'conflict')
        return errorAnswer(request, 409, 'conflict', result.message, source.id);
      return sourceFailureAnswer(request, result.reason, result.status, notFound);
    }
    const answer = done(result.item, result.status);
    if (!answer) {
      request.log.warn({ source: source.id }, 'a health service answer outside the contract was not shown');
      return errorAnswer(
        request,
        502,
        'agency-invalid-response',
        'The service answered in an unexpected format.',
        source.id,
      );
    }
    await auditWrite(database, request, now(), answer.audit.kind, {
      source: source.id,
      ...answer.audit.detail,
    });
    return { status: created ? 201 : 200, body: answer.body };
  }

  app.post('/api/health-service/card/replacement', async (request, reply) => {
    const found = serving();
    if (!found) return noService(reply);
    const parsed = cardReplacementRequestSchema.safeParse(request.body);
    if (!parsed.success) return sendError(reply, 400, 'bad-request', 'Say why the card must be replaced.');
    const { reason } = parsed.data;
    return idempotentWrite(request, reply, { database, operation: 'health-card-replacement', now }, () =>
      writeAnswer(
        request,
        found.source,
        () => found.health.requestReplacement(citizenOf(request), reason),
        (replacement, source) => {
          const checked = cardReplacementAnswerSchema.safeParse({ replacement, source });
          if (!checked.success) return null;
          const body: CardReplacementAnswer = checked.data;
          return {
            body,
            audit: { kind: 'health-card-replacement', detail: { reason, reference: replacement.reference } },
          };
        },
        true,
        NO_CARD,
      ),
    );
  });

  app.post('/api/health-service/appointments', async (request, reply) => {
    const found = serving();
    if (!found) return noService(reply);
    const parsed = healthBookingRequestSchema.safeParse(request.body);
    if (!parsed.success) return sendError(reply, 400, 'bad-request', 'Choose a service and a time.');
    const { serviceId, slotId } = parsed.data;
    return idempotentWrite(request, reply, { database, operation: 'health-appointment-book', now }, () =>
      writeAnswer(
        request,
        found.source,
        () => found.health.book(citizenOf(request), serviceId, slotId),
        (item, source) =>
          appointmentAnswer(found.source, item, source, 'appointment-booked', {
            service: serviceId,
            slot: slotId,
          }),
        true,
        NOT_FOUND,
      ),
    );
  });

  app.delete<{ Params: { id: string } }>('/api/health-service/appointments/:id', async (request, reply) => {
    const found = serving();
    if (!found) return noService(reply);
    const parts = splitPortalId(request.params.id);
    if (!parts) return sendError(reply, 400, 'bad-request', 'That is not a valid appointment id.');
    if (parts.sourceId !== found.source.id) return sendError(reply, 404, 'not-found', NOT_FOUND);
    return idempotentWrite(request, reply, { database, operation: 'health-appointment-cancel', now }, () =>
      writeAnswer(
        request,
        found.source,
        () => found.health.cancel(citizenOf(request), parts.agencyId),
        (item, source) => appointmentAnswer(found.source, item, source, 'appointment-cancelled', {}),
        false,
        NOT_FOUND,
      ),
    );
  });

  function appointmentAnswer(
    source: SourceConnector,
    item: HealthAppointment,
    status: SourceStatus,
    kind: AuditKind,
    detail: Record<string, string>,
  ) {
    const checked = healthAppointmentDetailSchema.safeParse({ item, source: status });
    if (!checked.success || !item.id.startsWith(`${source.id}:`)) return null;
    const body: HealthAppointmentDetail = checked.data;
    return { body, audit: { kind, detail: { appointment: item.id, ...detail } } };
  }
}
