import type { ApiErrorBody, ApiErrorCode } from '@carpeta/sdk';
import type { FastifyReply } from 'fastify';

/** Every error the gateway answers with: the sdk's ApiErrorBody, never a stack trace. */
export function sendError(
  reply: FastifyReply,
  status: number,
  code: ApiErrorCode,
  message: string,
  extra: { source?: string } = {},
): FastifyReply {
  const body: ApiErrorBody = { error: { code, message, requestId: reply.request.id } };
  if (extra.source !== undefined) body.error.source = extra.source;
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .type('application/json; charset=utf-8')
    .send(body);
}

export function messageForClientError(status: number): string {
  switch (status) {
    case 405:
      return 'This address does not accept that method.';
    case 408:
      return 'The request took too long to arrive.';
    case 413:
      return 'The request is too large.';
    case 414:
      return 'The address is too long.';
    case 421:
      return 'This server does not answer for that host.';
    case 429:
      return 'Too many requests. Wait a moment and try again.';
    case 431:
      return 'The request headers are too large.';
    case 415:
      return 'The request has a content type this address does not accept.';
    default:
      return 'The request is not valid.';
  }
}
