// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings use the manifest's own ${VAR} syntax.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { manifestEntrySchema } from '@carpeta/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp.ts';
import { createManifestStore, interpolateEnv } from './manifest.ts';

const CONFIG = fileURLToPath(new URL('../config/mfes.json', import.meta.url));

/** The entries the portal ships, in the order of the configuration. */
const SHIPPED = [
  'home',
  'notifications',
  'files',
  'appointments',
  'my-data',
  'representation',
  'municipal',
  'health-madrid',
  'alerts',
  'verify',
  'assistant',
  'feedback',
  'roadmap',
  'roadmap-admin',
];

/** The default origin of every MFE package under mfes/ (port 4000 + its `carpeta.portOffset`). */
function packageOrigins(): string[] {
  const mfes = fileURLToPath(new URL('../../mfes/', import.meta.url));
  return readdirSync(mfes, { withFileTypes: true })
    .filter((item) => item.isDirectory() && existsSync(path.join(mfes, item.name, 'package.json')))
    .map((item) => {
      const pkg = JSON.parse(readFileSync(path.join(mfes, item.name, 'package.json'), 'utf8')) as {
        carpeta: { portOffset: number };
      };
      return `http://127.0.0.1:${4000 + pkg.carpeta.portOffset}`;
    })
    .sort();
}

function entry(id: string, route: string, entryUrl: string) {
  return {
    id,
    title: { es: id, en: id },
    owner: { id: 'test', name: 'Test' },
    kind: 'domain',
    route,
    framework: 'react',
    remote: { name: `carpeta_${id.replaceAll('-', '_')}`, entry: entryUrl, expose: './lifecycles' },
    version: '1.0.0',
  };
}

