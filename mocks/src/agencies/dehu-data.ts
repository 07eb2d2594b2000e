import {
  CARMEN_NIF,
  HOSTILE_NIF,
  JAVIER_NIF,
  JOHN_NIF,
  LUCIA_NIF,
  MARIA_NIF,
  PANADERIA_CIF,
} from '../citizens.ts';
import { formatMadridDateTime } from '../madrid-time.ts';

/*
 * The simulated DEHú's OWN format (Spanish field names, Madrid local times, one-letter codes): what
 * a connector has to translate. Deliberately unlike the portal's schema.
 */

/** N = notificación (legal effects, expires), C = comunicación (informative). */
export type DehuTipoEnvio = 'N' | 'C';
/** PD pendiente, AC aceptada (comparecida), RE rechazada, EX expirada. */
export type DehuEstado = 'PD' | 'AC' | 'RE' | 'EX';

export interface DehuOrganismo {
  codigoDIR3: string;
  denominacion: string;
}

export interface DehuEnvio {
  idEnvio: string;
  tipoEnvio: DehuTipoEnvio;
  organismoEmisor: DehuOrganismo;
  concepto: string;
  procedimiento: string | null;
  /** Omitted when the issuing body gives none. */
  referenciaExpediente?: string;
  estado: DehuEstado;
  /** "dd/MM/yyyy HH:mm:ss", Europe/Madrid wall-clock time. */
  fechaPuestaDisposicion: string;
  fechaRespuesta: string | null;
  urgente: 'S' | 'N';
}

/** GET …/titulares/{nif}/envios */
export interface DehuListaEnvios {
  resultado: 'OK';
  totalRegistros: number;
  notificaciones: DehuEnvio[];
}

/** GET …/titulares/{nif}/envios/{idEnvio} */
export interface DehuDetalleEnvio {
  resultado: 'OK';
  envio: DehuEnvio;
}

export interface DehuError {
  resultado: 'KO';
  codigoError: string;
  descripcion: string;
}

// DIR3-shaped codes of real-looking bodies (illustrative; see the DIR3 directory for the real ones).
export const ORGANISMOS = {
  aeat: { codigoDIR3: 'E00003901', denominacion: 'Agencia Estatal de Administración Tributaria' },
  dgt: { codigoDIR3: 'E00130502', denominacion: 'Dirección General de Tráfico' },
  tgss: { codigoDIR3: 'E04921301', denominacion: 'Tesorería General de la Seguridad Social' },
  sepe: { codigoDIR3: 'E04921601', denominacion: 'Servicio Público de Empleo Estatal' },
  extranjeria: { codigoDIR3: 'E04925701', denominacion: 'Oficina de Extranjería en Madrid' },
  madrid: { codigoDIR3: 'L01280796', denominacion: 'Ayuntamiento de Madrid' },
  barcelona: { codigoDIR3: 'L01080193', denominacion: 'Ajuntament de Barcelona' },
  valencia: { codigoDIR3: 'L01462508', denominacion: 'Ajuntament de València' },
  sevilla: { codigoDIR3: 'L01410917', denominacion: 'Ayuntamiento de Sevilla' },
  comunidadMadrid: { codigoDIR3: 'A13002908', denominacion: 'Comunidad de Madrid' },
  inss: { codigoDIR3: 'E04921401', denominacion: 'Instituto Nacional de la Seguridad Social' },
} as const satisfies Record<string, DehuOrganismo>;

/*
 * Hostile strings: all of them belong to the TEST-ONLY citizen (HOSTILE_NIF), never to the demo
 * citizen, so a newcomer's first screen is ordinary data. Each must show up as plain text.
 */
/** A subject written to break a page that forgets to escape. */
export const HOSTILE_CONCEPTO = '<img src=x onerror=alert(1)> Requerimiento "urgente" & ñ';
export const HOSTILE_PROCEDIMIENTO = "<script>alert('procedimiento')</script> Trámite & «comillas»";
export const HOSTILE_REFERENCIA = 'EXP/2026/<b>0001</b>&amp;';
/** Right-to-left text mixed with Latin text and numbers (bidi reordering must not garble the page). */
export const HOSTILE_RTL_CONCEPTO =
  'إشعار رسمي بخصوص الإقامة — שלום עולם — Resolución 2026/15 \u200F(RTL)\u200F';
