import { z } from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import { apiErrorSchema } from './domain.ts';
import { ApiError } from './errors.ts';

export interface ApiClient {
  get<S extends $ZodType>(path: string, schema: S, init?: { signal?: AbortSignal }): Promise<z.infer<S>>;
}

export interface ApiClientOptions {
  /** Origin and prefix of the gateway's API, e.g. "/api". */
  baseUrl: string;
  /** The MFE making the calls, sent as a header for auditing and scopes. */
  mfeId: string;
  fetch?: typeof fetch;
}

/**
 * The only way an MFE talks to the gateway: same-origin, cookies included, answers validated
 * against the common schemas, failures turned into ApiError.
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const base = options.baseUrl.replace(/\/$/, '');
  return {
    async get(path, schema, init) {
      if (!path.startsWith('/')) throw new TypeError('API paths start with "/"');
      let response: Response;
      try {
        response = await doFetch(`${base}${path}`, {
          credentials: 'same-origin',
          headers: { accept: 'application/json', 'x-carpeta-mfe': options.mfeId },
          signal: init?.signal,
        });
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') throw error;
        throw new ApiError('agency-unavailable', 'The portal could not be reached.', 0);
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        throw new ApiError(
          'internal',
          'The portal answered with something that is not JSON.',
          response.status,
        );
      }
      if (!response.ok) {
        const parsed = apiErrorSchema.safeParse(body);
        if (parsed.success) {
          const { code, message, source } = parsed.data.error;
          throw new ApiError(code, message, response.status, source);
        }
        throw new ApiError('internal', `Unexpected answer (${response.status}).`, response.status);
      }
      const parsed = z.safeParse(schema, body);
      if (!parsed.success) {
        throw new ApiError('internal', 'The portal answered in an unexpected format.', response.status);
      }
      return parsed.data;
    },
  };
}
