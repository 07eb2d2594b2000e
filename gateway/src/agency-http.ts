import {
  BrokenCircuitError,
  CircuitState,
  circuitBreaker,
  ExponentialBackoff,
  type IBreaker,
  IsolatedCircuitError,
  handleWhenResult,
  retry,
} from 'cockatiel';
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
      /** The media type without parameters, lower case ("application/xml"); "" when none was sent. */
      contentType: string;
      /** The body decoded as text (the charset of Content-Type, else UTF-8). */
      text: string;
      bytes: Uint8Array;
      /** The parsed JSON, or undefined when the body is not JSON. */
      body: unknown;
      isJson: boolean;
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
export function createAgencyAgent(timeoutMs: number, connectTimeoutMs = Math.min(timeoutMs, 10_000)): Agent {
  return new Agent({
    keepAliveTimeout: 30_000,
    keepAliveMaxTimeout: 60_000,
    connections: 64,
    connect: { timeout: connectTimeoutMs },
  });
}

function isTimeout(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === 'TimeoutError' ||
      (error as { code?: unknown }).code === 'UND_ERR_CONNECT_TIMEOUT' ||
      isTimeout(error.cause))
  );
}

class TooLarge extends Error {}

/** Reads a body up to `max` bytes; past that it stops reading and throws TooLarge. */
async function readCapped(response: Response, max: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > max) {
    await response.body?.cancel().catch(() => undefined);
    throw new TooLarge();
  }
  if (!response.body) return new Uint8Array(0);
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
  return new Uint8Array(Buffer.concat(chunks, total));
}

/** "text/xml; charset=ISO-8859-1" → { type: "text/xml", charset: "iso-8859-1" }. */
function parseContentType(header: string | null): { type: string; charset: string } {
  const [type = '', ...parameters] = (header ?? '').split(';');
  let charset = 'utf-8';
  for (const parameter of parameters) {
    const [name, value] = parameter.split('=');
    if (name?.trim().toLowerCase() === 'charset' && value) {
      charset = value.trim().replace(/^"|"$/g, '').toLowerCase();
    }
  }
  return { type: type.trim().toLowerCase(), charset };
}

function decode(bytes: Uint8Array, charset: string): string {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    // An unknown charset label: read it as UTF-8 (invalid sequences become U+FFFD).
    return new TextDecoder('utf-8').decode(bytes);
  }
}

interface SendInit {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  accept: string;
  body?: { contentType: string; text: string };
  /** Further request headers a protocol needs (e.g. FHIR's If-None-Exist). */
  headers?: Readonly<Record<string, string>>;
  signal: AbortSignal;
}