/** A subject of exactly 500 characters with no natural break for the first 120. */
export const HOSTILE_LONG_CONCEPTO =
  `${'Notificación'.repeat(10)} ${'de un asunto con un título desmesuradamente largo '.repeat(8)}`
    .padEnd(500, 'x')
    .slice(0, 500);
/** Zero-width and other invisible characters inside words (search, truncation and copy must cope). */
export const HOSTILE_ZERO_WIDTH_CONCEPTO =
  'Liqui\u200Bdación\u200C del\u200D impuesto\u2060 de\uFEFF plusvalía\u00AD municipal';

interface SeedEnvio {
  idEnvio: string;
  tipoEnvio: DehuTipoEnvio;
  organismo: DehuOrganismo;
  concepto: string;
  procedimiento: string | null;
  referencia?: string;
  estado: DehuEstado;
  /** How long before "now" it was made available, in hours. */
  availableHoursAgo: number;
  /** Hours after availability that the citizen answered (AC/RE). */
  answeredAfterHours?: number;
  urgente?: boolean;
}

const DAY = 24;

/** Subjects per issuer for the demo citizen's older history (many administrations, dozens of items). */
const HISTORY: readonly [DehuOrganismo, string, string][] = [
  [
    ORGANISMOS.aeat,
    'Comunicación de inicio de procedimiento de verificación de datos',
    'Verificación de datos',
  ],
  [
    ORGANISMOS.dgt,
    'Notificación de sanción por exceso de velocidad',
    'Procedimiento sancionador en materia de tráfico',
  ],
  [
    ORGANISMOS.tgss,
    'Resolución de alta en el Régimen Especial de Trabajadores Autónomos',
    'Afiliación y altas',
  ],
  [
    ORGANISMOS.sepe,
    'Resolución de reconocimiento del subsidio por desempleo',
    'Reconocimiento de prestaciones por desempleo',
  ],
  [
    ORGANISMOS.madrid,
    'Liquidación de la tasa de recogida de residuos urbanos',
    'Gestión tributaria de tasas',
  ],
  [
    ORGANISMOS.valencia,
    "Resolució de la sol·licitud de llicència d'obres menors",
    'Llicències urbanístiques',
  ],
  [
    ORGANISMOS.sevilla,
    'Notificación de la resolución de la ayuda al alquiler de vivienda',
    'Ayudas al alquiler',
  ],
  [ORGANISMOS.comunidadMadrid, 'Resolución de la beca de comedor escolar', 'Becas y ayudas al estudio'],
  [
    ORGANISMOS.inss,
    'Resolución de la prestación por nacimiento y cuidado de menor',
    'Prestaciones de la Seguridad Social',
  ],
  [ORGANISMOS.barcelona, 'Notificació de la proposta de sanció per estacionament', 'Procediment sancionador'],
  [ORGANISMOS.aeat, 'Requerimiento de aportación de documentación. Modelo 100', 'Comprobación limitada IRPF'],
  [
    ORGANISMOS.dgt,
    'Comunicación de la caducidad de la inspección técnica del vehículo',
    'Inspección técnica de vehículos',
  ],
];
const ESTADOS_HISTORIA: readonly DehuEstado[] = ['PD', 'AC', 'AC', 'RE', 'EX'];

/**
 * 36 more notifications of the demo citizen, deterministic: eight of them pending and recent (within
 * the 10 days), the rest accepted, rejected or expired over the last year.
 */
function mariaHistory(): SeedEnvio[] {
  return Array.from({ length: 36 }, (_, index): SeedEnvio => {
    const [organismo, concepto, procedimiento] = HISTORY[index % HISTORY.length] as (typeof HISTORY)[number];
    const communication = concepto.startsWith('Comunicación');
    const planned = ESTADOS_HISTORIA[index % ESTADOS_HISTORIA.length] as DehuEstado;
    // A communication is neither rejected nor expired: it is read or not.
    const estado = communication && (planned === 'RE' || planned === 'EX') ? 'AC' : planned;
    const number = String(1000 + index).padStart(6, '0');
    return {
      idEnvio: `${communication ? 'C' : 'N'}-2025-${number}`,
      tipoEnvio: communication ? 'C' : 'N',
      organismo,
      concepto,
      procedimiento,
      ...(index % 3 === 0 ? {} : { referencia: `REF-2025-${number}` }),
      estado,
      availableHoursAgo: estado === 'PD' ? (index / 5) * 26 + 8 : 11 * DAY + index * 9 * DAY + (index % 5),
      ...(estado === 'AC' || estado === 'RE' ? { answeredAfterHours: 3 + (index % 7) * 11 } : {}),
    };
  });
}

