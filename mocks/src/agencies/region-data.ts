import {
  CARMEN_NIF,
  HOSTILE_NIF,
  JAVIER_NIF,
  JOHN_NIF,
  LUCIA_NIF,
  MARIA_NIF,
  PANADERIA_CIF,
} from '../citizens.ts';
import { formatMadridDate } from '../madrid-time.ts';
import {
  HOSTILE_ATTRIBUTE,
  HOSTILE_BASQUE_500,
  HOSTILE_CATALAN_500,
  HOSTILE_RTL,
  HOSTILE_SCRIPT,
  HOSTILE_ZERO_WIDTH,
} from './regional-common.ts';

/*
 * The simulated Comunidad de Madrid's OWN format: CSV exports of its file tracking system
 * (semicolon separated, a header row, decimal commas, dates "dd/MM/yyyy" without a time, statuses
 * as words). Deliberately unlike the portal's schema.
 */

export const REGION_DIR3 = 'A13002908';

/** The columns of /exportaciones/expedientes.csv, in order. */
export const REGION_COLUMNS = [
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
export type RegionColumn = (typeof REGION_COLUMNS)[number];
/** One row of the export: every value a string ("" when empty). */
export type RegionRow = Record<RegionColumn, string>;

export type RegionSituacion =
  | 'Solicitada'
  | 'En tramitación'
  | 'Requerida documentación'
  | 'Concedida'
  | 'Denegada'
  | 'Archivada'
  | 'Desistida';

const DAY = 86_400_000;
const CONSEJERIA_FAMILIA = 'Consejería de Familia, Juventud y Asuntos Sociales';
const CONSEJERIA_EDUCACION = 'Consejería de Educación, Ciencia y Universidades';
const CONSEJERIA_VIVIENDA = 'Consejería de Vivienda, Transportes e Infraestructuras';
const SEDE = 'https://sede.comunidad.madrid/mis-expedientes';

interface SeedRow {
  num: string;
  procedimiento: string;
  asunto: string;
  consejeria: string;
  unidad: string;
  situacion: RegionSituacion;
  solicitudDaysAgo: number;
  ultimoDaysAgo: number;
  limiteDays?: number;
  /** Euros, written with a decimal comma and thousands dots. */
  importe?: number;
  enlace?: boolean;
}

/** "1234.5" → "1.234,50" (how the region's exports write amounts). */
export function formatImporte(value: number): string {
  const [integer = '0', decimals = '00'] = value.toFixed(2).split('.');
  return `${integer.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${decimals}`;
}

function row(now: Date, seed: SeedRow): RegionRow {
  const day = (days: number) => formatMadridDate(new Date(now.getTime() + days * DAY));
  return {
    NUM_EXPEDIENTE: seed.num,
    PROCEDIMIENTO: seed.procedimiento,
    ASUNTO: seed.asunto,
    CONSEJERIA: seed.consejeria,
    UNIDAD_GESTORA: seed.unidad,
    SITUACION: seed.situacion,
    FECHA_SOLICITUD: day(-seed.solicitudDaysAgo),
    FECHA_ULTIMO_TRAMITE: day(-seed.ultimoDaysAgo),
    FECHA_LIMITE: seed.limiteDays === undefined ? '' : day(seed.limiteDays),
    IMPORTE_EUR: seed.importe === undefined ? '' : formatImporte(seed.importe),
    ENLACE: seed.enlace ? `${SEDE}/${seed.num}` : '',
  };
}

/** Past years' grants and benefits (deterministic). */
function history(prefix: string, count: number): SeedRow[] {
  const kinds = [
    {
      procedimiento: 'Becas para el estudio de Formación Profesional de Grado Superior',
      asunto: 'Beca de FP de Grado Superior',
      consejeria: CONSEJERIA_EDUCACION,
      unidad: 'Dirección General de Becas y Ayudas',
      importe: 2_700,
    },
    {
      procedimiento: 'Ayudas individualizadas de comedor escolar',
      asunto: 'Ayuda de comedor escolar',
      consejeria: CONSEJERIA_EDUCACION,
      unidad: 'Dirección General de Educación Infantil y Primaria',
      importe: 856.8,
    },
    {
      procedimiento: 'Abono Transporte Joven',
      asunto: 'Tarjeta de Transporte Público con perfil joven',
      consejeria: CONSEJERIA_VIVIENDA,
      unidad: 'Consorcio Regional de Transportes de Madrid',
    },
    {
      procedimiento: 'Ayudas al alquiler de vivienda',
      asunto: 'Ayuda al alquiler de vivienda habitual',
      consejeria: CONSEJERIA_VIVIENDA,
      unidad: 'Dirección General de Vivienda y Rehabilitación',
      importe: 1_234.56,
    },
  ];
  return Array.from({ length: count }, (_, index) => {
    const kind = kinds[index % kinds.length] as (typeof kinds)[number];
    const start = 120 + index * 61;
    const seed: SeedRow = {
      num: `${prefix}/${2025 - Math.floor(index / 4)}/${String(31_000 + index * 17).padStart(6, '0')}`,
      procedimiento: kind.procedimiento,
      asunto: kind.asunto,
      consejeria: kind.consejeria,
      unidad: kind.unidad,
      situacion: index % 3 === 2 ? 'Denegada' : index % 2 === 0 ? 'Archivada' : 'Concedida',
      solicitudDaysAgo: start,
      ultimoDaysAgo: start - 45,
      enlace: index % 2 === 1,
    };
    if (kind.importe !== undefined && seed.situacion !== 'Denegada') seed.importe = kind.importe;
    return seed;
  });
}

function seedFor(nif: string): SeedRow[] {
  switch (nif) {
    case MARIA_NIF:
      return [
        {
          num: 'FN/2026/004512',
          procedimiento: 'Título de familia numerosa: renovación',
          asunto: 'Renovación del título de familia numerosa de categoría general',
          consejeria: CONSEJERIA_FAMILIA,
          unidad: 'Dirección General de Infancia, Familia y Fomento de la Natalidad',
          situacion: 'Requerida documentación',
          solicitudDaysAgo: 25,
          ultimoDaysAgo: 3,
          limiteDays: 7,
          enlace: true,
        },
        {
          num: 'RMI/2026/000871',
          procedimiento: 'Renta Mínima de Inserción',
          asunto: 'Solicitud de Renta Mínima de Inserción; revisión anual',
          consejeria: CONSEJERIA_FAMILIA,
          unidad: 'Dirección General de Servicios Sociales e Innovación Social',
          situacion: 'En tramitación',
          solicitudDaysAgo: 40,
          ultimoDaysAgo: 12,
          importe: 614.7,
          enlace: true,
        },
        {
          num: 'DEP/2026/010203',
          procedimiento: 'Reconocimiento de la situación de dependencia',
          asunto: 'Valoración de la situación de dependencia de un familiar a cargo',
          consejeria: CONSEJERIA_FAMILIA,
          unidad: 'Dirección General de Atención a Personas con Discapacidad y Dependencia',
          situacion: 'Solicitada',
          solicitudDaysAgo: 4,
          ultimoDaysAgo: 4,
        },
        {
          num: 'BEC/2026/055501',
          procedimiento: 'Becas para el estudio de Bachillerato',
          asunto: 'Beca de Bachillerato para el curso 2026-2027',
          consejeria: CONSEJERIA_EDUCACION,
          unidad: 'Dirección General de Becas y Ayudas',
          situacion: 'Concedida',
          solicitudDaysAgo: 70,
          ultimoDaysAgo: 9,
          importe: 1_500,
          enlace: true,
        },
        {
          num: 'CHQ/2026/000077',
          procedimiento: 'Cheque bebé',
          asunto: 'Ayuda por nacimiento o adopción',
          consejeria: CONSEJERIA_FAMILIA,
          unidad: 'Dirección General de Infancia, Familia y Fomento de la Natalidad',
          situacion: 'Desistida',
          solicitudDaysAgo: 100,
          ultimoDaysAgo: 60,
        },
        ...history('AYU', 14),
      ];
    case CARMEN_NIF:
      return [
        {
          num: 'DEP/2026/009988',
          procedimiento: 'Reconocimiento de la situación de dependencia',
          asunto: 'Revisión del grado de dependencia',
          consejeria: CONSEJERIA_FAMILIA,
          unidad: 'Dirección General de Atención a Personas con Discapacidad y Dependencia',
          situacion: 'En tramitación',
          solicitudDaysAgo: 50,
          ultimoDaysAgo: 8,
        },
        ...history('CAR', 3),
      ];
    case LUCIA_NIF:
      return [
        {
          num: 'ALQ/2026/004321',
          procedimiento: 'Ayudas al alquiler de vivienda',
          asunto: 'Bono Alquiler Joven',
          consejeria: CONSEJERIA_VIVIENDA,
          unidad: 'Dirección General de Vivienda y Rehabilitación',
          situacion: 'Requerida documentación',
          solicitudDaysAgo: 20,
          ultimoDaysAgo: 1,
          limiteDays: 9,
          importe: 250,
          enlace: true,
        },
        ...history('LUC', 5),
      ];
    case JAVIER_NIF:
      return history('JAV', 2);
    case PANADERIA_CIF:
      return [
        {
          num: 'EMP/2026/000456',
          procedimiento: 'Ayudas a la modernización del pequeño comercio',
          asunto: 'Subvención para la digitalización del punto de venta',
          consejeria: 'Consejería de Economía, Hacienda y Empleo',
          unidad: 'Dirección General de Comercio y Consumo',
          situacion: 'En tramitación',
          solicitudDaysAgo: 30,
          ultimoDaysAgo: 6,
          importe: 12_345.67,
        },
      ];
    case JOHN_NIF:
      return [];
    case HOSTILE_NIF:
      return [
        // Semicolons, quotes and new lines inside fields: the CSV must carry them intact.
        'Solicitud; con "comillas" y\nsalto de línea; y otra\r\nlínea',
        HOSTILE_SCRIPT,
        HOSTILE_ATTRIBUTE,
        HOSTILE_RTL,
        HOSTILE_ZERO_WIDTH,
        HOSTILE_BASQUE_500,
        HOSTILE_CATALAN_500,
      ].map((asunto, index) => ({
        num: `HOS/2026/${String(index + 1).padStart(6, '0')}`,
        procedimiento: HOSTILE_SCRIPT,
        asunto,
        consejeria: HOSTILE_ATTRIBUTE,
        unidad: `Unidad "gestora"; ${HOSTILE_RTL}`,
        situacion: 'Requerida documentación' as const,
        solicitudDaysAgo: 10 + index,
        ultimoDaysAgo: 2,
        limiteDays: 3 + index,
        importe: 1_000_000.01 + index,
      }));
    default:
      return [];
  }
}

export function regionRows(nif: string, now: Date): RegionRow[] {
  return seedFor(nif).map((seed) => row(now, seed));
}
