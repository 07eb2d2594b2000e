import { FEDERATION_CHUNKS_COMMENT, LANGUAGE_CHUNKS_COMMENT, scriptsInPage } from '@carpeta/sdk/page';
import { type Plugin, parseAst } from 'vite';

/*
 * The shell's page and the scripts it names.
 *
 * Vite names in the page, as modulepreload hints, every chunk its entry imports statically: the
 * first route of a page without a remote, all at once. The shell's dynamic imports are loaded when
 * needed: another language's messages (named by the gateway for the page's language), what loads
 * ahead, the service worker, and the federation host with the first remote (named by the gateway
 * on the pages that open on an MFE's route).
 */

/** The little of a Rolldown output chunk or asset read here. */
export interface BundleFile {
  type: 'chunk' | 'asset';
  fileName: string;
  /** A chunk's name (its group's, for a code-splitting group's chunk). */
  name?: string;
  code?: string;
  imports?: readonly string[];
  facadeModuleId?: string | null;
  /** The modules a chunk holds (Rolldown's `moduleIds`). */
  moduleIds?: readonly string[];
  source?: string | Uint8Array;
}

/** The page's own scripts and hints (those of its origin, `/…`), as bundle file names. */
export function filesInPage(html: string): string[] {
  return scriptsInPage(html)
    .filter((script) => script.startsWith('/') && !script.startsWith('//'))
    .map((script) => script.slice(1));
}

const SCRIPT_TAG = /[ \t]*(?:<script type="module"[^>]*><\/script>|<link rel="modulepreload"[^>]*>)\n?/g;

/**
 * The page's module script and its hints moved from its head to the end of its body, in the same
 * order. The browser asks for a hint as soon as it reads it: in the head, two dozen scripts shared
 * the network with the rest of the page (its stylesheet and the gateway's layout, ~11 KB gzip), and
 * the layout, which paints with no script, painted later (0.8 → 1.3 s on a 150 ms, 1.6 Mbit/s
 * network, measured). At the end of the body they start once the layout is in. A module script runs
 * once the page is parsed wherever it stands.
 */
export function scriptsLast(html: string): string {
  const end = html.lastIndexOf('</body>');
  if (end === -1) return html;
  const tags: string[] = [];
  const rest = html.slice(0, end).replace(SCRIPT_TAG, (tag) => {
    tags.push(tag.trim());
    return '';
  });
  if (tags.length === 0) return html;
  return `${rest}  ${tags.join('\n    ')}\n  ${html.slice(end)}`;
}

/** The shell's messages in each language but Spanish: one chunk each (src/messages.ts). */
const MESSAGES_MODULE = /[\\/]src[\\/]messages[\\/]([a-z]{2})\.ts$/;

/** Language → the path of its messages' chunk, from the bundle. */
export function languageChunks(bundle: Record<string, BundleFile>): Record<string, string> {
  const chunks: Record<string, string> = {};
  for (const file of Object.values(bundle)) {
    const language = file.type === 'chunk' ? MESSAGES_MODULE.exec(file.facadeModuleId ?? '')?.[1] : undefined;
    if (language) chunks[language] = `/${file.fileName}`;
  }
  return chunks;
}

/** The shell's Module Federation host (src/federation-host.ts), imported with the first remote. */
const FEDERATION_HOST_MODULE = /[\\/]src[\\/]federation-host\.ts$/;

/**
 * Whether a chunk holds a module: it is the chunk's own (its facade) or among those it holds (a
 * code-splitting group's chunk, such as the federation host's, has no facade).
 */
function holds(file: BundleFile, module: RegExp): boolean {
  return (
    file.type === 'chunk' &&
    (module.test(file.facadeModuleId ?? '') || (file.moduleIds ?? []).some((id) => module.test(id)))
  );
}

