import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from './schema.ts';
import type { IdempotencyBegin, IdempotencyStore } from './types.ts';

export interface IdempotencyOptions {
  /** How long a key is remembered after its first request (default 24 h). */
  retentionMs?: number;
  /**
   * How long a key may stay in progress before another request may take it over, for when the
   * gateway handling it died before `complete` or `abandon` (default 2 min; keep it well above the
   * slowest write, agency timeouts included).
   */
  inProgressTimeoutMs?: number;
}

export const DEFAULT_IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_IDEMPOTENCY_IN_PROGRESS_TIMEOUT_MS = 2 * 60 * 1000;

/**
 * Idempotency keys of writes, per scope. `begin` claims a key with one INSERT ... ON CONFLICT: of two
 * concurrent requests with the same key exactly one gets 'new', on one or many gateways.
 */
export function createIdempotencyStore(
  db: Kysely<DatabaseSchema>,
  options: IdempotencyOptions = {},
): IdempotencyStore {
  const retentionMs = options.retentionMs ?? DEFAULT_IDEMPOTENCY_RETENTION_MS;
  const inProgressTimeoutMs = options.inProgressTimeoutMs ?? DEFAULT_IDEMPOTENCY_IN_PROGRESS_TIMEOUT_MS;

  return {
    async begin(scope, key, requestHash, now): Promise<IdempotencyBegin> {
      // A row that vanishes between the two statements (abandoned meanwhile) means: try again.
      for (let attempt = 0; attempt < 3; attempt++) {
        const claimed = await db
          .insertInto('idempotency_keys')
          .values({
            scope,
            key,
            request_hash: requestHash,
            status: null,
            body: null,
            created_at: now,
            lock_expires_at: new Date(now.getTime() + inProgressTimeoutMs),
            expires_at: new Date(now.getTime() + retentionMs),
          })
          .onConflict((oc) =>
            oc
              .columns(['scope', 'key'])
              .doUpdateSet((eb) => ({
                request_hash: eb.ref('excluded.request_hash'),
                status: null,
                body: null,
                created_at: eb.ref('excluded.created_at'),
                lock_expires_at: eb.ref('excluded.lock_expires_at'),
                expires_at: eb.ref('excluded.expires_at'),
              }))
              // Only a forgotten key, or one whose request died in progress, is claimed again.
              .where((eb) =>
                eb.or([
                  eb('idempotency_keys.expires_at', '<=', now),
                  eb.and([
                    eb('idempotency_keys.status', 'is', null),
                    eb('idempotency_keys.lock_expires_at', '<=', now),
                  ]),
                ]),
              ),
          )
          .returning(sql<number>`1`.as('claimed'))
          .executeTakeFirst();
        if (claimed) return { state: 'new' };

        const existing = await db
          .selectFrom('idempotency_keys')
          .select(['request_hash', 'status', 'body'])
          .where('scope', '=', scope)
          .where('key', '=', key)
          .executeTakeFirst();
        if (!existing) continue;
        if (existing.request_hash !== requestHash) return { state: 'mismatch' };
        if (existing.status !== null)
          return { state: 'replay', status: existing.status, body: existing.body ?? '' };
        return { state: 'in-progress' };
      }
      throw new Error('idempotency key kept changing while being claimed');
    },

    async complete(scope, key, status, body) {
      // The first completion wins: a replay always answers what the first request answered.
      await db
        .updateTable('idempotency_keys')
        .set({ status, body })
        .where('scope', '=', scope)
        .where('key', '=', key)
        .where('status', 'is', null)
        .execute();
    },

    async abandon(scope, key) {
      await db
        .deleteFrom('idempotency_keys')
        .where('scope', '=', scope)
        .where('key', '=', key)
        .where('status', 'is', null)
        .execute();
    },
  };
}

/** Forgets keys past their retention at `now`; returns how many. */
export async function purgeExpiredIdempotencyKeys(db: Kysely<DatabaseSchema>, now: Date): Promise<number> {
  const result = await db.deleteFrom('idempotency_keys').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
