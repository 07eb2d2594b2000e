import { createECDH, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RecordedPush, pushServiceHandlers } from '@carpeta/mocks/agencies/push-service';
import { type AgencyServer, startAgencyServer } from '@carpeta/mocks/server';
import { pushKeySchema, pushSubscriptionAnswerSchema, pushTestAnswerSchema } from '@carpeta/sdk/push';
import type { FastifyInstance } from 'fastify';
import { decrypt } from 'http_ece';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGateway } from '../app.ts';
import { type TestSession, testSession } from '../auth/testing.ts';
import { loadConfig } from '../config.ts';
import { createPushChannel } from '../push/channel.ts';
import { type PushSettings, sendPushToSubject, subscriptionId } from '../push/send.ts';

// This device's alerts over real HTTP: the gateway stores the citizen's subscription and sends a
// real encrypted Web Push message to the simulated push service, which checks its VAPID token;
// the test decrypts it with the subscription's private key, as the browser would.
const MARIA = '12345678Z';
const MFES = fileURLToPath(new URL('../../config/mfes.json', import.meta.url));
const NOW = new Date();

let dir: string;
let maria: TestSession;
let pushService: AgencyServer;
let app: FastifyInstance;
let base: string;
let settings: PushSettings;
let keys = 0;

/** A browser's subscription: its ECDH key pair and auth secret stay here (the test is the browser). */
function browserSubscription(token: string) {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const authSecret = randomBytes(16).toString('base64url');
  return {
    ecdh,
    authSecret,
    body: {
      endpoint: `${pushService.url}/push/${token}`,
      expirationTime: null,
      keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: authSecret },
    },
  };
}

function call(
  method: string,
  url: string,
  body?: unknown,
  options: { key?: string | null; csrf?: string | null } = {},
) {
  const headers: Record<string, string> = { cookie: maria.cookie };
  const csrf = options.csrf === undefined ? maria.csrfToken : options.csrf;
  if (csrf && method !== 'GET') headers['x-csrf-token'] = csrf;
  const key = options.key === undefined ? `push-test-key-${++keys}` : options.key;
  if (key && method !== 'GET') headers['idempotency-key'] = key;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${base}${url}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function recorded(token: string): Promise<RecordedPush[]> {
  const answer = await fetch(`${pushService.url}/__control/messages?token=${token}`);
  return ((await answer.json()) as { messages: RecordedPush[] }).messages;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'carpeta-push-'));
  maria = await testSession(MARIA, NOW);
  pushService = await startAgencyServer({ port: 0, handlers: pushServiceHandlers() });
  settings = {
    allowedServices: [pushService.url],
    subject: 'mailto:soporte@carpeta.example',
    timeoutMs: 5000,
    testPerHour: 3,
  };
  app = buildGateway(
    {
      ...loadConfig({ PORT_GATEWAY: '0' }),
      shellDist: path.join(dir, 'no-shell'),
      manifestPath: MFES,
      env: {},
      sources: [],
      mfeOrigins: [],
      push: settings,
    },
    { database: maria.database },
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
}, 60_000);

afterAll(async () => {
  await app?.close();
  await pushService?.close();
  await maria?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('/api/push', () => {
  it('gives the VAPID public key, generated once and kept', async () => {
    const first = pushKeySchema.parse(await (await call('GET', '/api/push/key')).json());
    const second = pushKeySchema.parse(await (await call('GET', '/api/push/key')).json());
    expect(first.publicKey).toBe(second.publicKey);
    expect(Buffer.from(first.publicKey, 'base64url')).toHaveLength(65);
  });

  it('needs a session, the CSRF token and an Idempotency-Key to store a subscription', async () => {
    const device = browserSubscription('device-a');
    const anonymous = await fetch(`${base}/api/push/subscription`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'anonymous-push-1' },
      body: JSON.stringify(device.body),
    });
    expect(anonymous.status).toBe(401);
    expect((await call('PUT', '/api/push/subscription', device.body, { csrf: null })).status).toBe(403);
    expect((await call('PUT', '/api/push/subscription', device.body, { key: null })).status).toBe(400);
  });

  it('refuses a push service the portal does not know and a malformed subscription', async () => {
    const device = browserSubscription('device-b');
    const elsewhere = { ...device.body, endpoint: 'http://169.254.169.254/latest/meta-data' };
    expect((await call('PUT', '/api/push/subscription', elsewhere)).status).toBe(400);
    const noKeys = { endpoint: device.body.endpoint };
    expect((await call('PUT', '/api/push/subscription', noKeys)).status).toBe(400);
  });

  it('stores the device (idempotently), sends it a real encrypted message and deletes it', async () => {
    const device = browserSubscription('device-c');
    const stored = await call('PUT', '/api/push/subscription', device.body, { key: 'push-store-c-1' });
    expect(stored.status).toBe(200);
    const { id } = pushSubscriptionAnswerSchema.parse(await stored.json());
    expect(id).toBe(subscriptionId(device.body.endpoint));
    const replay = await call('PUT', '/api/push/subscription', device.body, { key: 'push-store-c-1' });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');

    const test = await call('POST', '/api/push/test?lang=en', {});
    expect(test.status).toBe(200);
    expect(pushTestAnswerSchema.parse(await test.json())).toEqual({ sent: 1, removed: 0, failed: 0 });
    const [message] = await recorded('device-c');
    expect(message?.vapid.aud).toBe(pushService.url);
    expect(message?.ttl).toBeGreaterThan(0);
    const plain = decrypt(Buffer.from(message?.body ?? '', 'base64url'), {
      version: 'aes128gcm',
      privateKey: device.ecdh,
      authSecret: device.authSecret,
    });
    expect(JSON.parse(plain.toString('utf8'))).toEqual({
      title: 'Carpeta: test alert',
      body: 'This is how this device will tell you that something new is in your Carpeta.',
      url: '/',
      tag: 'carpeta-test',
    });

    expect((await call('DELETE', `/api/push/subscription/${id}`)).status).toBe(204);
    expect((await call('DELETE', `/api/push/subscription/${id}`)).status).toBe(404);
    const after = pushTestAnswerSchema.parse(await (await call('POST', '/api/push/test', {})).json());
    expect(after).toEqual({ sent: 0, removed: 0, failed: 0 });
  });

  it('limits test alerts per client', async () => {
    let last = 0;
    for (let attempt = 0; attempt < 3; attempt += 1) last = (await call('POST', '/api/push/test', {})).status;
    expect(last).toBe(429);
  });
});

