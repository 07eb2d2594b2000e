import { pushKeySchema, pushSubscriptionBodySchema, pushTestBodySchema } from '@carpeta/sdk/push';
import type { FastifyInstance } from 'fastify';
import { citizenOf } from '../agencies/answers.ts';
import type { PortalDatabase } from '../db/index.ts';
import { sendError } from '../errors.ts';
import {
  isAllowedEndpoint,
  type PushSettings,
  sendPushToSubject,
  subscriptionId,
  vapidIdentity,
} from '../push/send.ts';
import { createPushStore } from '../push/store.ts';
import { errorAnswer, idempotentWrite } from './idempotent.ts';

/** The sample alert, in the language the citizen asks for (Spanish otherwise). */
const SAMPLE: Record<string, { title: string; body: string }> = {
  es: {
    title: 'Carpeta: aviso de prueba',
    body: 'Así verás en este dispositivo que tienes algo nuevo en tu Carpeta.',
  },
  ca: {
    title: 'Carpeta: avís de prova',
    body: 'Així veuràs en aquest dispositiu que tens alguna cosa nova a la teva Carpeta.',
  },
  va: {
    title: 'Carpeta: avís de prova',
    body: 'Així voràs en este dispositiu que tens alguna cosa nova en la teua Carpeta.',
  },
  gl: {
    title: 'Carpeta: aviso de proba',
    body: 'Así verás neste dispositivo que tes algo novo na túa Carpeta.',
  },
  eu: {
    title: 'Carpeta: proba-abisua',
    body: 'Horrela ikusiko duzu gailu honetan zerbait berria duzula zure Carpetan.',
  },
  en: {
    title: 'Carpeta: test alert',
    body: 'This is how this device will tell you that something new is in your Carpeta.',
  },
};

/**
 * This device's alerts (Web Push) for the session's citizen: the VAPID public key, storing and
 * deleting the device's subscription (CSRF by the guard, Idempotency-Key), and "send me a test
 * alert" (rate-limited in the scope the caller registers it in).
 */
export function registerPushRoutes(
  app: FastifyInstance,
  options: {
    database: PortalDatabase;
    settings: PushSettings;
    now: () => Date;
    rateLimit: Record<string, unknown>;
  },
): void {
  const { database, settings, now } = options;
  const store = createPushStore(database.db);

  app.get('/api/push/key', async (_request, reply) => {
    const { publicKey } = await vapidIdentity(database, settings, store);
    return reply.header('cache-control', 'no-store').send(pushKeySchema.parse({ publicKey }));
  });

  app.put('/api/push/subscription', async (request, reply) => {
    const parsed = pushSubscriptionBodySchema.safeParse(request.body);
    if (!parsed.success) {
      return sendError(
        reply,
        400,
        'bad-request',
        'A subscription needs an endpoint and its p256dh and auth keys.',
      );
    }
    if (!isAllowedEndpoint(parsed.data.endpoint, settings.allowedServices)) {
      return sendError(
        reply,
        400,
        'bad-request',
        'This browser’s push service is not one the portal can send to.',
      );
    }
    const { endpoint, keys } = parsed.data;
    return idempotentWrite(request, reply, { database, operation: 'push-subscribe', now }, async () => {
      const id = subscriptionId(endpoint);
      const userAgent = request.headers['user-agent']?.slice(0, 300) ?? null;
      await store.save({ id, subjectId: citizenOf(request), endpoint, keys }, userAgent, now());
      return { status: 200, body: { id } };
    });
  });

  app.delete<{ Params: { id: string } }>('/api/push/subscription/:id', async (request, reply) => {
    const id = request.params.id;
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(id)) {
      return sendError(reply, 400, 'bad-request', 'Say which subscription to delete.');
    }
    return idempotentWrite(request, reply, { database, operation: 'push-unsubscribe', now }, async () => {
      if (!(await store.remove(citizenOf(request), id))) {
        return errorAnswer(request, 404, 'not-found', 'This device has no alerts here.');
      }
      return { status: 204, body: null };
    });
  });

  app.post<{ Querystring: { lang?: string } }>(
    '/api/push/test',
    { config: options.rateLimit },
    async (request, reply) => {
      if (!pushTestBodySchema.safeParse(request.body ?? {}).success) {
        return sendError(reply, 400, 'bad-request', 'A test alert takes no parameters.');
      }
      return idempotentWrite(request, reply, { database, operation: 'push-test', now }, async () => {
        const words = SAMPLE[request.query.lang ?? 'es'] ?? SAMPLE.es;
        const deliveries = await sendPushToSubject(
          database,
          citizenOf(request),
          { title: words?.title ?? 'Carpeta', body: words?.body ?? '', url: '/', tag: 'carpeta-test' },
          { settings },
        );
        const count = (outcome: string) => deliveries.filter((item) => item.outcome === outcome).length;
        return {
          status: 200,
          body: { sent: count('sent'), removed: count('removed'), failed: count('failed') },
        };
      });
    },
  );
}
