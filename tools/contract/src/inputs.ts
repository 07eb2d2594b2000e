// What the contract's build (each package's dist/, the sdk's copy of the conformance host page) and
// its tarballs are made of, hashed: `packedContract` builds and packs again only when it changed.
import { inputsHash } from '../../../scripts/lib/build-inputs.ts';
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
 * version and of the `VITE_*` variables the conformance host's build reads (`inputsHash`, as for
 * the browser builds). `undefined` outside a git work tree: then nothing can be known and every
 * call builds.
 */
export function contractInputsHash(root = ROOT): string | undefined {
  return inputsHash(root, { paths: CONTRACT_INPUTS, env: /^VITE_/ }, outsideEnvironment());
}
