import { type Kysely, sql } from 'kysely';

// 0008: the alerts centre. Per citizen (the subject of the session): which event alerts them on
// which channel, the language alerts are written in, the contact points (e-mail, phone) with their
// verification (a hash of the code only, its expiry, tries left, sends counted per hour), the record
// of every change, the deliveries (one row per citizen, event, item and channel: the UNIQUE
// constraint is what keeps an alert from going out twice, whatever the number of gateways or
// restarts; schedulers claim rows with `FOR UPDATE SKIP LOCKED`) and the alerts kept in the portal.
// Once on main this file is never edited. It imports nothing of the stores.

const EVENTS = `('notification-new', 'notification-expiring', 'file-requirement', 'appointment-reminder', 'document-expiring', 'ticket-answered')`;
const CHANNELS = `('email', 'sms', 'push', 'portal')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('alert_citizens')
    .addColumn('subject_nif', 'text', (col) => col.primaryKey())
    .addColumn('language', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('alert_preferences')
    .addColumn('subject_nif', 'text', (col) => col.notNull())
    .addColumn('event', 'text', (col) => col.notNull().check(sql.raw(`event in ${EVENTS}`)))
    .addColumn('channel', 'text', (col) => col.notNull().check(sql.raw(`channel in ${CHANNELS}`)))
    .addColumn('enabled', 'boolean', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('alert_preferences_pk', ['subject_nif', 'event', 'channel'])
    .execute();
  // The scheduler walks the citizens with something enabled, in order, a page at a time.
  await sql`create index alert_preferences_enabled on alert_preferences (subject_nif) where enabled`.execute(
    db,
  );
  await db.schema
    .createTable('alert_contacts')
    .addColumn('subject_nif', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('email', 'phone')`))
    .addColumn('value', 'text', (col) => col.notNull().check(sql`char_length(value) between 1 and 254`))
    .addColumn('verified_at', 'timestamptz')
    // scrypt of the code with a random salt ("salt:hash", hex); null once verified.
    .addColumn('code_hash', 'text')
    .addColumn('code_expires_at', 'timestamptz')
    .addColumn('attempts_left', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('last_sent_at', 'timestamptz')
    .addColumn('sends_window_start', 'timestamptz')
    .addColumn('sends_in_window', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('alert_contacts_pk', ['subject_nif', 'kind'])
    .execute();
  await db.schema
    .createTable('alert_changes')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('subject_nif', 'text', (col) => col.notNull())
    .addColumn('actor_nif', 'text', (col) => col.notNull())
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('detail', 'text', (col) => col.notNull().check(sql`char_length(detail) <= 500`))
    .addColumn('at', 'timestamptz', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('alert_changes_subject')
    .on('alert_changes')
    .columns(['subject_nif', 'at'])
    .execute();
  await db.schema
    .createTable('alert_deliveries')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('subject_nif', 'text', (col) => col.notNull())
    .addColumn('event', 'text', (col) => col.notNull().check(sql.raw(`event in ${EVENTS}`)))
    .addColumn('item_key', 'text', (col) => col.notNull().check(sql`char_length(item_key) between 1 and 300`))
    .addColumn('channel', 'text', (col) => col.notNull().check(sql.raw(`channel in ${CHANNELS}`)))
    .addColumn('link', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('pending', 'sending', 'sent', 'failed', 'skipped')`),
    )
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (col) => col.notNull())
    // Who is sending it and until when the claim holds (a scheduler that died lets it go).
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_until', 'timestamptz')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('sent_at', 'timestamptz')
    .addUniqueConstraint('alert_deliveries_once', ['subject_nif', 'event', 'item_key', 'channel'])
    .execute();
  await sql`create index alert_deliveries_due on alert_deliveries (next_attempt_at) where status in ('pending', 'sending')`.execute(
    db,
  );
  await db.schema
    .createTable('alert_inbox')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('delivery_id', 'uuid', (col) => col.notNull().unique())
    .addColumn('subject_nif', 'text', (col) => col.notNull())
    .addColumn('event', 'text', (col) => col.notNull())
    .addColumn('link', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('read_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('alert_inbox_subject')
    .on('alert_inbox')
    .columns(['subject_nif', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'alert_inbox',
    'alert_deliveries',
    'alert_changes',
    'alert_contacts',
    'alert_preferences',
    'alert_citizens',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
