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
import type { BookOffice, BookService, SeedBooking } from './slot-book.ts';

/*
 * The simulated AEAT's OWN format (Agencia Estatal de Administración Tributaria, the tax agency):
 * Spanish field names, two-letter "situación" codes and timestamps as "yyyyMMddHHmmss" strings in
 * Madrid wall-clock time. Deliberately unlike the portal's schema and unlike DEHú's.
 */

/** IN iniciado, TR en tramitación, RQ requerimiento pendiente, RS resuelto, AR archivado. */
export type AeatSituacion = 'IN' | 'TR' | 'RQ' | 'RS' | 'AR';

export interface AeatHito {
  situacion: AeatSituacion;
  /** "yyyyMMddHHmmss", Madrid. */
  fecha: string;
  /** Omitted when the agency says nothing. */
  descripcion?: string;
}

export interface AeatDocumento {
  /** Código seguro de verificación. */
  csv: string;
  titulo: string;
  fechaIncorporacion: string;
  /** C contribuyente, A administración. */
  aportadoPor: 'C' | 'A';
}

export interface AeatExpediente {
  numExpediente: string;
  asunto: string;
  tipoProcedimiento: { codigo: string; descripcion: string | null };
  unidadGestora: string;
  situacion: AeatSituacion;
  fechaInicio: string;
  fechaUltimaActuacion: string;
  /** Only while the taxpayer has something to answer. */
  fechaLimite?: string;
  historico: AeatHito[];
  documentos: AeatDocumento[];
  /** Omitted when the procedure has no page at the sede. */
  urlSede?: string;
}

/** GET …/contribuyentes/{nif}/expedientes */
export interface AeatListaExpedientes {
  codRespuesta: '0000';
  numRegistros: number;
  expedientes: AeatExpediente[];
}

/** GET …/contribuyentes/{nif}/expedientes/{numExpediente} */
export interface AeatDetalleExpediente {
  codRespuesta: '0000';
  expediente: AeatExpediente;
}

export interface AeatError {
  codRespuesta: string;
  descRespuesta: string;
}

export interface AeatServicio {
  codServicio: string;
  descServicio: string;
  duracionMin: number;
}

export interface AeatOficina {
  codOficina: string;
  nombreOficina: string;
  domicilio: string;
}

export interface AeatHueco {
  idHueco: string;
  fechaHoraInicio: string;
  fechaHoraFin: string;
}

/** RESERVADA, ANULADA, ATENDIDA, NO_PRESENTADO. */
export type AeatSituacionCita = 'RESERVADA' | 'ANULADA' | 'ATENDIDA' | 'NO_PRESENTADO';

export interface AeatCita {
  idCita: string;
  localizador: string;
  servicio: AeatServicio;
  oficina: AeatOficina;
  fechaHoraCita: string;
  fechaHoraFin: string;
  situacionCita: AeatSituacionCita;
}

export const AEAT_DIR3 = 'E00003901';
const SEDE = 'https://sede.agenciatributaria.gob.es/Sede/procedimientoini';

/** "yyyyMMddHHmmss" in Madrid wall-clock time. */
export function formatAeatDateTime(instant: Date): string {
  const text = formatMadridDateTime(instant); // dd/MM/yyyy HH:mm:ss
  return `${text.slice(6, 10)}${text.slice(3, 5)}${text.slice(0, 2)}${text.slice(11, 13)}${text.slice(14, 16)}${text.slice(17, 19)}`;
}

/** A Madrid calendar day and wall-clock time as AEAT writes them. */
export function aeatWallClock(day: string, time: string): string {
  return `${day.replaceAll('-', '')}${time.replace(':', '')}00`;
}

// ---------------------------------------------------------------------------------------------
// Hostile strings of the test-only citizen, shared by the simulated State agencies.

export const STATE_HOSTILE_SCRIPT = '<script>alert("aeat")</script> Requerimiento & «comillas»';
export const STATE_HOSTILE_IMG = "\"><img src=x onerror=alert(1)> Oficina 'Centro'";
export const STATE_HOSTILE_RTL = 'طلب معلومات ضريبية — בקשה — Expediente 2026/7 \u200F(RTL)\u200F';
/** Basque, exactly 500 characters. */
export const STATE_BASQUE_500 =
  'Zerga Agentziaren errekerimendua: pertsona fisikoen errentaren gaineko zergaren aitorpenean adierazitako datuak egiaztatzeko, hamar egun balioduneko epean aurkeztu beharko dituzu eskatutako agiriak, eta bestela, espedientea ebatzi egingo da eskura dauden datuekin. '
    .repeat(3)
    .slice(0, 500);
