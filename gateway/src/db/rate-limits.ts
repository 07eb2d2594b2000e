import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from './schema.ts';
import type { RateLimitStore } from './types.ts';

/**
 * Request counters in fixed windows, shared by every gateway on the database. One atomic
 * INSERT ... ON CONFLICT DO UPDATE per request.
 */
export function createRateLimitStore(db: Kysely<DatabaseSchema>): RateLimitStore {
  return {
    async incr(key, now, windowMs) {
      const resetAt = new Date(now.getTime() + windowMs);
      const row = await db
        .insertInto('rate_limits')
        .values({ key, current: 1, reset_at: resetAt })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            // Both expressions read the row as it was before this update.
            current: sql<number>`case when rate_limits.reset_at <= ${now}::timestamptz then 1 else rate_limits.current + 1 end`,
            reset_at: sql<Date>`case when rate_limits.reset_at <= ${now}::timestamptz then excluded.reset_at else rate_limits.reset_at end`,
          }),
        )
        .returning(['current', 'reset_at'])
        .executeTakeFirstOrThrow();
      return { current: row.current, resetAt: row.reset_at };
    },
  };
}

/** Forgets windows that ended at or before `now`; returns how many. */
export async function purgeExpiredRateLimits(db: Kysely<DatabaseSchema>, now: Date): Promise<number> {
  const result = await db.deleteFrom('rate_limits').where('reset_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
