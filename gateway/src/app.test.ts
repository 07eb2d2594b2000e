// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings use the manifest's own ${VAR} syntax.
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { MARIA_NIF, dehuHandlers } from '@carpeta/mocks';
import { type AgencyServer, startAgencyServer } from '@carpeta/mocks/server';
import {
  apiErrorSchema,
  notificationDetailSchema,
  notificationListSchema,
  sessionResponseSchema,
} from '@carpeta/sdk';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { dehuEntry, writeAgenciesFile } from './agencies/testing.ts';
import { buildGateway } from './app.ts';
import { newSessionSecret, sessionIdFor } from './auth/sessions.ts';
import { loadConfig } from './config.ts';
import { openDatabase, type PortalDatabase } from './db/index.ts';
import { createTestDatabase, type TestDatabase } from './db/testing.ts';

const NOW = new Date('2026-06-10T10:00:00Z');
const CONFIG = fileURLToPath(new URL('../config/mfes.json', import.meta.url));
const INDEX_HTML =
  '<!doctype html><html lang="es"><head><title>Carpeta</title></head><body><div id="root"></div></body></html>';
/** A stand-in for the shell's server render (shell/src/render.tsx): says what it was given. */
const RENDER_JS = `export function renderShell(input) {
  const who = input.session.session.authenticated ? input.session.session.citizen.displayName : 'nobody';
  return '<p id="rendered">' + [input.language, input.theme, input.pathname, input.search, who, input.manifest.mfes.length].join('|') + '</p>';
}`;

/** The manifest the gateway put in a page (see pages/page.ts). */
function inlineManifest(html: string): unknown {
  const found = /<script type="application\/json" id="carpeta-manifest">(.*?)<\/script>/s.exec(html);
  return found ? JSON.parse(found[1] ?? '') : undefined;
}

let dir: string;
let manifestPath: string;
let shellDist: string;
let agency: AgencyServer;
let app: FastifyInstance;
let base: string;
const logs: Array<Record<string, unknown>> = [];
let testDatabase: TestDatabase;
let database: PortalDatabase;

// These tests are about the API once signed in: every request to the gateway carries María's
// session cookie (and the CSRF token on writes). Sign-in itself and anonymous access are tested in
// auth/auth.test.ts.
const SESSION_SECRET = newSessionSecret();
const CSRF_TOKEN = 'csrf-token-for-the-gateway-tests-0123456789';
const realFetch = globalThis.fetch;
const fetch: typeof globalThis.fetch = (input, init = {}) => {
  const headers = new Headers(init.headers);
  if (base && String(input).startsWith(base)) {
    headers.set('cookie', `carpeta_session=${SESSION_SECRET}`);
    if (init.method && init.method !== 'GET') headers.set('x-csrf-token', CSRF_TOKEN);
  }
  return realFetch(input, { ...init, headers });
};

function logStream() {
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString().split('\n')) if (line.trim()) logs.push(JSON.parse(line));
      callback();
    },
  });
}