/**
 * A Rolldown code-splitting group that puts the federation host and every module it imports that
 * the first route's chunk does not hold (the federation runtime, the rest of the design system and
 * of the sdk) in one chunk. Without it, Rolldown split off what the host shares with a lazy chunk of
 * the shell: the design system's radio buttons and the powers' schemas, which the "act for" dialog
 * imports too, were a chunk of their own (0.9 KB gzip), one more script on every route with an MFE.
 * Now the dialog imports them from the host's chunk: opened on a page that has loaded no MFE, it
 * downloads that chunk with it (the host is evaluated, not started: the runtime starts with the
 * first remote). That dialog is the only chunk allowed to (`federationHostChunkError`): the
 * public pages never download the federation runtime. It comes after `FIRST_ROUTE_GROUP`, which
 * keeps what the first route reaches.
 */
export const FEDERATION_HOST_GROUP = {
  name: 'federation-host',
  test: FEDERATION_HOST_MODULE,
} as const;

/** The lazy chunks allowed to import the federation host's chunk: the "act for" dialog's. */
const FEDERATION_HOST_IMPORTERS = [/[\\/]src[\\/]act-for-dialog\.tsx$/];

/**
 * Why the build is refused, if it is: no chunk holds the federation host (the page's hints for it,
 * `federationChunks`, would be empty, and it would come a round trip late), or a chunk other than
 * its allowed importers (`FEDERATION_HOST_IMPORTERS`; the first remote imports it dynamically)
 * imports the host's chunk statically, and would download the federation runtime on pages without
 * an MFE.
 */
export function federationHostChunkError(files: readonly BundleFile[]): string | undefined {
  const host = files.find((file) => holds(file, FEDERATION_HOST_MODULE));
  if (!host) return 'no chunk holds src/federation-host.ts: the pages that open on an MFE could not name it';
  const importers = files.filter(
    (file) =>
      file.type === 'chunk' &&
      file !== host &&
      (file.imports ?? []).includes(host.fileName) &&
      !FEDERATION_HOST_IMPORTERS.some((allowed) => holds(file, allowed)),
  );
  if (importers.length === 0) return undefined;
  return `${importers.map((file) => file.fileName).join(', ')} import${importers.length === 1 ? 's' : ''} the federation host's chunk (${host.fileName}) statically: a page without an MFE would download the federation runtime with ${importers.length === 1 ? 'it' : 'them'}. Import what it shares with the host in a way that keeps them apart, or allow it in FEDERATION_HOST_IMPORTERS (shell/build/first-route.ts)`;
}

/**
 * The federation host's chunk and every chunk it imports statically that the page does not name
 * already, as `/…` paths: what a page that opens on an MFE's route needs besides the page's own.
 */
export function federationChunks(html: string, bundle: Record<string, BundleFile>): string[] {
  const host = Object.values(bundle).find((file) => holds(file, FEDERATION_HOST_MODULE));
  if (!host) return [];
  const inPage = new Set(filesInPage(html));
  // In the order they are reached (a Set keeps its insertion order).
  const reached = new Set<string>();
  const queue = [host.fileName];
  while (queue.length > 0) {
    const fileName = queue.shift() as string;
    const file = bundle[fileName];
    if (!file || inPage.has(fileName) || reached.has(fileName)) continue;
    reached.add(fileName);
    queue.push(...(file.imports ?? []));
  }
  return [...reached].map((fileName) => `/${fileName}`);
}

/** The page itself, Vite's entry module for it. */
const PAGE_MODULE = /[\\/]index\.html$/;

