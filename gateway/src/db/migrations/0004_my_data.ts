import { type Kysely, sql } from 'kysely';

// 0004: "my data": the citizen's oppositions (Law 39/2015 art. 28.2) to administrations consulting
// a kind of their data. Once on main this file is never edited. It imports nothing of the stores.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('my_data_oppositions')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('subject_nif', 'text', (col) => col.notNull())
    .addColumn('record_id', 'text', (col) => col.notNull())
    .addColumn('data_type', 'text', (col) => col.notNull())
    .addColumn('data_title', 'text', (col) => col.notNull())
    // Null: every administration.
    .addColumn('administration_dir3', 'text')
    .addColumn('administration_name', 'text')
    .addColumn('reason', 'text', (col) => col.notNull().check(sql`char_length(reason) between 1 and 1000`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('withdrawn_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('my_data_oppositions_subject')
    .on('my_data_oppositions')
    .columns(['subject_nif', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('my_data_oppositions').execute();
}
