import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema.ts';
import { createProofStore, type IssuedProof } from './store.ts';

/** A legal act on a notification, as the portal records it (Law 39/2015 arts. 41–43). */
export interface NotificationAct {
  notificationId: string;
  source: string;
  act: 'accept' | 'reject';
  actorNif: string;
  subjectNif: string;
  at: Date;
  agencyAt: Date | null;
  ip: string | null;
  userAgent: string | null;
  documentSha256: string | null;
  receiptCode: string;
}

export interface NotificationActStore {
  /**
   * Records the act and its receipt in one transaction, once per notification and holder: when an
   * act is already recorded (a retry, a concurrent click) nothing is written and that act is
   * answered, with `created: false`.
   */
  record(act: NotificationAct, receipt: IssuedProof): Promise<{ created: boolean; act: NotificationAct }>;
  find(subjectNif: string, notificationId: string): Promise<NotificationAct | null>;
  /** Every act on the holder's notifications (newest first), e.g. to tell which have a receipt. */
  listFor(subjectNif: string): Promise<NotificationAct[]>;
}

type Row = DatabaseSchema['notification_acts'];

function fromRow(row: Omit<Row, 'id'>): NotificationAct {
  return {
    notificationId: row.notification_id,
    source: row.source,
    act: row.act,
    actorNif: row.actor_nif,
    subjectNif: row.subject_nif,
    at: new Date(row.at),
    agencyAt: row.agency_at ? new Date(row.agency_at) : null,
    ip: row.ip,
    userAgent: row.user_agent,
    documentSha256: row.document_sha256,
    receiptCode: row.receipt_code,
  };
}

const COLUMNS = [
  'notification_id',
  'source',
  'act',
  'actor_nif',
  'subject_nif',
  'at',
  'agency_at',
  'ip',
  'user_agent',
  'document_sha256',
  'receipt_code',
] as const;

class AlreadyRecorded extends Error {}

export function createNotificationActStore(db: Kysely<DatabaseSchema>): NotificationActStore {
  const proofs = createProofStore(db);
  const find = async (subjectNif: string, notificationId: string) => {
    const row = await db
      .selectFrom('notification_acts')
      .select(COLUMNS)
      .where('subject_nif', '=', subjectNif)
      .where('notification_id', '=', notificationId)
      .executeTakeFirst();
    return row ? fromRow(row) : null;
  };
  return {
    find,
    async record(act, receipt) {
      try {
        await db.transaction().execute(async (trx) => {
          await proofs.save(receipt, trx);
          const inserted = await trx
            .insertInto('notification_acts')
            .values({
              notification_id: act.notificationId,
              source: act.source,
              act: act.act,
              actor_nif: act.actorNif,
              subject_nif: act.subjectNif,
              at: act.at,
              agency_at: act.agencyAt,
              ip: act.ip,
              user_agent: act.userAgent,
              document_sha256: act.documentSha256,
              receipt_code: receipt.code,
            })
            .onConflict((oc) => oc.columns(['subject_nif', 'notification_id']).doNothing())
            .returning('id')
            .executeTakeFirst();
          // Another request recorded it first: keep neither this act nor its receipt.
          if (!inserted) throw new AlreadyRecorded();
        });
        return { created: true, act: { ...act, receiptCode: receipt.code } };
      } catch (error) {
        if (!(error instanceof AlreadyRecorded)) throw error;
        const existing = await find(act.subjectNif, act.notificationId);
        if (!existing) throw new Error('an act vanished after a conflict');
        return { created: false, act: existing };
      }
    },
    async listFor(subjectNif) {
      const rows = await db
        .selectFrom('notification_acts')
        .select(COLUMNS)
        .where('subject_nif', '=', subjectNif)
        .orderBy('at', 'desc')
        .execute();
      return rows.map(fromRow);
    },
  };
}
