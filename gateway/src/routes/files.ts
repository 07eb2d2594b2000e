import { type FileDetail, type FileList, fileDetailSchema, fileListSchema } from '@carpeta/sdk';
import type { FastifyInstance } from 'fastify';
import { citizenOf, failureReasonOf, sendSourceFailure, splitPortalId } from '../agencies/answers.ts';
import { type Folder, isSourceFailure } from '../agencies/fan-out.ts';
import { sendError } from '../errors.ts';

const NOT_FOUND = 'That file does not exist.';

/** Newest activity first; ties by id so that the order is stable. */
const byUpdated = (a: { updatedAt: string; id: string }, b: { updatedAt: string; id: string }) =>
  b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id);

/** Open files (expedientes) of every administration: GET /api/files, GET /api/files/:id. */
export function registerFileRoutes(app: FastifyInstance, options: { folder: Folder }): void {
  const { folder } = options;

  app.get('/api/files', async (request, reply) => {
    const answer = await folder.list('files', citizenOf(request));
    const body: FileList = fileListSchema.parse({
      items: answer.items.sort(byUpdated),
      sources: answer.sources,
    });
    return reply.header('cache-control', 'no-store').send(body);
  });

  app.get<{ Params: { id: string } }>('/api/files/:id', async (request, reply) => {
    const id = splitPortalId(request.params.id);
    if (!id) return sendError(reply, 400, 'bad-request', 'That is not a valid file id.');
    const source = folder.source(id.sourceId);
    const files = source?.files;
    if (!source || !files) return sendError(reply, 404, 'not-found', NOT_FOUND);
    const result = await folder.guard(source, () => files.get(citizenOf(request), id.agencyId));
    if (isSourceFailure(result)) {
      return sendSourceFailure(reply, failureReasonOf(result.status.status), result.status, NOT_FOUND);
    }
    if (!result.ok) return sendSourceFailure(reply, result.reason, result.status, NOT_FOUND);
    const checked = fileDetailSchema.safeParse({ item: result.item, source: result.status });
    if (!checked.success || result.item.id !== request.params.id) {
      request.log.warn({ source: source.id }, 'a file outside the contract was not shown');
      return sendSourceFailure(
        reply,
        'invalid-response',
        { source: source.id, name: source.name, status: 'invalid-response' },
        NOT_FOUND,
      );
    }
    const body: FileDetail = checked.data;
    return reply.header('cache-control', 'no-store').send(body);
  });
}
