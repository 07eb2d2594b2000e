import type { Power, SourceStatus } from '@carpeta/sdk';
import {
  addYears,
  POWER_MAX_VALIDITY_YEARS,
  type PowerAction,
  type PowerKind,
  type PowerOfAttorney,
  type PowerStatus,
} from '@carpeta/sdk/representation';
import { z } from 'zod';
import { type AgencyAnswer, type AgencyClient, createAgencyClient } from '../agency-http.ts';
import { maskIdentifier } from '../auth/identity.ts';
import type { ConnectorLogger } from './dehu.ts';
import { madridToday } from './state-support.ts';

/*
 * Connector for the electronic register of powers of attorney (REA, "Registro Electrónico de
 * Apoderamientos"), over the agency client (timeout, retries for reads, circuit breaker). The
 * schemas below are the REGISTER's format (Spanish field names, Madrid "dd/MM/yyyy" dates);
 * everything leaving this file is in the portal's terms: an sdk `Power` for the representation
 * switch, a `RegisterPower` (both parties' full identifiers, for the gateway only) for the powers
 * pages, turned into the sdk's `PowerOfAttorney` by `powerView` for one of its parties.
 */

const RAW_DAY = /^(\d{2})\/(\d{2})\/(\d{4})$/;

const partySchema = z.object({
  nif: z.string().min(1).max(20),
  nombre: z.string().min(1).max(300),
  tipoPersona: z.enum(['FISICA', 'JURIDICA']),
});

const reaPowerSchema = z.object({
  idApoderamiento: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/),
  tipo: z.enum(['GENERAL', 'ORGANISMO', 'PROCEDIMIENTOS']),
  poderdante: partySchema,
  apoderado: partySchema.optional(),
  organismo: z.object({ dir3: z.string(), nombre: z.string() }).nullish(),
  procedimientos: z.array(z.string().max(100)).nullish(),
  vigencia: z.object({ desde: z.string().regex(RAW_DAY), hasta: z.string().regex(RAW_DAY).nullish() }),
  estado: z.enum(['AUTORIZADO', 'REVOCADO', 'CADUCADO', 'PENDIENTE_ACEPTACION', 'RENUNCIADO']),
});
type ReaPower = z.infer<typeof reaPowerSchema>;

const listSchema = z.object({ apoderamientos: z.array(z.unknown()) });
const detailSchema = z.object({ apoderamiento: z.unknown(), peticionRepetida: z.boolean().optional() });
const errorSchema = z.object({
  resultado: z.literal('KO'),
  codigoError: z.string(),
  descripcion: z.string(),
});

