import type { AgencyAnswer } from '../../agency-http.ts';
import type { AgencyClient } from '../../agencies/types.ts';

/*
 * A plain fetch-based AgencyClient for the connectors' real-HTTP tests, until the framework's client
 * (gateway/src/agency-http.ts, with retries and the circuit breaker) lands; it has the same contract:
 * never throws, a failure is an answer of kind "failure" with a message safe to show.
 */
export function httpAgencyClient(baseUrl: string, timeoutMs: number) {
  const reports: string[] = [];
  async function call(
    method: string,
    path: string,
    body?: { contentType: string; text: string },
    accept?: string,
  ): Promise<AgencyAnswer> {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const headers: Record<string, string> = { accept: accept ?? 'application/json' };
      if (body) headers['content-type'] = body.contentType;
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers,
        signal,
        ...(body ? { body: body.text } : {}),
      });
      const bytes = new Uint8Array(await response.arrayBuffer());
      const text = new TextDecoder().decode(bytes);
      let parsed: unknown;
      let isJson = false;
      try {
        parsed = JSON.parse(text);
        isJson = true;
      } catch {
        parsed = undefined;
      }
      return {
        kind: 'answer',
        httpStatus: response.status,
        contentType: response.headers.get('content-type') ?? '',
        text,
        bytes,
        body: parsed,
        isJson,
      };
    } catch (error) {
      if (signal.aborted) {
        return {
          kind: 'failure',
          reason: 'timeout',
          message: 'The service did not answer in time.',
          details: { path },
        };
      }
      return {
        kind: 'failure',
        reason: 'unavailable',
        message: 'The service could not be reached.',
        details: { path, error: String(error) },
      };
    }
  }
  const client: AgencyClient & {
    reports: string[];
    circuit(): 'closed' | 'open' | 'half-open';
    close(): Promise<void>;
  } = {
    reports,
    get: (path, options) => call('GET', path, undefined, options?.accept),
    send: (method, path, body, options) => call(method, path, body, options?.accept),
    report: (state) => {
      reports.push(state);
    },
    circuit: () => 'closed',
    close: async () => undefined,
  };
  return client;
}

/** Sets the simulated agency's fault mode over its control endpoint. */
export async function setFault(agencyUrl: string, body: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${agencyUrl}/__control/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 200) throw new Error(`fault control answered ${response.status}`);
}
