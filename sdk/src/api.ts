import { z } from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import { apiErrorSchema } from './domain.ts';
import { ApiError } from './errors.ts';

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface WriteOptions<B extends $ZodType, S extends $ZodType | undefined> extends RequestOptions {
  /** The body is checked against it before anything is sent. */
  bodySchema: B;
  /** The answer is checked against it; leave it out for answers without a body (204). */
  schema?: S;
  /**
   * Sent as `Idempotency-Key`: the gateway answers a repeated write with the first answer instead of
   * doing it twice (a double click, a retry after a network error). Use one key per intended write.
   */
  idempotencyKey?: string;
}

type Answer<S extends $ZodType | undefined> = S extends $ZodType ? z.infer<S> : undefined;

export interface ApiClient {
  get<S extends $ZodType>(path: string, schema: S, init?: RequestOptions): Promise<z.infer<S>>;
  post<B extends $ZodType, S extends $ZodType | undefined = undefined>(
    path: string,
    body: z.input<B>,
    options: WriteOptions<B, S>,
  ): Promise<Answer<S>>;
  put<B extends $ZodType, S extends $ZodType | undefined = undefined>(
    path: string,
    body: z.input<B>,
    options: WriteOptions<B, S>,
  ): Promise<Answer<S>>;
  /**
   * POSTs a multipart form (files: a registry submission). No body schema: build the form with the
   * contract's helper (e.g. `registryForm`); the answer is checked against `schema`.
   */
  postForm<S extends $ZodType>(
    path: string,
    form: FormData,
    options: RequestOptions & { schema: S; idempotencyKey?: string },
  ): Promise<z.infer<S>>;
  delete<S extends $ZodType | undefined = undefined>(
    path: string,
    options?: RequestOptions & { schema?: S; idempotencyKey?: string },
  ): Promise<Answer<S>>;
  /**
   * GETs a file (a PDF, a ZIP): the gateway's answer itself, to read as it streams in. A failure
   * is the same ApiError as for `get`.
   */
  download(path: string, init?: RequestOptions): Promise<Response>;
}

export interface ApiClientOptions {
  /** Origin and prefix of the gateway's API, e.g. "/api". */
  baseUrl: string;
  /** The MFE making the calls, sent as a header for auditing and scopes. */
  mfeId: string;
  fetch?: typeof fetch;
  /** The session's CSRF token, sent with every write (the shell provides it). */
  csrfToken?: () => string | null;
  /**
   * Told of every typed error before it is thrown, so the shell can react to the session ones
   * (`unauthenticated`, `step-up-required`, `representation-ended`).
   */
  onError?: (error: ApiError) => void;
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;

/**
 * The only way an MFE talks to the gateway: same-origin, cookies included, the CSRF token on every
 * write, bodies and answers validated against the contract's schemas, failures turned into ApiError.
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const base = options.baseUrl.replace(/\/$/, '');

  function fail(error: ApiError): never {
    options.onError?.(error);
    throw error;
  }

  async function call(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    schema: $ZodType | undefined,
    init: RequestOptions & { body?: unknown; form?: FormData; idempotencyKey?: string | undefined },
  ): Promise<unknown> {
    if (!path.startsWith('/')) throw new TypeError('API paths start with "/"');
    const headers: Record<string, string> = { accept: 'application/json', 'x-carpeta-mfe': options.mfeId };
    if (method !== 'GET') {
      const token = options.csrfToken?.();
      if (token) headers['x-csrf-token'] = token;
      if (init.idempotencyKey !== undefined) {
        if (!IDEMPOTENCY_KEY.test(init.idempotencyKey)) {
          throw new TypeError('An idempotency key is 8 to 100 letters, digits, "-" or "_"');
        }
        headers['idempotency-key'] = init.idempotencyKey;
      }
    }
    let body: string | FormData | undefined;
    if (init.form !== undefined) {
      // The browser writes the multipart content type with its boundary.
      body = init.form;
    } else if (init.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.body);
    }
    const response = await send(`${base}${path}`, {
      method,
      credentials: 'same-origin',
      headers,
      body,
      signal: init.signal,
    });
    if (response.status === 204 && response.ok) {
      if (schema === undefined) return undefined;
      return fail(new ApiError('internal', 'The portal answered without the expected data.', 204));
    }
    let parsedBody: unknown;
    try {
      parsedBody = await response.json();
    } catch {
      return fail(
        new ApiError('internal', 'The portal answered with something that is not JSON.', response.status),
      );
    }
    if (!response.ok) {
      const parsed = apiErrorSchema.safeParse(parsedBody);
      if (parsed.success) {
        const { code, message, source } = parsed.data.error;
        return fail(new ApiError(code, message, response.status, source));
      }
      return fail(new ApiError('internal', `Unexpected answer (${response.status}).`, response.status));
    }
    if (schema === undefined) return undefined;
    const parsed = z.safeParse(schema, parsedBody);
    if (!parsed.success) {
      return fail(new ApiError('internal', 'The portal answered in an unexpected format.', response.status));
    }
    return parsed.data;
  }

  async function send(url: string, init: RequestInit): Promise<Response> {
    try {
      return await doFetch(url, init);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      return fail(new ApiError('agency-unavailable', 'The portal could not be reached.', 0));
    }
  }

  async function download(path: string, init: RequestOptions = {}): Promise<Response> {
    if (!path.startsWith('/')) throw new TypeError('API paths start with "/"');
    const response = await send(`${base}${path}`, {
      credentials: 'same-origin',
      headers: { 'x-carpeta-mfe': options.mfeId },
      signal: init.signal,
    });
    if (response.ok) return response;
    const parsed = apiErrorSchema.safeParse(await response.json().catch(() => undefined));
    if (parsed.success) {
      const { code, message, source } = parsed.data.error;
      return fail(new ApiError(code, message, response.status, source));
    }
    return fail(new ApiError('internal', `Unexpected answer (${response.status}).`, response.status));
  }

  function checkedBody(bodySchema: $ZodType, body: unknown): unknown {
    const parsed = z.safeParse(bodySchema, body);
    if (!parsed.success) {
      throw new ApiError('bad-request', `The data to send is not valid: ${z.prettifyError(parsed.error)}`, 0);
    }
    return parsed.data;
  }

  return {
    get: (path, schema, init = {}) => call('GET', path, schema, init) as never,
    post: async (path, body, { bodySchema, schema, ...init }) =>
      (await call('POST', path, schema, { ...init, body: checkedBody(bodySchema, body) })) as never,
    put: async (path, body, { bodySchema, schema, ...init }) =>
      (await call('PUT', path, schema, { ...init, body: checkedBody(bodySchema, body) })) as never,
    postForm: (path, form, { schema, ...init }) => call('POST', path, schema, { ...init, form }) as never,
    delete: (path, { schema, ...init } = {}) => call('DELETE', path, schema, init) as never,
    download,
  };
}

/** A fresh key for one intended write (Web Crypto, available in browsers and Node). */
export function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}
