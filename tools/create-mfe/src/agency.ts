// An administration's path outside this repository, as its team walks it: `npm create carpeta-mfe`
// (the packed scaffolder, run by npm on the Node it finds), then the package it wrote installed with
// the contract, type-checked, built and tested on its own. The contract is not on a registry here:
// its tarballs (`npm run contract:pack`) stand for the published versions. Used by the e2e spec that
// mounts the result in the running portal (e2e/tests/agency.spec.ts) and by `npm run new:mfe:measure`.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import {
  installOutside,
  outsideEnvironment,
  packedContract,
  packPackage,
  ROOT,
  runOutside,
  useContractTarballs,
} from '@carpeta/contract';
import type { ConfigEntry } from './options.ts';

/** A shell's environment without this repository's tools (its Node, pnpm's npm_* settings). */
export function agencyShell(): NodeJS.ProcessEnv {
  const env = outsideEnvironment();
  for (const key of Object.keys(env)) if (key.startsWith('npm_')) delete env[key];
  env.PATH = (env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => !dir.includes('node_modules'))
    .join(delimiter);
  return env;
}

/** Runs a command as the agency's shell would; throws with its output when it fails. */
export function agencyRun(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: agencyShell() });
  if (result.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status ?? result.signal}) in ${cwd}\n${result.stdout}\n${result.stderr}`,
    );
  return result.stdout;
}

/** The packed contract and scaffolder, as a registry would hold them. */
export interface PackedKit {
  /** The contract's tarballs, in `CONTRACT_PACKAGES` order. */
  contract: string[];
  /** The scaffolder's tarball (`create-carpeta-mfe`). */
  scaffolder: string;
}

/**
 * The contract built and packed (`packedContract`: reused when nothing that goes into it changed,
 * e.g. packed by the contract test earlier in the same `npm test`) and the scaffolder packed into
 * `destination`.
 */
export function packKit(destination: string): PackedKit {
  const contract = packedContract();
  const scaffolder = packPackage(join(ROOT, 'tools', 'create-mfe'), destination);
  return { contract, scaffolder };
}

/** What the agency answers the scaffolder (flags of `create-carpeta-mfe`). */
export interface AgencyAnswers {
  name: string;
  title: string;
  owner: string;
  ownerName: string;
  audience: string;
}

export const TRIBUTOS: AgencyAnswers = {
  name: 'tributos',
  title: 'Tributos municipales',
  owner: 'L01280796',
  ownerName: 'Ayuntamiento de Madrid',
  audience: 'municipality:28079',
};

export interface ScaffoldedOutside {
  /** The package's folder. */
  app: string;
  /** What the scaffolder printed. */
  output: string;
  /** The manifest entry it printed for the portal's operators (its URL holds a variable). */
  entry: ConfigEntry;
  /** The Node the agency's shell runs (e.g. "v20.20.0"). */
  node: string;
}

/** `npm create carpeta-mfe` in `folder` (outside any checkout), with `answers`, no prompt. */
export function scaffoldOutside(kit: PackedKit, folder: string, answers: AgencyAnswers): ScaffoldedOutside {
  const env = agencyShell();
  const node = spawnSync('node', ['--version'], { encoding: 'utf8', env }).stdout.trim();
  mkdirSync(folder, { recursive: true });
  const created = spawnSync(
    'npm',
    [
      'exec',
      '--yes',
      '--prefer-offline',
      `--package=${kit.scaffolder}`,
      // The contract is not on the registry here: its tarball stands for the published version.
      `--package=${kit.contract[0]}`,
      '--',
      'create-carpeta-mfe',
      `--name=${answers.name}`,
      `--title=${answers.title}`,
      `--owner=${answers.owner}`,
      `--owner-name=${answers.ownerName}`,
      `--audience=${answers.audience}`,
      '--yes',
    ],
    { cwd: folder, encoding: 'utf8', env },
  );
  const output = `${created.stdout}\n${created.stderr}`;
  if (created.status !== 0) throw new Error(`npm create carpeta-mfe failed (${created.status})\n${output}`);
  const printed = /\n(\{\n[\s\S]*?\n\})\n/.exec(created.stdout)?.[1];
  if (!printed) throw new Error(`npm create carpeta-mfe printed no manifest entry\n${output}`);
  return { app: join(folder, answers.name), output, entry: JSON.parse(printed) as ConfigEntry, node };
}

/** Installs the scaffolded package with the contract's tarballs, then type-checks and builds it. */
export function installAndBuild(kit: PackedKit, app: string): void {
  useContractTarballs(app, kit.contract);
  installOutside(app);
  runOutside(
    process.execPath,
    [join(app, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'],
    app,
  );
  runOutside(process.execPath, [join(app, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], app);
}

/** Its own tests (`npm test`): returns the report, colours removed. */
export function testOutside(app: string): string {
  const report = agencyRun('npm', ['test'], app);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the colours of the report
  return report.replace(/\u001b\[[0-9;]*m/g, '');
}

/** Its conformance run (`npm run conformance`, the sdk's kit on `dist/`): exit status and report. */
export function conformanceOutside(app: string): { status: number | null; report: string } {
  const result = spawnSync('npm', ['run', '--silent', 'conformance', '--', '--quiet'], {
    cwd: app,
    encoding: 'utf8',
    env: agencyShell(),
  });
  return { status: result.status, report: `${result.stdout}\n${result.stderr}` };
}
