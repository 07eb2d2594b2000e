import {
  ACCESSIBILITY_ANSWER_WORKING_DAYS,
  type AccessibilityReceipt,
  accessibilityRequestSchema,
  adminAccessibilityListSchema,
  adminFeedbackListSchema,
  type FeedbackReceipt,
  type FeedbackRequest,
  feedbackRequestSchema,
  roadmapLinkSchema,
  roadmapSchema,
  roadmapStatusChangeSchema,
} from '@carpeta/sdk/feedback';
import type { FastifyInstance } from 'fastify';
import type { PortalDatabase } from '../db/index.ts';
import { type FeedbackStore, newReference, type NewFeedback } from '../db/feedback.ts';
import { auditWrite } from '../agencies/answers.ts';
import { sendError } from '../errors.ts';
import { addWorkingDays, madridDay } from '../feedback/working-days.ts';
import { errorAnswer, idempotentWrite } from './idempotent.ts';
import { refuseCitizens } from './maintainers.ts';

const BODY_LIMIT = 16 * 1024;
const ITEM_ID = /^[a-z0-9-]{1,60}$/;
const ACCESSIBILITY_REFERENCE = /^ACC-[0-9A-Z]{8}$/;

export interface FeedbackRouteOptions {
  store: FeedbackStore;
  database: PortalDatabase;
  now: () => Date;
  /** `@fastify/rate-limit`'s `{ rateLimit }` for the two public writes. */
  rateLimit: Record<string, unknown>;
}

function toNewFeedback(request: FeedbackRequest): NewFeedback {
  const language = request.language ?? 'es';
  const message = request.message?.trim() ?? '';
  switch (request.kind) {
    case 'general':
      return { kind: 'general', rating: request.satisfaction, method: null, flow: null, message, language };
    case 'sign-in':
      return {
        kind: 'sign-in',
        rating: request.outcome,
        method: request.method,
        flow: null,
        message,
        language,
      };
    case 'flow':
      return {
        kind: 'flow',
        rating: request.helpful ? 'helpful' : 'not-helpful',
        method: null,
        flow: request.flow,
        message,
        language,
      };
  }
}

/** Whether the hidden field people never see was filled: a robot. */
const isRobot = (body: { website?: string | undefined }) => (body.website ?? '').trim() !== '';

/**
 * Feedback and the public roadmap.
 *
 * Public (a session is optional, as for the assistant: with one the guard checks its CSRF token;
 * without one only same-origin writes pass), rate-limited per client, idempotent:
 * POST /api/feedback (general, sign-in or "was this useful?" after a flow; anonymous: nothing of the
 * person is stored), POST /api/feedback/accessibility (a problem with the accessibility of a page,
 * answered within 20 working days: the receipt says until when), GET /api/roadmap.
 *
 * A form whose honeypot field (`website`) is filled gets the same 201 and a receipt as if it were
 * stored, and nothing is kept: a robot learns nothing from the answer.
 *
 * Maintainers only (a session whose identity provider vouched for the `maintainer` role; a citizen
 * gets 403): GET /api/admin/feedback, GET /api/admin/accessibility, POST
 * /api/admin/accessibility/:reference/answered, PUT /api/admin/roadmap/:id/status, POST
 * /api/admin/roadmap/:id/links. Their writes are idempotent and recorded in the audit log.
 */