/** One HTTP exchange with an agency, never throwing: an answer (any status) or a classified failure. */
async function exchange(
  url: string,
  init: SendInit,
  context: { agent: Agent; maxBodyBytes: number; timeoutMs: number; fetch: typeof fetch | undefined },
): Promise<AgencyAnswer> {
  const seconds = Math.max(1, Math.round(context.timeoutMs / 1000));
  try {
    const doFetch = context.fetch ?? globalThis.fetch;
    const headers: Record<string, string> = { ...init.headers, accept: init.accept };
    if (init.body) headers['content-type'] = init.body.contentType;
    const request = {
      method: init.method,
      headers,
      signal: init.signal,
      redirect: 'error',
      dispatcher: context.agent,
      ...(init.body ? { body: init.body.text } : {}),
    } as RequestInit;
    const response = await doFetch(url, request);
    const bytes = await readCapped(response, context.maxBodyBytes);
    const { type, charset } = parseContentType(response.headers.get('content-type'));
    const text = decode(bytes, charset);
    let body: unknown;
    let isJson = false;
    try {
      body = JSON.parse(text);
      isJson = true;
    } catch {
      body = undefined;
    }
    return { kind: 'answer', httpStatus: response.status, contentType: type, text, bytes, body, isJson };
  } catch (error) {
    if (error instanceof TooLarge) {
      return {
        kind: 'failure',
        reason: 'invalid-response',
        message: 'The service sent an answer that is too large.',
        details: { url, maxBodyBytes: context.maxBodyBytes },
      };
    }
    if (isTimeout(error) || init.signal.aborted) {
      return {
        kind: 'failure',
        reason: 'timeout',
        message: `The service did not answer within ${seconds} seconds.`,
        details: { url, timeoutMs: context.timeoutMs },
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

/**
 * GETs JSON from one agency over a kept-alive connection pool, with a time limit and a size limit
 * (the answer is read as it arrives and abandoned at the limit). Never throws: a failure is an
 * answer of kind "failure" with a message safe to show. (The REA connector's client; the folder's
 * connectors use `createAgencyClient`, which adds retries and a circuit breaker.)
 */
export function createAgencyHttp(options: AgencyHttpOptions) {
  const { timeoutMs } = options;
  const maxBodyBytes = options.maxBodyBytes ?? MAX_AGENCY_BODY_BYTES;
  const agent = createAgencyAgent(timeoutMs);

  async function get(url: string): Promise<AgencyAnswer> {
    return exchange(
      url,
      { method: 'GET', accept: 'application/json', signal: AbortSignal.timeout(timeoutMs) },
      { agent, maxBodyBytes, timeoutMs, fetch: options.fetch },
    );
  }

  return {
    get,
    /** POST of a JSON body (a write: never retried). */
    postJson: (url: string, json: unknown): Promise<AgencyAnswer> =>
      exchange(
        url,
        {
          method: 'POST',
          accept: 'application/json',
          body: { contentType: 'application/json', text: JSON.stringify(json) },
          signal: AbortSignal.timeout(timeoutMs),
        },
        { agent, maxBodyBytes, timeoutMs, fetch: options.fetch },
      ),
    /** GET of a binary document (e.g. a PDF): the answer's `bytes` and `contentType`. */
    getBinary: (url: string, accept = 'application/pdf, application/json'): Promise<AgencyAnswer> =>
      exchange(
        url,
        { method: 'GET', accept, signal: AbortSignal.timeout(timeoutMs) },
        { agent, maxBodyBytes, timeoutMs, fetch: options.fetch },
      ),
    /** Closes the kept-alive connections. */
    close: () => agent.close(),
  };
}

// ---------------------------------------------------------------------------------------------
// The folder's agency client: one per configured source.

/** What a connector sees of the HTTP client of its source (see docs/ARCHITECTURE.md). */
export interface AgencyClient {
  /** GET, idempotent: retried (bounded, with backoff) on connection timeouts, resets and 502/503/504. */
  get(path: string, options?: { accept?: string }): Promise<AgencyAnswer>;
  /** Writes: never retried. `headers`: what the agency's protocol needs besides Accept and Content-Type. */
  send(
    method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    body?: { contentType: string; text: string },
    options?: { accept?: string; headers?: Readonly<Record<string, string>> },
  ): Promise<AgencyAnswer>;
  /**
   * The connector tells the breaker and the health log about answers it could not use (garbage,
   * agency errors inside a 200) or that were fine.
   */
  report(state: AgencyHealthState, details?: object): void;
  /** The circuit: closed (calls go through), open (answers at once), half-open (one probe). */
  circuit(): CircuitStatus;
  /** Closes the kept-alive connections. */
  close(): Promise<void>;
}

export type CircuitStatus = 'closed' | 'open' | 'half-open';

export interface AgencyClientOptions {
  /** Portal source id, for the log. */
  source: string;
  /** The agency's base URL; every path is appended to it. */
  baseUrl: string;
  /** The whole budget of one call, retries included. */
  timeoutMs: number;
  /** Retries of a GET after the first attempt (default 2). */
  retries?: number;
  /** First backoff delay before a retry (default 50 ms; decorrelated jitter, exponential). */
  retryDelayMs?: number;
  /** Consecutive failed calls that open the circuit (default 5). */
  breakerThreshold?: number;
  /** How long the circuit stays open before one probe call is let through (default 10 s). */
  halfOpenAfterMs?: number;
  maxBodyBytes?: number;
  fetch?: typeof fetch;
  logger?: AgencyLogger;
}

export const DEFAULT_BREAKER_FAILURES = 5;
export const DEFAULT_HALF_OPEN_AFTER_MS = 10_000;

/** HTTP statuses after which a GET is tried again: the agency (or its proxy) is momentarily unable. */
const RETRY_STATUSES = new Set([502, 503, 504]);

/** Whether an answer counts as a failure of the agency for the circuit breaker. */
export function isAgencyFailure(answer: AgencyAnswer): boolean {
  return answer.kind === 'failure' || answer.httpStatus >= 500;
}

function retryable(answer: AgencyAnswer): boolean {
  if (answer.kind === 'answer') return RETRY_STATUSES.has(answer.httpStatus);
  // A timeout that spent the call's budget is not retried (nothing is left); a connection timeout is.
  return answer.reason === 'timeout' || answer.reason === 'unavailable';
}

export const CIRCUIT_OPEN_MESSAGE = 'The service is failing; it will be tried again shortly.';

/**
 * Consecutive failures, where a connector's "this 200 was unusable" undoes the success the HTTP
 * layer had counted for that answer: an agency that answers garbage opens the circuit as one that
 * answers 500 does.
 */
class ReportingBreaker implements IBreaker {
  state = 0;
  private beforeSuccess = 0;
  private readonly threshold: number;
  constructor(threshold: number) {
    this.threshold = threshold;
  }
  success() {
    if (this.state > 0) this.beforeSuccess = this.state;
    this.state = 0;
  }
  failure() {
    this.state += 1;
    return this.state >= this.threshold;
  }
  /** Before a reported failure: count from where the last success reset it. */
  undoSuccess() {
    if (this.state === 0) this.state = this.beforeSuccess;
    this.beforeSuccess = 0;
  }
  confirmSuccess() {
    this.beforeSuccess = 0;
  }
}

/** What a connector's report of an unusable answer counts as, for the breaker. */
const REPORTED_FAILURE: AgencyAnswer = {
  kind: 'failure',
  reason: 'invalid-response',
  message: 'The service answered in an unexpected format.',
  details: { reported: true },
};

/**
 * The HTTP client of one source: timeout, bounded retries with backoff for GETs only, 5 MB cap,
 * text, bytes and content type in every answer, and a circuit breaker (cockatiel) that stops
 * calling an agency that keeps failing, answers at once while open, and lets one probe through
 * after `halfOpenAfterMs`. Changes of state are logged once, not per request. Never throws.
 */
export function createAgencyClient(options: AgencyClientOptions): AgencyClient {
  const { source, timeoutMs } = options;
  const base = options.baseUrl.replace(/\/+$/, '');
  const maxBodyBytes = options.maxBodyBytes ?? MAX_AGENCY_BODY_BYTES;
  // A connection that cannot be opened in a third of the budget is abandoned and tried again.
  const agent = createAgencyAgent(timeoutMs, Math.max(1, Math.floor(timeoutMs / 3)));
  const context = { agent, maxBodyBytes, timeoutMs, fetch: options.fetch };
  const health = createAgencyHealth(source, options.logger);
  const breakerCounter = new ReportingBreaker(options.breakerThreshold ?? DEFAULT_BREAKER_FAILURES);
  const breaker = circuitBreaker(
    handleWhenResult((result) => isAgencyFailure(result as AgencyAnswer)),
    {
      halfOpenAfter: options.halfOpenAfterMs ?? DEFAULT_HALF_OPEN_AFTER_MS,
      breaker: breakerCounter,
    },
  );
  const retryDelay = options.retryDelayMs ?? 50;
  breaker.onStateChange((state) => {
    const name = circuitName(state);
    const log = name === 'open' ? options.logger?.warn : (options.logger?.info ?? options.logger?.warn);
    log?.call(options.logger, { source, circuit: name }, `agency ${source}: circuit ${name}`);
  });

  const openFailure = (): AgencyAnswer => ({
    kind: 'failure',
    reason: 'unavailable',
    message: CIRCUIT_OPEN_MESSAGE,
    details: { circuit: 'open' },
  });

  /** Runs one call through the breaker; an open circuit answers at once. */
  async function guarded(run: () => Promise<AgencyAnswer>): Promise<AgencyAnswer> {
    let answer: AgencyAnswer;
    try {
      answer = await breaker.execute(run);
    } catch (error) {
      if (error instanceof BrokenCircuitError || error instanceof IsolatedCircuitError) return openFailure();
      throw error;
    }
    if (answer.kind === 'failure') health.report(answer.reason, answer.details);
    else if (answer.httpStatus >= 500) health.report('unavailable', { httpStatus: answer.httpStatus });
    // Reachable again; whether the answer is usable is the connector's to say (`report`).
    else if (health.get() !== 'invalid-response') health.report('ok');
    return answer;
  }

  return {
    async get(path, requestOptions = {}) {
      const url = `${base}${path}`;
      const deadline = Date.now() + timeoutMs;
      const accept = requestOptions.accept ?? 'application/json';
      return guarded(async () => {
        const attempts = retry(
          handleWhenResult(
            (result) => retryable(result as AgencyAnswer) && deadline - Date.now() > retryDelay,
          ),
          {
            maxAttempts: options.retries ?? 2,
            backoff: new ExponentialBackoff({ initialDelay: retryDelay, maxDelay: retryDelay * 8 }),
          },
        );
        // A retry cut short by the call's budget says what the agency did before, not "timeout".
        let previous: AgencyAnswer | undefined;
        return attempts.execute(async () => {
          const left = deadline - Date.now();
          if (left <= 0) {
            return (
              previous ?? {
                kind: 'failure',
                reason: 'timeout',
                message: `The service did not answer within ${Math.max(1, Math.round(timeoutMs / 1000))} seconds.`,
                details: { url, timeoutMs },
              }
            );
          }
          const answer = await exchange(
            url,
            { method: 'GET', accept, signal: AbortSignal.timeout(left) },
            context,
          );
          if (answer.kind === 'failure' && answer.reason === 'timeout' && previous) return previous;
          previous = answer;
          return answer;
        });
      });
    },

    async send(method, path, body, requestOptions = {}) {
      const url = `${base}${path}`;
      const accept = requestOptions.accept ?? 'application/json';
      return guarded(() =>
        exchange(
          url,
          {
            method,
            accept,
            signal: AbortSignal.timeout(timeoutMs),
            ...(body ? { body } : {}),
            ...(requestOptions.headers ? { headers: requestOptions.headers } : {}),
          },
          context,
        ),
      );
    },

    report(state, details = {}) {
      health.report(state, details);
      if (state === 'ok') {
        breakerCounter.confirmSuccess();
        return;
      }
      if (breaker.state !== CircuitState.Closed) return;
      breakerCounter.undoSuccess();
      // Counted as a failed call of the breaker's own (it may open the circuit).
      breaker.execute(() => REPORTED_FAILURE).catch(() => undefined);
    },

    circuit: () => circuitName(breaker.state),
    close: () => agent.close(),
  };
}

function circuitName(state: CircuitState): CircuitStatus {
  switch (state) {
    case CircuitState.Closed:
      return 'closed';
    case CircuitState.HalfOpen:
      return 'half-open';
    default:
      return 'open';
  }
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