/** Catalan, exactly 500 characters. */
export const STATE_CATALAN_500 =
  "Requeriment d'informació de l'Agència Tributària: per comprovar les dades declarades en l'impost sobre la renda de les persones físiques, cal aportar la documentació sol·licitada en el termini de deu dies hàbils; en cas contrari, l'expedient es resoldrà amb les dades disponibles. "
    .repeat(3)
    .slice(0, 500);
export const STATE_ZERO_WIDTH = 'Apla\u200Bzamiento\u200C de\u200D deuda\u2060 tribu\uFEFFtaria\u00AD';

// ---------------------------------------------------------------------------------------------
// Seeds

interface SeedHito {
  situacion: AeatSituacion;
  hoursAgo: number;
  descripcion?: string;
}
interface SeedDoc {
  csv: string;
  titulo: string;
  hoursAgo: number;
  aportadoPor: 'C' | 'A';
}
interface SeedExpediente {
  numExpediente: string;
  asunto: string;
  codigo: string;
  procedimiento: string | null;
  unidad: string;
  historico: SeedHito[];
  /** Hours from now of the taxpayer's deadline (requirements). */
  deadlineInHours?: number;
  documentos: SeedDoc[];
  sede?: boolean;
}

const DAY = 24;
const UNIDAD_MADRID = 'Delegación Especial de Madrid — Dependencia Regional de Gestión Tributaria';
const UNIDAD_RECAUDACION = 'Delegación Especial de Madrid — Dependencia Regional de Recaudación';
const UNIDAD_INSPECCION = 'Delegación Especial de Madrid — Dependencia Regional de Inspección';

/** An income-tax refund of a past year, resolved and archived long ago. */
function pastRefund(year: number, index: number): SeedExpediente {
  const hoursAgo = (2026 - year) * 365 * DAY + 120 * DAY;
  return {
    numExpediente: `${year + 1}RDV${String(12345678 + index).padStart(9, '0')}`,
    asunto: `Devolución del Impuesto sobre la Renta de las Personas Físicas, ejercicio ${year}`,
    codigo: 'G229',
    procedimiento: 'Devoluciones de IRPF',
    unidad: UNIDAD_MADRID,
    historico: [
      { situacion: 'IN', hoursAgo, descripcion: 'Presentación de la declaración con resultado a devolver' },
      { situacion: 'RS', hoursAgo: hoursAgo - 30 * DAY, descripcion: 'Acuerdo de devolución' },
      { situacion: 'AR', hoursAgo: hoursAgo - 60 * DAY },
    ],
    documentos: [
      {
        csv: `DV${year}${index}ABCDEF`,
        titulo: `Declaración modelo 100, ejercicio ${year}`,
        hoursAgo,
        aportadoPor: 'C',
      },
      {
        csv: `AD${year}${index}GHIJKL`,
        titulo: 'Acuerdo de devolución',
        hoursAgo: hoursAgo - 30 * DAY,
        aportadoPor: 'A',
      },
    ],
    sede: true,
  };
}

function refund(num: string, year: number, startedDaysAgo: number, resolved: boolean): SeedExpediente {
  return {
    numExpediente: num,
    asunto: `Devolución del Impuesto sobre la Renta de las Personas Físicas, ejercicio ${year}`,
    codigo: 'G229',
    procedimiento: 'Devoluciones de IRPF',
    unidad: UNIDAD_MADRID,
    historico: [
      { situacion: 'IN', hoursAgo: startedDaysAgo * DAY, descripcion: 'Presentación de la declaración' },
      { situacion: 'TR', hoursAgo: startedDaysAgo * DAY - 50, descripcion: 'Comprobación de datos en curso' },
      ...(resolved
        ? [{ situacion: 'RS' as const, hoursAgo: 5 * DAY, descripcion: 'Acuerdo de devolución' }]
        : []),
    ],
    documentos: [
      {
        csv: `${num.slice(-6)}DECL01`,
        titulo: `Declaración modelo 100, ejercicio ${year}`,
        hoursAgo: startedDaysAgo * DAY,
        aportadoPor: 'C',
      },
    ],
    sede: true,
  };
}

