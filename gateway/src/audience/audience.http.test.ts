import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CARMEN_NIF,
  createFaultController,
  JAVIER_NIF,
  JOHN_NIF,
  LUCIA_NIF,
  MARIA_NIF,
  PANADERIA_CIF,
} from '@carpeta/mocks';
import { pidHandlers } from '@carpeta/mocks/agencies/pid';
import { type AgencyServer, startAgencyServer } from '@carpeta/mocks/server';
import { type LevelOfAssurance, manifestAudienceSchema, parseManifest } from '@carpeta/sdk';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeAgenciesFile } from '../agencies/testing.ts';
import { buildGateway } from '../app.ts';
import { newCsrfToken, newSessionSecret, sessionIdFor } from '../auth/sessions.ts';
import { loadConfig } from '../config.ts';
import type { ActingFor, PortalDatabase } from '../db/index.ts';
import { openDatabase } from '../db/index.ts';
import { createTestDatabase, type TestDatabase } from '../db/testing.ts';

// The per-citizen manifest through the gateway: the session's cookie, the census residence of the
// person whose folder is shown (the simulated data intermediation platform over real HTTP, with
// its fault injection), the session's level and public/private decide /mfes.json and the page's
// Content-Security-Policy.

const origin = (id: string) => `http://127.0.0.1:${ORIGIN_PORTS[id]}`;
const ORIGIN_PORTS: Record<string, number> = {
  state: 5101,
  'state-public': 5102,
  'state-high': 5103,
  'madrid-region': 5104,
  'barcelona-city': 5105,
  'clm-region': 5106,
  'madrid-public': 5107,
};

function entry(id: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    title: { es: id, en: id },
    owner: { id: 'L01000000', name: id },
    kind: 'administration',
    route: `/${id}`,
    framework: 'react',
    remote: {
      name: `carpeta_${id.replaceAll('-', '_')}`,
      entry: `${origin(id)}/remoteEntry.js`,
      expose: './lifecycles',
    },
    version: '1.0.0',
    ...extra,
  };
}

const MANIFEST = {
  version: 1,
  mfes: [
    entry('state'),
    entry('state-public', { public: true }),
    entry('state-high', { minLoa: 'high' }),
    entry('madrid-region', { audience: { communities: ['13'] }, minLoa: 'substantial' }),
    entry('barcelona-city', { audience: { municipalities: ['08019'] } }),
    entry('clm-region', { audience: { communities: ['08'] } }),
    // Public but for Madrid's residents: anonymous visitors have no residence, so never theirs.
    entry('madrid-public', { public: true, audience: { communities: ['13'] } }),
    // Invalid, for Barcelona only: only Barcelona's residents hear of it.
    { ...entry('barcelona-broken'), route: 'nope', audience: { municipalities: ['08019'] } },
  ],
};

let dir: string;
let platform: AgencyServer;
let app: FastifyInstance;
let testDatabase: TestDatabase;
let database: PortalDatabase;
const faults = createFaultController();

async function sessionOf(nif: string, options: { loa?: LevelOfAssurance; actingFor?: ActingFor } = {}) {
  const secret = newSessionSecret();
  const id = sessionIdFor(secret);
  if (!id) throw new Error('bad secret');
  const now = new Date();
  await database.sessions.create({
    id,
    citizen: {
      nif,
      givenName: 'Test',
      surnames: 'Citizen',
      displayName: 'Test Citizen',
      documentType: 'NIF',
    },
    loa: options.loa ?? 'substantial',
    method: options.loa === 'high' ? 'certificate' : 'clave-pin',
    actingFor: options.actingFor ?? null,
    csrfToken: newCsrfToken(),
    idToken: null,
    previousAccess: null,
    createdAt: now,
    lastSeenAt: now,
    idleExpiresAt: new Date(now.getTime() + 3_600_000),
    absoluteExpiresAt: new Date(now.getTime() + 3_600_000),
  });
  return `carpeta_session=${secret}`;
}

