import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseManifest } from '@carpeta/sdk';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAgenciesFile } from '../agencies/testing.ts';
import { buildGateway } from '../app.ts';
import { newCsrfToken, newSessionSecret, sessionIdFor } from '../auth/sessions.ts';
import { loadConfig } from '../config.ts';
import type { PortalDatabase } from '../db/index.ts';
import { openDatabase } from '../db/index.ts';
import { createTestDatabase, type TestDatabase } from '../db/testing.ts';
import { inCanary } from './canary.ts';

// Canary and developer overrides through the gateway: each citizen's /mfes.json and page CSP.

const STABLE = 'http://127.0.0.1:5201';
const CANARY = 'http://127.0.0.1:5202';
const DEV_SERVER = 'http://127.0.0.1:5203';
const PORTAL = 'http://localhost';

function manifest(percent: number | null) {
  return {
    version: 1,
    mfes: [
      {
        id: 'files',
        title: { es: 'Expedientes' },
        owner: { id: 'E00000000', name: 'Agencia' },
        kind: 'domain',
        route: '/files',
        framework: 'react',
        remote: { name: 'carpeta_files', entry: `${STABLE}/remoteEntry.js`, expose: './lifecycles' },
        version: '1.0.0',
        timeouts: { mount: 5000 },
        ...(percent === null
          ? {}
          : {
              canary: {
                remote: { name: 'carpeta_files', entry: `${CANARY}/remoteEntry.js`, expose: './lifecycles' },
                percent,
                version: '1.1.0',
              },
            }),
      },
    ],
  };
}

let dir: string;
let app: FastifyInstance;
let testDatabase: TestDatabase;
let database: PortalDatabase;

async function sessionOf(nif: string) {
  const secret = newSessionSecret();
  const id = sessionIdFor(secret);
  if (!id) throw new Error('bad secret');
  const now = new Date();
  await database.sessions.create({
    id,
    citizen: { nif, givenName: 'T', surnames: 'C', displayName: 'T C', documentType: 'NIF' },
    loa: 'substantial',
    method: 'clave-pin',
    actingFor: null,
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

async function filesOf(cookie: string) {
  const response = await app.inject({ url: '/mfes.json', headers: { cookie } });
  expect(response.statusCode).toBe(200);
  expect(response.body).not.toContain('"canary":{');
  const [files] = parseManifest(response.json()).entries;
  if (!files) throw new Error('no files entry');
  return files;
}

async function page(cookie: string) {
  const response = await app.inject({ url: '/files', headers: { accept: 'text/html', cookie } });
  expect(response.statusCode).toBe(200);
  const csp = String(response.headers['content-security-policy']);
  return { scriptSrc: /script-src ([^;]*)/.exec(csp)?.[1]?.split(' ') ?? [], html: response.body };
}

const setManifest = (percent: number | null) =>
  writeFile(path.join(dir, 'mfes.json'), JSON.stringify(manifest(percent)));

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'carpeta-rollout-'));
  await mkdir(path.join(dir, 'dist'));
  await writeFile(
    path.join(dir, 'dist', 'index.html'),
    '<!doctype html><html lang="es"><title>x</title><body><div id="root"></div></body></html>',
  );
  await setManifest(50);
  testDatabase = await createTestDatabase('pglite');
  database = await openDatabase(testDatabase.options);
  app = buildGateway(
    {
      ...loadConfig({ PORTAL_ORIGIN: PORTAL, CARPETA_DEV_OVERRIDE_ORIGINS: DEV_SERVER }),
      shellDist: path.join(dir, 'dist'),
      shellRender: path.join(dir, 'none.js'),
      manifestPath: path.join(dir, 'mfes.json'),
      env: { CARPETA_DEV_OVERRIDE_ORIGINS: DEV_SERVER },
      mfeOrigins: [STABLE, CANARY],
      agenciesPath: await writeAgenciesFile(dir, []),
    },
    { database },
  );
  await app.ready();
}, 60_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
  await testDatabase?.destroy();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('canary through the gateway', () => {
  const nifs = Array.from({ length: 12 }, (_, index) => `${String(10_000_000 + index * 7919)}X`);
  const canaryNif = nifs.find((nif) => inCanary(nif, 'files', 50));
  const stableNif = nifs.find((nif) => !inCanary(nif, 'files', 50));

  it('serves each citizen one remote, the same on every request, with its version and only its origin in the CSP', async () => {
    if (!canaryNif || !stableNif) throw new Error('the sample has no citizen of each variant');
    const inCanaryCookie = await sessionOf(canaryNif);
    const inStableCookie = await sessionOf(stableNif);
    for (let round = 0; round < 3; round += 1) {
      const canary = await filesOf(inCanaryCookie);
      expect(canary).toMatchObject({ variant: 'canary', version: '1.1.0', timeouts: { mount: 5000 } });
      expect(canary.remote.entry).toBe(`${CANARY}/remoteEntry.js`);
      const stable = await filesOf(inStableCookie);
      expect(stable).toMatchObject({ variant: 'stable', version: '1.0.0' });
      expect(stable.remote.entry).toBe(`${STABLE}/remoteEntry.js`);
    }
    const canaryPage = await page(inCanaryCookie);
    expect(canaryPage.scriptSrc).toContain(CANARY);
    expect(canaryPage.scriptSrc).not.toContain(STABLE);
    expect((await page(inStableCookie)).scriptSrc).not.toContain(CANARY);
    // A session of the same person draws the same variant.
    expect((await filesOf(await sessionOf(canaryNif))).variant).toBe('canary');
  });

  it('rolls back at once when the configuration changes, with no restart', async () => {
    if (!canaryNif) throw new Error('no canary citizen');
    const cookie = await sessionOf(canaryNif);
    expect((await filesOf(cookie)).variant).toBe('canary');
    await setManifest(0);
    expect((await filesOf(cookie)).variant).toBe('stable');
    await setManifest(null);
    expect((await filesOf(cookie)).variant).toBeUndefined();
    await setManifest(50);
    expect((await filesOf(cookie)).variant).toBe('canary');
  });
});

