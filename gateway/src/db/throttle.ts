import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from './schema.ts';
import type { ThrottleStore } from './types.ts';

/**
 * Failed sign-in counters in fixed windows. One row per key; a failure after the window ended starts
 * a new window. `fail` is one INSERT ... ON CONFLICT DO UPDATE, so concurrent failures on several
 * gateways never lose a count.
 */
export function createThrottleStore(db: Kysely<DatabaseSchema>): ThrottleStore {
  return {
    async fail(key, now, windowMs) {
      const windowEndsAt = new Date(now.getTime() + windowMs);
      const row = await db
        .insertInto('login_throttle')
        .values({ key, failures: 1, window_ends_at: windowEndsAt })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            // Both expressions read the row as it was before this update.
            failures: sql<number>`case when login_throttle.window_ends_at <= ${now}::timestamptz then 1 else login_throttle.failures + 1 end`,
            window_ends_at: sql<Date>`case when login_throttle.window_ends_at <= ${now}::timestamptz then excluded.window_ends_at else login_throttle.window_ends_at end`,
          }),
        )
        .returning('failures')
        .executeTakeFirstOrThrow();
      return row.failures;
    },

    async failures(key, now) {
      const row = await db
        .selectFrom('login_throttle')
        .select('failures')
        .where('key', '=', key)
        .where('window_ends_at', '>', now)
        .executeTakeFirst();
      return row?.failures ?? 0;
    },

    async reset(key) {
      await db.deleteFrom('login_throttle').where('key', '=', key).execute();
    },
  };
}

/** Forgets windows that ended at or before `now`; returns how many. */
export async function purgeExpiredThrottles(db: Kysely<DatabaseSchema>, now: Date): Promise<number> {
  const result = await db.deleteFrom('login_throttle').where('window_ends_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
