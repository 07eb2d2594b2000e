import type { ConfiguredEntry } from '@carpeta/sdk/rollout';
import { testManifestEntry } from '@carpeta/sdk/testing/manifest';
import { describe, expect, it } from 'vitest';
import { assignVariant, canaryBucket, inCanary } from './canary.ts';

const subjects = Array.from({ length: 20_000 }, (_, index) => `${String(index).padStart(8, '0')}T`);

describe('canary assignment', () => {
  it('is sticky: the same subject and entry always get the same variant', () => {
    for (const subject of subjects.slice(0, 200)) {
      expect(inCanary(subject, 'files', 37)).toBe(inCanary(subject, 'files', 37));
      expect(canaryBucket(subject, 'files')).toBe(canaryBucket(subject, 'files'));
    }
  });

  it.each([1, 10, 50, 90])('puts about %i %% of many subjects in the canary', (percent) => {
    const share = subjects.filter((subject) => inCanary(subject, 'files', percent)).length / subjects.length;
    expect(Math.abs(share * 100 - percent)).toBeLessThan(1.5);
  });

  it('never at 0 %, always at 100 %, and raising the percentage only adds citizens', () => {
    expect(subjects.some((subject) => inCanary(subject, 'files', 0))).toBe(false);
    expect(subjects.every((subject) => inCanary(subject, 'files', 100))).toBe(true);
    const at10 = subjects.filter((subject) => inCanary(subject, 'files', 10));
    expect(at10.every((subject) => inCanary(subject, 'files', 20))).toBe(true);
  });

  it('draws independently per entry', () => {
    const both = subjects.filter(
      (subject) => inCanary(subject, 'files', 50) && inCanary(subject, 'appointments', 50),
    ).length;
    expect(Math.abs(both / subjects.length - 0.25)).toBeLessThan(0.02);
  });

  it('serves the chosen remote with its version label, and keeps the canary configuration in the gateway', () => {
    const entry: ConfiguredEntry = {
      ...testManifestEntry('files', { integrity: `sha384-${'A'.repeat(64)}` }),
      canary: {
        remote: {
          name: 'carpeta_files',
          entry: 'https://canary.example/remoteEntry.js',
          expose: './lifecycles',
          type: 'module',
        },
        percent: 100,
        version: '2.0.0',
      },
    };
    const canary = assignVariant(entry, '12345678Z');
    expect(canary).toMatchObject({ variant: 'canary', version: '2.0.0' });
    expect(canary.remote.entry).toBe('https://canary.example/remoteEntry.js');
    expect(canary.integrity).toBeUndefined();
    expect(canary).not.toHaveProperty('canary');

    const stable = assignVariant(entry, null);
    expect(stable).toMatchObject({ variant: 'stable', version: '1.0.0', integrity: entry.integrity });
    expect(stable.remote.entry).toBe('https://files.example/remoteEntry.js');
    expect(stable).not.toHaveProperty('canary');
    // An entry without a canary is left as it is.
    const plain = testManifestEntry('home');
    expect(assignVariant(plain, '12345678Z')).toBe(plain);
  });
});
