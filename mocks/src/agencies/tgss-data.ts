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
import {
  STATE_BASQUE_500,
  STATE_CATALAN_500,
  STATE_HOSTILE_IMG,
  STATE_HOSTILE_RTL,
  STATE_HOSTILE_SCRIPT,
  STATE_ZERO_WIDTH,
} from './aeat-data.ts';
import type { BookOffice, BookService, SeedBooking } from './slot-book.ts';

/*
 * The simulated Social Security's OWN records (TGSS/INSS): what its SOAP-style service puts inside
 * the XML envelope. Upper-case status words, "dd-MM-yyyy'T'HH:mm" Madrid wall-clock times, file
 * numbers with slashes (the portal id is `idExpediente`).
 */

/** REGISTRADO, EN_TRAMITE, PENDIENTE_SUBSANACION, RESUELTO_ESTIMADO, RESUELTO_DESESTIMADO, ARCHIVADO. */
export type TgssEstado =
  | 'REGISTRADO'
  | 'EN_TRAMITE'
  | 'PENDIENTE_SUBSANACION'
  | 'RESUELTO_ESTIMADO'
  | 'RESUELTO_DESESTIMADO'
  | 'ARCHIVADO';

export interface TgssHito {
  estado: TgssEstado;
  fecha: string;
  observaciones?: string;
}

export interface TgssDocumento {
  idDocumento: string;
  nombre: string;
  fechaRegistro: string;
  /** SOLICITANTE (the citizen) or ENTIDAD (the administration). */
  origen: 'SOLICITANTE' | 'ENTIDAD';
}

export interface TgssExpediente {
  idExpediente: string;
  numeroExpediente: string;
  prestacion: string;
  codTramite: string;
  descTramite?: string;
  entidadGestora: 'INSS' | 'TGSS';
  direccionProvincial: string;
  estado: TgssEstado;
  fechaAlta: string;
  fechaEstado: string;
  plazoSubsanacion?: string;
  historial: TgssHito[];
  documentacion: TgssDocumento[];
  enlaceSede?: string;
}

export interface TgssServicio {
  codigo: string;
  denominacion: string;
  minutos: number;
}

export interface TgssOficina {
  codigoCaiss: string;
  denominacion: string;
  direccion: string;
}

export type TgssEstadoCita = 'CONFIRMADA' | 'ANULADA' | 'ATENDIDA' | 'NO_PRESENTADA';

export const TGSS_DIR3 = 'E04921301';
const SEDE = 'https://sede.seg-social.gob.es/wps/portal/sede/sede/Ciudadanos';

/** "dd-MM-yyyy'T'HH:mm", Madrid wall-clock time. */
export function formatTgssDateTime(instant: Date): string {
  const text = formatMadridDateTime(instant); // dd/MM/yyyy HH:mm:ss
  return `${text.slice(0, 2)}-${text.slice(3, 5)}-${text.slice(6, 10)}T${text.slice(11, 16)}`;
}

/** A Madrid calendar day ("yyyy-MM-dd") and time ("HH:mm") as TGSS writes them. */
export function tgssWallClock(day: string, time: string): string {
  return `${day.slice(8, 10)}-${day.slice(5, 7)}-${day.slice(0, 4)}T${time}`;
}

interface SeedHito {
  estado: TgssEstado;
  hoursAgo: number;
  observaciones?: string;
}
interface SeedExpediente {
  id: string;
  prestacion: string;
  codTramite: string;
  descTramite?: string;
  entidad: 'INSS' | 'TGSS';
  provincial: string;
  historial: SeedHito[];
  plazoInHours?: number;
  documentos: { nombre: string; hoursAgo: number; origen: 'SOLICITANTE' | 'ENTIDAD' }[];
  sede?: string;
}

const DAY = 24;
const INSS_MADRID = 'Dirección Provincial del INSS de Madrid';
const TGSS_MADRID = 'Dirección Provincial de la TGSS de Madrid';

