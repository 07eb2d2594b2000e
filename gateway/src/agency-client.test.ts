import { type AgencyServer, startAgencyServer } from '@carpeta/mocks/server';
import { HttpResponse, http } from 'msw';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CIRCUIT_OPEN_MESSAGE, createAgencyClient } from './agency-http.ts';

// The folder's agency client against a small fake agency over real HTTP: what it retries, how its
// circuit breaker opens, answers at once, probes and closes, and what each answer carries.
let server: AgencyServer;
let mode: { status: number; body?: string; contentType?: string; delayMs?: number } = { status: 200 };
const calls: string[] = [];
const logs: Array<{ details: object; message: string }> = [];
const logger = {
  warn: (details: object, message: string) => logs.push({ details, message }),
  info: (details: object, message: string) => logs.push({ details, message }),
};

beforeAll(async () => {
  const answer = async ({ request }: { request: Request }) => {
    calls.push(`${request.method} ${new URL(request.url).pathname}`);
    if (mode.delayMs) await new Promise((resolve) => setTimeout(resolve, mode.delayMs));
    if (mode.status === 0) return HttpResponse.error();
    return new HttpResponse(mode.body ?? '{"ok":true}', {
      status: mode.status,
      headers: { 'content-type': mode.contentType ?? 'application/json' },
    });
  };
  server = await startAgencyServer({
    port: 0,
    handlers: [http.get('*/api/*', answer), http.post('*/api/*', answer), http.delete('*/api/*', answer)],
  });
});

beforeEach(() => {
  mode = { status: 200 };
  calls.length = 0;
  logs.length = 0;
});

afterAll(async () => {
  await server?.close();
});

const client = (extra: Partial<Parameters<typeof createAgencyClient>[0]> = {}) =>
  createAgencyClient({
    source: 'fake',
    baseUrl: `${server.url}/`,
    timeoutMs: 1_000,
    retryDelayMs: 5,
    breakerThreshold: 3,
    halfOpenAfterMs: 200,
    logger,
    ...extra,
  });

describe('agency client', () => {
  it('answers text, bytes, content type and parsed JSON; decodes the declared charset', async () => {
    const agency = client();
    const json = await agency.get('/api/json');
    expect(json).toMatchObject({
      kind: 'answer',
      httpStatus: 200,
      contentType: 'application/json',
      isJson: true,
    });
    if (json.kind !== 'answer') throw new Error('no answer');
    expect(json.body).toEqual({ ok: true });
    expect(new TextDecoder().decode(json.bytes)).toBe('{"ok":true}');
    mode = { status: 200, body: '<r>caf\u00e9</r>', contentType: 'text/xml; charset=UTF-8' };
    const xml = await agency.get('/api/xml', { accept: 'application/xml' });
    expect(xml).toMatchObject({
      kind: 'answer',
      contentType: 'text/xml',
      isJson: false,
      text: '<r>café</r>',
    });
    await agency.close();
  });

  it('retries a GET after 502/503/504 and resets (bounded), never a write', async () => {
    const agency = client({ retries: 2, breakerThreshold: 100 });
    mode = { status: 503 };
    const read = await agency.get('/api/list');
    expect(read).toMatchObject({ kind: 'answer', httpStatus: 503 });
    expect(calls.filter((call) => call === 'GET /api/list')).toHaveLength(3);
    mode = { status: 0 };
    expect(await agency.get('/api/down')).toMatchObject({ kind: 'failure', reason: 'unavailable' });
    expect(calls.filter((call) => call === 'GET /api/down')).toHaveLength(3);
    mode = { status: 503 };
    expect(
      await agency.send('POST', '/api/book', { contentType: 'application/json', text: '{}' }),
    ).toMatchObject({
      httpStatus: 503,
    });
    mode = { status: 0 };
    expect(await agency.send('DELETE', '/api/book/1')).toMatchObject({
      kind: 'failure',
      reason: 'unavailable',
    });
    expect(calls.filter((call) => call.startsWith('POST') || call.startsWith('DELETE'))).toHaveLength(2);
    // A 500 or a 404 is an answer, not something a retry would change.
    calls.length = 0;
    mode = { status: 500 };
    await agency.get('/api/broken');
    mode = { status: 404 };
    await agency.get('/api/missing');
    expect(calls).toEqual(['GET /api/broken', 'GET /api/missing']);
    await agency.close();
  });

  it('a timeout spends the budget of the call: it is not retried past it', async () => {
    const agency = client({ timeoutMs: 150, retries: 2 });
    mode = { status: 200, delayMs: 1_000 };
    const started = performance.now();
    expect(await agency.get('/api/slow')).toMatchObject({ kind: 'failure', reason: 'timeout' });
    expect(performance.now() - started).toBeLessThan(900);
    expect(calls).toHaveLength(1);
    await agency.close();
  });

  it('opens the circuit after repeated failures, answers at once while open, probes once, then closes', async () => {
    const agency = client({ retries: 0 });
    mode = { status: 500 };
    for (let index = 0; index < 3; index++) await agency.get('/api/list');
    expect(agency.circuit()).toBe('open');
    expect(calls).toHaveLength(3);
    expect(logs.filter((log) => log.message === 'agency fake: circuit open')).toHaveLength(1);

    // Open: nothing reaches the agency, and the answer is immediate.
    mode = { status: 200 };
    const started = performance.now();
    const refused = await agency.get('/api/list');
    expect(performance.now() - started).toBeLessThan(50);
    expect(refused).toMatchObject({ kind: 'failure', reason: 'unavailable', message: CIRCUIT_OPEN_MESSAGE });
    expect(calls).toHaveLength(3);

    // After the half-open delay one probe goes through; it fails: open again.
    await new Promise((resolve) => setTimeout(resolve, 250));
    mode = { status: 500 };
    await agency.get('/api/list');
    expect(calls).toHaveLength(4);
    expect(agency.circuit()).toBe('open');
    expect((await agency.get('/api/list')).kind).toBe('failure');
    expect(calls).toHaveLength(4);

    // The next probe succeeds: closed, and calls go through again.
    await new Promise((resolve) => setTimeout(resolve, 250));
    mode = { status: 200 };
    expect(await agency.get('/api/list')).toMatchObject({ kind: 'answer', httpStatus: 200 });
    expect(agency.circuit()).toBe('closed');
    expect(await agency.get('/api/list')).toMatchObject({ kind: 'answer', httpStatus: 200 });
    expect(calls).toHaveLength(6);
    expect(logs.map((log) => log.message)).toContain('agency fake: circuit closed');
    await agency.close();
  });

  it('answers a connector reports as unusable count as failures: garbage opens the circuit too', async () => {
    const agency = client({ retries: 0 });
    mode = { status: 200, body: '<html>maintenance</html>', contentType: 'text/html' };
    for (let index = 0; index < 3; index++) {
      const answer = await agency.get('/api/list');
      expect(answer.kind).toBe('answer');
      agency.report('invalid-response', { why: 'not JSON' });
    }
    // The report is counted by the breaker as it settles (a tick later).
    await new Promise((resolve) => setImmediate(resolve));
    expect(agency.circuit()).toBe('open');
    // The health log says it once, not per request.
    expect(logs.filter((log) => log.message === 'agency fake: invalid-response')).toHaveLength(1);
    await agency.close();
  });

  it('a failure between successes does not open the circuit', async () => {
    const agency = client({ retries: 0 });
    for (let index = 0; index < 10; index++) {
      mode = { status: index % 2 === 0 ? 500 : 200 };
      await agency.get('/api/list');
    }
    expect(agency.circuit()).toBe('closed');
    await agency.close();
  });
});
