// What the browser builds (the shell, every MFE, the e2e fixture remotes, the conformance kit's host page) are made of, hashed: when
// nothing that goes into them changed since the last successful build, `pnpm build` (and so
// `npm start`) does not build again.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The folders and files whose content goes into a browser build. */
export const BUILD_INPUTS = [
  'shell',
  'mfes',
  'sdk',
  'design-system',
  'e2e/fixtures',
  'tools/conformance-host',
  // The accessibility statement shows the latest audit's summary (shell/src/pages/audit-summary-data.ts).
  'docs/accessibility/audit-summary.json',
  'package.json',
  'pnpm-lock.yaml',
  'pnpm-workspace.yaml',
  'tsconfig.json',
];

/** Files under those folders that no build reads: tests, stories, docs. */
const NOT_BUILT = /(\.(test|spec)\.[cm]?[jt]sx?|\.stories\.[jt]sx?|\.mdx?|\/vitest\.config\.[cm]?ts)$/;

/** Environment variables a build reads. */
const BUILD_ENV = /^(NODE_ENV|VITE_.*)$/;

/** What `inputsHash` hashes: the paths (folders or files), the files among them left out, and the variables. */
export interface InputsSpec {
  paths: readonly string[];
  exclude?: RegExp;
  env: RegExp;
}

/**
 * The hash of every file under `spec.paths` (path and bytes, tracked or new but not ignored, less
 * `spec.exclude`), of the Node version and of the variables of `env` that `spec.env` matches.
 * `undefined` outside a git work tree: then nothing can be known about the inputs. Used for the
 * browser builds (`buildInputsHash`) and the contract's build and tarballs (tools/contract).
 */
export function inputsHash(root: string, spec: InputsSpec, env: NodeJS.ProcessEnv): string | undefined {
  let listing: string;
  try {
    listing = execFileSync(
      'git',
      ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...spec.paths],
      { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] },
    );
  } catch {
    return undefined;
  }
  const files = [...new Set(listing.split('\0').filter(Boolean))]
    .filter((file) => !spec.exclude?.test(file))
    .sort();
  const hash = createHash('sha256');
  hash.update(`node ${process.version}\n`);
  for (const name of Object.keys(env)
    .filter((key) => spec.env.test(key))
    .sort()) {
    hash.update(`env ${name}=${env[name] ?? ''}\n`);
  }
  for (const file of files) {
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

/**
 * The hash of every build input, of the Node version and of the environment a build reads.
 * `undefined` outside a git work tree: then every build runs.
 */
export function buildInputsHash(root: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return inputsHash(root, { paths: BUILD_INPUTS, exclude: NOT_BUILT, env: BUILD_ENV }, env);
}
