import { type Kysely, sql } from 'kysely';

// 0001: the records of sign-in (sessions, audit, throttling, login transactions) and of the shared
// rate-limit and idempotency counters. Once on main this file is never edited: a change of schema
// is a new migration (0002_..., listed in ./index.ts). It imports nothing of the stores on purpose.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('citizen_nif', 'text', (col) => col.notNull())
    .addColumn('citizen', 'jsonb', (col) => col.notNull())
    .addColumn('loa', 'text', (col) => col.notNull().check(sql`loa in ('low', 'substantial', 'high')`))
    .addColumn('method', 'text', (col) => col.notNull())
    .addColumn('acting_for', 'jsonb')
    .addColumn('csrf_token', 'text', (col) => col.notNull())
    .addColumn('id_token', 'text')
    .addColumn('previous_access', 'jsonb')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('last_seen_at', 'timestamptz', (col) => col.notNull())
    .addColumn('idle_expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('absolute_expires_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('sessions_citizen_nif_idx').on('sessions').column('citizen_nif').execute();
  await db.schema
    .createIndex('sessions_idle_expires_at_idx')
    .on('sessions')
    .column('idle_expires_at')
    .execute();
  await db.schema
    .createIndex('sessions_absolute_expires_at_idx')
    .on('sessions')
    .column('absolute_expires_at')
    .execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('at', 'timestamptz', (col) => col.notNull())
    .addColumn('citizen_nif', 'text')
    .addColumn('method', 'text')
    .addColumn('loa', 'text', (col) => col.check(sql`loa is null or loa in ('low', 'substantial', 'high')`))
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('detail', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await db.schema
    .createIndex('audit_events_citizen_idx')
    .on('audit_events')
    .columns(['citizen_nif', 'kind', 'at'])
    .execute();
  await db.schema.createIndex('audit_events_kind_idx').on('audit_events').columns(['kind', 'at']).execute();
  await db.schema.createIndex('audit_events_at_idx').on('audit_events').column('at').execute();

  await db.schema
    .createTable('login_throttle')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('failures', 'integer', (col) => col.notNull())
    .addColumn('window_ends_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('login_throttle_window_ends_at_idx')
    .on('login_throttle')
    .column('window_ends_at')
    .execute();

  await db.schema
    .createTable('login_transactions')
    .addColumn('state', 'text', (col) => col.primaryKey())
    .addColumn('nonce', 'text', (col) => col.notNull())
    .addColumn('code_verifier', 'text', (col) => col.notNull())
    .addColumn('return_to', 'text', (col) => col.notNull())
    .addColumn('acr_values', 'text')
    .addColumn('language', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('login_transactions_expires_at_idx')
    .on('login_transactions')
    .column('expires_at')
    .execute();

  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('current', 'integer', (col) => col.notNull())
    .addColumn('reset_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('rate_limits_reset_at_idx').on('rate_limits').column('reset_at').execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('scope', 'text', (col) => col.notNull())
    .addColumn('key', 'text', (col) => col.notNull())
    .addColumn('request_hash', 'text', (col) => col.notNull())
    .addColumn('status', 'integer', (col) => col.check(sql`status is null or status between 100 and 599`))
    .addColumn('body', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('lock_expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pkey', ['scope', 'key'])
    .execute();
  await db.schema
    .createIndex('idempotency_keys_expires_at_idx')
    .on('idempotency_keys')
    .column('expires_at')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'idempotency_keys',
    'rate_limits',
    'login_transactions',
    'login_throttle',
    'audit_events',
    'sessions',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