function recordingLogger() {
  const calls: Array<{ level: string; details: object; message: string }> = [];
  const at = (level: string) => (details: object, message: string) => calls.push({ level, details, message });
  return { calls, logger: { info: at('info'), warn: at('warn'), error: at('error') } };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'carpeta-manifest-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const LOCAL = { allowedOrigins: ['http://127.0.0.1:5001', 'http://127.0.0.1:5002'] };

describe('interpolateEnv', () => {
  const env = { HOST: 'http://mfe.example', EMPTY: '', PORT: '4300' };
  const any = { allowed: () => true };

  it('fills ${NAME} and ${NAME:-default}, like a shell', () => {
    expect(interpolateEnv('${HOST}/remoteEntry.js', env, any)).toBe('http://mfe.example/remoteEntry.js');
    expect(interpolateEnv('${NOPE:-http://127.0.0.1:4201}/x', env, any)).toBe('http://127.0.0.1:4201/x');
    expect(interpolateEnv('${EMPTY:-fallback}', env, any)).toBe('fallback');
    expect(interpolateEnv('${HOST:-unused}', env, any)).toBe('http://mfe.example');
    expect(interpolateEnv('http://127.0.0.1:${PORT}/${HOST}', env, any)).toBe(
      'http://127.0.0.1:4300/http://mfe.example',
    );
    expect(interpolateEnv('no references, $HOST, {HOST}', env, any)).toBe('no references, $HOST, {HOST}');
  });

  it('by default reads only the MFE URL variables; other references are refused and left as written', () => {
    const refused: string[] = [];
    const value = interpolateEnv(
      '${MFE_HOME_URL}|${HOME}|${PATH:-x}|${MFE_FILES_URL:-http://127.0.0.1:1}',
      { MFE_HOME_URL: 'http://127.0.0.1:4201', HOME: '/root', PATH: '/usr/bin' },
      { onRefused: (name) => refused.push(name) },
    );
    expect(value).toBe('http://127.0.0.1:4201|${HOME}|${PATH:-x}|http://127.0.0.1:1');
    expect(refused).toEqual(['HOME', 'PATH']);
  });

  it('reports unset variables without default and leaves them empty', () => {
    const missing: string[] = [];
    expect(interpolateEnv('${MFE_UNSET_URL}/x', env, { onMissing: (name) => missing.push(name) })).toBe('/x');
    expect(missing).toEqual(['MFE_UNSET_URL']);
  });
});

describe('gateway/config/mfes.json', () => {
  it('holds valid entries for every MFE of the portal, URLs from the environment with defaults', async () => {
    // Every MFE package's default origin (its port offset from 4000): one added by `pnpm new:mfe`
    // is allowed too, while the entries below pin only the MFEs the portal ships.
    const defaults = packageOrigins();
    const store = createManifestStore({ path: CONFIG, env: {}, policy: { allowedOrigins: defaults } });
    const snapshot = await store.load();
    if (!snapshot.ok) throw new Error(snapshot.reason);
    expect(snapshot.rejected).toEqual([]);
    for (const item of snapshot.entries) expect(manifestEntrySchema.safeParse(item).success).toBe(true);
    const shipped = snapshot.entries.filter((e) => SHIPPED.includes(e.id));
    expect(shipped.map((e) => [e.id, e.route, e.nav.order, e.remote.name, e.remote.entry])).toEqual([
      ['home', '/', 0, 'carpeta_home', 'http://127.0.0.1:4201/remoteEntry.js'],
      [
        'notifications',
        '/notifications',
        10,
        'carpeta_notifications',
        'http://127.0.0.1:4202/remoteEntry.js',
      ],
      ['files', '/files', 20, 'carpeta_files', 'http://127.0.0.1:4203/remoteEntry.js'],
      ['appointments', '/appointments', 30, 'carpeta_appointments', 'http://127.0.0.1:4204/remoteEntry.js'],
      ['my-data', '/my-data', 40, 'carpeta_my_data', 'http://127.0.0.1:4205/remoteEntry.js'],
      [
        'representation',
        '/representation',
        50,
        'carpeta_representation',
        'http://127.0.0.1:4206/remoteEntry.js',
      ],
      ['municipal', '/municipal', 60, 'carpeta_municipal', 'http://127.0.0.1:4208/remoteEntry.js'],
      ['health-madrid', '/health-madrid', 70, 'carpeta_health', 'http://127.0.0.1:4207/remoteEntry.js'],
      ['alerts', '/alerts', 80, 'carpeta_alerts', 'http://127.0.0.1:4211/remoteEntry.js'],
      ['verify', '/verify', 90, 'carpeta_my_data', 'http://127.0.0.1:4205/remoteEntry.js'],
      ['assistant', '/ada', 95, 'carpeta_assistant', 'http://127.0.0.1:4209/remoteEntry.js'],
      ['feedback', '/feedback', 96, 'carpeta_feedback', 'http://127.0.0.1:4210/remoteEntry.js'],
      ['roadmap', '/roadmap', 97, 'carpeta_feedback', 'http://127.0.0.1:4210/remoteEntry.js'],
      ['roadmap-admin', '/admin/roadmap', 98, 'carpeta_feedback', 'http://127.0.0.1:4210/remoteEntry.js'],
    ]);
    // A city council's MFE in plain JavaScript: owned by the council (its DIR3 code), ES module.
    expect(shipped.find((e) => e.id === 'municipal')).toMatchObject({
      kind: 'administration',
      owner: { id: 'L01280796', name: 'Ayuntamiento de Madrid' },
      framework: 'vanilla',
      remote: { type: 'module' },
      minLoa: 'substantial',
    });
    expect(shipped.filter((e) => e.framework === 'react').every((e) => e.remote.type === 'module')).toBe(
      true,
    );
    // The Comunidad de Madrid's own MFE: owned by the region (its DIR3), for its residents only.
    const health = shipped.find((e) => e.id === 'health-madrid');
    expect(health).toMatchObject({
      kind: 'administration',
      owner: { id: 'A13002908' },
      audience: { communities: ['13'], provinces: [], municipalities: [] },
      minLoa: 'substantial',
    });
    expect(shipped.filter((e) => e.audience === undefined).map((e) => e.id)).toEqual([
      'home',
      'notifications',
      'files',
      'appointments',
      'my-data',
      'representation',
      'alerts',
      'verify',
      'assistant',
      'feedback',
      'roadmap',
      'roadmap-admin',
    ]);
    expect(snapshot.entries[1]?.owner).toEqual({
      id: 'dehu',
      name: 'Dirección Electrónica Habilitada única',
    });
    expect(snapshot.entries[0]?.title).toEqual({
      es: 'Inicio',
      ca: 'Inici',
      gl: 'Inicio',
      eu: 'Hasiera',
      va: 'Inici',
      en: 'Home',
    });
    // The folder's data is as protected as its screens: each MFE names its API prefixes.
    expect(Object.fromEntries(shipped.map((e) => [e.id, e.api]))).toEqual({
      home: ['/api/home', '/api/pins', '/api/documents'],
      notifications: [],
      files: ['/api/files'],
      appointments: ['/api/appointments'],
      'my-data': ['/api/my-data'],
      representation: ['/api/powers', '/api/registry'],
      municipal: ['/api/municipal'],
      'health-madrid': ['/api/health-service'],
      alerts: ['/api/alerts'],
      verify: [],
      assistant: ['/api/assistant'],
      feedback: [],
      roadmap: [],
      'roadmap-admin': ['/api/admin'],
    });

    const moved = await createManifestStore({
      path: CONFIG,
      env: { MFE_HOME_URL: 'https://home.cdn.example' },
      policy: { allowedOrigins: [...defaults, 'https://home.cdn.example'] },
    }).load();
    expect(moved.ok && moved.origins).toEqual(
      [...defaults.filter((origin) => origin !== 'http://127.0.0.1:4201'), 'https://home.cdn.example'].sort(),
    );
  });
});

describe('createManifestStore', () => {
  it('re-reads the file when it changes on disk, and only then', async () => {
    const file = path.join(dir, 'reload.json');
    await writeFile(
      file,
      JSON.stringify({ version: 1, mfes: [entry('one', '/one', 'http://127.0.0.1:5001/r.js')] }),
    );
    const store = createManifestStore({ path: file, env: {}, policy: LOCAL });
    const first = await store.load();
    expect(first.ok && first.entries.map((e) => e.id)).toEqual(['one']);
    expect(await store.load()).toBe(first); // unchanged file: cached

    await writeFile(
      file,
      JSON.stringify({
        version: 1,
        mfes: [
          entry('one', '/one', 'http://127.0.0.1:5001/r.js'),
          entry('two', '/two', 'http://127.0.0.1:5002/r.js'),
        ],
      }),
    );
    const later = new Date(Date.now() + 5_000);
    await utimes(file, later, later);
    const second = await store.load();
    expect(second.ok && second.entries.map((e) => e.id)).toEqual(['one', 'two']);
    expect(second.ok && second.origins).toEqual(['http://127.0.0.1:5001', 'http://127.0.0.1:5002']);
  });

  it('serves only the valid entries, and logs rejected entries with their reason', async () => {
    const file = path.join(dir, 'rejected.json');
    const document = {
      version: 1,
      mfes: [
        entry('good', '/good', 'http://127.0.0.1:5001/r.js'),
        entry('bad', '/bad', 'javascript:alert(1)'),
      ],
    };
    await writeFile(file, JSON.stringify(document));
    const { calls, logger } = recordingLogger();
    const snapshot = await createManifestStore({ path: file, env: {}, logger, policy: LOCAL }).load();
    if (!snapshot.ok) throw new Error(snapshot.reason);
    expect(snapshot.document).toEqual({
      version: 1,
      mfes: [manifestEntrySchema.parse(document.mfes[0])],
      rejected: [{ index: 1, id: 'bad', reason: expect.stringMatching(/URL/) }],
    });
    expect(snapshot.entries.map((e) => e.id)).toEqual(['good']);
    expect(snapshot.origins).toEqual(['http://127.0.0.1:5001']);
    const rejected = calls.filter(
      (call) => call.level === 'warn' && call.message === 'manifest entry rejected',
    );
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.details).toMatchObject({ id: 'bad', index: 1, reason: expect.stringMatching(/URL/) });
  });

  it('fails (without throwing) for a missing file, a file that is not JSON, or a non-manifest', async () => {
    const { calls, logger } = recordingLogger();
    expect(
      await createManifestStore({ path: path.join(dir, 'missing.json'), env: {}, logger }).load(),
    ).toMatchObject({
      ok: false,
    });
    const broken = path.join(dir, 'broken.json');
    await writeFile(broken, '{ "version": 1, "mfes": [');
    expect(await createManifestStore({ path: broken, env: {}, logger }).load()).toMatchObject({ ok: false });
    const other = path.join(dir, 'other.json');
    await writeFile(other, JSON.stringify({ version: 2, apps: [] }));
    expect(await createManifestStore({ path: other, env: {}, logger }).load()).toMatchObject({ ok: false });
    expect(calls.filter((call) => call.level === 'error')).toHaveLength(3);
  });

  it('recovers when a broken file is fixed', async () => {
    const file = path.join(dir, 'fixed.json');
    await writeFile(file, 'not json');
    const store = createManifestStore({ path: file, env: {} });
    expect((await store.load()).ok).toBe(false);
    await writeFile(file, await readFile(CONFIG, 'utf8'));
    const later = new Date(Date.now() + 10_000);
    await utimes(file, later, later);
    expect((await store.load()).ok).toBe(true);
  });
});

describe('contentSecurityPolicy', () => {
  it('allows the MFE origins for scripts, styles, images, fonts and data, and nothing else', () => {
    const policy = contentSecurityPolicy(['http://127.0.0.1:4201', 'https://cdn.example']);
    const directives = Object.fromEntries(
      policy.split(';').map((part) => {
        const [name = '', ...values] = part.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives['default-src']).toEqual(["'self'"]);
    for (const name of ['script-src', 'style-src', 'img-src', 'font-src', 'connect-src']) {
      expect(directives[name], name).toEqual(
        expect.arrayContaining(["'self'", 'http://127.0.0.1:4201', 'https://cdn.example']),
      );
    }
    expect(directives['style-src']).toContain("'unsafe-inline'");
    expect(directives['script-src']).not.toContain("'unsafe-inline'");
    expect(directives['img-src']).toContain('data:');
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'self'"]);
    expect(directives['form-action']).toEqual(["'self'"]);
  });

  it('never lets a crafted origin inject directives', () => {
    const policy = contentSecurityPolicy([
      'http://evil.example; script-src *',
      "'unsafe-eval'",
      'http://ok.example',
    ]);
    expect(policy).not.toContain('evil');
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).toContain('http://ok.example');
  });
});
