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

/** One row of the count of remote errors: per MFE, version, variant and code. */
export interface RemoteErrorCount {
  mfe: string;
  version: string;
  variant: string;
  code: string;
  count: number;
}

/**
 * Counts the shell's reports of MFEs that failed to load or mount, per MFE, version, variant
 * (stable, canary, override) and error code, so that a canary's errors can be set against the
 * stable version's while it rolls out. In memory, per gateway process, bounded; the log keeps
 * every report (`telemetry.context`) for a central count across replicas.
 */
export function createRemoteErrorCounts(maxRows = 1000) {
  const rows = new Map<string, RemoteErrorCount>();
  return {
    record(report: TelemetryReport): void {
      if (report.type !== 'error') return;
      const context = report.context ?? {};
      const { mfe, code, variant = 'stable', version = 'unknown' } = context;
      if (!mfe || !code || !/^CARPETA-E\d{3}$/.test(code)) return;
      const key = JSON.stringify([mfe, version, variant, code]);
      const row = rows.get(key);
      if (row) row.count += 1;
      else if (rows.size < maxRows) rows.set(key, { mfe, version, variant, code, count: 1 });
    },
    list(): RemoteErrorCount[] {
      return [...rows.values()]
        .map((row) => ({ ...row }))
        .sort(
          (a, b) =>
            a.mfe.localeCompare(b.mfe) || a.version.localeCompare(b.version) || a.code.localeCompare(b.code),
        );
    },
  };
}
export type RemoteErrorCounts = ReturnType<typeof createRemoteErrorCounts>;

export interface TelemetryRouteOptions {
  /** Where remote errors are counted per version (canary against stable). */
  counts?: RemoteErrorCounts;
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
      options.counts?.record(report);
      if (mayLog()) {
        if (report.type === 'error') request.log.warn({ telemetry: report }, 'client reported an error');
        else request.log.info({ telemetry: report }, 'client event');
      }
      return reply.code(204).header('cache-control', 'no-store').send();
    },
  );
}
