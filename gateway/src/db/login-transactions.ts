import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './schema.ts';
import type { LoginTransactionStore } from './types.ts';

/** OpenID Connect login transactions by `state`, each usable once. */
export function createLoginTransactionStore(db: Kysely<DatabaseSchema>): LoginTransactionStore {
  return {
    async create(tx) {
      await db
        .insertInto('login_transactions')
        .values({
          state: tx.state,
          nonce: tx.nonce,
          code_verifier: tx.codeVerifier,
          return_to: tx.returnTo,
          acr_values: tx.acrValues,
          language: tx.language,
          created_at: tx.createdAt,
          expires_at: tx.expiresAt,
        })
        .execute();
    },

    async take(state, now) {
      // Deleted even when expired: a state is never accepted twice, and an expired one is gone.
      const row = await db
        .deleteFrom('login_transactions')
        .where('state', '=', state)
        .returningAll()
        .executeTakeFirst();
      if (!row || row.expires_at.getTime() <= now.getTime()) return null;
      return {
        state: row.state,
        nonce: row.nonce,
        codeVerifier: row.code_verifier,
        returnTo: row.return_to,
        acrValues: row.acr_values,
        language: row.language,
        createdAt: row.created_at,
        expiresAt: row.expires_at,
      };
    },
  };
}

/** Forgets transactions that expired at or before `now`; returns how many. */
export async function purgeExpiredLoginTransactions(db: Kysely<DatabaseSchema>, now: Date): Promise<number> {
  const result = await db.deleteFrom('login_transactions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
