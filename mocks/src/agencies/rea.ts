import { HttpResponse, http, type HttpHandler } from 'msw';
import { findPerson, isValidCif, isValidNifOrNie, TEST_COMPANIES } from '../citizens.ts';
import { createFaultController, type FaultController, faultControlHandlers, injectFault } from '../faults.ts';
import { formatMadridDate } from '../madrid-time.ts';
import { findDir3Unit } from './dir3-data.ts';
import {
  createReaSeed,
  type ReaApoderamiento,
  type ReaDetalleApoderamiento,
  type ReaError,
  type ReaListaApoderamientos,
  type ReaPersona,
  type ReaRespuestaAlta,
  type ReaTipo,
} from './rea-data.ts';

export * from './rea-data.ts';

/**
 * A simulated REA ("Registro Electrónico de Apoderamientos", the State's electronic register of
 * powers of attorney), answering in its own format:
 *
 *   GET  {base}/rea/v1/apoderamientos?nifApoderado={nif}           → ReaListaApoderamientos (held)
 *   GET  {base}/rea/v1/apoderamientos?nifPoderdante={nif}          → ReaListaApoderamientos (granted)
 *   GET  {base}/rea/v1/apoderamientos/{id}[?nifApoderado=|nifPoderdante=] → ReaDetalleApoderamiento
 *   POST {base}/rea/v1/apoderamientos                    ReaSolicitudAlta → 201 ReaRespuestaAlta
 *        (PENDIENTE_ACEPTACION; the same idPeticion again → 200 with the same power)
 *   POST {base}/rea/v1/apoderamientos/{id}/aceptacion    { nifApoderado }  → AUTORIZADO
 *   POST {base}/rea/v1/apoderamientos/{id}/renuncia      { nifApoderado }  → RENUNCIADO
 *   POST {base}/rea/v1/apoderamientos/{id}/revocacion    { nifPoderdante } → REVOCADO
 *   POST {base}/rea/v1/apoderamientos/{id}/prorroga      { nifPoderdante, nuevaFechaFin }
 *   errors                                                          → ReaError (400/403/404/409/422)
 *
 * Law 39/2015 art. 6: a power lasts at most five years from its registration; before it ends the
 * grantor may revoke or extend it (an extension again at most five years from when it is
 * registered); the attorney accepts it, and may renounce it. Acts are idempotent: accepting an
 * accepted power, or revoking a revoked one, answers it as it is. Someone who is not a party to a
 * power gets REA-404, as if it did not exist.
 *
 * Control (never affected by faults):
 *   POST {base}/__control/faults, GET {base}/__control/faults       fault injection, as DEHú
 *   POST {base}/__control/rea/revoke { "idApoderamiento": "…" }     the grantor revokes a power now
 *   POST {base}/__control/reset                                      faults off, records as seeded
 */
export const REA_API_PATH = '/rea/v1';

export interface ReaHandlerOptions {
  /**
   * The instant the seed's dates are relative to, and "today" for the rules on dates; defaults to
   * the real clock (the seed then relative to when the handlers are created).
   */
  now?: Date;
  /** Origin (and prefix) the handlers answer on; "*" (the default) matches any origin. */
  baseUrl?: string;
  /** Shared fault state; each handler set gets its own when omitted. */
  faults?: FaultController;
}

const NIF_PATTERN = /^[0-9XYZ][0-9]{7}[A-Z]$/;
const ID_PATTERN = /^AP-\d{4}-\d{6}$/;
const PETICION_PATTERN = /^[A-Za-z0-9_-]{8,100}$/;
const RAW_DAY = /^(\d{2})\/(\d{2})\/(\d{4})$/;
const PROCEDURE_PATTERN = /^[A-Z0-9][A-Z0-9._-]{0,59}$/;
const MAX_YEARS = 5;
const MAX_PROCEDURES = 20;
const TIPOS: readonly ReaTipo[] = ['GENERAL', 'ORGANISMO', 'PROCEDIMIENTOS'];

function ko(status: number, codigoError: string, descripcion: string) {
  return HttpResponse.json<ReaError>({ resultado: 'KO', codigoError, descripcion }, { status });
}

/** "dd/MM/yyyy" → "yyyy-MM-dd" (comparable as text), or null when it is not a real day. */
export function reaDayToIso(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = RAW_DAY.exec(value);
  if (!match) return null;
  const [day = 0, month = 0, year = 0] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return `${match[3]}-${match[2]}-${match[1]}`;
}

