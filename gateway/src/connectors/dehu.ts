import {
  NOTIFICATION_EXPIRY_DAYS,
  type Notification,
  type NotificationContent,
  type NotificationStatus,
  notificationSchema,
  type SourceStatus,
} from '@carpeta/sdk';
import { TZDate } from '@date-fns/tz';
// Per-function import: the date-fns root entry loads hundreds of modules at start-up.
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { z } from 'zod';
import {
  type AgencyAnswer,
  type AgencyLogger,
  createAgencyHealth,
  createAgencyHttp,
} from '../agency-http.ts';
import type {
  ActContext,
  BinaryResult,
  GetResult,
  NotificationConnector,
  NotificationGetResult,
  NotificationListResult,
  WriteResult,
} from './types.ts';

/*
 * Connector for DEHú-like notification hubs ("Dirección Electrónica Habilitada única"). The schemas
 * below describe the AGENCY's format (Spanish field names, Madrid wall-clock dates, one-letter
 * codes); they are not the portal's. Everything leaving this file is an sdk `Notification`.
 */

const MADRID = 'Europe/Madrid';
/** "dd/MM/yyyy HH:mm:ss" */
const RAW_DATE = /^(\d{2})\/(\d{2})\/(\d{4}) ([01]\d|2[0-3]):([0-5]\d):([0-5]\d)$/;
/** The part of a portal id after "<source>:" as this connector accepts it. */
export const DEHU_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const rawDate = z.string().regex(RAW_DATE);

/** One envío as the agency writes it. */
export const dehuEnvioSchema = z.object({
  idEnvio: z.string().regex(DEHU_ID_PATTERN),
  tipoEnvio: z.enum(['N', 'C']),
  organismoEmisor: z.object({ codigoDIR3: z.string(), denominacion: z.string() }),
  concepto: z.string(),
  procedimiento: z.string().nullish(),
  referenciaExpediente: z.string().nullish(),
  estado: z.enum(['PD', 'AC', 'RE', 'EX']),
  fechaPuestaDisposicion: rawDate,
  fechaRespuesta: rawDate.nullish(),
  urgente: z.enum(['S', 'N']),
});
export type DehuEnvio = z.infer<typeof dehuEnvioSchema>;

/** The list envelope; records are validated one by one so that one bad record costs only itself. */
const dehuListSchema = z.object({
  resultado: z.literal('OK'),
  totalRegistros: z.number().int().nonnegative().optional(),
  notificaciones: z.array(z.unknown()),
});
const dehuDetailSchema = z.object({ resultado: z.literal('OK'), envio: z.unknown() });
const dehuErrorSchema = z.object({
  resultado: z.literal('KO'),
  codigoError: z.string(),
  descripcion: z.string().optional(),
});

/** The answer to an act (comparecencia or rechazo). */
const dehuActAnswerSchema = z.object({ resultado: z.literal('OK'), envio: z.unknown() });
/** The content of an accepted envío. */
const dehuContentSchema = z.object({
  resultado: z.literal('OK'),
  cuerpo: z.string().max(100_000),
  documentos: z
    .array(
      z.object({
        idDocumento: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/),
        titulo: z.string().min(1).max(300),
        tipoMime: z.string().optional(),
        hashSHA256: z.string().optional(),
      }),
    )
    .max(20),
});

/** The agency's refusals of an act, as messages safe to show. */
const ACT_REFUSALS: Record<string, string> = {
  'DEHU-409': 'This notification was already answered; it cannot be changed.',
  'DEHU-410':
    'This notification has expired: 10 days passed without access. It can no longer be accepted or rejected.',
  'DEHU-422': 'A communication cannot be rejected.',
};

/** An instant as the agency writes it: "dd/MM/yyyy HH:mm:ss", Madrid wall-clock time. */
export function formatDehuDate(instant: Date): string {
  return format(new TZDate(instant.getTime(), MADRID), 'dd/MM/yyyy HH:mm:ss');
}

const STATUS: Record<DehuEnvio['estado'], NotificationStatus> = {
  PD: 'pending',
  AC: 'accepted',
  RE: 'rejected',
  EX: 'expired',
};

