import { SHARED_SINGLETONS } from '@carpeta/sdk/federation';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sharedSingletons } from '../build/shared-singletons.ts';

vi.mock('@module-federation/runtime', async (original) => ({
  ...(await original<typeof import('@module-federation/runtime')>()),
  init: vi.fn(),
}));
const runtime = vi.mocked(await import('@module-federation/runtime'));
const { federationHost, providedShares, PROVIDED } = await import('./federation-host.ts');

type Share = { version: string; lib: () => Record<string, unknown>; loaded: boolean; shareConfig: object };
const shares = () => providedShares() as unknown as Record<string, Share>;

describe('the singletons the shell provides to remotes', () => {
  it('are every shared singleton of the contract, at the version the shell has installed', () => {
    expect(Object.keys(shares()).sort()).toEqual(Object.keys(SHARED_SINGLETONS).sort());
    const installed = sharedSingletons();
    for (const [name, share] of Object.entries(shares())) {
      expect(share.version, name).toBe(installed[name]?.version);
      expect(share.version, name).toMatch(/^\d+\.\d+\.\d+/);
    }
    expect(shares()['@carpeta/sdk']?.shareConfig).toEqual({
      singleton: true,
      requiredVersion: SHARED_SINGLETONS['@carpeta/sdk'].requiredVersion,
      strictVersion: true,
    });
    expect(shares().i18next?.shareConfig).toMatchObject({ singleton: true, strictVersion: false });
  });

  it('are the shell’s own modules, already loaded: a remote gets the very functions the shell runs', async () => {
    const own = {
      react: await import('react'),
      i18next: await import('i18next'),
      '@carpeta/sdk': await import('@carpeta/sdk'),
      '@carpeta/design-system': await import('@carpeta/design-system'),
    };
    const provided = shares();
    expect(provided.react?.lib().useState).toBe(own.react.useState);
    expect(provided.i18next?.lib().createInstance).toBe(own.i18next.createInstance);
    expect(provided['@carpeta/sdk']?.lib().createApiClient).toBe(own['@carpeta/sdk'].createApiClient);
    expect(provided['@carpeta/design-system']?.lib().Button).toBe(own['@carpeta/design-system'].Button);
    for (const [name, share] of Object.entries(provided)) {
      expect(share.loaded, name).toBe(true);
      // One object per share, marked as an ES module for the remotes' share wrappers.
      expect(share.lib(), name).toBe(share.lib());
      expect(share.lib().__esModule, name).toBe(true);
    }
  });

  it('refuses to start without the build’s configuration of a share it provides', () => {
    const { i18next: _missing, ...rest } = sharedSingletons();
    expect(() => providedShares(rest)).toThrow(/i18next/);
    expect(Object.keys(PROVIDED)).toContain('i18next');
  });
});

describe('the federation runtime of the shell', () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>)._FEDERATION_RUNTIME_CORE;
    delete (globalThis as Record<string, unknown>)._FEDERATION_RUNTIME_CORE_FROM;
  });

  it('is initialised once, as carpeta_shell, loaded-first, with the plugins it is given', () => {
    const plugin = { name: 'test-plugin' };
    const first = federationHost([plugin]);
    expect(federationHost([plugin])).toBe(first);
    expect(runtime.init).toHaveBeenCalledTimes(1);
    const options = runtime.init.mock.calls[0]?.[0];
    expect(options).toMatchObject({ name: 'carpeta_shell', remotes: [], shareStrategy: 'loaded-first' });
    expect(Object.keys(options?.shared ?? {}).sort()).toEqual(Object.keys(SHARED_SINGLETONS).sort());
    expect(options?.plugins).toContain(plugin);
  });

  it('publishes its runtime core for the remotes built without one, before they evaluate', async () => {
    federationHost([]);
    const options = runtime.init.mock.calls[0]?.[0];
    const publisher = options?.plugins?.find((plugin) => plugin.name === 'carpeta-external-runtime-core');
    expect(publisher).toBeDefined();
    const args = { options: { name: 'carpeta_shell' } };
    const beforeInit = publisher?.beforeInit as ((value: typeof args) => unknown) | undefined;
    expect(beforeInit?.(args)).toBe(args);
    const core = await import('@module-federation/runtime/core');
    const global = globalThis as Record<string, unknown>;
    expect(global._FEDERATION_RUNTIME_CORE).toBe(core);
    expect(global._FEDERATION_RUNTIME_CORE_FROM).toMatchObject({ name: 'carpeta_shell' });
  });
});