const actingFor = (nif: string, kind: 'person' | 'company' = 'person'): ActingFor => ({
  nif,
  displayName: 'Someone',
  kind,
  powerId: 'P-1',
  powerKind: 'general',
  validUntil: null,
});

async function manifestOf(cookie?: string) {
  const response = await app.inject({ url: '/mfes.json', headers: cookie ? { cookie } : {} });
  expect(response.statusCode).toBe(200);
  const body = response.json() as { mfes: unknown[]; rejected: Array<{ id?: string }>; audience: unknown };
  const parsed = parseManifest(body);
  return {
    ids: parsed.entries.map((item) => item.id),
    rejected: body.rejected.map((item) => item.id),
    audience: manifestAudienceSchema.parse(body.audience),
    raw: response.body,
  };
}

async function scriptSrcOf(cookie?: string) {
  const response = await app.inject({
    url: '/',
    headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) },
  });
  expect(response.statusCode).toBe(200);
  const csp = String(response.headers['content-security-policy']);
  return /script-src ([^;]*)/.exec(csp)?.[1]?.split(' ') ?? [];
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'carpeta-audience-'));
  await mkdir(path.join(dir, 'dist'));
  await writeFile(
    path.join(dir, 'dist', 'index.html'),
    '<!doctype html><html lang="es"><title>x</title></html>',
  );
  await writeFile(path.join(dir, 'mfes.json'), JSON.stringify(MANIFEST));
  platform = await startAgencyServer({ port: 0, handlers: pidHandlers({ faults }) });
  testDatabase = await createTestDatabase('pglite');
  database = await openDatabase(testDatabase.options);
  app = buildGateway(
    {
      // No residence is kept between requests here: each test sees the platform as it is now.
      ...loadConfig({ PORTAL_ORIGIN: 'http://localhost', AGENCY_CACHE_SECONDS: '0' }),
      shellDist: path.join(dir, 'dist'),
      manifestPath: path.join(dir, 'mfes.json'),
      env: {},
      mfeOrigins: Object.keys(ORIGIN_PORTS).map(origin),
      agenciesPath: await writeAgenciesFile(dir, [
        {
          id: 'pid',
          name: 'Plataforma de Intermediación de Datos',
          dir3: 'E05068001',
          connector: 'pid',
          baseUrl: platform.url,
          timeoutMs: 1000,
          cacheSeconds: 0,
          retries: 0,
          domains: ['data', 'residence'],
          options: {},
          breaker: { failures: 1000, halfOpenAfterMs: 1 },
        },
      ]),
    },
    { database },
  );
  await app.ready();
}, 60_000);

afterEach(() => {
  faults.reset();
});

