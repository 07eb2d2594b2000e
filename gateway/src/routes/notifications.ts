import type { NotificationDetail, NotificationList, SourceStatus } from '@carpeta/sdk';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { byNewest } from '../connectors/dehu.ts';
import type { NotificationConnector, NotificationListResult } from '../connectors/types.ts';
import { sendError } from '../errors.ts';

export interface NotificationRoutesOptions {
  connectors: readonly NotificationConnector[];
  /** The citizen whose folder the request reads: always from the session, never from a parameter. */
  citizenId: (request: FastifyRequest) => string;
}

/** "<source>:<agency id>", as every portal notification id. */
const PORTAL_ID = /^([a-z0-9-]{1,40}):([A-Za-z0-9][A-Za-z0-9._-]{0,99})$/;

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

export function registerNotificationRoutes(app: FastifyInstance, options: NotificationRoutesOptions): void {
  /** Every source in parallel, each with its own timeout: one slow agency never blanks the page. */
  app.get('/api/notifications', async (request, reply) => {
    const citizenId = options.citizenId(request);
    const results = await Promise.all(
      options.connectors.map((connector) => listSafely(connector, citizenId)),
    );
    for (const result of results) {
      // The connector logs when an agency's state changes; per request this is only a debug line.
      if (result.status.status !== 'ok') request.log.debug({ source: result.status }, 'source degraded');
    }
    const body: NotificationList = {
      items: results.flatMap((result) => result.items).sort(byNewest),
      sources: results.map((result) => result.status),
    };
    return reply.header('cache-control', 'no-store').send(body);
  });

  app.get<{ Params: { id: string } }>('/api/notifications/:id', async (request, reply) => {
    const match = PORTAL_ID.exec(request.params.id);
    if (!match) return sendError(reply, 400, 'bad-request', 'That is not a valid notification id.');
    const [, sourceId = '', agencyId = ''] = match;
    const connector = options.connectors.find((candidate) => candidate.id === sourceId);
    if (!connector) return sendError(reply, 404, 'not-found', 'That notification does not exist.');

    let result: Awaited<ReturnType<NotificationConnector['get']>>;
    try {
      result = await connector.get(options.citizenId(request), agencyId);
    } catch (error) {
      request.log.error({ err: error, source: sourceId }, 'connector failed');
      return sendError(reply, 502, 'agency-unavailable', 'The service could not be consulted.', {
        source: sourceId,
      });
    }
    if (result.ok) {
      const body: NotificationDetail = { item: result.item, source: result.status };
      return reply.header('cache-control', 'no-store').send(body);
    }
    const message = result.status.message;
    switch (result.reason) {
      case 'not-found':
        return sendError(reply, 404, 'not-found', 'That notification does not exist.', { source: sourceId });
      case 'timeout':
        return sendError(reply, 504, 'agency-timeout', message ?? 'The service did not answer in time.', {
          source: sourceId,
        });
      case 'unavailable':
        return sendError(reply, 502, 'agency-unavailable', message ?? 'The service could not be reached.', {
          source: sourceId,
        });
      case 'invalid-response':
        return sendError(
          reply,
          502,
          'agency-invalid-response',
          message ?? 'The service answered in an unexpected format.',
          { source: sourceId },
        );
    }
  });
}
