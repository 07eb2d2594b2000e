import { type Kysely, sql } from 'kysely';

// 0005: the general registry. Each submission a citizen makes through the portal, keyed by whose
// folder it is and the request's Idempotency-Key (a double click or a retry is one submission), with
// its state; its attachments' bytes are kept only until the registry has registered it. Once on
// main this file is never edited. It imports nothing of the stores.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('registry_submissions')
    .addColumn('id', 'text', (col) => col.primaryKey())
    // Whose folder it is (the interested party) and who presented it (themselves, or a representative).
    .addColumn('subject_nif', 'text', (col) => col.notNull())
    .addColumn('actor_nif', 'text', (col) => col.notNull())
    .addColumn('idempotency_key', 'text', (col) => col.notNull())
    .addColumn('request_hash', 'text', (col) => col.notNull())
    .addColumn('body_dir3', 'text', (col) => col.notNull())
    .addColumn('body_name', 'text', (col) => col.notNull())
    .addColumn('subject', 'text', (col) => col.notNull().check(sql`char_length(subject) between 1 and 240`))
    .addColumn('facts', 'text', (col) => col.notNull().check(sql`char_length(facts) between 1 and 4000`))
    .addColumn('request', 'text', (col) => col.notNull().check(sql`char_length(request) between 1 and 4000`))
    .addColumn('applicant_name', 'text', (col) => col.notNull())
    .addColumn('representative_name', 'text')
    // [{ name, size, type, sha256 }]
    .addColumn('attachments', 'jsonb', (col) => col.notNull())
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('pending', 'registered', 'forwarded', 'received', 'rejected')`),
    )
    .addColumn('number', 'text')
    .addColumn('registered_at', 'timestamptz')
    // [{ status, at, description }], oldest first, as the registry last gave it.
    .addColumn('history', 'jsonb', (col) => col.notNull())
    .addColumn('submitted_at', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    // Set while one request is sending it to the registry; null when nobody is.
    .addColumn('sending_until', 'timestamptz')
    .addUniqueConstraint('registry_submissions_subject_key', ['subject_nif', 'idempotency_key'])
    .execute();
  await db.schema
    .createIndex('registry_submissions_subject')
    .on('registry_submissions')
    .columns(['subject_nif', 'submitted_at'])
    .execute();
  await db.schema
    .createTable('registry_submission_files')
    .addColumn('submission_id', 'text', (col) =>
      col.notNull().references('registry_submissions.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('content', 'bytea', (col) => col.notNull())
    .addPrimaryKeyConstraint('registry_submission_files_pk', ['submission_id', 'position'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('registry_submission_files').execute();
  await db.schema.dropTable('registry_submissions').execute();
}
