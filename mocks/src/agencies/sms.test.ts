import { afterAll, beforeAll, expect, it } from 'vitest';
import { type AgencyServer, startAgencyServer } from '../server.ts';
import { smsHandlers } from './sms.ts';

let server: AgencyServer;
beforeAll(async () => {
  server = await startAgencyServer({ port: 0, host: '127.0.0.1', handlers: smsHandlers() });
});
afterAll(async () => {
  await server?.close();
});

const post = (body: unknown) =>
  fetch(`${server.url}/sms/api/v1/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

it('records valid messages, refuses bad ones, and lists them by number', async () => {
  expect((await post({ to: '+34612345678', text: 'Código 123456' })).status).toBe(201);
  expect((await post({ to: '+34699999999', text: 'Otro' })).status).toBe(201);
  expect((await post({ to: '612345678', text: 'x' })).status).toBe(400);
  expect((await post({ to: '+34612345678', text: 'x'.repeat(400) })).status).toBe(400);
  const list = (await (await fetch(`${server.url}/sms/api/v1/messages?to=%2B34612345678`)).json()) as {
    items: Array<{ to: string; text: string }>;
  };
  expect(list.items).toEqual([expect.objectContaining({ to: '+34612345678', text: 'Código 123456' })]);
  await fetch(`${server.url}/__control/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ mode: 'error' }),
  });
  expect((await post({ to: '+34612345678', text: 'x' })).status).toBeGreaterThanOrEqual(500);
  expect((await fetch(`${server.url}/sms/api/v1/messages`, { method: 'DELETE' })).status).toBe(204);
});
