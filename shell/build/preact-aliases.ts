import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { REACT_AS_PREACT } from '@carpeta/sdk/federation';

/**
 * `react`, `react-dom`… resolved to Preact's compatibility layer, as the remotes' shares are
 * (`REACT_AS_PREACT`), so that the browser's build and the server render each have one Preact.
 * Preact's own modules (`preact/compat`, `preact/compat/client`…) stay package names, which Vite
 * resolves with the build's conditions: Preact's `browser` files in the browser's build, its
 * `import` files for Node in the server render's. Resolved here by Node, `react-dom` was
 * `compat.mjs` (the `import` file) where every other import of `preact/compat` in the browser's
 * build was `compat.module.js`: the federation host carried a second copy of it (3.9 KB gzip), and
 * the remotes' `react` and `react-dom` were two copies. The sdk's shim (`react`) is a file of the
 * sdk, resolved here: the design system's sources, which import `react`, do not depend on the sdk.
 */
export const preactAliases = Object.entries(REACT_AS_PREACT).map(([name, share]) => ({
  find: new RegExp(`^${name.replace(/[/-]/g, '\\$&')}$`),
  replacement: share.import.startsWith('preact/')
    ? share.import
    : fileURLToPath(import.meta.resolve(share.import)),
}));

/** A built file of Preact or of one of its subpackages: `preact/compat/dist/compat.module.js`. */
const PREACT_DIST = /[\\/]node_modules[\\/]preact[\\/](?:([a-z-]+)[\\/])?dist[\\/]([^\\/]+)$/;

/**
 * Preact's packages of which a build holds more than one file (`compat: compat.mjs,
 * compat.module.js`): each is a second copy of that package, of its state and of the hooks it
 * installs into Preact.
 */
export function preactCopies(moduleIds: Iterable<string>): string[] {
  const files = new Map<string, Set<string>>();
  for (const id of moduleIds) {
    const match = PREACT_DIST.exec(id);
    if (!match) continue;
    const name = match[1] ? `preact/${match[1]}` : 'preact';
    files.set(name, (files.get(name) ?? new Set()).add(match[2] as string));
  }
  return [...files]
    .filter(([, names]) => names.size > 1)
    .map(([name, names]) => `${name}: ${[...names].sort().join(', ')}`);
}

/** A Vite plugin that refuses a build holding two copies of a Preact package (`preactCopies`). */
export function onePreact(): Plugin {
  return {
    name: 'carpeta:one-preact',
    apply: 'build',
    generateBundle(_options, bundle) {
      const ids = Object.values(bundle).flatMap((file) => (file.type === 'chunk' ? file.moduleIds : []));
      const copies = preactCopies(ids);
      if (copies.length > 0)
        this.error(
          `the build holds more than one copy of Preact's ${copies.join('; ')} (see build/preact-aliases.ts)`,
        );
    },
  };
}
