import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema.ts';

/** The tables of migration 0009 (kept beside the code that uses them). */
export type PushTables = {
  push_subscriptions: {
    id: string;
    subject_id: string;
    endpoint: string;
    p256dh: string;
    auth: string;
    user_agent: string | null;
    created_at: Date;
    updated_at: Date;
  };
  push_vapid_keys: {
    id: number;
    public_key: string;
    private_key: string;
    created_at: Date;
  };
};

export interface PushSubscriptionRecord {
  id: string;
  subjectId: string;
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export interface PushStore {
  /**
   * Stores this device's subscription for `subjectId` (the same endpoint again updates its keys; a
   * device enabled by another citizen since belongs to the last one).
   */
  save(record: PushSubscriptionRecord, userAgent: string | null, now: Date): Promise<void>;
  /** Whether `subjectId` had that subscription (another citizen's is never touched). */
  remove(subjectId: string, id: string): Promise<boolean>;
  /** Forgets a subscription the push service no longer knows (404/410), whoever owns it. */
  forget(id: string): Promise<void>;
  list(subjectId: string): Promise<PushSubscriptionRecord[]>;
  /** The stored VAPID key pair, or the one given here stored now (the first caller wins). */
  vapidKeys(
    generate: () => { publicKey: string; privateKey: string },
    now: Date,
  ): Promise<{ publicKey: string; privateKey: string }>;
}

export function createPushStore(database: Kysely<DatabaseSchema>): PushStore {
  const db = database.withTables<PushTables>();
  return {
    async save(record, userAgent, now) {
      await db
        .insertInto('push_subscriptions')
        .values({
          id: record.id,
          subject_id: record.subjectId,
          endpoint: record.endpoint,
          p256dh: record.keys.p256dh,
          auth: record.keys.auth,
          user_agent: userAgent,
          created_at: now,
          updated_at: now,
        })
        .onConflict((conflict) =>
          conflict.column('id').doUpdateSet({
            subject_id: record.subjectId,
            endpoint: record.endpoint,
            p256dh: record.keys.p256dh,
            auth: record.keys.auth,
            user_agent: userAgent,
            updated_at: now,
          }),
        )
        .execute();
    },
    async remove(subjectId, id) {
      const result = await db
        .deleteFrom('push_subscriptions')
        .where('id', '=', id)
        .where('subject_id', '=', subjectId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async forget(id) {
      await db.deleteFrom('push_subscriptions').where('id', '=', id).execute();
    },
    async list(subjectId) {
      const rows = await db
        .selectFrom('push_subscriptions')
        .select(['id', 'subject_id', 'endpoint', 'p256dh', 'auth'])
        .where('subject_id', '=', subjectId)
        .orderBy('created_at', 'asc')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        subjectId: row.subject_id,
        endpoint: row.endpoint,
        keys: { p256dh: row.p256dh, auth: row.auth },
      }));
    },
    async vapidKeys(generate, now) {
      const existing = await db
        .selectFrom('push_vapid_keys')
        .select(['public_key', 'private_key'])
        .where('id', '=', 1)
        .executeTakeFirst();
      if (existing) return { publicKey: existing.public_key, privateKey: existing.private_key };
      const made = generate();
      await db
        .insertInto('push_vapid_keys')
        .values({ id: 1, public_key: made.publicKey, private_key: made.privateKey, created_at: now })
        .onConflict((conflict) => conflict.column('id').doNothing())
        .execute();
      const stored = await db
        .selectFrom('push_vapid_keys')
        .select(['public_key', 'private_key'])
        .where('id', '=', 1)
        .executeTakeFirstOrThrow();
      return { publicKey: stored.public_key, privateKey: stored.private_key };
    },
  };
}