export function registerFeedbackRoutes(app: FastifyInstance, options: FeedbackRouteOptions): void {
  const { store, database, now } = options;
  const open = { ...options.rateLimit, public: false, optionalSession: true };

  app.post('/api/feedback', { bodyLimit: BODY_LIMIT, config: open }, async (request, reply) => {
    const parsed = feedbackRequestSchema.safeParse(request.body);
    if (!parsed.success) {
      return sendError(reply, 400, 'bad-request', 'Check the form: an answer is missing or too long.');
    }
    const body = parsed.data;
    return idempotentWrite(
      request,
      reply,
      { database, operation: 'feedback', now, allowAnonymous: true },
      async () => {
        const at = now();
        if (isRobot(body)) {
          request.log.info('feedback with the honeypot filled: not stored');
          const receipt: FeedbackReceipt = { reference: newReference('OPN'), receivedAt: at.toISOString() };
          return { status: 201, body: receipt };
        }
        const record = await store.record(toNewFeedback(body), at);
        const receipt: FeedbackReceipt = { reference: record.reference, receivedAt: at.toISOString() };
        return { status: 201, body: receipt };
      },
    );
  });

  app.post('/api/feedback/accessibility', { bodyLimit: BODY_LIMIT, config: open }, async (request, reply) => {
    const parsed = accessibilityRequestSchema.safeParse(request.body);
    if (!parsed.success) {
      return sendError(
        reply,
        400,
        'bad-request',
        'Say which page and what the problem is (and a valid e-mail address, if you give one).',
      );
    }
    const body = parsed.data;
    return idempotentWrite(
      request,
      reply,
      { database, operation: 'accessibility-request', now, allowAnonymous: true },
      async () => {
        const at = now();
        const answerBy = addWorkingDays(madridDay(at), ACCESSIBILITY_ANSWER_WORKING_DAYS);
        if (isRobot(body)) {
          request.log.info('accessibility request with the honeypot filled: not stored');
          const receipt: AccessibilityReceipt = {
            reference: newReference('ACC'),
            receivedAt: at.toISOString(),
            answerBy,
          };
          return { status: 201, body: receipt };
        }
        const record = await store.recordAccessibility(
          {
            page: body.page.trim(),
            problem: body.problem.trim(),
            email: body.email ? body.email : null,
            language: body.language ?? 'es',
            answerBy,
          },
          at,
        );
        const receipt: AccessibilityReceipt = {
          reference: record.reference,
          receivedAt: at.toISOString(),
          answerBy,
        };
        return { status: 201, body: receipt };
      },
    );
  });

  app.get('/api/roadmap', { config: { public: true } }, async (_request, reply) => {
    const items = await store.roadmap();
    return reply.send(
      roadmapSchema.parse({
        items: items.map((item) => ({ ...item, updatedAt: item.updatedAt.toISOString() })),
      }),
    );
  });

  // ---- maintainers ---------------------------------------------------------------------------

  app.get('/api/admin/feedback', async (request, reply) => {
    const refused = refuseCitizens(request, reply);
    if (refused) return refused;
    const records = await store.list();
    return reply.send(
      adminFeedbackListSchema.parse({
        items: records.map((record) => ({
          id: record.id,
          reference: record.reference,
          kind: record.kind,
          rating: record.rating,
          method: record.method,
          flow: record.flow,
          message: record.message,
          language: record.language,
          receivedAt: record.createdAt.toISOString(),
          items: record.items,
        })),
      }),
    );
  });

  app.get('/api/admin/accessibility', async (request, reply) => {
    const refused = refuseCitizens(request, reply);
    if (refused) return refused;
    const today = madridDay(now());
    const records = await store.listAccessibility();
    return reply.send(
      adminAccessibilityListSchema.parse({
        items: records.map((record) => ({
          reference: record.reference,
          page: record.page,
          problem: record.problem,
          email: record.email,
          receivedAt: record.createdAt.toISOString(),
          answerBy: record.answerBy,
          answeredAt: record.answeredAt?.toISOString() ?? null,
          overdue: record.answeredAt === null && record.answerBy < today,
        })),
      }),
    );
  });

  app.put<{ Params: { id: string } }>(
    '/api/admin/roadmap/:id/status',
    { bodyLimit: BODY_LIMIT },
    async (request, reply) => {
      const refused = refuseCitizens(request, reply);
      if (refused) return refused;
      const parsed = roadmapStatusChangeSchema.safeParse(request.body);
      if (!parsed.success) return sendError(reply, 400, 'bad-request', 'Choose a status.');
      const { id } = request.params;
      return idempotentWrite(request, reply, { database, operation: 'roadmap-status', now }, async () => {
        const at = now();
        const changed = ITEM_ID.test(id) && (await store.setStatus(id, parsed.data.status, at));
        if (!changed) return errorAnswer(request, 404, 'not-found', 'There is no such roadmap item.');
        await auditWrite(database, request, at, 'roadmap-status-changed', {
          item: id,
          status: parsed.data.status,
        });
        return { status: 200, body: { id, status: parsed.data.status } };
      });
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/admin/roadmap/:id/links',
    { bodyLimit: BODY_LIMIT },
    async (request, reply) => {
      const refused = refuseCitizens(request, reply);
      if (refused) return refused;
      const parsed = roadmapLinkSchema.safeParse(request.body);
      if (!parsed.success) return sendError(reply, 400, 'bad-request', 'Choose a piece of feedback.');
      const { id } = request.params;
      return idempotentWrite(request, reply, { database, operation: 'roadmap-link', now }, async () => {
        const at = now();
        const result = ITEM_ID.test(id) ? await store.link(id, parsed.data.feedbackId, at) : 'no-item';
        if (result === 'no-item')
          return errorAnswer(request, 404, 'not-found', 'There is no such roadmap item.');
        if (result === 'no-feedback')
          return errorAnswer(request, 404, 'not-found', 'There is no such feedback.');
        await auditWrite(database, request, at, 'roadmap-feedback-linked', {
          item: id,
          feedback: parsed.data.feedbackId,
        });
        return { status: 201, body: { id, feedbackId: parsed.data.feedbackId } };
      });
    },
  );

  app.post<{ Params: { reference: string } }>(
    '/api/admin/accessibility/:reference/answered',
    { bodyLimit: BODY_LIMIT },
    async (request, reply) => {
      const refused = refuseCitizens(request, reply);
      if (refused) return refused;
      const { reference } = request.params;
      return idempotentWrite(
        request,
        reply,
        { database, operation: 'accessibility-answered', now },
        async () => {
          const at = now();
          const marked = ACCESSIBILITY_REFERENCE.test(reference) && (await store.markAnswered(reference, at));
          if (!marked) {
            return errorAnswer(
              request,
              404,
              'not-found',
              'There is no unanswered request with this reference.',
            );
          }
          await auditWrite(database, request, at, 'accessibility-request-answered', { reference });
          return { status: 200, body: { reference, answeredAt: at.toISOString() } };
        },
      );
    },
  );
}
