import type { SourceStatus } from '@carpeta/sdk';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PortalDatabase } from '../db/index.ts';
import type { AuditKind } from '../db/types.ts';
import { sendError } from '../errors.ts';
import { errorAnswer, type WriteAnswer } from '../routes/idempotent.ts';

/** "<source>:<agency id>", as every portal item id. */
export const PORTAL_ID = /^([a-z0-9-]{1,40}):([A-Za-z0-9][A-Za-z0-9._-]{0,99})$/;

export function splitPortalId(id: string): { sourceId: string; agencyId: string } | null {
  const match = PORTAL_ID.exec(id);
  if (!match) return null;
  return { sourceId: match[1] ?? '', agencyId: match[2] ?? '' };
}

export type FailureReason = 'not-found' | 'timeout' | 'unavailable' | 'invalid-response';

const FAILURES = {
  timeout: { status: 504, code: 'agency-timeout', fallback: 'The service did not answer in time.' },
  unavailable: { status: 502, code: 'agency-unavailable', fallback: 'The service could not be reached.' },
  'invalid-response': {
    status: 502,
    code: 'agency-invalid-response',
    fallback: 'The service answered in an unexpected format.',
  },
} as const;

/** The error answer of a source that could not answer a read about one item. */
export function sendSourceFailure(
  reply: FastifyReply,
  reason: FailureReason,
  status: SourceStatus,
  notFound: string,
): FastifyReply {
  if (reason === 'not-found') return sendError(reply, 404, 'not-found', notFound, { source: status.source });
  const failure = FAILURES[reason];
  return sendError(reply, failure.status, failure.code, status.message ?? failure.fallback, {
    source: status.source,
  });
}

/** The same, as the answer of an idempotent write. */
export function sourceFailureAnswer(
  request: FastifyRequest,
  reason: FailureReason,
  status: SourceStatus,
  notFound: string,
): WriteAnswer {
  if (reason === 'not-found') return errorAnswer(request, 404, 'not-found', notFound, status.source);
  const failure = FAILURES[reason];
  return errorAnswer(
    request,
    failure.status,
    failure.code,
    status.message ?? failure.fallback,
    status.source,
  );
}

/** The citizen whose folder a private route reads: from the session, never a parameter. */
export function citizenOf(request: FastifyRequest): string {
  if (!request.identity) throw new Error('a private route ran without the guard');
  return request.identity.subjectId;
}

function clientIp(request: FastifyRequest): string {
  return request.ip;
}

/** An audit row about a write of the signed-in citizen (who, for whom, what, from where). */
export function auditWrite(
  database: PortalDatabase,
  request: FastifyRequest,
  at: Date,
  kind: AuditKind,
  detail: Record<string, string | number | boolean | null>,
): Promise<void> {
  const identity = request.identity;
  if (!identity) throw new Error('a private route ran without the guard');
  const record = identity.session;
  const agent = request.headers['user-agent'];
  return database.audit.record({
    kind,
    at,
    citizenNif: record.citizen.nif,
    method: record.method,
    loa: record.loa,
    ip: clientIp(request),
    userAgent: typeof agent === 'string' ? agent.slice(0, 500) : null,
    detail: { subject: identity.subjectId, ...detail },
  });
}

/** A status of a source that did not answer, as a failure reason ("ok" cannot happen here). */
export function failureReasonOf(status: SourceStatus['status']): Exclude<FailureReason, 'not-found'> {
  return status === 'ok' ? 'unavailable' : status;
}
