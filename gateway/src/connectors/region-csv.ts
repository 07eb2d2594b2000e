import { type CitizenFile, citizenFileSchema, type FileStatus } from '@carpeta/sdk';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { ConnectorFactory } from '../agencies/types.ts';
import {
  blankToNull,
  createSourceKit,
  endOfMadridDay,
  madridInstant,
  type Rejected,
  reject,
  toIso,
} from './regional-kit.ts';
import type { GetResult, ListResult, SourceConnector } from './types.ts';

/*
 * Connector for an autonomous community that only offers CSV exports (modelled on the Comunidad de
 * Madrid): ";" separated, a header row, a byte order mark, decimal commas, dates "dd/MM/yyyy"
 * without a time, statuses as words. Parsed with csv-parse (never by hand); each row is validated
 * on its own, so one bad row costs only itself. A CSV that cannot be parsed at all (an unterminated
 * quote) is an invalid answer.
 */

export const REGION_EXPORT_PATH = '/exportaciones/expedientes.csv';

/** The columns the connector needs; the export may add others, in any order. */
export const REGION_REQUIRED_COLUMNS = [
  'NUM_EXPEDIENTE',
  'PROCEDIMIENTO',
  'ASUNTO',
  'CONSEJERIA',
  'UNIDAD_GESTORA',
  'SITUACION',
  'FECHA_SOLICITUD',
  'FECHA_ULTIMO_TRAMITE',
  'FECHA_LIMITE',
  'IMPORTE_EUR',
  'ENLACE',
] as const;

/** "dd/MM/yyyy" */
const DAY = /^(\d{2})\/(\d{2})\/(\d{4})$/;
/** "1.234,56", "614,7", "1500" */
const AMOUNT = /^-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d{1,2})?$/;
/** The agency's file number as it may appear (it contains "/"). */
const NUM = /^[A-Za-z0-9][A-Za-z0-9/._-]{0,99}$/;

const SITUACION: Record<string, FileStatus> = {
  Solicitada: 'started',
  'En tramitación': 'in-progress',
  'Requerida documentación': 'requirement',
  Concedida: 'resolved',
  Denegada: 'resolved',
  Archivada: 'archived',
  Desistida: 'archived',
};

export const regionRowSchema = z.object({
  NUM_EXPEDIENTE: z.string().regex(NUM),
  PROCEDIMIENTO: z.string(),
  ASUNTO: z.string().min(1),
  CONSEJERIA: z.string(),
  UNIDAD_GESTORA: z.string(),
  SITUACION: z.string(),
  FECHA_SOLICITUD: z.string().regex(DAY),
  FECHA_ULTIMO_TRAMITE: z.string().regex(DAY),
  FECHA_LIMITE: z.string(),
  IMPORTE_EUR: z.string(),
  ENLACE: z.string(),
});

function dayParts(value: string): [number, number, number] | null {
  const match = DAY.exec(value);
  if (!match) return null;
  return [Number(match[3]), Number(match[2]), Number(match[1])];
}

/** "dd/MM/yyyy" → the first instant of that Madrid day, or null when it is not a day. */
export function parseRegionDay(value: string): Date | null {
  const parts = dayParts(value);
  return parts ? madridInstant(...parts) : null;
}

/** "dd/MM/yyyy" → the last instant of that Madrid day (a deadline given as a day). */
export function parseRegionDeadline(value: string): Date | null {
  const parts = dayParts(value);
  return parts ? endOfMadridDay(...parts) : null;
}

/** "1.234,56" → 1234.56; null when it is not an amount written with a decimal comma. */
export function parseRegionAmount(value: string): number | null {
  if (!AMOUNT.test(value)) return null;
  return Number(value.replaceAll('.', '').replace(',', '.'));
}

/** The portal id's agency part: the file number with "/" as "-". */
export const regionAgencyId = (num: string) => num.replaceAll('/', '-');

