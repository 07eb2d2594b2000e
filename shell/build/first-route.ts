import { posix } from 'node:path';
import { FEDERATION_FILE } from '@carpeta/sdk/federation';
import { FEDERATION_CHUNKS_COMMENT, LANGUAGE_CHUNKS_COMMENT, scriptsInPage } from '@carpeta/sdk/page';
import type { Plugin } from 'vite';

/*
 * Every script of the shell's first route, named in its page.
 *
 * Vite lists as modulepreload hints the chunks the entry imports statically. The federation
 * plugin's entry imports the rest at run time, one level after another: the bootstrap imports the
 * host's init, the init the shared modules' map, each shared module its own chunk (React as Preact,
 * i18next, the sdk, the design system), and those theirs. Each level waited for the one before it,
 * one round trip each (six after the page's own on a 150 ms network, measured in Chromium: the
 * shell answered at 2.1 s; with every one of them named in the page, at 1.6 s).
 *
 * What is followed: static imports from anything reached, and dynamic imports from the federation
 * plugin's own files only (the bootstrap, the host's init, the shared modules' map). The shell's
 * own dynamic imports (another language's messages, what loads ahead, the service worker) are
 * loaded when needed, as before.
 */

/** The little of a Rolldown output chunk or asset read here. */
export interface BundleFile {
  type: 'chunk' | 'asset';
  fileName: string;
  imports?: readonly string[];
  dynamicImports?: readonly string[];
  code?: string;
  facadeModuleId?: string | null;
  source?: string | Uint8Array;
}

/** `import("./x.js")` and the bootstrap's `__mfImport("./x.js")`, relative to `from`. */
function importsInText(from: string, text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?:\bimport|__mfImport)\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*\)/g)) {
    const specifier = match[1];
    if (specifier) found.push(posix.normalize(posix.join(posix.dirname(from), specifier)));
  }
  return found;
}

/** The page's own scripts and hints (those of its origin, `/…`), as bundle file names. */
export function filesInPage(html: string): string[] {
  return scriptsInPage(html)
    .filter((script) => script.startsWith('/') && !script.startsWith('//'))
    .map((script) => script.slice(1));
}

/**
 * The first route's files the page does not name yet, in the order they are reached: what the
 * page's scripts import statically, and what the federation plugin's files import at run time.
 */
export function missingFirstRouteFiles(html: string, bundle: Record<string, BundleFile>): string[] {
  const named = filesInPage(html);
  const reached = new Set<string>();
  const queue = [...named];
  while (queue.length > 0) {
    const fileName = queue.shift() as string;
    if (reached.has(fileName)) continue;
    const file = bundle[fileName];
    if (!file) continue;
    reached.add(fileName);
    if (file.type === 'chunk') queue.push(...(file.imports ?? []));
    if (!FEDERATION_FILE.test(fileName)) continue;
    if (file.type === 'chunk') queue.push(...(file.dynamicImports ?? []));
    const text =
      file.type === 'chunk' ? file.code : typeof file.source === 'string' ? file.source : undefined;
    if (text) queue.push(...importsInText(fileName, text));
  }
  const inPage = new Set(named);
  return [...reached].filter((fileName) => !inPage.has(fileName));
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
 * The federation host's chunk and every chunk it imports statically that the page does not name
 * already, as `/…` paths: what a page that opens on an MFE's route needs besides the page's own.
 */
export function federationChunks(html: string, bundle: Record<string, BundleFile>): string[] {
  const host = Object.values(bundle).find(
    (file) => file.type === 'chunk' && FEDERATION_HOST_MODULE.test(file.facadeModuleId ?? ''),
  );
  if (!host) return [];
  const inPage = new Set([...filesInPage(html), ...missingFirstRouteFiles(html, bundle)]);
  const reached: string[] = [];
  const queue = [host.fileName];
  while (queue.length > 0) {
    const fileName = queue.shift() as string;
    const file = bundle[fileName];
    if (!file || inPage.has(fileName) || reached.includes(fileName)) continue;
    reached.push(fileName);
    queue.push(...(file.imports ?? []));
  }
  return reached.map((fileName) => `/${fileName}`);
}

/**
 * Moves the shell's page's scripts and hints to the end of its body (`scriptsLast`), then adds a
 * modulepreload hint for each first-route file it does not name and the list of its messages'
 * chunks per language (`LANGUAGE_CHUNKS_COMMENT`). It runs after the federation plugin's own
 * rewrite of the page (its bootstrap and its hints come in `generateBundle`): there too, last.
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
        for (const page of Object.values(bundle)) {
          if (page.type !== 'asset' || !page.fileName.endsWith('.html')) continue;
          const html = String(page.source);
          const links = missingFirstRouteFiles(html, files).map(
            (fileName) => `<link rel="modulepreload" crossorigin href="/${fileName}">`,
          );
          // The gateway makes one hint of it, for the page's language (gateway/src/pages/page.ts).
          const languages = `<!--${LANGUAGE_CHUNKS_COMMENT} ${JSON.stringify(languageChunks(files))}-->`;
          // Hints for the pages that open on an MFE's route only (gateway/src/pages/page.ts).
          const federation = `<!--${FEDERATION_CHUNKS_COMMENT} ${JSON.stringify(federationChunks(html, files))}-->`;
          page.source = scriptsLast(html).replace(
            '</body>',
            () => `  ${[...links, federation, languages].join('\n    ')}\n  </body>`,
          );
        }
      },
    },
  };
}
