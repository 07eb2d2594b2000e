import { createHash } from 'node:crypto';
import { request as undiciRequest } from 'undici';
import webpush from 'web-push';
import { type PushPayload, pushPayloadSchema } from '@carpeta/sdk/push';
import type { PortalDatabase } from '../db/index.ts';
import { createPushStore, type PushStore } from './store.ts';

export type { PushPayload };

/** The portal's VAPID identity: its key pair and a contact (`mailto:` or https URL). */
export interface VapidIdentity {
  publicKey: string;
  privateKey: string;
  subject: string;
}

export interface PushSettings {
  /**
   * Push services the gateway may send to: origins (`https://fcm.googleapis.com`) or host suffixes
   * starting with a dot (`.notify.windows.com`). A subscription elsewhere is refused: the gateway
   * never posts to an address a browser made up.
   */
  allowedServices: readonly string[];
  /** A key pair from the environment (production), else the one generated once in the database. */
  vapid?: { publicKey: string; privateKey: string } | undefined;
  /** The VAPID contact. */
  subject: string;
  timeoutMs: number;
  /** "Send me a test alert" per client and hour. */
  testPerHour: number;
}

/** The browsers' own push services. */
export const DEFAULT_PUSH_SERVICES = [
  'https://fcm.googleapis.com',
  'https://updates.push.services.mozilla.com',
  'https://web.push.apple.com',
  '.notify.windows.com',
  '.push.apple.com',
] as const;

/**
 * From the environment: PUSH_SERVICE_ORIGINS (comma-separated, added to the browsers' services),
 * PUSH_VAPID_PUBLIC_KEY + PUSH_VAPID_PRIVATE_KEY (both or neither), PUSH_VAPID_SUBJECT.
 */
export function pushSettingsFromEnv(env: Readonly<Record<string, string | undefined>>): PushSettings {
  const extra = (env.PUSH_SERVICE_ORIGINS ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  const publicKey = env.PUSH_VAPID_PUBLIC_KEY?.trim();
  const privateKey = env.PUSH_VAPID_PRIVATE_KEY?.trim();
  if (Boolean(publicKey) !== Boolean(privateKey)) {
    throw new Error('PUSH_VAPID_PUBLIC_KEY and PUSH_VAPID_PRIVATE_KEY go together');
  }
  return {
    allowedServices: [...DEFAULT_PUSH_SERVICES, ...extra],
    vapid: publicKey && privateKey ? { publicKey, privateKey } : undefined,
    subject: env.PUSH_VAPID_SUBJECT?.trim() || 'mailto:soporte@carpeta.example',
    timeoutMs: Number(env.PUSH_TIMEOUT_MS ?? 10_000),
    testPerHour: Number(env.PUSH_TEST_PER_HOUR ?? 10),
  };
}

/** Whether `endpoint` is at one of the allowed push services. */
export function isAllowedEndpoint(endpoint: string, allowed: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  return allowed.some((item) =>
    item.startsWith('.')
      ? url.protocol === 'https:' && url.hostname.endsWith(item)
      : url.origin === new URL(item).origin,
  );
}

/** A subscription's id: the base64url SHA-256 of its endpoint (as `pushSubscriptionId` in the sdk). */
export function subscriptionId(endpoint: string): string {
  return createHash('sha256').update(endpoint).digest('base64url');
}

const identities = new WeakMap<PortalDatabase, Promise<VapidIdentity>>();

/** The portal's VAPID identity: the environment's, or generated once and kept in the database. */
export function vapidIdentity(
  database: PortalDatabase,
  settings: PushSettings,
  store: PushStore = createPushStore(database.db),
): Promise<VapidIdentity> {
  let identity = identities.get(database);
  if (!identity) {
    identity = (
      settings.vapid
        ? Promise.resolve(settings.vapid)
        : store.vapidKeys(() => webpush.generateVAPIDKeys(), new Date())
    ).then((keys) => ({ ...keys, subject: settings.subject }));
    identity.catch(() => identities.delete(database));
    identities.set(database, identity);
  }
  return identity;
}

/** What happened to one subscription. */
export interface PushDelivery {
  subscriptionId: string;
  /** `sent`: the push service took it; `removed`: it said the subscription is gone (404/410) and it was deleted; `failed`: anything else. */
  outcome: 'sent' | 'removed' | 'failed';
  /** The push service's status, when it answered. */
  status?: number;
  error?: string;
}

/**
 * Sends `payload` to every device of `subjectId` (Web Push, aes128gcm, VAPID) and reports per
 * subscription. The payload says only that something waits and where (never the content of a
 * notification). Subscriptions the push service no longer knows are deleted.
 */
export async function sendPushToSubject(
  db: PortalDatabase,
  subjectId: string,
  payload: { title: string; body: string; url: string; tag: string },
  options: { settings?: PushSettings } = {},
): Promise<PushDelivery[]> {
  const settings = options.settings ?? pushSettingsFromEnv(process.env);
  const message = pushPayloadSchema.parse(payload);
  const store = createPushStore(db.db);
  const subscriptions = await store.list(subjectId);
  if (subscriptions.length === 0) return [];
  const vapid = await vapidIdentity(db, settings, store);
  const body = JSON.stringify(message);
  return Promise.all(
    subscriptions.map(async (subscription): Promise<PushDelivery> => {
      if (!isAllowedEndpoint(subscription.endpoint, settings.allowedServices)) {
        return { subscriptionId: subscription.id, outcome: 'failed', error: 'push service not allowed' };
      }
      try {
        const details = webpush.generateRequestDetails(
          { endpoint: subscription.endpoint, keys: subscription.keys },
          body,
          {
            vapidDetails: vapid,
            TTL: 24 * 3600,
            urgency: 'normal',
            topic: message.tag.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 32) || undefined,
            contentEncoding: 'aes128gcm',
          },
        );
        const response = await undiciRequest(details.endpoint, {
          method: 'POST',
          headers: details.headers as Record<string, string>,
          body: details.body ?? undefined,
          headersTimeout: settings.timeoutMs,
          bodyTimeout: settings.timeoutMs,
        });
        await response.body.dump();
        const status = response.statusCode;
        if (status === 404 || status === 410) {
          await store.forget(subscription.id);
          return { subscriptionId: subscription.id, outcome: 'removed', status };
        }
        if (status >= 200 && status < 300)
          return { subscriptionId: subscription.id, outcome: 'sent', status };
        return { subscriptionId: subscription.id, outcome: 'failed', status };
      } catch (error) {
        return { subscriptionId: subscription.id, outcome: 'failed', error: (error as Error).message };
      }
    }),
  );
}