/** One row (header → value) → a portal CitizenFile, or why it cannot be used. */
export function normaliseRegionRow(
  raw: unknown,
  source: string,
  issuer: { dir3: string; name: string },
): CitizenFile | Rejected {
  const parsed = regionRowSchema.safeParse(raw);
  if (!parsed.success) return reject('malformed');
  const row = parsed.data;
  const status = SITUACION[row.SITUACION.trim()];
  if (!status) return reject('unknown status');
  const startedAt = parseRegionDay(row.FECHA_SOLICITUD);
  const updatedAt = parseRegionDay(row.FECHA_ULTIMO_TRAMITE);
  if (!startedAt || !updatedAt) return reject('bad date');
  let deadline: Date | null = null;
  if (row.FECHA_LIMITE.trim() !== '') {
    deadline = parseRegionDeadline(row.FECHA_LIMITE.trim());
    if (!deadline) return reject('bad date');
  }
  let amount: number | null = null;
  if (row.IMPORTE_EUR.trim() !== '') {
    amount = parseRegionAmount(row.IMPORTE_EUR.trim());
    if (amount === null) return reject('bad amount');
  }
  const amountText = amount === null ? null : `Importe: ${amount.toFixed(2)} EUR`;
  const timeline: CitizenFile['timeline'] = [
    { status: 'started', at: toIso(startedAt), description: status === 'started' ? amountText : null },
  ];
  if (status !== 'started') timeline.push({ status, at: toIso(updatedAt), description: amountText });
  const link = row.ENLACE.trim();
  const candidate: CitizenFile = {
    id: `${source}:${regionAgencyId(row.NUM_EXPEDIENTE)}`,
    source,
    issuer,
    handler: blankToNull(row.UNIDAD_GESTORA) ?? blankToNull(row.CONSEJERIA) ?? issuer.name,
    title: row.ASUNTO,
    procedure: blankToNull(row.PROCEDIMIENTO),
    reference: row.NUM_EXPEDIENTE,
    status,
    open: status !== 'resolved' && status !== 'archived',
    startedAt: toIso(startedAt),
    updatedAt: toIso(updatedAt),
    deadline: deadline ? toIso(deadline) : null,
    timeline,
    documents: [],
    serviceUrl: /^https:\/\/\S+$/.test(link) ? link : null,
  };
  const checked = citizenFileSchema.safeParse(candidate);
  return checked.success ? checked.data : reject('outside the portal schema');
}

export type RegionCsv = { ok: true; rows: unknown[] } | { ok: false; problem: string };

/**
 * Parses an export: the header names the columns; a row whose number of fields differs from the
 * header's is kept as a bad row (skipped later, with the others read), not a failure of the whole.
 */
export function parseRegionCsv(text: string): RegionCsv {
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: ';',
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message.slice(0, 200) : 'unparseable CSV' };
  }
  const [header, ...rows] = records;
  if (!header) return { ok: false, problem: 'no header row' };
  const missing = REGION_REQUIRED_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) return { ok: false, problem: `missing columns: ${missing.join(', ')}` };
  return {
    ok: true,
    rows: rows.map((fields) =>
      fields.length === header.length
        ? Object.fromEntries(header.map((column, index) => [column, fields[index]]))
        : { wrongColumnCount: fields.length },
    ),
  };
}

const byUpdatedDesc = (a: CitizenFile, b: CitizenFile) =>
  b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id);

export const createRegionCsvSource: ConnectorFactory = (entry, deps) => {
  const kit = createSourceKit(entry, deps);
  const { source, client } = kit;
  const issuer = { dir3: entry.dir3, name: entry.name };

  async function list(citizenId: string): Promise<ListResult<CitizenFile>> {
    const path = `${REGION_EXPORT_PATH}?nif=${encodeURIComponent(citizenId)}`;
    const classified = kit.classify(await client.get(path, { accept: 'text/csv' }), path);
    if (!classified.ok) return { items: [], status: classified.status };
    if (classified.httpStatus === 400 || classified.httpStatus === 404) {
      // Not a NIF the region takes, or nobody there: nothing to show.
      client.report('ok');
      return { items: [], status: kit.status('ok') };
    }
    if (classified.httpStatus !== 200 || !/^text\/csv\b/i.test(classified.contentType)) {
      return {
        items: [],
        status: kit.invalid(path, `HTTP ${classified.httpStatus} ${classified.contentType}`).status,
      };
    }
    const csv = parseRegionCsv(classified.text);
    if (!csv.ok) return { items: [], status: kit.invalid(path, csv.problem).status };
    client.report('ok');
    const result = kit.readRecords('files', csv.rows, (row) => {
      if (typeof row === 'object' && row !== null && 'wrongColumnCount' in row)
        return reject('wrong column count');
      return normaliseRegionRow(row, source, issuer);
    });
    return { ...result, items: result.items.sort(byUpdatedDesc) };
  }

  const connector: SourceConnector = {
    id: source,
    name: entry.name,
    dir3: entry.dir3,
    domains: entry.domains,
    files: {
      list,
      async get(citizenId, agencyId): Promise<GetResult<CitizenFile>> {
        // The region exports whole lists only: the file is read from the citizen's export.
        const { items, status } = await list(citizenId);
        const item = items.find((candidate) => candidate.id === `${source}:${agencyId}`);
        if (item) return { ok: true, item, status };
        if (status.status !== 'ok') return { ok: false, reason: status.status, status };
        return { ok: false, reason: 'not-found', status };
      },
    },
  };
  return connector;
};
