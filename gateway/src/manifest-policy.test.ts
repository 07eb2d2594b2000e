// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings use the manifest's own ${VAR} syntax.
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ConfiguredEntry } from '@carpeta/sdk/rollout';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGateway } from './app.ts';
import { type TestSession, testSession } from './auth/testing.ts';
import { loadConfig } from './config.ts';
import { createManifestStore } from './manifest.ts';

const INTEGRITY = `sha384-${'A'.repeat(64)}`;

function entry(id: string, entryUrl: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    title: { es: id, en: id },
    owner: { id: 'test', name: 'Test' },
    kind: 'domain',
    route: `/${id}`,
    framework: 'react',
    remote: { name: `carpeta_${id}`, entry: entryUrl, expose: './lifecycles' },
    version: '1.0.0',
    ...extra,
  };
}

let dir: string;
let counter = 0;
let session: TestSession;
beforeAll(async () => {
  session = await testSession();
  dir = await mkdtemp(path.join(tmpdir(), 'carpeta-policy-'));
});
afterAll(async () => {
  await session?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function manifestFile(mfes: unknown[]): Promise<string> {
  counter += 1;
  const file = path.join(dir, `m${counter}.json`);
  await writeFile(file, JSON.stringify({ version: 1, mfes }));
  return file;
}

async function rewrite(file: string, content: string) {
  await writeFile(file, content);
  const later = new Date(Date.now() + 60_000 + counter * 1000);
  counter += 1;
  await utimes(file, later, later);
}

function recordingLogger() {
  const calls: Array<{ level: string; details: object; message: string }> = [];
  const at = (level: string) => (details: object, message: string) => calls.push({ level, details, message });
  return { calls, logger: { info: at('info'), warn: at('warn'), error: at('error') } };
}

describe('the manifest is a supply chain', () => {
  it('rejects a remote outside the allowed origins, with a reason, and keeps it out of the CSP', async () => {
    const file = await manifestFile([
      entry('good', '${MFE_GOOD_URL}/remoteEntry.js'),
      entry('evil', 'http://evil.example:9999/remoteEntry.js'),
    ]);
    const store = createManifestStore({ path: file, env: { MFE_GOOD_URL: 'http://127.0.0.1:4201' } });
    const snapshot = await store.load();
    if (!snapshot.ok) throw new Error(snapshot.reason);
    expect(snapshot.entries.map((item) => item.id)).toEqual(['good']);
    expect(snapshot.origins).toEqual(['http://127.0.0.1:4201']);
    expect(snapshot.rejected).toEqual([
      {
        index: 1,
        id: 'evil',
        reason: expect.stringContaining('http://evil.example:9999 is not one of the allowed'),
      },
    ]);
    expect(JSON.stringify(snapshot.document.mfes)).not.toContain('evil.example');
  });

  it('holds the remote of a canary to the same policy: allowed origin, MFE URL variables, integrity', async () => {
    const canary = (url: string, extra: Record<string, unknown> = {}) => ({
      canary: { remote: { name: 'carpeta_c', entry: url, expose: './lifecycles' }, percent: 5, ...extra },
    });
    const file = await manifestFile([
      entry('fine', '${MFE_GOOD_URL}/remoteEntry.js', canary('${MFE_GOOD_URL}/next/remoteEntry.js')),
      entry('evil', '${MFE_GOOD_URL}/remoteEntry.js', canary('http://evil.example:9999/remoteEntry.js')),
      entry('leaky', '${MFE_GOOD_URL}/remoteEntry.js', canary('${SECRET}/remoteEntry.js')),
    ]);
    const store = createManifestStore({ path: file, env: { MFE_GOOD_URL: 'http://127.0.0.1:4201' } });
    const snapshot = await store.load();
    if (!snapshot.ok) throw new Error(snapshot.reason);
    expect(snapshot.entries.map((item) => item.id)).toEqual(['fine']);
    expect((snapshot.entries[0] as ConfiguredEntry | undefined)?.canary?.remote.entry).toBe(
      'http://127.0.0.1:4201/next/remoteEntry.js',
    );
    expect(snapshot.rejected.map((item) => [item.id, item.reason])).toEqual([
      ['evil', expect.stringContaining('canary: remote.entry: the origin http://evil.example:9999')],
      ['leaky', expect.stringContaining('not SECRET')],
    ]);

    const pinned = await manifestFile([
      entry('unpinned', 'https://a.example/remoteEntry.js', {
        integrity: INTEGRITY,
        ...canary('https://a.example/next/remoteEntry.js'),
      }),
    ]);
    const strict = createManifestStore({
      path: pinned,
      env: {},
      policy: { allowedOrigins: ['https://a.example'], requireHttps: true, requireIntegrity: true },
    });
    const strictSnapshot = await strict.load();
    if (!strictSnapshot.ok) throw new Error(strictSnapshot.reason);
    expect(strictSnapshot.rejected[0]?.reason).toContain('canary: integrity is required');
  });

  it('through the gateway: CARPETA_MFE_ORIGINS adds origins, everything else stays out of script-src', async () => {
    // Public entries: the anonymous request's manifest (and CSP) holds them.
    const file = await manifestFile([
      entry('cdn', 'https://cdn.example.es/remoteEntry.js', { public: true }),
      entry('evil', 'http://evil.example:9999/remoteEntry.js', { public: true }),
    ]);
    const app = buildGateway(
      {
        ...loadConfig({ PORTAL_ORIGIN: 'http://localhost', CARPETA_MFE_ORIGINS: 'https://cdn.example.es' }),
        manifestPath: file,
        shellDist: path.join(dir, 'no-dist'),
        env: {},
      },
      { database: session.database },
    );
    try {
      const manifest = await app.inject({ url: '/mfes.json' });
      expect(manifest.json()).toMatchObject({
        mfes: [{ id: 'cdn' }],
        rejected: [{ id: 'evil', reason: expect.stringContaining('allowed MFE origins') }],
      });
      const csp = String(manifest.headers['content-security-policy']);
      expect(csp).toContain('https://cdn.example.es');
      expect(csp).not.toContain('evil');
    } finally {
      await app.close();
    }
  });

  it('requires https and integrity in production', async () => {
    const file = await manifestFile([
      entry('plain', 'http://mfe.example.es/remoteEntry.js', { integrity: INTEGRITY }),
      entry('unpinned', 'https://mfe.example.es/a/remoteEntry.js'),
      entry('pinned', 'https://mfe.example.es/b/remoteEntry.js', { integrity: INTEGRITY }),
    ]);
    const policy = {
      allowedOrigins: ['http://mfe.example.es', 'https://mfe.example.es'],
      requireHttps: true,
      requireIntegrity: true,
    };
    const snapshot = await createManifestStore({ path: file, env: {}, policy }).load();
    if (!snapshot.ok) throw new Error(snapshot.reason);
    expect(snapshot.entries.map((item) => item.id)).toEqual(['pinned']);
    expect(snapshot.rejected.map((item) => [item.id, item.reason])).toEqual([
      ['plain', expect.stringContaining('https')],
      ['unpinned', expect.stringContaining('integrity is required')],
    ]);
    // The production settings are what loadConfig derives from CARPETA_ENV.
    const production = loadConfig({
      CARPETA_ENV: 'production',
      PORTAL_ORIGIN: 'https://carpeta.example.es',
      CARPETA_MFE_ORIGINS: 'https://mfe.example.es',
    });
    expect(production).toMatchObject({ environment: 'production', requireIntegrity: true });
    expect(() => loadConfig({ CARPETA_ENV: 'production' })).toThrow(/PORTAL_ORIGIN/);
    expect(() =>
      loadConfig({
        CARPETA_ENV: 'production',
        PORTAL_ORIGIN: 'https://carpeta.example.es',
        CARPETA_MFE_ORIGINS: 'http://mfe.example.es',
      }),
    ).toThrow(/https/);
    expect(loadConfig({}).requireIntegrity).toBe(false);
    expect(loadConfig({ CARPETA_REQUIRE_INTEGRITY: 'true' }).requireIntegrity).toBe(true);
  });

  it('an integrity value must look like a hash (sha256/384/512, base64)', async () => {
    const file = await manifestFile([
      entry('weird', 'http://127.0.0.1:4201/remoteEntry.js', { integrity: 'md5-whatever; script-src *' }),
    ]);
    const snapshot = await createManifestStore({
      path: file,
      env: {},
      policy: { allowedOrigins: ['http://127.0.0.1:4201'] },
    }).load();
    expect(snapshot.ok && snapshot.rejected.map((item) => item.id)).toEqual(['weird']);
  });

  it('expands only MFE URL variables, only in remote.entry, and publishes only validated entries', async () => {
    const file = await manifestFile([
      entry('home', '${MFE_HOME_URL:-http://127.0.0.1:4201}/remoteEntry.js', {
        title: { es: '${HOME}', en: '${PATH}' },
      }),
      entry('leak', '${HOME}/remoteEntry.js'),
      { id: 'rejected-one', title: '${PORTAL_ORIGIN}', remote: { entry: '${MFE_HOME_URL}/x.js' } },
    ]);
    const env = {
      MFE_HOME_URL: 'http://127.0.0.1:4201',
      HOME: '/root',
      PATH: '/usr/local/bin:/usr/bin',
      PORTAL_ORIGIN: 'http://127.0.0.1:4000',
    };
    const snapshot = await createManifestStore({ path: file, env }).load();
    if (!snapshot.ok) throw new Error(snapshot.reason);
    const served = JSON.stringify(snapshot.document);
    expect(served).not.toContain('/root');
    expect(served).not.toContain('/usr/bin');
    expect(served).not.toContain('127.0.0.1:4000');
    expect(snapshot.entries[0]?.title).toEqual({ es: '${HOME}', en: '${PATH}' });
    expect(snapshot.entries[0]?.remote.entry).toBe('http://127.0.0.1:4201/remoteEntry.js');
    expect(snapshot.rejected.map((item) => [item.id, item.reason])).toEqual([
      ['leak', expect.stringContaining('not HOME')],
      ['rejected-one', expect.any(String)],
    ]);
  });

  it('keeps serving the last valid manifest when the file becomes unusable, logs it and says so', async () => {
    const file = await manifestFile([entry('one', 'http://127.0.0.1:5001/remoteEntry.js')]);
    const { calls, logger } = recordingLogger();
    const store = createManifestStore({
      path: file,
      env: {},
      logger,
      policy: { allowedOrigins: ['http://127.0.0.1:5001'] },
    });
    const good = await store.load();
    expect(good.ok).toBe(true);
    expect(store.health()).toEqual({ status: 'ok' });

    await rewrite(file, '{ "version": 1, "mfes": [ { "id": "one", "ti');
    const half = await store.load();
    expect(half.ok && half.entries.map((item) => item.id)).toEqual(['one']);
    expect(half.ok && half.origins).toEqual(['http://127.0.0.1:5001']);
    expect(store.health()).toEqual({
      status: 'stale',
      reason: 'the manifest file is not JSON',
      since: expect.any(String),
    });
    expect(
      calls.some((call) => call.level === 'error' && call.message === 'the manifest file is not JSON'),
    ).toBe(true);

    await rewrite(file, JSON.stringify({ version: 1, mfes: [entry('two', 'http://127.0.0.1:5001/r.js')] }));
    const fixed = await store.load();
    expect(fixed.ok && fixed.entries.map((item) => item.id)).toEqual(['two']);
    expect(store.health()).toEqual({ status: 'ok' });
  });

  it('through the gateway: /mfes.json and the CSP stay, and /api/health says the manifest is stale', async () => {
    const file = await manifestFile([entry('one', 'http://127.0.0.1:5001/remoteEntry.js', { public: true })]);
    const app = buildGateway(
      {
        ...loadConfig({ PORTAL_ORIGIN: 'http://localhost', CARPETA_MFE_ORIGINS: 'http://127.0.0.1:5001' }),
        manifestPath: file,
        shellDist: path.join(dir, 'no-dist'),
        env: {},
      },
      { database: session.database },
    );
    try {
      expect((await app.inject({ url: '/mfes.json' })).statusCode).toBe(200);
      await rewrite(file, '{ "version": 1, "mf');
      const manifest = await app.inject({ url: '/mfes.json' });
      expect(manifest.statusCode).toBe(200);
      expect(manifest.json()).toMatchObject({ mfes: [{ id: 'one' }] });
      expect(String(manifest.headers['content-security-policy'])).toContain(
        "script-src 'self' http://127.0.0.1:5001",
      );
      const health = await app.inject({ url: '/api/health' });
      expect(health.statusCode).toBe(200);
      expect(health.json()).toEqual({
        status: 'degraded',
        manifest: { status: 'stale', reason: 'the manifest file is not JSON', since: expect.any(String) },
      });
    } finally {
      await app.close();
    }
  });
});
