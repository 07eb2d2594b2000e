import { type ExpiringDocumentList, expiringDocumentListSchema } from '@carpeta/sdk';
import type { FastifyInstance } from 'fastify';
import { citizenOf } from '../agencies/answers.ts';
import type { Folder } from '../agencies/fan-out.ts';

/** Documents about to expire (identity card, passport, driving licence, vehicle inspection). */
export function registerDocumentRoutes(app: FastifyInstance, options: { folder: Folder }): void {
  app.get('/api/documents', async (request, reply) => {
    const answer = await options.folder.list('documents', citizenOf(request));
    const items = answer.items.sort(
      (a, b) => a.expiresOn.localeCompare(b.expiresOn) || a.id.localeCompare(b.id),
    );
    const body: ExpiringDocumentList = expiringDocumentListSchema.parse({ items, sources: answer.sources });
    return reply.header('cache-control', 'no-store').send(body);
  });
}
