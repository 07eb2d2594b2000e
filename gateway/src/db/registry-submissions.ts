import type { Kysely } from 'kysely';
import type {
  DatabaseSchema,
  RegistrySubmissionsTable,
  StoredAttachment,
  StoredRegistryEvent,
} from './schema.ts';

/** A submission to the general registry as the portal keeps it. */
export interface SubmissionRecord {
  id: string;
  subjectNif: string;
  actorNif: string;
  requestHash: string;
  bodyDir3: string;
  bodyName: string;
  subject: string;
  facts: string;
  request: string;
  applicantName: string;
  representativeName: string | null;
  attachments: StoredAttachment[];
  status: RegistrySubmissionsTable['status'];
  number: string | null;
  registeredAt: Date | null;
  history: StoredRegistryEvent[];
  submittedAt: Date;
  updatedAt: Date;
}

export interface NewSubmission {
  id: string;
  subjectNif: string;
  actorNif: string;
  idempotencyKey: string;
  requestHash: string;
  bodyDir3: string;
  bodyName: string;
  subject: string;
  facts: string;
  request: string;
  applicantName: string;
  representativeName: string | null;
  attachments: StoredAttachment[];
  /** The attachments' bytes, in the order of `attachments`; kept until the registry registers it. */
  files: Uint8Array[];
}

/**
 * new: stored now, and this request sends it. retry: stored before and never registered (the
 * registry was down), and this request sends it again. done: already registered (a replay).
 * in-progress: another request is sending it right now. mismatch: the key came with other data.
 */
export type ClaimResult =
  | { state: 'new' | 'retry' | 'done' | 'in-progress'; record: SubmissionRecord }
  | { state: 'mismatch' };

export interface RegistryOutcome {
  status: Exclude<RegistrySubmissionsTable['status'], 'pending'>;
  number: string;
  registeredAt: Date;
  history: StoredRegistryEvent[];
}

export interface SubmissionStore {
  /** Stores the submission once per (subject, key), or says what happened to the first one. */
  claim(input: NewSubmission, now: Date, sendingMs: number): Promise<ClaimResult>;
  /** Takes a stored pending submission to send it again (the retry of the list). */
  claimRetry(subjectNif: string, id: string, now: Date, sendingMs: number): Promise<ClaimResult | null>;
  /** The attachments' bytes of a pending submission, in order. */
  files(id: string): Promise<Uint8Array[]>;
  /** The registry registered it: its number and state; the bytes are no longer kept. */
  registered(id: string, outcome: RegistryOutcome, now: Date): Promise<SubmissionRecord | null>;
  /** The registry could not be reached: it stays pending, and anyone may send it again. */
  release(id: string): Promise<void>;
  /** The registry refused it for good: forgotten (the citizen still has the form). */
  remove(id: string): Promise<void>;
  /** The state the registry gives now (never back to pending). */
  refresh(id: string, outcome: RegistryOutcome, now: Date): Promise<void>;
  /** Newest first. */
  list(subjectNif: string): Promise<SubmissionRecord[]>;
  get(subjectNif: string, id: string): Promise<SubmissionRecord | null>;
}

type Row = RegistrySubmissionsTable & { idempotency_key: string };

const toRecord = (
  row: Omit<Row, 'attachments' | 'history'> & { attachments: unknown; history: unknown },
): SubmissionRecord => ({
  id: row.id,
  subjectNif: row.subject_nif,
  actorNif: row.actor_nif,
  requestHash: row.request_hash,
  bodyDir3: row.body_dir3,
  bodyName: row.body_name,
  subject: row.subject,
  facts: row.facts,
  request: row.request,
  applicantName: row.applicant_name,
  representativeName: row.representative_name,
  attachments: (typeof row.attachments === 'string'
    ? JSON.parse(row.attachments)
    : row.attachments) as StoredAttachment[],
  status: row.status,
  number: row.number,
  registeredAt: row.registered_at === null ? null : new Date(row.registered_at),
  history: (typeof row.history === 'string' ? JSON.parse(row.history) : row.history) as StoredRegistryEvent[],
  submittedAt: new Date(row.submitted_at),
  updatedAt: new Date(row.updated_at),
});

