import { type Kysely, type Selectable, sql } from 'kysely';
import type { DatabaseSchema, SessionsTable } from './schema.ts';
import type { SessionRecord, SessionStore } from './types.ts';

function toRecord(row: Selectable<SessionsTable>): SessionRecord {
  return {
    id: row.id,
    citizen: row.citizen,
    loa: row.loa,
    method: row.method,
    actingFor: row.acting_for,
    csrfToken: row.csrf_token,
    idToken: row.id_token,
    previousAccess: row.previous_access,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    idleExpiresAt: row.idle_expires_at,
    absoluteExpiresAt: row.absolute_expires_at,
    // Only a maintainer's record has a role: a citizen's is exactly what was stored.
    ...(row.role ? { role: row.role } : {}),
  };
}

function json(value: object | null): string | null {
  return value === null ? null : JSON.stringify(value);
}

/** Sessions by id (the hash of the cookie's secret). Expired = idle or absolute expiry at or before now. */
export function createSessionStore(db: Kysely<DatabaseSchema>): SessionStore {
  return {
    async create(record) {
      await db
        .insertInto('sessions')
        .values({
          id: record.id,
          citizen_nif: record.citizen.nif,
          citizen: JSON.stringify(record.citizen),
          loa: record.loa,
          method: record.method,
          acting_for: json(record.actingFor),
          csrf_token: record.csrfToken,
          id_token: record.idToken,
          previous_access: json(record.previousAccess),
          created_at: record.createdAt,
          last_seen_at: record.lastSeenAt,
          idle_expires_at: record.idleExpiresAt,
          absolute_expires_at: record.absoluteExpiresAt,
          role: record.role ?? null,
        })
        .execute();
    },

    async get(id, now) {
      const row = await db
        .selectFrom('sessions')
        .selectAll()
        .where('id', '=', id)
        .where('idle_expires_at', '>', now)
        .where('absolute_expires_at', '>', now)
        .executeTakeFirst();
      return row ? toRecord(row) : null;
    },

    async touch(id, now, idleMs) {
      const idleUntil = new Date(now.getTime() + idleMs);
      const row = await db
        .updateTable('sessions')
        .set({
          last_seen_at: now,
          idle_expires_at: sql<Date>`least(${idleUntil}::timestamptz, absolute_expires_at)`,
        })
        .where('id', '=', id)
        .where('idle_expires_at', '>', now)
        .where('absolute_expires_at', '>', now)
        .returningAll()
        .executeTakeFirst();
      return row ? toRecord(row) : null;
    },

    async setActingFor(id, actingFor) {
      await db
        .updateTable('sessions')
        .set({ acting_for: json(actingFor) })
        .where('id', '=', id)
        .execute();
    },

    async delete(id) {
      const row = await db.deleteFrom('sessions').where('id', '=', id).returningAll().executeTakeFirst();
      return row ? toRecord(row) : null;
    },

    async deleteExpired(now) {
      const result = await db
        .deleteFrom('sessions')
        .where((eb) => eb.or([eb('idle_expires_at', '<=', now), eb('absolute_expires_at', '<=', now)]))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
