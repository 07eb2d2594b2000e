import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { alertChangeListSchema, alertSettingsSchema, portalAlertListSchema } from '@carpeta/sdk/alerts';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertChannel, AlertMessage } from '../alerts/channels.ts';
import { buildGateway } from '../app.ts';
import { testSession, type TestSession } from '../auth/testing.ts';
import { loadConfig } from '../config.ts';
import { createAlertStore } from '../db/alerts.ts';

// The alerts centre over real HTTP: the citizen from the session, CSRF, idempotent writes, codes
// sent through the channel adapters, another citizen's alert a 404.
const MARIA = '12345678Z';
const MFES = fileURLToPath(new URL('../../config/mfes.json', import.meta.url));
const NOW = new Date('2026-12-04T09:00:00Z');

let dir: string;
let session: TestSession;
let app: FastifyInstance;
let base: string;
let keys = 0;
const clock = NOW;
const sent: AlertMessage[] = [];
const recording = (channel: AlertChannel['channel']): AlertChannel => ({
  channel,
  async send(message) {
    sent.push(message);
  },
});

async function call(
  method: string,
  url: string,
  body?: unknown,
  options: { csrf?: boolean; key?: string | null } = {},
) {
  const headers: Record<string, string> = { cookie: session.cookie };
  if (method !== 'GET' && options.csrf !== false) headers['x-csrf-token'] = session.csrfToken;
  const key = options.key === undefined ? `alerts-key-${++keys}` : options.key;
  if (key && method !== 'GET') headers['idempotency-key'] = key;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${base}${url}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'carpeta-alerts-'));
  session = await testSession(MARIA, NOW);
  app = buildGateway(
    {
      ...loadConfig({ PORT_GATEWAY: '0' }),
      shellDist: path.join(dir, 'no-shell'),
      manifestPath: MFES,
      env: {},
      sources: [],
      mfeOrigins: [],
      now: () => clock,
      alertChannels: [recording('email'), recording('sms')],
    },
    { database: session.database },
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
}, 60_000);

afterAll(async () => {
  await app?.close();
  await session?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('alerts API', () => {
  it('answers the whole table, all off, to a signed-in citizen only', async () => {
    const response = await call('GET', '/api/alerts/preferences');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const settings = alertSettingsSchema.parse(await response.json());
    expect(settings.preferences).toHaveLength(24);
    // Every channel has an adapter: e-mail and SMS (configured here), the portal, and Web Push.
    expect(settings.deliverable).toEqual(['email', 'portal', 'push', 'sms']);
    expect((await fetch(`${base}/api/alerts/preferences`)).status).toBe(401);
  });

  it('changes preferences with CSRF and an Idempotency-Key, replaying a repeat', async () => {
    const body = {
      preferences: [{ event: 'notification-expiring', channel: 'sms', enabled: true }],
      language: 'en',
    };
    expect((await call('PUT', '/api/alerts/preferences', body, { csrf: false })).status).toBe(403);
    expect((await call('PUT', '/api/alerts/preferences', body, { key: null })).status).toBe(400);
    expect(
      (
        await call('PUT', '/api/alerts/preferences', {
          preferences: [{ event: 'nope', channel: 'sms', enabled: true }],
        })
      ).status,
    ).toBe(400);
    const first = await call('PUT', '/api/alerts/preferences', body, { key: 'same-key-0001' });
    expect(first.status).toBe(200);
    const settings = alertSettingsSchema.parse(await first.json());
    expect(settings.language).toBe('en');
    expect(settings.preferences.filter((p) => p.enabled)).toEqual([body.preferences[0]]);
    const again = await call('PUT', '/api/alerts/preferences', body, { key: 'same-key-0001' });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('verifies a phone number with the code sent through the SMS adapter', async () => {
    expect((await call('POST', '/api/alerts/contacts', { kind: 'phone', value: '12345' })).status).toBe(400);
    const added = await call('POST', '/api/alerts/contacts', { kind: 'phone', value: '612 34 56 78' });
    expect(added.status).toBe(202);
    const pending = alertSettingsSchema.parse(await added.json()).contacts[0];
    expect(pending).toMatchObject({ kind: 'phone', value: '+34612345678', verified: false });
    const sms = sent.find((message) => message.to === '+34612345678');
    expect(sms?.purpose).toBe('verification');
    // In the citizen's language (English was chosen above).
    expect(sms?.short).toMatch(/^Carpeta Ciudadana: your verification code is \d{6}\./);
    const code = /(\d{6})/.exec(sms?.short ?? '')?.[1] ?? '';
    expect((await call('POST', '/api/alerts/contacts/phone/code')).status).toBe(429);
    const wrong = code === '000000' ? '111111' : '000000';
    const refused = await call('POST', '/api/alerts/contacts/phone/verify', { code: wrong });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain(
      'Tries left: 4',
    );
    const ok = await call('POST', '/api/alerts/contacts/phone/verify', { code });
    expect(ok.status).toBe(200);
    expect(alertSettingsSchema.parse(await ok.json()).contacts[0]?.verified).toBe(true);
    expect((await call('POST', '/api/alerts/contacts/fax/verify', { code })).status).toBe(404);
    const changes = alertChangeListSchema.parse(await (await call('GET', '/api/alerts/changes')).json());
    expect(changes.items.map((change) => change.action)).toEqual([
      'contact-verified',
      'code-failed',
      'code-sent',
      'contact-added',
      'preferences-changed',
    ]);
    expect(JSON.stringify(changes)).not.toContain('612345678');
    expect((await call('DELETE', '/api/alerts/contacts/email')).status).toBe(404);
    expect((await call('DELETE', '/api/alerts/contacts/phone')).status).toBe(200);
  });

  it('lists the alerts kept in the portal and marks the citizen’s own read; another’s is a 404', async () => {
    const store = createAlertStore(session.database.db);
    const delivery = (id: string, subjectId: string) => ({
      id,
      subjectId,
      event: 'notification-new' as const,
      itemKey: 'dehu:N-1',
      channel: 'portal' as const,
      link: '/notifications',
      attempts: 1,
    });
    await store.addToInbox(delivery('00000000-0000-4000-8000-000000000001', MARIA), NOW);
    await store.addToInbox(delivery('00000000-0000-4000-8000-000000000002', '23456781R'), NOW);
    const inbox = portalAlertListSchema.parse(await (await call('GET', '/api/alerts/inbox')).json());
    expect(inbox.items).toHaveLength(1);
    expect(inbox.unread).toBe(1);
    const others = (await store.inbox('23456781R')).items[0]?.id ?? '';
    expect((await call('POST', `/api/alerts/inbox/${others}/read`)).status).toBe(404);
    expect((await call('POST', '/api/alerts/inbox/not-an-id/read')).status).toBe(404);
    const read = await call('POST', `/api/alerts/inbox/${inbox.items[0]?.id}/read`);
    expect(read.status).toBe(200);
    expect(portalAlertListSchema.parse(await read.json()).unread).toBe(0);
    expect((await store.inbox('23456781R')).unread).toBe(1);
  });
});
