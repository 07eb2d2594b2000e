import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { collapseFacades, facadeExports, namespaceExpression } from './collapse-facades.ts';
import type { BundleFile } from './first-route.ts';

// Rolldown's own output for the shell's facades (names shortened).
const REEXPORT = 'export{y as Children,nt as Fragment,f as default}from"./loadShare__react-B1.js";';
const IMPORT_THEN_EXPORT =
  'import{nt as e}from"./loadShare__react-B1.js";import{a as t,i as n}from"./loadShare__jsx-C2.js";export{e as Fragment,t as jsx,n as jsxs};';

describe('facadeExports', () => {
  it('reads a facade that re-exports from one chunk', () => {
    expect(Object.fromEntries(facadeExports('assets/react-A.js', REEXPORT) ?? [])).toEqual({
      Children: { chunk: 'assets/loadShare__react-B1.js', name: 'y' },
      Fragment: { chunk: 'assets/loadShare__react-B1.js', name: 'nt' },
      default: { chunk: 'assets/loadShare__react-B1.js', name: 'f' },
    });
  });

  it('reads a facade that imports from two chunks and exports their names', () => {
    expect(Object.fromEntries(facadeExports('assets/jsx-runtime-A.js', IMPORT_THEN_EXPORT) ?? [])).toEqual({
      Fragment: { chunk: 'assets/loadShare__react-B1.js', name: 'nt' },
      jsx: { chunk: 'assets/loadShare__jsx-C2.js', name: 'a' },
      jsxs: { chunk: 'assets/loadShare__jsx-C2.js', name: 'i' },
    });
  });

  it('is undefined for a chunk with any code of its own, a bare import or a package import', () => {
    expect(facadeExports('a.js', `${REEXPORT}console.log(1);`)).toBeUndefined();
    expect(facadeExports('a.js', 'var x=1;export{x};')).toBeUndefined();
    expect(facadeExports('a.js', 'import"./side-effect.js";export{a}from"./b.js";')).toBeUndefined();
    expect(facadeExports('a.js', 'export{a}from"react";')).toBeUndefined();
    expect(facadeExports('a.js', 'export{a as b};')).toBeUndefined();
    expect(facadeExports('a.js', 'export*from"./b.js";')).toBeUndefined();
    expect(facadeExports('a.js', '')).toBeUndefined();
  });
});

describe('namespaceExpression, run in Node', () => {
  const dir = mkdtempSync(join(tmpdir(), 'carpeta-facades-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the names the facade gave, from the chunks it re-exported', () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(
      join(dir, 'assets/loadShare__react-B1.js'),
      'const y="children",nt="fragment",f={react:true};export{y,nt,f};',
    );
    writeFileSync(join(dir, 'assets/loadShare__jsx-C2.js'), 'const a="jsx",i="jsxs";export{a,i};');
    writeFileSync(join(dir, 'assets/jsx-runtime-A.js'), IMPORT_THEN_EXPORT);
    const exports = facadeExports('assets/jsx-runtime-A.js', IMPORT_THEN_EXPORT);
    if (!exports) throw new Error('not read as a facade');
    writeFileSync(
      join(dir, 'importer.js'),
      `export const load=()=>${namespaceExpression('importer.js', exports)};export const direct=()=>import("./assets/jsx-runtime-A.js");`,
    );
    // Node's own loader (the tests' module runner would transform the chunks): the rewritten
    // import beside the facade's own, compared in a child process.
    const script = `
      const importer = await import(${JSON.stringify(pathToFileURL(join(dir, 'importer.js')).href)});
      const rewritten = await importer.load();
      const original = await importer.direct();
      console.log(JSON.stringify({
        rewritten: { ...rewritten }, original: { ...original },
        frozen: Object.isFrozen(rewritten), proto: Object.getPrototypeOf(rewritten),
        tag: Object.prototype.toString.call(rewritten),
      }));`;
    const result = JSON.parse(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }),
    ) as { rewritten: object; original: object; frozen: boolean; proto: unknown; tag: string };
    expect(result.rewritten).toEqual(result.original);
    const rewritten = result.rewritten;
    expect(Object.keys(rewritten).sort()).toEqual(['Fragment', 'jsx', 'jsxs']);
    expect(result.frozen).toBe(true);
    expect(result.proto).toBeNull();
    expect(result.tag).toBe('[object Module]');
  });
});

function chunk(fileName: string, code: string, more: Partial<BundleFile> & { map?: unknown } = {}) {
  return { type: 'chunk' as const, fileName, code, imports: [], dynamicImports: [], ...more };
}

function bundleWithFacade(importer: ReturnType<typeof chunk>) {
  return {
    'assets/loadShare__react-B1.js': chunk('assets/loadShare__react-B1.js', 'const y=1;export{y};'),
    'assets/react-A.js': chunk('assets/react-A.js', 'export{y as Children}from"./loadShare__react-B1.js";', {
      imports: ['assets/loadShare__react-B1.js'],
    }),
    [importer.fileName]: importer,
    'index.html': {
      type: 'asset' as const,
      fileName: 'index.html',
      source:
        '<body>\n    <link rel="modulepreload" crossorigin href="/assets/react-A.js">\n    <link rel="modulepreload" crossorigin href="/assets/map-M.js">\n</body>',
    },
  } as Record<string, BundleFile>;
}

describe('collapseFacades', () => {
  it('rewrites the dynamic import, drops the facade and its hint in the page', () => {
    const importer = chunk('assets/map-M.js', 'const r={react:()=>import(`./react-A.js`)};export{r};', {
      dynamicImports: ['assets/react-A.js'],
    });
    const bundle = bundleWithFacade(importer);
    expect(collapseFacades(bundle)).toEqual(['assets/react-A.js']);
    expect(bundle['assets/react-A.js']).toBeUndefined();
    expect(importer.code).not.toContain('react-A.js');
    expect(importer.code).toContain('import("./loadShare__react-B1.js")');
    expect(importer.code).toContain('"Children":m[0].y');
    expect(importer.dynamicImports).toEqual(['assets/loadShare__react-B1.js']);
    const html = String((bundle['index.html'] as { source: string }).source);
    expect(html).not.toContain('react-A.js');
    expect(html).toContain('href="/assets/map-M.js"');
  });

  it('leaves a facade imported statically, or by a chunk with a source map, or whose import it cannot find, or named elsewhere', () => {
    const statically = chunk('assets/map-M.js', 'import{Children}from"./react-A.js";', {
      imports: ['assets/react-A.js'],
    });
    const mapped = chunk('assets/map-M.js', 'const r=()=>import("./react-A.js");', {
      dynamicImports: ['assets/react-A.js'],
      map: { mappings: 'AAAA' },
    });
    const unseen = chunk('assets/map-M.js', 'const r=()=>import(name);', {
      dynamicImports: ['assets/react-A.js'],
    });
    const preloaded = chunk(
      'assets/map-M.js',
      'const d=["assets/react-A.js"];const r=()=>p(()=>import("./react-A.js"),d);',
      { dynamicImports: ['assets/react-A.js'] },
    );
    for (const importer of [statically, mapped, unseen, preloaded]) {
      const code = importer.code;
      const bundle = bundleWithFacade(importer);
      expect(collapseFacades(bundle)).toEqual([]);
      expect(bundle['assets/react-A.js']).toBeDefined();
      expect(importer.code).toBe(code);
    }
  });
});
