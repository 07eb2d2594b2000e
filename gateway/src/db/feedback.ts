import { randomBytes, randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema, FeedbackTable, RoadmapItemsTable } from './schema.ts';

export type RoadmapStatus = RoadmapItemsTable['status'];

export interface NewFeedback {
  kind: FeedbackTable['kind'];
  rating: string;
  method: string | null;
  flow: string | null;
  message: string;
  language: string;
}

export interface FeedbackRecord extends NewFeedback {
  id: string;
  reference: string;
  createdAt: Date;
  /** Roadmap items it is linked to. */
  items: string[];
}

export interface RoadmapItemRecord {
  id: string;
  title: Record<string, string>;
  summary: Record<string, string>;
  status: RoadmapStatus;
  comments: number;
  updatedAt: Date;
}

export interface NewAccessibilityRequest {
  page: string;
  problem: string;
  email: string | null;
  language: string;
  /** "YYYY-MM-DD" in Madrid. */
  answerBy: string;
}

export interface AccessibilityRequestRecord extends NewAccessibilityRequest {
  id: string;
  reference: string;
  createdAt: Date;
  answeredAt: Date | null;
}

export interface FeedbackStore {
  record(feedback: NewFeedback, now: Date): Promise<FeedbackRecord>;
  /** Newest first, at most `limit`, with the items each is linked to. */
  list(limit?: number): Promise<FeedbackRecord[]>;
  recordAccessibility(request: NewAccessibilityRequest, now: Date): Promise<AccessibilityRequestRecord>;
  /** Unanswered first, then by answer date. */
  listAccessibility(limit?: number): Promise<AccessibilityRequestRecord[]>;
  /** The roadmap in its order, with how many pieces of feedback are linked to each item. */
  roadmap(): Promise<RoadmapItemRecord[]>;
  /** false when there is no such item. */
  setStatus(itemId: string, status: RoadmapStatus, now: Date): Promise<boolean>;
  /** Marks an accessibility request answered (once): false when there is no such unanswered one. */
  markAnswered(reference: string, now: Date): Promise<boolean>;
  /** 'linked' (or already was), or which of the two does not exist. */
  link(itemId: string, feedbackId: string, now: Date): Promise<'linked' | 'no-item' | 'no-feedback'>;
}

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A prefix and 8 characters of Crockford's base32 (40 random bits), quoted without ambiguity. */
export function newReference(prefix: 'OPN' | 'ACC'): string {
  const bytes = randomBytes(8);
  let out = '';
  for (let index = 0; index < 8; index++) out += ALPHABET[(bytes[index] ?? 0) % 32];
  return `${prefix}-${out}`;
}

const answerByText = sql<string>`to_char(answer_by, 'YYYY-MM-DD')`;

/** Feedback, the roadmap and accessibility requests (parameterised queries only). */
export function createFeedbackStore(db: Kysely<DatabaseSchema>): FeedbackStore {
  return {
    async record(feedback, now) {
      const row: FeedbackTable = {
        id: randomUUID(),
        reference: newReference('OPN'),
        ...feedback,
        created_at: now,
      };
      await db.insertInto('feedback').values(row).execute();
      return { ...feedback, id: row.id, reference: row.reference, createdAt: now, items: [] };
    },

    async list(limit = 200) {
      const rows = await db
        .selectFrom('feedback')
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(limit)
        .execute();
      const ids = rows.map((row) => row.id);
      const links =
        ids.length === 0
          ? []
          : await db
              .selectFrom('roadmap_links')
              .select(['feedback_id', 'item_id'])
              .where('feedback_id', 'in', ids)
              .orderBy('item_id')
              .execute();
      return rows.map((row) => ({
        id: row.id,
        reference: row.reference,
        kind: row.kind,
        rating: row.rating,
        method: row.method,
        flow: row.flow,
        message: row.message,
        language: row.language,
        createdAt: row.created_at,
        items: links.filter((link) => link.feedback_id === row.id).map((link) => link.item_id),
      }));
    },

    async recordAccessibility(request, now) {
      const id = randomUUID();
      const reference = newReference('ACC');
      await db
        .insertInto('accessibility_requests')
        .values({
          id,
          reference,
          page: request.page,
          problem: request.problem,
          email: request.email,
          language: request.language,
          created_at: now,
          answer_by: request.answerBy,
          answered_at: null,
        })
        .execute();
      return { ...request, id, reference, createdAt: now, answeredAt: null };
    },

    async listAccessibility(limit = 200) {
      const rows = await db
        .selectFrom('accessibility_requests')
        .select([
          'id',
          'reference',
          'page',
          'problem',
          'email',
          'language',
          'created_at',
          'answered_at',
          answerByText.as('answer_by_text'),
        ])
        .orderBy(sql`answered_at is not null`)
        .orderBy('answer_by')
        .orderBy('created_at')
        .limit(limit)
        .execute();
      return rows.map((row) => ({
        id: row.id,
        reference: row.reference,
        page: row.page,
        problem: row.problem,
        email: row.email,
        language: row.language,
        answerBy: row.answer_by_text,
        createdAt: row.created_at,
        answeredAt: row.answered_at,
      }));
    },

    async roadmap() {
      const rows = await db
        .selectFrom('roadmap_items')
        .leftJoin('roadmap_links', 'roadmap_links.item_id', 'roadmap_items.id')
        .select((eb) => [
          'roadmap_items.id',
          'roadmap_items.title',
          'roadmap_items.summary',
          'roadmap_items.status',
          'roadmap_items.updated_at',
          eb.fn.count<string | number>('roadmap_links.feedback_id').as('comments'),
        ])
        .groupBy([
          'roadmap_items.id',
          'roadmap_items.title',
          'roadmap_items.summary',
          'roadmap_items.status',
          'roadmap_items.updated_at',
          'roadmap_items.position',
        ])
        .orderBy('roadmap_items.position')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        title: row.title,
        summary: row.summary,
        status: row.status,
        comments: Number(row.comments),
        updatedAt: row.updated_at,
      }));
    },

    async setStatus(itemId, status, now) {
      const result = await db
        .updateTable('roadmap_items')
        .set({ status, updated_at: now })
        .where('id', '=', itemId)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async markAnswered(reference, now) {
      const result = await db
        .updateTable('accessibility_requests')
        .set({ answered_at: now })
        .where('reference', '=', reference)
        .where('answered_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async link(itemId, feedbackId, now) {
      const item = await db
        .selectFrom('roadmap_items')
        .select('id')
        .where('id', '=', itemId)
        .executeTakeFirst();
      if (!item) return 'no-item';
      const feedback = await db
        .selectFrom('feedback')
        .select('id')
        .where('id', '=', feedbackId)
        .executeTakeFirst();
      if (!feedback) return 'no-feedback';
      await db
        .insertInto('roadmap_links')
        .values({ item_id: itemId, feedback_id: feedbackId, linked_at: now })
        .onConflict((oc) => oc.columns(['item_id', 'feedback_id']).doNothing())
        .execute();
      return 'linked';
    },
  };
}
