import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiDocs, docModelFolder } from './api-docs.ts';
import { apiReports } from './api-report.ts';
import { builtFrom, rewriteDeclarationSpecifiers } from './build.ts';
import { contractInputsHash } from './inputs.ts';
import { installOutside, runOutside } from './outside.ts';
import { packedContract } from './pack.ts';
import { CONTRACT_PACKAGES, readPackage, reportName, reportsApi, ROOT } from './packages.ts';

describe('declaration specifiers', () => {
  it('become .js for relative paths only', () => {
    expect(
      rewriteDeclarationSpecifiers(`import { a } from './a.ts';\nexport type { B } from "../b/c.tsx";`),
    ).toBe(`import { a } from './a.js';\nexport type { B } from "../b/c.js";`);
    expect(rewriteDeclarationSpecifiers(`import x from 'pkg.ts'; type T = import('./t.ts').T;`)).toBe(
      `import x from 'pkg.ts'; type T = import('./t.js').T;`,
    );
  });

  it('names reports after their subpath and leaves React’s facade out', () => {
    expect(reportName('.')).toBe('index');
    expect(reportName('./testing/props')).toBe('testing-props');
    expect(reportsApi('./preact/react', { types: 'x.d.ts', default: 'x.js' })).toBe(false);
    expect(reportsApi('./styles.css', './dist/styles.css')).toBe(false);
    expect(reportsApi('./react', { types: 'x.d.ts', default: 'x.js' })).toBe(true);
  });
});

