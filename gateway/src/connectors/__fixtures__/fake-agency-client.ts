import { readFileSync } from 'node:fs';
import type { AgencyAnswer } from '../../agency-http.ts';
import type { AgencyClient, AgencyEntry } from '../../agencies/types.ts';

/*
 * A fake AgencyClient for connector unit tests: it answers recorded raw payloads (files next to
 * this one) by method and path, and remembers what it was asked and told.
 */

const here = new URL('.', import.meta.url);

/** A recorded payload's text, e.g. fixture('aeat/servicios.json'). */
export function fixture(name: string): string {
  return readFileSync(new URL(name, here), 'utf8');
}

/** An HTTP answer as the framework's client gives it (JSON parsed when it is JSON). */
export function answer(
  httpStatus: number,
  text: string,
  contentType = 'application/json; charset=utf-8',
): AgencyAnswer {
  let body: unknown;
  let isJson = false;
  try {
    body = JSON.parse(text);
    isJson = true;
  } catch {
    body = undefined;
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

export const timeout = (): AgencyAnswer => ({
  kind: 'failure',
  reason: 'timeout',
  message: 'The service did not answer within 4 seconds.',
  details: {},
});
export const unreachable = (): AgencyAnswer => ({
  kind: 'failure',
  reason: 'unavailable',
  message: 'The service could not be reached.',
  details: {},
});

export interface Sent {
  method: string;
  path: string;
  body?: { contentType: string; text: string };
}

export interface FakeClient extends AgencyClient {
  /** Sets the answer to `METHOD path` (exact path, query included). */
  on(method: string, path: string, result: AgencyAnswer | (() => AgencyAnswer)): FakeClient;
  readonly sent: Sent[];
  readonly reports: { state: string; details?: object }[];
  /** As the framework's client has them (gateway/src/agency-http.ts). */
  circuit(): 'closed' | 'open' | 'half-open';
  close(): Promise<void>;
}

export function fakeClient(): FakeClient {
  const routes = new Map<string, () => AgencyAnswer>();
  const sent: Sent[] = [];
  const reports: { state: string; details?: object }[] = [];
  const lookup = (method: string, path: string): AgencyAnswer =>
    routes.get(`${method} ${path}`)?.() ??
    answer(404, JSON.stringify({ error: 'not-found', message: `no fixture for ${method} ${path}` }));
  const client: FakeClient = {
    sent,
    reports,
    on(method, path, result) {
      routes.set(`${method} ${path}`, typeof result === 'function' ? result : () => result);
      return client;
    },
    async get(path) {
      sent.push({ method: 'GET', path });
      return lookup('GET', path);
    },
    async send(method, path, body) {
      sent.push(body === undefined ? { method, path } : { method, path, body });
      return lookup(method, path);
    },
    report(state, details) {
      reports.push(details === undefined ? { state } : { state, details });
    },
    circuit: () => 'closed',
    close: async () => undefined,
  };
  return client;
}

export function entry(
  overrides: Partial<AgencyEntry> & Pick<AgencyEntry, 'id' | 'connector' | 'dir3' | 'name'>,
): AgencyEntry {
  return {
    baseUrl: 'http://agency.test',
    timeoutMs: 1000,
    cacheSeconds: 0,
    domains: ['files', 'appointments'],
    options: {},
    ...overrides,
  };
}

export function recordingLogger() {
  const warnings: { details: object; message: string }[] = [];
  return {
    warnings,
    logger: { warn: (details: object, message: string) => warnings.push({ details, message }) },
  };
}
