import { posix } from 'node:path';
import type { Plugin } from 'vite';
import type { BundleFile } from './first-route.ts';

/*
 * Rolldown's "facade" chunks, taken out of the bundle.
 *
 * A module imported dynamically that a code-splitting group put into a larger chunk gets a chunk of
 * its own that only re-exports it from there (rolldown/rolldown#9729; Rollup instead imports the
 * larger chunk and picks the names). The federation plugin's groups do exactly that with the shared
 * modules the shell provides: its map of them imports React, React DOM, `react-dom/client`,
 * `react/jsx-runtime` and i18next dynamically, and each came through a facade of a few hundred
 * bytes, five more requests on every page. Here each such dynamic import is rewritten to import
 * the chunks the facade re-exported from and to build the same names, and the facade is dropped.
 *
 * Only what is certain is changed: a chunk whose whole code is imports and exports of other chunks
 * (Rolldown's own forms), imported only dynamically, by chunks without a source map (the
 * federation plugin's virtual modules; a rewrite would shift a mapped line). Anything else stays.
 */

/** Exported name → where it comes from: the chunk (a bundle file name) and its name there. */
export type FacadeExports = Map<string, { chunk: string; name: string }>;

const IDENTIFIER = String.raw`[A-Za-z_$][\w$]*`;
const SPECIFIERS = String.raw`\{[^{}]*\}`;
const QUOTED = String.raw`(?:"[^"]*"|'[^']*'|\`[^\`$]*\`)`;
const STATEMENT = new RegExp(
  String.raw`\s*(?:import\s*(${SPECIFIERS})\s*from\s*(${QUOTED})|export\s*(${SPECIFIERS})(?:\s*from\s*(${QUOTED}))?)\s*;?`,
  'y',
);

/** `{a as b, c}` → [[a, b], [c, c]]; undefined when a specifier is not a plain name. */
function specifiers(list: string): [string, string][] | undefined {
  const inner = list.slice(1, -1).trim();
  if (inner === '') return [];
  const pairs: [string, string][] = [];
  for (const part of inner.split(',')) {
    const match = new RegExp(String.raw`^\s*(${IDENTIFIER})(?:\s+as\s+(${IDENTIFIER}))?\s*$`).exec(part);
    if (!match?.[1]) return undefined;
    pairs.push([match[1], match[2] ?? match[1]]);
  }
  return pairs;
}

/**
 * What a facade chunk exports and from where, or undefined when `code` is anything more than
 * `import{…}from"./x.js"` and `export{…}` / `export{…}from"./x.js"` statements (relative to
 * `fileName`), or names something it did not import.
 */
