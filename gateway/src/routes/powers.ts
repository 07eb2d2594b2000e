import { createHash } from 'node:crypto';
import type { SourceStatus } from '@carpeta/sdk';
import {
  addYears,
  POWER_ACTIONS,
  POWER_MAX_VALIDITY_YEARS,
  type PowerAction,
  type PowerAnswer,
  powerActionRequestSchema,
  powerAnswerSchema,
  powerExtendRequestSchema,
  powerGrantRequestSchema,
  type PowerOfAttorney,
  type PowersAnswer,
  powerOfAttorneySchema,
} from '@carpeta/sdk/representation';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { auditWrite } from '../agencies/answers.ts';
import { type RegisterPower, type ReaConnector, type ReaWriteResult, powerView } from '../connectors/rea.ts';
import { madridToday } from '../connectors/state-support.ts';
import type { AuditKind, PortalDatabase } from '../db/index.ts';
import { sendError } from '../errors.ts';
import { errorAnswer, idempotentWrite, type WriteAnswer } from './idempotent.ts';

/*
 * Powers of attorney (REA) of the SIGNED-IN person: those they granted and those granted to them,
 * whoever they act for at the moment (a power lets its holder act in procedures, not manage the
 * grantor's register). Every write goes through `idempotentWrite` (Idempotency-Key, CSRF by the
 * guard), is recorded in the audit log, and is sent to the register with a request id derived from
 * the key, so that the register deduplicates a retried grant too.
 */

const POWER_ID = /^[A-Za-z0-9._-]{1,100}$/;
const NOT_FOUND = 'That power of attorney does not exist.';
const AUDIT: Record<PowerAction, AuditKind> = {
  accept: 'power-accepted',
  renounce: 'power-renounced',
  revoke: 'power-revoked',
  extend: 'power-extended',
};

/** The signed-in person (never whom they act for). */
function signedIn(request: FastifyRequest) {
  const identity = request.identity;
  if (!identity) throw new Error('a private route ran without the guard');
  return identity.session;
}

/** Newest first: by first day, then by id. */
const newestFirst = (a: PowerOfAttorney, b: PowerOfAttorney) =>
  b.validFrom.localeCompare(a.validFrom) || b.id.localeCompare(a.id);

