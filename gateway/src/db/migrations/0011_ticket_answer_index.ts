import type { Kysely } from 'kysely';

// 0011: the maintainers' list reads unanswered tickets oldest first (`answered_at IS NULL ORDER BY
// created_at`) and then the answered ones; 0010's index on (status, created_at) served neither.
// Once on main this file is never edited.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('assistant_tickets_unanswered').execute();
  await db.schema
    .createIndex('assistant_tickets_to_answer')
    .on('assistant_tickets')
    .columns(['answered_at', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('assistant_tickets_to_answer').execute();
  await db.schema
    .createIndex('assistant_tickets_unanswered')
    .on('assistant_tickets')
    .columns(['status', 'created_at'])
    .execute();
}
