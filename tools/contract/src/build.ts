import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { contractInputsHash } from './inputs.ts';
import { outsideEnvironment } from './outside.ts';
import { type ContractPackage, packageDir, publishProblems, ROOT } from './packages.ts';

const tsc = createRequire(join(ROOT, 'package.json')).resolve('typescript/bin/tsc');
const ts = createRequire(join(ROOT, 'package.json'))('typescript') as typeof import('typescript');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/**
 * TypeScript rewrites `./x.ts` to `./x.js` in the JavaScript it emits, not in declarations: a
 * consumer without `allowImportingTsExtensions` could not follow them. Relative specifiers only.
 */
export function rewriteDeclarationSpecifiers(source: string): string {
  return source.replace(/(from\s+|import\s*\(\s*|import\s+)(['"])(\.{1,2}\/[^'"]+?)\.tsx?\2/g, '$1$2$3.js$2');
}

/**
 * The sdk's test stand-ins for `react` (see `preactForTests`) are left out of type checking
 * (they re-export Preact's `export =` types): they are transpiled alone, as they are.
 */
const TRANSPILED_ALONE: Partial<Record<ContractPackage, string[]>> = {
  sdk: ['src/testing/react-for-tests.ts', 'src/testing/react-dom-client-for-tests.ts'],
};

/** Files that are not TypeScript but are part of the package (the design system's CSS). */
const COPIED: Partial<Record<ContractPackage, RegExp>> = {
  'design-system': /\.css$/,
};

/** Where `buildPackage` notes the inputs (`contractInputsHash`) each package's dist/ was built from. */
export const BUILT_STAMPS = join(ROOT, '.carpeta', 'contract', 'cache');

function stampOf(name: ContractPackage): string {
  return join(BUILT_STAMPS, `${name}.built`);
}

/** The inputs the package's dist/ was last built from, if it is there and that is known. */
export function builtFrom(name: ContractPackage): string | undefined {
  try {
    if (!statSync(join(packageDir(name), 'dist')).isDirectory()) return undefined;
    return readFileSync(stampOf(name), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Builds one package into its dist/: ES modules, declarations, source maps and assets. `inputs`
 * (computed before building, so an edit made meanwhile is not taken as built) is noted once the
 * build succeeded; a failed or interrupted build leaves no note.
 */
export function buildPackage(name: ContractPackage, inputs = contractInputsHash()): void {
  const dir = packageDir(name);
  const dist = join(dir, 'dist');
  rmSync(stampOf(name), { force: true });
  rmSync(dist, { recursive: true, force: true });
  const result = spawnSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.build.json')], {
    cwd: dir,
    encoding: 'utf8',
  });
  if (result.status !== 0)
    throw new Error(`tsc failed for ${name}:\n${result.stdout}${result.stderr}`.trimEnd());
  for (const file of walk(dist).filter((path) => path.endsWith('.d.ts')))
    writeFileSync(file, rewriteDeclarationSpecifiers(readFileSync(file, 'utf8')));
  for (const file of TRANSPILED_ALONE[name] ?? []) {
    const output = ts.transpileModule(readFileSync(join(dir, file), 'utf8'), {
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        rewriteRelativeImportExtensions: true,
        verbatimModuleSyntax: true,
      },
      fileName: file,
    });
    writeFileSync(join(dist, relative('src', file).replace(/\.ts$/, '.js')), output.outputText);
  }
  const copied = COPIED[name];
  if (copied)
    for (const file of walk(join(dir, 'src')).filter(
      (path) => copied.test(path) && !path.includes('.stories.'),
    ))
      cpSync(file, join(dist, relative(join(dir, 'src'), file)));
  if (name === 'sdk') copyConformanceHost(dist);
  const problems = publishProblems(name);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  if (inputs !== undefined) {
    mkdirSync(BUILT_STAMPS, { recursive: true });
    writeFileSync(stampOf(name), `${inputs}\n`);
  }
}

/**
 * The page `carpeta-conformance` mounts remotes in (tools/conformance-host) is built with Vite and
 * shipped inside the sdk's package, beside the kit (`dist/conformance-host`).
 */
function copyConformanceHost(dist: string): void {
  const host = join(ROOT, 'tools', 'conformance-host');
  // As a shell runs it, not as the test runner that may call this: under Vitest's variables the
  // federation plugin builds no host, and the page would never become ready.
  const result = spawnSync('pnpm', ['run', 'build'], {
    cwd: host,
    encoding: 'utf8',
    env: outsideEnvironment(),
  });
  if (result.status !== 0)
    throw new Error(`the conformance host did not build:\n${result.stdout}${result.stderr}`.trimEnd());
  cpSync(join(host, 'dist'), join(dist, 'conformance-host'), { recursive: true });
}