const MARIA_FILES: SeedExpediente[] = [
  refund('2026RDV000451273', 2025, 40, false),
  {
    numExpediente: '2026GCL000098765',
    asunto: 'Requerimiento de documentación: deducción por inversión en vivienda habitual, IRPF 2024',
    codigo: 'G302',
    procedimiento: 'Comprobación limitada IRPF',
    unidad: UNIDAD_MADRID,
    historico: [
      {
        situacion: 'IN',
        hoursAgo: 30 * DAY,
        descripcion: 'Inicio del procedimiento de comprobación limitada',
      },
      { situacion: 'TR', hoursAgo: 28 * DAY },
      {
        situacion: 'RQ',
        hoursAgo: 2 * DAY + 3,
        descripcion: 'Requerimiento: aporte las escrituras y los justificantes de pago del préstamo',
      },
    ],
    deadlineInHours: 8 * DAY + 6,
    documentos: [
      {
        csv: 'RQ24MARIA00001',
        titulo: 'Requerimiento de documentación',
        hoursAgo: 2 * DAY + 3,
        aportadoPor: 'A',
      },
      { csv: 'CL24MARIA00001', titulo: 'Comunicación de inicio', hoursAgo: 30 * DAY, aportadoPor: 'A' },
    ],
    sede: true,
  },
  {
    numExpediente: '2026APL000012044',
    asunto: 'Solicitud de aplazamiento de pago de la liquidación del IRPF 2024',
    codigo: 'RB01',
    procedimiento: 'Aplazamiento y fraccionamiento de deudas',
    unidad: UNIDAD_RECAUDACION,
    historico: [{ situacion: 'IN', hoursAgo: 3 * DAY + 2, descripcion: 'Solicitud presentada por internet' }],
    documentos: [
      { csv: 'APL26MARIA0001', titulo: 'Solicitud de aplazamiento', hoursAgo: 3 * DAY + 2, aportadoPor: 'C' },
      { csv: 'APL26MARIA0002', titulo: 'Plan de pagos propuesto', hoursAgo: 3 * DAY + 2, aportadoPor: 'C' },
    ],
    sede: true,
  },
  {
    numExpediente: '2026SAN000003321',
    asunto: 'Procedimiento sancionador por infracción tributaria leve (art. 191 LGT)',
    codigo: 'S101',
    procedimiento: 'Procedimiento sancionador',
    unidad: UNIDAD_INSPECCION,
    historico: [
      { situacion: 'IN', hoursAgo: 75 * DAY, descripcion: 'Acuerdo de inicio y propuesta de sanción' },
      { situacion: 'TR', hoursAgo: 70 * DAY, descripcion: 'Alegaciones presentadas' },
      { situacion: 'RS', hoursAgo: 20 * DAY, descripcion: 'Resolución con imposición de sanción reducida' },
    ],
    documentos: [
      { csv: 'SAN26MARIA0001', titulo: 'Acuerdo de inicio', hoursAgo: 75 * DAY, aportadoPor: 'A' },
      { csv: 'SAN26MARIA0002', titulo: 'Escrito de alegaciones', hoursAgo: 70 * DAY, aportadoPor: 'C' },
      { csv: 'SAN26MARIA0003', titulo: 'Resolución sancionadora', hoursAgo: 20 * DAY, aportadoPor: 'A' },
    ],
  },
  {
    numExpediente: '2026CER000778812',
    asunto: 'Certificado de estar al corriente de obligaciones tributarias',
    codigo: 'G305',
    procedimiento: null,
    unidad: UNIDAD_MADRID,
    historico: [
      { situacion: 'IN', hoursAgo: 12 * DAY },
      { situacion: 'RS', hoursAgo: 12 * DAY - 1, descripcion: 'Certificado expedido' },
    ],
    documentos: [
      { csv: 'CER26MARIA0001', titulo: 'Certificado positivo', hoursAgo: 12 * DAY - 1, aportadoPor: 'A' },
    ],
    sede: true,
  },
  ...[2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023].map((year, index) => pastRefund(year, index)),
];

