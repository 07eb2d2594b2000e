import { HOSTILE_NIF, MARIA_NIF } from '../citizens.ts';
import type { UnidadDir3 } from './dir3-data.ts';

/*
 * The simulated general registry's OWN format (GEISER/SIR style, "Registro Electrónico General"):
 * Spanish field names, "dd/MM/yyyy HH:mm:ss" Madrid wall-clock times, upper-case states, result
 * codes in the body. What a connector has to translate; deliberately unlike the portal's schema.
 */

/** REGISTRADO → ENVIADO (to the addressee through SIR) → CONFIRMADO, or RECHAZADO (returned). */
export type GeiserEstado = 'REGISTRADO' | 'ENVIADO' | 'CONFIRMADO' | 'RECHAZADO';

export interface GeiserPersona {
  /** NIF/NIE. */
  documento: string;
  nombre: string;
}

export interface GeiserAnexo {
  nombre: string;
  tipoMime: string;
  /** Bytes. */
  tamanyo: number;
  /** SHA-256 of the content, hex. */
  huella: string;
}

/** An attachment as sent: its metadata and its content in base64. */
export interface GeiserAnexoAlta extends GeiserAnexo {
  contenido: string;
}

/**
 * POST /geiser/v1/asientos. `idPeticion` is the caller's id of the request: the same request
 * again answers the entry it created (peticionRepetida: true), never a second entry.
 */
export interface GeiserSolicitudAsiento {
  idPeticion: string;
  interesado: GeiserPersona;
  /** Who presents it for the interested party; null when they present it themselves. */
  representante: GeiserPersona | null;
  codigoUnidadDestino: string;
  /** What it is about (at most 240 characters). */
  resumen: string;
  /** Facts and reasons (at most 4,000). */
  expone: string;
  /** What is asked for (at most 4,000). */
  solicita: string;
  anexos: GeiserAnexoAlta[];
}

export interface GeiserEvento {
  estado: GeiserEstado;
  /** "dd/MM/yyyy HH:mm:ss", Madrid. */
  fecha: string;
  observaciones: string | null;
}

export interface GeiserAsiento {
  /** e.g. "REGAGE26e00000100001": office (REGAGE), year, e (electronic), sequence. */
  numeroRegistro: string;
  /** "dd/MM/yyyy HH:mm:ss", Madrid: the instant that counts for deadlines. */
  fechaRegistro: string;
  /** The idPeticion it was created with; null for entries made elsewhere (in person, other portals). */
  idPeticion: string | null;
  interesado: GeiserPersona;
  representante: GeiserPersona | null;
  unidadDestino: { codigo: string; denominacion: string };
  resumen: string;
  expone: string;
  solicita: string;
  anexos: GeiserAnexo[];
  estado: GeiserEstado;
  /** Oldest first. */
  historico: GeiserEvento[];
}

/** GET /geiser/v1/unidades */
export interface GeiserDirectorio {
  codigoRespuesta: '0';
  totalUnidades: number;
  unidades: UnidadDir3[];
}

/** POST /geiser/v1/asientos (201; 200 when repeated) and GET /geiser/v1/asientos/{numero} */
export interface GeiserRespuestaAsiento {
  codigoRespuesta: '0';
  peticionRepetida?: boolean;
  asiento: GeiserAsiento;
}

/** GET /geiser/v1/asientos?documentoInteresado={nif} — newest first. */
export interface GeiserListaAsientos {
  codigoRespuesta: '0';
  totalAsientos: number;
  asientos: GeiserAsiento[];
}

/**
 * codigoRespuesta: E400 (format), E404 (no such entry for that person, or unknown unit), E409
 * (idPeticion reused for another request), E413 (attachments over the limits), E415 (attachment
 * type not accepted), E422 (unit not in force, attachment whose content does not match its
 * metadata).
 */
export interface GeiserError {
  codigoRespuesta: string;
  descripcion: string;
}

/** The limits of SIR the registry enforces (the portal checks the same before sending). */
export const GEISER_LIMITES = {
  maxAnexos: 5,
  maxBytesAnexo: 10 * 1024 * 1024,
  maxBytesTotal: 15 * 1024 * 1024,
  tiposMime: ['application/pdf', 'image/jpeg', 'image/png', 'application/xml'],
  maxResumen: 240,
  maxTexto: 4000,
} as const;

/** Entries the registry already holds, made elsewhere (days before "now"). */
export interface SeedAsiento {
  secuencia: number;
  documento: string;
  nombre: string;
  codigoUnidadDestino: string;
  resumen: string;
  expone: string;
  solicita: string;
  diasAntes: number;
  estadoFinal: 'CONFIRMADO' | 'RECHAZADO';
  observaciones: string | null;
}

export const SEED_ASIENTOS: readonly SeedAsiento[] = [
  {
    secuencia: 1,
    documento: MARIA_NIF,
    nombre: 'María García López',
    codigoUnidadDestino: 'L01280796',
    resumen: 'Solicitud de vado permanente en la calle Alcalá',
    expone: 'Que dispongo de una plaza de garaje con acceso por la vía pública.',
    solicita: 'La concesión de una licencia de vado permanente.',
    diasAntes: 40,
    estadoFinal: 'CONFIRMADO',
    observaciones: null,
  },
  {
    secuencia: 2,
    documento: MARIA_NIF,
    nombre: 'María García López',
    codigoUnidadDestino: 'E00142804',
    resumen: 'Consulta sobre la inscripción en el padrón',
    expone: 'Que he cambiado de domicilio dentro del mismo municipio.',
    solicita: 'Información sobre cómo actualizar mis datos.',
    diasAntes: 12,
    estadoFinal: 'RECHAZADO',
    observaciones: 'La unidad no es competente: diríjase a su ayuntamiento.',
  },
  // TEST-ONLY: hostile strings, for the test-only citizen.
  {
    secuencia: 3,
    documento: HOSTILE_NIF,
    nombre: 'Prueba Datos Hostiles',
    codigoUnidadDestino: 'L01280796',
    resumen: '<img src=x onerror=alert(3)> Solicitud & «hostil» \u200Bإشعار',
    expone: "<script>alert('expone')</script>",
    solicita: `${'Largo '.repeat(200)}`.slice(0, 1000),
    diasAntes: 3,
    estadoFinal: 'CONFIRMADO',
    observaciones: null,
  },
];
