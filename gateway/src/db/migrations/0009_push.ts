import { type Kysely, sql } from 'kysely';

// 0009: Web Push. Each device a citizen allowed to show alerts is one subscription (its push
// service's endpoint and the keys its messages are encrypted with), owned by the folder's subject;
// the id is the base64url SHA-256 of the endpoint, so a device is one row whoever enabled it last.
// The portal's VAPID key pair is generated once and kept here unless the environment gives one.
// Once on main this file is never edited. It imports nothing of the stores.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('push_subscriptions')
    .addColumn('id', 'text', (col) => col.primaryKey().check(sql`char_length(id) between 20 and 100`))
    .addColumn('subject_id', 'text', (col) => col.notNull())
    .addColumn('endpoint', 'text', (col) => col.notNull().check(sql`char_length(endpoint) <= 2000`))
    .addColumn('p256dh', 'text', (col) => col.notNull())
    .addColumn('auth', 'text', (col) => col.notNull())
    .addColumn('user_agent', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('push_subscriptions_subject')
    .on('push_subscriptions')
    .column('subject_id')
    .execute();
  await db.schema
    .createTable('push_vapid_keys')
    .addColumn('id', 'integer', (col) => col.primaryKey().check(sql`id = 1`))
    .addColumn('public_key', 'text', (col) => col.notNull())
    .addColumn('private_key', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('push_vapid_keys').execute();
  await db.schema.dropTable('push_subscriptions').execute();
}
