import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, inject, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { IN_MEMORY, openDatabase } from './index.ts';
import { migrations } from './migrations/index.ts';
import { createTestDatabase } from './testing.ts';
import { PGLITE_NODE_FLAGS } from './testing/global-setup.ts';

// The embedded database (PGlite) in the situations only it has: a very first start (PGlite's own
// initdb, seconds, then every migration; other tests start from a prepared copy), memory only, and
// a gateway killed without closing it.

async function migrationNames(db: Awaited<ReturnType<typeof openDatabase>>['db']) {
  const result = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return result.rows.map((row) => row.name);
}

describe('the embedded database on first start', () => {
  it('creates its missing folder, migrates, and unlocks it when closed', { timeout: 120_000 }, async () => {
    const root = await mkdtemp(path.join(inject('carpetaPgliteSuites'), 'first-start-'));
    try {
      const dataDir = path.join(root, 'nested', 'data');
      const messages: string[] = [];
      const logger = {
        info: (_: object, m: string) => messages.push(m),
        error: (_: object, m: string) => messages.push(m),
      };
      const database = await openDatabase({ dataDir, logger });
      expect(messages).toEqual(['database migrated', 'database ready']);
      expect(await migrationNames(database.db)).toEqual(Object.keys(migrations));
      expect(existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
      expect(existsSync(path.join(dataDir, 'carpeta-gateway.lock'))).toBe(true);
      await database.close();
      expect(existsSync(path.join(dataDir, 'carpeta-gateway.lock'))).toBe(false);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('can live in memory only', { timeout: 120_000 }, async () => {
    const database = await openDatabase({ dataDir: IN_MEMORY });
    try {
      expect(database.kind).toBe('pglite');
      expect(await migrationNames(database.db)).toEqual(Object.keys(migrations));
      // Small buffers: the embedded database shares the gateway's memory (PostgreSQL's default is 128MB).
      const buffers = await sql<{ shared_buffers: string }>`show shared_buffers`.execute(database.db);
      expect(buffers.rows[0]?.shared_buffers).toBe('8MB');
    } finally {
      await database.close();
    }
  });

  it('loses nothing when the gateway is killed without closing it', { timeout: 120_000 }, async () => {
    const place = await createTestDatabase('pglite');
    try {
      const dataDir = place.options.dataDir ?? '';
      const script = fileURLToPath(new URL('./testing/write-and-hang.ts', import.meta.url));
      const child = spawn(process.execPath, [...PGLITE_NODE_FLAGS, script, dataDir], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('written') && resolve());
        child.once('exit', (code) => reject(new Error(`the writer exited early (${code})`)));
      });
      child.kill('SIGKILL');
      await exited;
      expect(existsSync(path.join(dataDir, 'carpeta-gateway.lock'))).toBe(true);

      const database = await openDatabase({ dataDir });
      try {
        expect(await database.throttle.failures('crash', new Date('2030-01-02T00:00:00.000Z'))).toBe(5);
        expect(await database.audit.list({ citizenNif: 'crash' })).toMatchObject([
          { kind: 'sign-in', detail: { pid: child.pid } },
        ]);
      } finally {
        await database.close();
      }
    } finally {
      await place.destroy();
    }
  });
});
