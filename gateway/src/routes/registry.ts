import { createHash, randomUUID } from 'node:crypto';
import type { SourceStatus } from '@carpeta/sdk';
import {
  type Dir3UnitList,
  dir3UnitListSchema,
  REGISTRY_UNITS_LIMIT_DEFAULT,
  REGISTRY_UNITS_LIMIT_MAX,
  REGISTRY_UNITS_QUERY_MAX,
  type RegistrySubmission,
  type RegistrySubmissionList,
  registrySubmissionAnswerSchema,
  registrySubmissionFieldsSchema,
  registrySubmissionListSchema,
  registrySubmissionSchema,
} from '@carpeta/sdk/registry';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { auditWrite } from '../agencies/answers.ts';
import { maskIdentifier } from '../auth/identity.ts';
import type { RegistryConnector, RegistryEntry, RegistryWriteResult } from '../connectors/registry.ts';
import type { PortalDatabase } from '../db/index.ts';
import {
  createSubmissionStore,
  type RegistryOutcome,
  type SubmissionRecord,
} from '../db/registry-submissions.ts';
import { sendError } from '../errors.ts';
import { createProofStore, issueProof } from '../proofs/store.ts';
import { readSubmission } from '../registry/attachments.ts';
import type { Directory } from '../registry/directory.ts';
import { PROOF_TEXT, proofLanguage } from '../proofs/messages.ts';
import { REGISTRY_RECEIPT_KIND, renderRegistryReceipt } from '../registry/receipt.ts';
import { errorAnswer, idempotentWrite, type WriteAnswer } from './idempotent.ts';

/*
 * The general registry: the directory of bodies (searched on the gateway's copy), and the
 * citizen's submissions. A submission is stored in the portal's database first, keyed by whose
 * folder it is and the Idempotency-Key, with its attachments' bytes; then sent to the registry with
 * the submission's id as the request id (the registry deduplicates too). A double click or a retry
 * is one submission; when the registry cannot be reached it stays "pending" and is sent again by a
 * retry of the same request or from the list (nothing is lost, nothing registered twice).
 */

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;
const SUBMISSION_ID = /^[A-Za-z0-9_-]{8,64}$/;
const NOT_FOUND = 'That submission does not exist.';
/** How long one request may take to send a submission before another may (above the registry's timeout). */
const SENDING_MS = 2 * 60_000;

export interface RegistryRouteOptions {
  database: PortalDatabase;
  registry: RegistryConnector;
  directory: Directory;
  now: () => Date;
  portalOrigin: string;
}

function identityOf(request: FastifyRequest) {
  const identity = request.identity;
  if (!identity) throw new Error('a private route ran without the guard');
  return identity;
}

const outcomeOf = (entry: RegistryEntry): RegistryOutcome => ({
  status: entry.status,
  number: entry.number,
  registeredAt: new Date(entry.registeredAt),
  history: entry.history,
});

/** The portal's view of one of its records. */
function viewOf(record: SubmissionRecord): RegistrySubmission {
  return {
    id: record.id,
    number: record.number,
    registeredAt: record.registeredAt?.toISOString() ?? null,
    submittedAt: record.submittedAt.toISOString(),
    body: { dir3: record.bodyDir3, name: record.bodyName },
    subject: record.subject,
    facts: record.facts,
    request: record.request,
    status: record.status,
    history: record.history as RegistrySubmission['history'],
    attachments: record.attachments as RegistrySubmission['attachments'],
    applicant: { displayName: record.applicantName, maskedId: maskIdentifier(record.subjectNif) },
    representative:
      record.actorNif === record.subjectNif
        ? null
        : { displayName: record.representativeName ?? '', maskedId: maskIdentifier(record.actorNif) },
  };
}

/** An entry the registry holds that was made elsewhere (in person, another portal): its number is its id. */
function viewOfEntry(entry: RegistryEntry): RegistrySubmission {
  return {
    id: entry.number,
    number: entry.number,
    registeredAt: entry.registeredAt,
    submittedAt: entry.registeredAt,
    body: entry.body,
    subject: entry.subject,
    facts: entry.facts,
    request: entry.request,
    status: entry.status,
    history: entry.history,
    attachments: entry.attachments,
    applicant: { displayName: entry.applicant.name, maskedId: maskIdentifier(entry.applicant.id) },
    representative: entry.representative
      ? { displayName: entry.representative.name, maskedId: maskIdentifier(entry.representative.id) }
      : null,
  };
}

