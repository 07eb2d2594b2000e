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
  compactDay,
  HOSTILE_ATTRIBUTE,
  HOSTILE_BASQUE_500,
  HOSTILE_CATALAN_500,
  HOSTILE_RTL,
  HOSTILE_SCRIPT,
  HOSTILE_ZERO_WIDTH,
  isoDay,
  madridDayFrom,
  type SlotTemplate,
  buildSlots,
} from './regional-common.ts';

/*
 * The simulated DGT's OWN format (Dirección General de Tráfico, DIR3 E00130502): upper-case Spanish
 * keys, Madrid wall-clock dates "yyyy-MM-dd HH:mm" (days "yyyy-MM-dd"), statuses in words.
 * Deliberately unlike the portal's schema.
 */

export const DGT_DIR3 = 'E00130502';

export type DgtEstadoExpediente =
  | 'INICIADO'
  | 'EN TRAMITE'
  | 'PENDIENTE SUBSANACION'
  | 'RESUELTO'
  | 'ARCHIVADO';
export type DgtTipoTramite =
  | 'SANCION'
  | 'TRANSFERENCIA'
  | 'RENOVACION_PERMISO'
  | 'CANJE_PERMISO'
  | 'DUPLICADO_PERMISO'
  | 'BAJA_VEHICULO';

export interface DgtHito {
  ESTADO: DgtEstadoExpediente;
  /** "yyyy-MM-dd HH:mm", Europe/Madrid */
  FECHA: string;
  /** Omitted when there is nothing to add. */
  OBSERVACIONES?: string;
}

export interface DgtDocumento {
  ID_DOCUMENTO: string;
  DESCRIPCION: string;
  FECHA_ALTA: string;
  ORIGEN: 'INTERESADO' | 'DGT';
}

export interface DgtExpediente {
  NUM_EXPEDIENTE: string;
  TIPO_TRAMITE: DgtTipoTramite;
  ASUNTO: string;
  /** Omitted for procedures without a formal name. */
  PROCEDIMIENTO?: string;
  UNIDAD_TRAMITADORA: string;
  /** Boletín de denuncia, número de justificante...: what the citizen quotes. */
  REFERENCIA: string;
  ESTADO: DgtEstadoExpediente;
  FECHA_INICIO: string;
  FECHA_ULTIMA_MODIFICACION: string;
  /** Last day and time to answer a requirement or pay; null or absent when there is none. */
  FECHA_LIMITE?: string | null;
  HISTORICO: DgtHito[];
  DOCUMENTOS: DgtDocumento[];
  URL_TRAMITE?: string;
}

export interface DgtPermiso {
  /** Masked: "***5678Z". */
  NUM_PERMISO: string;
  CLASES: string;
  /** "yyyy-MM-dd" */
  FECHA_CADUCIDAD: string;
}

export interface DgtVehiculo {
  MATRICULA: string;
  MARCA: string;
  MODELO: string;
  /** "yyyy-MM-dd": the last day the current inspection (ITV) is valid. */
  FECHA_PROXIMA_ITV: string;
}

export interface DgtTramiteCita {
  COD_TRAMITE: string;
  DESCRIPCION: string;
  DURACION_MINUTOS: number;
}

export interface DgtJefatura {
  COD_JEFATURA: string;
  NOMBRE: string;
  DIRECCION: string;
}

export interface DgtHueco {
  ID_HUECO: string;
  FECHA_HORA_INICIO: string;
  FECHA_HORA_FIN: string;
}

export type DgtEstadoCita = 'CONFIRMADA' | 'ANULADA' | 'ATENDIDA' | 'NO PRESENTADO';

export interface DgtCita {
  LOCALIZADOR: string;
  COD_TRAMITE: string;
  DESCRIPCION_TRAMITE: string;
  DURACION_MINUTOS: number;
  COD_JEFATURA: string;
  NOMBRE_JEFATURA: string;
  DIRECCION_JEFATURA: string;
  FECHA_HORA_INICIO: string;
  FECHA_HORA_FIN: string;
  ESTADO: DgtEstadoCita;
  /** The slot it holds (absent for seeded past appointments). */
  ID_HUECO?: string;
}

export interface DgtError {
  RESULTADO: 'ERROR';
  COD_ERROR: 'HUECO_OCUPADO' | 'NO_ENCONTRADO' | 'PETICION_INCORRECTA' | 'CITA_ANULADA';
  MENSAJE: string;
}