const SEED: Record<string, SeedEnvio[]> = {
  [MARIA_NIF]: [
    {
      idEnvio: 'N-2026-000123',
      tipoEnvio: 'N',
      organismo: ORGANISMOS.aeat,
      concepto: 'Requerimiento de información. Impuesto sobre la Renta de las Personas Físicas 2024',
      procedimiento: 'Comprobación limitada IRPF',
      referencia: '202410012345678A',
      estado: 'PD',
      availableHoursAgo: 2 * DAY + 3,
      urgente: true,
    },
    {
      idEnvio: 'N-2026-000132',
      tipoEnvio: 'N',
      organismo: ORGANISMOS.barcelona,
      concepto: 'Resolución de la ayuda para la rehabilitación energética de la vivienda',
      procedimiento: 'Ayudas a la rehabilitación de viviendas',
      referencia: 'REHAB-2026-00412',
      estado: 'PD',
      availableHoursAgo: 1 * DAY + 5,
    },
    {
      idEnvio: 'C-2026-000045',
      tipoEnvio: 'C',
      organismo: ORGANISMOS.madrid,
      concepto: 'Comunicación del periodo de pago voluntario del Impuesto sobre Bienes Inmuebles',
      procedimiento: 'Gestión tributaria del IBI',
      estado: 'PD',
      availableHoursAgo: 4 * DAY + 7,
    },
    {
      // Older than 10 calendar days and still "PD" at the agency: the portal must show it expired.
      idEnvio: 'N-2026-000098',
      tipoEnvio: 'N',
      organismo: ORGANISMOS.dgt,
      concepto: 'Notificación de denuncia por infracción de tráfico',
      procedimiento: 'Procedimiento sancionador en materia de tráfico',
      referencia: '28-123-456.7',
      estado: 'PD',
      availableHoursAgo: 14 * DAY + 2,
    },
    {
      idEnvio: 'N-2026-000087',
      tipoEnvio: 'N',
      organismo: ORGANISMOS.tgss,
      concepto: 'Resolución de aplazamiento de deuda con la Seguridad Social',
      procedimiento: 'Aplazamiento de pago de deudas',
      referencia: 'APL-28-2026-004512',
      estado: 'AC',
      availableHoursAgo: 20 * DAY + 4,
      answeredAfterHours: 26,
    },
    {
      idEnvio: 'N-2026-000064',
      tipoEnvio: 'N',
      organismo: ORGANISMOS.sepe,
      concepto: 'Resolución sobre la prestación por desempleo',
      procedimiento: 'Reconocimiento de prestaciones por desempleo',
      estado: 'RE',
      availableHoursAgo: 33 * DAY + 6,
      answeredAfterHours: 50,
    },
    {
      idEnvio: 'N-2026-000041',
      tipoEnvio: 'N',
      organismo: ORGANISMOS.aeat,
      concepto: 'Liquidación provisional. Impuesto sobre el Valor Añadido',
      procedimiento: 'Verificación de datos',
      referencia: '202330098765432B',
      estado: 'EX',
      availableHoursAgo: 47 * DAY + 1,
    },
    ...mariaHistory(),
  ],
  [JOHN_NIF]: [
    {
      idEnvio: 'N-2026-000210',
      tipoEnvio: 'N',
      organismo: ORGANISMOS.extranjeria,
      concepto: 'Resolución de autorización de residencia temporal y trabajo por cuenta ajena',
      procedimiento: 'Autorización de residencia y trabajo',
      referencia: '280020260012345',
      estado: 'PD',
      availableHoursAgo: 3 * DAY + 1,
      urgente: true,
    },
    {
      // A communication never expires, however old.
      idEnvio: 'C-2026-000077',
      tipoEnvio: 'C',
      organismo: ORGANISMOS.aeat,
      concepto: 'Comunicación de asignación del Número de Identificación Fiscal',
      procedimiento: null,
      estado: 'PD',
      availableHoursAgo: 25 * DAY + 9,
    },
    {
      idEnvio: 'N-2026-000199',
      tipoEnvio: 'N',
      organismo: ORGANISMOS.dgt,
      concepto: 'Resolución de canje de permiso de conducción extranjero',
      procedimiento: 'Canje de permisos de conducción',
      referencia: 'CANJE-M-2026-7781',
      estado: 'AC',
      availableHoursAgo: 12 * DAY + 8,
      answeredAfterHours: 4,
    },
  ],
  [LUCIA_NIF]: [
    {
      idEnvio: 'N-2026-000305',
      tipoEnvio: 'N',
      organismo: ORGANISMOS.madrid,
      concepto: 'Notificación de liquidación del Impuesto sobre Vehículos de Tracción Mecánica',
      procedimiento: 'Gestión tributaria del IVTM',
      referencia: 'IVTM-2026-558201',
      estado: 'PD',
      availableHoursAgo: 6 * DAY + 2,
    },
    {
      idEnvio: 'N-2026-000288',
      tipoEnvio: 'N',
      organismo: ORGANISMOS.aeat,
      concepto: 'Acuerdo de devolución. Impuesto sobre la Renta de las Personas Físicas 2024',
      procedimiento: 'Devolución IRPF',
      estado: 'AC',
      availableHoursAgo: 9 * DAY + 3,
      answeredAfterHours: 30,
    },
    {
      idEnvio: 'C-2026-000090',
      tipoEnvio: 'C',
      organismo: ORGANISMOS.tgss,
      concepto: 'Comunicación de alta en el Régimen General de la Seguridad Social',
      procedimiento: 'Afiliación y altas',
      estado: 'AC',
      availableHoursAgo: 15 * DAY + 5,
      answeredAfterHours: 2,
    },
  ],
  [JAVIER_NIF]: [
    {
      idEnvio: 'N-2026-000402',
      tipoEnvio: 'N',
      organismo: ORGANISMOS.dgt,
      concepto: 'Notificación de detracción de puntos del permiso de conducción',
      procedimiento: 'Permiso por puntos',
      referencia: 'PTS-2026-118204',
      estado: 'PD',
      availableHoursAgo: 5 * DAY + 4,
    },
    {
      idEnvio: 'C-2026-000118',
      tipoEnvio: 'C',
      organismo: ORGANISMOS.sepe,
      concepto: 'Comunicación de la renovación de la demanda de empleo',
      procedimiento: null,
      estado: 'AC',
      availableHoursAgo: 18 * DAY + 3,
      answeredAfterHours: 6,
    },
    {
      idEnvio: 'N-2026-000377',
      tipoEnvio: 'N',
      organismo: ORGANISMOS.aeat,
      concepto: 'Acuerdo de compensación de deudas tributarias',
      procedimiento: 'Compensación de oficio',
      referencia: '202640011223344C',
      estado: 'RE',
      availableHoursAgo: 26 * DAY + 8,
      answeredAfterHours: 40,
    },
  ],
  [CARMEN_NIF]: [
    {
      idEnvio: 'N-2026-000451',
      tipoEnvio: 'N',
      organismo: ORGANISMOS.tgss,
      concepto: 'Resolución de revalorización de la pensión de jubilación',
      procedimiento: 'Pensiones contributivas',
      referencia: 'PEN-28-2026-009931',
      estado: 'PD',
      availableHoursAgo: 3 * DAY + 6,
    },
    {
      idEnvio: 'C-2026-000133',
      tipoEnvio: 'C',
      organismo: ORGANISMOS.madrid,
      concepto: 'Comunicación de la bonificación del Impuesto sobre Bienes Inmuebles para mayores de 65 años',
      procedimiento: 'Bonificaciones del IBI',
      estado: 'PD',
      availableHoursAgo: 7 * DAY + 1,
    },
    {
      idEnvio: 'N-2026-000436',
      tipoEnvio: 'N',
      organismo: ORGANISMOS.aeat,
      concepto: 'Acuerdo de devolución. Impuesto sobre la Renta de las Personas Físicas 2024',
      procedimiento: 'Devolución IRPF',
      estado: 'AC',
      availableHoursAgo: 11 * DAY + 2,
      answeredAfterHours: 12,
    },
  ],
  [PANADERIA_CIF]: [
    {
      idEnvio: 'N-2026-000507',
      tipoEnvio: 'N',
      organismo: ORGANISMOS.aeat,
      concepto: 'Requerimiento de presentación de la autoliquidación del IVA (modelo 303), segundo trimestre',
      procedimiento: 'Gestión del Impuesto sobre el Valor Añadido',
      referencia: '202650077889900D',
      estado: 'PD',
      availableHoursAgo: 4 * DAY + 5,
      urgente: true,
    },
    {
      idEnvio: 'N-2026-000488',
      tipoEnvio: 'N',
      organismo: ORGANISMOS.tgss,
      concepto: 'Reclamación de deuda por cuotas de la Seguridad Social',
      procedimiento: 'Recaudación en periodo voluntario',
      referencia: 'REC-28-2026-771203',
      estado: 'AC',
      availableHoursAgo: 16 * DAY + 7,
      answeredAfterHours: 20,
    },
    {
      idEnvio: 'C-2026-000149',
      tipoEnvio: 'C',
      organismo: ORGANISMOS.madrid,
      concepto: 'Comunicación de la renovación de la licencia de actividad del establecimiento',
      procedimiento: 'Licencias de actividad',
      estado: 'PD',
      availableHoursAgo: 2 * DAY + 9,
    },
  ],
  // TEST-ONLY: hostile strings, for automated tests (the identity provider hides this citizen
  // unless IDP_TEST_CITIZENS=true).
  [HOSTILE_NIF]: [
    {
      idEnvio: 'N-2026-000131',
      tipoEnvio: 'N',
      organismo: ORGANISMOS.barcelona,
      concepto: HOSTILE_CONCEPTO,
      procedimiento: HOSTILE_PROCEDIMIENTO,
      referencia: HOSTILE_REFERENCIA,
      estado: 'PD',
      availableHoursAgo: 1 * DAY + 5,
      urgente: true,
    },
    {
      idEnvio: 'N-2026-000902',
      tipoEnvio: 'N',
      organismo: ORGANISMOS.extranjeria,
      concepto: HOSTILE_RTL_CONCEPTO,
      procedimiento: 'إجراء الإقامة',
      referencia: 'RTL-2026-\u200F0001',
      estado: 'PD',
      availableHoursAgo: 2 * DAY + 2,
    },
    {
      idEnvio: 'N-2026-000903',
      tipoEnvio: 'N',
      organismo: ORGANISMOS.aeat,
      concepto: HOSTILE_LONG_CONCEPTO,
      procedimiento: HOSTILE_LONG_CONCEPTO,
      referencia: 'X'.repeat(120),
      estado: 'AC',
      availableHoursAgo: 6 * DAY + 3,
      answeredAfterHours: 1,
    },
    {
      idEnvio: 'C-2026-000904',
      tipoEnvio: 'C',
      organismo: ORGANISMOS.madrid,
      concepto: HOSTILE_ZERO_WIDTH_CONCEPTO,
      procedimiento: null,
      estado: 'PD',
      availableHoursAgo: 8 * DAY + 1,
    },
  ],
};

