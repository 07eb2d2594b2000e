import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { BUILT_STAMPS, buildPackage, builtFrom } from './build.ts';
import { contractInputsHash } from './inputs.ts';
import { CONTRACT_PACKAGES, packageDir, ROOT } from './packages.ts';

/**
 * Packs the workspace package at `dir` as the registry would serve it (`pnpm pack`: `publishConfig`
 * applied, `workspace:` versions replaced, its `prepack` run) into `destination`; returns the tarball's path.
 */
export function packPackage(dir: string, destination: string): string {
  const out = resolve(destination);
  mkdirSync(out, { recursive: true });
  const before = new Set(readdirSync(out));
  const result = spawnSync('pnpm', ['pack', '--pack-destination', out], { cwd: dir, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pnpm pack failed in ${dir}:\n${result.stdout}${result.stderr}`);
  const tarball = readdirSync(out).find((file) => file.endsWith('.tgz') && !before.has(file));
  const packed = tarball ?? result.stdout.trim().split('\n').at(-1) ?? '';
  return join(out, packed.replace(/^.*\//, ''));
}

/**
 * Packs the built packages as the registry would serve them (`pnpm pack`: `publishConfig`
 * applied, `workspace:` versions replaced) into `destination`; returns the tarballs' paths.
 */
export function packContract(destination = join(ROOT, '.carpeta', 'contract')): string[] {
  return CONTRACT_PACKAGES.map((name) => packPackage(packageDir(name), destination));
}

/** Builds each contract package whose dist/ was not built from `inputs` (all of them when unknown). */
export function buildContract(inputs = contractInputsHash()): void {
  for (const name of CONTRACT_PACKAGES)
    if (inputs === undefined || builtFrom(name) !== inputs) buildPackage(name, inputs);
}

/**
 * The contract built and packed, in `CONTRACT_PACKAGES` order, from what the packages are now: the
 * tarballs are kept under `.carpeta/contract/cache/packed-<inputs>` and packed again (each dist/
 * rebuilt first if needed) only when an input changed (`contractInputsHash`), so the contract test
 * and the agency's e2e spec of one `npm test` share one build and one pack. Each package's dist/ is
 * the build the tarballs hold.
 */
export function packedContract(): string[] {
  const inputs = contractInputsHash();
  buildContract(inputs);
  if (inputs === undefined) return packContract();
  const folder = join(BUILT_STAMPS, `packed-${inputs}`);
  const list = join(folder, 'tarballs.json');
  if (existsSync(list)) {
    const tarballs = (JSON.parse(readFileSync(list, 'utf8')) as string[]).map((name) => join(folder, name));
    if (tarballs.length === CONTRACT_PACKAGES.length && tarballs.every((path) => existsSync(path)))
      return tarballs;
  }
  // Only the current inputs' tarballs are kept.
  mkdirSync(BUILT_STAMPS, { recursive: true });
  for (const entry of readdirSync(BUILT_STAMPS))
    if (entry.startsWith('packed-')) rmSync(join(BUILT_STAMPS, entry), { recursive: true, force: true });
  // Packed aside and moved in whole: a folder with the list is always complete.
  const partial = join(BUILT_STAMPS, `partial-${process.pid}`);
  rmSync(partial, { recursive: true, force: true });
  const names = packContract(partial).map((path) => basename(path));
  writeFileSync(join(partial, 'tarballs.json'), `${JSON.stringify(names)}\n`);
  renameSync(partial, folder);
  return names.map((name) => join(folder, name));
}