export const DGT_TRAMITES: readonly DgtTramiteCita[] = [
  { COD_TRAMITE: 'REN-PERMISO', DESCRIPCION: 'Renovación del permiso de conducción', DURACION_MINUTOS: 20 },
  {
    COD_TRAMITE: 'CANJE-PERMISO',
    DESCRIPCION: 'Canje de permiso de conducción extranjero',
    DURACION_MINUTOS: 30,
  },
  {
    COD_TRAMITE: 'DUP-PERMISO',
    DESCRIPCION: 'Duplicado del permiso por pérdida o robo',
    DURACION_MINUTOS: 15,
  },
];

export const DGT_JEFATURAS: readonly DgtJefatura[] = [
  {
    COD_JEFATURA: '28-MADRID',
    NOMBRE: 'Jefatura Provincial de Tráfico de Madrid',
    DIRECCION: 'Calle de Arturo Soria, 143, 28043 Madrid',
  },
  {
    COD_JEFATURA: '28-ALCALA',
    NOMBRE: 'Oficina Local de Tráfico de Alcalá de Henares',
    DIRECCION: 'Calle de la Vía Complutense, 19, 28805 Alcalá de Henares',
  },
  {
    COD_JEFATURA: '08-BARCELONA',
    NOMBRE: 'Jefatura Provincial de Tráfico de Barcelona',
    DIRECCION: 'Gran Via de les Corts Catalanes, 184, 08038 Barcelona',
  },
  {
    COD_JEFATURA: '46-VALENCIA',
    NOMBRE: 'Jefatura Provincial de Tráfico de Valencia',
    DIRECCION: 'Calle de Buen Orden, 22, 46008 València',
  },
];

/** Which offices offer which procedure. */
export const DGT_OFERTA: Readonly<Record<string, readonly string[]>> = {
  'REN-PERMISO': ['28-MADRID', '28-ALCALA', '08-BARCELONA', '46-VALENCIA'],
  'CANJE-PERMISO': ['28-MADRID', '08-BARCELONA'],
  'DUP-PERMISO': ['28-MADRID', '28-ALCALA', '46-VALENCIA'],
};

/** The office with exactly one free slot in the whole window (for the race test). */
export const DGT_LAST_SLOT_OFFICE = '28-ALCALA';
const SLOT_TIMES = ['09:00', '09:30', '10:00', '11:30', '12:30'] as const;
const SLOT_MINUTES = 30;

/** "yyyy-MM-dd HH:mm", Madrid wall-clock. */
export function dgtDateTime(instant: Date): string {
  const text = formatMadridDateTime(instant); // dd/MM/yyyy HH:mm:ss
  return `${text.slice(6, 10)}-${text.slice(3, 5)}-${text.slice(0, 2)} ${text.slice(11, 16)}`;
}

export function dgtSlots(now: Date): SlotTemplate[] {
  return buildSlots({
    now,
    offices: DGT_JEFATURAS.map((jefatura) => jefatura.COD_JEFATURA),
    times: SLOT_TIMES,
    durationMinutes: SLOT_MINUTES,
    lastSlotOffices: [DGT_LAST_SLOT_OFFICE],
    slotId: (office, day, time) => `${office}-${compactDay(day)}-${time.replace(':', '')}`,
  });
}

export const slotStart = (slot: SlotTemplate) => `${isoDay(slot.day)} ${slot.start}`;
export const slotEnd = (slot: SlotTemplate) => `${isoDay(slot.day)} ${slot.end}`;

// ---------------------------------------------------------------------------------------------
// Seed

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const URL_SEDE = 'https://sede.dgt.gob.es/es/mis-expedientes';

interface Step {
  estado: DgtEstadoExpediente;
  daysAgo: number;
  observaciones?: string;
}

interface SeedExpediente {
  num: string;
  tipo: DgtTipoTramite;
  asunto: string;
  procedimiento?: string;
  unidad?: string;
  referencia: string;
  steps: Step[];
  /** Days from now of the deadline (negative: past). */
  limiteDays?: number | null;
  documentos?: { id: string; descripcion: string; daysAgo: number; origen: 'INTERESADO' | 'DGT' }[];
  url?: boolean;
}

const UNIDAD_SANCIONES = 'Centro de Tratamiento de Denuncias Automatizadas (León)';
const UNIDAD_MADRID = 'Jefatura Provincial de Tráfico de Madrid';