/** "yyyy-MM-dd" plus whole years (29 February → 28 February). */
function plusYears(iso: string, years: number): string {
  const [year = 0, month = 1, day = 1] = iso.split('-').map(Number);
  const lastOfMonth = new Date(Date.UTC(year + years, month, 0)).getUTCDate();
  return `${year + years}-${String(month).padStart(2, '0')}-${String(Math.min(day, lastOfMonth)).padStart(2, '0')}`;
}

const isoToRea = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Lower case, without accents or extra spaces: how the identity check compares surnames. */
const fold = (value: string) =>
  value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** A person or company the register knows (it checks identities against the State's data). */
function knownParty(nif: string): ReaPersona | undefined {
  const person = findPerson(nif);
  if (person) return { nif: person.nif, nombre: person.displayName, tipoPersona: 'FISICA' };
  const company = TEST_COMPANIES.find((candidate) => candidate.cif === nif);
  return company ? { nif: company.cif, nombre: company.name, tipoPersona: 'JURIDICA' } : undefined;
}

async function jsonBody(request: Request): Promise<Record<string, unknown> | null> {
  try {
    const body: unknown = await request.json();
    return typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

const upper = (value: unknown) => (typeof value === 'string' ? value.trim().toUpperCase() : '');

/** The simulated register's MSW handlers (data endpoints with fault injection, and /__control). */
export function reaHandlers(options: ReaHandlerOptions = {}): HttpHandler[] {
  const base = (options.baseUrl ?? '*').replace(/\/$/, '');
  const faults = options.faults ?? createFaultController();
  const seedAt = options.now ?? new Date();
  const today = () => reaDayToIso(formatMadridDate(options.now ?? new Date())) ?? '';
  let records: ReaApoderamiento[] = createReaSeed(seedAt);
  /** idPeticion → (the request as sent, power id): a repeated grant answers the first one's power. */
  let requests = new Map<string, { fingerprint: string; id: string }>();
  let sequence = 0;

  const copy = (record: ReaApoderamiento): ReaApoderamiento => structuredClone(record);
  const detail = (record: ReaApoderamiento) =>
    HttpResponse.json<ReaDetalleApoderamiento>({ resultado: 'OK', apoderamiento: copy(record) });
  const lapsed = (record: ReaApoderamiento) => (reaDayToIso(record.vigencia.hasta) ?? '') < today();
  const inForce = (record: ReaApoderamiento) =>
    (record.estado === 'AUTORIZADO' || record.estado === 'PENDIENTE_ACEPTACION') && !lapsed(record);

  /** The power, checked against who asks: not a party → 404; the wrong party → 403. */
  function forParty(id: string, nif: string, role: 'apoderado' | 'poderdante'): ReaApoderamiento | Response {
    if (!ID_PATTERN.test(id)) {
      return ko(400, 'REA-400', 'El identificador del apoderamiento no tiene un formato válido.');
    }
    const record = records.find((candidate) => candidate.idApoderamiento === id);
    if (!record || (record.apoderado.nif !== nif && record.poderdante.nif !== nif)) {
      return ko(404, 'REA-404', 'No existe el apoderamiento indicado.');
    }
    if (record[role].nif !== nif) {
      return ko(
        403,
        'REA-403',
        role === 'apoderado'
          ? 'Solo el apoderado puede aceptar o renunciar al apoderamiento.'
          : 'Solo el poderdante puede revocar o prorrogar el apoderamiento.',
      );
    }
    return record;
  }

  function grant(body: Record<string, unknown>): Response {
    const idPeticion = body.idPeticion;
    if (typeof idPeticion !== 'string' || !PETICION_PATTERN.test(idPeticion)) {
      return ko(400, 'REA-400', 'El campo idPeticion es obligatorio (8 a 100 letras, dígitos, - o _).');
    }
    const fingerprint = JSON.stringify(body);
    const previous = requests.get(idPeticion);
    if (previous) {
      if (previous.fingerprint !== fingerprint) {
        return ko(409, 'REA-409-PETICION', 'El idPeticion ya se usó para una solicitud distinta.');
      }
      const record = records.find((candidate) => candidate.idApoderamiento === previous.id);
      if (record) {
        return HttpResponse.json<ReaRespuestaAlta>({
          resultado: 'OK',
          peticionRepetida: true,
          apoderamiento: copy(record),
        });
      }
    }

    const nifPoderdante = upper(body.nifPoderdante);
    const apoderado = body.apoderado as Record<string, unknown> | null | undefined;
    const nifApoderado = upper(apoderado?.nif);
    const apellido = typeof apoderado?.primerApellido === 'string' ? apoderado.primerApellido : '';
    const tipo = body.tipo as ReaTipo;
    const vigencia = body.vigencia as Record<string, unknown> | null | undefined;
    const desde = reaDayToIso(vigencia?.desde);
    const hasta = reaDayToIso(vigencia?.hasta);
    if (!isValidNifOrNie(nifPoderdante) && !isValidCif(nifPoderdante)) {
      return ko(400, 'REA-400', 'El NIF del poderdante no tiene un formato válido.');
    }
    if (!isValidNifOrNie(nifApoderado)) {
      return ko(400, 'REA-400', 'El NIF/NIE del apoderado no tiene un formato válido.');
    }
    if (apellido.trim() === '' || apellido.length > 100) {
      return ko(400, 'REA-400', 'El primer apellido del apoderado es obligatorio.');
    }
    if (!TIPOS.includes(tipo)) {
      return ko(400, 'REA-400', 'El tipo debe ser GENERAL, ORGANISMO o PROCEDIMIENTOS.');
    }
    if (!desde || !hasta) {
      return ko(400, 'REA-400', 'La vigencia necesita las fechas desde y hasta (dd/MM/aaaa).');
    }
    const codigo = body.codigoOrganismo;
    const procedimientos = body.procedimientos;
    if (tipo === 'GENERAL' ? codigo !== null : typeof codigo !== 'string') {
      return ko(
        400,
        'REA-400',
        'El organismo es obligatorio salvo en un apoderamiento GENERAL, que no lo lleva.',
      );
    }
    if (tipo === 'PROCEDIMIENTOS') {
      if (
        !Array.isArray(procedimientos) ||
        procedimientos.length < 1 ||
        procedimientos.length > MAX_PROCEDURES ||
        !procedimientos.every((code) => typeof code === 'string' && PROCEDURE_PATTERN.test(code))
      ) {
        return ko(400, 'REA-400', 'Indique de 1 a 20 códigos de procedimiento válidos.');
      }
    } else if (procedimientos !== null) {
      return ko(400, 'REA-400', 'Solo un apoderamiento PROCEDIMIENTOS lleva procedimientos.');
    }

    const poderdante = knownParty(nifPoderdante);
    if (!poderdante)
      return ko(422, 'REA-422-IDENTIDAD', 'El poderdante no consta en los datos de identidad.');
    const persona = findPerson(nifApoderado);
    if (!persona || !fold(persona.surnames).startsWith(fold(apellido))) {
      return ko(
        422,
        'REA-422-IDENTIDAD',
        'Los datos del apoderado no coinciden con los de identidad (NIF/NIE y primer apellido).',
      );
    }
    if (nifApoderado === nifPoderdante) {
      return ko(422, 'REA-422-PARTES', 'El poderdante y el apoderado no pueden ser la misma persona.');
    }
    let organismo: ReaApoderamiento['organismo'] = null;
    if (typeof codigo === 'string') {
      const unit = findDir3Unit(codigo);
      if (unit?.estado !== 'V') {
        return ko(422, 'REA-422-ORGANISMO', 'El organismo indicado no existe o no está vigente en DIR3.');
      }
      organismo = { dir3: unit.codigo, nombre: unit.denominacion };
    }
    const day = today();
    if (desde < day) return ko(422, 'REA-422-VIGENCIA', 'La vigencia no puede empezar antes de hoy.');
    if (hasta < desde) return ko(422, 'REA-422-VIGENCIA', 'La fecha de fin es anterior a la de inicio.');
    if (hasta > plusYears(day, MAX_YEARS)) {
      return ko(
        422,
        'REA-422-VIGENCIA',
        'La vigencia máxima es de cinco años desde la inscripción (Ley 39/2015, art. 6.6).',
      );
    }
    const codes = tipo === 'PROCEDIMIENTOS' ? [...new Set(procedimientos as string[])].sort() : null;
    const same = records.find(
      (record) =>
        inForce(record) &&
        record.poderdante.nif === nifPoderdante &&
        record.apoderado.nif === nifApoderado &&
        record.tipo === tipo &&
        (record.organismo?.dir3 ?? null) === (organismo?.dir3 ?? null) &&
        JSON.stringify(record.procedimientos ? [...record.procedimientos].sort() : null) ===
          JSON.stringify(codes),
    );
    if (same) {
      return ko(
        409,
        'REA-409-DUPLICADO',
        `Ya existe un apoderamiento en vigor con el mismo alcance (${same.idApoderamiento}).`,
      );
    }

    sequence += 1;
    const record: ReaApoderamiento = {
      idApoderamiento: `AP-${day.slice(0, 4)}-${String(500_000 + sequence).padStart(6, '0')}`,
      tipo,
      poderdante,
      apoderado: { nif: persona.nif, nombre: persona.displayName, tipoPersona: 'FISICA' },
      organismo,
      procedimientos: codes,
      vigencia: { desde: isoToRea(desde), hasta: isoToRea(hasta) },
      estado: 'PENDIENTE_ACEPTACION',
    };
    records.push(record);
    requests.set(idPeticion, { fingerprint, id: record.idApoderamiento });
    return HttpResponse.json<ReaRespuestaAlta>(
      { resultado: 'OK', peticionRepetida: false, apoderamiento: copy(record) },
      { status: 201 },
    );
  }

  type Act = 'aceptacion' | 'renuncia' | 'revocacion' | 'prorroga';

  function act(kind: Act, id: string, body: Record<string, unknown>): Response {
    const role = kind === 'aceptacion' || kind === 'renuncia' ? 'apoderado' : 'poderdante';
    const nif = upper(role === 'apoderado' ? body.nifApoderado : body.nifPoderdante);
    if (!NIF_PATTERN.test(nif) && !isValidCif(nif)) {
      return ko(
        400,
        'REA-400',
        role === 'apoderado'
          ? 'El campo nifApoderado es obligatorio.'
          : 'El campo nifPoderdante es obligatorio.',
      );
    }
    const found = forParty(id, nif, role);
    if (found instanceof Response) return found;
    const record = found;
    const stateError = (why: string) => ko(409, 'REA-409-ESTADO', why);
    switch (kind) {
      case 'aceptacion':
        if (record.estado === 'AUTORIZADO' && !lapsed(record)) return detail(record);
        if (record.estado !== 'PENDIENTE_ACEPTACION') {
          return stateError('Solo se puede aceptar un apoderamiento pendiente de aceptación.');
        }
        if (lapsed(record)) return stateError('El apoderamiento ha caducado.');
        record.estado = 'AUTORIZADO';
        return detail(record);
      case 'renuncia':
        if (record.estado === 'RENUNCIADO') return detail(record);
        if (!inForce(record)) return stateError('El apoderamiento ya no está en vigor.');
        record.estado = 'RENUNCIADO';
        return detail(record);
      case 'revocacion':
        if (record.estado === 'REVOCADO') return detail(record);
        if (!inForce(record)) return stateError('El apoderamiento ya no está en vigor.');
        record.estado = 'REVOCADO';
        return detail(record);
      case 'prorroga': {
        const nueva = reaDayToIso(body.nuevaFechaFin);
        if (!nueva)
          return ko(400, 'REA-400', 'La nueva fecha de fin (nuevaFechaFin, dd/MM/aaaa) es obligatoria.');
        const hasta = reaDayToIso(record.vigencia.hasta) ?? '';
        if (nueva === hasta && inForce(record)) return detail(record);
        if (!inForce(record)) return stateError('Solo se prorroga un apoderamiento en vigor.');
        if (nueva < hasta) {
          return ko(422, 'REA-422-VIGENCIA', 'La prórroga debe terminar después de la fecha de fin actual.');
        }
        if (nueva > plusYears(today(), MAX_YEARS)) {
          return ko(
            422,
            'REA-422-VIGENCIA',
            'Una prórroga dura como máximo cinco años desde su inscripción (Ley 39/2015, art. 6.6).',
          );
        }
        record.vigencia = { ...record.vigencia, hasta: isoToRea(nueva) };
        return detail(record);
      }
    }
  }

  const acts: readonly Act[] = ['aceptacion', 'renuncia', 'revocacion', 'prorroga'];

  return [
    // Before the shared fault controls, so that reset also restores the records.
    http.post(`${base}/__control/reset`, () => {
      records = createReaSeed(seedAt);
      requests = new Map();
      sequence = 0;
      return HttpResponse.json(faults.reset());
    }),

    http.post(`${base}/__control/rea/revoke`, async ({ request }) => {
      let body: unknown;
      try {
        body = await request.json();
      } catch {
        return HttpResponse.json({ error: 'bad-request', message: 'the body is not JSON' }, { status: 400 });
      }
      const id =
        typeof body === 'object' && body !== null
          ? (body as Record<string, unknown>).idApoderamiento
          : undefined;
      if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
        return HttpResponse.json(
          { error: 'bad-request', message: '"idApoderamiento" must be an id such as AP-2026-000101' },
          { status: 400 },
        );
      }
      const record = records.find((candidate) => candidate.idApoderamiento === id);
      if (!record) {
        return HttpResponse.json({ error: 'not-found', message: `no power ${id}` }, { status: 404 });
      }
      record.estado = 'REVOCADO';
      return HttpResponse.json(copy(record));
    }),

    ...faultControlHandlers(faults, base),

    http.get(`${base}${REA_API_PATH}/apoderamientos`, async ({ request }) => {
      const fault = await injectFault(faults, request);
      if (fault) return fault;
      const params = new URL(request.url).searchParams;
      const holder = params.get('nifApoderado');
      const grantor = params.get('nifPoderdante');
      if ((holder === null || holder === '') === (grantor === null || grantor === '')) {
        return ko(400, 'REA-400', 'Indique uno de los parámetros nifApoderado o nifPoderdante.');
      }
      let apoderamientos: ReaApoderamiento[];
      if (holder) {
        const nif = holder.toUpperCase();
        if (!NIF_PATTERN.test(nif)) {
          return ko(400, 'REA-400', 'El NIF/NIE del apoderado no tiene un formato válido.');
        }
        // A person who holds no power gets an empty list, not an error.
        apoderamientos = records.filter((record) => record.apoderado.nif === nif).map(copy);
      } else {
        const nif = (grantor ?? '').toUpperCase();
        if (!NIF_PATTERN.test(nif) && !isValidCif(nif)) {
          return ko(400, 'REA-400', 'El NIF del poderdante no tiene un formato válido.');
        }
        apoderamientos = records.filter((record) => record.poderdante.nif === nif).map(copy);
      }
      return HttpResponse.json<ReaListaApoderamientos>({
        resultado: 'OK',
        totalRegistros: apoderamientos.length,
        apoderamientos,
      });
    }),

    http.post(`${base}${REA_API_PATH}/apoderamientos`, async ({ request }) => {
      const fault = await injectFault(faults, request);
      if (fault) return fault;
      const body = await jsonBody(request);
      if (!body) return ko(400, 'REA-400', 'El cuerpo de la petición debe ser un objeto JSON.');
      return grant(body);
    }),

    http.get(`${base}${REA_API_PATH}/apoderamientos/:id`, async ({ request, params }) => {
      const fault = await injectFault(faults, request);
      if (fault) return fault;
      const id = String(params.id);
      if (!ID_PATTERN.test(id)) {
        return ko(400, 'REA-400', 'El identificador del apoderamiento no tiene un formato válido.');
      }
      const search = new URL(request.url).searchParams;
      const holder = search.get('nifApoderado')?.toUpperCase();
      const grantor = search.get('nifPoderdante')?.toUpperCase();
      const record = records.find(
        (candidate) =>
          candidate.idApoderamiento === id &&
          (holder === undefined || candidate.apoderado.nif === holder) &&
          (grantor === undefined || candidate.poderdante.nif === grantor),
      );
      if (!record) return ko(404, 'REA-404', 'No existe el apoderamiento indicado.');
      return detail(record);
    }),

    ...acts.map((kind) =>
      http.post(`${base}${REA_API_PATH}/apoderamientos/:id/${kind}`, async ({ request, params }) => {
        const fault = await injectFault(faults, request);
        if (fault) return fault;
        const body = await jsonBody(request);
        if (!body) return ko(400, 'REA-400', 'El cuerpo de la petición debe ser un objeto JSON.');
        return act(kind, String(params.id), body);
      }),
    ),
  ];
}
