import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** What an outside repository depends on: these two packages, versioned together. */
export const CONTRACT_PACKAGES = ['sdk', 'design-system'] as const;
export type ContractPackage = (typeof CONTRACT_PACKAGES)[number];

type ExportTarget = string | { types: string; default: string };

export interface PackageJson {
  name: string;
  version: string;
  exports: Record<string, string>;
  files?: string[];
  publishConfig?: { exports?: Record<string, ExportTarget>; bin?: Record<string, string> };
}

export function packageDir(name: ContractPackage): string {
  return join(ROOT, name);
}

export function readPackage(name: ContractPackage): PackageJson {
  return JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')) as PackageJson;
}

/**
 * Subpaths that are not Carpeta's API: `./preact/*` is React's API as Preact implements it (the
 * shared `react`), and stylesheets have no types. Everything else has an API report.
 */
export function reportsApi(
  subpath: string,
  target: ExportTarget,
): target is { types: string; default: string } {
  return typeof target !== 'string' && !subpath.startsWith('./preact/');
}

/** The report's file name for a subpath: `.` is `index`, `./testing/props` is `testing-props`. */
export function reportName(subpath: string): string {
  return subpath === '.' ? 'index' : subpath.slice(2).replaceAll('/', '-');
}

/**
 * What is wrong with a package's published entry points after a build: a workspace entry with no
 * published counterpart, or a published file that is not there.
 */
export function publishProblems(name: ContractPackage): string[] {
  const pkg = readPackage(name);
  const published = pkg.publishConfig?.exports ?? {};
  const problems: string[] = [];
  for (const subpath of Object.keys(pkg.exports))
    if (!(subpath in published)) problems.push(`${pkg.name}: "${subpath}" is not in publishConfig.exports`);
  for (const [subpath, target] of Object.entries(published)) {
    const files = typeof target === 'string' ? [target] : [target.types, target.default];
    for (const file of files)
      if (!existsSync(join(packageDir(name), file)))
        problems.push(`${pkg.name}: "${subpath}" names ${file}, which the build did not write`);
  }
  for (const [bin, file] of Object.entries(pkg.publishConfig?.bin ?? {}))
    if (!existsSync(join(packageDir(name), file)))
      problems.push(`${pkg.name}: the bin "${bin}" names ${file}, which the build did not write`);
  return problems;
}