const SEED_FILES: Record<string, SeedExpediente[]> = {
  [MARIA_NIF]: MARIA_FILES,
  [CARMEN_NIF]: [
    refund('2026RDV000451990', 2025, 35, true),
    {
      numExpediente: '2026CER000778901',
      asunto: 'Certificado de imputaciones de rentas',
      codigo: 'G306',
      procedimiento: null,
      unidad: UNIDAD_MADRID,
      historico: [{ situacion: 'IN', hoursAgo: 2 * DAY }],
      documentos: [],
    },
    pastRefund(2023, 20),
  ],
  [JAVIER_NIF]: [refund('2026RDV000452311', 2025, 22, false), pastRefund(2022, 30)],
  [PANADERIA_CIF]: [
    {
      numExpediente: '2026IVA000330477',
      asunto: 'Requerimiento de presentación de la autoliquidación del IVA (modelo 303), 2T 2026',
      codigo: 'G414',
      procedimiento: 'Requerimientos por falta de presentación',
      unidad: UNIDAD_MADRID,
      historico: [
        { situacion: 'IN', hoursAgo: 9 * DAY },
        {
          situacion: 'RQ',
          hoursAgo: 4 * DAY + 5,
          descripcion: 'Presente la autoliquidación o justifique su falta',
        },
      ],
      deadlineInHours: 6 * DAY,
      documentos: [
        { csv: 'IVA26ESPIGA001', titulo: 'Requerimiento', hoursAgo: 4 * DAY + 5, aportadoPor: 'A' },
      ],
      sede: true,
    },
    {
      numExpediente: '2026APL000012377',
      asunto: 'Aplazamiento de deuda del IVA, 1T 2026',
      codigo: 'RB01',
      procedimiento: 'Aplazamiento y fraccionamiento de deudas',
      unidad: UNIDAD_RECAUDACION,
      historico: [
        { situacion: 'IN', hoursAgo: 50 * DAY },
        { situacion: 'TR', hoursAgo: 45 * DAY },
        { situacion: 'RS', hoursAgo: 30 * DAY, descripcion: 'Concesión del aplazamiento' },
      ],
      documentos: [
        { csv: 'APL26ESPIGA01', titulo: 'Solicitud de aplazamiento', hoursAgo: 50 * DAY, aportadoPor: 'C' },
        { csv: 'APL26ESPIGA02', titulo: 'Acuerdo de concesión', hoursAgo: 30 * DAY, aportadoPor: 'A' },
      ],
      sede: true,
    },
    {
      numExpediente: '2026CEN000104455',
      asunto: 'Declaración censal de modificación (modelo 036)',
      codigo: 'G322',
      procedimiento: 'Censos',
      unidad: UNIDAD_MADRID,
      historico: [
        { situacion: 'IN', hoursAgo: 15 * DAY },
        { situacion: 'TR', hoursAgo: 14 * DAY },
      ],
      documentos: [{ csv: 'CEN26ESPIGA01', titulo: 'Modelo 036', hoursAgo: 15 * DAY, aportadoPor: 'C' }],
    },
  ],
  [JOHN_NIF]: [
    {
      numExpediente: '2026NIF000009912',
      asunto: 'Asignación del Número de Identificación Fiscal',
      codigo: 'G321',
      procedimiento: 'Censos',
      unidad: UNIDAD_MADRID,
      historico: [
        { situacion: 'IN', hoursAgo: 26 * DAY },
        { situacion: 'RS', hoursAgo: 25 * DAY + 9, descripcion: 'NIF asignado' },
        { situacion: 'AR', hoursAgo: 10 * DAY },
      ],
      documentos: [
        { csv: 'NIF26JOHN00001', titulo: 'Tarjeta NIF', hoursAgo: 25 * DAY + 9, aportadoPor: 'A' },
      ],
    },
    {
      numExpediente: '2026NRE000045120',
      asunto: 'Impuesto sobre la Renta de no Residentes (modelo 210): solicitud de devolución',
      codigo: 'G601',
      procedimiento: 'Devoluciones IRNR',
      unidad: UNIDAD_MADRID,
      historico: [{ situacion: 'IN', hoursAgo: 6 * DAY }],
      documentos: [{ csv: 'NRE26JOHN00001', titulo: 'Modelo 210', hoursAgo: 6 * DAY, aportadoPor: 'C' }],
      sede: true,
    },
  ],
  [LUCIA_NIF]: [refund('2026RDV000453004', 2025, 18, true), pastRefund(2024, 40)],
  // TEST-ONLY: hostile strings everywhere.
  [HOSTILE_NIF]: [
    {
      numExpediente: '2026HOS000000001',
      asunto: STATE_HOSTILE_SCRIPT,
      codigo: 'G302',
      procedimiento: STATE_HOSTILE_IMG,
      unidad: STATE_HOSTILE_RTL,
      historico: [
        { situacion: 'IN', hoursAgo: 10 * DAY, descripcion: STATE_HOSTILE_IMG },
        { situacion: 'RQ', hoursAgo: 1 * DAY, descripcion: STATE_HOSTILE_SCRIPT },
      ],
      deadlineInHours: 3 * DAY,
      documentos: [{ csv: 'HOS26000000001', titulo: STATE_HOSTILE_SCRIPT, hoursAgo: DAY, aportadoPor: 'A' }],
      sede: true,
    },
    {
      numExpediente: '2026HOS000000002',
      asunto: STATE_BASQUE_500,
      codigo: 'G229',
      procedimiento: STATE_ZERO_WIDTH,
      unidad: 'Bizkaiko Ordezkaritza — Zerga Kudeaketa',
      historico: [{ situacion: 'TR', hoursAgo: 4 * DAY, descripcion: STATE_BASQUE_500 }],
      documentos: [],
    },
    {
      numExpediente: '2026HOS000000003',
      asunto: STATE_CATALAN_500,
      codigo: 'G229',
      procedimiento: null,
      unidad: 'Delegació Especial de Catalunya — Gestió Tributària',
      historico: [{ situacion: 'RS', hoursAgo: 8 * DAY, descripcion: STATE_CATALAN_500 }],
      documentos: [{ csv: 'HOS26000000003', titulo: STATE_ZERO_WIDTH, hoursAgo: 8 * DAY, aportadoPor: 'C' }],
    },
  ],
};