const HOUR_MS = 3_600_000;

/** The instant each envío was made available, by NIF and idEnvio (the agency's own record of it). */
export type DehuAvailability = Map<string, Date>;
export const availabilityKey = (nif: string, idEnvio: string) => `${nif}|${idEnvio}`;

/**
 * The agency's records per NIF, with dates relative to `now` (whole seconds, Madrid local time):
 * the same `now` always gives the same data.
 */
export function createDehuSeed(now: Date, availability?: DehuAvailability): Map<string, DehuEnvio[]> {
  const base = Math.floor(now.getTime() / 1000) * 1000;
  const seed = new Map<string, DehuEnvio[]>();
  for (const [nif, envios] of Object.entries(SEED)) {
    seed.set(
      nif,
      envios.map((spec): DehuEnvio => {
        const available = new Date(base - spec.availableHoursAgo * HOUR_MS);
        availability?.set(availabilityKey(nif, spec.idEnvio), available);
        return {
          idEnvio: spec.idEnvio,
          tipoEnvio: spec.tipoEnvio,
          organismoEmisor: { ...spec.organismo },
          concepto: spec.concepto,
          procedimiento: spec.procedimiento,
          ...(spec.referencia === undefined ? {} : { referenciaExpediente: spec.referencia }),
          estado: spec.estado,
          fechaPuestaDisposicion: formatMadridDateTime(available),
          fechaRespuesta:
            spec.answeredAfterHours === undefined
              ? null
              : formatMadridDateTime(new Date(available.getTime() + spec.answeredAfterHours * HOUR_MS)),
          urgente: spec.urgente ? 'S' : 'N',
        };
      }),
    );
  }
  return seed;
}
