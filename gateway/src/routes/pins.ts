import { type PinList, pinListSchema, pinRequestSchema } from '@carpeta/sdk';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { auditWrite, citizenOf } from '../agencies/answers.ts';
import type { PortalDatabase } from '../db/index.ts';
import { createPinStore, MAX_PINS_PER_CITIZEN, type PinStore } from '../db/pins.ts';
import { sendError } from '../errors.ts';
import { errorAnswer, idempotentWrite } from './idempotent.ts';

const TARGET = /^[^\s<>]{1,200}$/;

async function listOf(store: PinStore, citizenId: string): Promise<PinList> {
  const pins = await store.list(citizenId);
  return pinListSchema.parse({
    items: pins.map((pin) => ({
      target: pin.target,
      label: pin.label,
      pinnedAt: pin.pinnedAt.toISOString(),
    })),
  });
}

/**
 * The citizen's favourites on the home, stored in the database: GET /api/pins, POST /api/pins
 * (idempotent, recorded), DELETE /api/pins?target= (recorded). Both writes answer the list after.
 */
export function registerPinRoutes(
  app: FastifyInstance,
  options: { database: PortalDatabase; now: () => Date; store?: PinStore },
): void {
  const { database, now } = options;
  const store = options.store ?? createPinStore(database.db);

  app.get('/api/pins', async (request, reply) => {
    return reply.header('cache-control', 'no-store').send(await listOf(store, citizenOf(request)));
  });

  app.post('/api/pins', async (request: FastifyRequest, reply) => {
    const parsed = pinRequestSchema.safeParse(request.body);
    if (!parsed.success) {
      return sendError(
        reply,
        400,
        'bad-request',
        'A pin needs a target (an address or an item) and a label.',
      );
    }
    const { target, label } = parsed.data;
    return idempotentWrite(request, reply, { database, operation: 'pin-add', now }, async () => {
      const citizenId = citizenOf(request);
      const at = now();
      const added = await store.add(citizenId, target, label, at);
      if (added === 'limit') {
        return errorAnswer(
          request,
          409,
          'conflict',
          `You can pin up to ${MAX_PINS_PER_CITIZEN} items. Remove one to pin another.`,
        );
      }
      await auditWrite(database, request, at, 'pin-added', { target });
      return { status: added === 'added' ? 201 : 200, body: await listOf(store, citizenId) };
    });
  });

  app.delete<{ Querystring: { target?: unknown } }>('/api/pins', async (request, reply) => {
    const target = request.query.target;
    if (typeof target !== 'string' || !TARGET.test(target)) {
      return sendError(reply, 400, 'bad-request', 'Say which pin to remove (?target=).');
    }
    const citizenId = citizenOf(request);
    // Removing is idempotent by nature: a second removal finds nothing and answers the same list.
    if (await store.remove(citizenId, target)) {
      await auditWrite(database, request, now(), 'pin-removed', { target });
    }
    return reply.header('cache-control', 'no-store').send(await listOf(store, citizenId));
  });
}
