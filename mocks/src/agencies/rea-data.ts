import {
  ANTONIO_NIF,
  CARMEN_NIF,
  HOSTILE_NIF,
  JAVIER_NIF,
  JOHN_NIF,
  LUCIA_NIF,
  MARIA_NIF,
  PANADERIA_CIF,
} from '../citizens.ts';
import { formatMadridDate } from '../madrid-time.ts';

/*
 * The simulated REA's OWN format ("Registro Electrónico de Apoderamientos", the State's electronic
 * register of powers of attorney): Spanish field names, upper-case codes, "dd/MM/yyyy" dates in
 * Madrid time. What a connector has to translate; deliberately unlike the portal's schema.
 */

/** GENERAL: any procedure before any administration; ORGANISMO: before one body; PROCEDIMIENTOS: listed procedures before one body. */
export type ReaTipo = 'GENERAL' | 'ORGANISMO' | 'PROCEDIMIENTOS';
export type ReaEstado = 'AUTORIZADO' | 'REVOCADO' | 'CADUCADO' | 'PENDIENTE_ACEPTACION' | 'RENUNCIADO';
export type ReaTipoPersona = 'FISICA' | 'JURIDICA';

export interface ReaPersona {
  /** NIF/NIE of a natural person, or CIF of a legal person. */
  nif: string;
  nombre: string;
  tipoPersona: ReaTipoPersona;
}

export interface ReaOrganismo {
  dir3: string;
  nombre: string;
}

export interface ReaVigencia {
  /** "dd/MM/yyyy", Madrid calendar date, first day of validity. */
  desde: string;
  /** "dd/MM/yyyy", Madrid calendar date, last day of validity. */
  hasta: string;
}

export interface ReaApoderamiento {
  idApoderamiento: string;
  tipo: ReaTipo;
  /** Who grants the power (the represented person or company). */
  poderdante: ReaPersona;
  /** Who holds the power (the attorney). */
  apoderado: ReaPersona;
  /** The body the power is valid before; null for GENERAL. */
  organismo: ReaOrganismo | null;
  /** Procedure codes; only for PROCEDIMIENTOS, null otherwise. */
  procedimientos: string[] | null;
  vigencia: ReaVigencia;
  /** As recorded: the register may still say AUTORIZADO after `hasta` (check the dates). */
  estado: ReaEstado;
}

/** GET /rea/v1/apoderamientos?nifApoderado={nif} or ?nifPoderdante={nif} */
export interface ReaListaApoderamientos {
  resultado: 'OK';
  totalRegistros: number;
  apoderamientos: ReaApoderamiento[];
}

/** GET /rea/v1/apoderamientos/{idApoderamiento} */
export interface ReaDetalleApoderamiento {
  resultado: 'OK';
  apoderamiento: ReaApoderamiento;
}

/**
 * POST /rea/v1/apoderamientos: the grantor registers a power. `idPeticion` is the caller's id of
 * the request: sending the same request again answers the power it created, not a second one.
 */
export interface ReaSolicitudAlta {
  idPeticion: string;
  nifPoderdante: string;
  /** The attorney is identified by NIF/NIE and first surname (checked against the identity data). */
  apoderado: { nif: string; primerApellido: string };
  tipo: ReaTipo;
  /** DIR3 of the body; null for GENERAL. */
  codigoOrganismo: string | null;
  /** Only for PROCEDIMIENTOS (1 to 20 codes); null otherwise. */
  procedimientos: string[] | null;
  vigencia: ReaVigencia;
}

/** POST /rea/v1/apoderamientos (201 when created, 200 when the same idPeticion came again). */
export interface ReaRespuestaAlta {
  resultado: 'OK';
  /** True when this answers a repeated request (nothing new was registered). */
  peticionRepetida: boolean;
  apoderamiento: ReaApoderamiento;
}

/** POST /rea/v1/apoderamientos/{id}/aceptacion | renuncia (by the attorney). */
export interface ReaActoApoderado {
  nifApoderado: string;
}

/** POST /rea/v1/apoderamientos/{id}/revocacion (by the grantor). */
export interface ReaActoPoderdante {
  nifPoderdante: string;
}

/** POST /rea/v1/apoderamientos/{id}/prorroga (by the grantor): the new last day, "dd/MM/yyyy". */
export interface ReaProrroga {
  nifPoderdante: string;
  nuevaFechaFin: string;
}

