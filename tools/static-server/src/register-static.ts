import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export interface StaticOptions {
  /** Directory whose files are served. */
  root: string;
  /** Unknown extension-less GET paths that accept text/html get index.html (client-side routing). */
  spaFallback?: boolean;
  /** URL prefix the files are served under, e.g. "/static"; none by default. */
  prefix?: string;
  /**
   * Also serve source maps and build statistics (`*.map`, `mf-stats.json`). Off in production-like
   * hosting: they hand the original source and the dependency graph to anyone who asks.
   */
  debugFiles?: boolean;
  /**
   * Makes the page out of the root's index.html for one request (e.g. data the page would
   * otherwise fetch, preload hints). A page made this way is private and revalidated on every use.
   */
  page?: (request: FastifyRequest, html: string, reply: FastifyReply) => string | Promise<string>;
}

/** Files only a developer needs: source maps and Module Federation's build statistics. */
const DEBUG_FILE = /(\.map|^mf-stats\.json)$/i;

export function isDebugFile(name: string): boolean {
  return DEBUG_FILE.test(name);
}

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const NO_CACHE = 'no-cache';

/** A file name that carries a content hash, e.g. index-BQ3x9_aZ.js, never changes: cache it forever. */
const HASHED_FILE = /-[A-Za-z0-9_-]{8,}\.(js|css|mjs|woff2|svg|png)$/;

/**
 * Cache-Control for a served file: hashed names are immutable, everything else (index.html,
 * remoteEntry.js, mf-manifest.json, manifest.webmanifest…) is revalidated on every use.
 */
export function cacheControlFor(filePath: string): string {
  return HASHED_FILE.test(path.posix.basename(filePath.replaceAll('\\', '/'))) ? IMMUTABLE : NO_CACHE;
}

const HAS_EXTENSION = /\.[A-Za-z0-9]+$/;

function acceptsHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept;
  return typeof accept === 'string' && accept.toLowerCase().includes('text/html');
}

function appendVary(reply: FastifyReply, token: string) {
  const current = reply.getHeader('vary');
  const values = (Array.isArray(current) ? current : current === undefined ? [] : [String(current)])
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
  if (!values.some((value) => value.toLowerCase() === token.toLowerCase())) values.push(token);
  reply.header('vary', values.join(', '));
}

async function fileKind(filePath: string): Promise<'file' | 'directory' | undefined> {
  try {
    const info = await stat(filePath);
    if (info.isFile()) return 'file';
    if (info.isDirectory()) return 'directory';
    return undefined;
  } catch {
    return undefined;
  }
}

/**
 * Serves the files under `root` with compression (br, gzip: the build's precompressed copies when it
 * made them), long-cache hashed names and
 * uncached entry files, optionally falling back to index.html for client-side routes. Missing files
 * go to the instance's not-found handler. Files are looked up at request time, so a rebuilt
 * directory is picked up without a restart. Await the result, or let `ready()`/`listen()` load it.
 */
export function registerStatic(app: FastifyInstance, options: StaticOptions): PromiseLike<undefined> {
  const root = path.resolve(options.root);
  const spaFallback = options.spaFallback ?? false;
  const debugFiles = options.debugFiles ?? false;
  const page = options.page;
  let template: { mtimeMs: number; html: string } | undefined;

  /** index.html as built, read again only when the file changed (a rebuild needs no restart). */
  async function indexHtml(): Promise<string> {
    const file = path.join(root, 'index.html');
    const { mtimeMs } = await stat(file);
    if (template?.mtimeMs !== mtimeMs) template = { mtimeMs, html: await readFile(file, 'utf8') };
    return template.html;
  }

  async function send(request: FastifyRequest, reply: FastifyReply, relative: string) {
    if (page && relative === 'index.html') {
      const html = await page(request, await indexHtml(), reply);
      appendVary(reply, 'accept-encoding');
      appendVary(reply, 'cookie');
      return reply
        .header('cache-control', `private, ${NO_CACHE}`)
        .type('text/html; charset=utf-8')
        .send(html);
    }
    reply.header('cache-control', cacheControlFor(relative));
    // Whether or not this answer ends up compressed, a cache must key it by Accept-Encoding.
    appendVary(reply, 'accept-encoding');
    return reply.sendFile(relative, root, { cacheControl: false, dotfiles: 'ignore' });
  }

  return app.register(
    async (scope) => {
      await scope.register(fastifyCompress, { encodings: ['br', 'gzip'] });
      // A build's `.br`/`.gz` copies (scripts/lib/precompress.ts) are sent as they are; files
      // without them are compressed on the fly.
      await scope.register(fastifyStatic, { root, serve: false, cacheControl: false, preCompressed: true });

      scope.get('/*', async (request, reply) => {
        const wildcard = (request.params as { '*'?: string })['*'] ?? '';
        const segments = wildcard.split('/').filter((segment) => segment !== '');
        // No dotfiles, no way out of the root, no NUL tricks.
        if (segments.some((segment) => segment.startsWith('.') || segment.includes('\0'))) {
          return reply.callNotFound();
        }
        if (!debugFiles && isDebugFile(segments.at(-1) ?? '')) return reply.callNotFound();
        const relative = segments.join('/');
        const absolute = path.join(root, ...segments);
        if (absolute !== root && !absolute.startsWith(`${root}${path.sep}`)) return reply.callNotFound();

        const kind = await fileKind(absolute);
        if (kind === 'file') return send(request, reply, relative);
        if (kind === 'directory') {
          const index = relative === '' ? 'index.html' : `${relative}/index.html`;
          if ((await fileKind(path.join(absolute, 'index.html'))) === 'file') {
            return send(request, reply, index);
          }
        }
        const last = segments.at(-1) ?? '';
        if (spaFallback && !HAS_EXTENSION.test(last) && acceptsHtml(request)) {
          if ((await fileKind(path.join(root, 'index.html'))) === 'file') {
            return send(request, reply, 'index.html');
          }
        }
        return reply.callNotFound();
      });
    },
    { prefix: options.prefix ?? '' },
  );
}
