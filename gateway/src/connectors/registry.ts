import type { SourceStatus } from '@carpeta/sdk';
import type {
  Dir3Administration,
  Dir3Unit,
  RegistryAttachmentType,
  RegistrySubmissionStatus,
} from '@carpeta/sdk/registry';
import { z } from 'zod';
import { type AgencyAnswer, type AgencyClient, createAgencyClient } from '../agency-http.ts';
import type { ConnectorLogger } from './dehu.ts';
import { madridInstant } from './state-support.ts';

/*
 * Connector for the general electronic registry (GEISER/SIR style) and the directory of bodies it
 * serves (DIR3), over the agency client (timeout, retries for reads, circuit breaker). The schemas
 * below are the REGISTRY's format (Spanish names, "dd/MM/yyyy HH:mm:ss" Madrid times, upper-case
 * states); everything leaving this file is in the portal's terms.
 */

const MADRID_TIME = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2})$/;
const INVALID = 'The registry answered in an unexpected format.';

const unitSchema = z.object({
  codigo: z.string().regex(/^[A-Z0-9]{9}$/),
  denominacion: z.string().min(1).max(300),
  nivelAdministracion: z.number().int(),
  nivelJerarquico: z.number().int().min(1).max(10),
  codUnidadSuperior: z.string().nullable(),
  codUnidadRaiz: z.string().optional(),
  estado: z.string(),
});
const directorySchema = z.object({ unidades: z.array(z.unknown()) });

