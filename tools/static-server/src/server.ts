import fastifyCors from '@fastify/cors';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerStatic } from './register-static.ts';

export interface StaticServerOptions {
  root: string;
  /** Origins (e.g. the portal's "http://127.0.0.1:4000") allowed to load these files cross-origin. */
  corsOrigins: string[];
  spaFallback?: boolean;
  logger?: boolean;
  /** Serve source maps and mf-stats.json too (off: production-like hosting). */
  debugFiles?: boolean;
}

/**
 * A static origin serves scripts, styles and assets, never a page of the portal: its answers
 * allow nothing to run, frame or be framed if one is ever opened as a document.
 */
export const STATIC_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * A production-like static host for one build output (an MFE's dist, the design system…): what a
 * CDN in front of object storage would do. Returns the instance; the caller listens.
 */
export function createStaticServer(options: StaticServerOptions): FastifyInstance {
  // Closing ends every connection, also one whose answer a client is not reading (a paused stream, a
  // tab in the background): with Fastify's default ('idle') such a close never finishes, and a test
  // or a stop (Ctrl+C) waits on it for ever. A static file has nothing worth finishing.
  const app = Fastify({ logger: options.logger ?? false, forceCloseConnections: true });
  const allowed = new Set(options.corsOrigins.map((origin) => origin.replace(/\/$/, '')));

  app.addHook('onRequest', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('content-security-policy', STATIC_CSP);
    reply.header('referrer-policy', 'no-referrer');
    reply.header('vary', 'Origin');
  });

  app.register(fastifyCors, {
    // Answer only the configured portal origins; any other Origin gets no Access-Control-Allow-Origin.
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'HEAD'],
    strictPreflight: false,
  });

  app.setNotFoundHandler((_request, reply) => {
    reply.code(404).header('cache-control', 'no-cache').type('text/plain; charset=utf-8').send('Not found');
  });

  registerStatic(app, {
    root: options.root,
    spaFallback: options.spaFallback ?? false,
    debugFiles: options.debugFiles ?? false,
  });
  return app;
}
