import type { AlertStore } from '../db/alerts.ts';
import { type AlertChannel, createEmailChannel, createPortalChannel, createSmsChannel } from './channels.ts';

export type { AlertChannel, AlertMessage } from './channels.ts';
export { createAlertScheduler, type AlertScheduler } from './scheduler.ts';
export { createFolderDueAlerts } from './due.ts';

/** The alerts' settings (from the environment: see config.ts). */
export interface AlertSettings {
  /** Milliseconds between scheduler runs; 0 leaves the scheduler off (the default, and unit tests). */
  intervalMs: number;
  /** smtp://host:port for e-mail (ALERTS_SMTP_URL); null: no e-mail channel. */
  smtpUrl: string | null;
  /** The From of alert e-mails (ALERTS_MAIL_FROM). */
  mailFrom: string;
  /** The SMS gateway (AGENCY_SMS_URL); null: no SMS channel. */
  smsUrl: string | null;
}

/**
 * The channels this gateway delivers alerts through: e-mail and SMS when configured, and the
 * portal's own list always. **This is where another channel is registered**: pass it in `extra`
 * (e.g. a web push adapter, `{ channel: 'push', send(message) { … } }`); an extra one for a kind
 * replaces the built-in one. Without a `push` adapter, push deliveries are marked skipped.
 */
export function createAlertChannels(
  settings: AlertSettings,
  store: AlertStore,
  now: () => Date,
  extra: readonly AlertChannel[] = [],
): { channels: AlertChannel[]; close(): void } {
  const email = settings.smtpUrl
    ? createEmailChannel({ smtpUrl: settings.smtpUrl, from: settings.mailFrom })
    : null;
  const channels: AlertChannel[] = [
    ...(email ? [email] : []),
    ...(settings.smsUrl ? [createSmsChannel({ baseUrl: settings.smsUrl })] : []),
    createPortalChannel(store, now),
    ...extra,
  ];
  return { channels, close: () => email?.close() };
}