const personSchema = z.object({ documento: z.string(), nombre: z.string() });
const entrySchema = z.object({
  numeroRegistro: z.string().regex(/^[A-Za-z0-9/_-]{1,40}$/),
  fechaRegistro: z.string().regex(MADRID_TIME),
  idPeticion: z.string().nullable(),
  interesado: personSchema,
  representante: personSchema.nullable(),
  unidadDestino: z.object({
    codigo: z.string().regex(/^[A-Z0-9]{9}$/),
    denominacion: z.string().min(1).max(300),
  }),
  resumen: z.string(),
  expone: z.string(),
  solicita: z.string(),
  anexos: z.array(
    z.object({
      nombre: z.string(),
      tipoMime: z.enum(['application/pdf', 'image/jpeg', 'image/png', 'application/xml']),
      tamanyo: z.number().int().positive(),
      huella: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
  estado: z.enum(['REGISTRADO', 'ENVIADO', 'CONFIRMADO', 'RECHAZADO']),
  historico: z.array(
    z.object({
      estado: z.enum(['REGISTRADO', 'ENVIADO', 'CONFIRMADO', 'RECHAZADO']),
      fecha: z.string().regex(MADRID_TIME),
      observaciones: z.string().max(500).nullable(),
    }),
  ),
});
const entryAnswerSchema = z.object({ asiento: z.unknown(), peticionRepetida: z.boolean().optional() });
const entryListSchema = z.object({ asientos: z.array(z.unknown()) });
const errorSchema = z.object({ codigoRespuesta: z.string(), descripcion: z.string() });

const STATUS: Record<z.infer<typeof entrySchema>['estado'], Exclude<RegistrySubmissionStatus, 'pending'>> = {
  REGISTRADO: 'registered',
  ENVIADO: 'forwarded',
  CONFIRMADO: 'received',
  RECHAZADO: 'rejected',
};

const ADMINISTRATION: Record<number, Dir3Administration> = {
  1: 'state',
  2: 'regional',
  3: 'local',
  4: 'university',
};

function instant(value: string): string | null {
  const match = MADRID_TIME.exec(value);
  if (!match) return null;
  const [day = 0, month = 0, year = 0, hours = 0, minutes = 0, seconds = 0] = match.slice(1).map(Number);
  return madridInstant(year, month, day, hours, minutes, seconds)?.toISOString() ?? null;
}

/** An entry of the registry, in the portal's terms (with full identifiers: gateway only). */
export interface RegistryEntry {
  number: string;
  registeredAt: string;
  /** The request id it was created with; null for entries made elsewhere. */
  requestId: string | null;
  applicant: { id: string; name: string };
  representative: { id: string; name: string } | null;
  body: { dir3: string; name: string };
  subject: string;
  facts: string;
  request: string;
  attachments: { name: string; size: number; type: RegistryAttachmentType; sha256: string }[];
  status: Exclude<RegistrySubmissionStatus, 'pending'>;
  history: { status: Exclude<RegistrySubmissionStatus, 'pending'>; at: string; description: string | null }[];
}

export function normaliseEntry(raw: unknown): RegistryEntry | null {
  const parsed = entrySchema.safeParse(raw);
  if (!parsed.success) return null;
  const entry = parsed.data;
  const registeredAt = instant(entry.fechaRegistro);
  if (!registeredAt) return null;
  const history: RegistryEntry['history'] = [];
  for (const event of entry.historico) {
    const at = instant(event.fecha);
    if (!at) return null;
    history.push({ status: STATUS[event.estado], at, description: event.observaciones });
  }
  return {
    number: entry.numeroRegistro,
    registeredAt,
    requestId: entry.idPeticion,
    applicant: { id: entry.interesado.documento.toUpperCase(), name: entry.interesado.nombre },
    representative: entry.representante
      ? { id: entry.representante.documento.toUpperCase(), name: entry.representante.nombre }
      : null,
    body: { dir3: entry.unidadDestino.codigo, name: entry.unidadDestino.denominacion },
    subject: entry.resumen,
    facts: entry.expone,
    request: entry.solicita,
    attachments: entry.anexos.map((anexo) => ({
      name: anexo.nombre,
      size: anexo.tamanyo,
      type: anexo.tipoMime,
      sha256: anexo.huella,
    })),
    status: STATUS[entry.estado],
    history,
  };
}

export interface SubmissionInput {
  /** The portal's id of the submission: the registry answers a repeat with the same entry. */
  requestId: string;
  applicant: { id: string; name: string };
  representative: { id: string; name: string } | null;
  bodyDir3: string;
  subject: string;
  facts: string;
  request: string;
  attachments: { name: string; type: string; size: number; sha256: string; bytes: Uint8Array }[];
}

/** What the registry refused (its message is safe to show). */
export type RegistryRefusal = 'not-found' | 'conflict' | 'too-large' | 'unsupported-type' | 'invalid';

export type RegistryWriteResult =
  | { ok: true; entry: RegistryEntry; replayed: boolean; status: SourceStatus }
  | {
      ok: false;
      reason: RegistryRefusal | 'timeout' | 'unavailable' | 'invalid-response';
      message: string;
      status: SourceStatus;
    };

export interface RegistryConnector {
  readonly id: string;
  readonly name: string;
  /** The bodies in force; never throws. */
  directory(): Promise<{ units: Dir3Unit[]; status: SourceStatus }>;
  submit(input: SubmissionInput): Promise<RegistryWriteResult>;
  /** The person's entries, newest first; never throws. */
  entries(personId: string): Promise<{ items: RegistryEntry[]; status: SourceStatus }>;
  entry(personId: string, number: string): Promise<RegistryWriteResult>;
  close(): Promise<void>;
}

export interface RegistryConnectorOptions {
  id: string;
  name: string;
  baseUrl: string;
  timeoutMs: number;
  logger?: ConnectorLogger;
  client?: AgencyClient;
}

const REFUSALS: Record<string, { reason: RegistryRefusal; message: string }> = {
  E404: { reason: 'not-found', message: 'The registry does not know that entry or body.' },
  E409: { reason: 'conflict', message: 'This submission was already sent with other data.' },
  E413: { reason: 'too-large', message: 'The attachments are over the registry’s limits.' },
  E415: { reason: 'unsupported-type', message: 'The registry does not accept the type of an attachment.' },
  E422: {
    reason: 'invalid',
    message: 'The registry did not accept the submission (the body may no longer exist).',
  },
  E400: { reason: 'invalid', message: 'The registry did not accept the data of the submission.' },
};

export function createRegistryConnector(options: RegistryConnectorOptions): RegistryConnector {
  const { id: source, name } = options;
  const client =
    options.client ??
    createAgencyClient({
      source,
      baseUrl: options.baseUrl,
      timeoutMs: options.timeoutMs,
      ...(options.logger ? { logger: options.logger } : {}),
    });
  const base = '/geiser/v1';
  const status = (value: SourceStatus['status'], message?: string): SourceStatus =>
    message === undefined ? { source, name, status: value } : { source, name, status: value, message };

  function failure(answer: AgencyAnswer): SourceStatus | null {
    if (answer.kind === 'failure') return status(answer.reason, answer.message);
    if (answer.httpStatus >= 500) {
      return status('unavailable', `The registry answered with an error (HTTP ${answer.httpStatus}).`);
    }
    return null;
  }

  const invalid = (details: object = {}): SourceStatus => {
    client.report('invalid-response', details);
    return status('invalid-response', INVALID);
  };

  function writeResult(answer: AgencyAnswer): RegistryWriteResult {
    const failed = failure(answer);
    if (failed) {
      const reason = failed.status === 'ok' ? 'unavailable' : failed.status;
      return { ok: false, reason, message: failed.message ?? INVALID, status: failed };
    }
    if (answer.kind !== 'answer') throw new Error('unreachable');
    if (answer.httpStatus >= 400) {
      const refusal = errorSchema.safeParse(answer.body);
      const known = refusal.success ? REFUSALS[refusal.data.codigoRespuesta] : undefined;
      if (known) return { ok: false, ...known, status: status('ok') };
      const bad = invalid({ httpStatus: answer.httpStatus });
      return { ok: false, reason: 'invalid-response', message: INVALID, status: bad };
    }
    const envelope = entryAnswerSchema.safeParse(answer.body);
    const entry = envelope.success ? normaliseEntry(envelope.data.asiento) : null;
    if (!envelope.success || !entry) {
      return { ok: false, reason: 'invalid-response', message: INVALID, status: invalid() };
    }
    client.report('ok');
    return { ok: true, entry, replayed: envelope.data.peticionRepetida === true, status: status('ok') };
  }

  return {
    id: source,
    name,

    async directory() {
      const answer = await client.get(`${base}/unidades`);
      const failed = failure(answer);
      if (failed) return { units: [], status: failed };
      const envelope =
        answer.kind === 'answer' && answer.httpStatus === 200 ? directorySchema.safeParse(answer.body) : null;
      if (!envelope?.success) return { units: [], status: invalid() };
      const raw = envelope.data.unidades.flatMap((entry) => {
        const unit = unitSchema.safeParse(entry);
        return unit.success ? [unit.data] : [];
      });
      const names = new Map(raw.map((unit) => [unit.codigo, unit.denominacion]));
      const units: Dir3Unit[] = raw
        .filter((unit) => unit.estado === 'V')
        .map((unit) => {
          const parentName = unit.codUnidadSuperior ? names.get(unit.codUnidadSuperior) : undefined;
          return {
            dir3: unit.codigo,
            name: unit.denominacion,
            administration: ADMINISTRATION[unit.nivelAdministracion] ?? 'other',
            level: unit.nivelJerarquico,
            parent:
              unit.codUnidadSuperior && parentName
                ? { dir3: unit.codUnidadSuperior, name: parentName }
                : null,
          };
        });
      if (units.length === 0) return { units, status: invalid({ reason: 'empty directory' }) };
      client.report('ok');
      return { units, status: status('ok') };
    },

    async submit(input) {
      const answer = await client.send('POST', `${base}/asientos`, {
        contentType: 'application/json',
        text: JSON.stringify({
          idPeticion: input.requestId,
          interesado: { documento: input.applicant.id, nombre: input.applicant.name },
          representante: input.representative
            ? { documento: input.representative.id, nombre: input.representative.name }
            : null,
          codigoUnidadDestino: input.bodyDir3,
          resumen: input.subject,
          expone: input.facts,
          solicita: input.request,
          anexos: input.attachments.map((attachment) => ({
            nombre: attachment.name,
            tipoMime: attachment.type,
            tamanyo: attachment.size,
            huella: attachment.sha256,
            contenido: Buffer.from(attachment.bytes).toString('base64'),
          })),
        }),
      });
      return writeResult(answer);
    },

    async entries(personId) {
      const answer = await client.get(`${base}/asientos?documentoInteresado=${encodeURIComponent(personId)}`);
      const failed = failure(answer);
      if (failed) return { items: [], status: failed };
      const envelope =
        answer.kind === 'answer' && answer.httpStatus === 200 ? entryListSchema.safeParse(answer.body) : null;
      if (!envelope?.success) return { items: [], status: invalid() };
      const items: RegistryEntry[] = [];
      for (const raw of envelope.data.asientos) {
        const entry = normaliseEntry(raw);
        if (entry) items.push(entry);
        else options.logger?.warn({ source }, `agency ${source}: unreadable entry skipped`);
      }
      client.report('ok');
      return { items, status: status('ok') };
    },

    async entry(personId, number) {
      const answer = await client.get(
        `${base}/asientos/${encodeURIComponent(number)}?documentoInteresado=${encodeURIComponent(personId)}`,
      );
      return writeResult(answer);
    },

    close: () => client.close(),
  };
}
