import { createHash } from 'node:crypto';
import { HttpResponse, http, type HttpHandler } from 'msw';
import { isValidCif, isValidNifOrNie } from '../citizens.ts';
import { createFaultController, type FaultController, faultControlHandlers, injectFault } from '../faults.ts';
import { formatMadridDate, formatMadridDateTime } from '../madrid-time.ts';
import { createDir3Directory, findDir3Unit, RETURNING_TEST_UNIT } from './dir3-data.ts';
import {
  GEISER_LIMITES,
  type GeiserAnexo,
  type GeiserAsiento,
  type GeiserDirectorio,
  type GeiserError,
  type GeiserEstado,
  type GeiserListaAsientos,
  type GeiserPersona,
  type GeiserRespuestaAsiento,
  SEED_ASIENTOS,
} from './registro-data.ts';

export * from './dir3-data.ts';
export * from './registro-data.ts';

/**
 * A simulated general registry ("Registro Electrónico General", GEISER/SIR style): it serves the
 * directory of bodies, registers entries addressed to any of them, and forwards them, in its own
 * format:
 *
 *   GET  {base}/geiser/v1/unidades                                   → GeiserDirectorio (all units)
 *   POST {base}/geiser/v1/asientos          GeiserSolicitudAsiento   → 201 GeiserRespuestaAsiento
 *        (the same idPeticion again → 200, the same entry, peticionRepetida: true)
 *   GET  {base}/geiser/v1/asientos?documentoInteresado={nif}         → GeiserListaAsientos
 *   GET  {base}/geiser/v1/asientos/{numeroRegistro}?documentoInteresado={nif} → GeiserRespuestaAsiento
 *   errors                                                           → GeiserError (400/404/409/413/415/422)
 *
 * An entry is REGISTRADO at once, ENVIADO to its addressee `forwardAfterMs` later and CONFIRMADO
 * (or RECHAZADO, by the test unit that returns everything) `settleAfterMs` after registration.
 *
 * Control (never affected by faults):
 *   POST {base}/__control/faults, GET {base}/__control/faults        fault injection, as DEHú
 *   POST {base}/__control/geiser/avanzar { "numeroRegistro": "…" }    the entry's next state now
 *   POST {base}/__control/reset                                       faults off, entries as seeded
 */
export const GEISER_API_PATH = '/geiser/v1';

export interface GeiserHandlerOptions {
  /** The instant the seeded entries are relative to (default: when the handlers are created). */
  now?: Date;
  /** The registry's clock (default: the real one). */
  clock?: () => Date;
  baseUrl?: string;
  faults?: FaultController;
  /** After registration, when the entry is forwarded (default 15 s). */
  forwardAfterMs?: number;
  /** After registration, when the addressee confirms or returns it (default 60 s). */
  settleAfterMs?: number;
}

const NUMERO_PATTERN = /^REGAGE\d{2}e\d{11}$/;
const PETICION_PATTERN = /^[A-Za-z0-9_-]{8,100}$/;
const DIR3_PATTERN = /^[A-Z0-9]{9}$/;
const HEX64 = /^[0-9a-f]{64}$/;
const SAFE_NAME = /^(?!\.+$)[^\p{Cc}/\\]{1,150}$/u;

/** An interested party is a person (NIF/NIE) or a company (CIF). */
const isIdentity = (value: string) => isValidNifOrNie(value) || isValidCif(value);

function ko(status: number, codigoRespuesta: string, descripcion: string) {
  return HttpResponse.json<GeiserError>({ codigoRespuesta, descripcion }, { status });
}

/** The type the content's first bytes show (the registry does not trust the declared type). */
export function sniffType(bytes: Uint8Array): string | null {
  const starts = (...values: number[]) => values.every((value, index) => bytes[index] === value);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 256))
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (head.startsWith('<?xml') || /^<[A-Za-z_][\w.:-]*[\s>/]/.test(head)) return 'application/xml';
  return null;
}

interface Stored {
  asiento: GeiserAsiento;
  registeredAt: number;
  /** The request as sent (without contents), to tell a repeat from another request. */
  fingerprint: string;
  returns: boolean;
}

