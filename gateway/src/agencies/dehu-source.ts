import type { AgencyAnswer, AgencyClient } from '../agency-http.ts';
import { createDehuConnector } from '../connectors/dehu.ts';
import type { SourceConnector } from '../connectors/types.ts';
import type { ConnectorFactory } from './types.ts';

/**
 * A `fetch` for a connector written against `createAgencyHttp` (DEHú today): every GET goes through
 * the source's AgencyClient, so it gets the client's retries and circuit breaker; a POST (an act on
 * a notification) goes through its `send`, never retried. A failure of the
 * client becomes the error fetch would throw (a TimeoutError, or "fetch failed").
 */
export function fetchThroughClient(client: AgencyClient, baseUrl: string): typeof fetch {
  const base = baseUrl.replace(/\/+$/, '');
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(base)) throw new TypeError('fetch failed');
    const headers = new Headers(init?.headers);
    const accept = headers.get('accept') ?? 'application/json';
    const path = url.slice(base.length);
    // Reads go through the client's retries; acts (POST) are writes, sent once.
    const answer: AgencyAnswer =
      init?.method === 'POST'
        ? await client.send(
            'POST',
            path,
            typeof init.body === 'string'
              ? { contentType: headers.get('content-type') ?? 'application/json', text: init.body }
              : undefined,
            { accept },
          )
        : await client.get(path, { accept });
    if (answer.kind === 'failure') {
      if (answer.reason === 'timeout') throw new DOMException(answer.message, 'TimeoutError');
      throw new TypeError('fetch failed', { cause: new Error(answer.message) });
    }
    return new Response(answer.bytes.byteLength > 0 ? answer.bytes.slice() : null, {
      status: answer.httpStatus,
      headers: answer.contentType ? { 'content-type': answer.contentType } : {},
    });
  }) as typeof fetch;
}

/** The `dehu` connector type: a DEHú-like notification hub (`createDehuConnector`). */
export const createDehuSource: ConnectorFactory = (entry, deps): SourceConnector => {
  const apiPath = typeof entry.options.apiPath === 'string' ? entry.options.apiPath : undefined;
  const notifications = createDehuConnector({
    id: entry.id,
    name: entry.name,
    baseUrl: entry.baseUrl,
    ...(apiPath === undefined ? {} : { apiPath }),
    timeoutMs: entry.timeoutMs,
    now: deps.now,
    logger: deps.logger,
    fetch: fetchThroughClient(deps.client, entry.baseUrl),
  });
  return {
    id: entry.id,
    name: entry.name,
    dir3: entry.dir3,
    domains: ['notifications'],
    notifications,
  };
};
