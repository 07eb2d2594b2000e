import { describe, expect, it } from 'vitest';
import { incompatibleShare, type SharedInfos } from './shared-versions.ts';

const major = (version: string, range: string) =>
  version.split('.')[0] === range.replace(/^\^/, '').split('.')[0];
const host: SharedInfos = { '@carpeta/sdk': [{ version: '1.1.0' }], preact: [{ version: '10.29.8' }] };

describe('incompatibleShare', () => {
  it('refuses a remote that strictly requires another major of a module the host provides', () => {
    const remote: SharedInfos = {
      '@carpeta/sdk': [{ version: '2.0.0', shareConfig: { requiredVersion: '^2.0.0', strictVersion: true } }],
    };
    expect(incompatibleShare(host, remote, major)).toBe(
      'was built against @carpeta/sdk ^2.0.0; this portal provides 1.1.0',
    );
  });

  it('accepts the same major, loose requirements and modules the host does not provide', () => {
    const remote: SharedInfos = {
      '@carpeta/sdk': [{ version: '1.0.0', shareConfig: { requiredVersion: '^1.0.0', strictVersion: true } }],
      preact: [{ version: '11.0.0', shareConfig: { requiredVersion: '^11.0.0', strictVersion: false } }],
      '@angular/core': [
        { version: '22.2.6', shareConfig: { requiredVersion: '^22.0.0', strictVersion: true } },
      ],
    };
    expect(incompatibleShare(host, remote, major)).toBeUndefined();
    expect(incompatibleShare(undefined, remote, major)).toBeUndefined();
    expect(incompatibleShare(host, undefined, major)).toBeUndefined();
  });
});