describe('sendPushToSubject', () => {
  it('sends to every device of the subject, reports each, and removes the ones the service forgot', async () => {
    const live = browserSubscription('live-1');
    const gone = browserSubscription('gone-1');
    const put = async (session: TestSession, body: unknown, key: string) =>
      fetch(`${base}/api/push/subscription`, {
        method: 'PUT',
        headers: {
          cookie: session.cookie,
          'x-csrf-token': session.csrfToken,
          'idempotency-key': key,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      });
    expect((await put(maria, live.body, 'send-live-1')).status).toBe(200);
    expect((await put(maria, gone.body, 'send-gone-1')).status).toBe(200);
    const deliveries = await sendPushToSubject(
      maria.database,
      MARIA,
      {
        title: 'Carpeta',
        body: 'Tienes algo nuevo en tu Carpeta.',
        url: '/notifications',
        tag: 'new-notification',
      },
      { settings },
    );
    expect(deliveries).toHaveLength(2);
    expect(
      deliveries.find((item) => item.subscriptionId === subscriptionId(live.body.endpoint)),
    ).toMatchObject({
      outcome: 'sent',
      status: 201,
    });
    expect(
      deliveries.find((item) => item.subscriptionId === subscriptionId(gone.body.endpoint)),
    ).toMatchObject({
      outcome: 'removed',
      status: 410,
    });
    const again = await sendPushToSubject(
      maria.database,
      MARIA,
      {
        title: 'Carpeta',
        body: 'Tienes algo nuevo en tu Carpeta.',
        url: '/notifications',
        tag: 'new-notification',
      },
      { settings },
    );
    expect(again.map((item) => item.outcome)).toEqual(['sent']);
  });

  it('never sends a payload that is not a link into the portal', async () => {
    await expect(
      sendPushToSubject(
        maria.database,
        MARIA,
        { title: 't', body: 'b', url: 'https://evil.example/', tag: 'x' },
        { settings },
      ),
    ).rejects.toThrow();
  });
});

describe('the alerts’ push channel', () => {
  const alert = {
    purpose: 'alert' as const,
    event: 'notification-expiring' as const,
    deliveryId: 'delivery-push-1',
    subjectId: MARIA,
    to: null,
    language: 'es' as const,
    subject: 'Una notificación suya caduca pronto',
    text: 'Tiene una notificación sin abrir que caduca en los próximos días.\n\nPor su seguridad, este aviso no incluye el contenido.',
    short: 'Carpeta Ciudadana: una notificación suya caduca pronto.',
    path: '/notifications',
    url: 'http://127.0.0.1:4000/notifications',
  };

  it('sends an alert to the citizen’s devices: its subject, its first sentence and the page', async () => {
    const device = browserSubscription('alert-device-1');
    expect((await call('PUT', '/api/push/subscription', device.body)).status).toBe(200);
    await createPushChannel(maria.database, settings).send(alert);
    const [message] = await recorded('alert-device-1');
    const plain = decrypt(Buffer.from(message?.body ?? '', 'base64url'), {
      version: 'aes128gcm',
      privateKey: device.ecdh,
      authSecret: device.authSecret,
    });
    expect(JSON.parse(plain.toString('utf8'))).toEqual({
      title: 'Una notificación suya caduca pronto',
      body: 'Tiene una notificación sin abrir que caduca en los próximos días.',
      url: '/notifications',
      tag: 'delivery-push-1',
    });
  });

  it('rejects when no push service took it, so that the scheduler tries again', async () => {
    const nowhere = createPushChannel(maria.database, { ...settings, allowedServices: [] });
    await expect(nowhere.send(alert)).rejects.toThrow(/no push service took the alert/);
  });

  it('has nothing to send for a citizen with no device turned on', async () => {
    await expect(
      createPushChannel(maria.database, settings).send({ ...alert, subjectId: '87654321X' }),
    ).resolves.toBeUndefined();
  });
});
