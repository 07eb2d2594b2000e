/**
 * The installable app's page side, loaded lazily once the first route is shown (never part of the
 * first route's JavaScript): registers the service worker (built from src/sw/sw.ts), tells it
 * whether this page's session is signed in (private reads are kept only then), and implements the
 * device-push capability MFEs receive as `props.device.push`.
 */
import {
  createApiClient,
  type DevicePush,
  type DevicePushState,
  newIdempotencyKey,
  type Session,
  type Telemetry,
} from '@carpeta/sdk';
import {
  pushKeySchema,
  pushSubscriptionAnswerSchema,
  pushSubscriptionBodySchema,
  pushSubscriptionId,
  pushTestAnswerSchema,
  pushTestBodySchema,
} from '@carpeta/sdk/push';

const SCRIPT = '/sw.js';

/**
 * Registers the service worker and tells it about the page's session: whether it is signed in and
 * until when it lasts. Failures are reported, never thrown.
 */
export async function startServiceWorker(session: Session, telemetry: Telemetry): Promise<void> {
  try {
    const registration = await navigator.serviceWorker.register(SCRIPT, {
      scope: '/',
      updateViaCache: 'none',
    });
    const worker = registration.active ?? (await navigator.serviceWorker.ready).active;
    worker?.postMessage({
      type: 'carpeta:session',
      signedIn: session.authenticated,
      expiresAt: session.citizen?.expiresAt ?? null,
    });
  } catch (error) {
    telemetry.error(error, { phase: 'service-worker' });
  }
}

function base64urlToBytes(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** The portal's registration when this browser can receive push messages (none in `pnpm dev`). */
async function pushRegistration(): Promise<ServiceWorkerRegistration | undefined> {
  if (!('serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window))
    return undefined;
  if (!window.isSecureContext) return undefined;
  const registration = await navigator.serviceWorker.getRegistration('/');
  return registration?.active ? registration : undefined;
}

/** `props.device.push`, for the session whose CSRF token `csrfToken` reads, in the portal's `language`. */
export function createDevicePush(csrfToken: () => string | null, language: () => string): DevicePush {
  const api = createApiClient({ baseUrl: '/api', mfeId: 'shell', csrfToken });
  async function state(): Promise<DevicePushState> {
    const registration = await pushRegistration();
    if (!registration) return 'unsupported';
    if (Notification.permission === 'denied') return 'denied';
    if (Notification.permission !== 'granted') return 'off';
    return (await registration.pushManager.getSubscription()) ? 'on' : 'off';
  }
  return {
    state,
    async enable(): Promise<DevicePushState> {
      const registration = await pushRegistration();
      if (!registration) return 'unsupported';
      const permission = await Notification.requestPermission();
      if (permission !== 'granted') return permission === 'denied' ? 'denied' : 'off';
      const { publicKey } = await api.get('/push/key', pushKeySchema);
      const subscription =
        (await registration.pushManager.getSubscription()) ??
        (await registration.pushManager.subscribe({
          userVisibleOnly: true,
          applicationServerKey: base64urlToBytes(publicKey),
        }));
      const json = subscription.toJSON();
      const body = {
        endpoint: subscription.endpoint,
        expirationTime: json.expirationTime ?? null,
        keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' },
      };
      await api.put('/push/subscription', body, {
        bodySchema: pushSubscriptionBodySchema,
        schema: pushSubscriptionAnswerSchema,
        idempotencyKey: newIdempotencyKey(),
      });
      return 'on';
    },
    async disable(): Promise<DevicePushState> {
      const registration = await pushRegistration();
      if (!registration) return 'unsupported';
      const subscription = await registration.pushManager.getSubscription();
      if (subscription) {
        const id = await pushSubscriptionId(subscription.endpoint);
        await api.delete(`/push/subscription/${encodeURIComponent(id)}`, {
          idempotencyKey: newIdempotencyKey(),
        });
        await subscription.unsubscribe();
      }
      return state();
    },
    async test(): Promise<void> {
      await api.post(
        `/push/test?lang=${encodeURIComponent(language())}`,
        {},
        { bodySchema: pushTestBodySchema, schema: pushTestAnswerSchema, idempotencyKey: newIdempotencyKey() },
      );
    },
  };
}
