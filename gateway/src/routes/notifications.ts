import { createHash } from 'node:crypto';
import {
  NOTIFICATION_PAGE_SIZE_MAX,
  NOTIFICATION_STATUSES,
  type Issuer,
  type Notification,
  type NotificationContent,
  type NotificationDetail,
  type NotificationList,
  type NotificationReceipt,
  type SourceStatus,
} from '@carpeta/sdk';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { byNewest } from '../connectors/dehu.ts';
import type {
  AgencyFailure,
  NotificationConnector,
  NotificationListResult,
  WriteResult,
} from '../connectors/types.ts';
import type { PortalDatabase } from '../db/index.ts';
import { sendError } from '../errors.ts';
import { createNotificationActStore, type NotificationAct } from '../proofs/notification-acts.ts';
import { PROOF_TEXT, proofLanguage } from '../proofs/messages.ts';
import { NOTIFICATION_RECEIPT_KIND, renderNotificationReceipt } from '../proofs/notification-receipt.ts';
import { createProofStore, issueProof } from '../proofs/store.ts';
import { errorAnswer, idempotentWrite, type WriteAnswer } from './idempotent.ts';

/** `?lang=`: the portal language of the receipt (a code such as `ca`; Spanish when absent or unknown). */
type ActQuery = { lang?: unknown };

export interface NotificationRoutesOptions {
  connectors: readonly NotificationConnector[];
  /** The citizen whose folder the request reads: always from the session, never from a parameter. */
  citizenId: (request: FastifyRequest) => string;
  /** Where acts, receipts and idempotency keys are recorded. */
  database: PortalDatabase;
  now?: () => Date;
}

/** "<source>:<agency id>", as every portal notification id. */
const PORTAL_ID = /^([a-z0-9-]{1,40}):([A-Za-z0-9][A-Za-z0-9._-]{0,99})$/;
export const DEFAULT_PAGE_SIZE = 20;

const isoDay = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
const listQuerySchema = z.object({
  issuer: z
    .string()
    .regex(/^[A-Z0-9]{9}$/)
    .optional(),
  status: z.enum(NOTIFICATION_STATUSES).optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  q: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(NOTIFICATION_PAGE_SIZE_MAX).default(DEFAULT_PAGE_SIZE),
});
type ListQuery = z.infer<typeof listQuerySchema>;

const MADRID_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Madrid',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Lower case, without accents or invisible characters: "Liqui\u200Bdación" finds "liquidacion". */
export function searchable(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u200B-\u200F\u202A-\u202E\u2060\uFEFF\u00AD]/g, '')
    .toLowerCase();
}

/** The filters of the list, applied in the order the citizen reads them. */
export function filterNotifications(
  items: readonly Notification[],
  query: Omit<ListQuery, 'page' | 'pageSize'>,
) {
  const terms = query.q === undefined ? [] : searchable(query.q).split(/\s+/).filter(Boolean);
  return items.filter((item) => {
    if (query.issuer !== undefined && item.issuer.dir3 !== query.issuer) return false;
    if (query.status !== undefined && item.status !== query.status) return false;
    if (query.from !== undefined || query.to !== undefined) {
      const day = MADRID_DAY.format(new Date(item.availableAt));
      if (query.from !== undefined && day < query.from) return false;
      if (query.to !== undefined && day > query.to) return false;
    }
    if (terms.length > 0) {
      const subject = searchable(item.subject);
      if (!terms.every((term) => subject.includes(term))) return false;
    }
    return true;
  });
}

async function listSafely(
  connector: NotificationConnector,
  citizenId: string,
): Promise<NotificationListResult> {
  try {
    return await connector.list(citizenId);
  } catch {
    // Connectors do not throw for agency failures; if one has a bug, its source shows as unavailable.
    const status: SourceStatus = {
      source: connector.id,
      name: connector.name,
      status: 'unavailable',
      message: 'The service could not be consulted.',
    };
    return { items: [], status };
  }
}

type Failure = { reason: 'not-found' | AgencyFailure; status: SourceStatus };

/** How an agency's failure is answered: status, code and a message safe to show. */
function failureOf(result: Failure): {
  status: number;
  code: Parameters<typeof sendError>[2];
  message: string;
} {
  const message = result.status.message;
  switch (result.reason) {
    case 'not-found':
      return { status: 404, code: 'not-found', message: 'That notification does not exist.' };
    case 'timeout':
      return {
        status: 504,
        code: 'agency-timeout',
        message: message ?? 'The service did not answer in time.',
      };
    case 'unavailable':
      return {
        status: 502,
        code: 'agency-unavailable',
        message: message ?? 'The service could not be reached.',
      };
    case 'invalid-response':
      return {
        status: 502,
        code: 'agency-invalid-response',
        message: message ?? 'The service answered in an unexpected format.',
      };
  }
}

const receiptOf = (act: NotificationAct | null): NotificationReceipt | null =>
  act ? { code: act.receiptCode, at: (act.agencyAt ?? act.at).toISOString(), act: act.act } : null;

/** A file name safe in a Content-Disposition header. */
const safeFileName = (name: string) => name.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100) || 'document.pdf';

