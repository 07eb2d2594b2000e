import {
  MY_DATA_THEMES,
  type MyDataList,
  type MyDataRecord,
  type MyDataRefresh,
  myDataListSchema,
  myDataRefreshSchema,
  type MyDataConsultation,
  type MyDataConsultationPage,
  myDataConsultationPageSchema,
  myDataOppositionListSchema,
  myDataOppositionRequestSchema,
  myDataOppositionSchema,
  type ProofVerification,
  proofVerificationRequestSchema,
  proofVerificationSchema,
  type SourceStatus,
} from '@carpeta/sdk';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { LRUCache } from 'lru-cache';
import {
  citizenOf,
  failureReasonOf,
  sendSourceFailure,
  sourceFailureAnswer,
  splitPortalId,
} from '../agencies/answers.ts';
import { type Folder, isSourceFailure } from '../agencies/fan-out.ts';
import type { PortalDatabase } from '../db/index.ts';
import { sendError } from '../errors.ts';
import { createOppositionStore } from '../db/my-data-oppositions.ts';
import { PROOF_TEXT, proofLanguage } from '../proofs/messages.ts';
import { MY_DATA_PROOF_KIND, renderMyDataProof } from '../proofs/my-data-proof.ts';
import { createProofStore, issueProof, resolveProof } from '../proofs/store.ts';
import { errorAnswer, idempotentWrite } from './idempotent.ts';

const NOT_FOUND = 'That record does not exist.';

/**
 * The last value of each record the portal retrieved, per citizen: what a record shows, marked
 * "stale", when its source cannot be reached. Bounded; kept by this gateway process.
 */
export interface LastKnownRecords {
  get(citizenId: string, id: string): MyDataRecord | undefined;
  set(citizenId: string, record: MyDataRecord): void;
  /** Every record of a citizen from one source. */
  of(citizenId: string, sourceId: string): MyDataRecord[];
}

export function createLastKnownRecords(max = 50_000): LastKnownRecords {
  const records = new LRUCache<string, MyDataRecord>({ max });
  const byCitizen = new LRUCache<string, Set<string>>({ max: 10_000 });
  const key = (citizenId: string, id: string) => `${citizenId}\u0000${id}`;
  return {
    get: (citizenId, id) => records.get(key(citizenId, id)),
    set(citizenId, record) {
      records.set(key(citizenId, record.id), record);
      const ids = byCitizen.get(citizenId) ?? new Set<string>();
      ids.add(record.id);
      byCitizen.set(citizenId, ids);
    },
    of(citizenId, sourceId) {
      const found: MyDataRecord[] = [];
      for (const id of byCitizen.get(citizenId) ?? []) {
        const record = records.get(key(citizenId, id));
        if (record?.source === sourceId) found.push(record);
      }
      return found;
    },
  };
}

const byTitle = (a: MyDataRecord, b: MyDataRecord) =>
  a.title.localeCompare(b.title, 'es') || a.id.localeCompare(b.id);

/**
 * My data: GET /api/my-data (every record, grouped by theme, with its issuer, when it was retrieved
 * and whether its last refresh reached the source), POST /api/my-data/:id/refresh (the record asked
 * of its source now; a source that cannot be reached leaves the last value, marked "stale").
 */
