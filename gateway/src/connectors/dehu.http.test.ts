import { createServer } from 'node:net';
import { createHash } from 'node:crypto';
import { JOHN_NIF, MARIA_NIF, dehuHandlers } from '@carpeta/mocks';
import { type AgencyServer, startAgencyServer } from '@carpeta/mocks/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDehuConnector } from './dehu.ts';
import type { NotificationConnector } from './types.ts';

// The connector over real HTTP against the simulated agency, with its faults switched on.
const NOW = new Date('2026-06-10T10:00:00Z');
let agency: AgencyServer;
let connector: NotificationConnector;
const warnings: object[] = [];

async function setFault(body: Record<string, unknown>) {
  const response = await fetch(`${agency.url}/__control/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

beforeAll(async () => {
  agency = await startAgencyServer({
    port: 0,
    host: '127.0.0.1',
    handlers: dehuHandlers({ now: NOW, clock: () => NOW }),
  });
  connector = createDehuConnector({
    id: 'dehu',
    name: 'DEHú',
    baseUrl: agency.url,
    // Generous enough for a cold first request on a loaded 2-core CI machine; the slow fault is
    // far beyond it.
    timeoutMs: 1_000,
    now: () => NOW,
    logger: { warn: (details) => warnings.push(details) },
  });
});

afterEach(async () => {
  await fetch(`${agency.url}/__control/reset`, { method: 'POST' });
  warnings.length = 0;
});

afterAll(async () => {
  await agency?.close();
});

describe('DEHú connector over HTTP', () => {
  it('reads the agency when it is healthy', async () => {
    const { items, status } = await connector.list(MARIA_NIF);
    expect(status.status).toBe('ok');
    expect(items).toHaveLength(43);
    expect(warnings).toEqual([]);
  });

  it('slow agency → timeout, within the timeout', async () => {
    await setFault({ mode: 'slow', delayMs: 5_000 });
    const started = performance.now();
    const list = await connector.list(MARIA_NIF);
    expect(performance.now() - started).toBeLessThan(4_000);
    expect(list).toMatchObject({ items: [], status: { source: 'dehu', status: 'timeout' } });
    expect(await connector.get(MARIA_NIF, 'N-2026-000123')).toMatchObject({ ok: false, reason: 'timeout' });
    expect(warnings.length).toBeGreaterThan(0);
  });

  it('slow but within the timeout → ok', async () => {
    await setFault({ mode: 'slow', delayMs: 50 });
    expect((await connector.list(MARIA_NIF)).status.status).toBe('ok');
  });

  it('garbage (truncated JSON, or JSON of the wrong shape) → invalid-response', async () => {
    await setFault({ mode: 'garbage' });
    expect((await connector.list(MARIA_NIF)).status.status).toBe('invalid-response');
    expect(await connector.get(MARIA_NIF, 'N-2026-000123')).toMatchObject({ reason: 'invalid-response' });
    await setFault({ mode: 'garbage', garbage: 'wrong-shape' });
    expect((await connector.list(MARIA_NIF)).status.status).toBe('invalid-response');
    expect(await connector.get(MARIA_NIF, 'N-2026-000123')).toMatchObject({ reason: 'invalid-response' });
  });

  it('HTTP 500 with an HTML page → unavailable', async () => {
    await setFault({ mode: 'error' });
    const { status } = await connector.list(MARIA_NIF);
    expect(status).toMatchObject({
      status: 'unavailable',
      message: 'The service answered with an error (HTTP 500).',
    });
    expect(await connector.get(MARIA_NIF, 'N-2026-000123')).toMatchObject({ reason: 'unavailable' });
  });

  it('socket destroyed (down) → unavailable', async () => {
    await setFault({ mode: 'down' });
    const { status } = await connector.list(MARIA_NIF);
    expect(status).toMatchObject({ status: 'unavailable', message: 'The service could not be reached.' });
    expect(await connector.get(MARIA_NIF, 'N-2026-000123')).toMatchObject({ reason: 'unavailable' });
  });

  it('nobody listening → unavailable', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer();
      probe.listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    const closed = createDehuConnector({
      id: 'dehu',
      name: 'DEHú',
      baseUrl: `http://127.0.0.1:${port}`,
      timeoutMs: 300,
    });
    expect((await closed.list(MARIA_NIF)).status.status).toBe('unavailable');
  });

  it('never puts internals in the messages it returns', async () => {
    for (const mode of ['slow', 'garbage', 'error', 'down']) {
      await setFault({ mode, delayMs: 5_000 });
      const { status } = await connector.list(MARIA_NIF);
      expect(status.message, mode).toBeTruthy();
      expect(status.message, mode).not.toMatch(/127\.0\.0\.1|Error|at .*:\d+|ECONN|fetch failed/);
    }
  });

  describe('acts', () => {
    const act = { actorId: MARIA_NIF, subjectId: MARIA_NIF, at: NOW, ip: '203.0.113.9' };

    it('has no content or document before acceptance, then accepts once and serves both', async () => {
      expect(await connector.content?.(MARIA_NIF, 'N-2026-000123')).toMatchObject({
        ok: false,
        reason: 'not-found',
      });
      expect(await connector.document?.(MARIA_NIF, 'N-2026-000123')).toMatchObject({
        ok: false,
        reason: 'not-found',
      });
      const accepted = await connector.accept?.(MARIA_NIF, 'N-2026-000123', act);
      expect(accepted).toMatchObject({
        ok: true,
        item: { id: 'dehu:N-2026-000123', status: 'accepted', respondedAt: NOW.toISOString() },
      });
      const again = await connector.accept?.(MARIA_NIF, 'N-2026-000123', {
        ...act,
        at: new Date(NOW.getTime() + 5_000),
      });
      expect(again).toMatchObject({ ok: true, item: { status: 'accepted', respondedAt: NOW.toISOString() } });
      // The agency's state changed: a fresh read shows it.
      expect(await connector.get(MARIA_NIF, 'N-2026-000123')).toMatchObject({
        ok: true,
        item: { status: 'accepted' },
      });

      const content = await connector.content?.(MARIA_NIF, 'N-2026-000123');
      expect(content).toMatchObject({ ok: true, item: { documents: [{ id: 'DOC-N-2026-000123' }] } });
      if (!content?.ok) throw new Error('no content');
      expect(content.item.text).toContain('Requerimiento de información');
      const document = await connector.document?.(MARIA_NIF, 'N-2026-000123');
      if (!document?.ok) throw new Error('no document');
      expect(document.contentType).toBe('application/pdf');
      expect(Buffer.from(document.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      expect(createHash('sha256').update(document.bytes).digest('hex')).toMatch(/^[0-9a-f]{64}$/);

      expect(await connector.reject?.(MARIA_NIF, 'N-2026-000123', act)).toMatchObject({
        ok: false,
        reason: 'conflict',
        message: expect.stringContaining('already answered'),
      });
    });

    it('rejects, and refuses both acts on an expired notification', async () => {
      expect(await connector.reject?.(MARIA_NIF, 'N-2026-000132', act)).toMatchObject({
        ok: true,
        item: { status: 'rejected' },
      });
      expect(await connector.accept?.(MARIA_NIF, 'N-2026-000098', act)).toMatchObject({
        ok: false,
        reason: 'conflict',
        message: expect.stringContaining('expired'),
      });
    });

    it('tells the agency who acted for whom; another citizen’s id is not found', async () => {
      const forJohn = await connector.accept?.(JOHN_NIF, 'N-2026-000210', { ...act, subjectId: JOHN_NIF });
      expect(forJohn).toMatchObject({ ok: true, item: { status: 'accepted' } });
      expect(await connector.accept?.(JOHN_NIF, 'N-2026-000132', act)).toMatchObject({
        ok: false,
        reason: 'not-found',
      });
      expect(await connector.accept?.(MARIA_NIF, '../x', act)).toMatchObject({
        ok: false,
        reason: 'not-found',
      });
    });

    it('an agency failing during an act → a failure, never a conflict', async () => {
      await setFault({ mode: 'error' });
      expect(await connector.accept?.(MARIA_NIF, 'N-2025-001005', act)).toMatchObject({
        ok: false,
        reason: 'unavailable',
      });
      await setFault({ mode: 'garbage' });
      expect(await connector.document?.(MARIA_NIF, 'N-2026-000123')).toMatchObject({
        ok: false,
        reason: 'invalid-response',
      });
    });
  });
});