async function setFault(body: Record<string, unknown>) {
  const response = await fetch(`${agency.url}/__control/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

/** A typed error (sdk apiErrorSchema), with a request id, and no trace of internals. */
async function expectTypedError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/application\/json/);
  const text = await response.text();
  const body = apiErrorSchema.parse(JSON.parse(text));
  expect(body.error.code).toBe(code);
  expect(body.error.requestId).toBe(response.headers.get('x-request-id'));
  expect(text).not.toMatch(/\bat [\w.<>]+ \(|\.ts:\d+|node:internal|Error:|stack|127\.0\.0\.1/);
  return body;
}

async function touch(file: string, content: string) {
  await writeFile(file, content);
  const later = new Date(Date.now() + Math.floor(Math.random() * 100_000) + 1_000);
  await utimes(file, later, later);
}

function cspOf(response: Response): Record<string, string[]> {
  const header = response.headers.get('content-security-policy') ?? '';
  return Object.fromEntries(
    header
      .split(';')
      .filter((part) => part.trim())
      .map((part) => {
        const [name = '', ...values] = part.trim().split(/\s+/);
        return [name, values];
      }),
  );
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'carpeta-gateway-'));
  manifestPath = path.join(dir, 'mfes.json');
  await writeFile(manifestPath, await readFile(CONFIG, 'utf8'));
  shellDist = path.join(dir, 'dist');
  await mkdir(path.join(shellDist, 'assets'), { recursive: true });
  await writeFile(path.join(shellDist, 'index.html'), INDEX_HTML);
  await writeFile(path.join(shellDist, 'assets', 'index-BQ3x9_aZ.js'), 'console.log("shell");');
  await mkdir(path.join(dir, 'dist-server'));
  await writeFile(path.join(dir, 'dist-server', 'render.js'), RENDER_JS);

  agency = await startAgencyServer({ port: 0, host: '127.0.0.1', handlers: dehuHandlers({ now: NOW }) });
  testDatabase = await createTestDatabase('pglite');
  database = await openDatabase(testDatabase.options);
  const id = sessionIdFor(SESSION_SECRET);
  if (!id) throw new Error('bad secret');
  await database.sessions.create({
    id,
    citizen: {
      nif: MARIA_NIF,
      givenName: 'María',
      surnames: 'García López',
      displayName: 'María García López',
      documentType: 'NIF',
    },
    loa: 'substantial',
    method: 'clave-pin',
    actingFor: null,
    csrfToken: CSRF_TOKEN,
    idToken: null,
    previousAccess: null,
    createdAt: NOW,
    lastSeenAt: NOW,
    idleExpiresAt: new Date(NOW.getTime() + 3_600_000),
    absoluteExpiresAt: new Date(NOW.getTime() + 8 * 3_600_000),
  });
  app = buildGateway(
    {
      // Port 0: the Host check accepts the port the test server ends up listening on.
      ...loadConfig({ PORT_GATEWAY: '0' }),
      shellDist,
      manifestPath,
      env: { MFE_HOME_URL: 'http://127.0.0.1:5999' },
      mfeOrigins: [
        'http://127.0.0.1:4202',
        'http://127.0.0.1:4203',
        'http://127.0.0.1:4204',
        'http://127.0.0.1:4205',
        'http://127.0.0.1:4206',
        'http://127.0.0.1:4208',
        'http://127.0.0.1:4209',
        'http://127.0.0.1:4210',
        'http://127.0.0.1:4211',
        'http://127.0.0.1:4333',
      ],
      agenciesPath: await writeAgenciesFile(dir, [dehuEntry(agency.url, 300)]),
      now: () => NOW,
      logger: { level: 'info', stream: logStream() },
    },
    { database },
  );
  app.get('/api/test-boom', async () => {
    throw new Error('secret database password leaked in a stack');
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
});

afterEach(async () => {
  await fetch(`${agency.url}/__control/reset`, { method: 'POST' });
});

afterAll(async () => {
  await app?.close();
  await agency?.close();
  await database?.close();
  await testDatabase?.destroy();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('API basics', () => {
  it('GET /api/health', async () => {
    const response = await fetch(`${base}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', manifest: { status: 'ok' } });
  });

  it('GET /api/session answers the signed-in citizen, masked, with the CSRF token; anonymous without', async () => {
    const response = await fetch(`${base}/api/session`);
    const body = sessionResponseSchema.parse(await response.json());
    expect(body.session.citizen).toMatchObject({ displayName: 'María García López', maskedId: '***4567**' });
    expect(body.csrfToken).toBe(CSRF_TOKEN);
    expect(JSON.stringify(body)).not.toContain(MARIA_NIF);
    expect(response.headers.get('cache-control')).toBe('no-store');
    // Until when the session lasts unless used again (the service worker's limit for private copies).
    expect(response.headers.get('x-carpeta-session-expires')).toBe(body.session.citizen?.expiresAt);
    const anonymousAnswer = await realFetch(`${base}/api/session`);
    expect(anonymousAnswer.headers.get('x-carpeta-session-expires')).toBeNull();
    const anonymous = sessionResponseSchema.parse(await anonymousAnswer.json());
    expect(anonymous).toEqual({
      session: { authenticated: false, citizen: null },
      csrfToken: null,
      notice: null,
    });
  });

  it('unknown /api paths → 404 typed', async () => {
    await expectTypedError(await fetch(`${base}/api/nope`), 404, 'not-found');
    await expectTypedError(await fetch(`${base}/api`), 404, 'not-found');
    await expectTypedError(await fetch(`${base}/api/notifications/nope/deeper`), 404, 'not-found');
  });

  it('an uncaught error → 500 typed "internal" with a request id, no stack, and a log line', async () => {
    const response = await fetch(`${base}/api/test-boom`);
    const body = await expectTypedError(response, 500, 'internal');
    expect(JSON.stringify(body)).not.toContain('secret');
    expect(logs.some((line) => line.level === 50 && line.reqId === body.error.requestId)).toBe(true);
  });
});

