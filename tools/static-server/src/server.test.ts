import { once } from 'node:events';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { cacheControlFor, createStaticServer, IMMUTABLE, NO_CACHE, registerStatic } from './index.ts';

const PORTAL = 'http://127.0.0.1:4000';
const BIG_SCRIPT = `export const text = ${JSON.stringify('carpeta '.repeat(2000))};\n`;
const INDEX_HTML = '<!doctype html><html lang="es"><title>Carpeta</title><div id="root"></div></html>';

let root: string;
let app: FastifyInstance;
let spaApp: FastifyInstance;
let base: string;
let spaBase: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'carpeta-static-'));
  await mkdir(path.join(root, 'assets'));
  await writeFile(path.join(root, 'index.html'), INDEX_HTML);
  await writeFile(path.join(root, 'remoteEntry.js'), BIG_SCRIPT);
  await writeFile(path.join(root, 'mf-manifest.json'), '{"name":"carpeta_home"}');
  await writeFile(path.join(root, 'assets', 'index-BQ3x9_aZ.js'), BIG_SCRIPT);
  await writeFile(path.join(root, 'assets', 'style-Dk2_x9Qa.css'), 'body{margin:0}');
  await writeFile(path.join(root, '.secret'), 'nope');
  await writeFile(path.join(root, 'remoteEntry.js.map'), '{"version":3,"sources":["../src/secret.ts"]}');
  await writeFile(path.join(root, 'assets', 'index-BQ3x9_aZ.js.map'), '{"version":3}');
  await writeFile(path.join(root, 'mf-stats.json'), '{"shared":[]}');

  app = createStaticServer({ root, corsOrigins: [PORTAL] });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

  spaApp = createStaticServer({ root, corsOrigins: [PORTAL], spaFallback: true });
  await spaApp.listen({ port: 0, host: '127.0.0.1' });
  spaBase = `http://127.0.0.1:${(spaApp.server.address() as { port: number }).port}`;
});

