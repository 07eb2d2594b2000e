import { testManifestEntry } from '@carpeta/sdk/testing/manifest';
import { expect, it, vi } from 'vitest';

// The federation host's chunk does not arrive (offline, or a deployment replaced it meanwhile).
vi.mock('./federation-host.ts', () => {
  throw new TypeError('Failed to fetch dynamically imported module');
});
const { loadLifecycles, RemoteLoadError } = await import('./federation.ts');

it('a federation runtime that cannot be loaded is a load failure of the MFE, with its cause', async () => {
  const error: unknown = await loadLifecycles(testManifestEntry('home'), 1000).catch((caught) => caught);
  expect(error).toBeInstanceOf(RemoteLoadError);
  expect(error).toMatchObject({ failure: 'load', mfeId: 'home' });
  expect((error as Error).cause).toBeInstanceOf(Error);
});
