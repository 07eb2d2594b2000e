import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { type OpenDatabaseOptions, openDatabase, type PortalDatabase } from './index.ts';

// Helpers for gateway tests that need the portal's database, on both engines it runs on. They rely on
// the gateway project's globalSetup (testing/global-setup.ts), which starts one PostgreSQL server and
// prepares one PGlite data directory for the whole run.

export type DatabaseEngine = PortalDatabase['kind'];
export const DATABASE_ENGINES: readonly DatabaseEngine[] = ['pglite', 'postgres'];

/** A fresh, empty database of one engine: open it (again) with `options`, `destroy` it at the end. */
export interface TestDatabase {
  engine: DatabaseEngine;
  /** `{ dataDir }` of a PGlite folder of its own, or `{ url }` of a PostgreSQL database of its own. */
  options: OpenDatabaseOptions;
  destroy(): Promise<void>;
}

function provided(key: 'carpetaPostgresUrl' | 'carpetaPgliteTemplate' | 'carpetaPgliteSuites'): string {
  const value = inject(key);
  if (!value) {
    throw new Error(
      `${key} is not provided: run the tests with the gateway's vitest config (its globalSetup)`,
    );
  }
  return value;
}

/** A new database: a copy of the prepared PGlite folder, or `CREATE DATABASE` on the test server. */
export async function createTestDatabase(engine: DatabaseEngine): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const dir = await mkdtemp(path.join(provided('carpetaPgliteSuites'), 'suite-'));
    const dataDir = path.join(dir, 'data');
    await cp(provided('carpetaPgliteTemplate'), dataDir, { recursive: true });
    return { engine, options: { dataDir }, destroy: () => rm(dir, { recursive: true, force: true }) };
  }
  const { default: pg } = await import('pg');
  const serverUrl = provided('carpetaPostgresUrl');
  const name = `carpeta_test_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  // `name` is made here of [a-z0-9_] only: safe as an identifier.
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    engine,
    options: { url: url.href },
    destroy: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

export interface EachDatabaseContext {
  engine: DatabaseEngine;
  /** How to open this suite's database again (another gateway on it, for PostgreSQL). */
  options: OpenDatabaseOptions;
  /** Closes the suite's database and opens it again from the same place (a gateway restart). */
  reopen(extra?: Omit<OpenDatabaseOptions, 'url' | 'dataDir'>): Promise<PortalDatabase>;
}

/**
 * Declares the suite `name` once per engine (PGlite and PostgreSQL), each on a fresh database of its
 * own, opened with `openDatabase` (so migrated) before the suite and closed after it:
 *
 * ```ts
 * describeEachDatabase('sessions', (getDb) => {
 *   it('…', async () => { await getDb().sessions.create(…) });
 * });
 * ```
 */
export function describeEachDatabase(
  name: string,
  body: (getDb: () => PortalDatabase, context: EachDatabaseContext) => void,
): void {
  for (const engine of DATABASE_ENGINES) {
    describe(`${name} [${engine}]`, () => {
      let place: TestDatabase | undefined;
      let current: PortalDatabase | undefined;
      const context: EachDatabaseContext = {
        engine,
        get options() {
          if (!place) throw new Error('the database is not ready: use it inside tests or hooks');
          return place.options;
        },
        async reopen(extra = {}) {
          await current?.close();
          current = undefined;
          current = await openDatabase({ ...extra, ...context.options });
          return current;
        },
      };
      beforeAll(async () => {
        place = await createTestDatabase(engine);
        current = await openDatabase(place.options);
      }, 120_000);
      afterAll(async () => {
        await current?.close();
        await place?.destroy();
      }, 120_000);
      body(() => {
        if (!current) throw new Error('the database is not open: use it inside tests or hooks');
        return current;
      }, context);
    });
  }
}