function workLifeReport(id: string, daysAgo: number): SeedExpediente {
  return {
    id,
    prestacion: 'Informe de vida laboral',
    codTramite: 'VL01',
    descTramite: 'Solicitud de informe de vida laboral',
    entidad: 'TGSS',
    provincial: TGSS_MADRID,
    historial: [
      { estado: 'REGISTRADO', hoursAgo: daysAgo * DAY },
      { estado: 'RESUELTO_ESTIMADO', hoursAgo: daysAgo * DAY - 1, observaciones: 'Informe emitido' },
      { estado: 'ARCHIVADO', hoursAgo: daysAgo * DAY - 48 },
    ],
    documentos: [{ nombre: 'Informe de vida laboral', hoursAgo: daysAgo * DAY - 1, origen: 'ENTIDAD' }],
    sede: `${SEDE}/Vida+laboral`,
  };
}

function upToDateCertificate(id: string, daysAgo: number): SeedExpediente {
  return {
    id,
    prestacion: 'Certificado de estar al corriente en las obligaciones de la Seguridad Social',
    codTramite: 'CC01',
    entidad: 'TGSS',
    provincial: TGSS_MADRID,
    historial: [
      { estado: 'REGISTRADO', hoursAgo: daysAgo * DAY },
      { estado: 'RESUELTO_ESTIMADO', hoursAgo: daysAgo * DAY - 2 },
    ],
    documentos: [{ nombre: 'Certificado', hoursAgo: daysAgo * DAY - 2, origen: 'ENTIDAD' }],
  };
}