describe('developer override through the gateway', () => {
  it('replaces the remote for this browser only, allows its origin in the CSP and shows a banner with a reset', async () => {
    const cookie = await sessionOf('12345678Z');
    expect((await page(cookie)).html).not.toContain('data-dev-override');
    const set = await app.inject({
      method: 'POST',
      url: '/dev/overrides',
      headers: { origin: PORTAL, cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `mfe=files&url=${encodeURIComponent(`${DEV_SERVER}/remoteEntry.js`)}`,
    });
    expect(set.statusCode).toBe(303);
    const override = /carpeta_dev_overrides=[^;]*/.exec(String(set.headers['set-cookie']))?.[0];
    const withOverride = `${cookie}; ${override}`;
    const files = await filesOf(withOverride);
    expect(files).toMatchObject({ variant: 'override' });
    expect(files.remote.entry).toBe(`${DEV_SERVER}/remoteEntry.js`);
    const overridden = await page(withOverride);
    expect(overridden.scriptSrc).toContain(DEV_SERVER);
    expect(overridden.html).toContain('data-dev-override="files"');
    expect(overridden.html).toContain('action="/dev/overrides/reset"');
    // Without the cookie (another browser), nothing changed.
    expect((await page(cookie)).scriptSrc).not.toContain(DEV_SERVER);

    const reset = await app.inject({
      method: 'POST',
      url: '/dev/overrides/reset',
      headers: { origin: PORTAL, cookie: withOverride, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'return=%2Ffiles',
    });
    expect(reset.statusCode).toBe(303);
    expect(reset.headers.location).toBe('/files');
    expect(String(reset.headers['set-cookie'])).toMatch(/carpeta_dev_overrides=;/);
  });
});
