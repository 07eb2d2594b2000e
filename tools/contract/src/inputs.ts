// What the contract's build (each package's dist/, the sdk's copy of the conformance host page) and
// its tarballs are made of, hashed: `packedContract` builds and packs again only when it changed.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { outsideEnvironment } from './outside.ts';
import { ROOT } from './packages.ts';

/**
 * The folders and files whose content goes into the contract's build and tarballs: both packages
 * (sources, package.json, reports, README), the conformance host the sdk ships, the build itself,
 * and the versions and settings every build reads.
 */
export const CONTRACT_INPUTS = [
  'sdk',
  'design-system',
  'tools/conformance-host',
  'tools/contract/src',
  'package.json',
  'pnpm-lock.yaml',
  'pnpm-workspace.yaml',
  'tsconfig.json',
];

/**
 * The hash of every contract input (path and bytes, tracked or new but not ignored), of the Node
 * version and of the `VITE_*` variables the conformance host's build reads. `undefined` outside a
 * git work tree: then nothing can be known and every call builds.
 */
export function contractInputsHash(root = ROOT): string | undefined {
  let listing: string;
  try {
    listing = execFileSync(
      'git',
      ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...CONTRACT_INPUTS],
      { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] },
    );
  } catch {
    return undefined;
  }
  const hash = createHash('sha256');
  hash.update(`node ${process.version}\n`);
  const env = outsideEnvironment();
  for (const name of Object.keys(env)
    .filter((key) => key.startsWith('VITE_'))
    .sort())
    hash.update(`env ${name}=${env[name] ?? ''}\n`);
  for (const file of [...new Set(listing.split('\0').filter(Boolean))].sort()) {
    const path = join(root, file);
    // Listed by the index but deleted in the work tree: its absence is the input.
    if (!existsSync(path) || !statSync(path).isFile()) {
      hash.update(`gone ${file}\n`);
      continue;
    }
    hash.update(`file ${file}\n`);
    hash.update(readFileSync(path));
    hash.update('\n');
  }
  return hash.digest('hex');
}
