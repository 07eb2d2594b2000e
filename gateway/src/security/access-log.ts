import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';

/**
 * Fastify's request log, trimmed for floods: one line per request (when it completes, with the
 * request and the answer) instead of two; no line for answers the rate limiter refused (it logs
 * each client once per window) nor for telemetry reports (logged under their own budget).
 */
export class AccessLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (this.isLogDisabled(request)) return;
    if (error) {
      super.requestCompleted(error, request, reply);
      return;
    }
    if (reply.statusCode === 429 || request.routeOptions.url === '/api/telemetry') return;
    reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}
