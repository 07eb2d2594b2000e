import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './schema.ts';
import type { AuditKind, AuditStore } from './types.ts';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

/** An append-only log of sign-in events; nothing here updates or deletes them. */
export function createAuditStore(db: Kysely<DatabaseSchema>): AuditStore {
  return {
    async record(event) {
      await db
        .insertInto('audit_events')
        .values({
          kind: event.kind,
          at: event.at,
          citizen_nif: event.citizenNif,
          method: event.method,
          loa: event.loa,
          ip: event.ip,
          user_agent: event.userAgent,
          detail: JSON.stringify(event.detail),
        })
        .execute();
    },

    async lastSignIn(nif, before) {
      const row = await db
        .selectFrom('audit_events')
        .select(['at', 'method', 'loa'])
        .where('citizen_nif', '=', nif)
        .where('kind', '=', 'sign-in')
        .where('at', '<', before)
        .where('method', 'is not', null)
        .where('loa', 'is not', null)
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (!row || row.method === null || row.loa === null) return null;
      return { at: row.at, method: row.method, loa: row.loa };
    },

    async list(filter) {
      const limit = Math.min(Math.max(Math.trunc(filter.limit ?? DEFAULT_LIMIT), 0), MAX_LIMIT);
      let query = db.selectFrom('audit_events').selectAll();
      if (filter.citizenNif !== undefined) query = query.where('citizen_nif', '=', filter.citizenNif);
      if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind);
      const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map((row) => ({
        id: String(row.id),
        kind: row.kind as AuditKind,
        at: row.at,
        citizenNif: row.citizen_nif,
        method: row.method,
        loa: row.loa,
        ip: row.ip,
        userAgent: row.user_agent,
        detail: row.detail,
      }));
    },
  };
}
