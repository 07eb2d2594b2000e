import type { AlertChannel } from '../alerts/channels.ts';
import type { PortalDatabase } from '../db/index.ts';
import { type PushSettings, sendPushToSubject } from './send.ts';

/**
 * Alerts on the citizen's devices: the `push` channel of the alerts scheduler. Each alert goes to
 * every device the citizen turned on (Web Push, `sendPushToSubject`) with the alert's subject and
 * its first sentence, never a notification's content, and the portal page to open.
 *
 * The delivery counts as handed over when a push service took it for at least one device, or when
 * the citizen has no device turned on any more (nothing to send; the preference stays). When every
 * device's service refused it, `send` rejects and the scheduler retries.
 */
export function createPushChannel(database: PortalDatabase, settings: PushSettings): AlertChannel {
  return {
    channel: 'push',
    async send(message) {
      const first = message.text.split('\n').find((line) => line.trim() !== '') ?? message.subject;
      const results = await sendPushToSubject(
        database,
        message.subjectId,
        {
          title: message.subject.slice(0, 120),
          body: first.slice(0, 300),
          url: message.path,
          tag: (message.deliveryId ?? message.event ?? 'carpeta').slice(0, 64),
        },
        { settings },
      );
      const failed = results.filter((result) => result.outcome === 'failed');
      if (failed.length > 0 && !results.some((result) => result.outcome === 'sent')) {
        const why = failed.map((result) => result.error ?? `status ${result.status ?? '?'}`).join('; ');
        throw new Error(`no push service took the alert (${why})`);
      }
    },
  };
}
