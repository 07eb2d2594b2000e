import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { strToU8, Zip, ZipDeflate } from 'fflate';
import { citizenOf } from '../agencies/answers.ts';
import type { Folder } from '../agencies/fan-out.ts';
import type { PortalDatabase } from '../db/index.ts';
import { createOppositionStore } from '../db/my-data-oppositions.ts';

/** One CSV field, quoted; a leading = + - @ neutralised so that a spreadsheet runs no formula. */
function field(value: unknown): string {
  const text =
    value === null || value === undefined
      ? ''
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** Rows of objects as CSV: one column per top-level key (nested values as JSON). */
export function toCsv(rows: readonly Record<string, unknown>[]): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const lines = [columns.map(field).join(',')];
  for (const row of rows) lines.push(columns.map((column) => field(row[column])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * GET /api/export.zip: everything the portal shows of the citizen (notifications, files,
 * appointments, expiring documents, my data and oppositions), each as JSON and CSV, with how every
 * source answered, streamed as a ZIP while each part is read (nothing is kept whole in memory).
 */
export function registerExportRoute(
  app: FastifyInstance,
  options: { folder: Folder; database: PortalDatabase; now: () => Date },
): void {
  const oppositions = createOppositionStore(options.database.db);

  app.get('/api/export.zip', async (request, reply) => {
    const citizenId = citizenOf(request);
    const out = new PassThrough();
    const zip = new Zip((error, chunk, final) => {
      if (error) {
        out.destroy(error);
        return;
      }
      out.write(Buffer.from(chunk));
      if (final) out.end();
    });
    const add = (name: string, text: string) => {
      const entry = new ZipDeflate(name, { level: 6 });
      zip.add(entry);
      entry.push(strToU8(text), true);
    };

    const produce = async () => {
      const sources: unknown[] = [];
      for (const domain of ['notifications', 'files', 'appointments', 'documents'] as const) {
        const answer = await options.folder.list(domain, citizenId);
        sources.push({ domain, sources: answer.sources });
        add(`${domain}.json`, JSON.stringify(answer.items, null, 2));
        add(`${domain}.csv`, toCsv(answer.items as unknown as Record<string, unknown>[]));
      }
      const data = await options.folder.list('data', citizenId);
      sources.push({ domain: 'data', sources: data.sources });
      add('my-data.json', JSON.stringify(data.items, null, 2));
      add(
        'my-data.csv',
        toCsv(
          data.items.flatMap((record) =>
            record.fields.map((item) => ({
              id: record.id,
              theme: record.theme,
              title: record.title,
              issuer: record.issuer.name,
              issuerDir3: record.issuer.dir3,
              retrievedAt: record.retrievedAt,
              label: item.label,
              value: item.value,
            })),
          ),
        ),
      );
      const mine = await oppositions.list(citizenId);
      add('my-data-oppositions.json', JSON.stringify(mine, null, 2));
      add('my-data-oppositions.csv', toCsv(mine as unknown as Record<string, unknown>[]));
      add(
        'README.json',
        JSON.stringify({ citizen: citizenId, exportedAt: options.now().toISOString(), sources }, null, 2),
      );
      zip.end();
    };
    produce().catch((error: unknown) => {
      request.log.error({ err: error }, 'the export failed midway');
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    });

    const day = options.now().toISOString().slice(0, 10);
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="carpeta-${day}.zip"`)
      .type('application/zip')
      .send(out);
  });
}