/**
 * The register's error codes: REA-400 (format), REA-403 (a party who may not do that), REA-404 (no
 * such power for that person), REA-409-ESTADO (not in a state that allows it), REA-409-DUPLICADO (an
 * equal power is in force), REA-409-PETICION (idPeticion reused for another request),
 * REA-422-VIGENCIA (dates), REA-422-IDENTIDAD (attorney's identity), REA-422-ORGANISMO (unknown or
 * extinct body), REA-422-PARTES (grantor and attorney are the same person).
 */
export interface ReaError {
  resultado: 'KO';
  codigoError: string;
  descripcion: string;
}

export const REA_ORGANISMOS = {
  aeat: { dir3: 'E00003901', nombre: 'Agencia Estatal de Administración Tributaria' },
  dgt: { dir3: 'E00130502', nombre: 'Dirección General de Tráfico' },
  tgss: { dir3: 'E04921301', nombre: 'Tesorería General de la Seguridad Social' },
  madrid: { dir3: 'L01280796', nombre: 'Ayuntamiento de Madrid' },
} as const satisfies Record<string, ReaOrganismo>;

/** Procedure codes of the tax agency (illustrative: self-assessments by form number). */
export const AEAT_PROCEDIMIENTOS = ['AEAT-MOD303', 'AEAT-MOD111', 'AEAT-MOD200'] as const;

/** Well-known power ids, for tests and demos. */
export const REA_IDS = {
  /** María holds it from her mother Carmen: GENERAL, AUTORIZADO, valid. */
  mariaFromCarmen: 'AP-2026-000101',
  /** María held it from Antonio: ORGANISMO (TGSS), CADUCADO. */
  mariaFromAntonioExpired: 'AP-2024-000077',
  /** María held it from Lucía: PROCEDIMIENTOS (DGT), REVOCADO. */
  mariaFromLuciaRevoked: 'AP-2025-000342',
  /** Javier holds it from the bakery (CIF): PROCEDIMIENTOS before the AEAT, AUTORIZADO, valid. */
  javierForBakery: 'AP-2026-000215',
  /** John was offered it by Lucía: ORGANISMO (Ayuntamiento de Madrid), PENDIENTE_ACEPTACION. */
  johnFromLuciaPending: 'AP-2026-000230',
  /** Lucía renounced it (from John): GENERAL, RENUNCIADO. */
  luciaFromJohnRenounced: 'AP-2025-000188',
  /** Lucía holds it from Antonio: still AUTORIZADO at the register, but its validity ended 2 days ago. */
  luciaFromAntonioLapsed: 'AP-2025-000266',
  /** The test-only citizen: hostile strings in the grantor's name. */
  hostileGeneral: 'AP-2026-000901',
  /** The test-only citizen: hostile strings in the body and procedure codes. */
  hostileProcedimientos: 'AP-2026-000902',
} as const;

const HOSTILE_GRANTOR_NIF = '71835290B';
export const HOSTILE_PODERDANTE_NOMBRE = '<img src=x onerror=alert(2)> Poderdante & «hostil» \u200Bإشعار';

const person = (nif: string, nombre: string, tipoPersona: ReaTipoPersona = 'FISICA'): ReaPersona => ({
  nif,
  nombre,
  tipoPersona,
});

const PEOPLE = {
  maria: person(MARIA_NIF, 'María García López'),
  john: person(JOHN_NIF, 'John Smith'),
  lucia: person(LUCIA_NIF, 'Lucía Fernández Ruiz'),
  javier: person(JAVIER_NIF, 'Javier Martín Gómez'),
  carmen: person(CARMEN_NIF, 'Carmen López Sánchez'),
  antonio: person(ANTONIO_NIF, 'Antonio García Pérez'),
  hostile: person(HOSTILE_NIF, 'Prueba Datos Hostiles'),
  bakery: person(PANADERIA_CIF, 'Panadería La Espiga, S.L.', 'JURIDICA'),
};

interface SeedApoderamiento {
  idApoderamiento: string;
  tipo: ReaTipo;
  poderdante: ReaPersona;
  apoderado: ReaPersona;
  organismo?: ReaOrganismo;
  procedimientos?: readonly string[];
  /** Days before "now" that it started. */
  fromDaysAgo: number;
  /** Days after "now" that it ends (negative: ended that many days ago). */
  untilDaysAhead: number;
  estado: ReaEstado;
}

