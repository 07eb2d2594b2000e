import { testManifestEntry } from '@carpeta/sdk/testing/manifest';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { createRemoteErrorCounts } from '../routes/telemetry.ts';
import { overrideBanner, safeReturnPath } from './banner.ts';
import {
  applyOverrides,
  OVERRIDE_COOKIE,
  overrideRefusal,
  overrideSettings,
  parseOverrides,
  readOverrides,
  serializeOverrides,
} from './overrides.ts';
import { registerOverrideRoutes } from './routes.ts';

const DEV = overrideSettings(
  { CARPETA_DEV_OVERRIDE_ORIGINS: 'http://127.0.0.1:4999, https://dev.example/' },
  'development',
);
const cookieOf = (value: Record<string, string>) =>
  encodeURIComponent(serializeOverrides(new Map(Object.entries(value))));

describe('developer overrides', () => {
  it('are never available in production, whatever the configuration says', () => {
    const production = overrideSettings(
      { CARPETA_DEV_OVERRIDE_ORIGINS: 'http://127.0.0.1:4999' },
      'production',
    );
    expect(production.enabled).toBe(false);
    expect(overrideRefusal(production, 'files', 'http://127.0.0.1:4999/remoteEntry.js')).toContain(
      'production',
    );
    expect(
      parseOverrides(cookieOf({ files: 'http://127.0.0.1:4999/remoteEntry.js' }), production),
    ).toBeNull();
    expect(
      readOverrides(
        { cookie: `${OVERRIDE_COOKIE}=${cookieOf({ files: 'http://127.0.0.1:4999/x.js' })}` },
        production,
      ),
    ).toBeNull();
    expect(overrideSettings({}, 'development').enabled).toBe(true);
    expect(overrideSettings({ CARPETA_DEV_OVERRIDES: 'false' }, 'development').enabled).toBe(false);
  });

  it('point only at the origins the configuration allows', () => {
    expect(DEV.allowedOrigins).toEqual(['http://127.0.0.1:4999', 'https://dev.example']);
    expect(overrideRefusal(DEV, 'files', 'http://127.0.0.1:4999/remoteEntry.js')).toBeUndefined();
    expect(overrideRefusal(DEV, 'files', 'https://dev.example/a/remoteEntry.js')).toBeUndefined();
    expect(overrideRefusal(DEV, 'files', 'https://evil.example/remoteEntry.js')).toContain('not allowed');
    expect(overrideRefusal(DEV, 'files', 'http://127.0.0.1:5000/remoteEntry.js')).toContain('not allowed');
    expect(overrideRefusal(DEV, 'files', 'javascript:alert(1)')).toBeDefined();
    expect(overrideRefusal(DEV, 'Files!', 'http://127.0.0.1:4999/remoteEntry.js')).toBe('not an MFE id');
    expect(
      overrideRefusal(overrideSettings({}, 'development'), 'files', 'http://127.0.0.1:4999/x.js'),
    ).toContain('not allowed');
  });

  it('keep from a cookie only the valid, allowed overrides', () => {
    const cookie = cookieOf({
      files: 'http://127.0.0.1:4999/remoteEntry.js',
      home: 'https://evil.example/remoteEntry.js',
    });
    const parsed = readOverrides({ cookie: `other=1; ${OVERRIDE_COOKIE}=${cookie}` }, DEV);
    expect(parsed && [...parsed]).toEqual([['files', 'http://127.0.0.1:4999/remoteEntry.js']]);
    expect(parseOverrides('%7Bnot json', DEV)).toBeNull();
    expect(parseOverrides(encodeURIComponent('["x"]'), DEV)).toBeNull();
  });

  it('replace the remote, drop its integrity and label the entry', () => {
    const files = testManifestEntry('files', { integrity: `sha384-${'A'.repeat(64)}` });
    const home = testManifestEntry('home');
    const [overridden, untouched] = applyOverrides(
      [files, home],
      new Map([['files', 'http://127.0.0.1:4999/remoteEntry.js']]),
    );
    expect(overridden?.remote.entry).toBe('http://127.0.0.1:4999/remoteEntry.js');
    expect(overridden?.remote.name).toBe(files.remote.name);
    expect(overridden?.integrity).toBeUndefined();
    expect(overridden?.variant).toBe('override');
    expect(untouched).toBe(home);
  });

  it('are announced by a banner with a reset, in the page’s language, with hostile text escaped', () => {
    expect(overrideBanner([testManifestEntry('home')], 'es', '/')).toBe('');
    const banner = overrideBanner(
      [{ ...testManifestEntry('files', { title: { es: '<b>Exp</b>' } }), variant: 'override' }],
      'eu',
      '/files',
    );
    expect(banner).toContain('Garapen modua');
    expect(banner).toContain('action="/dev/overrides/reset"');
    expect(banner).toContain('value="/files"');
    expect(banner).toContain('&lt;b&gt;Exp&lt;/b&gt;');
    expect(banner).not.toContain('<b>');
    expect(safeReturnPath('//evil.example')).toBe('/');
    expect(safeReturnPath('https://evil.example')).toBe('/');
  });

  it('answer 404 in production, and refuse writes from other sites in development', async () => {
    const production = Fastify();
    registerOverrideRoutes(production, {
      settings: overrideSettings({}, 'production'),
      portalOrigin: 'https://carpeta.example',
      entries: async () => [],
    });
    expect((await production.inject({ url: '/dev/overrides' })).statusCode).toBe(404);
    expect((await production.inject({ method: 'POST', url: '/dev/overrides/reset' })).statusCode).toBe(404);
    await production.close();

    const development = Fastify();
    await development.register(import('@fastify/cookie'));
    registerOverrideRoutes(development, {
      settings: DEV,
      portalOrigin: 'http://127.0.0.1:8200',
      entries: async () => [testManifestEntry('files')],
    });
    const form = (body: string, origin = 'http://127.0.0.1:8200') =>
      development.inject({
        method: 'POST',
        url: '/dev/overrides',
        headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
        payload: body,
      });
    const url = encodeURIComponent('http://127.0.0.1:4999/remoteEntry.js');
    expect((await form(`mfe=files&url=${url}`, 'https://evil.example')).statusCode).toBe(403);
    expect((await form(`mfe=files&url=${url}`, 'null')).statusCode).toBe(403);
    const refused = await form(`mfe=files&url=${encodeURIComponent('https://evil.example/x.js')}`);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('not allowed');
    expect((await form(`mfe=nothing&url=${url}`)).statusCode).toBe(400);
    const accepted = await form(`mfe=files&url=${url}`);
    expect(accepted.statusCode).toBe(303);
    const cookie = String(accepted.headers['set-cookie']);
    expect(cookie).toContain(`${OVERRIDE_COOKIE}=`);
    expect(cookie).toContain('HttpOnly');
    const value = /carpeta_dev_overrides=([^;]*)/.exec(cookie)?.[1] ?? '';
    expect([...(parseOverrides(value, DEV) ?? [])]).toEqual([
      ['files', 'http://127.0.0.1:4999/remoteEntry.js'],
    ]);
    await development.close();
  });
});

describe('remote error counts', () => {
  it('count errors per MFE, version, variant and code, and ignore other reports', () => {
    const counts = createRemoteErrorCounts(3);
    const error = (context: Record<string, string>) => ({ type: 'error' as const, message: 'x', context });
    counts.record(error({ mfe: 'files', code: 'CARPETA-E104', variant: 'canary', version: '2.0.0' }));
    counts.record(error({ mfe: 'files', code: 'CARPETA-E104', variant: 'canary', version: '2.0.0' }));
    counts.record(error({ mfe: 'files', code: 'CARPETA-E104', variant: 'stable', version: '1.0.0' }));
    counts.record(error({ mfe: 'files', code: 'not a code' }));
    counts.record({ type: 'event', name: 'x' });
    expect(counts.list()).toEqual([
      { mfe: 'files', version: '1.0.0', variant: 'stable', code: 'CARPETA-E104', count: 1 },
      { mfe: 'files', version: '2.0.0', variant: 'canary', code: 'CARPETA-E104', count: 2 },
    ]);
  });
});
