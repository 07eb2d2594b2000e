import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PortalDatabase } from '../db/index.ts';
import { sendError } from '../errors.ts';

/** As the sdk's API client sends it (`newIdempotencyKey()`). */
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;

/** What a write answers: replayed byte for byte when the same key comes again. */
export interface WriteAnswer {
  status: number;
  body: unknown;
}

export interface IdempotentWriteOptions {
  database: PortalDatabase;
  /** A name for the kind of write, e.g. "notification-accept": keys are scoped by it. */
  operation: string;
  now: () => Date;
  /**
   * A public write (feedback) without a session: keys of anonymous writers share the scope
   * `anonymous:<operation>`; a key is 8 to 100 characters the client made at random, so two writers
   * meet only by chance, and then get a 422 (a different request) rather than someone else's answer.
   */
  allowAnonymous?: boolean;
}

/**
 * Runs a citizen's write at most once per `Idempotency-Key` (required on every write of the
 * folder): the key is claimed in the database with one INSERT (any replica, any restart), a repeat
 * gets the first answer again, a repeat while the first is still running gets 409, and the same key
 * with a different request gets 422. Answers of 5xx are not kept: the citizen may retry them.
 * The scope is who signs in, for whom, and the operation: another citizen's key is another key.
 */
export async function idempotentWrite(
  request: FastifyRequest,
  reply: FastifyReply,
  options: IdempotentWriteOptions,
  write: () => Promise<WriteAnswer>,
): Promise<FastifyReply> {
  const identity = request.identity;
  if (!identity && !options.allowAnonymous) throw new Error('a private route ran without the guard');
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
    return sendError(
      reply,
      400,
      'bad-request',
      'This action needs an Idempotency-Key header (8 to 100 letters, digits, - or _).',
    );
  }
  const scope = identity
    ? `${identity.session.citizen.nif}>${identity.subjectId}:${options.operation}`
    : `anonymous:${options.operation}`;
  const requestHash = createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
  const { idempotency } = options.database;
  const begun = await idempotency.begin(scope, key, requestHash, options.now());
  switch (begun.state) {
    case 'replay':
      return reply
        .code(begun.status)
        .header('cache-control', 'no-store')
        .header('idempotent-replayed', 'true')
        .type('application/json; charset=utf-8')
        .send(begun.body);
    case 'in-progress':
      return sendError(reply, 409, 'conflict', 'This action is already being carried out. Wait a moment.');
    case 'mismatch':
      return sendError(
        reply,
        422,
        'bad-request',
        'This Idempotency-Key was already used for a different request.',
      );
    case 'new':
      break;
  }
  let answer: WriteAnswer;
  try {
    answer = await write();
  } catch (error) {
    await idempotency.abandon(scope, key).catch(() => undefined);
    throw error;
  }
  const body = JSON.stringify(answer.body);
  if (answer.status >= 500) await idempotency.abandon(scope, key);
  else await idempotency.complete(scope, key, answer.status, body);
  return reply
    .code(answer.status)
    .header('cache-control', 'no-store')
    .type('application/json; charset=utf-8')
    .send(body);
}

/** The error body of an answer, as `sendError` writes it, for a write that returns its answer. */
export function errorAnswer(
  request: FastifyRequest,
  status: number,
  code: string,
  message: string,
  source?: string,
): WriteAnswer {
  return {
    status,
    body: { error: { code, message, requestId: request.id, ...(source === undefined ? {} : { source }) } },
  };
}
