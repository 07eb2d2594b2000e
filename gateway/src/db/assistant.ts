import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AssistantTicketsTable, DatabaseSchema } from './schema.ts';

export type TicketStatus = AssistantTicketsTable['status'];

export interface TicketRecord {
  id: string;
  reference: string;
  category: string;
  administration: string;
  tried: string;
  errorSeen: string;
  language: string;
  status: TicketStatus;
  createdAt: Date;
  updatedAt: Date;
  /** A maintainer's answer, once there is one. */
  answer: string | null;
  answeredAt: Date | null;
}

/** What answering a ticket did. */
export type TicketAnswerResult = { answered: TicketRecord } | 'no-ticket' | 'already-answered';

export interface NewTicket {
  subjectNif: string;
  actorNif: string;
  category: string;
  administration: string;
  tried: string;
  errorSeen: string;
  language: string;
}

export interface AssistantStore {
  fileTicket(ticket: NewTicket, now: Date): Promise<TicketRecord>;
  /** The citizen's tickets, newest first (at most 100). */
  listTickets(subjectNif: string): Promise<TicketRecord[]>;
  /** One of the citizen's tickets; null when there is none with that reference or it is someone else's. */
  ticket(subjectNif: string, reference: string): Promise<TicketRecord | null>;
  /** Every citizen's tickets for the maintainers: the unanswered first (oldest first), then the answered (newest first); at most `limit`. */
  ticketsToAnswer(limit?: number): Promise<TicketRecord[]>;
  /** A maintainer answers a ticket once: it becomes resolved, with the answer the citizen reads. */
  answerTicket(reference: string, answer: string, answeredBy: string, now: Date): Promise<TicketAnswerResult>;
  recordFeedback(feedback: { intent: string; language: string; helpful: boolean }, now: Date): Promise<void>;
  /** `text` must already be anonymised. */
  recordUnrecognised(
    question: { text: string; language: string; bestIntent: string | null; confidence: number },
    now: Date,
  ): Promise<void>;
  unrecognised(limit?: number): Promise<{ text: string; language: string; bestIntent: string | null }[]>;
  feedbackCounts(): Promise<{ intent: string; helpful: number; unhelpful: number }[]>;
}

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** "ADA-" and 8 characters of Crockford's base32 (40 random bits): quoted on the phone without ambiguity. */
export function newTicketReference(): string {
  const bytes = randomBytes(8);
  let out = '';
  for (let index = 0; index < 8; index++) out += ALPHABET[(bytes[index] ?? 0) % 32];
  return `ADA-${out}`;
}

function toRecord(row: AssistantTicketsTable): TicketRecord {
  return {
    id: row.id,
    reference: row.reference,
    category: row.category,
    administration: row.administration,
    tried: row.tried,
    errorSeen: row.error_seen,
    language: row.language,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    answer: row.answer,
    answeredAt: row.answered_at,
  };
}

/** Ada's tickets, feedback and unrecognised questions in the portal's database (parameterised queries). */
export function createAssistantStore(db: Kysely<DatabaseSchema>): AssistantStore {
  return {
    async fileTicket(ticket, now) {
      const row: AssistantTicketsTable = {
        id: randomUUID(),
        reference: newTicketReference(),
        subject_nif: ticket.subjectNif,
        actor_nif: ticket.actorNif,
        category: ticket.category,
        administration: ticket.administration,
        tried: ticket.tried,
        error_seen: ticket.errorSeen,
        language: ticket.language,
        status: 'open',
        created_at: now,
        updated_at: now,
        answer: null,
        answered_at: null,
        answered_by: null,
      };
      await db.insertInto('assistant_tickets').values(row).execute();
      return toRecord(row);
    },
    async listTickets(subjectNif) {
      const rows = await db
        .selectFrom('assistant_tickets')
        .selectAll()
        .where('subject_nif', '=', subjectNif)
        .orderBy('created_at', 'desc')
        .orderBy('reference', 'asc')
        .limit(100)
        .execute();
      return rows.map(toRecord);
    },
    async ticket(subjectNif, reference) {
      const row = await db
        .selectFrom('assistant_tickets')
        .selectAll()
        .where('subject_nif', '=', subjectNif)
        .where('reference', '=', reference)
        .executeTakeFirst();
      return row ? toRecord(row) : null;
    },
    async ticketsToAnswer(limit = 200) {
      const unanswered = await db
        .selectFrom('assistant_tickets')
        .selectAll()
        .where('answered_at', 'is', null)
        .orderBy('created_at', 'asc')
        .orderBy('reference', 'asc')
        .limit(limit)
        .execute();
      const answered = await db
        .selectFrom('assistant_tickets')
        .selectAll()
        .where('answered_at', 'is not', null)
        .orderBy('answered_at', 'desc')
        .orderBy('reference', 'asc')
        .limit(Math.max(0, limit - unanswered.length))
        .execute();
      return [...unanswered, ...answered].map(toRecord);
    },
    async answerTicket(reference, answer, answeredBy, now) {
      // One statement: of two maintainers answering at once, one answer is kept and the other told.
      const row = await db
        .updateTable('assistant_tickets')
        .set({ answer, answered_at: now, answered_by: answeredBy, status: 'resolved', updated_at: now })
        .where('reference', '=', reference)
        .where('answered_at', 'is', null)
        .returningAll()
        .executeTakeFirst();
      if (row) return { answered: toRecord(row) };
      const exists = await db
        .selectFrom('assistant_tickets')
        .select('reference')
        .where('reference', '=', reference)
        .executeTakeFirst();
      return exists ? 'already-answered' : 'no-ticket';
    },
    async recordFeedback(feedback, now) {
      await db
        .insertInto('assistant_feedback')
        .values({ id: randomUUID(), ...feedback, created_at: now })
        .execute();
    },
    async recordUnrecognised(question, now) {
      await db
        .insertInto('assistant_unrecognised')
        .values({
          id: randomUUID(),
          text: question.text.slice(0, 500),
          language: question.language,
          best_intent: question.bestIntent,
          confidence: question.confidence,
          created_at: now,
        })
        .execute();
    },
    async unrecognised(limit = 1000) {
      const rows = await db
        .selectFrom('assistant_unrecognised')
        .select(['text', 'language', 'best_intent'])
        .where('reviewed', '=', false)
        .orderBy('created_at', 'asc')
        .limit(limit)
        .execute();
      return rows.map((row) => ({ text: row.text, language: row.language, bestIntent: row.best_intent }));
    },
    async feedbackCounts() {
      const rows = await db
        .selectFrom('assistant_feedback')
        .select((eb) => [
          'intent',
          eb.fn.countAll<string | number>().filterWhere('helpful', '=', true).as('helpful'),
          eb.fn.countAll<string | number>().filterWhere('helpful', '=', false).as('unhelpful'),
        ])
        .groupBy('intent')
        .orderBy('intent')
        .execute();
      return rows.map((row) => ({
        intent: row.intent,
        helpful: Number(row.helpful),
        unhelpful: Number(row.unhelpful),
      }));
    },
  };
}
