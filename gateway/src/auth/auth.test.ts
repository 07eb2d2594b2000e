import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CARMEN_NIF, dehuHandlers, JAVIER_NIF, MARIA_NIF, REA_IDS, reaHandlers } from '@carpeta/mocks';
import { type IdentityProvider, startIdentityProvider } from '@carpeta/mocks/idp';
import { expectArrival, expectPage, type Page, TestBrowser } from '@carpeta/mocks/idp/test-support';
import { type AgencyServer, startAgencyServer } from '@carpeta/mocks/server';
import { apiErrorSchema, notificationListSchema, powerListSchema, sessionResponseSchema } from '@carpeta/sdk';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildGateway } from '../app.ts';
import { type GatewayConfig, loadConfig } from '../config.ts';
import { openDatabase, type PortalDatabase } from '../db/index.ts';
import { createTestDatabase, type TestDatabase } from '../db/testing.ts';
import { dehuEntry, writeAgenciesFile } from '../agencies/testing.ts';

// Sign-in end to end over real HTTP: the gateway as OIDC client of the simulated Cl@ve, sessions in
// a real database, the register of powers of attorney and DEHú as real servers.

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

let dir: string;
let manifestPath: string;
let idp: IdentityProvider;
let dehu: AgencyServer;
let rea: AgencyServer;
let testDatabase: TestDatabase;
let database: PortalDatabase;
let app: FastifyInstance;
let portal: string;
let port: number;
let config: GatewayConfig;
/** The gateway's clock: real time plus an offset the expiry tests move forward. */
let offsetMs = 0;
const now = () => new Date(Date.now() + offsetMs);

async function startGateway() {
  database = await openDatabase(testDatabase.options);
  app = buildGateway(config, { database });
  await app.listen({ port, host: '127.0.0.1' });
}

async function stopGateway() {
  await app.close();
  await database.close();
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'carpeta-auth-'));
  manifestPath = path.join(dir, 'mfes.json');
  await writeFile(manifestPath, JSON.stringify({ version: 1, mfes: [] }));
  port = await freePort();
  portal = `http://127.0.0.1:${port}`;
  dehu = await startAgencyServer({ port: 0, handlers: dehuHandlers() });
  rea = await startAgencyServer({ port: 0, handlers: reaHandlers() });
  idp = await startIdentityProvider({ portalOrigin: portal, log: () => undefined });
  testDatabase = await createTestDatabase('pglite');
  const base = loadConfig({ PORT_GATEWAY: String(port), IDP_URL: idp.url });
  config = {
    ...base,
    shellDist: path.join(dir, 'no-shell'),
    manifestPath,
    env: {},
    agenciesPath: await writeAgenciesFile(dir, [dehuEntry(dehu.url, 2000)]),
    agencyReaUrl: rea.url,
    agencyTimeoutMs: 2000,
    throttle: { maxFailures: 4, windowMs: 60_000 },
    // The step-up test's MFE lives here (the manifest only accepts allowed origins).
    mfeOrigins: ['http://127.0.0.1:1'],
    now,
  };
  await startGateway();
}, 60_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
  await testDatabase?.destroy();
  await idp?.close();
  await dehu?.close();
  await rea?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  offsetMs = 0;
  await fetch(`${rea.url}/__control/reset`, { method: 'POST' });
  await database.db.deleteFrom('login_throttle').execute();
});

/** A browser's view of the portal: its cookie and what the gateway answered. */
interface Visitor {
  cookie: string | null;
  csrf: string | null;
}

async function portalFetch(visitor: Visitor | null, pathname: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (visitor?.cookie) headers.set('cookie', visitor.cookie);
  return fetch(`${portal}${pathname}`, { ...init, headers, redirect: 'manual' });
}

function cookieOf(response: Response): string | null {
  const line = response.headers.getSetCookie().find((value) => value.startsWith('carpeta_session='));
  if (!line) return null;
  const pair = line.split(';')[0] ?? '';
  return pair === 'carpeta_session=' ? null : pair;
}

