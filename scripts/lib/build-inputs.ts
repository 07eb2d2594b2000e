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

/**
 * The hash of every build input (path and bytes, tracked or new but not ignored), of the Node
 * version and of the environment a build reads. `undefined` outside a git work tree: then nothing
 * can be known about the inputs and every build runs.
 */
export function buildInputsHash(root: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  let listing: string;
  try {
    listing = execFileSync(
      'git',
      ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...BUILD_INPUTS],
      { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] },
    );
  } catch {
    return undefined;
  }
  const files = [...new Set(listing.split('\0').filter(Boolean))]
    .filter((file) => !NOT_BUILT.test(file))
    .sort();
  const hash = createHash('sha256');
  hash.update(`node ${process.version}\n`);
  for (const name of Object.keys(env)
    .filter((key) => BUILD_ENV.test(key))
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