const sameOutcome = (record: SubmissionRecord, entry: RegistryEntry) =>
  record.status === entry.status &&
  record.number === entry.number &&
  JSON.stringify(record.history) === JSON.stringify(entry.history);

export function registerRegistryRoutes(app: FastifyInstance, options: RegistryRouteOptions): void {
  const { database, registry, directory, now } = options;
  const store = createSubmissionStore(database.db);
  const proofs = createProofStore(database.db);

  /**
   * Every submission of the citizen: the portal's own (refreshed from the registry: its number and
   * state, or registered meanwhile) and the entries the registry holds that were made elsewhere.
   */
  async function everything(subjectNif: string, log: FastifyRequest['log']) {
    const [records, answer] = await Promise.all([store.list(subjectNif), registry.entries(subjectNif)]);
    const byRequest = new Map<string, RegistryEntry>();
    const byNumber = new Map<string, RegistryEntry>();
    for (const entry of answer.items) {
      if (entry.requestId) byRequest.set(entry.requestId, entry);
      byNumber.set(entry.number, entry);
    }
    const at = now();
    const items: RegistrySubmission[] = [];
    const ours = new Set<string>();
    for (const record of records) {
      const entry = (record.number ? byNumber.get(record.number) : undefined) ?? byRequest.get(record.id);
      let current = record;
      if (entry) {
        ours.add(entry.number);
        if (!sameOutcome(record, entry)) {
          await store.refresh(record.id, outcomeOf(entry), at);
          current = { ...record, ...outcomeOf(entry) };
        }
      }
      items.push(viewOf(current));
    }
    for (const entry of answer.items) if (!ours.has(entry.number)) items.push(viewOfEntry(entry));
    const valid: RegistrySubmission[] = [];
    for (const item of items) {
      const checked = registrySubmissionSchema.safeParse(item);
      if (checked.success) valid.push(checked.data);
      else log.warn({ source: registry.id }, 'a submission outside the contract was not shown');
    }
    valid.sort((a, b) => b.submittedAt.localeCompare(a.submittedAt) || a.id.localeCompare(b.id));
    return { items: valid, source: answer.status };
  }

  const unavailableMessage = (status: SourceStatus) =>
    `The general registry could not be reached (${status.message ?? 'no answer'}). Your submission is saved but NOT registered yet: send it again (it will not be registered twice).`;

  /** Sends a stored submission to the registry and records what happened. */
  async function send(
    request: FastifyRequest,
    record: SubmissionRecord,
    files: Uint8Array[] | null,
    created: boolean,
  ): Promise<WriteAnswer> {
    const bytes = files ?? (await store.files(record.id));
    const result: RegistryWriteResult = await registry.submit({
      requestId: record.id,
      applicant: { id: record.subjectNif, name: record.applicantName },
      representative:
        record.actorNif === record.subjectNif
          ? null
          : { id: record.actorNif, name: record.representativeName ?? record.actorNif },
      bodyDir3: record.bodyDir3,
      subject: record.subject,
      facts: record.facts,
      request: record.request,
      attachments: record.attachments.map((attachment, index) => ({
        ...attachment,
        bytes: bytes[index] ?? new Uint8Array(0),
      })),
    });
    if (result.ok) {
      const at = now();
      const saved = await store.registered(record.id, outcomeOf(result.entry), at);
      if (!saved) throw new Error('a registered submission vanished');
      await auditWrite(database, request, at, 'registry-submitted', {
        submission: record.id,
        number: result.entry.number,
        body: record.bodyDir3,
        attachments: record.attachments.length,
      });
      const body = registrySubmissionAnswerSchema.parse({ item: viewOf(saved), source: result.status });
      return { status: created ? 201 : 200, body };
    }
    switch (result.reason) {
      case 'timeout':
      case 'unavailable':
      case 'invalid-response':
        // Kept, pending: the same request again (or the list's retry) sends it again.
        await store.release(record.id);
        return errorAnswer(
          request,
          503,
          result.reason === 'timeout' ? 'agency-timeout' : 'agency-unavailable',
          unavailableMessage(result.status),
          registry.id,
        );
      default:
        // Refused for good: nothing is kept (the citizen still has the form to correct it).
        await store.remove(record.id);
        return errorAnswer(
          request,
          result.reason === 'too-large' ? 413 : result.reason === 'conflict' ? 409 : 400,
          result.reason === 'conflict' ? 'conflict' : 'bad-request',
          result.message,
          registry.id,
        );
    }
  }

  function sendAnswer(reply: FastifyReply, answer: WriteAnswer, replayed = false): FastifyReply {
    reply.code(answer.status).header('cache-control', 'no-store');
    if (replayed) reply.header('idempotent-replayed', 'true');
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(answer.body));
  }

  app.register(async (scope) => {
    await scope.register(fastifyMultipart, { throwFileSizeLimit: true });

    scope.get<{ Querystring: { q?: unknown; limit?: unknown } }>(
      '/api/registry/units',
      async (request, reply) => {
        const q = request.query.q ?? '';
        const limit = Number(request.query.limit ?? REGISTRY_UNITS_LIMIT_DEFAULT);
        if (
          typeof q !== 'string' ||
          q.length > REGISTRY_UNITS_QUERY_MAX ||
          !Number.isInteger(limit) ||
          limit < 1 ||
          limit > REGISTRY_UNITS_LIMIT_MAX
        ) {
          return sendError(
            reply,
            400,
            'bad-request',
            `Search with up to ${REGISTRY_UNITS_QUERY_MAX} characters, and a limit from 1 to ${REGISTRY_UNITS_LIMIT_MAX}.`,
          );
        }
        const found = await directory.search(q, limit);
        const body: Dir3UnitList = dir3UnitListSchema.parse(found);
        return reply.header('cache-control', 'no-store').send(body);
      },
    );

    scope.get('/api/registry/submissions', async (request, reply) => {
      const { subjectId } = identityOf(request);
      const body: RegistrySubmissionList = registrySubmissionListSchema.parse(
        await everything(subjectId, request.log),
      );
      return reply.header('cache-control', 'no-store').send(body);
    });

    scope.get<{ Params: { id: string } }>('/api/registry/submissions/:id', async (request, reply) => {
      const { id } = request.params;
      if (!SUBMISSION_ID.test(id)) return sendError(reply, 404, 'not-found', NOT_FOUND);
      const { items, source } = await everything(identityOf(request).subjectId, request.log);
      const item = items.find((candidate) => candidate.id === id);
      if (!item) return sendError(reply, 404, 'not-found', NOT_FOUND);
      return reply
        .header('cache-control', 'no-store')
        .send(registrySubmissionAnswerSchema.parse({ item, source }));
    });

    scope.get<{ Params: { id: string }; Querystring: { lang?: unknown } }>(
      '/api/registry/submissions/:id/receipt.pdf',
      async (request, reply) => {
        const { id } = request.params;
        if (!SUBMISSION_ID.test(id)) return sendError(reply, 404, 'not-found', NOT_FOUND);
        const language = proofLanguage(request.query.lang);
        const { subjectId } = identityOf(request);
        const { items } = await everything(subjectId, request.log);
        const item = items.find((candidate) => candidate.id === id);
        if (!item) return sendError(reply, 404, 'not-found', NOT_FOUND);
        if (item.number === null) {
          return sendError(
            reply,
            409,
            'conflict',
            'This submission is not registered yet, so it has no receipt. Send it again first.',
          );
        }
        const issuedAt = now();
        const proof = await issueProof({
          kind: REGISTRY_RECEIPT_KIND,
          subjectNif: subjectId,
          reference: item.number,
          issuedAt,
          render: (code) =>
            renderRegistryReceipt({
              submission: item,
              language,
              code,
              issuedAt,
              portalOrigin: options.portalOrigin,
            }),
        });
        await proofs.save(proof);
        return reply
          .header('cache-control', 'no-store')
          .header(
            'content-disposition',
            `attachment; filename="${PROOF_TEXT[language].registryReceipt.fileName}-${item.number}.pdf"`,
          )
          .type('application/pdf')
          .send(Buffer.from(proof.document));
      },
    );

    scope.post('/api/registry/submissions', async (request, reply) => {
      const key = request.headers['idempotency-key'];
      if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
        return sendError(
          reply,
          400,
          'bad-request',
          'This action needs an Idempotency-Key header (8 to 100 letters, digits, - or _).',
        );
      }
      const read = await readSubmission(request);
      if (!read.ok) return sendError(reply, read.status, 'bad-request', read.message);
      const fields = registrySubmissionFieldsSchema.safeParse(read.fields);
      if (!fields.success) {
        return sendError(
          reply,
          400,
          'bad-request',
          'A submission needs the body it is addressed to, a subject (up to 240 characters), the facts and the request (up to 4,000 each).',
        );
      }
      const { bodyDir3, subject, facts, request: asked } = fields.data;
      const body = await directory.find(bodyDir3);
      if (!body) {
        return sendError(
          reply,
          400,
          'bad-request',
          'Choose the body from the directory: that code is not in force.',
        );
      }
      const identity = identityOf(request);
      const { citizen, actingFor } = identity.session;
      const attachments = read.files.map(({ name, size, type, sha256 }) => ({ name, size, type, sha256 }));
      const requestHash = createHash('sha256')
        .update(JSON.stringify({ bodyDir3, subject, facts, request: asked, attachments }))
        .digest('hex');
      const claim = await store.claim(
        {
          id: randomUUID(),
          subjectNif: identity.subjectId,
          actorNif: citizen.nif,
          idempotencyKey: key,
          requestHash,
          bodyDir3,
          bodyName: body.name,
          subject,
          facts,
          request: asked,
          applicantName:
            actingFor && actingFor.nif === identity.subjectId ? actingFor.displayName : citizen.displayName,
          representativeName: identity.subjectId === citizen.nif ? null : citizen.displayName,
          attachments,
          files: read.files.map((file) => file.bytes),
        },
        now(),
        SENDING_MS,
      );
      switch (claim.state) {
        case 'mismatch':
          return sendError(
            reply,
            422,
            'bad-request',
            'This Idempotency-Key was already used for a different submission.',
          );
        case 'in-progress':
          return sendError(reply, 409, 'conflict', 'This submission is already being sent. Wait a moment.');
        case 'done':
          return sendAnswer(
            reply,
            {
              status: 200,
              body: registrySubmissionAnswerSchema.parse({
                item: viewOf(claim.record),
                source: { source: registry.id, name: registry.name, status: 'ok' },
              }),
            },
            true,
          );
        case 'new':
          return sendAnswer(
            reply,
            await send(
              request,
              claim.record,
              read.files.map((file) => file.bytes),
              true,
            ),
          );
        case 'retry':
          return sendAnswer(reply, await send(request, claim.record, null, true));
      }
    });

    scope.post<{ Params: { id: string } }>('/api/registry/submissions/:id/retry', async (request, reply) => {
      const { id } = request.params;
      if (!SUBMISSION_ID.test(id)) return sendError(reply, 404, 'not-found', NOT_FOUND);
      return idempotentWrite(request, reply, { database, operation: 'registry-retry', now }, async () => {
        const claim = await store.claimRetry(identityOf(request).subjectId, id, now(), SENDING_MS);
        if (!claim || claim.state === 'mismatch') return errorAnswer(request, 404, 'not-found', NOT_FOUND);
        if (claim.state === 'in-progress') {
          return errorAnswer(
            request,
            409,
            'conflict',
            'This submission is already being sent. Wait a moment.',
          );
        }
        if (claim.state === 'done') {
          return {
            status: 200,
            body: registrySubmissionAnswerSchema.parse({
              item: viewOf(claim.record),
              source: { source: registry.id, name: registry.name, status: 'ok' },
            }),
          };
        }
        return send(request, claim.record, null, false);
      });
    });
  });
}