/**
 * Reads the agency's "dd/MM/yyyy HH:mm:ss" Madrid wall-clock time. During the autumn change the
 * repeated hour is read as winter time; a time skipped in spring moves forward by an hour.
 */
export function parseDehuDate(value: string): Date | null {
  const match = RAW_DATE.exec(value);
  if (!match) return null;
  const [day = 0, month = 0, year = 0, hours = 0, minutes = 0, seconds = 0] = match.slice(1).map(Number);
  const date = new TZDate(year, month - 1, day, hours, minutes, seconds, MADRID);
  // 31/02 and the like roll over into another day: not a date.
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return new Date(date.getTime());
}

const toIso = (date: Date) => new Date(date.getTime()).toISOString();
const blankToNull = (value: string | null | undefined) =>
  value === null || value === undefined || value.trim() === '' ? null : value;

/**
 * Turns one raw envío into a portal Notification, or null when the record is unusable. A pending
 * notification whose 10 calendar days (Law 39/2015 art. 43) have passed is expired, whatever the
 * agency still says. Text is passed through untouched: escaping is the UI's job.
 */
export function normaliseDehuEnvio(raw: unknown, source: string, now: Date): Notification | null {
  const parsed = dehuEnvioSchema.safeParse(raw);
  if (!parsed.success) return null;
  const envio = parsed.data;
  const availableAt = parseDehuDate(envio.fechaPuestaDisposicion);
  if (!availableAt) return null;
  const respondedAt = envio.fechaRespuesta ? parseDehuDate(envio.fechaRespuesta) : null;
  if (envio.fechaRespuesta && !respondedAt) return null;

  const kind = envio.tipoEnvio === 'N' ? 'notification' : 'communication';
  // Calendar days in Madrid: the deadline keeps the wall-clock time across a DST change.
  const expiresAt =
    kind === 'notification'
      ? addDays(new TZDate(availableAt.getTime(), MADRID), NOTIFICATION_EXPIRY_DAYS)
      : null;
  let status = STATUS[envio.estado];
  if (status === 'pending' && expiresAt && now.getTime() >= expiresAt.getTime()) status = 'expired';

  const candidate: Notification = {
    id: `${source}:${envio.idEnvio}`,
    source,
    kind,
    issuer: { dir3: envio.organismoEmisor.codigoDIR3, name: envio.organismoEmisor.denominacion },
    subject: envio.concepto,
    procedure: blankToNull(envio.procedimiento),
    fileReference: blankToNull(envio.referenciaExpediente),
    status,
    availableAt: toIso(availableAt),
    expiresAt: expiresAt ? toIso(expiresAt) : null,
    respondedAt: respondedAt ? toIso(respondedAt) : null,
    urgent: envio.urgente === 'S',
  };
  // Whatever leaves the connector satisfies the portal's contract.
  const checked = notificationSchema.safeParse(candidate);
  return checked.success ? checked.data : null;
}

/** Newest first; ties broken by id so that the order is stable. */
export function byNewest(a: Notification, b: Notification): number {
  return b.availableAt.localeCompare(a.availableAt) || a.id.localeCompare(b.id);
}

export type ConnectorLogger = AgencyLogger;

export interface DehuConnectorOptions {
  /** Portal source id, e.g. "dehu". */
  id: string;
  /** Name shown to the citizen, e.g. "Dirección Electrónica Habilitada única (DEHú)". */
  name: string;
  /** Agency origin (and optional prefix), e.g. "http://127.0.0.1:4101". */
  baseUrl: string;
  /** API path under baseUrl. */
  apiPath?: string;
  timeoutMs: number;
  now?: () => Date;
  fetch?: typeof fetch;
  logger?: ConnectorLogger;
}

type GetFailure = Extract<NotificationGetResult, { ok: false }>;

type Answer = AgencyAnswer;

