import { describe, expect, it } from 'vitest';
import { parseManifest } from './manifest.ts';
import { REMOTE_ERROR_TABLE, REMOTE_ERRORS, remoteError } from './remote-errors.ts';
import { type ConfiguredEntry, configuredEntrySchema } from './rollout.ts';

const entry = {
  id: 'taxes',
  title: { es: 'Tributos' },
  owner: { id: 'L01280796', name: 'Ayuntamiento' },
  kind: 'administration',
  route: '/taxes',
  framework: 'react',
  remote: { name: 'carpeta_taxes', entry: 'http://127.0.0.1:4300/remoteEntry.js', expose: './lifecycles' },
  version: '1.0.0',
};

function reasons(extra: Record<string, unknown>): string[] {
  return parseManifest(
    { version: 1, mfes: [{ ...entry, ...extra }] },
    { entrySchema: configuredEntrySchema },
  ).rejected.map((item) => item.reason);
}

describe('remote error codes', () => {
  it('are unique, numbered and each says what to look at', () => {
    const codes = REMOTE_ERROR_TABLE.map((definition) => definition.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const definition of REMOTE_ERROR_TABLE) {
      expect(definition.code).toMatch(/^CARPETA-E1\d\d$/);
      expect(definition.summary.length).toBeGreaterThan(20);
      expect(definition.hint.length).toBeGreaterThan(20);
    }
    expect(REMOTE_ERRORS.unreachable.code).toBe('CARPETA-E101');
    expect(REMOTE_ERRORS.mountTimeout.code).toBe('CARPETA-E105');
    expect(remoteError('CARPETA-E106')?.kind).toBe('integrity');
    expect(remoteError('CARPETA-E999')).toBeUndefined();
  });
});

describe('manifest timeouts', () => {
  it('accepts per-phase limits within bounds, each optional', () => {
    const parsed = parseManifest({ version: 1, mfes: [{ ...entry, timeouts: { mount: 3000 } }] });
    expect(parsed.rejected).toEqual([]);
    expect(parsed.entries[0]?.timeouts).toEqual({ mount: 3000 });
    expect(reasons({ timeouts: { load: 500, bootstrap: 60_000, mount: 1000 } })).toEqual([]);
  });

  it('rejects limits out of bounds or not whole milliseconds, with a reason', () => {
    expect(reasons({ timeouts: { mount: 10 } }).join()).toContain('at least 500 ms');
    expect(reasons({ timeouts: { load: 600_000 } }).join()).toContain('at most 60000 ms');
    expect(reasons({ timeouts: { bootstrap: 1500.5 } })).toHaveLength(1);
    expect(reasons({ timeouts: { mount: '3000' } })).toHaveLength(1);
  });
});

describe('manifest canary', () => {
  const canary = {
    remote: { name: 'carpeta_taxes', entry: 'http://127.0.0.1:4301/remoteEntry.js', expose: './lifecycles' },
    percent: 10,
    version: '1.1.0',
  };

  it('accepts a second remote with a percentage from 0 to 100', () => {
    for (const percent of [0, 0.5, 10, 100]) expect(reasons({ canary: { ...canary, percent } })).toEqual([]);
    const config = { version: 1, mfes: [{ ...entry, canary }] };
    const parsed = parseManifest(config, { entrySchema: configuredEntrySchema })
      .entries[0] as ConfiguredEntry;
    expect(parsed.canary?.remote.type).toBe('module');
    // The browser's schema never keeps it.
    expect(parseManifest(config).entries[0]).not.toHaveProperty('canary');
  });

  it('rejects a percentage out of range, a bad remote or version', () => {
    expect(reasons({ canary: { ...canary, percent: 101 } })).toHaveLength(1);
    expect(reasons({ canary: { ...canary, percent: -1 } })).toHaveLength(1);
    expect(reasons({ canary: { ...canary, percent: undefined } })).toHaveLength(1);
    expect(
      reasons({ canary: { ...canary, remote: { ...canary.remote, entry: 'javascript:1' } } }),
    ).toHaveLength(1);
    expect(reasons({ canary: { ...canary, version: 'next' } })).toHaveLength(1);
  });

  it('knows the variants the gateway may label an entry with', () => {
    expect(reasons({ variant: 'canary' })).toEqual([]);
    expect(reasons({ variant: 'beta' })).toHaveLength(1);
  });
});
