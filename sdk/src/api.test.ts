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
