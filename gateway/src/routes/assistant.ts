import {
  type AdminTicket,
  adminTicketListSchema,
  type AssistantReply,
  type Classification,
  classifyRequestSchema,
  feedbackRequestSchema,
  foundServiceSchema,
  messageRequestSchema,
  type Ticket,
  type TicketRequest,
  ticketListSchema,
  ticketRequestSchema,
  ticketAnswerRequestSchema,
  ticketSchema,
} from '@carpeta/sdk/assistant';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod/mini';
import { auditWrite, citizenOf } from '../agencies/answers.ts';
import type { Assistant } from '../assistant/service.ts';
import type { Classifier } from '../assistant/classifier.ts';
import { isAssistantLanguage } from '../assistant/intents.ts';
import type { ServiceCatalogue } from '../assistant/services.ts';
import type { PortalDatabase } from '../db/index.ts';
import type { AssistantStore, TicketRecord } from '../db/assistant.ts';
import { sendError } from '../errors.ts';
import { errorAnswer, idempotentWrite } from './idempotent.ts';
import { refuseCitizens } from './maintainers.ts';

const BODY_LIMIT = 16 * 1024;
const REFERENCE = /^ADA-[0-9A-Z]{8}$/;

function ticketView(record: TicketRecord): Ticket {
  return ticketSchema.parse({
    reference: record.reference,
    category: record.category,
    administration: record.administration,
    tried: record.tried,
    errorSeen: record.errorSeen,
    status: record.status,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    answer: record.answer,
    answeredAt: record.answeredAt?.toISOString() ?? null,
  });
}

function adminTicketView(record: TicketRecord): AdminTicket {
  return { ...ticketView(record), language: isAssistantLanguage(record.language) ? record.language : 'es' };
}

export interface AssistantRouteOptions {
  /** The classifier, trained at start: the routes wait for it. */
  classifier: Promise<Classifier>;
  assistant: Promise<Assistant>;
  catalogue: ServiceCatalogue;
  store: AssistantStore;
  database: PortalDatabase;
  now: () => Date;
  /** `@fastify/rate-limit`'s `{ rateLimit }` for the public routes. */
  rateLimit: Record<string, unknown>;
}

/**
 * Ada, the assistant. Public (a session is optional; with one, answers use the citizen's folder and
 * the writes need its CSRF token), rate-limited per client:
 * POST /api/assistant/messages (a question → an answer), POST /api/assistant/classify (text →
 * intent, confidence, language, for evaluation), GET /api/assistant/services?q=&language= (the
 * catalogue of services), POST /api/assistant/feedback (thumbs up/down, anonymous).
 * Private (the session's citizen only): GET /api/assistant/tickets, GET /api/assistant/tickets/:reference
 * (another citizen's is a 404), POST /api/assistant/tickets (idempotent, recorded in the audit log).
 * Maintainers only: GET /api/admin/tickets (every citizen's tickets, never who filed them, the
 * unanswered first) and POST /api/admin/tickets/:reference/answer (once per ticket: it is resolved,
 * the citizen reads the answer with it and, if they asked for it, is alerted).
 */