function expediente(now: Date, seed: SeedExpediente): DgtExpediente {
  const at = (daysAgo: number) => dgtDateTime(new Date(now.getTime() - daysAgo * DAY - 3 * HOUR));
  const first = seed.steps[0] as Step;
  const last = seed.steps[seed.steps.length - 1] as Step;
  const record: DgtExpediente = {
    NUM_EXPEDIENTE: seed.num,
    TIPO_TRAMITE: seed.tipo,
    ASUNTO: seed.asunto,
    UNIDAD_TRAMITADORA: seed.unidad ?? (seed.tipo === 'SANCION' ? UNIDAD_SANCIONES : UNIDAD_MADRID),
    REFERENCIA: seed.referencia,
    ESTADO: last.estado,
    FECHA_INICIO: at(first.daysAgo),
    FECHA_ULTIMA_MODIFICACION: at(last.daysAgo),
    HISTORICO: seed.steps.map((step) => ({
      ESTADO: step.estado,
      FECHA: at(step.daysAgo),
      ...(step.observaciones === undefined ? {} : { OBSERVACIONES: step.observaciones }),
    })),
    DOCUMENTOS: (seed.documentos ?? []).map((documento) => ({
      ID_DOCUMENTO: documento.id,
      DESCRIPCION: documento.descripcion,
      FECHA_ALTA: at(documento.daysAgo),
      ORIGEN: documento.origen,
    })),
  };
  if (seed.procedimiento !== undefined) record.PROCEDIMIENTO = seed.procedimiento;
  if (seed.limiteDays !== undefined) {
    // Deadlines end at 23:59 Madrid of their day.
    record.FECHA_LIMITE =
      seed.limiteDays === null ? null : `${isoDay(madridDayFrom(now, seed.limiteDays))} 23:59`;
  }
  if (seed.url) record.URL_TRAMITE = `${URL_SEDE}/${encodeURIComponent(seed.num)}`;
  return record;
}

/** Older, closed fines and procedures: a driver's long history (deterministic). */
function history(prefix: string, count: number, startDaysAgo: number): SeedExpediente[] {
  const kinds: { tipo: DgtTipoTramite; asunto: string; procedimiento?: string }[] = [
    {
      tipo: 'SANCION',
      asunto: 'Denuncia por exceso de velocidad (radar fijo, M-30)',
      procedimiento: 'Procedimiento sancionador abreviado',
    },
    {
      tipo: 'SANCION',
      asunto: 'Denuncia por estacionamiento en zona de carga y descarga',
      procedimiento: 'Procedimiento sancionador abreviado',
    },
    { tipo: 'TRANSFERENCIA', asunto: 'Cambio de titularidad de vehículo' },
    { tipo: 'DUPLICADO_PERMISO', asunto: 'Duplicado del permiso de circulación por deterioro' },
    { tipo: 'BAJA_VEHICULO', asunto: 'Baja definitiva de vehículo en centro autorizado' },
  ];
  return Array.from({ length: count }, (_, index) => {
    const kind = kinds[index % kinds.length] as (typeof kinds)[number];
    const started = startDaysAgo + index * 37;
    const archived = index % 2 === 0;
    const seed: SeedExpediente = {
      num: `${prefix}-${String(2025_000 - index * 113).padStart(7, '0')}`,
      tipo: kind.tipo,
      asunto: kind.asunto,
      referencia: `JUS-${prefix}-${index + 1}`,
      steps: [
        { estado: 'INICIADO', daysAgo: started },
        { estado: 'EN TRAMITE', daysAgo: started - 3 },
        {
          estado: 'RESUELTO',
          daysAgo: started - 20,
          observaciones:
            kind.tipo === 'SANCION' ? 'Sanción abonada con reducción del 50 %' : 'Resuelto favorablemente',
        },
        ...(archived ? [{ estado: 'ARCHIVADO' as const, daysAgo: started - 30 }] : []),
      ],
      documentos: [
        { id: `DOC-${prefix}-${index + 1}`, descripcion: 'Resolución', daysAgo: started - 20, origen: 'DGT' },
      ],
    };
    if (kind.procedimiento !== undefined) seed.procedimiento = kind.procedimiento;
    return seed;
  });
}

