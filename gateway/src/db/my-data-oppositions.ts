import { randomUUID } from 'node:crypto';
import type { MyDataOpposition } from '@carpeta/sdk';
import type { Kysely } from 'kysely';
import type { DatabaseSchema, MyDataOppositionsTable } from './schema.ts';

export interface NewOpposition {
  recordId: string;
  dataType: string;
  dataTitle: string;
  administration: { dir3: string; name: string } | null;
  reason: string;
}

export interface OppositionStore {
  /** Newest first, withdrawn ones included. */
  list(subjectNif: string): Promise<MyDataOpposition[]>;
  add(subjectNif: string, opposition: NewOpposition, now: Date): Promise<MyDataOpposition>;
  /** The opposition, withdrawn (once: withdrawing again keeps the first date); null when not theirs. */
  withdraw(subjectNif: string, id: string, now: Date): Promise<MyDataOpposition | null>;
}

const toOpposition = (row: MyDataOppositionsTable): MyDataOpposition => ({
  id: row.id,
  recordId: row.record_id,
  dataType: row.data_type,
  dataTitle: row.data_title,
  administration:
    row.administration_dir3 === null
      ? null
      : { dir3: row.administration_dir3, name: row.administration_name ?? row.administration_dir3 },
  reason: row.reason,
  createdAt: new Date(row.created_at).toISOString(),
  withdrawnAt: row.withdrawn_at === null ? null : new Date(row.withdrawn_at).toISOString(),
});

/** The citizen's oppositions to consultations of their data, in the portal's database. */
export function createOppositionStore(db: Kysely<DatabaseSchema>): OppositionStore {
  return {
    async list(subjectNif) {
      const rows = await db
        .selectFrom('my_data_oppositions')
        .selectAll()
        .where('subject_nif', '=', subjectNif)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'asc')
        .execute();
      return rows.map(toOpposition);
    },

    async add(subjectNif, opposition, now) {
      const row: MyDataOppositionsTable = {
        id: randomUUID(),
        subject_nif: subjectNif,
        record_id: opposition.recordId,
        data_type: opposition.dataType,
        data_title: opposition.dataTitle,
        administration_dir3: opposition.administration?.dir3 ?? null,
        administration_name: opposition.administration?.name ?? null,
        reason: opposition.reason,
        created_at: now,
        withdrawn_at: null,
      };
      await db.insertInto('my_data_oppositions').values(row).execute();
      return toOpposition(row);
    },

    async withdraw(subjectNif, id, now) {
      await db
        .updateTable('my_data_oppositions')
        .set({ withdrawn_at: now })
        .where('id', '=', id)
        .where('subject_nif', '=', subjectNif)
        .where('withdrawn_at', 'is', null)
        .execute();
      const row = await db
        .selectFrom('my_data_oppositions')
        .selectAll()
        .where('id', '=', id)
        .where('subject_nif', '=', subjectNif)
        .executeTakeFirst();
      return row ? toOpposition(row) : null;
    },
  };
}
