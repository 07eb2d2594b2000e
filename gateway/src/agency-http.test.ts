import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MARIA_NIF, dehuHandlers } from '@carpeta/mocks';
import { type AgencyServer, startAgencyServer } from '@carpeta/mocks/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAgencyHttp } from './agency-http.ts';
import { createDehuConnector } from './connectors/dehu.ts';

let server: Server;
let base: string;
let connections = 0;
let streamed = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/endless') {
      // An agency that never stops sending: 64 KiB chunks until the client goes away.
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) streamed += chunk.length;
      };
      res.on('drain', pump);
      pump();
      return;
    }
    if (req.url === '/declared-huge') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(50_000_000) });
      res.write('{"a":');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  });
  server.on('connection', () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('createAgencyHttp', () => {
  it('stops reading an answer at the size limit instead of reading it all into memory', {
    timeout: 15_000,
  }, async () => {
    const http = createAgencyHttp({ source: 'test', timeoutMs: 8_000, maxBodyBytes: 1_000_000 });
    const started = Date.now();
    const answer = await http.get(`${base}/endless`);
    expect(answer).toMatchObject({ kind: 'failure', reason: 'invalid-response' });
    // Well before the time limit: it gave up at the size limit, not when time ran out.
    expect(Date.now() - started).toBeLessThan(4_000);
    await http.close();
    // What the agency managed to push is the limit plus what sockets buffer, not an endless stream.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(streamed).toBeLessThan(20_000_000);
  });

  it('refuses an answer that declares a size over the limit without reading it', async () => {
    const http = createAgencyHttp({ source: 'test', timeoutMs: 3_000, maxBodyBytes: 1_000_000 });
    const answer = await http.get(`${base}/declared-huge`);
    expect(answer).toMatchObject({ kind: 'failure', reason: 'invalid-response' });
    await http.close();
  });

  it('keeps connections to the agency alive between requests', async () => {
    const http = createAgencyHttp({ source: 'test', timeoutMs: 3_000 });
    const before = connections;
    for (let i = 0; i < 20; i += 1) {
      expect(await http.get(`${base}/ok`)).toMatchObject({
        kind: 'answer',
        httpStatus: 200,
        body: { ok: true },
      });
    }
    // One connection, sometimes a second (the next request can start a moment before the first
    // connection is back in the pool), reused from then on: never one per request.
    expect(connections - before).toBeLessThanOrEqual(2);
    await http.close();
  });
});

describe('an agency that goes down and comes back', () => {
  let agency: AgencyServer;
  const lines: Array<{ level: string; message: string }> = [];
  const logger = {
    warn: (_details: object, message: string) => lines.push({ level: 'warn', message }),
    info: (_details: object, message: string) => lines.push({ level: 'info', message }),
  };

  beforeAll(async () => {
    agency = await startAgencyServer({ port: 0, host: '127.0.0.1', handlers: dehuHandlers() });
  });
  afterEach(async () => {
    await fetch(`${agency.url}/__control/reset`, { method: 'POST' });
  });
  afterAll(async () => {
    await agency?.close();
  });

  async function setFault(mode: string) {
    await fetch(`${agency.url}/__control/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode }),
    });
  }

  it('is logged once when it goes down and once when it is back, not on every request', async () => {
    const connector = createDehuConnector({
      id: 'dehu',
      name: 'DEHú',
      baseUrl: agency.url,
      timeoutMs: 2_000,
      logger,
    });
    expect((await connector.list(MARIA_NIF)).status.status).toBe('ok');
    await setFault('down');
    for (let i = 0; i < 10; i += 1) {
      expect((await connector.list(MARIA_NIF)).status.status).toBe('unavailable');
    }
    await setFault('ok');
    for (let i = 0; i < 3; i += 1) expect((await connector.list(MARIA_NIF)).status.status).toBe('ok');
    expect(lines).toEqual([
      { level: 'warn', message: 'agency dehu: unavailable' },
      { level: 'info', message: 'agency dehu: answering again' },
    ]);
  });
});