/** The portal's record of the citizens' submissions to the general registry. */
export function createSubmissionStore(db: Kysely<DatabaseSchema>): SubmissionStore {
  /** Takes the right to send a pending submission; null when someone else has it or it is not pending. */
  async function lock(id: string, now: Date, sendingMs: number) {
    return db
      .updateTable('registry_submissions')
      .set({ sending_until: new Date(now.getTime() + sendingMs), updated_at: now })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where((eb) => eb.or([eb('sending_until', 'is', null), eb('sending_until', '<=', now)]))
      .returningAll()
      .executeTakeFirst();
  }

  async function existing(
    row: { id: string; request_hash: string; status: string; sending_until: Date | null },
    requestHash: string | null,
    now: Date,
    sendingMs: number,
  ): Promise<ClaimResult> {
    if (requestHash !== null && row.request_hash !== requestHash) return { state: 'mismatch' };
    const current = await db
      .selectFrom('registry_submissions')
      .selectAll()
      .where('id', '=', row.id)
      .executeTakeFirst();
    if (!current) throw new Error('a claimed submission vanished');
    if (current.status !== 'pending') return { state: 'done', record: toRecord(current) };
    const locked = await lock(row.id, now, sendingMs);
    if (locked) return { state: 'retry', record: toRecord(locked) };
    return { state: 'in-progress', record: toRecord(current) };
  }

  return {
    async claim(input, now, sendingMs) {
      const inserted = await db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('registry_submissions')
          .values({
            id: input.id,
            subject_nif: input.subjectNif,
            actor_nif: input.actorNif,
            idempotency_key: input.idempotencyKey,
            request_hash: input.requestHash,
            body_dir3: input.bodyDir3,
            body_name: input.bodyName,
            subject: input.subject,
            facts: input.facts,
            request: input.request,
            applicant_name: input.applicantName,
            representative_name: input.representativeName,
            attachments: JSON.stringify(input.attachments),
            status: 'pending',
            number: null,
            registered_at: null,
            history: JSON.stringify([]),
            submitted_at: now,
            updated_at: now,
            sending_until: new Date(now.getTime() + sendingMs),
          })
          .onConflict((oc) => oc.columns(['subject_nif', 'idempotency_key']).doNothing())
          .returningAll()
          .executeTakeFirst();
        if (row && input.files.length > 0) {
          await trx
            .insertInto('registry_submission_files')
            .values(input.files.map((content, position) => ({ submission_id: input.id, position, content })))
            .execute();
        }
        return row;
      });
      if (inserted) return { state: 'new', record: toRecord(inserted) };
      const first = await db
        .selectFrom('registry_submissions')
        .select(['id', 'request_hash', 'status', 'sending_until'])
        .where('subject_nif', '=', input.subjectNif)
        .where('idempotency_key', '=', input.idempotencyKey)
        .executeTakeFirst();
      if (!first) throw new Error('a submission key conflicted but its row is missing');
      return existing(first, input.requestHash, now, sendingMs);
    },

    async claimRetry(subjectNif, id, now, sendingMs) {
      const row = await db
        .selectFrom('registry_submissions')
        .select(['id', 'request_hash', 'status', 'sending_until'])
        .where('subject_nif', '=', subjectNif)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? existing(row, null, now, sendingMs) : null;
    },

    async files(id) {
      const rows = await db
        .selectFrom('registry_submission_files')
        .select(['content'])
        .where('submission_id', '=', id)
        .orderBy('position', 'asc')
        .execute();
      return rows.map((row) => new Uint8Array(row.content));
    },

    async registered(id, outcome, now) {
      const row = await db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('registry_submissions')
          .set({
            status: outcome.status,
            number: outcome.number,
            registered_at: outcome.registeredAt,
            history: JSON.stringify(outcome.history),
            updated_at: now,
            sending_until: null,
          })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirst();
        await trx.deleteFrom('registry_submission_files').where('submission_id', '=', id).execute();
        return updated;
      });
      return row ? toRecord(row) : null;
    },

    async release(id) {
      await db
        .updateTable('registry_submissions')
        .set({ sending_until: null })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .execute();
    },

    async remove(id) {
      await db
        .deleteFrom('registry_submissions')
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .execute();
    },

    async refresh(id, outcome, now) {
      await db
        .updateTable('registry_submissions')
        .set({
          status: outcome.status,
          number: outcome.number,
          registered_at: outcome.registeredAt,
          history: JSON.stringify(outcome.history),
          updated_at: now,
          sending_until: null,
        })
        .where('id', '=', id)
        .execute();
      await db.deleteFrom('registry_submission_files').where('submission_id', '=', id).execute();
    },

    async list(subjectNif) {
      const rows = await db
        .selectFrom('registry_submissions')
        .selectAll()
        .where('subject_nif', '=', subjectNif)
        .orderBy('submitted_at', 'desc')
        .orderBy('id', 'asc')
        .execute();
      return rows.map(toRecord);
    },

    async get(subjectNif, id) {
      const row = await db
        .selectFrom('registry_submissions')
        .selectAll()
        .where('subject_nif', '=', subjectNif)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toRecord(row) : null;
    },
  };
}