const HOUR_MS = 3_600_000;

/** The agency's files per NIF, with dates relative to `now` (whole seconds). */
export function createAeatSeed(now: Date): Map<string, AeatExpediente[]> {
  const base = Math.floor(now.getTime() / 1000) * 1000;
  const at = (hoursAgo: number) => formatAeatDateTime(new Date(base - hoursAgo * HOUR_MS));
  const seed = new Map<string, AeatExpediente[]>();
  for (const [nif, files] of Object.entries(SEED_FILES)) {
    seed.set(
      nif,
      files.map((spec): AeatExpediente => {
        const first = spec.historico[0];
        const last = spec.historico[spec.historico.length - 1];
        return {
          numExpediente: spec.numExpediente,
          asunto: spec.asunto,
          tipoProcedimiento: { codigo: spec.codigo, descripcion: spec.procedimiento },
          unidadGestora: spec.unidad,
          situacion: last?.situacion ?? 'IN',
          fechaInicio: at(first?.hoursAgo ?? 0),
          fechaUltimaActuacion: at(last?.hoursAgo ?? 0),
          ...(spec.deadlineInHours === undefined ? {} : { fechaLimite: at(-spec.deadlineInHours) }),
          historico: spec.historico.map((hito) => ({
            situacion: hito.situacion,
            fecha: at(hito.hoursAgo),
            ...(hito.descripcion === undefined ? {} : { descripcion: hito.descripcion }),
          })),
          documentos: spec.documentos.map((doc) => ({
            csv: doc.csv,
            titulo: doc.titulo,
            fechaIncorporacion: at(doc.hoursAgo),
            aportadoPor: doc.aportadoPor,
          })),
          ...(spec.sede ? { urlSede: `${SEDE}/${spec.codigo}.shtml` } : {}),
        };
      }),
    );
  }
  return seed;
}

// ---------------------------------------------------------------------------------------------
// Appointments (cita previa)

export const AEAT_SERVICIOS: readonly AeatServicio[] = [
  { codServicio: 'RENTA-PRES', descServicio: 'Atención presencial Renta', duracionMin: 20 },
  { codServicio: 'CENSOS', descServicio: 'Censos, NIF y domicilio fiscal', duracionMin: 15 },
  { codServicio: 'RECAUDACION', descServicio: 'Recaudación: aplazamientos y deudas', duracionMin: 30 },
];