function mariaExpedientes(): SeedExpediente[] {
  return [
    {
      num: '28-123-456.7',
      tipo: 'SANCION',
      asunto: 'Denuncia por circular a 72 km/h en vía limitada a 50 km/h',
      procedimiento: 'Procedimiento sancionador en materia de tráfico',
      referencia: 'BOL-2026-0004512',
      steps: [
        { estado: 'INICIADO', daysAgo: 14, observaciones: 'Notificación de la denuncia' },
        { estado: 'EN TRAMITE', daysAgo: 10 },
        {
          estado: 'PENDIENTE SUBSANACION',
          daysAgo: 2,
          observaciones: 'Identifique al conductor responsable de la infracción',
        },
      ],
      limiteDays: 8,
      documentos: [
        { id: 'BOL-2026-0004512', descripcion: 'Boletín de denuncia', daysAgo: 14, origen: 'DGT' },
        { id: 'FOTO-2026-0004512', descripcion: 'Fotografía del radar', daysAgo: 14, origen: 'DGT' },
        {
          id: 'REQ-2026-0004512',
          descripcion: 'Requerimiento de identificación del conductor',
          daysAgo: 2,
          origen: 'DGT',
        },
      ],
      url: true,
    },
    {
      num: 'TR-2026-0098765',
      tipo: 'TRANSFERENCIA',
      asunto: 'Transferencia del vehículo 4821 JKM a su nombre',
      procedimiento: 'Cambio de titularidad de vehículos',
      referencia: 'JUS-TR-0098765',
      steps: [
        { estado: 'INICIADO', daysAgo: 6 },
        {
          estado: 'EN TRAMITE',
          daysAgo: 5,
          observaciones: 'Pendiente de liquidación del Impuesto de Transmisiones',
        },
      ],
      limiteDays: null,
      documentos: [
        { id: 'CONTRATO-0098765', descripcion: 'Contrato de compraventa', daysAgo: 6, origen: 'INTERESADO' },
        {
          id: 'ITP-0098765',
          descripcion: 'Justificante del ITP (modelo 620)',
          daysAgo: 6,
          origen: 'INTERESADO',
        },
      ],
      url: true,
    },
    {
      num: 'RP-2026-0011223',
      tipo: 'RENOVACION_PERMISO',
      asunto: 'Renovación del permiso de conducción (clase B)',
      procedimiento: 'Renovación de permisos y licencias de conducción',
      referencia: 'JUS-RP-0011223',
      steps: [{ estado: 'INICIADO', daysAgo: 1 }],
      documentos: [
        {
          id: 'CRC-0011223',
          descripcion: 'Informe de aptitud psicofísica (CRC)',
          daysAgo: 1,
          origen: 'INTERESADO',
        },
      ],
    },
    {
      num: '28-987-654.3',
      tipo: 'SANCION',
      asunto: 'Denuncia por no respetar un semáforo en fase roja',
      procedimiento: 'Procedimiento sancionador en materia de tráfico',
      referencia: 'BOL-2026-0001177',
      steps: [
        { estado: 'INICIADO', daysAgo: 60 },
        { estado: 'EN TRAMITE', daysAgo: 50, observaciones: 'Alegaciones presentadas' },
        { estado: 'RESUELTO', daysAgo: 12, observaciones: 'Alegaciones desestimadas; 200 € y 4 puntos' },
      ],
      limiteDays: 18,
      documentos: [
        { id: 'RES-2026-0001177', descripcion: 'Resolución sancionadora', daysAgo: 12, origen: 'DGT' },
      ],
      url: true,
    },
    ...history('M', 18, 90),
  ];
}

