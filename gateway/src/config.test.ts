import path from 'node:path';
import { TEST_CITIZENS } from '@carpeta/mocks';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEMO_CITIZEN, loadConfig, REPO_ROOT } from './config.ts';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 4000,
      shellDist: path.join(REPO_ROOT, 'shell', 'dist'),
      manifestPath: path.join(REPO_ROOT, 'gateway', 'config', 'mfes.json'),
      agencyDehuUrl: 'http://127.0.0.1:4101',
      agencyTimeoutMs: 4000,
      demoCitizen: '12345678Z',
    });
  });

  it('acts for the first test citizen of the mocks by default', () => {
    expect(DEFAULT_DEMO_CITIZEN).toBe(TEST_CITIZENS[0]?.nif);
  });

  it('reads the environment', () => {
    const config = loadConfig({
      PORT_GATEWAY: '4999',
      SHELL_DIST: '/srv/shell',
      CARPETA_MANIFEST: '/etc/carpeta/mfes.json',
      AGENCY_DEHU_URL: 'http://10.0.0.5:8080',
      AGENCY_TIMEOUT_MS: '1500',
      CARPETA_DEMO_CITIZEN: 'x1234567l',
    });
    expect(config).toMatchObject({
      port: 4999,
      shellDist: '/srv/shell',
      manifestPath: '/etc/carpeta/mfes.json',
      agencyDehuUrl: 'http://10.0.0.5:8080',
      agencyTimeoutMs: 1500,
      demoCitizen: 'X1234567L',
    });
  });

  it('refuses nonsense instead of guessing', () => {
    expect(() => loadConfig({ PORT_GATEWAY: 'eighty' })).toThrow(/PORT_GATEWAY/);
    expect(() => loadConfig({ PORT_GATEWAY: '70000' })).toThrow(/PORT_GATEWAY/);
    expect(() => loadConfig({ AGENCY_TIMEOUT_MS: '0' })).toThrow(/AGENCY_TIMEOUT_MS/);
    expect(() => loadConfig({ AGENCY_DEHU_URL: 'not a url' })).toThrow(/AGENCY_DEHU_URL/);
  });
});