export const AEAT_OFICINAS: readonly (AeatOficina & { servicios: string[] })[] = [
  {
    codOficina: '28600',
    nombreOficina: 'Delegación Especial de Madrid (Guzmán el Bueno)',
    domicilio: 'Calle de Guzmán el Bueno, 139, 28003 Madrid',
    servicios: ['RENTA-PRES', 'CENSOS', 'RECAUDACION'],
  },
  {
    codOficina: '28053',
    nombreOficina: 'Administración de Madrid-Arganzuela',
    domicilio: 'Paseo de las Acacias, 26, 28005 Madrid',
    servicios: ['RENTA-PRES', 'CENSOS'],
  },
  {
    codOficina: '28065',
    nombreOficina: 'Administración de Getafe',
    domicilio: 'Calle de Madrid, 58, 28902 Getafe',
    servicios: ['RENTA-PRES', 'RECAUDACION'],
  },
  {
    // The race: exactly one free slot in the whole window.
    codOficina: '28099',
    nombreOficina: 'Administración de Alcobendas (último hueco)',
    domicilio: 'Avenida de España, 5, 28100 Alcobendas',
    servicios: ['RENTA-PRES', 'CENSOS'],
  },
];

export const AEAT_LAST_SLOT_OFFICE = '28099';

export const AEAT_BOOK_SERVICES: readonly BookService[] = AEAT_SERVICIOS.map((servicio) => ({
  id: servicio.codServicio,
  durationMinutes: servicio.duracionMin,
}));

export const AEAT_BOOK_OFFICES: readonly BookOffice[] = AEAT_OFICINAS.map((oficina) =>
  oficina.codOficina === AEAT_LAST_SLOT_OFFICE
    ? {
        id: oficina.codOficina,
        services: oficina.servicios,
        times: [],
        onlySlot: { workingDay: 2, time: '10:40' },
      }
    : {
        id: oficina.codOficina,
        services: oficina.servicios,
        times: ['09:00', '09:40', '10:20', '11:00', '12:20', '13:00'],
      },
);

const cita = (
  id: string,
  nif: string,
  serviceId: string,
  officeId: string,
  when: SeedBooking['when'],
  time: string,
  status: SeedBooking['status'],
): SeedBooking => ({ id, nif, serviceId, officeId, when, time, status, reference: `L${id.slice(-6)}AE` });

export const AEAT_SEED_CITAS: readonly SeedBooking[] = [
  cita('AC-2026-100001', MARIA_NIF, 'RENTA-PRES', '28600', { workingDay: 3 }, '09:40', 'booked'),
  cita('AC-2026-100002', MARIA_NIF, 'RECAUDACION', '28065', { workingDay: 9 }, '12:20', 'booked'),
  cita('AC-2026-100003', MARIA_NIF, 'CENSOS', '28053', { daysAgo: 40 }, '10:20', 'attended'),
  cita('AC-2026-100004', MARIA_NIF, 'RENTA-PRES', '28600', { daysAgo: 200 }, '11:00', 'attended'),
  cita('AC-2026-100005', MARIA_NIF, 'RENTA-PRES', '28053', { daysAgo: 15 }, '13:00', 'cancelled'),
  cita('AC-2026-100006', MARIA_NIF, 'RECAUDACION', '28600', { daysAgo: 90 }, '09:00', 'missed'),
  cita('AC-2026-100010', CARMEN_NIF, 'RENTA-PRES', '28053', { workingDay: 5 }, '11:00', 'booked'),
  cita('AC-2026-100020', PANADERIA_CIF, 'RECAUDACION', '28600', { workingDay: 4 }, '13:00', 'booked'),
  cita('AC-2026-100030', JOHN_NIF, 'CENSOS', '28600', { daysAgo: 27 }, '09:40', 'attended'),
  cita('AC-2026-100040', LUCIA_NIF, 'RENTA-PRES', '28065', { workingDay: 12 }, '10:20', 'booked'),
  cita('AC-2026-100050', HOSTILE_NIF, 'RENTA-PRES', '28600', { workingDay: 6 }, '12:20', 'booked'),
];
