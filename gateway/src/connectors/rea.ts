import type { Power, SourceStatus } from '@carpeta/sdk';
import { TZDate } from '@date-fns/tz';
import { z } from 'zod';
import { maskIdentifier } from '../auth/identity.ts';
import type { ConnectorLogger } from './dehu.ts';

/*
 * Connector for the electronic register of powers of attorney (REA, "Registro Electrónico de
 * Apoderamientos"). The schemas below are the REGISTER's format (Spanish field names, Madrid
 * "dd/MM/yyyy" dates); everything leaving this file is an sdk `Power` plus what the gateway needs
 * to act for the grantor.
 */

const RAW_DAY = /^(\d{2})\/(\d{2})\/(\d{4})$/;
const MADRID = 'Europe/Madrid';
const MAX_BODY_BYTES = 1_000_000;

const reaPowerSchema = z.object({
  idApoderamiento: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/),
  tipo: z.enum(['GENERAL', 'ORGANISMO', 'PROCEDIMIENTOS']),
  poderdante: z.object({
    nif: z.string().min(1).max(20),
    nombre: z.string().min(1).max(300),
    tipoPersona: z.enum(['FISICA', 'JURIDICA']),
  }),
  organismo: z.object({ dir3: z.string(), nombre: z.string() }).nullish(),
  procedimientos: z.array(z.string().max(100)).nullish(),
  vigencia: z.object({ desde: z.string().regex(RAW_DAY), hasta: z.string().regex(RAW_DAY).nullish() }),
  estado: z.enum(['AUTORIZADO', 'REVOCADO', 'CADUCADO', 'PENDIENTE_ACEPTACION', 'RENUNCIADO']),
});
type ReaPower = z.infer<typeof reaPowerSchema>;

const listSchema = z.object({ apoderamientos: z.array(z.unknown()) });

const KIND: Record<ReaPower['tipo'], Power['kind']> = {
  GENERAL: 'general',
  ORGANISMO: 'organisation',
  PROCEDIMIENTOS: 'procedures',
};
const STATUS: Record<ReaPower['estado'], Power['status']> = {
  AUTORIZADO: 'accepted',
  REVOCADO: 'revoked',
  CADUCADO: 'expired',
  PENDIENTE_ACEPTACION: 'pending',
  RENUNCIADO: 'renounced',
};

/** "dd/MM/yyyy" → "yyyy-MM-dd", or null when it is not a real day. */
function isoDay(value: string): string | null {
  const match = RAW_DAY.exec(value);
  if (!match) return null;
  const [day = 0, month = 0, year = 0] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Today's date in Madrid, as "yyyy-MM-dd". */
function madridToday(now: Date): string {
  const today = new TZDate(now.getTime(), MADRID);
  return `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
}

/** A power as the gateway keeps it: the portal's view plus the grantor's full identifier. */
export interface HeldPower extends Power {
  grantorId: string;
}

export function normaliseReaPower(raw: unknown, now: Date): HeldPower | null {
  const parsed = reaPowerSchema.safeParse(raw);
  if (!parsed.success) return null;
  const power = parsed.data;
  const validFrom = isoDay(power.vigencia.desde);
  const validUntil = power.vigencia.hasta ? isoDay(power.vigencia.hasta) : null;
  if (!validFrom || (power.vigencia.hasta && !validUntil)) return null;
  const today = madridToday(now);
  let status = STATUS[power.estado];
  // The register may lag: a power past its last day is expired whatever it still says.
  if (status === 'accepted' && validUntil !== null && today > validUntil) status = 'expired';
  const started = today >= validFrom;
  const grantorId = power.poderdante.nif.trim().toUpperCase();
  return {
    id: power.idApoderamiento,
    kind: KIND[power.tipo],
    grantor: {
      displayName: power.poderdante.nombre,
      maskedId: maskIdentifier(grantorId),
      kind: power.poderdante.tipoPersona === 'JURIDICA' ? 'company' : 'person',
    },
    organisation: power.organismo ? { dir3: power.organismo.dir3, name: power.organismo.nombre } : null,
    procedures: power.procedimientos ?? [],
    validFrom,
    validUntil,
    status,
    usable: status === 'accepted' && started,
    grantorId,
  };
}

export interface ReaConnectorOptions {
  id: string;
  name: string;
  baseUrl: string;
  timeoutMs: number;
  now?: () => Date;
  logger?: ConnectorLogger;
}

export interface PowersResult {
  items: HeldPower[];
  status: SourceStatus;
}

export interface ReaConnector {
  readonly id: string;
  /** Every power the citizen holds as attorney; never throws. */
  powersHeldBy(attorneyId: string): Promise<PowersResult>;
}

export function createReaConnector(options: ReaConnectorOptions): ReaConnector {
  const { id: source, name } = options;
  const base = `${options.baseUrl.replace(/\/+$/, '')}/rea/v1`;
  const now = options.now ?? (() => new Date());
  const status = (value: SourceStatus['status'], message?: string): SourceStatus =>
    message === undefined ? { source, name, status: value } : { source, name, status: value, message };

  return {
    id: source,
    async powersHeldBy(attorneyId) {
      const url = `${base}/apoderamientos?nifApoderado=${encodeURIComponent(attorneyId)}`;
      let body: unknown;
      try {
        const response = await fetch(url, {
          headers: { accept: 'application/json' },
          signal: AbortSignal.timeout(options.timeoutMs),
          redirect: 'error',
        });
        const length = Number(response.headers.get('content-length') ?? '0');
        if (length > MAX_BODY_BYTES) {
          await response.body?.cancel();
          return {
            items: [],
            status: status('invalid-response', 'The register sent an answer that is too large.'),
          };
        }
        if (response.status === 404) return { items: [], status: status('ok') };
        if (!response.ok) {
          await response.body?.cancel();
          options.logger?.warn({ source, httpStatus: response.status }, `agency ${source}: error answer`);
          return {
            items: [],
            status: status('unavailable', `The register answered with an error (HTTP ${response.status}).`),
          };
        }
        body = await response.json();
      } catch (error) {
        const timedOut =
          error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
        if (error instanceof SyntaxError) {
          return {
            items: [],
            status: status('invalid-response', 'The register answered in an unexpected format.'),
          };
        }
        options.logger?.warn({ source, error: String(error) }, `agency ${source}: unreachable`);
        return timedOut
          ? { items: [], status: status('timeout', 'The register did not answer in time.') }
          : { items: [], status: status('unavailable', 'The register could not be reached.') };
      }
      const envelope = listSchema.safeParse(body);
      if (!envelope.success) {
        return {
          items: [],
          status: status('invalid-response', 'The register answered in an unexpected format.'),
        };
      }
      const at = now();
      const items: HeldPower[] = [];
      for (const raw of envelope.data.apoderamientos) {
        const power = normaliseReaPower(raw, at);
        if (power) items.push(power);
        else options.logger?.warn({ source }, `agency ${source}: unreadable power skipped`);
      }
      return { items, status: status('ok') };
    },
  };
}
