import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { sendError } from '../errors.ts';

export const TELEMETRY_BODY_LIMIT = 8 * 1024;

const key = z.string().min(1).max(60);
const smallRecord = <T extends z.ZodType>(value: T) =>
  z.record(key, value).refine((record) => Object.keys(record).length <= 20, 'at most 20 keys');

const common = {
  /** Who reports: "shell", an MFE id… */
  source: z.string().min(1).max(60).optional(),
  /** Page path when it happened (no query string expected). */
  path: z.string().max(300).optional(),
  at: z.iso.datetime({ offset: true }).optional(),
};

/** What the shell (sdk `Telemetry`) reports: MFE load/mount errors and a few events. */
export const telemetrySchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('error'),
    message: z.string().min(1).max(1000),
    context: smallRecord(z.string().max(300)).optional(),
    ...common,
  }),
  z.object({
    type: z.literal('event'),
    name: z.string().min(1).max(100),
    data: smallRecord(z.union([z.string().max(300), z.number(), z.boolean()])).optional(),
    ...common,
  }),
]);
export type TelemetryReport = z.infer<typeof telemetrySchema>;

export interface TelemetryRouteOptions {
  /** Route config, e.g. `@fastify/rate-limit`'s `{ rateLimit }`. */
  config?: Record<string, unknown>;
  /** Whether this report may be written to the log (a log budget); every report is logged without it. */
  mayLog?: () => boolean;
}

export function registerTelemetryRoute(app: FastifyInstance, options: TelemetryRouteOptions = {}): void {
  const mayLog = options.mayLog ?? (() => true);
  app.post(
    '/api/telemetry',
    { bodyLimit: TELEMETRY_BODY_LIMIT, config: { ...options.config, public: true } },
    async (request, reply) => {
      const parsed = telemetrySchema.safeParse(request.body);
      if (!parsed.success) return sendError(reply, 400, 'bad-request', 'The report is not valid.');
      const report = parsed.data;
      if (mayLog()) {
        if (report.type === 'error') request.log.warn({ telemetry: report }, 'client reported an error');
        else request.log.info({ telemetry: report }, 'client event');
      }
      return reply.code(204).header('cache-control', 'no-store').send();
    },
  );
}