const SEED: readonly SeedApoderamiento[] = [
  {
    idApoderamiento: REA_IDS.mariaFromCarmen,
    tipo: 'GENERAL',
    poderdante: PEOPLE.carmen,
    apoderado: PEOPLE.maria,
    fromDaysAgo: 120,
    untilDaysAhead: 5 * 365 - 120,
    estado: 'AUTORIZADO',
  },
  {
    idApoderamiento: REA_IDS.mariaFromAntonioExpired,
    tipo: 'ORGANISMO',
    poderdante: PEOPLE.antonio,
    apoderado: PEOPLE.maria,
    organismo: REA_ORGANISMOS.tgss,
    fromDaysAgo: 800,
    untilDaysAhead: -70,
    estado: 'CADUCADO',
  },
  {
    idApoderamiento: REA_IDS.mariaFromLuciaRevoked,
    tipo: 'PROCEDIMIENTOS',
    poderdante: PEOPLE.lucia,
    apoderado: PEOPLE.maria,
    organismo: REA_ORGANISMOS.dgt,
    procedimientos: ['DGT-TRANSFERENCIA-VEHICULO', 'DGT-DUPLICADO-PERMISO'],
    fromDaysAgo: 300,
    untilDaysAhead: 400,
    estado: 'REVOCADO',
  },
  {
    idApoderamiento: REA_IDS.javierForBakery,
    tipo: 'PROCEDIMIENTOS',
    poderdante: PEOPLE.bakery,
    apoderado: PEOPLE.javier,
    organismo: REA_ORGANISMOS.aeat,
    procedimientos: AEAT_PROCEDIMIENTOS,
    fromDaysAgo: 60,
    untilDaysAhead: 670,
    estado: 'AUTORIZADO',
  },
  {
    idApoderamiento: REA_IDS.johnFromLuciaPending,
    tipo: 'ORGANISMO',
    poderdante: PEOPLE.lucia,
    apoderado: PEOPLE.john,
    organismo: REA_ORGANISMOS.madrid,
    fromDaysAgo: 2,
    untilDaysAhead: 363,
    estado: 'PENDIENTE_ACEPTACION',
  },
  {
    idApoderamiento: REA_IDS.luciaFromJohnRenounced,
    tipo: 'GENERAL',
    poderdante: PEOPLE.john,
    apoderado: PEOPLE.lucia,
    fromDaysAgo: 200,
    untilDaysAhead: 530,
    estado: 'RENUNCIADO',
  },
  {
    idApoderamiento: REA_IDS.luciaFromAntonioLapsed,
    tipo: 'ORGANISMO',
    poderdante: PEOPLE.antonio,
    apoderado: PEOPLE.lucia,
    organismo: REA_ORGANISMOS.madrid,
    fromDaysAgo: 367,
    untilDaysAhead: -2,
    estado: 'AUTORIZADO',
  },
  // TEST-ONLY: hostile strings, held by the test-only citizen.
  {
    idApoderamiento: REA_IDS.hostileGeneral,
    tipo: 'GENERAL',
    poderdante: person(HOSTILE_GRANTOR_NIF, HOSTILE_PODERDANTE_NOMBRE),
    apoderado: PEOPLE.hostile,
    fromDaysAgo: 10,
    untilDaysAhead: 700,
    estado: 'AUTORIZADO',
  },
  {
    idApoderamiento: REA_IDS.hostileProcedimientos,
    tipo: 'PROCEDIMIENTOS',
    poderdante: person(PANADERIA_CIF, "<script>alert('rea')</script> Panadería & Cía", 'JURIDICA'),
    apoderado: PEOPLE.hostile,
    organismo: { dir3: 'E04925701', nombre: 'مكتب الأجانب — Oficina de Extranjería \u200F' },
    procedimientos: ['<b>PROC</b>', `LARGO-${'X'.repeat(200)}`, 'CERO\u200BANCHO'],
    fromDaysAgo: 5,
    untilDaysAhead: 360,
    estado: 'AUTORIZADO',
  },
];

const DAY_MS = 86_400_000;

/**
 * The register's records, in a stable order, with validity dates relative to `now` (Madrid calendar
 * dates): the same `now` always gives the same data. A fresh copy each call (the agency may revoke).
 */
export function createReaSeed(now: Date): ReaApoderamiento[] {
  const base = now.getTime();
  return SEED.map(
    (spec): ReaApoderamiento => ({
      idApoderamiento: spec.idApoderamiento,
      tipo: spec.tipo,
      poderdante: { ...spec.poderdante },
      apoderado: { ...spec.apoderado },
      organismo: spec.organismo ? { ...spec.organismo } : null,
      procedimientos: spec.procedimientos ? [...spec.procedimientos] : null,
      vigencia: {
        desde: formatMadridDate(new Date(base - spec.fromDaysAgo * DAY_MS)),
        hasta: formatMadridDate(new Date(base + spec.untilDaysAhead * DAY_MS)),
      },
      estado: spec.estado,
    }),
  );
}
