import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