export function createDehuConnector(options: DehuConnectorOptions): NotificationConnector {
  const { id: source, name, timeoutMs } = options;
  const api = `${options.baseUrl.replace(/\/+$/, '')}${options.apiPath ?? '/dehu/api/v2'}`;
  const now = options.now ?? (() => new Date());
  const http = createAgencyHttp({
    source,
    timeoutMs,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  // Logged when the agency's state changes, not on every request.
  const health = createAgencyHealth(source, options.logger);
  // Unreadable records are logged when their number changes, not on every request.
  let lastSkipped = 0;

  const status = (value: SourceStatus['status'], message?: string): SourceStatus =>
    message === undefined ? { source, name, status: value } : { source, name, status: value, message };

  async function call(path: string): Promise<Answer> {
    return http.get(`${api}${path}`);
  }

  /** Sorts out what is not a usable "OK" answer: agency errors, HTTP errors, garbage. */
  function classify(answer: Answer, path: string): { ok: true; body: unknown } | GetFailure {
    if (answer.kind === 'failure') {
      health.report(answer.reason, answer.details);
      return { ok: false, reason: answer.reason, status: status(answer.reason, answer.message) };
    }
    const { httpStatus, body, isJson } = answer;
    const agencyError = dehuErrorSchema.safeParse(body);
    if (agencyError.success) {
      // DEHU-404: no such citizen address or envío; DEHU-403: content before acceptance.
      if (
        httpStatus === 404 ||
        agencyError.data.codigoError === 'DEHU-404' ||
        agencyError.data.codigoError === 'DEHU-403'
      ) {
        health.report('ok');
        return { ok: false, reason: 'not-found', status: status('ok') };
      }
      health.report('unavailable', { path, httpStatus, code: agencyError.data.codigoError });
      return {
        ok: false,
        reason: 'unavailable',
        status: status('unavailable', 'The service refused the request.'),
      };
    }
    if (httpStatus >= 500) {
      health.report('unavailable', { path, httpStatus });
      return {
        ok: false,
        reason: 'unavailable',
        status: status('unavailable', `The service answered with an error (HTTP ${httpStatus}).`),
      };
    }
    if (httpStatus !== 200 || !isJson) {
      health.report('invalid-response', { path, httpStatus, isJson });
      return invalid();
    }
    health.report('ok');
    return { ok: true, body };
  }

  function invalid(): GetFailure {
    return {
      ok: false,
      reason: 'invalid-response',
      status: status('invalid-response', 'The service answered in an unexpected format.'),
    };
  }

  const envioPath = (citizenId: string, agencyId: string) =>
    `/titulares/${encodeURIComponent(citizenId)}/envios/${encodeURIComponent(agencyId)}`;

  async function act(
    kind: 'comparecencia' | 'rechazo',
    citizenId: string,
    agencyId: string,
    context: ActContext,
  ): Promise<WriteResult<Notification>> {
    if (!DEHU_ID_PATTERN.test(agencyId)) return { ok: false, reason: 'not-found', status: status('ok') };
    const path = `${envioPath(citizenId, agencyId)}/${kind}`;
    const raw = await http.postJson(`${api}${path}`, {
      nifActuante: context.actorId,
      nifTitular: citizenId,
      fechaActo: formatDehuDate(context.at),
      direccionIP: context.ip,
    });
    if (raw.kind === 'answer' && raw.httpStatus === 409) {
      const refusal = dehuErrorSchema.safeParse(raw.body);
      const code = refusal.success ? refusal.data.codigoError : '';
      health.report('ok');
      return {
        ok: false,
        reason: 'conflict',
        status: status('ok'),
        message: ACT_REFUSALS[code] ?? 'The service refused this action for this notification.',
      };
    }
    const answer = classify(raw, path);
    if (!answer.ok) return answer;
    const body = dehuActAnswerSchema.safeParse(answer.body);
    if (!body.success) return invalid();
    const item = normaliseDehuEnvio(body.data.envio, source, now());
    if (!item || item.id !== `${source}:${agencyId}`) return invalid();
    return { ok: true, item, status: status('ok') };
  }

  async function readContent(
    citizenId: string,
    agencyId: string,
  ): Promise<GetResult<z.infer<typeof dehuContentSchema>>> {
    if (!DEHU_ID_PATTERN.test(agencyId)) return { ok: false, reason: 'not-found', status: status('ok') };
    const path = `${envioPath(citizenId, agencyId)}/contenido`;
    const answer = classify(await call(path), path);
    if (!answer.ok) return answer;
    const content = dehuContentSchema.safeParse(answer.body);
    if (!content.success) return invalid();
    return { ok: true, item: content.data, status: status('ok') };
  }

  return {
    id: source,
    name,

    accept: (citizenId, agencyId, context) => act('comparecencia', citizenId, agencyId, context),
    reject: (citizenId, agencyId, context) => act('rechazo', citizenId, agencyId, context),

    async content(citizenId, agencyId): Promise<GetResult<NotificationContent>> {
      const content = await readContent(citizenId, agencyId);
      if (!content.ok) return content;
      return {
        ok: true,
        item: {
          text: content.item.cuerpo,
          documents: content.item.documentos.map((documento) => ({
            id: documento.idDocumento,
            title: documento.titulo,
          })),
        },
        status: content.status,
      };
    },

    async document(citizenId, agencyId): Promise<BinaryResult> {
      const content = await readContent(citizenId, agencyId);
      if (!content.ok) return content;
      const [documento] = content.item.documentos;
      if (!documento) return { ok: false, reason: 'not-found', status: status('ok') };
      const path = `${envioPath(citizenId, agencyId)}/documentos/${encodeURIComponent(documento.idDocumento)}`;
      const raw = await http.getBinary(`${api}${path}`);
      if (raw.kind === 'answer' && raw.httpStatus === 200) {
        const bytes = raw.bytes ?? new Uint8Array();
        const isPdf =
          (raw.contentType ?? '').startsWith('application/pdf') &&
          Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';
        if (!isPdf) {
          health.report('invalid-response', { path, problem: 'the document is not a PDF' });
          return invalid();
        }
        health.report('ok');
        return {
          ok: true,
          contentType: 'application/pdf',
          fileName: `${documento.idDocumento}.pdf`,
          bytes,
          status: status('ok'),
        };
      }
      const answer = classify(raw, path);
      return answer.ok ? invalid() : answer;
    },

    async list(citizenId): Promise<NotificationListResult> {
      const path = `/titulares/${encodeURIComponent(citizenId)}/envios`;
      const answer = classify(await call(path), path);
      if (!answer.ok) {
        // No electronic address at this agency: simply nothing to show.
        return { items: [], status: answer.reason === 'not-found' ? status('ok') : answer.status };
      }
      const envelope = dehuListSchema.safeParse(answer.body);
      if (!envelope.success) {
        health.report('invalid-response', { path, problem: 'the list envelope does not match' });
        return { items: [], status: invalid().status };
      }
      const at = now();
      const items = new Map<string, Notification>();
      let skipped = 0;
      for (const raw of envelope.data.notificaciones) {
        const item = normaliseDehuEnvio(raw, source, at);
        if (item && !items.has(item.id)) items.set(item.id, item);
        else skipped += 1;
      }
      if (skipped === 0) {
        lastSkipped = 0;
        return { items: [...items.values()].sort(byNewest), status: status('ok') };
      }
      if (skipped !== lastSkipped) {
        options.logger?.warn({ source, path, skipped }, `agency ${source}: unreadable records skipped`);
        lastSkipped = skipped;
      }
      if (items.size === 0) {
        return {
          items: [],
          status: status('invalid-response', `None of the ${skipped} notifications sent could be read.`),
        };
      }
      return {
        items: [...items.values()].sort(byNewest),
        status: status(
          'ok',
          skipped === 1
            ? '1 notification could not be read and is not shown.'
            : `${skipped} notifications could not be read and are not shown.`,
        ),
      };
    },

    async get(citizenId, agencyId): Promise<NotificationGetResult> {
      if (!DEHU_ID_PATTERN.test(agencyId)) return { ok: false, reason: 'not-found', status: status('ok') };
      const path = `/titulares/${encodeURIComponent(citizenId)}/envios/${encodeURIComponent(agencyId)}`;
      const answer = classify(await call(path), path);
      if (!answer.ok) return answer;
      const detail = dehuDetailSchema.safeParse(answer.body);
      if (!detail.success) return invalid();
      const item = normaliseDehuEnvio(detail.data.envio, source, now());
      if (!item || item.id !== `${source}:${agencyId}`) return invalid();
      return { ok: true, item, status: status('ok') };
    },
  };
}
