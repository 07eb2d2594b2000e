import { z } from 'zod/mini';

/*
 * Web Push between the shell and the gateway: the device's subscription the shell stores for the
 * signed-in citizen, the gateway's VAPID public key, and what a push message carries. Imported from
 * "@carpeta/sdk/push" (not from the sdk's index, which every route loads).
 */

/** base64url without padding, as PushSubscription.toJSON() gives the keys. */
const base64url = (min: number, max: number) =>
  z.string().check(z.minLength(min), z.maxLength(max), z.regex(/^[A-Za-z0-9_-]+$/));

/** A push service's endpoint: https (http only for a local simulated service, checked by the gateway). */
export const pushEndpointSchema = z.string().check(z.maxLength(2000), z.regex(/^https?:\/\/[^\s]+$/));

/** `PushSubscription.toJSON()` of this device. */
export const pushSubscriptionBodySchema = z.object({
  endpoint: pushEndpointSchema,
  expirationTime: z.optional(z.nullable(z.number())),
  keys: z.object({
    // An uncompressed P-256 point (65 bytes → 87 characters) and a 16-byte secret (22 characters).
    p256dh: base64url(80, 100),
    auth: base64url(16, 40),
  }),
});
export type PushSubscriptionBody = z.infer<typeof pushSubscriptionBodySchema>;

/** The stored subscription: its id is the base64url SHA-256 of its endpoint. */
export const pushSubscriptionAnswerSchema = z.object({ id: z.string() });

/** The gateway's VAPID public key, the `applicationServerKey` of `pushManager.subscribe`. */
export const pushKeySchema = z.object({ publicKey: base64url(80, 100) });

/** "Send me a sample alert" takes no parameters. */
export const pushTestBodySchema = z.object({});

/** What a sample alert reached: one line per subscription of the citizen. */
export const pushTestAnswerSchema = z.object({
  sent: z.number(),
  removed: z.number(),
  failed: z.number(),
});

/** A push message's payload: never a notification's content, only that something waits, and where. */
export const pushPayloadSchema = z.object({
  title: z.string().check(z.maxLength(120)),
  body: z.string().check(z.maxLength(300)),
  url: z.string().check(z.regex(/^\/(?!\/)/), z.maxLength(500)),
  tag: z.string().check(z.maxLength(64)),
});
export type PushPayload = z.infer<typeof pushPayloadSchema>;

/** The id of a subscription: the base64url SHA-256 of its endpoint (the browser computes it too). */
export async function pushSubscriptionId(endpoint: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(endpoint)));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
