import type { ManifestEntry } from '../manifest.ts';

/**
 * A valid manifest entry for tests: `id` names it, routes it (`home` is "/") and gives its remote
 * the origin `https://<id>.example`; `extra` overrides any field. No framework code: usable from
 * the gateway's tests as well as the browser's.
 */
export function testManifestEntry(id: string, extra: Partial<ManifestEntry> = {}): ManifestEntry {
  return {
    id,
    title: { es: id },
    owner: { id: 'x', name: 'X' },
    kind: 'domain',
    route: id === 'home' ? '/' : `/${id}`,
    nav: { order: 10, show: true },
    framework: 'react',
    remote: {
      name: `carpeta_${id.replaceAll('-', '_')}`,
      entry: `https://${id}.example/remoteEntry.js`,
      expose: './lifecycles',
      type: 'module',
    },
    minLoa: 'low',
    public: false,
    api: [],
    scopes: [],
    version: '1.0.0',
    ...extra,
  };
}
