import type { Language } from '@carpeta/sdk';
import type { AlertChannelKind, AlertEventKind } from '@carpeta/sdk/alerts';
import { createTransport } from 'nodemailer';
import type { AlertStore } from '../db/alerts.ts';

/**
 * One message for one channel: an alert (that something is waiting, never what) or a verification
 * code. Channel adapters send it; they know nothing of the scheduler nor the database's claims.
 */
export interface AlertMessage {
  purpose: 'alert' | 'verification';
  /** The event of an alert; null for a verification code. */
  event: AlertEventKind | null;
  /** The delivery row this message settles (null for a verification code). */
  deliveryId: string | null;
  /** Whose alert it is (the subject of the folder). */
  subjectId: string;
  /** The verified address (email), number (sms, E.164) or null (channels that need no contact). */
  to: string | null;
  language: Language;
  subject: string;
  /** Plain text (e-mail body). */
  text: string;
  /** Short text (SMS, push). */
  short: string;
  /** The portal page to open (path), and its absolute URL. */
  path: string;
  url: string;
}

/**
 * A way to reach the citizen. `send` resolves once the message is handed over (the SMTP server or
 * the SMS gateway accepted it) and rejects otherwise; the scheduler retries a rejected delivery.
 *
 * Adding a channel (e.g. web push) is an object of this shape passed to `createAlertChannels`'s
 * `extra` (gateway/src/alerts/index.ts builds the list the gateway uses):
 *
 * ```ts
 * const push: AlertChannel = { channel: 'push', async send(message) { await webPush(message.subjectId, message.short, message.url) } };
 * ```
 *
 * Until a `push` adapter is registered, deliveries planned for `push` are marked `skipped`.
 */
export interface AlertChannel {
  readonly channel: AlertChannelKind;
  send(message: AlertMessage): Promise<void>;
}

export interface EmailChannelOptions {
  /** smtp://host:port of the server that takes the portal's mail (in development, the mail sink). */
  smtpUrl: string;
  from: string;
  timeoutMs?: number;
}

/** E-mail over SMTP (nodemailer). The message's language tags the body; a header names the event. */
export function createEmailChannel(options: EmailChannelOptions): AlertChannel & { close(): void } {
  const url = new URL(options.smtpUrl);
  const timeout = options.timeoutMs ?? 10_000;
  const transport = createTransport({
    host: url.hostname,
    port: Number(url.port || 25),
    secure: url.protocol === 'smtps:',
    ignoreTLS: url.protocol === 'smtp:',
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    channel: 'email',
    async send(message) {
      if (!message.to) throw new Error('an e-mail needs an address');
      await transport.sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        headers: {
          'Content-Language': message.language,
          'X-Carpeta-Purpose': message.purpose,
          ...(message.event ? { 'X-Carpeta-Event': message.event } : {}),
        },
      });
    },
    close() {
      transport.close();
    },
  };
}

export interface SmsChannelOptions {
  /** The SMS gateway's base URL (AGENCY_SMS_URL). */
  baseUrl: string;
  sender?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** SMS through an HTTP SMS gateway: POST {base}/sms/api/v1/messages. */
export function createSmsChannel(options: SmsChannelOptions): AlertChannel {
  const doFetch = options.fetch ?? fetch;
  const endpoint = `${options.baseUrl.replace(/\/+$/, '')}/sms/api/v1/messages`;
  return {
    channel: 'sms',
    async send(message) {
      if (!message.to) throw new Error('an SMS needs a phone number');
      const response = await doFetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ to: message.to, text: message.short, sender: options.sender ?? 'CARPETA' }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
      });
      await response.body?.cancel();
      if (response.status !== 201 && response.status !== 200) {
        throw new Error(`the SMS gateway answered ${response.status}`);
      }
    },
  };
}

/** The portal's own list (the alerts page): kept in the database, once per delivery. */
export function createPortalChannel(store: AlertStore, now: () => Date): AlertChannel {
  return {
    channel: 'portal',
    async send(message) {
      if (!message.deliveryId || !message.event) return;
      await store.addToInbox(
        {
          id: message.deliveryId,
          subjectId: message.subjectId,
          event: message.event,
          itemKey: '',
          channel: 'portal',
          link: message.path,
          attempts: 0,
        },
        now(),
      );
    },
  };
}

/** Channels by kind; the last one given for a kind wins (so `extra` may replace a built-in one). */
export function channelMap(channels: readonly AlertChannel[]): ReadonlyMap<AlertChannelKind, AlertChannel> {
  return new Map(channels.map((channel) => [channel.channel, channel]));
}