afterAll(async () => {
  await app?.close();
  await platform?.close();
  await database?.close();
  await testDatabase?.destroy();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('GET /mfes.json per citizen', () => {
  it('anonymous: only the public State-wide entries, and a CSP with only their origins', async () => {
    const manifest = await manifestOf();
    expect(manifest.ids).toEqual(['state-public']);
    expect(manifest.audience).toEqual({ key: 'anonymous', residence: 'anonymous' });
    expect(manifest.rejected).toEqual([]);
    expect(await scriptSrcOf()).toEqual(["'self'", origin('state-public')]);
  });

  it('a citizen of Madrid sees the Madrid region, not Barcelona’s entry', async () => {
    const cookie = await sessionOf(MARIA_NIF);
    const manifest = await manifestOf(cookie);
    expect(manifest.ids).toEqual(['state', 'state-public', 'state-high', 'madrid-region', 'madrid-public']);
    expect(manifest.audience).toEqual({ key: '***4567**|substantial|self', residence: 'found' });
    // The browser never learns whom the entries are for, nor of Barcelona's broken entry.
    expect(manifest.raw).not.toContain('audience":{"communities');
    expect(manifest.rejected).toEqual([]);
    // The page may load its own remotes; the certificate-level one is listed but not loadable.
    expect(await scriptSrcOf(cookie)).toEqual([
      "'self'",
      origin('state'),
      origin('state-public'),
      origin('madrid-region'),
      origin('madrid-public'),
    ]);
  });

  it('a citizen of Barcelona sees Barcelona’s entry and hears of its broken one, not Madrid’s', async () => {
    const cookie = await sessionOf(JOHN_NIF);
    const manifest = await manifestOf(cookie);
    expect(manifest.ids).toEqual(['state', 'state-public', 'state-high', 'barcelona-city']);
    expect(manifest.rejected).toEqual(['barcelona-broken']);
    expect(await scriptSrcOf(cookie)).not.toContain(origin('madrid-region'));
  });

  it('a citizen of València (no entry of theirs) gets the State-wide entries', async () => {
    const manifest = await manifestOf(await sessionOf(LUCIA_NIF));
    expect(manifest.ids).toEqual(['state', 'state-public', 'state-high']);
    expect(manifest.audience.residence).toBe('found');
  });

  it('acting for someone: the entries of the residence of the person acted for', async () => {
    // María (Madrid) acts for her mother Carmen, who lives in Toledo (Castilla-La Mancha).
    const cookie = await sessionOf(MARIA_NIF, { actingFor: actingFor(CARMEN_NIF) });
    const manifest = await manifestOf(cookie);
    expect(manifest.ids).toEqual(['state', 'state-public', 'state-high', 'clm-region']);
    expect(manifest.audience.key).toBe('***4567**|substantial|***5678**');
    expect(await scriptSrcOf(cookie)).toContain(origin('clm-region'));
    expect(await scriptSrcOf(cookie)).not.toContain(origin('madrid-region'));
  });

  it('acting for a company (no padrón): State-wide entries only, and no warning', async () => {
    const manifest = await manifestOf(
      await sessionOf(JAVIER_NIF, { actingFor: actingFor(PANADERIA_CIF, 'company') }),
    );
    expect(manifest.ids).toEqual(['state', 'state-public', 'state-high']);
    expect(manifest.audience.residence).toBe('not-registered');
    expect(manifest.audience.source).toBeUndefined();
  });

  it('at the high level the certificate-only entry becomes loadable', async () => {
    const cookie = await sessionOf(MARIA_NIF, { loa: 'high' });
    expect((await manifestOf(cookie)).ids).toContain('state-high');
    expect(await scriptSrcOf(cookie)).toContain(origin('state-high'));
  });

  for (const mode of ['down', 'garbage', 'slow'] as const) {
    it(`the census ${mode}: State-wide entries only, and the answer says which source failed`, async () => {
      faults.set({ mode, delayMs: 3000 });
      const cookie = await sessionOf(MARIA_NIF);
      const started = Date.now();
      const manifest = await manifestOf(cookie);
      // A slow census never holds the page past the lookup's own limit (1.5 s).
      expect(Date.now() - started).toBeLessThan(2500);
      expect(manifest.ids).toEqual(['state', 'state-public', 'state-high']);
      expect(manifest.audience).toEqual({
        key: '***4567**|substantial|self',
        residence: 'unavailable',
        source: expect.objectContaining({
          source: 'pid',
          status: mode === 'garbage' ? 'invalid-response' : mode === 'slow' ? 'timeout' : 'unavailable',
        }),
      });
      expect(await scriptSrcOf(cookie)).not.toContain(origin('madrid-region'));
      faults.reset();
      expect((await manifestOf(cookie)).ids).toContain('madrid-region');
    });
  }

  it('API answers and assets get the public origins without reading the session', async () => {
    const cookie = await sessionOf(MARIA_NIF);
    const health = await app.inject({ url: '/api/health', headers: { cookie } });
    expect(String(health.headers['content-security-policy'])).toContain(
      `script-src 'self' ${origin('state-public')};`,
    );
  });
});