/** The simulated registry's MSW handlers (data endpoints with fault injection, and /__control). */
export function geiserHandlers(options: GeiserHandlerOptions = {}): HttpHandler[] {
  const base = (options.baseUrl ?? '*').replace(/\/$/, '');
  const faults = options.faults ?? createFaultController();
  const clock = options.clock ?? (() => new Date());
  const seedAt = options.now ?? clock();
  const forwardAfterMs = options.forwardAfterMs ?? 15_000;
  const settleAfterMs = Math.max(options.settleAfterMs ?? 60_000, forwardAfterMs);
  const directory = createDir3Directory();

  let entries: Stored[] = [];
  let byPeticion = new Map<string, Stored>();
  let sequence = 100_000;

  const numero = (at: Date, value: number) =>
    `REGAGE${formatMadridDate(at).slice(8, 10)}e${String(value).padStart(11, '0')}`;

  function seed() {
    entries = [];
    byPeticion = new Map();
    sequence = 100_000;
    for (const spec of SEED_ASIENTOS) {
      const at = new Date(seedAt.getTime() - spec.diasAntes * 86_400_000);
      const unit = findDir3Unit(spec.codigoUnidadDestino);
      entries.push({
        registeredAt: at.getTime(),
        fingerprint: '',
        returns: spec.estadoFinal === 'RECHAZADO',
        asiento: {
          numeroRegistro: numero(at, spec.secuencia),
          fechaRegistro: formatMadridDateTime(at),
          idPeticion: null,
          interesado: { documento: spec.documento, nombre: spec.nombre },
          representante: null,
          unidadDestino: { codigo: spec.codigoUnidadDestino, denominacion: unit?.denominacion ?? '' },
          resumen: spec.resumen,
          expone: spec.expone,
          solicita: spec.solicita,
          anexos: [],
          estado: 'REGISTRADO',
          historico: [{ estado: 'REGISTRADO', fecha: formatMadridDateTime(at), observaciones: null }],
        },
      });
    }
    // Seeded entries carry their last remark on the final event.
    for (const [index, spec] of SEED_ASIENTOS.entries()) {
      const stored = entries[index];
      if (stored) settle(stored, spec.observaciones);
    }
  }

  function push(stored: Stored, estado: GeiserEstado, at: Date, observaciones: string | null) {
    stored.asiento.estado = estado;
    stored.asiento.historico.push({ estado, fecha: formatMadridDateTime(at), observaciones });
  }

  function finalState(stored: Stored): GeiserEstado {
    return stored.returns ? 'RECHAZADO' : 'CONFIRMADO';
  }

  const RETURNED_REMARK = 'Devuelto por la unidad de destino: no es competente para la solicitud.';

  /** Appends the events whose time has come. */
  function settle(stored: Stored, remark: string | null = null) {
    const now = clock().getTime();
    if (stored.asiento.estado === 'REGISTRADO' && now >= stored.registeredAt + forwardAfterMs) {
      push(stored, 'ENVIADO', new Date(stored.registeredAt + forwardAfterMs), null);
    }
    if (stored.asiento.estado === 'ENVIADO' && now >= stored.registeredAt + settleAfterMs) {
      const estado = finalState(stored);
      push(
        stored,
        estado,
        new Date(stored.registeredAt + settleAfterMs),
        remark ?? (estado === 'RECHAZADO' ? RETURNED_REMARK : null),
      );
    }
  }

  const view = (stored: Stored): GeiserAsiento => {
    settle(stored);
    return structuredClone(stored.asiento);
  };

  function person(value: unknown): GeiserPersona | null {
    if (typeof value !== 'object' || value === null) return null;
    const { documento, nombre } = value as Record<string, unknown>;
    if (typeof documento !== 'string' || !isIdentity(documento.toUpperCase())) return null;
    if (typeof nombre !== 'string' || nombre.trim() === '' || nombre.length > 300) return null;
    return { documento: documento.toUpperCase(), nombre: nombre.trim() };
  }

  const text = (value: unknown, max: number) =>
    typeof value === 'string' && value.trim() !== '' && value.length <= max ? value : null;

  function register(body: Record<string, unknown>): Response {
    const idPeticion = body.idPeticion;
    if (typeof idPeticion !== 'string' || !PETICION_PATTERN.test(idPeticion)) {
      return ko(400, 'E400', 'El campo idPeticion es obligatorio (8 a 100 letras, dígitos, - o _).');
    }
    const anexosRaw = body.anexos;
    if (!Array.isArray(anexosRaw)) return ko(400, 'E400', 'El campo anexos debe ser una lista.');
    const fingerprint = JSON.stringify({
      ...body,
      anexos: anexosRaw.map((anexo) =>
        typeof anexo === 'object' && anexo !== null ? { ...anexo, contenido: undefined } : anexo,
      ),
    });
    const previous = byPeticion.get(idPeticion);
    if (previous) {
      if (previous.fingerprint !== fingerprint) {
        return ko(409, 'E409', 'El idPeticion ya se usó para una solicitud distinta.');
      }
      return HttpResponse.json<GeiserRespuestaAsiento>({
        codigoRespuesta: '0',
        peticionRepetida: true,
        asiento: view(previous),
      });
    }

    const interesado = person(body.interesado);
    if (!interesado) return ko(400, 'E400', 'El interesado necesita un documento (NIF/NIE) y un nombre.');
    const representante = body.representante === null ? null : person(body.representante);
    if (body.representante !== null && !representante) {
      return ko(400, 'E400', 'El representante necesita un documento (NIF/NIE) y un nombre.');
    }
    const resumen = text(body.resumen, GEISER_LIMITES.maxResumen);
    const expone = text(body.expone, GEISER_LIMITES.maxTexto);
    const solicita = text(body.solicita, GEISER_LIMITES.maxTexto);
    if (!resumen || !expone || !solicita) {
      return ko(
        400,
        'E400',
        `Resumen (hasta ${GEISER_LIMITES.maxResumen} caracteres), expone y solicita (hasta ${GEISER_LIMITES.maxTexto}) son obligatorios.`,
      );
    }
    const codigo = body.codigoUnidadDestino;
    if (typeof codigo !== 'string' || !DIR3_PATTERN.test(codigo)) {
      return ko(400, 'E400', 'El código DIR3 de la unidad de destino no es válido.');
    }
    const unit = findDir3Unit(codigo);
    if (!unit) return ko(404, 'E404', 'La unidad de destino no existe en DIR3.');
    if (unit.estado !== 'V') return ko(422, 'E422', 'La unidad de destino no está vigente.');

    if (anexosRaw.length > GEISER_LIMITES.maxAnexos) {
      return ko(413, 'E413', `Se admiten como máximo ${GEISER_LIMITES.maxAnexos} anexos.`);
    }
    // Metadata first (types, sizes, the totals), then each content against its metadata.
    const anexos: (GeiserAnexo & { contenido: string })[] = [];
    let total = 0;
    for (const raw of anexosRaw) {
      const anexo = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
      const { nombre, tipoMime, tamanyo, huella, contenido } = anexo;
      if (
        typeof nombre !== 'string' ||
        !SAFE_NAME.test(nombre) ||
        typeof tipoMime !== 'string' ||
        typeof tamanyo !== 'number' ||
        !Number.isInteger(tamanyo) ||
        tamanyo <= 0 ||
        typeof huella !== 'string' ||
        !HEX64.test(huella) ||
        typeof contenido !== 'string'
      ) {
        return ko(
          400,
          'E400',
          'Cada anexo necesita nombre, tipoMime, tamanyo, huella (SHA-256) y contenido.',
        );
      }
      if (!(GEISER_LIMITES.tiposMime as readonly string[]).includes(tipoMime)) {
        return ko(415, 'E415', `El tipo ${tipoMime} no se admite.`);
      }
      if (tamanyo > GEISER_LIMITES.maxBytesAnexo) {
        return ko(413, 'E413', `El anexo ${nombre} supera el tamaño máximo.`);
      }
      total += tamanyo;
      anexos.push({ nombre, tipoMime, tamanyo, huella, contenido });
    }
    if (total > GEISER_LIMITES.maxBytesTotal) {
      return ko(413, 'E413', 'Los anexos superan el tamaño total máximo.');
    }
    for (const { nombre, tipoMime, tamanyo, huella, contenido } of anexos) {
      const bytes = new Uint8Array(Buffer.from(contenido, 'base64'));
      if (bytes.byteLength !== tamanyo || createHash('sha256').update(bytes).digest('hex') !== huella) {
        return ko(422, 'E422', `El contenido del anexo ${nombre} no coincide con su tamaño o su huella.`);
      }
      if (sniffType(bytes) !== tipoMime) {
        return ko(415, 'E415', `El contenido del anexo ${nombre} no es del tipo declarado.`);
      }
    }

    const at = clock();
    sequence += 1;
    const stored: Stored = {
      registeredAt: at.getTime(),
      fingerprint,
      returns: unit.codigo === RETURNING_TEST_UNIT,
      asiento: {
        numeroRegistro: numero(at, sequence),
        fechaRegistro: formatMadridDateTime(at),
        idPeticion,
        interesado,
        representante,
        unidadDestino: { codigo: unit.codigo, denominacion: unit.denominacion },
        resumen,
        expone,
        solicita,
        anexos: anexos.map(({ contenido: _contenido, ...metadata }) => metadata),
        estado: 'REGISTRADO',
        historico: [{ estado: 'REGISTRADO', fecha: formatMadridDateTime(at), observaciones: null }],
      },
    };
    entries.push(stored);
    byPeticion.set(idPeticion, stored);
    return HttpResponse.json<GeiserRespuestaAsiento>(
      { codigoRespuesta: '0', peticionRepetida: false, asiento: view(stored) },
      { status: 201 },
    );
  }

  seed();

  return [
    http.post(`${base}/__control/reset`, () => {
      seed();
      return HttpResponse.json(faults.reset());
    }),

    http.post(`${base}/__control/geiser/avanzar`, async ({ request }) => {
      const body = (await request.json().catch(() => null)) as Record<string, unknown> | null;
      const wanted = body?.numeroRegistro;
      const stored = entries.find((entry) => entry.asiento.numeroRegistro === wanted);
      if (!stored) {
        return HttpResponse.json({ error: 'not-found', message: 'no such entry' }, { status: 404 });
      }
      settle(stored);
      const at = clock();
      if (stored.asiento.estado === 'REGISTRADO') push(stored, 'ENVIADO', at, null);
      else if (stored.asiento.estado === 'ENVIADO') {
        const estado = finalState(stored);
        push(stored, estado, at, estado === 'RECHAZADO' ? RETURNED_REMARK : null);
      }
      return HttpResponse.json(structuredClone(stored.asiento));
    }),

    ...faultControlHandlers(faults, base),

    http.get(`${base}${GEISER_API_PATH}/unidades`, async ({ request }) => {
      const fault = await injectFault(faults, request);
      if (fault) return fault;
      return HttpResponse.json<GeiserDirectorio>({
        codigoRespuesta: '0',
        totalUnidades: directory.length,
        unidades: directory,
      });
    }),

    http.post(`${base}${GEISER_API_PATH}/asientos`, async ({ request }) => {
      const fault = await injectFault(faults, request);
      if (fault) return fault;
      let body: unknown;
      try {
        body = await request.json();
      } catch {
        return ko(400, 'E400', 'El cuerpo de la petición debe ser JSON.');
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        return ko(400, 'E400', 'El cuerpo de la petición debe ser un objeto JSON.');
      }
      return register(body as Record<string, unknown>);
    }),

    http.get(`${base}${GEISER_API_PATH}/asientos`, async ({ request }) => {
      const fault = await injectFault(faults, request);
      if (fault) return fault;
      const documento = new URL(request.url).searchParams.get('documentoInteresado')?.toUpperCase() ?? '';
      if (!isIdentity(documento)) {
        return ko(400, 'E400', 'El parámetro documentoInteresado (NIF/NIE/CIF) es obligatorio.');
      }
      const asientos = entries
        .filter((entry) => entry.asiento.interesado.documento === documento)
        .sort((a, b) => b.registeredAt - a.registeredAt)
        .map(view);
      return HttpResponse.json<GeiserListaAsientos>({
        codigoRespuesta: '0',
        totalAsientos: asientos.length,
        asientos,
      });
    }),

    http.get(`${base}${GEISER_API_PATH}/asientos/:numero`, async ({ request, params }) => {
      const fault = await injectFault(faults, request);
      if (fault) return fault;
      const numeroRegistro = String(params.numero);
      if (!NUMERO_PATTERN.test(numeroRegistro)) {
        return ko(400, 'E400', 'El número de registro no tiene un formato válido.');
      }
      const documento = new URL(request.url).searchParams.get('documentoInteresado')?.toUpperCase() ?? '';
      if (!isIdentity(documento)) {
        return ko(400, 'E400', 'El parámetro documentoInteresado (NIF/NIE/CIF) es obligatorio.');
      }
      const stored = entries.find(
        (entry) =>
          entry.asiento.numeroRegistro === numeroRegistro && entry.asiento.interesado.documento === documento,
      );
      if (!stored) return ko(404, 'E404', 'No existe el asiento indicado.');
      return HttpResponse.json<GeiserRespuestaAsiento>({ codigoRespuesta: '0', asiento: view(stored) });
    }),
  ];
}
