import { randomUUID } from 'node:crypto';
import { STATUS_CODES, type Server, type ServerOptions } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type {
  FastifyBaseLogger,
  FastifyError,
  FastifyInstance,
  FastifyHttpOptions,
  FastifyReply,
  FastifyRequest,
} from 'fastify';
import { messageForClientError, sendError } from '../errors.ts';
import { baselineHeaders } from './headers.ts';
import type { CarpetaEnvironment, GatewayLimits } from './settings.ts';

/**
 * Server options against slow or oversized requests: a whole request must arrive within
 * `requestTimeoutMs` (headers within `headersTimeoutMs`), idle kept-alive connections close after
 * `keepAliveTimeoutMs`, and Node checks those deadlines every second (its default is 30 s).
 * Errors Node and Fastify raise before routing get the portal's error body, a request id and the
 * security headers, like every other answer.
 */
export function hardenedServerOptions(
  limits: GatewayLimits,
  portalOrigin: string,
): Required<
  Pick<
    FastifyHttpOptions<Server>,
    'requestTimeout' | 'keepAliveTimeout' | 'connectionTimeout' | 'clientErrorHandler' | 'frameworkErrors'
  >
> & { http: ServerOptions } {
  const headers = baselineHeaders(portalOrigin);
  return {
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    // A socket with no traffic at all for this long is closed (a backstop for the timeouts above).
    connectionTimeout: Math.max(30_000, limits.requestTimeoutMs * 3),
    http: {
      headersTimeout: Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs),
      connectionsCheckingInterval: 1000,
      maxHeaderSize: 16 * 1024,
    },
    clientErrorHandler(this: FastifyInstance, error: Error & { code?: string }, socket: Socket) {
      if (error.code === 'ECONNRESET' || socket.destroyed) return;
      const status =
        error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? 408
          : error.code === 'HPE_HEADER_OVERFLOW'
            ? 431
            : error.code === 'HPE_URI_TOO_LONG'
              ? 414
              : 400;
      const requestId = randomUUID();
      this.log.debug({ err: error, reqId: requestId, status }, 'client error before routing');
      if (socket.writable) {
        const body = JSON.stringify({
          error: {
            code: 'bad-request',
            message: status === 408 ? 'The request took too long to arrive.' : messageForClientError(status),
            requestId,
          },
        });
        const lines = [
          `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
          'content-type: application/json; charset=utf-8',
          `content-length: ${Buffer.byteLength(body)}`,
          'cache-control: no-store',
          'connection: close',
          `x-request-id: ${requestId}`,
          ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
        ];
        socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
      }
      socket.destroySoon();
    },
    frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
      // Raised before routing (a URL such as /%ff, a parameter too long): the hooks that set the
      // request id and the security headers have not run.
      request.log.info({ err: error }, 'client error before routing');
      reply.headers({ ...headers, 'x-request-id': request.id });
      const status = typeof error.statusCode === 'number' && error.statusCode < 500 ? error.statusCode : 400;
      return sendError(reply, status, 'bad-request', messageForClientError(status));
    },
  };
}

/**
 * Refuses a connection when its client address already holds `max` open connections. Behind a
 * proxy every client has the proxy's address: raise the cap (or set 0) there.
 */
export function limitConnectionsPerClient(server: Server, max: number, log: FastifyBaseLogger): void {
  if (max <= 0) return;
  const open = new Map<string, number>();
  const warned = new Set<string>();
  server.on('connection', (socket: Socket) => {
    const client = socket.remoteAddress ?? 'unknown';
    const count = (open.get(client) ?? 0) + 1;
    if (count > max) {
      if (!warned.has(client)) {
        warned.add(client);
        log.warn({ client, max }, 'client over its connection limit: new connections refused');
      }
      socket.destroy();
      return;
    }
    open.set(client, count);
    socket.once('close', () => {
      const left = (open.get(client) ?? 1) - 1;
      if (left <= 0) {
        open.delete(client);
        warned.delete(client);
      } else open.set(client, left);
    });
  });
}

/**
 * A DNS-rebinding guard: only requests naming the portal's own host are answered. In local
 * development `localhost`, 127.0.0.1 and [::1] on the portal's port (or the gateway's own) are
 * accepted too: a rebinding attack names the attacker's host, never a loopback name. A portal origin
 * with port 0 (tests, a free port) means whatever port the server listens on.
 */
export function createHostCheck(options: {
  portalOrigin: string;
  environment: CarpetaEnvironment;
  listeningPort: () => number | undefined;
}): (host: string | undefined) => boolean {
  const portal = new URL(options.portalOrigin);
  const defaultPort = portal.protocol === 'https:' ? '443' : '80';
  const hostnames = new Set([portal.hostname.toLowerCase()]);
  if (options.environment === 'development') {
    for (const loopback of ['localhost', '127.0.0.1', '[::1]']) hostnames.add(loopback);
  }
  return (host) => {
    if (!host) return false;
    const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(host.trim());
    if (!match) return false;
    const hostname = (match[1] ?? '').toLowerCase().replace(/\.$/, '');
    const port = match[2] ?? defaultPort;
    const listening = String(options.listeningPort() ?? '');
    let expected = portal.port || defaultPort;
    if (expected === '0') expected = listening;
    if (!hostnames.has(hostname)) return false;
    // In development the gateway may sit behind the shell's dev server (PORTAL_ORIGIN is then the
    // dev server's); a loopback name on the gateway's own port is fine too.
    return port === expected || (options.environment === 'development' && port === listening);
  };
}

export function registerHostCheck(
  app: FastifyInstance,
  options: { portalOrigin: string; environment: CarpetaEnvironment },
): void {
  const allowed = createHostCheck({
    ...options,
    listeningPort: () => (app.server.address() as AddressInfo | null)?.port,
  });
  const headers = baselineHeaders(options.portalOrigin);
  app.addHook('onRequest', async (request, reply) => {
    if (allowed(request.headers.host)) return;
    request.log.info({ host: request.headers.host }, 'request for another host refused');
    // Answered before the hooks that add the request id and the security headers.
    reply.headers({ ...headers, 'x-request-id': request.id });
    return sendError(reply, 421, 'bad-request', 'This server does not answer for that host.');
  });
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/**
 * The methods that have a route for this URL. Catch-all routes (wildcards) count only when
 * `wildcards` is true: `/api/*` answers "no such API", which is not a method being allowed.
 */
export function allowedMethods(app: FastifyInstance, rawUrl: string, wildcards: boolean): string[] {
  const path = rawUrl.split('?')[0] ?? '/';
  return METHODS.filter((method) => {
    const route = app.findRoute({ method, url: path });
    if (!route) return false;
    return wildcards || !Object.hasOwn(route.params as object, '*');
  });
}

/** Answers 405 with Allow when the URL exists for other methods; returns false otherwise. */
export function sendMethodNotAllowed(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  wildcards: boolean,
): FastifyReply | false {
  const allowed = allowedMethods(app, request.url, wildcards);
  if (allowed.length === 0 || allowed.includes(request.method)) return false;
  reply.header('allow', allowed.join(', '));
  return sendError(reply, 405, 'bad-request', 'This address does not accept that method.');
}