const KIND: Record<ReaPower['tipo'], Power['kind']> = {
  GENERAL: 'general',
  ORGANISMO: 'organisation',
  PROCEDIMIENTOS: 'procedures',
};
const TIPO: Record<PowerKind, ReaPower['tipo']> = {
  general: 'GENERAL',
  organisation: 'ORGANISMO',
  procedures: 'PROCEDIMIENTOS',
};
const STATUS: Record<ReaPower['estado'], Power['status']> = {
  AUTORIZADO: 'accepted',
  REVOCADO: 'revoked',
  CADUCADO: 'expired',
  PENDIENTE_ACEPTACION: 'pending',
  RENUNCIADO: 'renounced',
};
const REGISTER_STATUS: Record<ReaPower['estado'], PowerStatus> = {
  AUTORIZADO: 'authorised',
  REVOCADO: 'revoked',
  CADUCADO: 'expired',
  PENDIENTE_ACEPTACION: 'pending-acceptance',
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

/** "yyyy-MM-dd" → "dd/MM/yyyy". */
const reaDay = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

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

/** One party of a power, with the full identifier (gateway only). */
export interface RegisterParty {
  id: string;
  displayName: string;
  kind: 'person' | 'company';
}

/** A power in the register, both parties identified: what the powers routes work with. */
export interface RegisterPower {
  id: string;
  kind: PowerKind;
  grantor: RegisterParty;
  attorney: RegisterParty;
  body: { dir3: string; name: string } | null;
  procedures: string[] | null;
  validFrom: string;
  validUntil: string;
  /** As the register records it (a lapsed power may still say authorised: see `powerView`). */
  registerStatus: PowerStatus;
}

const party = (raw: z.infer<typeof partySchema>): RegisterParty => ({
  id: raw.nif.trim().toUpperCase(),
  displayName: raw.nombre,
  kind: raw.tipoPersona === 'JURIDICA' ? 'company' : 'person',
});

export function normaliseRegisterPower(raw: unknown): RegisterPower | null {
  const parsed = reaPowerSchema.safeParse(raw);
  if (!parsed.success || !parsed.data.apoderado || !parsed.data.vigencia.hasta) return null;
  const power = parsed.data;
  const validFrom = isoDay(power.vigencia.desde);
  const validUntil = isoDay(power.vigencia.hasta ?? '');
  if (!validFrom || !validUntil) return null;
  return {
    id: power.idApoderamiento,
    kind: KIND[power.tipo],
    grantor: party(power.poderdante),
    attorney: party(power.apoderado as z.infer<typeof partySchema>),
    body: power.organismo ? { dir3: power.organismo.dir3, name: power.organismo.nombre } : null,
    procedures: power.tipo === 'PROCEDIMIENTOS' ? (power.procedimientos ?? []) : null,
    validFrom,
    validUntil,
    registerStatus: REGISTER_STATUS[power.estado],
  };
}

/**
 * The power as `viewerId` (one of its parties) sees it, with what the law lets that party do now:
 * the attorney accepts a pending power and renounces a pending or authorised one; the grantor
 * revokes it or extends it (up to five years from today) before it ends. A power past its last
 * day is expired, whatever the register still says.
 */
export function powerView(power: RegisterPower, viewerId: string, now: Date): PowerOfAttorney {
  const today = madridToday(now);
  const lapsed = today > power.validUntil;
  const inForce =
    (power.registerStatus === 'authorised' || power.registerStatus === 'pending-acceptance') && !lapsed;
  const status: PowerStatus =
    lapsed && (power.registerStatus === 'authorised' || power.registerStatus === 'pending-acceptance')
      ? 'expired'
      : power.registerStatus;
  const actions: PowerAction[] = [];
  if (inForce && power.attorney.id === viewerId) {
    if (status === 'pending-acceptance') actions.push('accept');
    actions.push('renounce');
  }
  if (inForce && power.grantor.id === viewerId) {
    actions.push('revoke');
    if (power.validUntil < addYears(today, POWER_MAX_VALIDITY_YEARS)) actions.push('extend');
  }
  const view = (who: RegisterParty) => ({
    displayName: who.displayName,
    maskedId: maskIdentifier(who.id),
    kind: who.kind,
  });
  return {
    id: power.id,
    kind: power.kind,
    grantor: view(power.grantor),
    attorney: view(power.attorney),
    body: power.body,
    procedures: power.procedures,
    validFrom: power.validFrom,
    validUntil: power.validUntil,
    status,
    actions,
  };
}

export interface ReaConnectorOptions {
  id: string;
  name: string;
  baseUrl: string;
  timeoutMs: number;
  now?: () => Date;
  logger?: ConnectorLogger;
  /** Replaces the HTTP client built from baseUrl/timeoutMs (tests). */
  client?: AgencyClient;
}

export interface PowersResult {
  items: HeldPower[];
  status: SourceStatus;
}

export interface RegisterResult {
  granted: RegisterPower[];
  received: RegisterPower[];
  status: SourceStatus;
}

/** What the register refused, in the portal's terms (its message is safe to show). */
export type ReaRefusal =
  /** No such power for that person. */
  | 'not-found'
  /** A party who may not do that (the grantor accepting, the attorney revoking). */
  | 'forbidden'
  /** The power's state does not allow it, an equal power is in force, or the request id was reused. */
  | 'conflict'
  /** The attorney's identity number and surname do not match. */
  | 'identity'
  /** The request breaks a rule: dates, body, scope. */
  | 'invalid';

export type ReaWriteResult =
  | { ok: true; power: RegisterPower; replayed: boolean; status: SourceStatus }
  | {
      ok: false;
      reason: ReaRefusal | 'timeout' | 'unavailable' | 'invalid-response';
      message: string;
      status: SourceStatus;
    };

export interface GrantInput {
  /** The caller's id of this request: the register answers a repeat with the same power. */
  requestId: string;
  grantorId: string;
  attorney: { id: string; surname: string };
  kind: PowerKind;
  bodyDir3: string | null;
  procedures: string[] | null;
  validFrom: string;
  validUntil: string;
}

export type RegisterAct =
  | { action: 'accept' | 'renounce' | 'revoke' }
  | { action: 'extend'; validUntil: string };

export interface ReaConnector {
  readonly id: string;
  /** Every power the citizen holds as attorney; never throws. */
  powersHeldBy(attorneyId: string): Promise<PowersResult>;
  /** The powers a person granted and those granted to them (both asked in parallel); never throws. */
  register(personId: string): Promise<RegisterResult>;
  /** One power, if `personId` is a party to it. */
  power(personId: string, powerId: string): Promise<ReaWriteResult>;
  grant(input: GrantInput): Promise<ReaWriteResult>;
  /** `personId` acts on the power: the attorney accepts or renounces, the grantor revokes or extends. */
  act(personId: string, powerId: string, act: RegisterAct): Promise<ReaWriteResult>;
  close(): Promise<void>;
}

const REFUSALS: Record<string, { reason: ReaRefusal; message: string }> = {
  'REA-404': { reason: 'not-found', message: 'That power of attorney does not exist.' },
  'REA-403': { reason: 'forbidden', message: 'Only the other party to this power of attorney can do that.' },
  'REA-409-ESTADO': {
    reason: 'conflict',
    message: 'The power of attorney is no longer in a state that allows this (it may have ended or changed).',
  },
  'REA-409-DUPLICADO': {
    reason: 'conflict',
    message: 'An equal power of attorney to that person is already in force.',
  },
  'REA-409-PETICION': {
    reason: 'conflict',
    message: 'This request was already sent with other data. Start again.',
  },
  'REA-422-IDENTIDAD': {
    reason: 'identity',
    message: 'The identity number and the first surname of the attorney do not match.',
  },
  'REA-422-VIGENCIA': {
    reason: 'invalid',
    message:
      'The dates are not allowed: a power starts today or later and lasts at most five years from today.',
  },
  'REA-422-ORGANISMO': {
    reason: 'invalid',
    message: 'That administrative body does not exist or no longer exists.',
  },
  'REA-422-PARTES': { reason: 'invalid', message: 'You cannot grant a power of attorney to yourself.' },
  'REA-400': { reason: 'invalid', message: 'The register did not accept the data of the request.' },
};

/** A refusal with a code this connector does not know yet, by its HTTP status. */
const BY_HTTP_STATUS: Record<number, { reason: ReaRefusal; message: string }> = {
  400: { reason: 'invalid', message: 'The register did not accept the data of the request.' },
  403: { reason: 'forbidden', message: 'Only the other party to this power of attorney can do that.' },
  404: { reason: 'not-found', message: 'That power of attorney does not exist.' },
  409: { reason: 'conflict', message: 'The register refused the request in the current state of the power.' },
  422: { reason: 'invalid', message: 'The register did not accept the data of the request.' },
};

export function createReaConnector(options: ReaConnectorOptions): ReaConnector {
  const { id: source, name } = options;
  const client =
    options.client ??
    createAgencyClient({
      source,
      baseUrl: options.baseUrl,
      timeoutMs: options.timeoutMs,
      ...(options.logger ? { logger: options.logger } : {}),
    });
  const base = '/rea/v1';
  const now = options.now ?? (() => new Date());
  const status = (value: SourceStatus['status'], message?: string): SourceStatus =>
    message === undefined ? { source, name, status: value } : { source, name, status: value, message };
  const INVALID = 'The register answered in an unexpected format.';

  /** The body of a usable answer, or the failure as a status. */
  function bodyOf(
    answer: AgencyAnswer,
    allowed: (httpStatus: number) => boolean,
  ): { body: unknown } | SourceStatus {
    if (answer.kind === 'failure') return status(answer.reason, answer.message);
    if (answer.httpStatus >= 500) {
      return status('unavailable', `The register answered with an error (HTTP ${answer.httpStatus}).`);
    }
    if (!answer.isJson || !allowed(answer.httpStatus)) {
      client.report('invalid-response', { httpStatus: answer.httpStatus });
      return status('invalid-response', INVALID);
    }
    return { body: answer.body };
  }

  async function list(param: 'nifApoderado' | 'nifPoderdante', personId: string) {
    const answer = await client.get(`${base}/apoderamientos?${param}=${encodeURIComponent(personId)}`);
    // A person the register does not know holds nothing.
    if (answer.kind === 'answer' && answer.httpStatus === 404)
      return { raw: [] as unknown[], status: status('ok') };
    const got = bodyOf(answer, (code) => code === 200);
    if ('status' in got) return { raw: [] as unknown[], status: got };
    const envelope = listSchema.safeParse(got.body);
    if (!envelope.success) {
      client.report('invalid-response');
      return { raw: [] as unknown[], status: status('invalid-response', INVALID) };
    }
    client.report('ok');
    return { raw: envelope.data.apoderamientos, status: status('ok') };
  }

  function registerList(raw: readonly unknown[]): RegisterPower[] {
    const items: RegisterPower[] = [];
    for (const entry of raw) {
      const power = normaliseRegisterPower(entry);
      if (power) items.push(power);
      else options.logger?.warn({ source }, `agency ${source}: unreadable power skipped`);
    }
    return items;
  }

  /** The answer of a write (or a read of one power) as a result. */
  function writeResult(answer: AgencyAnswer): ReaWriteResult {
    if (answer.kind === 'answer' && answer.httpStatus >= 400 && answer.httpStatus < 500) {
      const refusal = errorSchema.safeParse(answer.body);
      if (refusal.success) {
        const code = refusal.data.codigoError;
        const known = REFUSALS[code] ?? BY_HTTP_STATUS[answer.httpStatus];
        if (known) return { ok: false, ...known, status: status('ok') };
      }
      client.report('invalid-response', { httpStatus: answer.httpStatus });
      return {
        ok: false,
        reason: 'invalid-response',
        message: INVALID,
        status: status('invalid-response', INVALID),
      };
    }
    const got = bodyOf(answer, (code) => code === 200 || code === 201);
    if ('status' in got) {
      const reason = got.status === 'ok' ? 'unavailable' : got.status;
      return { ok: false, reason, message: got.message ?? INVALID, status: got };
    }
    const envelope = detailSchema.safeParse(got.body);
    const power = envelope.success ? normaliseRegisterPower(envelope.data.apoderamiento) : null;
    if (!envelope.success || !power) {
      client.report('invalid-response');
      return {
        ok: false,
        reason: 'invalid-response',
        message: INVALID,
        status: status('invalid-response', INVALID),
      };
    }
    client.report('ok');
    return { ok: true, power, replayed: envelope.data.peticionRepetida === true, status: status('ok') };
  }

  const json = (value: unknown) => ({ contentType: 'application/json', text: JSON.stringify(value) });

  return {
    id: source,

    async powersHeldBy(attorneyId) {
      const { raw, status: answered } = await list('nifApoderado', attorneyId);
      if (answered.status !== 'ok') return { items: [], status: answered };
      const at = now();
      const items: HeldPower[] = [];
      for (const entry of raw) {
        const power = normaliseReaPower(entry, at);
        if (power) items.push(power);
        else options.logger?.warn({ source }, `agency ${source}: unreadable power skipped`);
      }
      return { items, status: answered };
    },

    async register(personId) {
      const [received, granted] = await Promise.all([
        list('nifApoderado', personId),
        list('nifPoderdante', personId),
      ]);
      const failed = [received.status, granted.status].find((answer) => answer.status !== 'ok');
      if (failed) return { granted: [], received: [], status: failed };
      return {
        granted: registerList(granted.raw),
        received: registerList(received.raw),
        status: status('ok'),
      };
    },

    async power(personId, powerId) {
      // The register answers 404 to someone who is not a party, whichever role they are asked in.
      const [asAttorney, asGrantor] = await Promise.all([
        client.get(
          `${base}/apoderamientos/${encodeURIComponent(powerId)}?nifApoderado=${encodeURIComponent(personId)}`,
        ),
        client.get(
          `${base}/apoderamientos/${encodeURIComponent(powerId)}?nifPoderdante=${encodeURIComponent(personId)}`,
        ),
      ]);
      const first = writeResult(asAttorney);
      if (first.ok || first.reason !== 'not-found') return first;
      return writeResult(asGrantor);
    },

    async grant(input) {
      const answer = await client.send(
        'POST',
        `${base}/apoderamientos`,
        json({
          idPeticion: input.requestId,
          nifPoderdante: input.grantorId,
          apoderado: { nif: input.attorney.id, primerApellido: input.attorney.surname },
          tipo: TIPO[input.kind],
          codigoOrganismo: input.bodyDir3,
          procedimientos: input.procedures,
          vigencia: { desde: reaDay(input.validFrom), hasta: reaDay(input.validUntil) },
        }),
      );
      return writeResult(answer);
    },

    async act(personId, powerId, act) {
      const path = `${base}/apoderamientos/${encodeURIComponent(powerId)}`;
      let answer: AgencyAnswer;
      switch (act.action) {
        case 'accept':
          answer = await client.send('POST', `${path}/aceptacion`, json({ nifApoderado: personId }));
          break;
        case 'renounce':
          answer = await client.send('POST', `${path}/renuncia`, json({ nifApoderado: personId }));
          break;
        case 'revoke':
          answer = await client.send('POST', `${path}/revocacion`, json({ nifPoderdante: personId }));
          break;
        case 'extend':
          answer = await client.send(
            'POST',
            `${path}/prorroga`,
            json({ nifPoderdante: personId, nuevaFechaFin: reaDay(act.validUntil) }),
          );
          break;
      }
      return writeResult(answer);
    },

    close: () => client.close(),
  };
}