export function registerPowerRoutes(
  app: FastifyInstance,
  options: { database: PortalDatabase; rea: ReaConnector; now: () => Date },
): void {
  const { database, rea, now } = options;

  function views(powers: RegisterPower[], viewerId: string, request: FastifyRequest): PowerOfAttorney[] {
    const at = now();
    const items: PowerOfAttorney[] = [];
    for (const power of powers) {
      const view = powerOfAttorneySchema.safeParse(powerView(power, viewerId, at));
      if (view.success) items.push(view.data);
      else request.log.warn({ source: rea.id }, 'a power outside the contract was not shown');
    }
    return items.sort(newestFirst);
  }

  /** The answer of a write the register refused or could not take. */
  function refusalAnswer(
    request: FastifyRequest,
    result: Exclude<ReaWriteResult, { ok: true }>,
  ): WriteAnswer {
    switch (result.reason) {
      case 'not-found':
        return errorAnswer(request, 404, 'not-found', NOT_FOUND);
      case 'forbidden':
        return errorAnswer(request, 403, 'forbidden', result.message, rea.id);
      case 'conflict':
        return errorAnswer(request, 409, 'conflict', result.message, rea.id);
      case 'identity':
        return errorAnswer(request, 422, 'bad-request', result.message, rea.id);
      case 'invalid':
        return errorAnswer(request, 400, 'bad-request', result.message, rea.id);
      case 'timeout':
        return errorAnswer(request, 504, 'agency-timeout', result.message, rea.id);
      case 'unavailable':
        return errorAnswer(request, 503, 'agency-unavailable', unavailable(result.status), rea.id);
      case 'invalid-response':
        return errorAnswer(request, 502, 'agency-invalid-response', result.message, rea.id);
    }
  }

  const unavailable = (status: SourceStatus) =>
    `The register of powers of attorney could not be reached: nothing was changed. Try again later. (${status.message ?? 'no answer'})`;

  function answerOf(
    power: RegisterPower,
    viewerId: string,
    source: SourceStatus,
    created: boolean,
  ): WriteAnswer {
    const body: PowerAnswer = powerAnswerSchema.parse({ item: powerView(power, viewerId, now()), source });
    return { status: created ? 201 : 200, body };
  }

  app.get('/api/powers', async (request, reply) => {
    const person = signedIn(request).citizen.nif;
    const register = await rea.register(person);
    const body: PowersAnswer = {
      granted: views(register.granted, person, request),
      received: views(register.received, person, request),
      source: register.status,
    };
    return reply.header('cache-control', 'no-store').send(body);
  });

  app.post('/api/powers', async (request, reply) => {
    const parsed = powerGrantRequestSchema.safeParse(request.body);
    if (!parsed.success) {
      return sendError(
        reply,
        400,
        'bad-request',
        'A power needs the attorney’s identity number and first surname, its kind, the body (for one administration or procedures), the procedures (for procedures) and valid dates.',
      );
    }
    const grant = parsed.data;
    const today = madridToday(now());
    if (grant.validFrom < today || grant.validUntil > addYears(today, POWER_MAX_VALIDITY_YEARS)) {
      return sendError(
        reply,
        400,
        'bad-request',
        `A power starts today or later and lasts at most ${POWER_MAX_VALIDITY_YEARS} years from today (until ${addYears(today, POWER_MAX_VALIDITY_YEARS)}).`,
      );
    }
    const session = signedIn(request);
    if (grant.attorney.id === session.citizen.nif) {
      return sendError(reply, 400, 'bad-request', 'You cannot grant a power of attorney to yourself.');
    }
    const key = String(request.headers['idempotency-key'] ?? '');
    // The register deduplicates by this id: a retry after a lost answer registers nothing new.
    const requestId = createHash('sha256')
      .update(`${session.citizen.nif}\n${key}`)
      .digest('base64url')
      .slice(0, 40);
    return idempotentWrite(request, reply, { database, operation: 'power-grant', now }, async () => {
      const result = await rea.grant({
        requestId,
        grantorId: session.citizen.nif,
        attorney: { id: grant.attorney.id, surname: grant.attorney.surname.trim() },
        kind: grant.kind,
        bodyDir3: grant.bodyDir3,
        procedures: grant.procedures,
        validFrom: grant.validFrom,
        validUntil: grant.validUntil,
      });
      if (!result.ok) return refusalAnswer(request, result);
      await auditWrite(database, request, now(), 'power-granted', {
        powerId: result.power.id,
        kind: result.power.kind,
        attorney: result.power.attorney.id,
        validUntil: result.power.validUntil,
      });
      return answerOf(result.power, session.citizen.nif, result.status, !result.replayed);
    });
  });

  app.post<{ Params: { id: string; action: string } }>('/api/powers/:id/:action', async (request, reply) => {
    const { id, action } = request.params;
    if (!(POWER_ACTIONS as readonly string[]).includes(action)) {
      return sendError(reply, 404, 'not-found', 'There is no such action on a power of attorney.');
    }
    if (!POWER_ID.test(id)) return sendError(reply, 404, 'not-found', NOT_FOUND);
    const chosen = action as PowerAction;
    let validUntil: string | null = null;
    if (chosen === 'extend') {
      const parsed = powerExtendRequestSchema.safeParse(request.body);
      if (!parsed.success) return sendError(reply, 400, 'bad-request', 'Give the new last day (validUntil).');
      validUntil = parsed.data.validUntil;
      const limit = addYears(madridToday(now()), POWER_MAX_VALIDITY_YEARS);
      if (validUntil > limit) {
        return sendError(
          reply,
          400,
          'bad-request',
          `An extension lasts at most ${POWER_MAX_VALIDITY_YEARS} years from today (until ${limit}).`,
        );
      }
    } else if (!powerActionRequestSchema.safeParse(request.body ?? {}).success) {
      return sendError(reply, 400, 'bad-request', 'This action takes no data.');
    }
    const session = signedIn(request);
    const person = session.citizen.nif;
    return idempotentWrite(request, reply, { database, operation: `power-${chosen}`, now }, async () => {
      const result = await rea.act(
        person,
        id,
        chosen === 'extend' ? { action: 'extend', validUntil: validUntil ?? '' } : { action: chosen },
      );
      if (!result.ok) return refusalAnswer(request, result);
      const at = now();
      await auditWrite(database, request, at, AUDIT[chosen], {
        powerId: id,
        ...(validUntil === null ? {} : { validUntil }),
      });
      // Renouncing the power the session acts under ends acting for its grantor, at once.
      if (chosen === 'renounce' && session.actingFor?.powerId === id) {
        await database.sessions.setActingFor(session.id, null);
        await auditWrite(database, request, at, 'acting-for-ended', {
          grantor: session.actingFor.nif,
          powerId: id,
          reason: 'renounced',
        });
      }
      return answerOf(result.power, person, result.status, false);
    });
  });
}