afterAll(async () => {
  await app?.close();
  await spaApp?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('cacheControlFor', () => {
  it('treats only content-hashed names as immutable', () => {
    expect(cacheControlFor('assets/index-BQ3x9_aZ.js')).toBe(IMMUTABLE);
    expect(cacheControlFor('assets/font-a1b2c3d4e5.woff2')).toBe(IMMUTABLE);
    expect(cacheControlFor('logo-ABCDEFGH.png')).toBe(IMMUTABLE);
    expect(cacheControlFor('index.html')).toBe(NO_CACHE);
    expect(cacheControlFor('remoteEntry.js')).toBe(NO_CACHE);
    expect(cacheControlFor('mf-manifest.json')).toBe(NO_CACHE);
    expect(cacheControlFor('manifest.webmanifest')).toBe(NO_CACHE);
    expect(cacheControlFor('assets/index-short.js')).toBe(NO_CACHE);
    expect(cacheControlFor('data-ABCDEFGHIJ.json')).toBe(NO_CACHE);
  });
});

describe('static server', () => {
  it('does not serve source maps or build statistics unless asked to (pnpm dev)', async () => {
    for (const file of ['/remoteEntry.js.map', '/assets/index-BQ3x9_aZ.js.map', '/mf-stats.json']) {
      expect((await fetch(`${base}${file}`)).status, file).toBe(404);
    }
    expect((await fetch(`${base}/mf-manifest.json`)).status).toBe(200);
    const debug = createStaticServer({ root, corsOrigins: [PORTAL], debugFiles: true });
    try {
      expect((await debug.inject({ url: '/remoteEntry.js.map' })).statusCode).toBe(200);
      expect((await debug.inject({ url: '/mf-stats.json' })).statusCode).toBe(200);
    } finally {
      await debug.close();
    }
  });

  it('sends a strict Content-Security-Policy on every answer', async () => {
    for (const file of ['/remoteEntry.js', '/index.html', '/nope.js']) {
      const response = await fetch(`${base}${file}`);
      expect(response.headers.get('content-security-policy'), file).toBe(
        "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      );
    }
  });

  it('negotiates brotli and gzip from Accept-Encoding', async () => {
    const url = `${base}/assets/index-BQ3x9_aZ.js`;
    // node's fetch would decode transparently: read the raw bytes through a Node request instead.
    const br = await rawGet(url, { 'accept-encoding': 'br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(BIG_SCRIPT);

    const gzip = await rawGet(url, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(BIG_SCRIPT);

    const identity = await rawGet(url, { 'accept-encoding': 'identity' });
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.body.toString()).toBe(BIG_SCRIPT);
    expect(String(identity.headers.vary).toLowerCase()).toContain('accept-encoding');
  });

  it('sends the build’s precompressed copies as they are, and compresses files that have none', async () => {
    // scripts/lib/precompress.ts writes these at build time; here, recognisable stand-ins.
    const precompressed = 'export const precompressed = true;\n'.repeat(100);
    await writeFile(path.join(root, 'assets', 'pre-CCCCCCCC.js'), precompressed);
    await writeFile(path.join(root, 'assets', 'pre-CCCCCCCC.js.br'), brotliCompressSync('// the .br copy\n'));
    await writeFile(path.join(root, 'assets', 'pre-CCCCCCCC.js.gz'), gzipSync('// the .gz copy\n'));
    const url = `${base}/assets/pre-CCCCCCCC.js`;
    const br = await rawGet(url, { 'accept-encoding': 'br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(brotliDecompressSync(br.body).toString()).toBe('// the .br copy\n');
    const gzip = await rawGet(url, { 'accept-encoding': 'gzip' });
    expect(gunzipSync(gzip.body).toString()).toBe('// the .gz copy\n');
    expect((await rawGet(url, { 'accept-encoding': 'identity' })).body.toString()).toBe(precompressed);
    expect(String(br.headers.vary).toLowerCase()).toContain('accept-encoding');
  });

  it('caches hashed assets forever and revalidates entry files', async () => {
    const hashed = await fetch(`${base}/assets/index-BQ3x9_aZ.js`);
    expect(hashed.status).toBe(200);
    expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(hashed.headers.get('content-type')).toMatch(/javascript/);

    for (const file of ['/index.html', '/remoteEntry.js', '/mf-manifest.json', '/']) {
      const response = await fetch(`${base}${file}`);
      expect(response.status, file).toBe(200);
      expect(response.headers.get('cache-control'), file).toBe('no-cache');
    }
    const css = await fetch(`${base}/assets/style-Dk2_x9Qa.css`);
    expect(css.headers.get('cache-control')).toBe(IMMUTABLE);
    expect(css.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers CORS for the portal origin only', async () => {
    const allowed = await fetch(`${base}/remoteEntry.js`, { headers: { origin: PORTAL } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(allowed.headers.get('vary')).toMatch(/origin/i);

    const refused = await fetch(`${base}/remoteEntry.js`, { headers: { origin: 'https://evil.example' } });
    expect(refused.status).toBe(200);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(refused.headers.get('vary')).toMatch(/origin/i);

    const preflight = await fetch(`${base}/remoteEntry.js`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('falls back to index.html for client-side routes only when enabled', async () => {
    const deep = await fetch(`${spaBase}/notifications/dehu:N-1`, { headers: { accept: 'text/html' } });
    expect(deep.status).toBe(200);
    expect(deep.headers.get('cache-control')).toBe('no-cache');
    expect(await deep.text()).toBe(INDEX_HTML);

    // Not a navigation: a missing script or a JSON request is a plain 404.
    expect((await fetch(`${spaBase}/missing.js`, { headers: { accept: 'text/html' } })).status).toBe(404);
    expect(
      (await fetch(`${spaBase}/notifications`, { headers: { accept: 'application/json' } })).status,
    ).toBe(404);
    // Without the option there is no fallback.
    expect((await fetch(`${base}/notifications`, { headers: { accept: 'text/html' } })).status).toBe(404);
  });

  it('answers 404 for missing files, dotfiles and escapes from the root', async () => {
    expect((await fetch(`${base}/nope.js`)).status).toBe(404);
    expect((await fetch(`${base}/.secret`)).status).toBe(404);
    expect((await rawGet(`${base}/assets/..%2F..%2Fetc%2Fpasswd`, {})).status).toBe(404);
    expect((await rawGet(`${base}/../../etc/passwd`, {})).status).toBe(404);
  });
});

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

async function rawGet(url: string, headers: Record<string, string>): Promise<RawResponse> {
  const { request } = await import('node:http');
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      // Keep the path exactly as written (no URL normalisation of "..").
      { host: target.hostname, port: target.port, path: url.slice(target.origin.length), headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('a page made per request', () => {
  it('transforms index.html for each request, private and uncached, and follows a rebuilt file', async () => {
    const pageRoot = await mkdtemp(path.join(tmpdir(), 'carpeta-page-'));
    const paged = Fastify();
    try {
      await writeFile(path.join(pageRoot, 'index.html'), '<html>one</html>');
      await registerStatic(paged, {
        root: pageRoot,
        spaFallback: true,
        page: (request, html) => html.replace('</html>', `<p>${request.url}</p></html>`),
      });
      const first = await paged.inject({ url: '/deep/link', headers: { accept: 'text/html' } });
      expect(first.body).toBe('<html>one<p>/deep/link</p></html>');
      expect(first.headers['cache-control']).toBe(`private, ${NO_CACHE}`);
      expect(String(first.headers.vary)).toContain('cookie');
      const root = await paged.inject({ url: '/' });
      expect(root.body).toBe('<html>one<p>/</p></html>');
      await new Promise((resolve) => setTimeout(resolve, 20));
      await writeFile(path.join(pageRoot, 'index.html'), '<html>two</html>');
      const rebuilt = await paged.inject({ url: '/index.html' });
      expect(rebuilt.body).toBe('<html>two<p>/index.html</p></html>');
    } finally {
      await paged.close();
      await rm(pageRoot, { recursive: true, force: true });
    }
  });
});

describe('closing', () => {
  it('ends when a client keeps a connection open or stops reading an answer', async () => {
    const bigRoot = await mkdtemp(path.join(tmpdir(), 'carpeta-close-'));
    const server = createStaticServer({ root: bigRoot, corsOrigins: [PORTAL] });
    const sockets: Socket[] = [];
    try {
      // Far more than the kernel's socket buffers hold: the answer cannot finish unread.
      await writeFile(path.join(bigRoot, 'big-ABCDEFGH.bin'), Buffer.alloc(32 * 1024 * 1024, 1));
      await server.listen({ port: 0, host: '127.0.0.1' });
      const { port } = server.server.address() as { port: number };
      const open = async () => {
        const socket = connect(port, '127.0.0.1');
        sockets.push(socket);
        await once(socket, 'connect');
        return socket;
      };
      const reader = await open();
      reader.pause();
      reader.write('GET /big-ABCDEFGH.bin HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n');
      await open(); // connected, nothing asked yet
      // The answer has started (the server is writing it) before the close.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const closed = server.close().then(() => 'closed');
      const waited = new Promise((resolve) => setTimeout(() => resolve('still open after 5 s'), 5_000));
      expect(await Promise.race([closed, waited])).toBe('closed');
    } finally {
      for (const socket of sockets) socket.destroy();
      await rm(bigRoot, { recursive: true, force: true });
    }
  });
});
