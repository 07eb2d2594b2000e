import { afterEach, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import {
  CONTRACT_VERSION_RANGE,
  carpetaHost,
  carpetaRemote,
  PREACT_VERSION,
  PREACT_VERSION_RANGE,
} from './federation.ts';

const original = process.env.NODE_ENV;
afterEach(() => {
  process.env.NODE_ENV = original;
});

describe('the shared singletons of a build', () => {
  const keys = (shared: Record<string, unknown>) => Object.keys(shared).sort();
  const remote = () => carpetaRemote({ name: 'carpeta_x', exposes: { './lifecycles': './x.tsx' } });

  it('leaves the development JSX runtime out of production builds, host and remotes alike', () => {
    process.env.NODE_ENV = 'production';
    expect(keys(carpetaHost('carpeta_shell').shared)).not.toContain('react/jsx-dev-runtime');
    expect(keys(remote().shared)).not.toContain('react/jsx-dev-runtime');
    expect(keys(remote().shared)).toContain('react/jsx-runtime');
  });

  it('shares it from a development server, whose JSX transform imports it', () => {
    process.env.NODE_ENV = 'development';
    expect(keys(carpetaHost('carpeta_shell').shared)).toContain('react/jsx-dev-runtime');
    expect(keys(remote().shared)).toContain('react/jsx-dev-runtime');
  });

  it('declares the same keys in the host and in a React remote, so each share has one provider', () => {
    for (const env of ['production', 'development']) {
      process.env.NODE_ENV = env;
      expect(keys(remote().shared)).toEqual(keys(carpetaHost('carpeta_shell').shared));
    }
  });
});

describe('the version React’s share keys are registered at', () => {
  it('is the installed Preact’s, inside the range every remote requires', () => {
    const installed = (createRequire(import.meta.url)('preact/package.json') as { version: string }).version;
    expect(PREACT_VERSION).toBe(installed);
    expect(PREACT_VERSION_RANGE).toBe(`^${PREACT_VERSION}`);
    for (const [key, shared] of Object.entries(carpetaHost('carpeta_shell').shared)) {
      if (key.startsWith('react')) expect(shared).toMatchObject({ version: PREACT_VERSION });
    }
  });
});

describe('the contract’s version every remote requires', () => {
  it('is the major of the sdk and the design system as packed', () => {
    const require = createRequire(import.meta.url);
    const sdk = (require('../package.json') as { version: string }).version;
    const designSystem = (require('../../design-system/package.json') as { version: string }).version;
    expect(designSystem).toBe(sdk);
    expect(CONTRACT_VERSION_RANGE).toBe(`^${sdk.split('.')[0]}.0.0`);
    const shared = carpetaRemote({ name: 'carpeta_x', exposes: {} }).shared;
    expect(shared['@carpeta/sdk']).toMatchObject({
      requiredVersion: CONTRACT_VERSION_RANGE,
      strictVersion: true,
    });
  });
});