export function facadeExports(fileName: string, code: string): FacadeExports | undefined {
  const imported = new Map<string, { chunk: string; name: string }>();
  const exported: FacadeExports = new Map();
  const resolve = (quoted: string) =>
    posix.normalize(posix.join(posix.dirname(fileName), quoted.slice(1, -1)));
  const body = code.replace(/\/\/# sourceMappingURL=\S*\s*$/, '');
  let position = 0;
  while (position < body.length) {
    if (/^\s*$/.test(body.slice(position))) break;
    STATEMENT.lastIndex = position;
    const match = STATEMENT.exec(body);
    if (!match) return undefined;
    position = STATEMENT.lastIndex;
    const [, importList, importFrom, exportList, exportFrom] = match;
    if (importList && importFrom) {
      if (!importFrom.slice(1).startsWith('.')) return undefined;
      const pairs = specifiers(importList);
      if (!pairs) return undefined;
      for (const [name, local] of pairs) imported.set(local, { chunk: resolve(importFrom), name });
    } else if (exportList) {
      const pairs = specifiers(exportList);
      if (!pairs) return undefined;
      for (const [local, name] of pairs) {
        if (exportFrom) {
          if (!exportFrom.slice(1).startsWith('.')) return undefined;
          exported.set(name, { chunk: resolve(exportFrom), name: local });
        } else {
          const source = imported.get(local);
          if (!source) return undefined;
          exported.set(name, source);
        }
      }
    }
  }
  return exported.size > 0 ? exported : undefined;
}

/** A path from `from`'s folder to `to`, as an import specifier (`./x.js`, `../x.js`). */
function specifierFrom(from: string, to: string): string {
  const relative = posix.relative(posix.dirname(from), to);
  return relative.startsWith('.') ? relative : `./${relative}`;
}

/**
 * The expression that stands for `import("<facade>")` in `importer`: the facade's chunks imported,
 * then a module-like object with the facade's names (frozen, tagged `Module`, no prototype, as a
 * module namespace is).
 */
export function namespaceExpression(importer: string, exports: FacadeExports): string {
  const chunks = [...new Set([...exports.values()].map((source) => source.chunk))];
  const properties = [...exports]
    .map(([name, source]) => `${JSON.stringify(name)}:m[${chunks.indexOf(source.chunk)}].${source.name}`)
    .join(',');
  const imports = chunks
    .map((chunk) => `import(${JSON.stringify(specifierFrom(importer, chunk))})`)
    .join(',');
  return `Promise.all([${imports}]).then((m)=>Object.freeze({__proto__:null,[Symbol.toStringTag]:"Module",${properties}}))`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `import("./x.js")` with any of Rolldown's quotes, `x.js` being `target` seen from `importer`. */
function dynamicImportOf(importer: string, target: string): RegExp {
  const specifier = escapeRegExp(specifierFrom(importer, target));
  return new RegExp(String.raw`\bimport\(\s*(?:"${specifier}"|'${specifier}'|\`${specifier}\`)\s*\)`, 'g');
}

interface Chunk extends Omit<BundleFile, 'dynamicImports'> {
  type: 'chunk';
  dynamicImports?: string[];
  code: string;
  map?: unknown;
  isEntry?: boolean;
}

/**
 * Drops every facade chunk of `bundle` whose importers can all be rewritten, rewriting them; returns
 * the names of the files dropped. Pages' hints to them are removed too.
 */
export function collapseFacades(bundle: Record<string, BundleFile>): string[] {
  const chunks = Object.values(bundle).filter((file): file is Chunk => file.type === 'chunk');
  const dropped: string[] = [];
  for (const facade of chunks) {
    if (facade.isEntry) continue;
    const exports = facadeExports(facade.fileName, facade.code);
    if (!exports) continue;
    if ([...exports.values()].some((source) => bundle[source.chunk]?.type !== 'chunk')) continue;
    const staticImporters = chunks.filter((chunk) => chunk.imports?.includes(facade.fileName));
    const importers = chunks.filter((chunk) => chunk.dynamicImports?.includes(facade.fileName));
    if (staticImporters.length > 0 || importers.length === 0) continue;
    if (importers.some((importer) => importer.map)) continue;
    const rewritten = importers.map((importer) => {
      const pattern = dynamicImportOf(importer.fileName, facade.fileName);
      const code = importer.code.replace(pattern, () => namespaceExpression(importer.fileName, exports));
      return { importer, code, changed: code !== importer.code };
    });
    if (rewritten.some((item) => !item.changed)) continue;
    // Named anywhere else (a preload list, another chunk's text, a JSON asset): it stays.
    const name = posix.basename(facade.fileName);
    const rewrittenCode = new Map(rewritten.map((item) => [item.importer, item.code]));
    const namedElsewhere = Object.values(bundle).some((file) => {
      if (file === facade) return false;
      if (file.type === 'asset')
        return !file.fileName.endsWith('.html') && String(file.source ?? '').includes(name);
      return (rewrittenCode.get(file as Chunk) ?? file.code ?? '').includes(name);
    });
    if (namedElsewhere) continue;
    const sources = [...new Set([...exports.values()].map((source) => source.chunk))];
    for (const { importer, code } of rewritten) {
      importer.code = code;
      const dynamicImports = (importer.dynamicImports ?? []).filter((file) => file !== facade.fileName);
      importer.dynamicImports = [...new Set([...dynamicImports, ...sources])];
    }
    delete bundle[facade.fileName];
    dropped.push(facade.fileName);
  }
  if (dropped.length > 0) {
    for (const page of Object.values(bundle)) {
      if (page.type !== 'asset' || !page.fileName.endsWith('.html')) continue;
      let html = String(page.source);
      for (const fileName of dropped) {
        html = html.replace(
          new RegExp(
            String.raw`[ \t]*<link rel="modulepreload"[^>]*href="/${escapeRegExp(fileName)}"[^>]*>\n?`,
            'g',
          ),
          '',
        );
      }
      page.source = html;
    }
  }
  return dropped;
}

/**
 * Bumped whenever the rewrite changes: the names of the chunks it may rewrite carry it in their
 * hash. Their content after the rewrite is a function of their code and of the facades' (whose
 * names their code holds), so a name keeps standing for one content, as the portal's immutable
 * caching of `/assets` and the service worker's precache need.
 */
const REWRITE_VERSION = 'carpeta:collapse-facades:1';

/** The plugin: facades collapsed once the federation plugin has written its files. */
export function collapseFacadesPlugin(): Plugin {
  return {
    name: 'carpeta:collapse-facades',
    apply: 'build',
    enforce: 'post',
    augmentChunkHash(chunk) {
      return chunk.dynamicImports.length > 0 ? REWRITE_VERSION : undefined;
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        collapseFacades(bundle as unknown as Record<string, BundleFile>);
      },
    },
  };
}