const SEED_FILES: Record<string, SeedExpediente[]> = {
  [MARIA_NIF]: [
    {
      id: 'INSS-28-2026-0041377',
      prestacion: 'Prestación por nacimiento y cuidado de menor',
      codTramite: 'NCM1',
      descTramite: 'Nacimiento y cuidado de menor',
      entidad: 'INSS',
      provincial: INSS_MADRID,
      historial: [
        {
          estado: 'REGISTRADO',
          hoursAgo: 21 * DAY,
          observaciones: 'Solicitud registrada en la sede electrónica',
        },
        { estado: 'EN_TRAMITE', hoursAgo: 18 * DAY },
        {
          estado: 'PENDIENTE_SUBSANACION',
          hoursAgo: 1 * DAY + 4,
          observaciones: 'Aporte el certificado de empresa del último periodo cotizado',
        },
      ],
      plazoInHours: 10 * DAY,
      documentos: [
        { nombre: 'Solicitud de la prestación', hoursAgo: 21 * DAY, origen: 'SOLICITANTE' },
        { nombre: 'Libro de familia', hoursAgo: 21 * DAY, origen: 'SOLICITANTE' },
        { nombre: 'Requerimiento de subsanación', hoursAgo: 1 * DAY + 4, origen: 'ENTIDAD' },
      ],
      sede: `${SEDE}/Prestaciones+Pensiones+de+Trabajadores/Nacimiento`,
    },
    {
      id: 'INSS-28-2026-0039902',
      prestacion: 'Tarjeta Sanitaria Europea',
      codTramite: 'TSE1',
      entidad: 'INSS',
      provincial: INSS_MADRID,
      historial: [
        { estado: 'REGISTRADO', hoursAgo: 45 * DAY },
        { estado: 'RESUELTO_ESTIMADO', hoursAgo: 44 * DAY, observaciones: 'Tarjeta enviada al domicilio' },
      ],
      documentos: [{ nombre: 'Resolución de emisión', hoursAgo: 44 * DAY, origen: 'ENTIDAD' }],
      sede: `${SEDE}/Tarjeta+Sanitaria+Europea`,
    },
    {
      id: 'INSS-28-2025-0120034',
      prestacion: 'Incapacidad temporal por contingencias comunes',
      codTramite: 'IT01',
      entidad: 'INSS',
      provincial: INSS_MADRID,
      historial: [
        { estado: 'REGISTRADO', hoursAgo: 300 * DAY },
        { estado: 'EN_TRAMITE', hoursAgo: 299 * DAY },
        { estado: 'RESUELTO_ESTIMADO', hoursAgo: 280 * DAY },
        { estado: 'ARCHIVADO', hoursAgo: 200 * DAY },
      ],
      documentos: [],
    },
    {
      id: 'TGSS-28-2026-0007781',
      prestacion: 'Reintegro de cuotas ingresadas indebidamente',
      codTramite: 'DI02',
      entidad: 'TGSS',
      provincial: TGSS_MADRID,
      historial: [
        { estado: 'REGISTRADO', hoursAgo: 12 * DAY },
        { estado: 'EN_TRAMITE', hoursAgo: 8 * DAY },
      ],
      documentos: [{ nombre: 'Solicitud de devolución', hoursAgo: 12 * DAY, origen: 'SOLICITANTE' }],
    },
    {
      id: 'TGSS-28-2026-0005120',
      prestacion: 'Aplazamiento de deudas con la Seguridad Social',
      codTramite: 'AP01',
      entidad: 'TGSS',
      provincial: TGSS_MADRID,
      historial: [
        { estado: 'REGISTRADO', hoursAgo: 60 * DAY },
        {
          estado: 'RESUELTO_DESESTIMADO',
          hoursAgo: 22 * DAY,
          observaciones: 'No se aportó garantía suficiente',
        },
      ],
      documentos: [{ nombre: 'Resolución denegatoria', hoursAgo: 22 * DAY, origen: 'ENTIDAD' }],
    },
    workLifeReport('TGSS-28-2026-0001011', 5),
    workLifeReport('TGSS-28-2025-0016662', 160),
    workLifeReport('TGSS-28-2024-0013009', 500),
    upToDateCertificate('TGSS-28-2026-0002231', 33),
    upToDateCertificate('TGSS-28-2026-0002872', 64),
    upToDateCertificate('TGSS-28-2026-0003390', 95),
  ],
  [CARMEN_NIF]: [
    {
      id: 'INSS-28-2026-0050019',
      prestacion: 'Pensión de jubilación',
      codTramite: 'JUB1',
      descTramite: 'Jubilación ordinaria',
      entidad: 'INSS',
      provincial: INSS_MADRID,
      historial: [
        { estado: 'REGISTRADO', hoursAgo: 25 * DAY },
        { estado: 'EN_TRAMITE', hoursAgo: 20 * DAY, observaciones: 'Cálculo de la base reguladora' },
      ],
      documentos: [
        { nombre: 'Solicitud de pensión de jubilación', hoursAgo: 25 * DAY, origen: 'SOLICITANTE' },
        { nombre: 'Certificado de empresa', hoursAgo: 25 * DAY, origen: 'SOLICITANTE' },
      ],
      sede: `${SEDE}/Prestaciones+Pensiones+de+Trabajadores/Jubilacion`,
    },
    workLifeReport('TGSS-28-2026-0001450', 30),
  ],
  [JAVIER_NIF]: [workLifeReport('TGSS-28-2026-0001777', 9)],
  [PANADERIA_CIF]: [
    {
      id: 'TGSS-28-2026-0006610',
      prestacion: 'Aplazamiento de cuotas de la empresa',
      codTramite: 'AP02',
      entidad: 'TGSS',
      provincial: TGSS_MADRID,
      historial: [
        { estado: 'REGISTRADO', hoursAgo: 14 * DAY },
        { estado: 'PENDIENTE_SUBSANACION', hoursAgo: 3 * DAY, observaciones: 'Aporte aval bancario' },
      ],
      plazoInHours: 7 * DAY,
      documentos: [{ nombre: 'Solicitud de aplazamiento', hoursAgo: 14 * DAY, origen: 'SOLICITANTE' }],
    },
    upToDateCertificate('TGSS-28-2026-0002990', 20),
  ],
  [JOHN_NIF]: [
    {
      id: 'TGSS-28-2026-0000412',
      prestacion: 'Asignación del número de la Seguridad Social',
      codTramite: 'AF01',
      entidad: 'TGSS',
      provincial: TGSS_MADRID,
      historial: [
        { estado: 'REGISTRADO', hoursAgo: 40 * DAY },
        { estado: 'RESUELTO_ESTIMADO', hoursAgo: 39 * DAY },
      ],
      documentos: [{ nombre: 'Resolución sobre asignación de NSS', hoursAgo: 39 * DAY, origen: 'ENTIDAD' }],
    },
  ],
  [LUCIA_NIF]: [
    {
      id: 'INSS-28-2026-0044880',
      prestacion: 'Prestación por riesgo durante el embarazo',
      codTramite: 'RE01',
      entidad: 'INSS',
      provincial: INSS_MADRID,
      historial: [{ estado: 'REGISTRADO', hoursAgo: 2 * DAY }],
      documentos: [{ nombre: 'Solicitud', hoursAgo: 2 * DAY, origen: 'SOLICITANTE' }],
    },
    workLifeReport('TGSS-28-2026-0001903', 15),
  ],
  [HOSTILE_NIF]: [
    {
      id: 'INSS-99-2026-0000001',
      prestacion: STATE_HOSTILE_SCRIPT,
      codTramite: 'XX01',
      descTramite: STATE_HOSTILE_IMG,
      entidad: 'INSS',
      provincial: STATE_HOSTILE_RTL,
      historial: [
        { estado: 'REGISTRADO', hoursAgo: 6 * DAY, observaciones: STATE_HOSTILE_IMG },
        { estado: 'PENDIENTE_SUBSANACION', hoursAgo: DAY, observaciones: STATE_HOSTILE_SCRIPT },
      ],
      plazoInHours: 4 * DAY,
      documentos: [{ nombre: STATE_HOSTILE_SCRIPT, hoursAgo: DAY, origen: 'ENTIDAD' }],
    },
    {
      id: 'INSS-99-2026-0000002',
      prestacion: STATE_BASQUE_500,
      codTramite: 'XX02',
      entidad: 'INSS',
      provincial: 'Gizarte Segurantzaren Institutu Nazionala — Bizkaiko Zuzendaritza',
      historial: [{ estado: 'EN_TRAMITE', hoursAgo: 3 * DAY, observaciones: STATE_BASQUE_500 }],
      documentos: [{ nombre: STATE_ZERO_WIDTH, hoursAgo: 3 * DAY, origen: 'SOLICITANTE' }],
    },
    {
      id: 'TGSS-99-2026-0000003',
      prestacion: STATE_CATALAN_500,
      codTramite: 'XX03',
      entidad: 'TGSS',
      provincial: 'Direcció Provincial de la TGSS de Barcelona',
      historial: [{ estado: 'ARCHIVADO', hoursAgo: 9 * DAY, observaciones: STATE_CATALAN_500 }],
      documentos: [],
    },
  ],
};

