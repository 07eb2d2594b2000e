import { readFileSync } from 'node:fs';
import type { AgencyAnswer } from '../agency-http.ts';
import type { AgencyClient, AgencyEntry, ConnectorDeps } from '../agencies/types.ts';

/*
 * Test support for the DGT, region and municipal-platform connectors: an AgencyClient that answers
 * from recorded payloads (fixtures), and one that calls a real HTTP server, standing in for the
 * framework's client until it lands.
 */

export function fixture(agency: string, name: string): string {
  return readFileSync(new URL(`./__fixtures__/${agency}/${name}`, import.meta.url), 'utf8');
}

export function answer(
  httpStatus: number,
  text: string,
  contentType = 'application/json; charset=utf-8',
): AgencyAnswer {
  let body: unknown;
  let isJson = false;
  if (contentType.includes('json')) {
    try {
      body = JSON.parse(text);
      isJson = true;
    } catch {
      body = undefined;
    }
  }
  return {
    kind: 'answer',
    httpStatus,
    contentType,
    text,
    bytes: new TextEncoder().encode(text),
    body,
    isJson,
  };
}

export interface RecordedCall {
  method: string;
  path: string;
  body?: string;
}

/** A client answering each path (exact, or the longest matching prefix) with a recorded answer. */
export function fakeClient(routes: Record<string, AgencyAnswer | (() => AgencyAnswer)>) {
  const calls: RecordedCall[] = [];
  const reports: { state: string; details?: object }[] = [];
  function find(method: string, path: string): AgencyAnswer {
    const key = `${method} ${path}`;
    const route = routes[key] ?? routes[path];
    if (!route) return answer(404, JSON.stringify({ error: 'no fixture', key }));
    return typeof route === 'function' ? route() : route;
  }
  // circuit() and close(): what the framework's client adds (gateway/src/agency-http.ts).
  const client = {
    async get(path: string) {
      calls.push({ method: 'GET', path });
      return find('GET', path);
    },
    async send(method: string, path: string, body?: { contentType: string; text: string }) {
      calls.push(body ? { method, path, body: body.text } : { method, path });
      return find(method, path);
    },
    report(state: string, details?: object) {
      reports.push(details ? { state, details } : { state });
    },
    circuit: () => 'closed' as const,
    close: async () => undefined,
  };
  return { client: client as AgencyClient, calls, reports };
}

/** A minimal real-HTTP client (no retries, no breaker): the framework's client replaces it. */
export function httpClient(baseUrl: string, timeoutMs: number): AgencyClient {
  async function call(
    method: string,
    path: string,
    body?: { contentType: string; text: string },
    accept?: string,
  ): Promise<AgencyAnswer> {
    try {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          accept: accept ?? 'application/json',
          ...(body ? { 'content-type': body.contentType } : {}),
        },
        ...(body ? { body: body.text } : {}),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      return answer(response.status, text, response.headers.get('content-type') ?? '');
    } catch (error) {
      const timeout =
        error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      return timeout
        ? {
            kind: 'failure',
            reason: 'timeout',
            message: 'The service did not answer in time.',
            details: { path },
          }
        : {
            kind: 'failure',
            reason: 'unavailable',
            message: 'The service could not be reached.',
            details: { path },
          };
    }
  }
  const client = {
    get: (path: string, options?: { accept?: string }) => call('GET', path, undefined, options?.accept),
    send: (
      method: string,
      path: string,
      body?: { contentType: string; text: string },
      options?: { accept?: string },
    ) => call(method, path, body, options?.accept),
    report: () => undefined,
    circuit: () => 'closed' as const,
    close: async () => undefined,
  };
  return client as AgencyClient;
}

export function entry(overrides: Partial<AgencyEntry> & Pick<AgencyEntry, 'id' | 'connector'>): AgencyEntry {
  return {
    name: overrides.id,
    dir3: 'E00000000',
    baseUrl: 'http://127.0.0.1:1',
    timeoutMs: 1000,
    cacheSeconds: 0,
    domains: ['files'],
    options: {},
    ...overrides,
  };
}

export function deps(client: AgencyClient, now: Date) {
  const warnings: { details: object; message: string }[] = [];
  const value: ConnectorDeps = {
    client,
    now: () => now,
    logger: { warn: (details, message) => warnings.push({ details, message }) },
  };
  return { deps: value, warnings };
}

/** A capability the test expects the connector to have. */
export function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the connector lacks a capability the test needs');
  return value;
}