describe('what the contract is built from', () => {
  it('changes with any tracked or new file of its inputs, not with ignored ones', () => {
    const root = mkdtempSync(join(tmpdir(), 'carpeta-inputs-'));
    try {
      const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'ignore' });
      git('init', '-q');
      mkdirSync(join(root, 'sdk', 'src'), { recursive: true });
      writeFileSync(join(root, '.gitignore'), 'dist/\n');
      writeFileSync(join(root, 'sdk', 'src', 'index.ts'), 'export const a = 1;\n');
      git('add', '.');
      const first = contractInputsHash(root);
      expect(first).toMatch(/^[0-9a-f]{64}$/);
      expect(contractInputsHash(root)).toBe(first);
      mkdirSync(join(root, 'sdk', 'dist'));
      writeFileSync(join(root, 'sdk', 'dist', 'index.js'), 'export const a = 1;\n');
      writeFileSync(join(root, 'elsewhere.ts'), '');
      expect(contractInputsHash(root)).toBe(first);
      writeFileSync(join(root, 'sdk', 'src', 'index.ts'), 'export const a = 2;\n');
      const edited = contractInputsHash(root);
      expect(edited).not.toBe(first);
      mkdirSync(join(root, 'design-system'));
      writeFileSync(join(root, 'design-system', 'new.css'), '');
      expect(contractInputsHash(root)).not.toBe(edited);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('the contract as an outside repository gets it', () => {
  let work: string;
  let tarballs: string[];
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'carpeta-contract-'));
    tarballs = packedContract();
  });
  afterAll(() => {
    if (!process.env.CARPETA_KEEP_CONTRACT_WORK) rmSync(work, { recursive: true, force: true });
  });

  it('has the API its committed reports describe: a contract change is a visible diff', () => {
    const docs: string[] = [];
    const outcomes = CONTRACT_PACKAGES.flatMap((name) => {
      const models = docModelFolder(name);
      try {
        const reports = apiReports(name, { update: false, docModelFolder: models });
        docs.push(...apiDocs(name, models, { update: false }));
        return reports;
      } finally {
        rmSync(models, { recursive: true, force: true });
      }
    });
    expect(docs, 'run `pnpm api:report` and commit docs/contract').toEqual([]);
    expect(outcomes.length).toBeGreaterThan(15);
    const changed = outcomes.filter((outcome) => outcome.changed).map((outcome) => outcome.report);
    expect(changed, 'run `pnpm api:report`, review and commit the reports').toEqual([]);
    expect(outcomes.flatMap((outcome) => outcome.errors)).toEqual([]);
    for (const name of CONTRACT_PACKAGES) {
      const pkg = readPackage(name);
      for (const [subpath, target] of Object.entries(pkg.publishConfig?.exports ?? {}))
        if (reportsApi(subpath, target))
          expect(existsSync(join(ROOT, name, 'api', `${reportName(subpath)}.api.md`))).toBe(true);
    }
  });

  it('is built and packed once for what the packages are now, then reused', () => {
    expect(tarballs).toHaveLength(2);
    const inputs = contractInputsHash();
    for (const name of CONTRACT_PACKAGES) expect(builtFrom(name)).toBe(inputs);
    const packedAt = tarballs.map((path) => statSync(path).mtimeMs);
    expect(packedContract()).toEqual(tarballs);
    expect(tarballs.map((path) => statSync(path).mtimeMs)).toEqual(packedAt);
    for (const path of tarballs) expect(path).toContain(`packed-${inputs}`);
  });

  it('packs, installs outside the workspace, type-checks and builds an MFE against the tarballs', () => {
    const app = join(work, 'tributos');
    mkdirSync(join(app, 'src'), { recursive: true });
    const version = (dir: string, name: string) =>
      (
        JSON.parse(readFileSync(join(ROOT, dir, 'node_modules', name, 'package.json'), 'utf8')) as {
          version: string;
        }
      ).version;
    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify({
        name: 'tributos-mfe',
        private: true,
        type: 'module',
        dependencies: {
          '@carpeta/sdk': `file:${tarballs[0]}`,
          '@carpeta/design-system': `file:${tarballs[1]}`,
          preact: version('mfes/home', 'preact'),
          react: version('mfes/home', 'react'),
          'react-dom': version('mfes/home', 'react-dom'),
        },
        devDependencies: {
          '@module-federation/vite': version('mfes/home', '@module-federation/vite'),
          '@types/react': version('mfes/home', '@types/react'),
          '@vitejs/plugin-react': version('mfes/home', '@vitejs/plugin-react'),
          typescript: version('.', 'typescript'),
          vite: version('mfes/home', 'vite'),
        },
      }),
    );
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2023',
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          module: 'ESNext',
          moduleResolution: 'Bundler',
          jsx: 'react-jsx',
          strict: true,
          noEmit: true,
          allowImportingTsExtensions: true,
          skipLibCheck: false,
          types: [],
        },
        include: ['src'],
      }),
    );
    writeFileSync(
      join(app, 'vite.config.ts'),
      [
        "import { federation } from '@module-federation/vite';",
        "import react from '@vitejs/plugin-react';",
        "import { defineConfig } from 'vite';",
        "import { carpetaRemote } from '@carpeta/sdk/federation';",
        'export default defineConfig({',
        "  base: './',",
        "  plugins: [react(), federation(carpetaRemote({ name: 'carpeta_tributos', exposes: { './lifecycles': './src/lifecycles.tsx' } }))],",
        "  build: { target: 'es2022' },",
        '});',
      ].join('\n'),
    );
    writeFileSync(
      join(app, 'index.html'),
      '<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Tributos</title></head><body></body></html>',
    );
    writeFileSync(
      join(app, 'src', 'lifecycles.tsx'),
      [
        "import { Alert, Button } from '@carpeta/design-system';",
        "import { type Catalog, type Localized } from '@carpeta/sdk';",
        "import { createLifecycles, useTranslation } from '@carpeta/sdk/react';",
        "const es = { title: 'Tributos', pay: 'Pagar' };",
        'const messages = { es, ca: es, gl: es, eu: es, va: es, en: es } satisfies Catalog<typeof es>;',
        'function App() {',
        '  const { t } = useTranslation();',
        "  const words: Localized<typeof es> = { title: t('title'), pay: t('pay') };",
        '  return (<><h1>{words.title}</h1><Alert variant="info">{words.title}</Alert><Button>{words.pay}</Button></>);',
        '}',
        'export const { bootstrap, mount, unmount } = createLifecycles({ rootComponent: App, messages });',
      ].join('\n'),
    );
    const run = (command: string, args: string[]) => runOutside(command, args, app);
    installOutside(app);
    // The installed sdk is the packed build, not the workspace's sources.
    const installed = JSON.parse(
      readFileSync(join(app, 'node_modules', '@carpeta', 'sdk', 'package.json'), 'utf8'),
    ) as { exports: Record<string, unknown>; version: string };
    expect(installed.version).toBe(readPackage('sdk').version);
    expect(JSON.stringify(installed.exports['.'])).toContain('./dist/index.js');
    expect(existsSync(join(app, 'node_modules', '@carpeta', 'sdk', 'src'))).toBe(false);
    run(process.execPath, [join(app, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json']);
    run(process.execPath, [join(app, 'node_modules', 'vite', 'bin', 'vite.js'), 'build']);
    expect(existsSync(join(app, 'dist', 'remoteEntry.js'))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(app, 'dist', 'mf-manifest.json'), 'utf8')) as {
      shared: { name: string; requiredVersion?: string }[];
    };
    expect(manifest.shared.find((share) => share.name === '@carpeta/sdk')?.requiredVersion).toBe('^1.0.0');
  });
});