describe('GET /api/notifications', () => {
  it('answers the signed-in citizen’s notifications in the sdk format, newest first', async () => {
    const response = await fetch(`${base}/api/notifications`);
    expect(response.headers.get('x-carpeta-session-expires')).toMatch(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = notificationListSchema.parse(await response.json());
    expect(body.sources).toEqual([
      { source: 'dehu', name: 'Dirección Electrónica Habilitada única (DEHú)', status: 'ok' },
    ]);
    // The first page of the demo citizen's 43 (pagination: see routes/notifications.test.ts).
    expect(body.total).toBe(43);
    expect(body.items).toHaveLength(20);
    const dates = body.items.map((item) => item.availableAt);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(body.items.find((item) => item.id === 'dehu:N-2026-000098')?.status).toBe('expired');
  });

  it.each([
    [{ mode: 'slow', delayMs: 2_000 }, 'timeout'],
    [{ mode: 'garbage' }, 'invalid-response'],
    [{ mode: 'error' }, 'unavailable'],
    [{ mode: 'down' }, 'unavailable'],
  ])('a failing agency (%o) is a 200 with no items and a "%s" source', async (fault, expected) => {
    await setFault(fault);
    const response = await fetch(`${base}/api/notifications`);
    expect(response.status).toBe(200);
    const text = await response.text();
    const body = notificationListSchema.parse(JSON.parse(text));
    expect(body.items).toEqual([]);
    expect(body.sources).toHaveLength(1);
    expect(body.sources[0]).toMatchObject({ source: 'dehu', status: expected });
    expect(body.sources[0]?.message).toBeTruthy();
    expect(text).not.toMatch(/Error:|\.ts:\d+|node:internal|127\.0\.0\.1/);
  });
});

describe('GET /api/notifications/:id', () => {
  it('answers an sdk NotificationDetail', async () => {
    const response = await fetch(`${base}/api/notifications/dehu:N-2026-000123`);
    expect(response.status).toBe(200);
    const body = notificationDetailSchema.parse(await response.json());
    expect(body.item).toMatchObject({ id: 'dehu:N-2026-000123', urgent: true, status: 'pending' });
    expect(body.source).toMatchObject({ source: 'dehu', status: 'ok' });
    // Percent-encoded ids work the same.
    expect((await fetch(`${base}/api/notifications/dehu%3AN-2026-000123`)).status).toBe(200);
  });

  it('404 not-found for an unknown notification or source', async () => {
    const missing = await expectTypedError(
      await fetch(`${base}/api/notifications/dehu:N-1999-000001`),
      404,
      'not-found',
    );
    expect(missing.error.source).toBe('dehu');
    await expectTypedError(await fetch(`${base}/api/notifications/nosuchsource:N-1`), 404, 'not-found');
  });

  it('400 bad-request for malformed ids', async () => {
    for (const id of ['no-colon', 'DEHU:N-1', 'dehu:', 'dehu:..', 'dehu:N 1', `dehu:${'x'.repeat(150)}`]) {
      await expectTypedError(
        await fetch(`${base}/api/notifications/${encodeURIComponent(id)}`),
        400,
        'bad-request',
      );
    }
  });

  it('504 agency-timeout, 502 agency-unavailable and agency-invalid-response', async () => {
    await setFault({ mode: 'slow', delayMs: 2_000 });
    const timeout = await expectTypedError(
      await fetch(`${base}/api/notifications/dehu:N-2026-000123`),
      504,
      'agency-timeout',
    );
    expect(timeout.error.source).toBe('dehu');

    await setFault({ mode: 'down' });
    await expectTypedError(
      await fetch(`${base}/api/notifications/dehu:N-2026-000123`),
      502,
      'agency-unavailable',
    );
    await setFault({ mode: 'error' });
    await expectTypedError(
      await fetch(`${base}/api/notifications/dehu:N-2026-000123`),
      502,
      'agency-unavailable',
    );
    await setFault({ mode: 'garbage', garbage: 'wrong-shape' });
    await expectTypedError(
      await fetch(`${base}/api/notifications/dehu:N-2026-000123`),
      502,
      'agency-invalid-response',
    );
  });
});

describe('POST /api/telemetry', () => {
  const post = (body: string, contentType = 'application/json') =>
    fetch(`${base}/api/telemetry`, { method: 'POST', headers: { 'content-type': contentType }, body });

  it('accepts a shell error report (204) and logs it at warn level', async () => {
    const report = {
      type: 'error',
      message: 'Error: remote carpeta_notifications failed to load',
      context: { mfe: 'notifications', phase: 'load' },
      source: 'shell',
      path: '/notifications',
      at: '2026-06-10T10:00:00.000Z',
    };
    const response = await post(JSON.stringify(report));
    expect(response.status).toBe(204);
    const line = logs.find((entry) => entry.msg === 'client reported an error');
    expect(line?.level).toBe(40);
    expect(line?.telemetry).toEqual(report);
  });

  it('accepts an event report', async () => {
    const response = await post(
      JSON.stringify({ type: 'event', name: 'mfe-mounted', data: { ms: 120, ok: true } }),
    );
    expect(response.status).toBe(204);
  });

  it('rejects invalid, malformed and oversized reports with typed errors', async () => {
    await expectTypedError(await post(JSON.stringify({ type: 'error' })), 400, 'bad-request');
    await expectTypedError(await post(JSON.stringify({ type: 'other', message: 'x' })), 400, 'bad-request');
    await expectTypedError(
      await post(JSON.stringify({ type: 'error', message: 'x', context: { nested: { no: 1 } } })),
      400,
      'bad-request',
    );
    await expectTypedError(await post('{"type":"error",'), 400, 'bad-request');
    await expectTypedError(await post('just text', 'text/plain'), 400, 'bad-request');
    const huge = JSON.stringify({ type: 'error', message: 'x', context: { blob: 'y'.repeat(9_000) } });
    await expectTypedError(await post(huge), 413, 'bad-request');
  });
});

describe('GET /mfes.json and the Content-Security-Policy', () => {
  afterEach(async () => {
    await touch(manifestPath, await readFile(CONFIG, 'utf8'));
  });

  it('serves the session’s manifest with environment references filled in, private and uncached', async () => {
    const response = await fetch(`${base}/mfes.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-cache');
    expect(response.headers.get('vary')).toMatch(/cookie/i);
    const body = (await response.json()) as {
      version: number;
      mfes: Array<{ id: string; remote: { entry: string } }>;
      audience: unknown;
    };
    expect(body.version).toBe(1);
    // No census source in these tests: María's residence is unknown, so the State-wide entries
    // only (not the Comunidad de Madrid's health MFE nor Madrid's council), and the answer says why.
    expect(body.mfes.map((entry) => entry.id)).not.toContain('health-madrid');
    expect(body.mfes.map((entry) => entry.id)).not.toContain('municipal');
    expect(body.audience).toEqual({
      key: '***4567**|substantial|self',
      residence: 'unavailable',
      source: expect.objectContaining({ status: 'unavailable' }),
    });
    expect(body.mfes.map((entry) => entry.remote.entry)).toEqual([
      'http://127.0.0.1:5999/remoteEntry.js',
      'http://127.0.0.1:4202/remoteEntry.js',
      'http://127.0.0.1:4203/remoteEntry.js',
      'http://127.0.0.1:4204/remoteEntry.js',
      'http://127.0.0.1:4205/remoteEntry.js',
      'http://127.0.0.1:4206/remoteEntry.js',
      'http://127.0.0.1:4211/remoteEntry.js',
      'http://127.0.0.1:4205/remoteEntry.js',
      'http://127.0.0.1:4209/remoteEntry.js',
      'http://127.0.0.1:4210/remoteEntry.js',
      'http://127.0.0.1:4210/remoteEntry.js',
    ]);
  });

  it('puts the MFE origins of the session’s manifest in the page’s CSP', async () => {
    const csp = cspOf(await fetch(`${base}/`, { headers: { accept: 'text/html' } }));
    expect(csp['default-src']).toEqual(["'self'"]);
    for (const name of ['script-src', 'style-src', 'img-src', 'font-src', 'connect-src']) {
      expect(csp[name], name).toEqual(
        expect.arrayContaining(["'self'", 'http://127.0.0.1:5999', 'http://127.0.0.1:4202']),
      );
    }
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
  });

  it('follows edits of the manifest file without a restart (entries and CSP)', async () => {
    const document = JSON.parse(await readFile(CONFIG, 'utf8')) as { mfes: Array<Record<string, unknown>> };
    document.mfes.push({
      id: 'benefits',
      title: { es: 'Prestaciones', en: 'Benefits' },
      owner: { id: 'age', name: 'Administración General del Estado' },
      kind: 'domain',
      route: '/benefits',
      nav: { order: 40 },
      framework: 'react',
      remote: {
        name: 'carpeta_benefits',
        entry: '${MFE_BENEFITS_URL:-http://127.0.0.1:4333}/remoteEntry.js',
        expose: './lifecycles',
      },
      version: '0.1.0',
    });
    const brokenIndex =
      document.mfes.push({ id: 'broken', remote: { entry: 'http://127.0.0.1:4666/remoteEntry.js' } }) - 1;
    await touch(manifestPath, JSON.stringify(document));

    const response = await fetch(`${base}/mfes.json`);
    const body = (await response.json()) as {
      mfes: Array<{ id: string }>;
      rejected: Array<{ index: number; id?: string; reason: string }>;
    };
    // Only valid entries are served, with the reasons for the others; only they reach the CSP.
    const configured = document.mfes
      .slice(0, brokenIndex - 1)
      .filter((entry) => entry.audience === undefined && entry.roles === undefined)
      .map((entry) => String(entry.id));
    // No census source in these tests: the entries for some places only are left out, and María is
    // no maintainer: the entries for a role are left out too.
    expect(body.mfes.map((entry) => entry.id).sort()).toEqual([...configured, 'benefits'].sort());
    expect(body.rejected).toEqual([{ index: brokenIndex, id: 'broken', reason: expect.any(String) }]);
    // The page's CSP is made from its session's manifest.
    const csp = cspOf(await fetch(`${base}/`, { headers: { accept: 'text/html' } }));
    expect(csp['script-src']).toContain('http://127.0.0.1:4333');
    expect(csp['script-src']).not.toContain('http://127.0.0.1:4666');
    expect(logs.some((line) => line.msg === 'manifest entry rejected' && line.id === 'broken')).toBe(true);
  });

  it('503 typed error when no valid manifest was ever read, and a CSP without MFE origins', async () => {
    const fresh = buildGateway(
      {
        ...loadConfig({}),
        shellDist,
        manifestPath: path.join(dir, 'never-valid.json'),
        env: {},
        portalOrigin: 'http://localhost',
      },
      { database },
    );
    try {
      await writeFile(path.join(dir, 'never-valid.json'), '{ this is not json');
      const response = await fresh.inject({ method: 'GET', url: '/mfes.json' });
      expect(response.statusCode).toBe(503);
      expect(apiErrorSchema.parse(response.json()).error.code).toBe('internal');
      expect(String(response.headers['content-security-policy'])).toContain("script-src 'self';");
    } finally {
      await fresh.close();
    }
  });
});

describe('the shell', () => {
  it('serves index.html private and uncached, with the visitor’s manifest in it; deep links fall back to it', async () => {
    const home = await fetch(`${base}/`, { headers: { accept: 'text/html' } });
    expect(home.status).toBe(200);
    expect(home.headers.get('cache-control')).toBe('private, no-cache');
    expect(home.headers.get('vary')).toContain('cookie');
    const html = await home.text();
    expect(html.startsWith(INDEX_HTML.slice(0, INDEX_HTML.indexOf('</head>')))).toBe(true);
    const served = await (await fetch(`${base}/mfes.json`)).json();
    expect(inlineManifest(html)).toEqual(served);

    const deep = await fetch(`${base}/notifications/dehu:N-1`, { headers: { accept: 'text/html' } });
    expect(deep.status).toBe(200);
    expect(inlineManifest(await deep.text())).toEqual(served);
    expect(deep.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('carries the shell’s layout, made for the session in the visitor’s language, and the session', async () => {
    const served = (await (await fetch(`${base}/mfes.json`)).json()) as { mfes: unknown[] };
    const reads = vi.spyOn(database.sessions, 'get');
    const page = await fetch(`${base}/files?x=1`, {
      headers: { accept: 'text/html', 'accept-language': 'eu-ES,eu;q=0.9,es;q=0.8' },
    });
    const html = await page.text();
    // The manifest and the session the page carries come from one read of the session.
    expect(reads).toHaveBeenCalledTimes(1);
    reads.mockRestore();
    expect(html).toContain('<html lang="eu">');
    expect(html).toContain(
      `<div id="root" data-language="eu" data-theme="system"><p id="rendered">eu|system|/files|?x=1|María García López|${served.mfes.length}</p></div>`,
    );
    const session = /<script type="application\/json" id="carpeta-session">(.*?)<\/script>/s.exec(html);
    expect(JSON.parse(session?.[1] ?? '')).toMatchObject({
      session: { authenticated: true, citizen: { displayName: 'María García López' } },
      csrfToken: CSRF_TOKEN,
    });
    // `?lang=` wins over the browser's preferences, as in the shell.
    const galician = await (
      await fetch(`${base}/?lang=gl`, { headers: { accept: 'text/html', 'accept-language': 'en' } })
    ).text();
    expect(galician).toContain('data-language="gl"');
    // Without a session: the layout of nobody, and no token.
    const anonymous = await (await realFetch(`${base}/`, { headers: { accept: 'text/html' } })).text();
    expect(anonymous).toContain('|nobody|');
    expect(anonymous).toContain('"csrfToken":null');
  });

  it('hints the shell’s messages in the page’s language, from the page as last built', async () => {
    const index = path.join(shellDist, 'index.html');
    const built = (chunk: string) =>
      INDEX_HTML.replace('</body>', `<!--carpeta:language-chunks {"en":"/assets/${chunk}.js"}--></body>`);
    const hints = async () => {
      const html = await (await fetch(`${base}/?lang=en`, { headers: { accept: 'text/html' } })).text();
      expect(html).not.toContain('carpeta:language-chunks');
      return [...html.matchAll(/<link rel="modulepreload" crossorigin href="(\/assets\/[^"]+)">/g)].map(
        (match) => match[1],
      );
    };
    try {
      await touch(index, built('en-AAAAAAAA'));
      expect(await hints()).toEqual(['/assets/en-AAAAAAAA.js']);
      expect(await hints()).toEqual(['/assets/en-AAAAAAAA.js']);
      // A rebuilt shell needs no restart: its new list is read.
      await touch(index, built('en-BBBBBBBB'));
      expect(await hints()).toEqual(['/assets/en-BBBBBBBB.js']);
    } finally {
      await touch(index, INDEX_HTML);
    }
  });

  it('caches hashed assets forever; a missing file is a typed 404', async () => {
    const asset = await fetch(`${base}/assets/index-BQ3x9_aZ.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
    await expectTypedError(await fetch(`${base}/assets/missing-ABCDEFGH.js`), 404, 'not-found');
  });

  it('answers a plain 503 page when the shell is not built (the API still works)', async () => {
    const unbuilt = buildGateway(
      {
        // app.inject sends Host: localhost:80.
        ...loadConfig({ PORTAL_ORIGIN: 'http://localhost' }),
        shellDist: path.join(dir, 'no-such-dist'),
        manifestPath,
        env: {},
        agenciesPath: await writeAgenciesFile(dir, [dehuEntry(agency.url, 300)]),
      },
      { database },
    );
    try {
      const page = await unbuilt.inject({
        method: 'GET',
        url: '/notifications',
        headers: { accept: 'text/html' },
      });
      expect(page.statusCode).toBe(503);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.body).toContain('not built');
      expect((await unbuilt.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await unbuilt.close();
    }
  });
});
