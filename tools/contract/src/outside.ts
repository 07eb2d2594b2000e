// An MFE's package outside the workspace, as an agency's repository has it: the contract from the
// packed tarballs, everything else from pnpm's store, commands run as the agency's shell runs them.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTRACT_PACKAGES, readPackage } from './packages.ts';

/**
 * The environment of a shell, not of a test runner: Vitest's variables (VITEST, NODE_ENV=test)
 * would make a build skip federation.
 */
export function outsideEnvironment(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV' && key !== 'TEST',
    ),
  );
  env.CI = 'true';
  return env;
}

/** Runs a command in `cwd` as the agency would; returns its output, throws with it when it fails. */
export function runOutside(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: outsideEnvironment() });
  if (result.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status ?? result.signal}) in ${cwd}\n${result.stdout}\n${result.stderr}`,
    );
  return result.stdout;
}

/**
 * Points the package's dependencies on the contract at the tarballs of `packContract` (in its
 * order), where an agency's would name the registry's versions.
 */
export function useContractTarballs(app: string, tarballs: string[]): void {
  const file = join(app, 'package.json');
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as { dependencies?: Record<string, string> };
  CONTRACT_PACKAGES.forEach((name, index) => {
    const tarball = tarballs[index];
    if (!tarball) throw new Error(`no tarball for ${name}`);
    pkg.dependencies = { ...pkg.dependencies, [readPackage(name).name]: `file:${tarball}` };
  });
  writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
}

/**
 * Installs the package at `app` on its own (not as part of the workspace), from pnpm's store when it
 * can. Install scripts stay off (esbuild's, through Storybook, is not needed: Vite brings its own
 * bundler), and pnpm is told not to fail on the scripts it skipped.
 */
export function installOutside(app: string): void {
  runOutside(
    'pnpm',
    [
      'install',
      '--prefer-offline',
      '--ignore-workspace',
      '--config.strict-peer-dependencies=false',
      '--config.strict-dep-builds=false',
    ],
    app,
  );
}