/** Starts a sign-in at the portal and returns the provider page it leads to. */
async function startSignIn(query: Record<string, string> = {}, visitor: Visitor | null = null) {
  const login = await portalFetch(visitor, `/auth/login?${new URLSearchParams(query)}`);
  expect(login.status).toBe(303);
  const location = login.headers.get('location') ?? '';
  expect(location.startsWith(idp.url)).toBe(true);
  const browser = new TestBrowser(idp.url);
  return { browser, page: expectPage(await browser.open(location)), location };
}

function smsCode(page: Page): string {
  return page.document.querySelector('[data-sms-code]')?.textContent?.trim() ?? '';
}

/** Walks the provider's pages as a citizen would and returns the callback URL it sends back to. */
async function throughProvider(browser: TestBrowser, page: Page, method: string, nif: string): Promise<URL> {
  const citizenPage = expectPage(await browser.submit(page, { set: { method } }));
  const fields: Record<string, string> = { citizen: nif };
  if (method === 'clave-pin') fields.pin = smsCode(citizenPage);
  const next = await browser.submit(citizenPage, { set: fields });
  if (!('html' in next)) return next.url;
  return expectArrival(await browser.submit(next, { submitter: 'continue' }));
}

async function signIn(
  nif = MARIA_NIF,
  method = 'clave-pin',
  options: { returnTo?: string; visitor?: Visitor | null; loa?: string } = {},
): Promise<Visitor & { location: string; previousCookie: string | null }> {
  const query: Record<string, string> = { returnTo: options.returnTo ?? '/notifications' };
  if (options.loa) query.loa = options.loa;
  const { browser, page } = await startSignIn(query, options.visitor ?? null);
  const callback = await throughProvider(browser, page, method, nif);
  expect(callback.origin).toBe(portal);
  const answer = await portalFetch(options.visitor ?? null, `${callback.pathname}${callback.search}`);
  expect(answer.status).toBe(303);
  const cookie = cookieOf(answer);
  const session = sessionResponseSchema.parse(
    await (await portalFetch({ cookie, csrf: null }, '/api/session')).json(),
  );
  return {
    cookie,
    csrf: session.csrfToken,
    location: answer.headers.get('location') ?? '',
    previousCookie: options.visitor?.cookie ?? null,
  };
}

async function sessionOf(visitor: Visitor) {
  return sessionResponseSchema.parse(await (await portalFetch(visitor, '/api/session')).json());
}

async function errorCode(response: Response): Promise<string> {
  return apiErrorSchema.parse(await response.json()).error.code;
}

