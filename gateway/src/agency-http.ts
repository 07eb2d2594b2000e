import { Agent } from 'undici';
import type { AgencyFailure } from './connectors/types.ts';

/** Largest agency answer read; the rest is not even downloaded. */
export const MAX_AGENCY_BODY_BYTES = 5_000_000;

export interface AgencyLogger {
  warn(details: object, message: string): void;
  info?(details: object, message: string): void;
}

export type AgencyAnswer =
  | {
      kind: 'answer';
      httpStatus: number;
      body: unknown;
      isJson: boolean;
      /** The raw answer (binary documents); set by `send` and `getBinary`. */
      bytes?: Uint8Array;
      contentType?: string;
    }
  | { kind: 'failure'; reason: AgencyFailure; message: string; details: object };

export interface AgencyHttpOptions {
  /** Portal source id, for the log. */
  source: string;
  timeoutMs: number;
  maxBodyBytes?: number;
  /** Replaces the global fetch (looked up per call, so that a fetch patched later, msw, is honoured). */
  fetch?: typeof fetch;
}

/** The connection pool to one agency: kept-alive connections, a bounded number of them. */
export function createAgencyAgent(timeoutMs: number): Agent {
  return new Agent({
    keepAliveTimeout: 30_000,
    keepAliveMaxTimeout: 60_000,
    connections: 64,
    connect: { timeout: Math.min(timeoutMs, 10_000) },
  });
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || isTimeout(error.cause));
}

class TooLarge extends Error {}

/** Reads a body up to `max` bytes; past that it stops reading and throws TooLarge. */
async function readCappedBytes(response: Response, max: number): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > max) {
    await response.body?.cancel().catch(() => undefined);
    throw new TooLarge();
  }
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      throw new TooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/**
 * GETs JSON from one agency over a kept-alive connection pool, with a time limit and a size limit
 * (the answer is read as it arrives and abandoned at the limit). Never throws: a failure is an
 * answer of kind "failure" with a message safe to show.
 */
export function createAgencyHttp(options: AgencyHttpOptions) {
  const { timeoutMs } = options;
  const maxBodyBytes = options.maxBodyBytes ?? MAX_AGENCY_BODY_BYTES;
  const seconds = Math.max(1, Math.round(timeoutMs / 1000));
  const agent = createAgencyAgent(timeoutMs);

  async function exchange(
    url: string,
    request: { method: 'GET' | 'POST'; accept: string; json?: unknown; raw: boolean },
  ): Promise<AgencyAnswer> {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const doFetch = options.fetch ?? globalThis.fetch;
      const init = {
        method: request.method,
        headers: {
          accept: request.accept,
          ...(request.json === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(request.json === undefined ? {} : { body: JSON.stringify(request.json) }),
        signal,
        redirect: 'error',
        dispatcher: agent,
      } as RequestInit;
      const response = await doFetch(url, init);
      const bytes = await readCappedBytes(response, maxBodyBytes);
      const text = bytes.toString('utf8');
      const extra = request.raw
        ? { bytes: new Uint8Array(bytes), contentType: response.headers.get('content-type') ?? '' }
        : {};
      try {
        return {
          kind: 'answer',
          httpStatus: response.status,
          body: JSON.parse(text),
          isJson: true,
          ...extra,
        };
      } catch {
        return { kind: 'answer', httpStatus: response.status, body: undefined, isJson: false, ...extra };
      }
    } catch (error) {
      if (error instanceof TooLarge) {
        return {
          kind: 'failure',
          reason: 'invalid-response',
          message: 'The service sent an answer that is too large.',
          details: { url, maxBodyBytes },
        };
      }
      if (isTimeout(error) || signal.aborted) {
        return {
          kind: 'failure',
          reason: 'timeout',
          message: `The service did not answer within ${seconds} seconds.`,
          details: { url, timeoutMs },
        };
      }
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : undefined;
      return {
        kind: 'failure',
        reason: 'unavailable',
        message: 'The service could not be reached.',
        details: { url, error: String(error), cause },
      };
    }
  }

  /** GET of JSON. */
  const get = (url: string) => exchange(url, { method: 'GET', accept: 'application/json', raw: false });

  return {
    get,
    /** POST of a JSON body (a write: never retried). The answer carries its raw bytes too. */
    postJson: (url: string, json: unknown) =>
      exchange(url, { method: 'POST', accept: 'application/json', json, raw: true }),
    /** GET of a binary document (e.g. a PDF): the answer carries `bytes` and `contentType`. */
    getBinary: (url: string, accept = 'application/pdf, application/json') =>
      exchange(url, { method: 'GET', accept, raw: true }),
    /** Closes the kept-alive connections. */
    close: () => agent.close(),
  };
}

export type AgencyHealthState = 'ok' | AgencyFailure;

/**
 * Logs how an agency is doing only when that changes ("unavailable", then "answering again"),
 * not once per request: with an agency down under load, per-request warnings were most of the log.
 */
export function createAgencyHealth(source: string, logger: AgencyLogger | undefined) {
  let state: AgencyHealthState = 'ok';
  return {
    get: () => state,
    report(next: AgencyHealthState, details: object = {}) {
      if (next === state) return;
      const previous = state;
      state = next;
      if (next === 'ok') {
        (logger?.info ?? logger?.warn)?.call(
          logger,
          { source, previous },
          `agency ${source}: answering again`,
        );
      } else {
        logger?.warn({ source, state: next, previous, ...details }, `agency ${source}: ${next}`);
      }
    },
  };
}