const HOUR_MS = 3_600_000;

/** "INSS-28-2026-0041377" → "28/2026/0041377" (the number as the entity writes it). */
function numero(id: string): string {
  return id.split('-').slice(1).join('/');
}

export function createTgssSeed(now: Date): Map<string, TgssExpediente[]> {
  const base = Math.floor(now.getTime() / 1000) * 1000;
  const at = (hoursAgo: number) => formatTgssDateTime(new Date(base - hoursAgo * HOUR_MS));
  const seed = new Map<string, TgssExpediente[]>();
  for (const [nif, files] of Object.entries(SEED_FILES)) {
    seed.set(
      nif,
      files.map((spec): TgssExpediente => {
        const first = spec.historial[0];
        const last = spec.historial[spec.historial.length - 1];
        return {
          idExpediente: spec.id,
          numeroExpediente: numero(spec.id),
          prestacion: spec.prestacion,
          codTramite: spec.codTramite,
          ...(spec.descTramite === undefined ? {} : { descTramite: spec.descTramite }),
          entidadGestora: spec.entidad,
          direccionProvincial: spec.provincial,
          estado: last?.estado ?? 'REGISTRADO',
          fechaAlta: at(first?.hoursAgo ?? 0),
          fechaEstado: at(last?.hoursAgo ?? 0),
          ...(spec.plazoInHours === undefined ? {} : { plazoSubsanacion: at(-spec.plazoInHours) }),
          historial: spec.historial.map((hito) => ({
            estado: hito.estado,
            fecha: at(hito.hoursAgo),
            ...(hito.observaciones === undefined ? {} : { observaciones: hito.observaciones }),
          })),
          documentacion: spec.documentos.map((doc, index) => ({
            idDocumento: `${spec.id}-D${index + 1}`,
            nombre: doc.nombre,
            fechaRegistro: at(doc.hoursAgo),
            origen: doc.origen,
          })),
          ...(spec.sede === undefined ? {} : { enlaceSede: spec.sede }),
        };
      }),
    );
  }
  return seed;
}

// ---------------------------------------------------------------------------------------------
// Appointments at the CAISS (Centros de Atención e Información de la Seguridad Social)

