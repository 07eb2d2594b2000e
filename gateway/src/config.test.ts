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
      agenciesPath: path.join(REPO_ROOT, 'gateway', 'config', 'agencies.json'),
      agencyReaUrl: 'http://127.0.0.1:4102',
      agencyRegistryUrl: 'http://127.0.0.1:4111',
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
      CARPETA_AGENCIES: '/etc/carpeta/agencies.json',
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
      agenciesPath: '/etc/carpeta/agencies.json',
      agencyTimeoutMs: 1500,
      agencyTimeoutOverrideMs: 1500,
      oidc: { issuer: 'https://idp.example', redirectUri: 'https://carpeta.example/auth/callback' },
      sessions: { idleMs: 60_000, absoluteMs: 600_000 },
      databaseUrl: 'postgres://u@db/carpeta',
    });
  });

  it('has safe defaults for local development', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      environment: 'development',
      portalOrigin: 'http://127.0.0.1:4000',
      mfeOrigins: [],
      requireIntegrity: false,
      limits: {
        requestTimeoutMs: 10_000,
        headersTimeoutMs: 5_000,
        keepAliveTimeoutMs: 5_000,
        connectionsPerClient: 64,
        telemetryPerMinute: 60,
        telemetryLogPerMinute: 120,
        assistantPerMinute: 60,
        feedbackPerHour: 10,
      },
    });
    expect(config.rateLimitStore).toBeUndefined();
    expect(loadConfig({ PORT_GATEWAY: '4999' }).portalOrigin).toBe('http://127.0.0.1:4999');
    expect(loadConfig({ PORTAL_ORIGIN: 'http://127.0.0.1:5173/' }).portalOrigin).toBe(
      'http://127.0.0.1:5173',
    );
    expect(
      loadConfig({ CARPETA_MFE_ORIGINS: 'https://a.example.es/x, https://b.example.es' }).mfeOrigins,
    ).toEqual(['https://a.example.es', 'https://b.example.es']);
  });

  it('refuses unsafe or unknown security settings', () => {
    expect(() => loadConfig({ CARPETA_ENV: 'staging' })).toThrow(/CARPETA_ENV/);
    expect(() => loadConfig({ PORTAL_ORIGIN: 'not a url' })).toThrow(/PORTAL_ORIGIN/);
    expect(() => loadConfig({ CARPETA_MFE_ORIGINS: 'javascript:alert(1)' })).toThrow(/CARPETA_MFE_ORIGINS/);
    expect(() => loadConfig({ CARPETA_REQUIRE_INTEGRITY: 'maybe' })).toThrow(/CARPETA_REQUIRE_INTEGRITY/);
    expect(() => loadConfig({ GATEWAY_REQUEST_TIMEOUT_MS: '0' })).toThrow(/GATEWAY_REQUEST_TIMEOUT_MS/);
    expect(() =>
      loadConfig({ CARPETA_ENV: 'production', PORTAL_ORIGIN: 'http://carpeta.example.es' }),
    ).toThrow(/https/);
  });

  it('refuses nonsense instead of guessing', () => {
    expect(() => loadConfig({ PORT_GATEWAY: 'eighty' })).toThrow(/PORT_GATEWAY/);
    expect(() => loadConfig({ PORT_GATEWAY: '70000' })).toThrow(/PORT_GATEWAY/);
    expect(() => loadConfig({ AGENCY_TIMEOUT_MS: '0' })).toThrow(/AGENCY_TIMEOUT_MS/);
    expect(() => loadConfig({ AGENCY_REA_URL: 'not a url' })).toThrow(/AGENCY_REA_URL/);
    expect(() => loadConfig({ IDP_URL: 'ftp://idp' })).toThrow(/IDP_URL/);
    expect(() => loadConfig({ SESSION_IDLE_SECONDS: '1' })).toThrow(/SESSION_IDLE_SECONDS/);
  });
});
