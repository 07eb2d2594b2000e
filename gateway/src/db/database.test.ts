import { inspect } from 'node:util';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type PortalDatabase } from './index.ts';
import { migrations } from './migrations/index.ts';
import { createTestDatabase, describeEachDatabase } from './testing.ts';
import type { SessionRecord } from './types.ts';

const TABLES = [
  'audit_events',
  'idempotency_keys',
  'login_throttle',
  'login_transactions',
  'rate_limits',
  'sessions',
];

function recordingLogger() {
  const entries: { level: 'info' | 'error'; o: object; m: string }[] = [];
  return {
    entries,
    messages: () => entries.map((entry) => entry.m),
    info: (o: object, m: string) => entries.push({ level: 'info', o, m }),
    error: (o: object, m: string) => entries.push({ level: 'error', o, m }),
  };
}

async function migrationNames(database: PortalDatabase) {
  const result = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
    database.db,
  );
  return result.rows.map((row) => row.name);
}

function session(id: string, base: Date, overrides: Partial<SessionRecord> = {}): SessionRecord {
  return {
    id,
    citizen: {
      nif: '12345678Z',
      givenName: 'María',
      surnames: 'García',
      displayName: 'María García',
      documentType: 'NIF',
    },
    loa: 'high',
    method: 'certificate',
    actingFor: null,
    csrfToken: `csrf-${id}`,
    idToken: null,
    previousAccess: null,
    createdAt: base,
    lastSeenAt: base,
    idleExpiresAt: new Date(base.getTime() + 15 * 60_000),
    absoluteExpiresAt: new Date(base.getTime() + 8 * 3_600_000),
    ...overrides,
  };
}

