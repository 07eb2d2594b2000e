import { type Kysely, sql } from 'kysely';

// 0010: a maintainer's answer to a ticket filed through Ada. The answer is what the citizen reads
// with the ticket (and what the "ticket answered" alert points to); answered_by is the maintainer's
// session subject, for the record. Once on main this file is never edited.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('assistant_tickets')
    .addColumn('answer', 'text', (col) => col.check(sql`char_length(answer) between 1 and 4000`))
    .execute();
  await db.schema.alterTable('assistant_tickets').addColumn('answered_at', 'timestamptz').execute();
  await db.schema.alterTable('assistant_tickets').addColumn('answered_by', 'text').execute();
  await db.schema
    .createIndex('assistant_tickets_unanswered')
    .on('assistant_tickets')
    .columns(['status', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('assistant_tickets_unanswered').execute();
  await db.schema.alterTable('assistant_tickets').dropColumn('answered_by').execute();
  await db.schema.alterTable('assistant_tickets').dropColumn('answered_at').execute();
  await db.schema.alterTable('assistant_tickets').dropColumn('answer').execute();
}
