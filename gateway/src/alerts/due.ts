import type { AlertEventKind } from '@carpeta/sdk/alerts';
import type { Kysely } from 'kysely';
import type { Folder } from '../agencies/fan-out.ts';
import type { DatabaseSchema } from '../db/schema.ts';

/** Something that should alert the citizen, identified so that it alerts once. */
export interface DueAlert {
  event: AlertEventKind;
  /** Stable key of the item (and of the moment when it matters twice, e.g. a new deadline). */
  itemKey: string;
}

/** Finds a citizen's due alerts for the events they enabled. Never throws for an agency's failure. */
export type DueAlertFinder = (
  subjectId: string,
  events: ReadonlySet<AlertEventKind>,
  now: Date,
) => Promise<DueAlert[]>;

/** Days before a notification expires when it is "about to expire" (it expires 10 days after). */
export const NOTIFICATION_WARNING_DAYS = 3;
/** Days before a document's last valid day when it is "about to expire". */
export const DOCUMENT_WARNING_DAYS = 60;
const DAY_MS = 86_400_000;

/**
 * Due alerts from the folder's sources (DEHú and the agencies, through the same connectors and
 * per-source time limits as the pages) and from Ada's tickets in the portal's database:
 * - a pending notification (new); a pending one whose expiry (10 calendar days after it was made
 *   available, Law 39/2015 art. 43) is within 3 days (about to expire);
 * - an open file with a requirement (keyed by its deadline: a new requirement alerts again);
 * - a booked appointment starting within the next 24 hours (the day before);
 * - an identity card, passport or driving licence whose last valid day is within 60 days;
 * - an incident filed with Ada that was resolved or closed (answered).
 */
export function createFolderDueAlerts(options: {
  folder: Folder;
  db: Kysely<DatabaseSchema>;
}): DueAlertFinder {
  const { folder, db } = options;
  return async (subjectId, events, now) => {
    const due: DueAlert[] = [];
    const at = now.getTime();
    const wants = (event: AlertEventKind) => events.has(event);
    const jobs: Promise<void>[] = [];
    if (wants('notification-new') || wants('notification-expiring')) {
      jobs.push(
        folder.list('notifications', subjectId).then(({ items }) => {
          for (const item of items) {
            if (item.status !== 'pending') continue;
            if (wants('notification-new')) due.push({ event: 'notification-new', itemKey: item.id });
            if (
              wants('notification-expiring') &&
              item.kind === 'notification' &&
              item.expiresAt !== null &&
              Date.parse(item.expiresAt) > at &&
              Date.parse(item.expiresAt) - at <= NOTIFICATION_WARNING_DAYS * DAY_MS
            ) {
              due.push({ event: 'notification-expiring', itemKey: item.id });
            }
          }
        }),
      );
    }
    if (wants('file-requirement')) {
      jobs.push(
        folder.list('files', subjectId).then(({ items }) => {
          for (const item of items) {
            if (item.open && item.status === 'requirement') {
              due.push({
                event: 'file-requirement',
                itemKey: `${item.id}@${item.deadline ?? item.updatedAt}`,
              });
            }
          }
        }),
      );
    }
    if (wants('appointment-reminder')) {
      jobs.push(
        folder.list('appointments', subjectId).then(({ items }) => {
          for (const item of items) {
            const starts = Date.parse(item.startsAt);
            if (item.status === 'booked' && starts > at && starts - at <= DAY_MS) {
              due.push({ event: 'appointment-reminder', itemKey: `${item.id}@${item.startsAt}` });
            }
          }
        }),
      );
    }
    if (wants('document-expiring')) {
      jobs.push(
        folder.list('documents', subjectId).then(({ items }) => {
          for (const item of items) {
            if (item.kind === 'vehicle-inspection') continue;
            const lastDay = Date.parse(`${item.expiresOn}T23:59:59Z`);
            if (lastDay >= at && lastDay - at <= DOCUMENT_WARNING_DAYS * DAY_MS) {
              due.push({ event: 'document-expiring', itemKey: `${item.id}@${item.expiresOn}` });
            }
          }
        }),
      );
    }
    if (wants('ticket-answered')) {
      jobs.push(
        db
          .selectFrom('assistant_tickets')
          .select(['reference', 'status'])
          .where('subject_nif', '=', subjectId)
          .where('status', 'in', ['resolved', 'closed'])
          .execute()
          .then((rows) => {
            for (const row of rows) due.push({ event: 'ticket-answered', itemKey: row.reference });
          }),
      );
    }
    await Promise.all(jobs);
    return due;
  };
}