describe('sign-in through the identity provider', () => {
  it.each([
    ['clave-movil', 'substantial'],
    ['clave-pin', 'substantial'],
    ['clave-permanente', 'substantial'],
    ['certificate', 'high'],
    ['dnie', 'high'],
  ])('by %s gives a session at level %s, back where the citizen was', async (method, loa) => {
    const visitor = await signIn(MARIA_NIF, method);
    expect(visitor.location).toBe('/notifications');
    expect(visitor.cookie).toMatch(/^carpeta_session=[A-Za-z0-9_-]{43}$/);
    const { session } = await sessionOf(visitor);
    expect(session.citizen).toMatchObject({
      displayName: 'María García López',
      maskedId: '***4567**',
      loa,
      method,
      actingFor: null,
    });
    const list = await portalFetch(visitor, '/api/notifications');
    expect(list.status).toBe(200);
    expect(list.headers.get('cache-control')).toBe('no-store');
    expect(notificationListSchema.parse(await list.json()).items.length).toBeGreaterThan(0);
  });

  it('sets an HttpOnly, SameSite=Lax cookie and keeps tokens and the full NIF out of the browser', async () => {
    const { browser, page } = await startSignIn({ returnTo: '/' });
    const callback = await throughProvider(browser, page, 'clave-movil', MARIA_NIF);
    const answer = await portalFetch(null, `${callback.pathname}${callback.search}`);
    const line = answer.headers.getSetCookie().find((value) => value.startsWith('carpeta_session=')) ?? '';
    expect(line).toMatch(/HttpOnly/i);
    expect(line).toMatch(/SameSite=Lax/i);
    expect(line).toMatch(/Path=\//);
    const cookie = cookieOf(answer);
    const text = await (await portalFetch({ cookie, csrf: null }, '/api/session')).text();
    expect(text).not.toContain(MARIA_NIF);
    expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]+\./); // no JWT
  });

  it('gives a new session id at every sign-in and ends the previous one (no fixation)', async () => {
    const first = await signIn(MARIA_NIF, 'clave-movil');
    const second = await signIn(MARIA_NIF, 'clave-movil', { visitor: first });
    expect(second.cookie).not.toBe(first.cookie);
    expect((await portalFetch(first, '/api/notifications')).status).toBe(401);
    expect((await portalFetch(second, '/api/notifications')).status).toBe(200);
  });

  it('writes an audit row per sign-in and shows the previous access', async () => {
    const first = await signIn(JAVIER_NIF, 'clave-permanente');
    expect((await sessionOf(first)).session.citizen?.previousAccess).toBeDefined();
    const second = await signIn(JAVIER_NIF, 'certificate');
    const previous = (await sessionOf(second)).session.citizen?.previousAccess;
    expect(previous).toMatchObject({ method: 'clave-permanente', loa: 'substantial' });
    const rows = await database.audit.list({ citizenNif: JAVIER_NIF, kind: 'sign-in' });
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows[0]).toMatchObject({ citizenNif: JAVIER_NIF, ip: '127.0.0.1' });
    expect(rows.map((row) => row.method)).toEqual(
      expect.arrayContaining(['certificate', 'clave-permanente']),
    );
  });

  it('gives the maintainer account the maintainer role, and a citizen none', async () => {
    const maintainer = await signIn('34567890V', 'clave-pin');
    expect((await portalFetch(maintainer, '/api/admin/feedback')).status).toBe(200);
    const citizen = await signIn(MARIA_NIF, 'clave-pin');
    const refused = await portalFetch(citizen, '/api/admin/feedback');
    expect(refused.status).toBe(403);
    expect(await errorCode(refused)).toBe('forbidden');
    const rows = await database.audit.list({ citizenNif: '34567890V', kind: 'sign-in' });
    expect(rows[0]?.detail).toMatchObject({ role: 'maintainer' });
  });

  it('refuses a return address outside the portal', async () => {
    for (const returnTo of [
      '//evil.example',
      'https://evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
    ]) {
      const response = await portalFetch(null, `/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
      expect(response.status, returnTo).toBe(400);
      expect(response.headers.get('location')).toBeNull();
      expect(await response.text()).not.toContain('evil.example');
    }
  });

  it('refuses a replayed or unknown state with a page that says nothing more, and records it', async () => {
    const { browser, page } = await startSignIn({ returnTo: '/' });
    const callback = await throughProvider(browser, page, 'clave-movil', MARIA_NIF);
    const path = `${callback.pathname}${callback.search}`;
    expect((await portalFetch(null, path)).status).toBe(303);
    const replay = await portalFetch(null, path);
    expect(replay.status).toBe(400);
    const body = await replay.text();
    expect(body).toContain('<h1>');
    expect(body).not.toMatch(/state|Error|stack|\.ts:/);
    expect(cookieOf(replay)).toBeNull();
    const unknown = await portalFetch(null, '/auth/callback?code=x&state=made-up');
    expect(unknown.status).toBe(400);
    const failures = await database.audit.list({ kind: 'sign-in-failed' });
    expect(failures.some((row) => row.detail.reason === 'unknown-state')).toBe(true);
  });

  it('a cancelled sign-in is a recorded failure that returns to the portal with a message', async () => {
    const { browser, page } = await startSignIn({ returnTo: '/notifications' });
    const callback = expectArrival(await browser.submit(page, { submitter: 'cancel' }));
    const answer = await portalFetch(null, `${callback.pathname}${callback.search}`);
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/?signin=cancelled');
    const failures = await database.audit.list({ kind: 'sign-in-failed' });
    expect(failures.some((row) => row.detail.reason === 'cancelled')).toBe(true);
  });

  it('throttles sign-in from an address after repeated failures', async () => {
    for (let attempt = 0; attempt < 4; attempt += 1) {
      expect((await portalFetch(null, `/auth/callback?state=bad-${attempt}`)).status).toBe(400);
    }
    const blocked = await portalFetch(null, '/auth/login?returnTo=/');
    expect(blocked.status).toBe(303);
    expect(blocked.headers.get('location')).toBe('/?signin=throttled');
    // The window passes: sign-in works again.
    offsetMs = 61_000;
    const again = await portalFetch(null, '/auth/login?returnTo=/');
    expect(again.headers.get('location')?.startsWith(idp.url)).toBe(true);
  });

  it('step-up: asks the provider for the high level and refuses a session below it', async () => {
    const { location } = await startSignIn({ returnTo: '/', loa: 'high' });
    const url = new URL(location);
    expect(url.searchParams.get('acr_values')).toBe('http://eidas.europa.eu/LoA/high');
    expect(url.searchParams.get('prompt')).toBe('login');
    const strong = await signIn(MARIA_NIF, 'dnie', { returnTo: '/', loa: 'high' });
    expect((await sessionOf(strong)).session.citizen?.loa).toBe('high');
  });
});

describe('nothing private without a session', () => {
  const privateCalls: Array<[string, string]> = [
    ['GET', '/api/notifications'],
    ['GET', '/api/notifications/dehu:N-2026-000123'],
    ['GET', '/api/representation'],
    ['POST', '/api/session/extend'],
    ['PUT', '/api/session/acting-for'],
    ['DELETE', '/api/session/acting-for'],
    ['GET', '/api/anything-else'],
  ];

  it.each(privateCalls)('anonymous %s %s → 401 unauthenticated, no-store', async (method, pathname) => {
    const response = await portalFetch(null, pathname, { method });
    expect(response.status).toBe(401);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await errorCode(response)).toBe('unauthenticated');
  });

  it('a tampered or made-up cookie → 401', async () => {
    const visitor = await signIn();
    const tampered = `${visitor.cookie?.slice(0, -2)}xx`;
    expect((await portalFetch({ cookie: tampered, csrf: null }, '/api/notifications')).status).toBe(401);
    const madeUp = { cookie: `carpeta_session=${'A'.repeat(43)}`, csrf: null };
    expect((await portalFetch(madeUp, '/api/notifications')).status).toBe(401);
  });

  it('an idle session expires; activity extends it; the absolute limit ends it anyway', async () => {
    const visitor = await signIn();
    offsetMs = config.sessions.idleMs - 60_000;
    expect((await portalFetch(visitor, '/api/notifications')).status).toBe(200);
    offsetMs += config.sessions.idleMs - 60_000; // active just before each idle limit
    expect((await portalFetch(visitor, '/api/notifications')).status).toBe(200);
    offsetMs += config.sessions.idleMs + 1000; // then idle for longer than allowed
    expect((await portalFetch(visitor, '/api/notifications')).status).toBe(401);
    const other = await signIn();
    offsetMs += config.sessions.absoluteMs + 1000;
    expect((await portalFetch(other, '/api/notifications')).status).toBe(401);
  });

  it('a gateway restart keeps the session', async () => {
    const visitor = await signIn();
    await stopGateway();
    await startGateway();
    expect((await portalFetch(visitor, '/api/notifications')).status).toBe(200);
    expect((await sessionOf(visitor)).session.citizen?.displayName).toBe('María García López');
  });
});

describe('CSRF', () => {
  it('refuses writes with a missing, forged or cross-origin token', async () => {
    const visitor = await signIn();
    const body = JSON.stringify({ powerId: REA_IDS.mariaFromCarmen });
    const json = { 'content-type': 'application/json' };
    const missing = await portalFetch(visitor, '/api/session/acting-for', {
      method: 'PUT',
      headers: json,
      body,
    });
    expect(missing.status).toBe(403);
    expect(await errorCode(missing)).toBe('csrf');
    const forged = await portalFetch(visitor, '/api/session/acting-for', {
      method: 'PUT',
      headers: { ...json, 'x-csrf-token': 'x'.repeat(43) },
      body,
    });
    expect(forged.status).toBe(403);
    const crossOrigin = await portalFetch(visitor, '/api/session/acting-for', {
      method: 'PUT',
      headers: { ...json, 'x-csrf-token': visitor.csrf ?? '', origin: 'https://evil.example' },
      body,
    });
    expect(crossOrigin.status).toBe(403);
    const logout = await portalFetch(visitor, '/auth/logout', { method: 'POST' });
    expect(logout.status).toBe(403);
    // Nothing happened: still herself, still signed in.
    expect((await sessionOf(visitor)).session.citizen?.actingFor).toBeNull();
  });
});

describe('acting on behalf of someone', () => {
  const put = (visitor: Visitor, powerId: string) =>
    portalFetch(visitor, '/api/session/acting-for', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-csrf-token': visitor.csrf ?? '' },
      body: JSON.stringify({ powerId }),
    });

  it('lists the powers the citizen holds, in the portal format', async () => {
    const visitor = await signIn();
    const powers = powerListSchema.parse(await (await portalFetch(visitor, '/api/representation')).json());
    expect(powers.source.status).toBe('ok');
    const byId = new Map(powers.items.map((power) => [power.id, power]));
    expect(byId.get(REA_IDS.mariaFromCarmen)).toMatchObject({
      kind: 'general',
      usable: true,
      status: 'accepted',
    });
    expect(byId.get(REA_IDS.mariaFromAntonioExpired)).toMatchObject({ usable: false, status: 'expired' });
    expect(byId.get(REA_IDS.mariaFromLuciaRevoked)).toMatchObject({ usable: false, status: 'revoked' });
    expect(JSON.stringify(powers)).not.toContain(CARMEN_NIF);
  });

  it('switches to the grantor’s folder and back; every switch is audited', async () => {
    const visitor = await signIn();
    const own = notificationListSchema.parse(await (await portalFetch(visitor, '/api/notifications')).json());
    const switched = await put(visitor, REA_IDS.mariaFromCarmen);
    expect(switched.status).toBe(200);
    expect(sessionResponseSchema.parse(await switched.json()).session.citizen?.actingFor).toMatchObject({
      displayName: 'Carmen López Sánchez',
      kind: 'person',
      powerKind: 'general',
    });
    const carmen = notificationListSchema.parse(
      await (await portalFetch(visitor, '/api/notifications')).json(),
    );
    expect(carmen.items.map((item) => item.id)).toContain('dehu:N-2026-000451');
    expect(carmen.items.map((item) => item.id)).not.toEqual(own.items.map((item) => item.id));
    const back = await portalFetch(visitor, '/api/session/acting-for', {
      method: 'DELETE',
      headers: { 'x-csrf-token': visitor.csrf ?? '' },
    });
    expect(back.status).toBe(200);
    const again = notificationListSchema.parse(
      await (await portalFetch(visitor, '/api/notifications')).json(),
    );
    expect(again.items.map((item) => item.id)).toEqual(own.items.map((item) => item.id));
    const kinds = (await database.audit.list({ citizenNif: MARIA_NIF })).map((row) => row.kind);
    expect(kinds).toEqual(expect.arrayContaining(['acting-for', 'acting-for-ended']));
  });

  it('refuses an expired or revoked power (409) and someone else’s power like a missing one (404)', async () => {
    const visitor = await signIn();
    expect((await put(visitor, REA_IDS.mariaFromAntonioExpired)).status).toBe(409);
    expect((await put(visitor, REA_IDS.mariaFromLuciaRevoked)).status).toBe(409);
    const foreign = await put(visitor, REA_IDS.javierForBakery);
    expect(foreign.status).toBe(404);
    expect(await errorCode(foreign)).toBe('not-found');
    const missing = await put(visitor, 'AP-1999-000001');
    expect(missing.status).toBe(404);
  });

  it('another citizen’s notification is a 404, as if it did not exist (IDOR)', async () => {
    const visitor = await signIn();
    const carmens = await portalFetch(visitor, '/api/notifications/dehu:N-2026-000451');
    expect(carmens.status).toBe(404);
    expect(await errorCode(carmens)).toBe('not-found');
    // The same request is fine while acting for Carmen.
    expect((await put(visitor, REA_IDS.mariaFromCarmen)).status).toBe(200);
    expect((await portalFetch(visitor, '/api/notifications/dehu:N-2026-000451')).status).toBe(200);
  });

  it('a power revoked at the register ends the representation at the next request', async () => {
    const visitor = await signIn();
    expect((await put(visitor, REA_IDS.mariaFromCarmen)).status).toBe(200);
    await fetch(`${rea.url}/__control/rea/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ idApoderamiento: REA_IDS.mariaFromCarmen }),
    });
    offsetMs = 11_000; // past the gateway's trust window for a checked power
    const refused = await portalFetch(visitor, '/api/notifications');
    expect(refused.status).toBe(403);
    expect(await errorCode(refused)).toBe('representation-ended');
    expect((await sessionOf(visitor)).session.citizen?.actingFor).toBeNull();
    expect((await portalFetch(visitor, '/api/notifications')).status).toBe(200);
    const ended = await database.audit.list({ citizenNif: MARIA_NIF, kind: 'acting-for-ended' });
    expect(ended.some((row) => row.detail.reason === 'revoked')).toBe(true);
  });
});