export const TGSS_SERVICIOS: readonly TgssServicio[] = [
  { codigo: 'JUBILACION', denominacion: 'Información y solicitud de pensión de jubilación', minutos: 30 },
  { codigo: 'NACIMIENTO', denominacion: 'Prestación por nacimiento y cuidado de menor', minutos: 20 },
  {
    codigo: 'AFILIACION',
    denominacion: 'Afiliación, número de la Seguridad Social y vida laboral',
    minutos: 15,
  },
];

export const TGSS_OFICINAS: readonly (TgssOficina & { servicios: string[] })[] = [
  {
    codigoCaiss: 'CAISS-2801',
    denominacion: 'CAISS Madrid-Chamberí',
    direccion: 'Calle de Fernández de la Hoz, 21, 28010 Madrid',
    servicios: ['JUBILACION', 'NACIMIENTO', 'AFILIACION'],
  },
  {
    codigoCaiss: 'CAISS-2807',
    denominacion: 'CAISS Madrid-Vallecas',
    direccion: 'Avenida de la Albufera, 258, 28038 Madrid',
    servicios: ['JUBILACION', 'NACIMIENTO'],
  },
  {
    codigoCaiss: 'CAISS-2815',
    denominacion: 'CAISS Alcalá de Henares',
    direccion: 'Calle de la Victoria, 5, 28802 Alcalá de Henares',
    servicios: ['NACIMIENTO', 'AFILIACION'],
  },
  {
    codigoCaiss: 'CAISS-2899',
    denominacion: 'CAISS Móstoles (último hueco)',
    direccion: 'Calle de Alfonso XII, 2, 28934 Móstoles',
    servicios: ['JUBILACION', 'NACIMIENTO', 'AFILIACION'],
  },
];

export const TGSS_LAST_SLOT_OFFICE = 'CAISS-2899';

export const TGSS_BOOK_SERVICES: readonly BookService[] = TGSS_SERVICIOS.map((servicio) => ({
  id: servicio.codigo,
  durationMinutes: servicio.minutos,
}));

export const TGSS_BOOK_OFFICES: readonly BookOffice[] = TGSS_OFICINAS.map((oficina) =>
  oficina.codigoCaiss === TGSS_LAST_SLOT_OFFICE
    ? {
        id: oficina.codigoCaiss,
        services: oficina.servicios,
        times: [],
        onlySlot: { workingDay: 4, time: '12:30' },
      }
    : {
        id: oficina.codigoCaiss,
        services: oficina.servicios,
        times: ['08:30', '09:00', '09:30', '10:30', '11:00', '12:00', '13:30'],
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
): SeedBooking => ({ id, nif, serviceId, officeId, when, time, status, reference: `CP${id.slice(-6)}` });

export const TGSS_SEED_CITAS: readonly SeedBooking[] = [
  cita('CITA-SS-0000101', MARIA_NIF, 'NACIMIENTO', 'CAISS-2801', { workingDay: 2 }, '09:30', 'booked'),
  cita('CITA-SS-0000102', MARIA_NIF, 'AFILIACION', 'CAISS-2815', { daysAgo: 60 }, '11:00', 'attended'),
  cita('CITA-SS-0000103', MARIA_NIF, 'NACIMIENTO', 'CAISS-2807', { daysAgo: 10 }, '10:30', 'cancelled'),
  cita('CITA-SS-0000104', MARIA_NIF, 'AFILIACION', 'CAISS-2801', { daysAgo: 365 }, '08:30', 'missed'),
  cita('CITA-SS-0000201', CARMEN_NIF, 'JUBILACION', 'CAISS-2807', { workingDay: 7 }, '11:00', 'booked'),
  cita('CITA-SS-0000202', CARMEN_NIF, 'JUBILACION', 'CAISS-2801', { daysAgo: 30 }, '12:00', 'attended'),
  cita('CITA-SS-0000301', JOHN_NIF, 'AFILIACION', 'CAISS-2815', { workingDay: 11 }, '09:00', 'booked'),
  cita('CITA-SS-0000401', LUCIA_NIF, 'NACIMIENTO', 'CAISS-2801', { workingDay: 14 }, '13:30', 'booked'),
  cita('CITA-SS-0000901', HOSTILE_NIF, 'NACIMIENTO', 'CAISS-2801', { workingDay: 3 }, '10:30', 'booked'),
];
