import { createPublicKey, verify } from 'node:crypto';
import { HttpResponse, http, type HttpHandler } from 'msw';

/**
 * A simulated Web Push service (RFC 8030, with RFC 8291 message encryption and RFC 8292 VAPID), the
 * part of a browser vendor's push service the portal talks to. It checks what a real one checks
 * before accepting a message — the `aes128gcm` body's header, `TTL`, and the VAPID `Authorization`
 * (an ES256 JWT whose audience is this service's origin, not expired, with a contact, signed by the
 * key `k` it carries) — and records every message it accepts for tests to read. It cannot decrypt
 * them (only the subscribed browser holds the key).
 *
 *   POST {base}/push/{token}           a message for the subscription {token}: 201; a token starting
 *                                      with "gone-" answers 410 (the subscription expired)
 *   GET  {base}/__control/messages     every accepted message, oldest first (?token= for one subscription)
 *   POST {base}/__control/reset        forgets them
 */
export interface RecordedPush {
  token: string;
  receivedAt: string;
  ttl: number;
  urgency: string | null;
  topic: string | null;
  vapid: { aud: string; sub: string; exp: number; k: string };
  /** The encrypted body, base64url (decrypted by whoever holds the subscription's private key). */
  body: string;
}

type Verdict = { ok: true; vapid: RecordedPush['vapid'] } | { ok: false; reason: string };

const B64URL = /^[A-Za-z0-9_-]+$/;

function decodeJson(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Checks `Authorization: vapid t=<JWT>, k=<public key>` as RFC 8292 says. */
export function checkVapid(header: string | null, origin: string, nowSeconds: number): Verdict {
  const match = /^vapid\s+t=([^,\s]+),\s*k=([^,\s]+)$/i.exec(header ?? '');
  if (!match?.[1] || !match[2]) return { ok: false, reason: 'Authorization is not "vapid t=…, k=…"' };
  const [token, key] = [match[1], match[2]];
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part) => B64URL.test(part))) {
    return { ok: false, reason: 'the VAPID token is not a JWT' };
  }
  const [head, claims, signature] = parts as [string, string, string];
  const header_ = decodeJson(head);
  if (header_?.alg !== 'ES256' || (header_.typ !== undefined && header_.typ !== 'JWT')) {
    return { ok: false, reason: 'the VAPID token is not an ES256 JWT' };
  }
  const body = decodeJson(claims);
  if (!body) return { ok: false, reason: 'the VAPID claims are not JSON' };
  const { aud, exp, sub } = body;
  if (aud !== origin) return { ok: false, reason: `the VAPID audience is not ${origin}` };
  if (typeof exp !== 'number' || exp <= nowSeconds || exp > nowSeconds + 24 * 3600) {
    return { ok: false, reason: 'the VAPID token has expired or lasts more than 24 hours' };
  }
  if (typeof sub !== 'string' || !/^(mailto:|https:)/.test(sub)) {
    return { ok: false, reason: 'the VAPID subject is not a mailto: or https: contact' };
  }
  const point = Buffer.from(key, 'base64url');
  if (point.length !== 65 || point[0] !== 4)
    return { ok: false, reason: 'k is not an uncompressed P-256 key' };
  const publicKey = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33).toString('base64url'),
    },
    format: 'jwk',
  });
  const signed = verify(
    'sha256',
    Buffer.from(`${head}.${claims}`),
    { key: publicKey, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  if (!signed) return { ok: false, reason: 'the VAPID signature does not verify with k' };
  return { ok: true, vapid: { aud, sub, exp, k: key } };
}

/** The aes128gcm header (RFC 8188 §2.1) with the sender's 65-byte key as its keyid (RFC 8291 §4). */
export function checkAes128gcm(body: Buffer): string | undefined {
  if (body.length < 21 + 65 + 17) return 'the body is too short for aes128gcm';
  const recordSize = body.readUInt32BE(16);
  if (recordSize < 18) return 'the record size is too small';
  if (body[20] !== 65 || body[21] !== 4) return 'the keyid is not the sender’s P-256 public key';
  if (body.length - 86 > 4096) return 'the payload is larger than 4096 bytes';
  return undefined;
}

export function pushServiceHandlers(options: { now?: () => Date } = {}): HttpHandler[] {
  const now = options.now ?? (() => new Date());
  let messages: RecordedPush[] = [];
  const refuse = (status: number, reason: string) => HttpResponse.json({ error: reason }, { status });
  return [
    http.post('*/push/:token', async ({ request, params }) => {
      const token = String(params.token);
      if (!/^[A-Za-z0-9_-]{1,200}$/.test(token)) return refuse(404, 'no such subscription');
      const origin = new URL(request.url).origin;
      const vapid = checkVapid(
        request.headers.get('authorization'),
        origin,
        Math.floor(now().getTime() / 1000),
      );
      if (!vapid.ok) return refuse(401, vapid.reason);
      if (request.headers.get('content-encoding') !== 'aes128gcm') {
        return refuse(415, 'Content-Encoding must be aes128gcm');
      }
      const ttl = Number(request.headers.get('ttl'));
      if (!request.headers.has('ttl') || !Number.isInteger(ttl) || ttl < 0)
        return refuse(400, 'TTL is required');
      const body = Buffer.from(await request.arrayBuffer());
      const bad = checkAes128gcm(body);
      if (bad) return refuse(400, bad);
      if (token.startsWith('gone-')) return refuse(410, 'the subscription has expired');
      messages.push({
        token,
        receivedAt: now().toISOString(),
        ttl,
        urgency: request.headers.get('urgency'),
        topic: request.headers.get('topic'),
        vapid: vapid.vapid,
        body: body.toString('base64url'),
      });
      if (messages.length > 1000) messages = messages.slice(-1000);
      return new HttpResponse(null, {
        status: 201,
        headers: { location: `${origin}/messages/${messages.length}` },
      });
    }),
    http.get('*/__control/messages', ({ request }) => {
      const token = new URL(request.url).searchParams.get('token');
      return HttpResponse.json({
        messages: token ? messages.filter((item) => item.token === token) : messages,
      });
    }),
    http.post('*/__control/reset', () => {
      messages = [];
      return HttpResponse.json({ messages: [] });
    }),
  ];
}
