import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, REPO_ROOT } from './config.ts';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 4000,
      portalOrigin: 'http://127.0.0.1:4000',
      shellDist: path.join(REPO_ROOT, 'shell', 'dist'),
      manifestPath: path.join(REPO_ROOT, 'gateway', 'config', 'mfes.json'),
      agencyDehuUrl: 'http://127.0.0.1:4101',
      agencyReaUrl: 'http://127.0.0.1:4102',
      agencyTimeoutMs: 4000,
      oidc: {
        issuer: 'http://127.0.0.1:4110',
        clientId: 'carpeta-portal',
        redirectUri: 'http://127.0.0.1:4000/auth/callback',
        postLogoutRedirectUri: 'http://127.0.0.1:4000/',
      },
      sessions: { idleMs: 3_600_000, absoluteMs: 28_800_000 },
      throttle: { maxFailures: 5, windowMs: 900_000 },
      databaseUrl: undefined,
      dataDir: path.join(REPO_ROOT, '.carpeta', 'data', 'pglite'),
    });
  });

  it('reads the environment', () => {
    const config = loadConfig({
      PORT_GATEWAY: '4999',
      PORTAL_ORIGIN: 'https://carpeta.example/',
      SHELL_DIST: '/srv/shell',
      CARPETA_MANIFEST: '/etc/carpeta/mfes.json',
      AGENCY_DEHU_URL: 'http://10.0.0.5:8080',
      AGENCY_TIMEOUT_MS: '1500',
      IDP_URL: 'https://idp.example',
      SESSION_IDLE_SECONDS: '60',
      SESSION_ABSOLUTE_SECONDS: '600',
      DATABASE_URL: 'postgres://u@db/carpeta',
    });
    expect(config).toMatchObject({
      port: 4999,
      portalOrigin: 'https://carpeta.example',
      shellDist: '/srv/shell',
      manifestPath: '/etc/carpeta/mfes.json',
      agencyDehuUrl: 'http://10.0.0.5:8080',
      agencyTimeoutMs: 1500,
      oidc: { issuer: 'https://idp.example', redirectUri: 'https://carpeta.example/auth/callback' },
      sessions: { idleMs: 60_000, absoluteMs: 600_000 },
      databaseUrl: 'postgres://u@db/carpeta',
    });
  });

  it('refuses nonsense instead of guessing', () => {
    expect(() => loadConfig({ PORT_GATEWAY: 'eighty' })).toThrow(/PORT_GATEWAY/);
    expect(() => loadConfig({ PORT_GATEWAY: '70000' })).toThrow(/PORT_GATEWAY/);
    expect(() => loadConfig({ AGENCY_TIMEOUT_MS: '0' })).toThrow(/AGENCY_TIMEOUT_MS/);
    expect(() => loadConfig({ AGENCY_DEHU_URL: 'not a url' })).toThrow(/AGENCY_DEHU_URL/);
    expect(() => loadConfig({ IDP_URL: 'ftp://idp' })).toThrow(/IDP_URL/);
    expect(() => loadConfig({ SESSION_IDLE_SECONDS: '1' })).toThrow(/SESSION_IDLE_SECONDS/);
  });
});