describe('levels of assurance on the API', () => {
  it('answers 403 step-up-required for the paths of an MFE above the session’s level', async () => {
    await writeFile(
      manifestPath,
      JSON.stringify({
        version: 1,
        mfes: [
          {
            id: 'secure',
            title: { es: 'Seguro' },
            owner: { id: 'x', name: 'X' },
            kind: 'domain',
            route: '/secure',
            framework: 'react',
            remote: { name: 'secure', entry: 'http://127.0.0.1:1/remoteEntry.js', expose: './lifecycles' },
            minLoa: 'high',
            api: ['/api/representation'],
            version: '1.0.0',
          },
        ],
      }),
    );
    try {
      const substantial = await signIn(MARIA_NIF, 'clave-movil');
      const refused = await portalFetch(substantial, '/api/representation');
      expect(refused.status).toBe(403);
      expect(await errorCode(refused)).toBe('step-up-required');
      expect((await portalFetch(substantial, '/api/notifications')).status).toBe(200);
      const high = await signIn(MARIA_NIF, 'certificate');
      expect((await portalFetch(high, '/api/representation')).status).toBe(200);
    } finally {
      await writeFile(manifestPath, JSON.stringify({ version: 1, mfes: [] }));
    }
  });
});

describe('sign-out', () => {
  it('ends the session here and at the provider, and records it', async () => {
    const visitor = await signIn();
    const answer = await portalFetch(visitor, '/auth/logout', {
      method: 'POST',
      headers: { 'x-csrf-token': visitor.csrf ?? '' },
    });
    expect(answer.status).toBe(200);
    const { redirectTo } = (await answer.json()) as { redirectTo: string };
    const end = new URL(redirectTo);
    expect(end.origin).toBe(idp.url);
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${portal}/`);
    expect(end.searchParams.get('id_token_hint')).toBeTruthy();
    expect(answer.headers.getSetCookie().some((line) => /^carpeta_session=;/.test(line))).toBe(true);
    expect((await portalFetch(visitor, '/api/notifications')).status).toBe(401);
    const rows = await database.audit.list({ citizenNif: MARIA_NIF, kind: 'sign-out' });
    expect(rows.length).toBeGreaterThan(0);
  });
});