export function registerNotificationRoutes(app: FastifyInstance, options: NotificationRoutesOptions): void {
  const now = options.now ?? (() => new Date());
  const acts = createNotificationActStore(options.database.db);
  const proofs = createProofStore(options.database.db);

  /** The source and the agency's id of a portal id, or the error already sent. */
  function resolve(
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
  ): { connector: NotificationConnector; id: string; agencyId: string } | FastifyReply {
    const match = PORTAL_ID.exec(request.params.id);
    if (!match) return sendError(reply, 400, 'bad-request', 'That is not a valid notification id.');
    const [id = '', sourceId = '', agencyId = ''] = match;
    const connector = options.connectors.find((candidate) => candidate.id === sourceId);
    if (!connector) return sendError(reply, 404, 'not-found', 'That notification does not exist.');
    return { connector, id, agencyId };
  }

  async function contentOf(
    connector: NotificationConnector,
    citizenId: string,
    agencyId: string,
    item: Notification,
  ): Promise<NotificationContent | null> {
    if (item.status !== 'accepted' || !connector.content) return null;
    const content = await connector.content(citizenId, agencyId).catch(() => null);
    return content?.ok ? content.item : null;
  }

  /** Every source in parallel, each with its own timeout: one slow agency never blanks the page. */
  app.get('/api/notifications', async (request, reply) => {
    const query = listQuerySchema.safeParse(request.query);
    if (!query.success) {
      return sendError(
        reply,
        400,
        'bad-request',
        `Those filters are not valid (issuer: a DIR3 code; status: ${NOTIFICATION_STATUSES.join(', ')}; from and to: YYYY-MM-DD; page; pageSize up to ${NOTIFICATION_PAGE_SIZE_MAX}).`,
      );
    }
    const citizenId = options.citizenId(request);
    const results = await Promise.all(
      options.connectors.map((connector) => listSafely(connector, citizenId)),
    );
    for (const result of results) {
      // The connector logs when an agency's state changes; per request this is only a debug line.
      if (result.status.status !== 'ok') request.log.debug({ source: result.status }, 'source degraded');
    }
    const all = results.flatMap((result) => result.items).sort(byNewest);
    const issuers = new Map<string, Issuer>();
    for (const item of all) if (!issuers.has(item.issuer.dir3)) issuers.set(item.issuer.dir3, item.issuer);
    const { page, pageSize, ...filters } = query.data;
    const matching = filterNotifications(all, filters);
    const body: NotificationList = {
      items: matching.slice((page - 1) * pageSize, page * pageSize),
      sources: results.map((result) => result.status),
      total: matching.length,
      page,
      pageSize,
      unread: all.filter((item) => item.status === 'pending').length,
      issuers: [...issuers.values()].sort((a, b) => a.name.localeCompare(b.name, 'es')),
    };
    return reply.header('cache-control', 'no-store').send(body);
  });

  app.get<{ Params: { id: string } }>('/api/notifications/:id', async (request, reply) => {
    const target = resolve(request, reply);
    if ('sent' in target) return target;
    const { connector, id, agencyId } = target;
    const citizenId = options.citizenId(request);

    let result: Awaited<ReturnType<NotificationConnector['get']>>;
    try {
      result = await connector.get(citizenId, agencyId);
    } catch (error) {
      request.log.error({ err: error, source: connector.id }, 'connector failed');
      return sendError(reply, 502, 'agency-unavailable', 'The service could not be consulted.', {
        source: connector.id,
      });
    }
    if (!result.ok) {
      const failure = failureOf(result);
      return sendError(reply, failure.status, failure.code, failure.message, { source: connector.id });
    }
    const [content, act] = await Promise.all([
      contentOf(connector, citizenId, agencyId, result.item),
      acts.find(citizenId, id),
    ]);
    const body: NotificationDetail = {
      item: result.item,
      source: result.status,
      content,
      receipt: receiptOf(act),
    };
    return reply.header('cache-control', 'no-store').send(body);
  });

  /**
   * Accepting (comparecencia) or rejecting: a legal act, done once, recorded, with a receipt written
   * in the language `?lang=` names (the citizen's, a portal language code; Spanish otherwise).
   */
  async function act(
    kind: 'accept' | 'reject',
    request: FastifyRequest<{ Params: { id: string }; Querystring: ActQuery }>,
    reply: FastifyReply,
  ): Promise<FastifyReply> {
    const target = resolve(request, reply);
    if ('sent' in target) return target;
    const { connector, id, agencyId } = target;
    const perform = kind === 'accept' ? connector.accept : connector.reject;
    if (!perform) return sendError(reply, 404, 'not-found', 'That notification cannot be answered here.');
    const identity = request.identity;
    if (!identity) throw new Error('a private route ran without the guard');
    const { citizen, actingFor } = identity.session;
    const subjectId = identity.subjectId;
    const holder = actingFor && actingFor.nif === subjectId ? actingFor : citizen;

    return idempotentWrite(
      request,
      reply,
      { database: options.database, operation: `notification-${kind}`, now },
      async (): Promise<WriteAnswer> => {
        const fail = (failure: ReturnType<typeof failureOf>) =>
          errorAnswer(request, failure.status, failure.code, failure.message, connector.id);
        const recorded = await acts.find(subjectId, id);
        if (recorded && recorded.act !== kind) {
          return errorAnswer(
            request,
            409,
            'conflict',
            recorded.act === 'accept'
              ? 'This notification was already accepted; it cannot be rejected.'
              : 'This notification was already rejected; it cannot be accepted.',
            connector.id,
          );
        }
        const at = now();
        // Told to the agency even when this portal already recorded the same act (another key,
        // another tab): the agency is idempotent, and its state and ours stay in step.
        const result: WriteResult<Notification> = await perform.call(connector, subjectId, agencyId, {
          actorId: citizen.nif,
          subjectId,
          at,
          ip: request.ip,
        });
        if (!result.ok) {
          if (result.reason === 'conflict') {
            return errorAnswer(request, 409, 'conflict', result.message, connector.id);
          }
          return fail(failureOf(result));
        }
        const item = result.item;
        let receipt = receiptOf(recorded);
        if (!recorded) {
          let documentSha256: string | null = null;
          if (kind === 'accept' && connector.document) {
            const document = await connector.document(subjectId, agencyId).catch(() => null);
            if (document?.ok) documentSha256 = createHash('sha256').update(document.bytes).digest('hex');
          }
          const agencyAt = item.respondedAt ? new Date(item.respondedAt) : null;
          const actAt = agencyAt ?? at;
          const proof = await issueProof({
            kind: NOTIFICATION_RECEIPT_KIND,
            subjectNif: subjectId,
            reference: id,
            issuedAt: actAt,
            render: (code) =>
              renderNotificationReceipt({
                act: kind,
                notification: item,
                agencyId,
                sourceName: connector.name,
                holder: { nif: holder.nif, name: holder.displayName },
                actor: { nif: citizen.nif, name: citizen.displayName },
                at: actAt,
                ip: request.ip,
                documentSha256,
                code,
                language: proofLanguage(request.query.lang),
              }),
          });
          const userAgent = request.headers['user-agent'];
          const stored = await acts.record(
            {
              notificationId: id,
              source: connector.id,
              act: kind,
              actorNif: citizen.nif,
              subjectNif: subjectId,
              at,
              agencyAt,
              ip: request.ip,
              userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 500) : null,
              documentSha256,
              receiptCode: proof.code,
            },
            proof,
          );
          if (stored.act.act !== kind) {
            return errorAnswer(
              request,
              409,
              'conflict',
              'This notification was already answered.',
              connector.id,
            );
          }
          receipt = receiptOf(stored.act);
        }
        const content = kind === 'accept' ? await contentOf(connector, subjectId, agencyId, item) : null;
        const body: NotificationDetail = { item, source: result.status, content, receipt };
        return { status: 200, body };
      },
    );
  }

  app.post<{ Params: { id: string }; Querystring: ActQuery }>(
    '/api/notifications/:id/accept',
    (request, reply) => act('accept', request, reply),
  );
  app.post<{ Params: { id: string }; Querystring: ActQuery }>(
    '/api/notifications/:id/reject',
    (request, reply) => act('reject', request, reply),
  );

  /** The notification's document, as the agency serves it: only the citizen's, only once accepted. */
  app.get<{ Params: { id: string } }>('/api/notifications/:id/document', async (request, reply) => {
    const target = resolve(request, reply);
    if ('sent' in target) return target;
    const { connector, agencyId } = target;
    if (!connector.document) return sendError(reply, 404, 'not-found', 'This notification has no document.');
    const document = await connector.document(options.citizenId(request), agencyId);
    if (!document.ok) {
      const failure =
        document.reason === 'not-found'
          ? {
              status: 404,
              code: 'not-found' as const,
              message: 'The document is available once the notification is accepted.',
            }
          : failureOf(document);
      return sendError(reply, failure.status, failure.code, failure.message, { source: connector.id });
    }
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="${safeFileName(document.fileName)}"`)
      .type('application/pdf')
      .send(Buffer.from(document.bytes));
  });

  /**
   * The proof of receipt of the act recorded here (the exact PDF whose hash the code resolves to),
   * in the language it was issued in; `?lang=` only names the file.
   */
  app.get<{ Params: { id: string }; Querystring: ActQuery }>(
    '/api/notifications/:id/receipt.pdf',
    async (request, reply) => {
      const target = resolve(request, reply);
      if ('sent' in target) return target;
      const { id, agencyId } = target;
      const citizenId = options.citizenId(request);
      const recorded = await acts.find(citizenId, id);
      const proof = recorded ? await proofs.get(recorded.receiptCode, citizenId) : null;
      if (!proof) return sendError(reply, 404, 'not-found', 'There is no receipt for this notification.');
      return reply
        .header('cache-control', 'no-store')
        .header(
          'content-disposition',
          `attachment; filename="${safeFileName(`${PROOF_TEXT[proofLanguage(request.query.lang)].notificationReceipt.fileName}-${agencyId}.pdf`)}"`,
        )
        .type(proof.contentType)
        .send(Buffer.from(proof.document));
    },
  );
}