export function registerAssistantRoutes(app: FastifyInstance, options: AssistantRouteOptions): void {
  const { store, database, now } = options;
  const open = { ...options.rateLimit, public: false, optionalSession: true };

  app.post('/api/assistant/classify', { bodyLimit: BODY_LIMIT, config: open }, async (request, reply) => {
    const parsed = classifyRequestSchema.safeParse(request.body);
    if (!parsed.success) return sendError(reply, 400, 'bad-request', 'Send a text of 1 to 500 characters.');
    const classifier = await options.classifier;
    const result = await classifier.classify(parsed.data.text, parsed.data.language ?? 'es');
    const body: Classification = {
      intent: result.intent,
      confidence: result.confidence,
      language: result.language,
    };
    return reply.send(body);
  });

  app.post('/api/assistant/messages', { bodyLimit: BODY_LIMIT, config: open }, async (request, reply) => {
    const parsed = messageRequestSchema.safeParse(request.body);
    if (!parsed.success) {
      return sendError(
        reply,
        400,
        'bad-request',
        'Send a question of 1 to 500 characters and the portal language.',
      );
    }
    const assistant = await options.assistant;
    const answer: AssistantReply = await assistant.reply(parsed.data, request.identity?.subjectId ?? null);
    return reply.send(answer);
  });

  app.get<{ Querystring: { q?: unknown; language?: unknown } }>(
    '/api/assistant/services',
    { config: open },
    async (request, reply) => {
      const { q, language } = request.query;
      if (typeof q !== 'string' || q.trim() === '' || q.length > 200) {
        return sendError(
          reply,
          400,
          'bad-request',
          'Say what you are looking for (?q=, up to 200 characters).',
        );
      }
      const items = options.catalogue.search(q, isAssistantLanguage(language) ? language : 'es', 10);
      return reply.send(z.object({ items: z.array(foundServiceSchema) }).parse({ items }));
    },
  );

  app.post('/api/assistant/feedback', { bodyLimit: BODY_LIMIT, config: open }, async (request, reply) => {
    const parsed = feedbackRequestSchema.safeParse(request.body);
    if (!parsed.success)
      return sendError(reply, 400, 'bad-request', 'Say which answer and whether it helped.');
    // Anonymous by design: which intent, which language, helpful or not; never who nor the words.
    await store.recordFeedback(parsed.data, now());
    return reply.code(204).send();
  });

  app.get('/api/assistant/tickets', async (request, reply) => {
    const records = await store.listTickets(citizenOf(request));
    return reply.send(ticketListSchema.parse({ items: records.map(ticketView) }));
  });

  app.get<{ Params: { reference: string } }>('/api/assistant/tickets/:reference', async (request, reply) => {
    const reference = request.params.reference;
    const record = REFERENCE.test(reference) ? await store.ticket(citizenOf(request), reference) : null;
    if (!record) return sendError(reply, 404, 'not-found', 'There is no such incident in your folder.');
    return reply.send(ticketView(record));
  });

  app.post('/api/assistant/tickets', { bodyLimit: BODY_LIMIT }, async (request: FastifyRequest, reply) => {
    const parsed = ticketRequestSchema.safeParse(request.body);
    if (!parsed.success) {
      return sendError(
        reply,
        400,
        'bad-request',
        'An incident needs its category, the administration, what you tried and the error you saw.',
      );
    }
    const ticket: TicketRequest = parsed.data;
    return idempotentWrite(request, reply, { database, operation: 'assistant-ticket', now }, async () => {
      const identity = request.identity;
      if (!identity) throw new Error('a private route ran without the guard');
      const at = now();
      const record = await store.fileTicket(
        {
          subjectNif: identity.subjectId,
          actorNif: identity.session.citizen.nif,
          category: ticket.category,
          administration: ticket.administration.trim() || '-',
          tried: ticket.tried,
          errorSeen: ticket.errorSeen,
          language: ticket.language,
        },
        at,
      );
      await auditWrite(database, request, at, 'assistant-ticket-filed', {
        reference: record.reference,
        category: record.category,
      });
      return { status: 201, body: ticketView(record) };
    });
  });

  // ---- maintainers ---------------------------------------------------------------------------

  app.get('/api/admin/tickets', async (request, reply) => {
    const refused = refuseCitizens(request, reply);
    if (refused) return refused;
    const records = await store.ticketsToAnswer();
    return reply.send(adminTicketListSchema.parse({ items: records.map(adminTicketView) }));
  });

  app.post<{ Params: { reference: string } }>(
    '/api/admin/tickets/:reference/answer',
    { bodyLimit: BODY_LIMIT },
    async (request, reply) => {
      const refused = refuseCitizens(request, reply);
      if (refused) return refused;
      const parsed = ticketAnswerRequestSchema.safeParse(request.body);
      if (!parsed.success)
        return sendError(reply, 400, 'bad-request', 'Write an answer of 1 to 4,000 characters.');
      const { reference } = request.params;
      return idempotentWrite(
        request,
        reply,
        { database, operation: 'assistant-ticket-answer', now },
        async () => {
          const identity = request.identity;
          if (!identity) throw new Error('a private route ran without the guard');
          const at = now();
          const result = REFERENCE.test(reference)
            ? await store.answerTicket(reference, parsed.data.answer, identity.subjectId, at)
            : 'no-ticket';
          if (result === 'no-ticket')
            return errorAnswer(request, 404, 'not-found', 'There is no ticket with this reference.');
          if (result === 'already-answered') {
            return errorAnswer(request, 409, 'conflict', 'This ticket has already been answered.');
          }
          await auditWrite(database, request, at, 'assistant-ticket-answered', { reference });
          return { status: 200, body: adminTicketView(result.answered) };
        },
      );
    },
  );
}