/**
 * A Rolldown code-splitting group (`build.rolldownOptions.output.codeSplitting.groups`) that puts
 * every module the shell's page imports statically, and nothing else, in one chunk (`first`).
 * Without it, Rolldown split what the first route runs by which of the shell's lazy chunks (the
 * federation host, what loads ahead, the dialogs) shares each module: the landing fetched seven
 * scripts (Preact, the sdk with i18next, zod, three of the design system's, the entry), each a
 * request the page waits for. With it, the page's own chunk is only imports, which Vite replaces
 * by the scripts they name: this chunk and Rolldown's helpers (shared with the lazy chunks).
 *
 * `$initial` is Rolldown's tag for what the page reaches statically, export by export: of the
 * design system's index, only the components the first route renders; the rest stays with the
 * federation host. Dependencies are not taken recursively, since that would follow the index to
 * every component it re-exports. The page's module stays out: taken in, this chunk would import
 * the page's chunk, which imports it.
 *
 * The shell's entry module is in this chunk, which the lazy chunks import: no module of it may
 * await at its top level. An import awaited while the chunk evaluates, of a chunk that imports it,
 * would wait for the chunk's evaluation, which waits for that import (the accessibility statement
 * opened directly never rendered). `preloadFirstRoute` refuses a build whose chunk does.
 */
export const FIRST_ROUTE_GROUP = {
  name: 'first',
  tags: ['$initial' as const],
  includeDependenciesRecursively: false,
  test: (id: string) => !PAGE_MODULE.test(id),
};

type Node = { type?: unknown; [key: string]: unknown };

/** Functions (and what they hold) are not the module's top level. */
const FUNCTION = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

/** Whether a module's code awaits at its top level (`await …`, `for await`), outside any function. */
export function awaitsAtTopLevel(program: unknown): boolean {
  const pending: unknown[] = [program];
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) {
      pending.push(...node);
      continue;
    }
    if (node === null || typeof node !== 'object') continue;
    const { type } = node as Node;
    if (type === 'AwaitExpression' || (type === 'ForOfStatement' && (node as Node).await === true))
      return true;
    if (typeof type === 'string' && FUNCTION.has(type)) continue;
    for (const value of Object.values(node))
      if (value !== null && typeof value === 'object') pending.push(value);
  }
  return false;
}

/**
 * Why the build's first-route chunk is refused, if it is: there is none (the group made no chunk of
 * its name, so nothing would be checked), or it awaits at its top level.
 */
export function firstRouteChunkError(files: readonly BundleFile[]): string | undefined {
  const chunks = files.filter((file) => file.type === 'chunk' && file.name === FIRST_ROUTE_GROUP.name);
  if (chunks.length === 0)
    return `no chunk is named "${FIRST_ROUTE_GROUP.name}": the first route's group (build/first-route.ts) made none, and its top-level awaits could not be looked for`;
  for (const chunk of chunks)
    if (awaitsAtTopLevel(parseAst(chunk.code ?? '', { sourceType: 'module' })))
      return `${chunk.fileName} awaits at its top level: the lazy chunks import it, and one imported while it waits would never load (build/first-route.ts)`;
  return undefined;
}

/**
 * Moves the shell's page's scripts and hints to the end of its body (`scriptsLast`), then adds the
 * list of its federation host's chunks (`FEDERATION_CHUNKS_COMMENT`) and that of its messages'
 * chunks per language (`LANGUAGE_CHUNKS_COMMENT`), for the gateway. It runs last, once Vite has
 * written its hints into the page.
 */
export function preloadFirstRoute(): Plugin {
  return {
    name: 'carpeta:preload-first-route',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const files = bundle as unknown as Record<string, BundleFile>;
        const refused =
          firstRouteChunkError(Object.values(files)) ?? federationHostChunkError(Object.values(files));
        if (refused) this.error(refused);
        for (const page of Object.values(files)) {
          if (page.type !== 'asset' || !page.fileName.endsWith('.html')) continue;
          const html = String(page.source);
          // The gateway makes one hint of it, for the page's language (gateway/src/pages/page.ts).
          const languages = `<!--${LANGUAGE_CHUNKS_COMMENT} ${JSON.stringify(languageChunks(files))}-->`;
          // Hints for the pages that open on an MFE's route only (gateway/src/pages/page.ts).
          const federation = `<!--${FEDERATION_CHUNKS_COMMENT} ${JSON.stringify(federationChunks(html, files))}-->`;
          page.source = scriptsLast(html).replace(
            '</body>',
            () => `  ${federation}\n    ${languages}\n  </body>`,
          );
        }
      },
    },
  };
}
