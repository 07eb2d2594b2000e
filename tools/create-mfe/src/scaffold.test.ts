import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { MESSAGES_CHUNK } from '@carpeta/sdk/federation';
import { afterAll, describe, expect, it } from 'vitest';
import { MANIFEST_CONFIG, readWorkspace, scaffold } from './scaffold.ts';

// Scaffolds into a copy of the repository's layout (its manifest configuration and the shipped
// MFEs' package.json files) under .carpeta/, so the real manifest is never touched; the new packages
// borrow the installed dependencies of the shipped MFE of the same framework, as `pnpm install`
// would link them.
const ROOT = join(import.meta.dirname, '..', '..', '..');
const scratch = join(ROOT, '.carpeta', 'create-mfe-test');
mkdirSync(scratch, { recursive: true });
const root = mkdtempSync(join(scratch, 'repo-'));

function layOutCopy(): void {
  copyFileSync(join(ROOT, 'tsconfig.json'), join(root, 'tsconfig.json'));
  // The repository's own vitest.config.ts lists every package's project the same way.
  writeFileSync(
    join(root, 'vitest.config.ts'),
    `import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { projects: ['mfes/*/vitest.config.ts'] } });\n`,
  );
  mkdirSync(join(root, 'gateway', 'config'), { recursive: true });
  copyFileSync(join(ROOT, MANIFEST_CONFIG), join(root, MANIFEST_CONFIG));
  for (const name of readWorkspace(ROOT).packages) {
    if (!existsSync(join(ROOT, 'mfes', name, 'package.json'))) continue;
    mkdirSync(join(root, 'mfes', name), { recursive: true });
    copyFileSync(join(ROOT, 'mfes', name, 'package.json'), join(root, 'mfes', name, 'package.json'));
  }
}

/** The environment of a shell, not of this test: Vitest's variables would make the build skip federation. */
function shellEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: '1' };
  for (const name of Object.keys(env)) if (name.startsWith('VITEST') || name === 'NODE_ENV') delete env[name];
  return env;
}

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: shellEnvironment() });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('pnpm new:mfe', () => {
  it('writes a React, a plain-JavaScript and an Angular MFE that build and pass their own tests, registered with free ports', () => {
    layOutCopy();
    const realManifest = readFileSync(join(ROOT, MANIFEST_CONFIG), 'utf8');
    const shipped = readWorkspace(root);

    const react = scaffold(
      {
        name: 'kit-tributos',
        owner: 'L01280796',
        ownerName: 'Ayuntamiento de Madrid',
        title: 'Tributos <municipales>',
        audience: 'municipality:28079',
      },
      { root },
    );
    const vanilla = scaffold(
      { name: 'kit-tasas', owner: 'L01280796', framework: 'vanilla', minLoa: 'low' },
      { root },
    );
    const angular = scaffold(
      { name: 'kit-padron', owner: 'L01280796', framework: 'angular', title: 'Padrón' },
      { root },
    );

    // Registered: each on a port no other MFE uses, each in the manifest configuration once.
    const after = readWorkspace(root);
    expect(new Set(after.portOffsets).size).toBe(after.portOffsets.length);
    expect(shipped.portOffsets).not.toContain(react.portOffset);
    expect(new Set([react.portOffset, vanilla.portOffset, angular.portOffset]).size).toBe(3);
    expect(after.entries.slice(shipped.entries.length)).toEqual([
      { id: 'kit-tributos', route: '/kit-tributos' },
      { id: 'kit-tasas', route: '/kit-tasas' },
      { id: 'kit-padron', route: '/kit-padron' },
    ]);
    expect(angular.entry.framework).toBe('angular');
    // A second run with the same name is refused, and writes nothing.
    expect(() => scaffold({ name: 'kit-tasas', owner: 'L01280796' }, { root })).toThrow(
      /mfes\/kit-tasas already exists/,
    );
    expect(readWorkspace(root).entries).toHaveLength(after.entries.length);
    expect(readFileSync(join(ROOT, MANIFEST_CONFIG), 'utf8')).toBe(realManifest);

    symlinkSync(join(ROOT, 'mfes', 'health', 'node_modules'), join(react.dir, 'node_modules'), 'dir');
    symlinkSync(join(ROOT, 'mfes', 'municipal', 'node_modules'), join(vanilla.dir, 'node_modules'), 'dir');
    symlinkSync(
      join(ROOT, 'mfes', 'representation', 'node_modules'),
      join(angular.dir, 'node_modules'),
      'dir',
    );

    for (const mfe of [react, vanilla, angular]) {
      const build = run([join(mfe.dir, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], mfe.dir);
      expect(build.status, build.output).toBe(0);
      const manifest = readFileSync(join(mfe.dir, 'dist', 'mf-manifest.json'), 'utf8');
      expect(manifest).toContain(`"${mfe.entry.remote.name}"`);
      expect(existsSync(join(mfe.dir, 'dist', 'remoteEntry.js'))).toBe(true);
      // Each language but Spanish is a chunk of its own that the exposed module loads on demand, and
      // that the gateway can hint on a page in that language.
      const chunks = readdirSync(join(mfe.dir, 'dist', 'assets')).filter((file) => MESSAGES_CHUNK.test(file));
      expect(chunks.map((file) => MESSAGES_CHUNK.exec(file)?.[1]).sort()).toEqual([
        'ca',
        'en',
        'eu',
        'gl',
        'va',
      ]);
      const english = chunks.find((file) => MESSAGES_CHUNK.exec(file)?.[1] === 'en') ?? '';
      expect(readFileSync(join(mfe.dir, 'dist', 'assets', english), 'utf8')).toContain(
        'This service is provided by',
      );
      expect(manifest).toContain(english);
    }

    // Their own tests, as `pnpm exec vitest run mfes/<name>` runs them in the repository.
    const tests = run(
      [
        join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'),
        'run',
        '--root',
        root,
        '--project',
        'mfe-kit-tributos',
        '--project',
        'mfe-kit-tasas',
        '--project',
        'mfe-kit-padron',
      ],
      root,
    );
    expect(tests.status, tests.output).toBe(0);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the colours of the report
    const report = tests.output.replace(/\u001b\[[0-9;]*m/g, '');
    expect(report).toMatch(/Tests\s+3 passed \(3\)/);
  });
});
