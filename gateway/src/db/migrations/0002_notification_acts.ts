import { type Kysely, sql } from 'kysely';

// 0002: the legal acts on notifications (comparecencia, rejection) the portal carried out, and the
// proofs it issued (receipts, later other proofs), each resolvable by its secure verification code.
// Once on main this file is never edited. It imports nothing of the stores on purpose.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('proofs')
    .addColumn('code', 'text', (col) => col.primaryKey())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('subject_nif', 'text', (col) => col.notNull())
    .addColumn('reference', 'text', (col) => col.notNull())
    .addColumn('sha256', 'text', (col) => col.notNull().check(sql`sha256 ~ '^[0-9a-f]{64}$'`))
    .addColumn('content_type', 'text', (col) => col.notNull())
    .addColumn('document', 'bytea', (col) => col.notNull())
    .addColumn('issued_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('proofs_subject_idx')
    .on('proofs')
    .columns(['subject_nif', 'kind', 'issued_at'])
    .execute();

  await db.schema
    .createTable('notification_acts')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('notification_id', 'text', (col) => col.notNull())
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('act', 'text', (col) => col.notNull().check(sql`act in ('accept', 'reject')`))
    .addColumn('actor_nif', 'text', (col) => col.notNull())
    .addColumn('subject_nif', 'text', (col) => col.notNull())
    .addColumn('at', 'timestamptz', (col) => col.notNull())
    .addColumn('agency_at', 'timestamptz')
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('document_sha256', 'text')
    .addColumn('receipt_code', 'text', (col) => col.notNull().references('proofs.code'))
    .execute();
  // One act per notification and holder: a repeated or concurrent request acts once.
  await db.schema
    .createIndex('notification_acts_once_idx')
    .unique()
    .on('notification_acts')
    .columns(['subject_nif', 'notification_id'])
    .execute();
  await db.schema
    .createIndex('notification_acts_actor_idx')
    .on('notification_acts')
    .columns(['actor_nif', 'at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notification_acts').execute();
  await db.schema.dropTable('proofs').execute();
}