function expedientesFor(nif: string): SeedExpediente[] {
  switch (nif) {
    case MARIA_NIF:
      return mariaExpedientes();
    case CARMEN_NIF:
      return [
        {
          num: 'RP-2026-0033441',
          tipo: 'RENOVACION_PERMISO',
          asunto: 'Renovación del permiso de conducción (clase B) con restricciones médicas',
          referencia: 'JUS-RP-0033441',
          steps: [
            { estado: 'INICIADO', daysAgo: 9 },
            { estado: 'PENDIENTE SUBSANACION', daysAgo: 3, observaciones: 'Aporte el informe oftalmológico' },
          ],
          limiteDays: 7,
        },
        ...history('C', 4, 200),
      ];
    case JAVIER_NIF:
      return [
        {
          num: '28-555-101.2',
          tipo: 'SANCION',
          asunto: 'Denuncia por uso del teléfono móvil durante la conducción',
          procedimiento: 'Procedimiento sancionador en materia de tráfico',
          referencia: 'BOL-2026-0007788',
          steps: [{ estado: 'EN TRAMITE', daysAgo: 4 }],
          limiteDays: 16,
          url: true,
        },
        ...history('J', 3, 120),
      ];
    case PANADERIA_CIF:
      return [
        {
          num: '28-777-303.1',
          tipo: 'SANCION',
          asunto: 'Requerimiento de identificación del conductor de la furgoneta 7712 LBC',
          procedimiento: 'Procedimiento sancionador en materia de tráfico',
          referencia: 'BOL-2026-0009911',
          steps: [
            { estado: 'INICIADO', daysAgo: 5 },
            {
              estado: 'PENDIENTE SUBSANACION',
              daysAgo: 5,
              observaciones: 'La empresa titular debe identificar al conductor',
            },
          ],
          limiteDays: 15,
        },
        ...history('P', 5, 60),
      ];
    case JOHN_NIF:
      return [
        {
          num: 'CJ-2026-0004455',
          tipo: 'CANJE_PERMISO',
          asunto: 'Canje del permiso de conducción británico',
          procedimiento: 'Canje de permisos de conducción expedidos en otros países',
          referencia: 'JUS-CJ-0004455',
          steps: [
            { estado: 'INICIADO', daysAgo: 30 },
            { estado: 'EN TRAMITE', daysAgo: 21 },
          ],
        },
      ];
    case LUCIA_NIF:
      return history('L', 2, 300);
    case HOSTILE_NIF:
      return [
        HOSTILE_SCRIPT,
        HOSTILE_ATTRIBUTE,
        HOSTILE_RTL,
        HOSTILE_ZERO_WIDTH,
        HOSTILE_BASQUE_500,
        HOSTILE_CATALAN_500,
      ].map((asunto, index) => ({
        num: `H-2026-${index + 1}`,
        tipo: 'SANCION' as const,
        asunto,
        procedimiento: HOSTILE_SCRIPT,
        unidad: HOSTILE_ATTRIBUTE,
        referencia: '<b>BOL</b>&amp;"\'',
        steps: [
          { estado: 'INICIADO' as const, daysAgo: 10 + index },
          { estado: 'PENDIENTE SUBSANACION' as const, daysAgo: 2, observaciones: HOSTILE_RTL },
        ],
        limiteDays: 5 + index,
        documentos: [
          { id: `H-DOC-${index + 1}`, descripcion: HOSTILE_ATTRIBUTE, daysAgo: 2, origen: 'DGT' as const },
        ],
      }));
    default:
      return [];
  }
}

interface SeedVigencias {
  permiso: { clases: string; caducaEnDias: number } | null;
  vehiculos: { matricula: string; marca: string; modelo: string; itvEnDias: number }[];
}

function vigenciasFor(nif: string): SeedVigencias | null {
  switch (nif) {
    case MARIA_NIF:
      return {
        permiso: { clases: 'AM, A1, B', caducaEnDias: 45 },
        vehiculos: [
          { matricula: '4821 JKM', marca: 'SEAT', modelo: 'Ibiza', itvEnDias: 12 },
          { matricula: '1234 FGH', marca: 'Renault', modelo: 'Clio', itvEnDias: -20 },
          { matricula: '9087 LMN', marca: 'Toyota', modelo: 'Corolla Hybrid', itvEnDias: 400 },
        ],
      };
    case CARMEN_NIF:
      return {
        permiso: { clases: 'B', caducaEnDias: 20 },
        vehiculos: [{ matricula: '5566 DDF', marca: 'Citroën', modelo: 'C3', itvEnDias: 90 }],
      };
    case JAVIER_NIF:
      return { permiso: { clases: 'B, C1', caducaEnDias: 900 }, vehiculos: [] };
    case PANADERIA_CIF:
      return {
        permiso: null,
        vehiculos: [
          { matricula: '7712 LBC', marca: 'Renault', modelo: 'Kangoo', itvEnDias: 5 },
          { matricula: '3301 KTR', marca: 'Ford', modelo: 'Transit', itvEnDias: 160 },
        ],
      };
    case LUCIA_NIF:
      return {
        permiso: { clases: 'B', caducaEnDias: 2000 },
        vehiculos: [{ matricula: '2210 MBB', marca: 'Kia', modelo: 'Picanto', itvEnDias: 30 }],
      };
    case JOHN_NIF:
      return { permiso: null, vehiculos: [] };
    case HOSTILE_NIF:
      return {
        permiso: { clases: HOSTILE_SCRIPT, caducaEnDias: 3 },
        vehiculos: [
          { matricula: '0000 XSS', marca: HOSTILE_ATTRIBUTE, modelo: HOSTILE_RTL, itvEnDias: 1 },
          { matricula: '0001 XSS', marca: HOSTILE_ZERO_WIDTH, modelo: HOSTILE_SCRIPT, itvEnDias: -1 },
        ],
      };
    default:
      return null;
  }
}