describeEachDatabase('portal database', (getDb, context) => {
  it('has run every migration, once', async () => {
    expect(await migrationNames(getDb())).toEqual(Object.keys(migrations).sort());
    const tables = (await getDb().db.introspection.getTables()).map((table) => table.name);
    expect(tables).toEqual(expect.arrayContaining(TABLES));
    expect(getDb().kind).toBe(context.engine);
  });

  it('purgeExpired forgets what expired in every store, and never the audit log', async () => {
    // A timeline of its own (2001), before everything the other tests write.
    const t0 = new Date('2001-01-01T00:00:00.000Z');
    const t = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
    const db = getDb();
    await db.sessions.create(session('purge-expired', t(-60)));
    await db.sessions.create(session('purge-live', t(0)));
    await db.loginTransactions.create({
      state: 'purge-expired',
      nonce: 'n',
      codeVerifier: 'v',
      returnTo: '/',
      acrValues: null,
      language: null,
      createdAt: t(-20),
      expiresAt: t(-10),
    });
    await db.throttle.fail('purge-expired', t(-30), 10 * 60_000);
    await db.throttle.fail('purge-live', t(-5), 10 * 60_000);
    await db.rateLimits.incr('purge-expired', t(-2), 60_000);
    await db.idempotency.begin('purge', 'expired', 'h', t(-24 * 60));
    await db.idempotency.begin('purge', 'live', 'h', t(-1));
    await db.audit.record({
      kind: 'sign-in',
      at: t(-600),
      citizenNif: 'purge',
      method: 'dnie',
      loa: 'high',
      ip: null,
      userAgent: null,
      detail: {},
    });

    expect(await db.purgeExpired(t(0))).toBe(5);
    expect(await db.purgeExpired(t(0))).toBe(0);
    expect(await db.sessions.get('purge-live', t(0))).not.toBeNull();
    expect(await db.throttle.failures('purge-live', t(0))).toBe(1);
    expect(await db.idempotency.begin('purge', 'live', 'h', t(0))).toEqual({ state: 'in-progress' });
    expect(await db.idempotency.begin('purge', 'expired', 'other', t(0))).toEqual({ state: 'new' });
    expect(await db.audit.list({ citizenNif: 'purge' })).toHaveLength(1);
  });

  describe('after a restart (closed, then opened again from the same place)', () => {
    const base = new Date('2030-07-01T10:00:00.000Z');
    const at = (ms: number) => new Date(base.getTime() + ms);
    const logger = recordingLogger();
    const kept = session('restart-session', base, {
      actingFor: {
        nif: 'B12345674',
        displayName: 'Ejemplo S.L.',
        kind: 'company',
        powerId: 'p',
        powerKind: 'general',
        validUntil: null,
      },
    });
    let reopened: PortalDatabase;

    beforeAll(async () => {
      const db = getDb();
      await db.sessions.create(kept);
      await db.audit.record({
        kind: 'step-up',
        at: base,
        citizenNif: 'restart',
        method: 'clave-movil',
        loa: 'substantial',
        ip: '192.0.2.1',
        userAgent: 'UA',
        detail: { from: 'low', to: 'substantial' },
      });
      for (let i = 0; i < 3; i++) await db.throttle.fail('restart', base, 60_000);
      await db.rateLimits.incr('restart', base, 60_000);
      await db.loginTransactions.create({
        state: 'restart',
        nonce: 'nonce',
        codeVerifier: 'verifier',
        returnTo: '/home',
        acrValues: null,
        language: 'ca',
        createdAt: base,
        expiresAt: at(60_000),
      });
      await db.idempotency.begin('restart', 'done', 'h', base);
      await db.idempotency.complete('restart', 'done', 201, '{"ok":true}');
      await db.idempotency.begin('restart', 'pending', 'h', base);
      reopened = await context.reopen({ logger });
    }, 120_000);

    it('opens without migrating again', async () => {
      expect(logger.messages()).toEqual(['database ready']);
      expect(await migrationNames(reopened)).toEqual(Object.keys(migrations).sort());
    });

    it('still has the sessions', async () => {
      expect(await reopened.sessions.get(kept.id, at(1000))).toEqual(kept);
    });

    it('still has the audit log', async () => {
      expect(await reopened.audit.list({ citizenNif: 'restart' })).toMatchObject([
        { kind: 'step-up', at: base, ip: '192.0.2.1', detail: { from: 'low', to: 'substantial' } },
      ]);
    });

    it('still has the throttle and rate-limit counters', async () => {
      expect(await reopened.throttle.failures('restart', at(1000))).toBe(3);
      expect(await reopened.rateLimits.incr('restart', at(1000), 60_000)).toEqual({
        current: 2,
        resetAt: at(60_000),
      });
    });

    it('still has the pending login transactions', async () => {
      expect(await reopened.loginTransactions.take('restart', at(1000))).toMatchObject({ language: 'ca' });
    });

    it('still has the idempotency keys and answers', async () => {
      expect(await reopened.idempotency.begin('restart', 'done', 'h', at(1000))).toEqual({
        state: 'replay',
        status: 201,
        body: '{"ok":true}',
      });
      expect(await reopened.idempotency.begin('restart', 'pending', 'h', at(1000))).toEqual({
        state: 'in-progress',
      });
    });
  });

  if (context.engine === 'postgres') {
    it('lets several gateways open one new database at once, and migrates it once', async () => {
      const place = await createTestDatabase('postgres');
      const loggers = Array.from({ length: 4 }, recordingLogger);
      try {
        const opened = await Promise.all(loggers.map((logger) => openDatabase({ ...place.options, logger })));
        try {
          const migratedBy = loggers.filter((logger) => logger.messages().includes('database migrated'));
          expect(migratedBy).toHaveLength(1);
          expect(migratedBy[0]?.entries.find((entry) => entry.m === 'database migrated')?.o).toEqual({
            migrations: Object.keys(migrations).sort(),
          });
          await Promise.all(opened.map((database) => database.throttle.fail('shared', new Date(), 60_000)));
          for (const database of opened)
            expect(await database.throttle.failures('shared', new Date())).toBe(4);
          for (const database of opened)
            expect(await migrationNames(database)).toEqual(Object.keys(migrations));
        } finally {
          await Promise.all(opened.map((database) => database.close()));
        }
      } finally {
        await place.destroy();
      }
    });

    it('fails to open, and logs without the password, when the server cannot be reached', async () => {
      const logger = recordingLogger();
      await expect(
        openDatabase({ url: 'postgres://carpeta:s3cret-pw@127.0.0.1:1/portal', logger }),
      ).rejects.toThrow(/^database unavailable: .*ECONNREFUSED/);
      expect(logger.entries).toMatchObject([
        { level: 'error', m: 'database unavailable', o: { kind: 'postgres' } },
      ]);
      expect(inspect(logger.entries, { depth: 20, showHidden: true })).not.toContain('s3cret-pw');
    });
  } else {
    it('refuses a second gateway on the same folder while the first one runs', async () => {
      await expect(openDatabase(context.options)).rejects.toThrow(/already open/);
      expect(await getDb().throttle.fail('still-works', new Date(), 1000)).toBe(1);
    });
  }

  // Last of the suite: the suite's own afterAll closes it a third time.
  it('can be closed twice', async () => {
    const database = getDb();
    await database.close();
    await database.close();
    await expect(database.sessions.get('x', new Date())).rejects.toThrow();
  });
});
