import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import { apiErrorSchema } from '@carpeta/sdk';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGateway } from '../app.ts';
import { type TestSession, testSession } from '../auth/testing.ts';
import { loadConfig } from '../config.ts';
import type { NotificationConnector } from '../connectors/types.ts';

const CITIZEN_DATA = 'Requerimiento de la citizen';
const connector: NotificationConnector = {
  id: 'dehu',
  name: 'DEHú',
  async list() {
    return {
      items: [
        {
          id: 'dehu:N-1',
          source: 'dehu',
          kind: 'notification',
          issuer: { dir3: 'E0', name: 'AEAT' },
          subject: CITIZEN_DATA,
          procedure: null,
          fileReference: null,
          status: 'pending',
          availableAt: '2026-06-08T10:00:00.000Z',
          expiresAt: '2026-06-18T10:00:00.000Z',
          respondedAt: null,
          urgent: false,
        },
      ],
      status: { source: 'dehu', name: 'DEHú', status: 'ok' },
    };
  },
  async get() {
    return { ok: false, reason: 'not-found', status: { source: 'dehu', name: 'DEHú', status: 'ok' } };
  },
};

/** A store class for @fastify/rate-limit that counts in a map shared by every instance. */
const shared = new Map<string, { current: number; start: number }>();
let storeCalls = 0;
class SharedStore implements FastifyRateLimitStore {
  incr(
    key: string,
    callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
    timeWindow: number,
  ) {
    storeCalls += 1;
    const now = Date.now();
    const item = shared.get(key);
    const next =
      item && now - item.start < timeWindow
        ? { ...item, current: item.current + 1 }
        : { current: 1, start: now };
    shared.set(key, next);
    callback(null, { current: next.current, ttl: timeWindow - (now - next.start) });
  }
  child() {
    return this;
  }
}

let dir: string;
let app: FastifyInstance;
let port: number;
const logs: Array<Record<string, unknown>> = [];

let session: TestSession;
beforeAll(async () => {
  session = await testSession();
  dir = await mkdtemp(path.join(tmpdir(), 'carpeta-http-'));
  const shellDist = path.join(dir, 'dist');
  await mkdir(path.join(shellDist, 'assets'), { recursive: true });
  await writeFile(path.join(shellDist, 'index.html'), '<!doctype html><title>Carpeta</title>');
  await writeFile(
    path.join(shellDist, 'assets', 'index-BQ3x9_aZ.js'),
    'console.log(1);\n//# sourceMappingURL=index-BQ3x9_aZ.js.map',
  );
  await writeFile(path.join(shellDist, 'assets', 'index-BQ3x9_aZ.js.map'), '{"version":3}');
  await writeFile(path.join(dir, 'mfes.json'), JSON.stringify({ version: 1, mfes: [] }));
  app = buildGateway(
    {
      ...loadConfig({
        PORT_GATEWAY: '0',
        GATEWAY_REQUEST_TIMEOUT_MS: '1000',
        GATEWAY_HEADERS_TIMEOUT_MS: '1000',
        GATEWAY_CONNECTIONS_PER_CLIENT: '8',
        TELEMETRY_RATE_PER_MINUTE: '5',
        TELEMETRY_LOG_PER_MINUTE: '2',
      }),
      shellDist,
      manifestPath: path.join(dir, 'mfes.json'),
      env: {},
      notificationConnectors: [connector],
      rateLimitStore: SharedStore,
      logger: {
        level: 'info',
        stream: new Writable({
          write(chunk: Buffer, _encoding, callback) {
            for (const line of chunk.toString().split('\n')) if (line.trim()) logs.push(JSON.parse(line));
            callback();
          },
        }),
      },
    },
    { database: session.database },
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as { port: number }).port;
});

