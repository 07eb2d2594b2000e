import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';
import { HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { agencyVariableStem, SIMULATED_AGENCIES } from './agencies/catalogue.ts';
import { dehuHandlers } from './agencies/dehu.ts';
import { MARIA_NIF } from './citizens.ts';
import { type AgencyServer, startAgencyServer } from './server.ts';

let agency: AgencyServer;
let echo: AgencyServer;

beforeAll(async () => {
  agency = await startAgencyServer({ port: 0, host: '127.0.0.1', handlers: dehuHandlers() });
  echo = await startAgencyServer({
    port: 0,
    handlers: [
      http.all('*/echo/:name', async ({ request, params }) => {
        const url = new URL(request.url);
        return HttpResponse.json(
          {
            method: request.method,
            name: params.name,
            query: url.searchParams.get('q'),
            host: url.host,
            header: request.headers.get('x-test'),
            body: request.method === 'GET' ? null : await request.text(),
          },
          { status: 201, headers: { 'x-answer': 'yes', 'set-cookie': 'a=1' } },
        );
      }),
      http.get('*/broken', () => {
        throw new Error('secret internal detail');
      }),
    ],
  });
});

afterEach(async () => {
  await fetch(`${agency.url}/__control/reset`, { method: 'POST' });
});

afterAll(async () => {
  await agency?.close();
  await echo?.close();
});

const listUrl = () => `${agency.url}/dehu/api/v2/titulares/${MARIA_NIF}/envios`;

async function setFault(body: Record<string, unknown>) {
  const response = await fetch(`${agency.url}/__control/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

describe('startAgencyServer', () => {
  it('listens on 127.0.0.1 and serves the handlers over real HTTP', async () => {
    expect(agency.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(listUrl());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(await response.json()).toMatchObject({ resultado: 'OK' });
  });

  it('converts method, path params, query, headers and body, and writes status and headers back', async () => {
    const response = await fetch(`${echo.url}/echo/ñandú?q=a%20b`, {
      method: 'POST',
      headers: { 'x-test': 'value', 'content-type': 'text/plain' },
      body: 'hello body',
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-answer')).toBe('yes');
    expect(response.headers.get('set-cookie')).toBe('a=1');
    expect(await response.json()).toEqual({
      method: 'POST',
      name: 'ñandú',
      query: 'a b',
      host: new URL(echo.url).host,
      header: 'value',
      body: 'hello body',
    });
  });

  it('answers 404 JSON when no handler matches', async () => {
    const response = await fetch(`${agency.url}/nothing/here`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: 'not-found' });
  });

  it('answers 500 without internals when a handler throws', async () => {
    const response = await fetch(`${echo.url}/broken`);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('secret internal detail');
    expect(text).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('fault injection over HTTP', () => {
  it('slow delays the answer by delayMs', async () => {
    await setFault({ mode: 'slow', delayMs: 200 });
    const started = performance.now();
    const response = await fetch(listUrl());
    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('slow times out a client that does not wait', async () => {
    await setFault({ mode: 'slow', delayMs: 5_000 });
    await expect(fetch(listUrl(), { signal: AbortSignal.timeout(100) })).rejects.toMatchObject({
      name: 'TimeoutError',
    });
  });

  it('garbage answers 200 with a body that is not usable JSON', async () => {
    await setFault({ mode: 'garbage' });
    const response = await fetch(listUrl());
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('{"resultado":"OK","notificaciones":[{');
  });

  it('error answers 500 with an HTML page', async () => {
    await setFault({ mode: 'error' });
    const response = await fetch(listUrl());
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
  });

  it('down destroys the socket without answering', async () => {
    await setFault({ mode: 'down' });
    const outcome = await new Promise<string>((resolve) => {
      const req = httpRequest(listUrl(), (res) => resolve(`answered ${res.statusCode}`));
      req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      req.end();
    });
    expect(outcome).toBe('ECONNRESET');
    await expect(fetch(listUrl())).rejects.toThrow(TypeError);
  });

  it('never applies to /__control', async () => {
    await setFault({ mode: 'down' });
    const state = await fetch(`${agency.url}/__control/faults`);
    expect(await state.json()).toMatchObject({ mode: 'down' });
    await fetch(`${agency.url}/__control/reset`, { method: 'POST' });
    expect((await fetch(listUrl())).status).toBe(200);
  });
});

describe('main.ts', () => {
  it('starts every simulated agency (DEHú and REA among them) on their own ports, logs their addresses and stops on SIGTERM', async () => {
    const main = fileURLToPath(new URL('./main.ts', import.meta.url));
    const child = spawn(process.execPath, [main], {
      env: {
        ...process.env,
        ...Object.fromEntries(
          SIMULATED_AGENCIES.map((agency) => [`PORT_AGENCY_${agencyVariableStem(agency.id)}`, '0']),
        ),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const urls = await new Promise<{ dehu: string; rea: string }>((resolve, reject) => {
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const dehu = /agency dehu listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
          const rea = /agency rea listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
          if (dehu && rea) resolve({ dehu, rea });
        });
        child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
        setTimeout(() => reject(new Error(`no address logged: ${output}`)), 10_000);
      });
      expect(urls.dehu).not.toBe(urls.rea);
      expect((await fetch(`${urls.dehu}/dehu/api/v2/titulares/${MARIA_NIF}/envios`)).status).toBe(200);
      expect((await fetch(`${urls.rea}/rea/v1/apoderamientos?nifApoderado=${MARIA_NIF}`)).status).toBe(200);
      // Each agency has its own fault state.
      await fetch(`${urls.rea}/__control/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ mode: 'error' }),
      });
      expect((await fetch(`${urls.rea}/rea/v1/apoderamientos?nifApoderado=${MARIA_NIF}`)).status).toBe(500);
      expect((await fetch(`${urls.dehu}/dehu/api/v2/titulares/${MARIA_NIF}/envios`)).status).toBe(200);
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
