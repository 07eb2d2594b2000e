import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import {
  buildPackage,
  CONTRACT_PACKAGES,
  installOutside,
  outsideEnvironment,
  packContract,
  packPackage,
  ROOT,
  runOutside,
  useContractTarballs,
} from '@carpeta/contract';
import { afterAll, describe, expect, it } from 'vitest';
import { MANIFEST_CONFIG } from './scaffold.ts';
import { CONTRACT_RANGE } from './templates.ts';

// `npm create carpeta-mfe` as an agency runs it: the packed scaffolder, run by npm on the Node it
// finds (not this repository's), in a folder outside any Carpeta checkout; then the package it
// wrote, installed with the packed contract, type-checked, built and tested on its own.
const work = mkdtempSync(join(tmpdir(), 'carpeta-create-mfe-'));

afterAll(() => {
  if (!process.env.CARPETA_KEEP_CONTRACT_WORK) rmSync(work, { recursive: true, force: true });
});

/** A shell's environment without this repository's tools (its Node, pnpm's npm_* settings). */
function agencyShell(): NodeJS.ProcessEnv {
  const env = outsideEnvironment();
  for (const key of Object.keys(env)) if (key.startsWith('npm_')) delete env[key];
  env.PATH = (env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => !dir.includes('node_modules'))
    .join(delimiter);
  return env;
}

describe('npm create carpeta-mfe, outside the repository', () => {
  it('writes a package of its own on the contract’s registry range, that installs, builds and passes its test', () => {
    const seconds: Record<string, number> = {};
    let started = performance.now();
    const lap = (step: string) => {
      seconds[step] = Math.round((performance.now() - started) / 100) / 10;
      started = performance.now();
    };
    const manifestBefore = readFileSync(join(ROOT, MANIFEST_CONFIG), 'utf8');

    for (const name of CONTRACT_PACKAGES) buildPackage(name);
    const tarballs = packContract(join(work, 'tarballs'));
    const scaffolder = packPackage(join(ROOT, 'tools', 'create-mfe'), join(work, 'tarballs'));
    lap('packed');
    const packed = spawnSync('tar', ['-xzOf', scaffolder, 'package/package.json'], { encoding: 'utf8' });
    const published = JSON.parse(packed.stdout) as {
      bin: Record<string, string>;
      dependencies: Record<string, string>;
    };
    expect(published.bin['create-carpeta-mfe']).toBe('./dist/cli.js');
    expect(published.dependencies['@carpeta/sdk']).toBe(CONTRACT_RANGE);

    const env = agencyShell();
    const node = spawnSync('node', ['--version'], { encoding: 'utf8', env }).stdout.trim();
    expect(Number(/^v(\d+)/.exec(node)?.[1])).toBeGreaterThanOrEqual(20);
    const agency = join(work, 'agency');
    mkdirSync(agency);
    const created = spawnSync(
      'npm',
      [
        'exec',
        '--yes',
        '--prefer-offline',
        `--package=${scaffolder}`,
        // The contract is not on the registry here: its tarball stands for the published version.
        `--package=${tarballs[0]}`,
        '--',
        'create-carpeta-mfe',
        '--name=tributos',
        '--owner=L01280796',
        '--owner-name=Ayuntamiento de Madrid',
        '--audience=municipality:28079',
        '--yes',
      ],
      { cwd: agency, encoding: 'utf8', env },
    );
    const output = `${created.stdout}\n${created.stderr}`;
    expect(created.status, output).toBe(0);
    lap(`scaffolded by npm exec on Node ${node}`);

    // Nothing registered: the entry is printed for the portal's operators, the repository untouched.
    expect(readdirSync(agency)).toEqual(['tributos']);
    expect(readFileSync(join(ROOT, MANIFEST_CONFIG), 'utf8')).toBe(manifestBefore);
    const printed = /\n(\{\n[\s\S]*?\n\})\n/.exec(created.stdout)?.[1];
    expect(JSON.parse(printed ?? 'null')).toMatchObject({
      id: 'tributos',
      owner: { id: 'L01280796', name: 'Ayuntamiento de Madrid' },
      remote: { name: 'carpeta_tributos', expose: './lifecycles' },
      audience: { municipalities: ['28079'] },
    });
    const app = join(agency, 'tributos');
    const pkg = readFileSync(join(app, 'package.json'), 'utf8');
    expect(pkg).not.toContain('workspace:');
    expect(JSON.parse(pkg)).toMatchObject({
      dependencies: { '@carpeta/sdk': CONTRACT_RANGE, '@carpeta/design-system': CONTRACT_RANGE },
    });
    expect(readFileSync(join(app, 'tsconfig.json'), 'utf8')).not.toContain('extends');

    useContractTarballs(app, tarballs);
    installOutside(app);
    lap('installed');
    runOutside(
      process.execPath,
      [join(app, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'],
      app,
    );
    runOutside(process.execPath, [join(app, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], app);
    expect(existsSync(join(app, 'dist', 'remoteEntry.js'))).toBe(true);
    expect(readFileSync(join(app, 'dist', 'mf-manifest.json'), 'utf8')).toContain('"carpeta_tributos"');
    lap('type-checked and built');
    const tests = runOutside(
      process.execPath,
      [join(app, 'node_modules', 'vitest', 'vitest.mjs'), 'run'],
      app,
    );
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the colours of the report
    expect(tests.replace(/\u001b\[[0-9;]*m/g, '')).toMatch(/Tests\s+1 passed \(1\)/);
    lap('its test passed');
    console.log(`npm create carpeta-mfe outside the repository, seconds: ${JSON.stringify(seconds)}`);
  }, 600_000);
});