export interface DgtVigencias {
  PERMISO: DgtPermiso | null;
  VEHICULOS: DgtVehiculo[];
}

export function dgtVigencias(nif: string, now: Date): DgtVigencias {
  const seed = vigenciasFor(nif);
  if (!seed) return { PERMISO: null, VEHICULOS: [] };
  const day = (days: number) => isoDay(madridDayFrom(now, days));
  return {
    PERMISO: seed.permiso
      ? {
          NUM_PERMISO: `***${nif.slice(-5)}`,
          CLASES: seed.permiso.clases,
          FECHA_CADUCIDAD: day(seed.permiso.caducaEnDias),
        }
      : null,
    VEHICULOS: seed.vehiculos.map((vehiculo) => ({
      MATRICULA: vehiculo.matricula,
      MARCA: vehiculo.marca,
      MODELO: vehiculo.modelo,
      FECHA_PROXIMA_ITV: day(vehiculo.itvEnDias),
    })),
  };
}

export function dgtExpedientes(nif: string, now: Date): DgtExpediente[] {
  return expedientesFor(nif).map((seed) => expediente(now, seed));
}

/** Appointments seeded per citizen: upcoming ones hold a real slot; past ones hold none. */
export interface SeedCita {
  localizador: string;
  tramite: string;
  jefatura: string;
  estado: DgtEstadoCita;
  /** For upcoming ones: the index of the working day and the time in the slot grid. */
  slot?: { dayIndex: number; time: string };
  /** For past ones: days ago, and the time. */
  past?: { daysAgo: number; time: string };
  labels?: { service?: string; office?: string; address?: string };
}

export function dgtSeedCitas(nif: string): SeedCita[] {
  switch (nif) {
    case MARIA_NIF:
      return [
        {
          localizador: 'DGT-C-100001',
          tramite: 'REN-PERMISO',
          jefatura: '28-MADRID',
          estado: 'CONFIRMADA',
          slot: { dayIndex: 3, time: '10:00' },
        },
        {
          localizador: 'DGT-C-090017',
          tramite: 'DUP-PERMISO',
          jefatura: '28-MADRID',
          estado: 'ATENDIDA',
          past: { daysAgo: 40, time: '09:30' },
        },
        {
          localizador: 'DGT-C-080112',
          tramite: 'REN-PERMISO',
          jefatura: '46-VALENCIA',
          estado: 'NO PRESENTADO',
          past: { daysAgo: 90, time: '12:30' },
        },
        {
          localizador: 'DGT-C-095500',
          tramite: 'REN-PERMISO',
          jefatura: '28-MADRID',
          estado: 'ANULADA',
          past: { daysAgo: 15, time: '11:30' },
        },
      ];
    case JOHN_NIF:
      return [
        {
          localizador: 'DGT-C-100002',
          tramite: 'CANJE-PERMISO',
          jefatura: '08-BARCELONA',
          estado: 'CONFIRMADA',
          slot: { dayIndex: 5, time: '09:00' },
        },
      ];
    case HOSTILE_NIF:
      return [
        {
          localizador: 'DGT-C-066600',
          tramite: 'REN-PERMISO',
          jefatura: '28-MADRID',
          estado: 'ATENDIDA',
          past: { daysAgo: 30, time: '09:00' },
          labels: { service: HOSTILE_SCRIPT, office: HOSTILE_ATTRIBUTE, address: HOSTILE_RTL },
        },
        {
          localizador: 'DGT-C-066601',
          tramite: 'DUP-PERMISO',
          jefatura: '28-MADRID',
          estado: 'ANULADA',
          past: { daysAgo: 3, time: '12:30' },
          labels: {
            service: HOSTILE_BASQUE_500.slice(0, 300),
            office: HOSTILE_CATALAN_500.slice(0, 300),
            address: HOSTILE_ZERO_WIDTH,
          },
        },
      ];
    case CARMEN_NIF:
      return [
        {
          localizador: 'DGT-C-091234',
          tramite: 'REN-PERMISO',
          jefatura: '28-MADRID',
          estado: 'ATENDIDA',
          past: { daysAgo: 700, time: '09:00' },
        },
      ];
    default:
      return [];
  }
}

/** Every citizen the seed knows (for tests and the demo). */
export const DGT_CITIZENS = [
  MARIA_NIF,
  CARMEN_NIF,
  JAVIER_NIF,
  PANADERIA_CIF,
  JOHN_NIF,
  LUCIA_NIF,
  HOSTILE_NIF,
] as const;
