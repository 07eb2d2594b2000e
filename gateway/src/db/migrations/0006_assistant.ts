import { type Kysely, sql } from 'kysely';

// 0006: Ada, the assistant. The incidents citizens file through it (tickets, each the citizen's own,
// with a reference they can quote), the thumbs up/down on its answers and the questions it did not
// understand — both anonymous: no citizen, and the question's text anonymised before it is stored.
// Once on main this file is never edited. It imports nothing of the stores.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('assistant_tickets')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('reference', 'text', (col) => col.notNull().unique())
    // Whose folder it is, and who filed it (themselves or a representative).
    .addColumn('subject_nif', 'text', (col) => col.notNull())
    .addColumn('actor_nif', 'text', (col) => col.notNull())
    .addColumn('category', 'text', (col) =>
      col
        .notNull()
        .check(sql`category in ('sign-in', 'notifications', 'appointments', 'my-data', 'registry', 'other')`),
    )
    .addColumn('administration', 'text', (col) =>
      col.notNull().check(sql`char_length(administration) between 1 and 200`),
    )
    .addColumn('tried', 'text', (col) => col.notNull().check(sql`char_length(tried) between 1 and 2000`))
    .addColumn('error_seen', 'text', (col) =>
      col.notNull().check(sql`char_length(error_seen) between 1 and 2000`),
    )
    .addColumn('language', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('open', 'in-progress', 'resolved', 'closed')`),
    )
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('assistant_tickets_subject')
    .on('assistant_tickets')
    .columns(['subject_nif', 'created_at'])
    .execute();
  await db.schema
    .createTable('assistant_feedback')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('intent', 'text', (col) => col.notNull())
    .addColumn('language', 'text', (col) => col.notNull())
    .addColumn('helpful', 'boolean', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('assistant_unrecognised')
    .addColumn('id', 'text', (col) => col.primaryKey())
    // Anonymised before it gets here (no identity numbers, names, e-mails, phones, IBANs).
    .addColumn('text', 'text', (col) => col.notNull().check(sql`char_length(text) between 1 and 500`))
    .addColumn('language', 'text', (col) => col.notNull())
    .addColumn('best_intent', 'text')
    .addColumn('confidence', 'real', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('reviewed', 'boolean', (col) => col.notNull().defaultTo(false))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('assistant_unrecognised').execute();
  await db.schema.dropTable('assistant_feedback').execute();
  await db.schema.dropTable('assistant_tickets').execute();
}