afterAll(async () => {
  await session?.close();
  await app?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function raw(method: string, url: string, headers: Record<string, string> = {}, body?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path: url,
        // Signed in: these tests are about what reaches the citizen's data, and what never does.
        headers: { host: `127.0.0.1:${port}`, cookie: session.cookie, ...headers },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Writes bytes on a raw connection and collects what comes back until the server closes it. */
function rawSocket(send: string): { socket: Socket; closed: Promise<{ data: string; ms: number }> } {
  const started = Date.now();
  const socket = connect(port, '127.0.0.1');
  let data = '';
  socket.on('data', (chunk: Buffer) => {
    data += chunk.toString();
  });
  socket.on('error', () => undefined);
  const closed = new Promise<{ data: string; ms: number }>((resolve) => {
    socket.on('close', () => resolve({ data, ms: Date.now() - started }));
  });
  socket.write(send);
  return { socket, closed };
}

/** The portal's error body, a request id in body and header, and the security headers. */
function expectPortalError(response: Raw, status: number) {
  expect(response.status).toBe(status);
  const body = apiErrorSchema.parse(JSON.parse(response.body));
  expect(body.error.code).toBe('bad-request');
  expect(body.error.requestId).toBe(response.headers['x-request-id']);
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['x-frame-options']).toBe('DENY');
  expect(String(response.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  expect(response.body).not.toMatch(/FST_|statusCode/);
}

function parseRawResponse(text: string): Raw {
  const [head = '', body = ''] = text.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers: IncomingHttpHeaders = {};
  for (const line of lines) {
    const at = line.indexOf(':');
    headers[line.slice(0, at).toLowerCase()] = line.slice(at + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body };
}

describe('slow and oversized requests', () => {
  it('closes a request whose body never finishes arriving, with a 408', { timeout: 10_000 }, async () => {
    const { closed } = rawSocket(
      `POST /api/telemetry HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\ncontent-type: application/json\r\ncontent-length: 8000\r\n\r\n{"type":"er`,
    );
    const { data, ms } = await closed;
    expect(ms).toBeLessThan(4000);
    expectPortalError(parseRawResponse(data), 408);
  });

  it('closes a connection whose headers never finish arriving', { timeout: 10_000 }, async () => {
    const { closed } = rawSocket(`GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nx-slow: 1`);
    const { ms } = await closed;
    expect(ms).toBeLessThan(4000);
  });

  it('refuses connections past the cap per client address', { timeout: 10_000 }, async () => {
    const held = Array.from({ length: 8 }, () => connect(port, '127.0.0.1'));
    await Promise.all(held.map((socket) => new Promise((resolve) => socket.once('connect', resolve))));
    try {
      const { closed } = rawSocket(`GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
      const { data, ms } = await closed;
      expect(data).toBe('');
      expect(ms).toBeLessThan(1000);
      expect(
        logs.some((line) => line.msg === 'client over its connection limit: new connections refused'),
      ).toBe(true);
    } finally {
      for (const socket of held) socket.destroy();
    }
    // Once they are closed, the client is served again.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await raw('GET', '/api/health')).status).toBe(200);
  });

  it('answers oversized headers with the portal error body and headers (431)', async () => {
    const { closed } = rawSocket(
      `GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\ncookie: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expectPortalError(parseRawResponse((await closed).data), 431);
  });

  it('answers a malformed URL (%ff) with the portal error body and headers (400)', async () => {
    const response = await raw('GET', '/api/%ff');
    expectPortalError(response, 400);
  });
});

describe('DNS rebinding', () => {
  it('refuses a Host other than the portal’s, and never answers it with the citizen’s data', async () => {
    const response = await raw('GET', '/api/notifications', { host: `rebind.attacker.example:${port}` });
    expect(response.status).toBe(421);
    expect(response.body).not.toContain(CITIZEN_DATA);
    expectPortalError(response, 421);
    const noPort = await raw('GET', '/api/notifications', { host: 'rebind.attacker.example' });
    expect(noPort.status).toBe(421);
  });

  it('accepts the portal host, and localhost on the same port in development', async () => {
    expect((await raw('GET', '/api/notifications')).body).toContain(CITIZEN_DATA);
    expect((await raw('GET', '/api/notifications', { host: `localhost:${port}` })).status).toBe(200);
    expect((await raw('GET', '/api/notifications', { host: `localhost:${port + 1}` })).status).toBe(421);
  });

  it('in production accepts only the configured portal host', async () => {
    const production = buildGateway(
      {
        ...loadConfig({
          CARPETA_ENV: 'production',
          PORTAL_ORIGIN: 'https://carpeta.example.es',
        }),
        shellDist: path.join(dir, 'none'),
        manifestPath: path.join(dir, 'mfes.json'),
        env: {},
        notificationConnectors: [connector],
      },
      { database: session.database },
    );
    try {
      const good = await production.inject({ url: '/api/health', headers: { host: 'carpeta.example.es' } });
      expect(good.statusCode).toBe(200);
      // Served over https: HSTS is sent.
      expect(good.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      const localhost = await production.inject({ url: '/api/health', headers: { host: 'localhost' } });
      expect(localhost.statusCode).toBe(421);
    } finally {
      await production.close();
    }
  });
});

describe('methods and headers', () => {
  it('answers 405 with Allow for a known address and another method; 404 for unknown ones', async () => {
    // A write from the signed-in citizen's page carries the CSRF token (without it: 403 first).
    const csrf = { 'x-csrf-token': session.csrfToken };
    expect((await raw('DELETE', '/api/notifications')).status).toBe(403);
    const remove = await raw('DELETE', '/api/notifications', csrf);
    expect(remove.status).toBe(405);
    expect(remove.headers.allow).toBe('GET, HEAD');
    expectPortalError(remove, 405);
    const put = await raw('PUT', '/api/telemetry', { 'content-type': 'application/json', ...csrf }, '{}');
    expect(put.status).toBe(405);
    expect(put.headers.allow).toBe('POST');
    const manifest = await raw('POST', '/mfes.json', { 'content-type': 'application/json' }, '{}');
    expect(manifest.status).toBe(405);
    expect(manifest.headers.allow).toBe('GET, HEAD');
    const page = await raw('POST', '/notifications', { 'content-type': 'application/json' }, '{}');
    expect(page.status).toBe(405);
    expect(page.headers.allow).toBe('GET, HEAD');
    expect((await raw('GET', '/api/nope')).status).toBe(404);
    expect(
      (await raw('POST', '/api/nope', { 'content-type': 'application/json', ...csrf }, '{}')).status,
    ).toBe(404);
  });

  it('sends no HSTS over plain http, and X-Frame-Options DENY like frame-ancestors', async () => {
    const response = await raw('GET', '/api/health');
    expect(response.headers['strict-transport-security']).toBeUndefined();
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(String(response.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  });

  it('does not serve source maps', async () => {
    expect((await raw('GET', '/assets/index-BQ3x9_aZ.js')).status).toBe(200);
    expect((await raw('GET', '/assets/index-BQ3x9_aZ.js.map')).status).toBe(404);
  });
});

describe('/api/telemetry under abuse', () => {
  const report = JSON.stringify({ type: 'error', message: 'Error: no se pudo cargar' });

  it('limits reports per client (429 with Retry-After), logs the excess once, and caps the log', async () => {
    // The slow-body test above already started one report from this address.
    shared.clear();
    const before = storeCalls;
    const linesBefore = logs.length;
    const statuses: number[] = [];
    let limited: Raw | undefined;
    for (let i = 0; i < 9; i += 1) {
      const response = await raw('POST', '/api/telemetry', { 'content-type': 'application/json' }, report);
      statuses.push(response.status);
      if (response.status === 429) limited ??= response;
    }
    expect(statuses).toEqual([204, 204, 204, 204, 204, 429, 429, 429, 429]);
    if (!limited) throw new Error('never limited');
    expectPortalError(limited, 429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // The limiter counted in the configured store (the one replicas would share).
    expect(storeCalls - before).toBe(9);
    expect([...shared.values()].some((item) => item.current === 9)).toBe(true);
    expect(logs.filter((line) => line.msg === 'client over its rate limit')).toHaveLength(1);
    // The log budget lets 2 reports a minute through.
    expect(logs.filter((line) => line.msg === 'client reported an error')).toHaveLength(2);
    // Nothing else: no access line per report, no error line per refusal.
    expect(logs.length - linesBefore).toBe(3);
  });
});