export function registerMyDataRoutes(
  app: FastifyInstance,
  options: {
    folder: Folder;
    database: PortalDatabase;
    now: () => Date;
    portalOrigin: string;
    lastKnown?: LastKnownRecords;
  },
): void {
  const { folder } = options;
  const proofs = createProofStore(options.database.db);
  const oppositions = createOppositionStore(options.database.db);

  /** The record as last retrieved, else asked of its source now. */
  async function recordOf(citizenId: string, portalId: string) {
    const id = splitPortalId(portalId);
    const source = id ? folder.source(id.sourceId) : undefined;
    const data = source?.data;
    if (!id || !source || !data) return { kind: 'not-found' as const };
    const known = lastKnown.get(citizenId, portalId);
    if (known) return { kind: 'found' as const, record: known, source, data, agencyId: id.agencyId };
    const result = await folder.guard(source, () => data.get(citizenId, id.agencyId));
    if (isSourceFailure(result)) return { kind: 'failed' as const, status: result.status };
    if (!result.ok) {
      return result.reason === 'not-found'
        ? { kind: 'not-found' as const }
        : { kind: 'failed' as const, status: result.status };
    }
    lastKnown.set(citizenId, result.item);
    return { kind: 'found' as const, record: result.item, source, data, agencyId: id.agencyId };
  }
  const lastKnown = options.lastKnown ?? createLastKnownRecords();

  app.get('/api/my-data', async (request, reply) => {
    const citizenId = citizenOf(request);
    const serving = folder.sources.filter((source) => source.data !== undefined);
    const results = await Promise.all(serving.map((source) => folder.listOne(source, 'data', citizenId)));
    const records: MyDataRecord[] = [];
    const sources: SourceStatus[] = [];
    results.forEach((result, index) => {
      const source = serving[index];
      if (!source) return;
      sources.push(result.status);
      if (result.status.status !== 'ok') {
        // The source could not be read: what was retrieved before, marked as not refreshed.
        for (const record of lastKnown.of(citizenId, source.id)) {
          records.push({ ...record, state: 'stale' });
        }
        return;
      }
      for (const record of result.items) {
        const known = lastKnown.get(citizenId, record.id);
        // A record refreshed (or that failed to refresh) after this listing was cached wins.
        if (known && known.retrievedAt >= record.retrievedAt) records.push(known);
        else {
          lastKnown.set(citizenId, record);
          records.push(record);
        }
      }
    });
    const body: MyDataList = myDataListSchema.parse({
      themes: MY_DATA_THEMES.map((theme) => ({
        theme,
        items: records.filter((record) => record.theme === theme).sort(byTitle),
      })),
      sources,
    });
    return reply.header('cache-control', 'no-store').send(body);
  });

  app.post<{ Params: { id: string } }>('/api/my-data/:id/refresh', async (request, reply) => {
    const id = splitPortalId(request.params.id);
    if (!id) return sendError(reply, 400, 'bad-request', 'That is not a valid record id.');
    const source = folder.source(id.sourceId);
    const data = source?.data;
    if (!source || !data) return sendError(reply, 404, 'not-found', NOT_FOUND);
    const citizenId = citizenOf(request);
    return idempotentWrite(
      request,
      reply,
      { database: options.database, operation: 'my-data-refresh', now: options.now },
      async () => {
        const result = await folder.guard(source, () => data.get(citizenId, id.agencyId));
        const failed = isSourceFailure(result)
          ? { reason: failureReasonOf(result.status.status), status: result.status }
          : result.ok
            ? null
            : { reason: result.reason, status: result.status };
        if (!isSourceFailure(result) && result.ok) {
          if (result.item.id !== request.params.id) {
            return errorAnswer(
              request,
              502,
              'agency-invalid-response',
              'The service answered another record.',
            );
          }
          lastKnown.set(citizenId, result.item);
          const body: MyDataRefresh = myDataRefreshSchema.parse({ item: result.item, source: result.status });
          return { status: 200, body };
        }
        if (!failed || failed.reason === 'not-found') {
          return errorAnswer(request, 404, 'not-found', NOT_FOUND, source.id);
        }
        const known = lastKnown.get(citizenId, request.params.id);
        if (!known) return sourceFailureAnswer(request, failed.reason, failed.status, NOT_FOUND);
        // Could not refresh: the last value stays, marked as such, with why.
        const stale: MyDataRecord = { ...known, state: 'stale' };
        lastKnown.set(citizenId, stale);
        const body: MyDataRefresh = myDataRefreshSchema.parse({ item: stale, source: failed.status });
        return { status: 200, body };
      },
    );
  });

  /**
   * A PDF proof of one record as the portal last retrieved it (asked of its source when it has not
   * been yet): a new verification code each time, its SHA-256 stored with the code. Written in the
   * language `?lang=` names (a portal language code), Spanish otherwise.
   */
  app.get<{ Params: { id: string }; Querystring: { lang?: unknown } }>(
    '/api/my-data/:id/proof.pdf',
    async (request, reply) => {
      const language = proofLanguage(request.query.lang);
      const id = splitPortalId(request.params.id);
      if (!id) return sendError(reply, 400, 'bad-request', 'That is not a valid record id.');
      const source = folder.source(id.sourceId);
      const data = source?.data;
      if (!source || !data) return sendError(reply, 404, 'not-found', NOT_FOUND);
      const identity = request.identity;
      if (!identity) throw new Error('a private route ran without the guard');
      const citizenId = identity.subjectId;
      let record = lastKnown.get(citizenId, request.params.id);
      if (!record) {
        const result = await folder.guard(source, () => data.get(citizenId, id.agencyId));
        if (isSourceFailure(result)) {
          return sendError(
            reply,
            502,
            'agency-unavailable',
            result.status.message ?? 'The service could not be reached.',
            {
              source: source.id,
            },
          );
        }
        if (!result.ok) {
          return result.reason === 'not-found'
            ? sendError(reply, 404, 'not-found', NOT_FOUND)
            : sendError(
                reply,
                502,
                'agency-unavailable',
                result.status.message ?? 'The service could not be reached.',
                {
                  source: source.id,
                },
              );
        }
        record = result.item;
        lastKnown.set(citizenId, record);
      }
      const { citizen, actingFor } = identity.session;
      const holder = actingFor && actingFor.nif === citizenId ? actingFor : citizen;
      const proofRecord = record;
      const proof = await issueProof({
        kind: MY_DATA_PROOF_KIND,
        subjectNif: citizenId,
        reference: record.id,
        issuedAt: options.now(),
        render: (code) =>
          renderMyDataProof({
            record: proofRecord,
            subjectNif: citizenId,
            subjectName: holder.displayName,
            code,
            issuedAt: options.now(),
            portalOrigin: options.portalOrigin,
            language,
          }),
      });
      await proofs.save(proof);
      return reply
        .header('cache-control', 'no-store')
        .header(
          'content-disposition',
          `attachment; filename="${PROOF_TEXT[language].myData.fileName}-${id.agencyId}.pdf"`,
        )
        .type('application/pdf')
        .send(Buffer.from(proof.document));
    },
  );

  /** Who consulted a record: filterable by administration and result, paginated, or all as CSV. */
  app.get<{
    Params: { id: string };
    Querystring: {
      administration?: string;
      result?: string;
      page?: string;
      pageSize?: string;
      format?: string;
    };
  }>('/api/my-data/:id/consultations', async (request, reply) => {
    const citizenId = citizenOf(request);
    const id = splitPortalId(request.params.id);
    const source = id ? folder.source(id.sourceId) : undefined;
    const consultations = source?.data?.consultations?.bind(source.data);
    if (!id || !source || !consultations) return sendError(reply, 404, 'not-found', NOT_FOUND);
    const query = request.query;
    const page = Number(query.page ?? '1');
    const pageSize = Number(query.pageSize ?? '20');
    if (
      !Number.isInteger(page) ||
      page < 1 ||
      !Number.isInteger(pageSize) ||
      pageSize < 1 ||
      pageSize > 100 ||
      (query.result !== undefined && query.result !== 'served' && query.result !== 'refused') ||
      (query.administration !== undefined && !/^[A-Z0-9]{9}$/.test(query.administration))
    ) {
      return sendError(reply, 400, 'bad-request', 'Those filters are not valid.');
    }
    const result = await folder.guard(source, () => consultations(citizenId, id.agencyId));
    if (isSourceFailure(result)) {
      return sendSourceFailure(reply, failureReasonOf(result.status.status), result.status, NOT_FOUND);
    }
    if (!result.ok) return sendSourceFailure(reply, result.reason, result.status, NOT_FOUND);
    const all = result.item;
    const matching = all.filter(
      (item) =>
        (query.administration === undefined || item.administration.dir3 === query.administration) &&
        (query.result === undefined || item.result === query.result),
    );
    if (query.format === 'csv') {
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="consultas-${id.agencyId}.csv"`)
        .type('text/csv; charset=utf-8')
        .send(`\uFEFF${consultationsCsv(matching)}`);
    }
    const administrations = new Map(all.map((item) => [item.administration.dir3, item.administration]));
    const body: MyDataConsultationPage = myDataConsultationPageSchema.parse({
      items: matching.slice((page - 1) * pageSize, page * pageSize),
      total: matching.length,
      page,
      pageSize,
      administrations: [...administrations.values()].sort((a, b) => a.name.localeCompare(b.name, 'es')),
      source: result.status,
    });
    return reply.header('cache-control', 'no-store').send(body);
  });

  app.get('/api/my-data/oppositions', async (request, reply) => {
    const body = myDataOppositionListSchema.parse({ items: await oppositions.list(citizenOf(request)) });
    return reply.header('cache-control', 'no-store').send(body);
  });

  /** Registers an opposition (stored here, sent to the platform); refused where the law does not allow it. */
  app.post('/api/my-data/oppositions', async (request, reply) => {
    const parsed = myDataOppositionRequestSchema.safeParse(request.body);
    if (!parsed.success) {
      return sendError(reply, 400, 'bad-request', 'Say which record, which administration (or all) and why.');
    }
    const input = parsed.data;
    const citizenId = citizenOf(request);
    return idempotentWrite(
      request,
      reply,
      { database: options.database, operation: 'my-data-oppose', now: options.now },
      async () => {
        const found = await recordOf(citizenId, input.recordId);
        if (found.kind === 'not-found') return errorAnswer(request, 404, 'not-found', NOT_FOUND);
        if (found.kind === 'failed') {
          return sourceFailureAnswer(request, failureReasonOf(found.status.status), found.status, NOT_FOUND);
        }
        const why = OPPOSITION_NOT_ALLOWED[found.record.theme];
        if (why) return errorAnswer(request, 422, 'bad-request', why);
        const oppose = found.data.oppose?.bind(found.data);
        if (!oppose) return errorAnswer(request, 404, 'not-found', NOT_FOUND);
        const sent = await folder.guard(found.source, () =>
          oppose(citizenId, found.record.type, input.administration, true),
        );
        if (isSourceFailure(sent)) {
          return sourceFailureAnswer(request, failureReasonOf(sent.status.status), sent.status, NOT_FOUND);
        }
        if (!sent.ok) return sourceFailureAnswer(request, sent.reason, sent.status, NOT_FOUND);
        const administration =
          input.administration === null
            ? null
            : {
                dir3: input.administration,
                name: input.administrationName ?? nameOf(input.administration, found.record),
              };
        const stored = await oppositions.add(
          citizenId,
          {
            recordId: found.record.id,
            dataType: found.record.type,
            dataTitle: found.record.title,
            administration,
            reason: input.reason,
          },
          options.now(),
        );
        return { status: 201, body: myDataOppositionSchema.parse(stored) };
      },
    );
  });

  app.post<{ Params: { oppositionId: string } }>(
    '/api/my-data/oppositions/:oppositionId/withdraw',
    async (request, reply) => {
      const citizenId = citizenOf(request);
      return idempotentWrite(
        request,
        reply,
        { database: options.database, operation: 'my-data-withdraw', now: options.now },
        async () => {
          const current = (await oppositions.list(citizenId)).find(
            (item) => item.id === request.params.oppositionId,
          );
          if (!current) return errorAnswer(request, 404, 'not-found', 'There is no such opposition.');
          if (current.withdrawnAt) return { status: 200, body: current };
          const id = splitPortalId(current.recordId);
          const source = id ? folder.source(id.sourceId) : undefined;
          const oppose = source?.data?.oppose?.bind(source.data);
          if (!source || !oppose) return errorAnswer(request, 404, 'not-found', NOT_FOUND);
          const sent = await folder.guard(source, () =>
            oppose(citizenId, current.dataType, current.administration?.dir3 ?? null, false),
          );
          if (isSourceFailure(sent)) {
            return sourceFailureAnswer(request, failureReasonOf(sent.status.status), sent.status, NOT_FOUND);
          }
          if (!sent.ok) return sourceFailureAnswer(request, sent.reason, sent.status, NOT_FOUND);
          const withdrawn = await oppositions.withdraw(citizenId, current.id, options.now());
          return { status: 200, body: myDataOppositionSchema.parse(withdrawn) };
        },
      );
    },
  );
}

/** Law 39/2015 art. 28.2 yields to a law that says otherwise: the tax agency's own data for tax purposes. */
export const OPPOSITION_NOT_ALLOWED: Partial<Record<MyDataRecord['theme'], string>> = {
  tax: 'Tax data cannot be opposed: the tax administration consults it for tax purposes by law (Ley 58/2003, General Tributaria, arts. 93 and 95), an exception to Law 39/2015, art. 28.2.',
};

const CSV_HEADER = ['fecha', 'administracion', 'dir3', 'procedimiento', 'base_legal', 'resultado'];

/** One CSV field: quoted, quotes doubled; a leading = + - @ neutralised (no formulas in a spreadsheet). */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function consultationsCsv(items: readonly MyDataConsultation[]): string {
  const lines = [CSV_HEADER.join(',')];
  for (const item of items) {
    lines.push(
      [
        item.at,
        item.administration.name,
        item.administration.dir3,
        item.procedure,
        item.legalBasis,
        item.result,
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Most verification requests one client may make per minute (codes are unguessable; this slows trying). */
export const VERIFY_PER_MINUTE = 20;
/** A proof is a few pages of text: its bytes, base64, in JSON. */
const VERIFY_BODY_LIMIT = 8 * 1024 * 1024;

/**
 * POST /api/verify (public, rate-limited by the caller's scope): does this file match the proof
 * issued with this code? Genuine, altered or unknown; nothing about the proof without the code,
 * and only its kind and date with a genuine file.
 */
export function registerVerifyRoute(
  scope: FastifyInstance,
  options: { database: PortalDatabase; config: Record<string, unknown> },
): void {
  scope.post(
    '/api/verify',
    { bodyLimit: VERIFY_BODY_LIMIT, config: { ...options.config, public: true } },
    async (request, reply) => {
      const parsed = proofVerificationRequestSchema.safeParse(request.body);
      const input = parsed.success ? parsed.data : null;
      if (!input || (input.sha256 === undefined) === (input.documentBase64 === undefined)) {
        return sendError(
          reply,
          400,
          'bad-request',
          'Send the verification code and either the SHA-256 of the file or the file itself.',
        );
      }
      const hash =
        input.sha256?.toLowerCase() ??
        createHash('sha256')
          .update(Buffer.from(input.documentBase64 ?? '', 'base64'))
          .digest('hex');
      const resolved = await resolveProof(options.database.db, input.code);
      let body: ProofVerification;
      if (!resolved) body = { result: 'unknown', kind: null, issuedAt: null };
      else if (timingSafeEqual(Buffer.from(resolved.hash, 'hex'), Buffer.from(hash, 'hex'))) {
        body = { result: 'genuine', kind: resolved.kind, issuedAt: resolved.issuedAt.toISOString() };
      } else body = { result: 'altered', kind: null, issuedAt: null };
      return reply.header('cache-control', 'no-store').send(proofVerificationSchema.parse(body));
    },
  );
}

/** The name of an administration known from the record (its issuer) or the DIR3 code itself. */
function nameOf(dir3: string, record: MyDataRecord): string {
  return record.issuer.dir3 === dir3 ? record.issuer.name : dir3;
}
