import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Dialect, Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { createAuditStore } from './audit.ts';
import {
  createIdempotencyStore,
  type IdempotencyOptions,
  purgeExpiredIdempotencyKeys,
} from './idempotency.ts';
import { createLoginTransactionStore, purgeExpiredLoginTransactions } from './login-transactions.ts';
import { migrations } from './migrations/index.ts';
import { lockDataDir } from './pglite-lock.ts';
import { createRateLimitStore, purgeExpiredRateLimits } from './rate-limits.ts';
import type { DatabaseSchema } from './schema.ts';
import { createSessionStore } from './sessions.ts';
import { createThrottleStore, purgeExpiredThrottles } from './throttle.ts';
import type {
  AuditStore,
  IdempotencyStore,
  LoginTransactionStore,
  RateLimitStore,
  SessionStore,
  ThrottleStore,
} from './types.ts';

export * from './types.ts';
export type { DatabaseSchema } from './schema.ts';
export { createFastifyRateLimitStore } from './fastify-rate-limit-store.ts';
export type {
  FastifyRateLimitStoreClass,
  FastifyRateLimitStoreInstance,
  FastifyRateLimitStoreOptions,
} from './fastify-rate-limit-store.ts';
export type { IdempotencyOptions } from './idempotency.ts';

/** Where the embedded database lives when no dataDir is given: `.carpeta/data/pglite` at the repo root. */
export const DEFAULT_DATA_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  '.carpeta',
  'data',
  'pglite',
);
/** The dataDir of an embedded database kept in memory only (tests). */
export const IN_MEMORY = 'memory://';

export interface DatabaseLogger {
  info(o: object, m: string): void;
  error(o: object, m: string): void;
}

export interface OpenDatabaseOptions {
  /** A PostgreSQL connection URL (DATABASE_URL). When set, dataDir is ignored. */
  url?: string | undefined;
  /** The embedded database's folder (created if missing; default DEFAULT_DATA_DIR); 'memory://' keeps it in memory. */
  dataDir?: string | undefined;
  logger?: DatabaseLogger;
  /** PostgreSQL only: most connections this gateway opens (default 10). */
  maxConnections?: number | undefined;
  idempotency?: IdempotencyOptions | undefined;
}

export interface PortalDatabase {
  kind: 'pglite' | 'postgres';
  db: Kysely<DatabaseSchema>;
  sessions: SessionStore;
  audit: AuditStore;
  throttle: ThrottleStore;
  loginTransactions: LoginTransactionStore;
  rateLimits: RateLimitStore;
  idempotency: IdempotencyStore;
  /**
   * Deletes what has expired at `now`: sessions, login transactions, throttle and rate-limit windows,
   * idempotency keys past their retention (never audit events). Returns how many rows went.
   */
  purgeExpired(now: Date): Promise<number>;
  /** Closes the connections (or the embedded database). Safe to call twice. */
  close(): Promise<void>;
}

interface Connection {
  kind: PortalDatabase['kind'];
  dialect: Dialect;
  /** Where, for logs: never the password. */
  where: Record<string, string>;
  release(): void;
}

function describeUrl(url: string): Record<string, string> {
  try {
    const parsed = new URL(url);
    return { host: parsed.host, database: decodeURIComponent(parsed.pathname.slice(1)) };
  } catch {
    return {};
  }
}

async function connectPostgres(url: string, options: OpenDatabaseOptions): Promise<Connection> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    application_name: 'carpeta-gateway',
  });
  // An idle connection that breaks (server restart, network) must not crash the gateway: the pool
  // drops it and opens another on the next query.
  pool.on('error', (error) => options.logger?.error({ err: error }, 'database connection lost'));
  return {
    kind: 'postgres',
    dialect: new PostgresDialect({ pool }),
    where: describeUrl(url),
    release() {},
  };
}

/**
 * PostgreSQL's defaults size its buffers for a server of its own (shared_buffers 128MB); the
 * embedded database lives inside the gateway's process and holds one portal's sessions and acts, so
 * it gets small buffers: about 130 MiB less resident memory, measured (docs/bench.md).
 */
export const PGLITE_SETTINGS = ['shared_buffers=8MB', 'wal_buffers=1MB', 'temp_buffers=2MB'];

async function connectPglite(dataDir: string): Promise<Connection> {
  const { PGlite } = await import('@electric-sql/pglite');
  const options = {
    startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS.flatMap((setting) => ['-c', setting])],
  };
  if (dataDir === IN_MEMORY) {
    return {
      kind: 'pglite',
      dialect: new PGliteDialect({ pglite: () => PGlite.create(options) }),
      where: { dataDir },
      release() {},
    };
  }
  const dir = path.resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const release = lockDataDir(dir);
  return {
    kind: 'pglite',
    dialect: new PGliteDialect({ pglite: () => PGlite.create(dir, options) }),
    where: { dataDir: dir },
    release,
  };
}

async function migrateToLatest(db: Kysely<DatabaseSchema>, logger: DatabaseLogger | undefined) {
  // Branches add migrations side by side (two of them were numbered before either landed): a
  // database that already ran a later-numbered one still runs an earlier-numbered newcomer.
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...migrations }) },
    allowUnorderedMigrations: true,
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  const applied = results
    .filter((result) => result.status === 'Success')
    .map((result) => result.migrationName);
  if (error) {
    const failed = results.find((result) => result.status === 'Error')?.migrationName;
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(
      failed ? `database migration ${failed} failed: ${message}` : `database unavailable: ${message}`,
      { cause: error },
    );
  }
  if (applied.length > 0) logger?.info({ migrations: applied }, 'database migrated');
}

/**
 * Opens the portal's database and brings its schema up to date: PostgreSQL when `url` is set, else
 * the embedded PGlite in `dataDir`. Several gateways may open one PostgreSQL database at once; the
 * migrations run once (Kysely's migrator holds a PostgreSQL advisory lock while it migrates).
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<PortalDatabase> {
  const connection = options.url
    ? await connectPostgres(options.url, options)
    : await connectPglite(options.dataDir ?? DEFAULT_DATA_DIR);
  const db = new Kysely<DatabaseSchema>({ dialect: connection.dialect });
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= db.destroy().finally(() => connection.release());
    return closing;
  };
  try {
    await migrateToLatest(db, options.logger);
  } catch (error) {
    options.logger?.error({ err: error, kind: connection.kind, ...connection.where }, 'database unavailable');
    await close().catch(() => {});
    throw error;
  }
  options.logger?.info({ kind: connection.kind, ...connection.where }, 'database ready');
  const sessions = createSessionStore(db);
  return {
    kind: connection.kind,
    db,
    sessions,
    audit: createAuditStore(db),
    throttle: createThrottleStore(db),
    loginTransactions: createLoginTransactionStore(db),
    rateLimits: createRateLimitStore(db),
    idempotency: createIdempotencyStore(db, options.idempotency),
    async purgeExpired(now) {
      const counts = await Promise.all([
        sessions.deleteExpired(now),
        purgeExpiredLoginTransactions(db, now),
        purgeExpiredThrottles(db, now),
        purgeExpiredRateLimits(db, now),
        purgeExpiredIdempotencyKeys(db, now),
      ]);
      return counts.reduce((sum, count) => sum + count, 0);
    },
    close,
  };
}
