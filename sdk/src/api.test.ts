import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApiClient } from './api.ts';
import { ApiError } from './errors.ts';

function fakeFetch(status: number, body: string): typeof fetch {
  return async (input, init) => {
    calls.push({ url: String(input), headers: new Headers(init?.headers) });
    return new Response(body, { status, headers: { 'content-type': 'application/json' } });
  };
}
let calls: { url: string; headers: Headers }[] = [];
beforeAll(() => {
  calls = [];
});
afterEach(() => {
  calls = [];
});
afterAll(() => undefined);

const schema = z.object({ value: z.number() });

describe('createApiClient', () => {
  it('calls the gateway with the MFE id and validates the answer', async () => {
    const api = createApiClient({ baseUrl: '/api/', mfeId: 'home', fetch: fakeFetch(200, '{"value":3}') });
    await expect(api.get('/things', schema)).resolves.toEqual({ value: 3 });
    expect(calls[0]?.url).toBe('/api/things');
    expect(calls[0]?.headers.get('x-carpeta-mfe')).toBe('home');
  });

  it('turns typed gateway errors into ApiError', async () => {
    const body = JSON.stringify({ error: { code: 'agency-timeout', message: 'Slow', source: 'dehu' } });
    const api = createApiClient({ baseUrl: '/api', mfeId: 'x', fetch: fakeFetch(504, body) });
    const error = await api.get('/things', schema).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'agency-timeout', status: 504, source: 'dehu', message: 'Slow' });
  });

  it('rejects answers in the wrong shape or not JSON', async () => {
    const wrong = createApiClient({ baseUrl: '/api', mfeId: 'x', fetch: fakeFetch(200, '{"value":"3"}') });
    await expect(wrong.get('/things', schema)).rejects.toMatchObject({ code: 'internal' });
    const html = createApiClient({ baseUrl: '/api', mfeId: 'x', fetch: fakeFetch(502, '<html>') });
    await expect(html.get('/things', schema)).rejects.toMatchObject({ code: 'internal', status: 502 });
  });

  it('reports a network failure as unavailable', async () => {
    const api = createApiClient({
      baseUrl: '/api',
      mfeId: 'x',
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    await expect(api.get('/things', schema)).rejects.toMatchObject({ code: 'agency-unavailable', status: 0 });
  });
});

describe('createApiClient writes', () => {
  const bodySchema = z.object({ name: z.string().min(1) });

  function recordingFetch(status: number, body: string | null) {
    const seen: { method: string; headers: Headers; body: unknown }[] = [];
    const fetchImpl: typeof fetch = async (_input, init) => {
      seen.push({
        method: init?.method ?? 'GET',
        headers: new Headers(init?.headers),
        body: init?.body ? JSON.parse(String(init.body)) : undefined,
      });
      return new Response(body, { status, headers: { 'content-type': 'application/json' } });
    };
    return { seen, fetchImpl };
  }

  it('sends the CSRF token and the idempotency key with a validated body', async () => {
    const { seen, fetchImpl } = recordingFetch(201, '{"value":1}');
    const api = createApiClient({ baseUrl: '/api', mfeId: 'x', fetch: fetchImpl, csrfToken: () => 'tok' });
    const answer = await api.post(
      '/things',
      { name: 'Ana' },
      { bodySchema, schema, idempotencyKey: 'key-12345678' },
    );
    expect(answer).toEqual({ value: 1 });
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.headers.get('x-csrf-token')).toBe('tok');
    expect(seen[0]?.headers.get('idempotency-key')).toBe('key-12345678');
    expect(seen[0]?.headers.get('content-type')).toBe('application/json');
    expect(seen[0]?.body).toEqual({ name: 'Ana' });
  });

  it('refuses an invalid body before sending anything', async () => {
    const { seen, fetchImpl } = recordingFetch(201, '{}');
    const api = createApiClient({ baseUrl: '/api', mfeId: 'x', fetch: fetchImpl });
    await expect(api.put('/things', { name: '' }, { bodySchema })).rejects.toMatchObject({
      code: 'bad-request',
    });
    expect(seen).toHaveLength(0);
  });

  it('answers undefined for 204 and never sends the token with reads', async () => {
    const { seen, fetchImpl } = recordingFetch(204, null);
    const api = createApiClient({ baseUrl: '/api', mfeId: 'x', fetch: fetchImpl, csrfToken: () => 'tok' });
    await expect(api.delete('/things/1')).resolves.toBeUndefined();
    expect(seen[0]?.method).toBe('DELETE');
    expect(seen[0]?.headers.get('x-csrf-token')).toBe('tok');
    const reads = recordingFetch(200, '{"value":2}');
    const reader = createApiClient({
      baseUrl: '/api',
      mfeId: 'x',
      fetch: reads.fetchImpl,
      csrfToken: () => 'tok',
    });
    await reader.get('/things', schema);
    expect(reads.seen[0]?.headers.get('x-csrf-token')).toBeNull();
  });

  it('tells the shell of typed errors before throwing them', async () => {
    const body = JSON.stringify({ error: { code: 'step-up-required', message: 'Certificate needed' } });
    const { fetchImpl } = recordingFetch(403, body);
    const seenErrors: string[] = [];
    const api = createApiClient({
      baseUrl: '/api',
      mfeId: 'x',
      fetch: fetchImpl,
      onError: (error) => seenErrors.push(error.code),
    });
    await expect(api.get('/things', schema)).rejects.toMatchObject({ code: 'step-up-required', status: 403 });
    expect(seenErrors).toEqual(['step-up-required']);
  });

  it('refuses malformed idempotency keys', async () => {
    const { fetchImpl } = recordingFetch(201, '{}');
    const api = createApiClient({ baseUrl: '/api', mfeId: 'x', fetch: fetchImpl });
    await expect(
      api.post('/things', { name: 'a' }, { bodySchema, idempotencyKey: 'bad key\n' }),
    ).rejects.toThrow(TypeError);
  });
});

describe('createApiClient postForm', () => {
  it('sends the form as it is (the browser writes the boundary), with CSRF and the idempotency key', async () => {
    let sent: RequestInit | undefined;
    const api = createApiClient({
      baseUrl: '/api',
      mfeId: 'representation',
      csrfToken: () => 'token-1',
      fetch: async (_input, init) => {
        sent = init;
        return new Response('{"value":1}', { status: 201, headers: { 'content-type': 'application/json' } });
      },
    });
    const form = new FormData();
    form.append('subject', 'Hola');
    await expect(
      api.postForm('/registry/submissions', form, { schema, idempotencyKey: 'key-12345678' }),
    ).resolves.toEqual({ value: 1 });
    const headers = new Headers(sent?.headers);
    expect(sent?.method).toBe('POST');
    expect(sent?.body).toBe(form);
    expect(headers.get('content-type')).toBeNull();
    expect(headers.get('x-csrf-token')).toBe('token-1');
    expect(headers.get('idempotency-key')).toBe('key-12345678');
  });
});
