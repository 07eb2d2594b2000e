import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from './schema.ts';

/** Most favourites one citizen keeps. */
export const MAX_PINS_PER_CITIZEN = 50;

export interface PinRecord {
  target: string;
  label: string;
  pinnedAt: Date;
}

export type PinAdded = 'added' | 'updated' | 'limit';

export interface PinStore {
  /** Oldest first. */
  list(citizenNif: string): Promise<PinRecord[]>;
  /**
   * Pins `target` (a new label for one already pinned keeps its place). 'limit' when the citizen
   * already has MAX_PINS_PER_CITIZEN: checked under a per-citizen lock, so two concurrent pins
   * cannot pass it together.
   */
  add(citizenNif: string, target: string, label: string, now: Date): Promise<PinAdded>;
  /** Whether there was such a pin. */
  remove(citizenNif: string, target: string): Promise<boolean>;
}

/** The citizen's favourites on the home, in the portal's database (parameterised queries only). */
export function createPinStore(db: Kysely<DatabaseSchema>, max = MAX_PINS_PER_CITIZEN): PinStore {
  return {
    async list(citizenNif) {
      const rows = await db
        .selectFrom('folder_pins')
        .select(['target', 'label', 'pinned_at'])
        .where('citizen_nif', '=', citizenNif)
        .orderBy('pinned_at', 'asc')
        .orderBy('target', 'asc')
        .execute();
      return rows.map((row) => ({ target: row.target, label: row.label, pinnedAt: row.pinned_at }));
    },

    add(citizenNif, target, label, now) {
      return db.transaction().execute(async (tx) => {
        // One citizen's pins change one at a time (any gateway): the count below stays true.
        await sql`select pg_advisory_xact_lock(hashtext(${`folder_pins:${citizenNif}`}))`.execute(tx);
        const updated = await tx
          .updateTable('folder_pins')
          .set({ label })
          .where('citizen_nif', '=', citizenNif)
          .where('target', '=', target)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) > 0) return 'updated';
        const { count } = await tx
          .selectFrom('folder_pins')
          .select((eb) => eb.fn.countAll<string | number>().as('count'))
          .where('citizen_nif', '=', citizenNif)
          .executeTakeFirstOrThrow();
        if (Number(count) >= max) return 'limit';
        await tx
          .insertInto('folder_pins')
          .values({ citizen_nif: citizenNif, target, label, pinned_at: now })
          .execute();
        return 'added';
      });
    },

    async remove(citizenNif, target) {
      const result = await db
        .deleteFrom('folder_pins')
        .where('citizen_nif', '=', citizenNif)
        .where('target', '=', target)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
