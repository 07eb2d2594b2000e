import { stringify } from 'csv-stringify/sync';
import { HttpResponse, http, type HttpHandler } from 'msw';
import { createFaultController, type FaultController, faultControlHandlers, injectFault } from '../faults.ts';
import { REGION_COLUMNS, type RegionRow, regionRows } from './region-data.ts';
import { NIF_PATTERN } from './regional-common.ts';

export * from './region-data.ts';

/**
 * A simulated Comunidad de Madrid file tracking system that only offers CSV exports:
 *
 *   GET {base}/exportaciones/expedientes.csv?nif={nif}   → text/csv (";" separated, header row,
 *       UTF-8 with a byte order mark, CRLF, decimal commas, dates "dd/MM/yyyy")
 *   a bad NIF                                           → 400 text/plain
 *
 * A citizen the region does not know gets the header row only. In "garbage" mode it sends broken
 * CSV: an unterminated quote ("truncated") or rows with the wrong number of columns ("wrong-shape").
 */
export const REGION_EXPORT_PATH = '/exportaciones/expedientes.csv';

export interface RegionHandlerOptions {
  now?: Date;
  baseUrl?: string;
  faults?: FaultController;
}

const CSV_TYPE = 'text/csv; charset=utf-8';

/** The export as the region writes it. */
export function regionCsv(rows: readonly RegionRow[]): string {
  return stringify(rows as RegionRow[], {
    header: true,
    columns: [...REGION_COLUMNS],
    delimiter: ';',
    record_delimiter: 'windows',
    bom: true,
  });
}

const header = REGION_COLUMNS.join(';');
/** An export cut inside a quoted field. */
export const BROKEN_CSV_UNTERMINATED = `${header}\r\nAYU/2026/000001;"Ayudas;"Asunto sin cerrar;Consejería\r\n`;
/** An export whose rows do not have the header's number of columns. */
export const BROKEN_CSV_COLUMNS = `${header}\r\nAYU/2026/000001;Ayudas;Asunto\r\nAYU/2026/000002;Ayudas;Asunto;1;2;3;4;5;6;7;8;9;10;11\r\n`;

export function regionHandlers(options: RegionHandlerOptions = {}): HttpHandler[] {
  const base = (options.baseUrl ?? '*').replace(/\/$/, '');
  const faults = options.faults ?? createFaultController();
  const now = options.now ?? new Date();

  return [
    ...faultControlHandlers(faults, base),

    http.get(`${base}${REGION_EXPORT_PATH}`, async ({ request }) => {
      const state = faults.get();
      if (state.mode === 'garbage') {
        const text = state.garbage === 'truncated' ? BROKEN_CSV_UNTERMINATED : BROKEN_CSV_COLUMNS;
        return new HttpResponse(text, { status: 200, headers: { 'content-type': CSV_TYPE } });
      }
      const fault = await injectFault(faults, request);
      if (fault) return fault;
      const nif = (new URL(request.url).searchParams.get('nif') ?? '').toUpperCase();
      if (!NIF_PATTERN.test(nif)) {
        return new HttpResponse('ERROR: el parámetro nif no es un NIF/NIE válido.', {
          status: 400,
          headers: { 'content-type': 'text/plain; charset=utf-8' },
        });
      }
      return new HttpResponse(regionCsv(regionRows(nif, now)), {
        status: 200,
        headers: {
          'content-type': CSV_TYPE,
          'content-disposition': `attachment; filename="expedientes-${nif}.csv"`,
        },
      });
    }),
  ];
}
