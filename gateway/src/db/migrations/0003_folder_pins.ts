import { type Kysely, sql } from 'kysely';

// 0003: the favourites each citizen pins on the folder's home. Once on main this file is never
// edited. It imports nothing of the stores on purpose.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('folder_pins')
    .addColumn('citizen_nif', 'text', (col) => col.notNull())
    .addColumn('target', 'text', (col) => col.notNull().check(sql`char_length(target) between 1 and 200`))
    .addColumn('label', 'text', (col) => col.notNull().check(sql`char_length(label) between 1 and 120`))
    .addColumn('pinned_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('folder_pins_pkey', ['citizen_nif', 'target'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('folder_pins').execute();
}
