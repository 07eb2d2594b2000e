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
  buildSlots,
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
} from './regional-common.ts';

/*
 * The simulated municipal platform's OWN format (one system serving many city councils, as
 * provincial councils and the AOC do): camelCase Spanish keys, local Madrid times written as ISO
 * without an offset ("2026-11-24T09:30:00"), status codes of three letters. Each council
 * ("entidad") is addressed by its INE municipality code or its DIR3 code.
 */

export type MunicipalEstado = 'INI' | 'TRA' | 'REQ' | 'RES' | 'ARC';
export const MUNICIPAL_LITERAL: Record<MunicipalEstado, string> = {
  INI: 'Iniciado',
  TRA: 'En tramitación',
  REQ: 'Pendiente de subsanación',
  RES: 'Resuelto',
  ARC: 'Archivado',
};

export interface MunicipalEntidad {
  /** INE municipality code (5 digits). */
  ine: string;
  dir3: string;
  nombre: string;
  sede: string;
  oficinas: { codigo: string; nombre: string; direccion: string }[];
  /** The office with exactly one free slot left in the window (the race test). */
  ultimaFranja: string;
}

export const MUNICIPAL_ENTIDADES: readonly MunicipalEntidad[] = [
  {
    ine: '28079',
    dir3: 'L01280796',
    nombre: 'Ayuntamiento de Madrid',
    sede: 'https://sede.madrid.es',
    oficinas: [
      {
        codigo: 'OAC-CENTRO',
        nombre: 'Oficina de Atención a la Ciudadanía Centro',
        direccion: 'Calle de Atocha, 70, 28012 Madrid',
      },
      {
        codigo: 'OAC-CHAMBERI',
        nombre: 'Oficina de Atención a la Ciudadanía Chamberí',
        direccion: 'Calle de Luchana, 8, 28010 Madrid',
      },
      {
        codigo: 'OAC-LATINA',
        nombre: 'Oficina de Atención a la Ciudadanía Latina',
        direccion: 'Avenida de las Águilas, 2A, 28044 Madrid',
      },
    ],
    ultimaFranja: 'OAC-LATINA',
  },
  {
    ine: '08019',
    dir3: 'L01080193',
    nombre: 'Ajuntament de Barcelona',
    sede: 'https://seuelectronica.ajuntament.barcelona.cat',
    oficinas: [
      {
        codigo: 'OAC-CIUTAT-VELLA',
        nombre: "Oficina d'Atenció Ciutadana Ciutat Vella",
        direccion: 'Ramblas, 77, 08002 Barcelona',
      },
      {
        codigo: 'OAC-EIXAMPLE',
        nombre: "Oficina d'Atenció Ciutadana Eixample",
        direccion: "Carrer d'Aragó, 328, 08009 Barcelona",
      },
    ],
    ultimaFranja: 'OAC-EIXAMPLE',
  },
  {
    ine: '46250',
    dir3: 'L01462508',
    nombre: 'Ajuntament de València',
    sede: 'https://sede.valencia.es',
    oficinas: [
      {
        codigo: 'OAC-AYUNTAMIENTO',
        nombre: 'Oficina de Atención a la Ciudadanía Ayuntamiento',
        direccion: 'Plaza del Ayuntamiento, 1, 46002 València',
      },
      {
        codigo: 'OAC-RUSSAFA',
        nombre: 'Oficina de Atención a la Ciudadanía Russafa',
        direccion: 'Calle del Sueco, 2, 46006 València',
      },
    ],
    ultimaFranja: 'OAC-RUSSAFA',
  },
  {
    // Known to the platform but not configured in the portal: adding it is one config entry.
    ine: '41091',
    dir3: 'L01410917',
    nombre: 'Ayuntamiento de Sevilla',
    sede: 'https://sede.sevilla.org',
    oficinas: [
      {
        codigo: 'OAC-REGISTRO',
        nombre: 'Oficina de Atención a la Ciudadanía Registro General',
        direccion: 'Plaza Nueva, 1, 41001 Sevilla',
      },
    ],
    ultimaFranja: 'OAC-REGISTRO',
  },
];

export function findEntidad(code: string): MunicipalEntidad | undefined {
  return MUNICIPAL_ENTIDADES.find((entidad) => entidad.ine === code || entidad.dir3 === code);
}

export const MUNICIPAL_SERVICIOS = [
  { codigo: 'PAD-ALTA', nombre: 'Alta o cambio de domicilio en el Padrón', duracionMinutos: 15 },
  { codigo: 'PAD-CERT', nombre: 'Certificado o volante de empadronamiento', duracionMinutos: 10 },
  { codigo: 'REG-GEN', nombre: 'Registro de documentos', duracionMinutos: 10 },
] as const;

const SLOT_TIMES = ['09:00', '09:15', '10:30', '12:00'] as const;
const SLOT_MINUTES = 15;

export function municipalSlots(entidad: MunicipalEntidad, now: Date): SlotTemplate[] {
  return buildSlots({
    now,
    offices: entidad.oficinas.map((oficina) => oficina.codigo),
    times: SLOT_TIMES,
    durationMinutes: SLOT_MINUTES,
    lastSlotOffices: [entidad.ultimaFranja],
    slotId: (office, day, time) => `F-${entidad.ine}-${office}-${compactDay(day)}${time.replace(':', '')}`,
  });
}

/** "yyyy-MM-ddTHH:mm:ss", Madrid wall-clock, no offset. */
export function municipalDateTime(instant: Date): string {
  const text = formatMadridDateTime(instant);
  return `${text.slice(6, 10)}-${text.slice(3, 5)}-${text.slice(0, 2)}T${text.slice(11)}`;
}
export const slotInstant = (day: SlotTemplate['day'], time: string) => `${isoDay(day)}T${time}:00`;

export interface MunicipalHito {
  estado: { codigo: MunicipalEstado };
  fecha: string;
  texto: string | null;
}

export interface MunicipalExpediente {
  id: string;
  numero: string;
  titulo: string;
  /** Absent when the file has no formal procedure name. */
  tramite?: string | null;
  organo: string;
  estado: { codigo: MunicipalEstado; literal: string };
  fechaAlta: string;
  fechaModificacion: string;
  plazo: { fin: string; motivo: string } | null;
  historial: MunicipalHito[];
  documentos: { id: string; nombre: string; fecha: string; aportadoPor: 'INTERESADO' | 'ENTIDAD' }[];
  urlSeguimiento?: string;
}

export interface MunicipalCita {
  id: string;
  localizador: string;
  servicio: { codigo: string; nombre: string; duracionMinutos: number };
  oficina: { codigo: string; nombre: string; direccion: string };
  inicio: string;
  fin: string;
  estado: 'RESERVADA' | 'ANULADA' | 'ATENDIDA' | 'NO_PRESENTADO';
}

export interface MunicipalError {
  error: {
    codigo:
      | 'ENTIDAD_NO_ADHERIDA'
      | 'CIUDADANO_DESCONOCIDO'
      | 'NO_ENCONTRADO'
      | 'FRANJA_OCUPADA'
      | 'CITA_ANULADA'
      | 'NO_EMPADRONADO'
      | 'PETICION_INCORRECTA';
    mensaje: string;
  };
}

// ---------------------------------------------------------------------------------------------
// Seed

const DAY = 86_400_000;

interface SeedFile {
  id: string;
  titulo: string;
  tramite?: string;
  organo: string;
  steps: { estado: MunicipalEstado; daysAgo: number; texto?: string }[];
  plazoDays?: number;
  documentos?: { id: string; nombre: string; daysAgo: number; aportadoPor: 'INTERESADO' | 'ENTIDAD' }[];
  url?: boolean;
}

const URBANISMO = 'Agencia de Actividades y Licencias Urbanísticas';
const PADRON = 'Servicio de Padrón Municipal de Habitantes';
const TRIBUTOS = 'Agencia Tributaria Municipal';

function history(ine: string, prefix: string, count: number): SeedFile[] {
  const kinds = [
    {
      titulo: 'Bonificación del Impuesto sobre Vehículos de Tracción Mecánica',
      tramite: 'IVTM: bonificaciones',
      organo: TRIBUTOS,
    },
    { titulo: 'Certificado de empadronamiento colectivo', tramite: 'Padrón: certificados', organo: PADRON },
    {
      titulo: 'Fraccionamiento del Impuesto sobre Bienes Inmuebles',
      tramite: 'IBI: aplazamientos y fraccionamientos',
      organo: TRIBUTOS,
    },
    { titulo: 'Solicitud de tarjeta de estacionamiento para residentes', organo: 'Área de Movilidad' },
  ];
  return Array.from({ length: count }, (_, index) => {
    const kind = kinds[index % kinds.length] as (typeof kinds)[number];
    const start = 150 + index * 45;
    const file: SeedFile = {
      id: `${prefix}-${ine}-${String(7000 + index * 31)}`,
      titulo: kind.titulo,
      organo: kind.organo,
      steps: [
        { estado: 'INI', daysAgo: start },
        { estado: 'TRA', daysAgo: start - 5 },
        { estado: 'RES', daysAgo: start - 30, texto: 'Estimada' },
        ...(index % 2 === 0 ? [{ estado: 'ARC' as const, daysAgo: start - 40 }] : []),
      ],
      documentos: [
        { id: `RES-${prefix}-${index}`, nombre: 'Resolución', daysAgo: start - 30, aportadoPor: 'ENTIDAD' },
      ],
    };
    if (kind.tramite) file.tramite = kind.tramite;
    return file;
  });
}

function seedFor(ine: string, nif: string): SeedFile[] {
  if (nif === HOSTILE_NIF) {
    return [
      HOSTILE_SCRIPT,
      HOSTILE_ATTRIBUTE,
      HOSTILE_RTL,
      HOSTILE_ZERO_WIDTH,
      HOSTILE_BASQUE_500,
      HOSTILE_CATALAN_500,
    ].map((titulo, index) => ({
      id: `HOS-${ine}-${index + 1}`,
      titulo,
      tramite: HOSTILE_ATTRIBUTE,
      organo: HOSTILE_SCRIPT,
      steps: [
        { estado: 'INI' as const, daysAgo: 9 },
        { estado: 'REQ' as const, daysAgo: 1, texto: HOSTILE_CATALAN_500 },
      ],
      plazoDays: 4 + index,
      documentos: [
        { id: `HOS-DOC-${index + 1}`, nombre: HOSTILE_RTL, daysAgo: 1, aportadoPor: 'ENTIDAD' as const },
      ],
    }));
  }
  const key = `${ine}:${nif}`;
  switch (key) {
    case `28079:${MARIA_NIF}`:
      return [
        {
          id: 'OBR-28079-2026-0412',
          titulo: 'Licencia de obra menor: reforma de cocina y baño en Calle de Embajadores, 40',
          tramite: 'Licencia urbanística por procedimiento básico',
          organo: URBANISMO,
          steps: [
            { estado: 'INI', daysAgo: 30 },
            { estado: 'TRA', daysAgo: 20 },
            {
              estado: 'REQ',
              daysAgo: 2,
              texto: 'Aporte el presupuesto desglosado y el plano de la vivienda',
            },
          ],
          plazoDays: 10,
          documentos: [
            { id: 'SOL-0412', nombre: 'Solicitud de licencia', daysAgo: 30, aportadoPor: 'INTERESADO' },
            { id: 'REQ-0412', nombre: 'Requerimiento de subsanación', daysAgo: 2, aportadoPor: 'ENTIDAD' },
          ],
          url: true,
        },
        {
          id: 'PAD-28079-2026-1187',
          titulo: 'Cambio de domicilio en el Padrón Municipal',
          tramite: 'Padrón: altas y cambios de domicilio',
          organo: PADRON,
          steps: [
            { estado: 'INI', daysAgo: 18 },
            { estado: 'RES', daysAgo: 11, texto: 'Inscripción realizada' },
          ],
          documentos: [
            { id: 'VOL-1187', nombre: 'Volante de empadronamiento', daysAgo: 11, aportadoPor: 'ENTIDAD' },
          ],
        },
        {
          id: 'IVT-28079-2026-0093',
          titulo: 'Recurso de reposición contra la liquidación del IVTM 2026',
          tramite: 'Recurso de reposición en materia tributaria',
          organo: TRIBUTOS,
          steps: [{ estado: 'TRA', daysAgo: 6 }],
          url: true,
        },
        ...history('28079', 'HIS', 12),
      ];
    case `08019:${MARIA_NIF}`:
      return [
        {
          id: 'REH-08019-2026-0412',
          titulo: "Ajut a la rehabilitació energètica de l'habitatge",
          tramite: 'Ajuts a la rehabilitació',
          organo: "Consorci de l'Habitatge de Barcelona",
          steps: [
            { estado: 'INI', daysAgo: 50 },
            { estado: 'TRA', daysAgo: 35 },
            { estado: 'RES', daysAgo: 2, texto: 'Ajut concedit' },
          ],
          url: true,
        },
        ...history('08019', 'HIS', 3),
      ];
    case `46250:${MARIA_NIF}`:
      return [
        {
          id: 'PLV-46250-2026-0021',
          titulo: 'Autoliquidación de plusvalía municipal por herencia',
          organo: 'Servicio de Gestión Tributaria Integral',
          steps: [{ estado: 'INI', daysAgo: 3 }],
        },
      ];
    case `41091:${MARIA_NIF}`:
      return [
        {
          id: 'ACT-41091-2026-0005',
          titulo: 'Declaración responsable de actividad: vivienda de uso turístico',
          organo: 'Gerencia de Urbanismo y Medio Ambiente',
          steps: [{ estado: 'TRA', daysAgo: 8 }],
        },
      ];
    case `28079:${CARMEN_NIF}`:
      return history('28079', 'CAR', 3);
    case `28079:${JAVIER_NIF}`:
      return [
        {
          id: 'TAS-28079-2026-3344',
          titulo: 'Tasa por paso de vehículos (vado)',
          organo: TRIBUTOS,
          steps: [{ estado: 'TRA', daysAgo: 15 }],
        },
      ];
    case `28079:${PANADERIA_CIF}`:
      return [
        {
          id: 'TER-28079-2026-0777',
          titulo: 'Licencia de terraza de veladores',
          tramite: 'Terrazas de veladores',
          organo: URBANISMO,
          steps: [
            { estado: 'INI', daysAgo: 40 },
            { estado: 'REQ', daysAgo: 4, texto: 'Aporte el plano de la terraza' },
          ],
          plazoDays: 6,
        },
      ];
    case `08019:${JOHN_NIF}`:
      return [
        {
          id: 'PAD-08019-2026-5501',
          titulo: 'Alta al Padró Municipal d’Habitants',
          organo: 'Departament de Població',
          steps: [
            { estado: 'INI', daysAgo: 12 },
            { estado: 'RES', daysAgo: 5 },
          ],
        },
      ];
    case `46250:${LUCIA_NIF}`:
      return [
        {
          id: 'OBR-46250-2026-0999',
          titulo: 'Licencia de obra mayor: ampliación de vivienda unifamiliar',
          organo: 'Servicio de Licencias Urbanísticas',
          steps: [
            { estado: 'INI', daysAgo: 120 },
            { estado: 'TRA', daysAgo: 90 },
          ],
          url: true,
        },
        ...history('46250', 'LUC', 2),
      ];
    default:
      return [];
  }
}

/** Whether the platform knows the citizen at this council (else: CIUDADANO_DESCONOCIDO). */
export function knowsCitizen(ine: string, nif: string): boolean {
  return seedFor(ine, nif).length > 0 || municipalSeedCitas(ine, nif).length > 0;
}

export function municipalExpedientes(
  entidad: MunicipalEntidad,
  nif: string,
  now: Date,
): MunicipalExpediente[] {
  const at = (daysAgo: number) => municipalDateTime(new Date(now.getTime() - daysAgo * DAY - 5 * 3_600_000));
  return seedFor(entidad.ine, nif).map((seed) => {
    const first = seed.steps[0] as SeedFile['steps'][number];
    const last = seed.steps[seed.steps.length - 1] as SeedFile['steps'][number];
    const record: MunicipalExpediente = {
      id: seed.id,
      numero: seed.id.replace(/^([A-Z]+)-\d+-/, '$1/'),
      titulo: seed.titulo,
      organo: seed.organo,
      estado: { codigo: last.estado, literal: MUNICIPAL_LITERAL[last.estado] },
      fechaAlta: at(first.daysAgo),
      fechaModificacion: at(last.daysAgo),
      plazo:
        seed.plazoDays === undefined
          ? null
          : { fin: `${isoDay(madridDayFrom(now, seed.plazoDays))}T23:59:59`, motivo: 'Plazo de subsanación' },
      historial: seed.steps.map((step) => ({
        estado: { codigo: step.estado },
        fecha: at(step.daysAgo),
        texto: step.texto ?? null,
      })),
      documentos: (seed.documentos ?? []).map((documento) => ({
        id: documento.id,
        nombre: documento.nombre,
        fecha: at(documento.daysAgo),
        aportadoPor: documento.aportadoPor,
      })),
    };
    if (seed.tramite !== undefined) record.tramite = seed.tramite;
    if (seed.url) record.urlSeguimiento = `${entidad.sede}/expedientes/${seed.id}`;
    return record;
  });
}

export interface MunicipalSeedCita {
  localizador: string;
  servicio: string;
  oficina: string;
  estado: MunicipalCita['estado'];
  slot?: { dayIndex: number; time: string };
  past?: { daysAgo: number; time: string };
  labels?: { service?: string; office?: string; address?: string };
}

export function municipalSeedCitas(ine: string, nif: string): MunicipalSeedCita[] {
  if (nif === HOSTILE_NIF) {
    return [
      {
        localizador: `HOS-${ine}-1`,
        servicio: 'REG-GEN',
        oficina: MUNICIPAL_ENTIDADES.find((entidad) => entidad.ine === ine)?.oficinas[0]?.codigo ?? 'OAC',
        estado: 'ATENDIDA',
        past: { daysAgo: 12, time: '10:30' },
        labels: {
          service: HOSTILE_ATTRIBUTE,
          office: HOSTILE_SCRIPT,
          address: HOSTILE_CATALAN_500.slice(0, 400),
        },
      },
    ];
  }
  switch (`${ine}:${nif}`) {
    case `28079:${MARIA_NIF}`:
      return [
        {
          localizador: 'MAD-7F3K9Q',
          servicio: 'PAD-CERT',
          oficina: 'OAC-CENTRO',
          estado: 'RESERVADA',
          slot: { dayIndex: 1, time: '09:15' },
        },
        {
          localizador: 'MAD-2B8L1Z',
          servicio: 'PAD-ALTA',
          oficina: 'OAC-CHAMBERI',
          estado: 'ATENDIDA',
          past: { daysAgo: 18, time: '10:30' },
        },
        {
          localizador: 'MAD-9Q0P4X',
          servicio: 'REG-GEN',
          oficina: 'OAC-CENTRO',
          estado: 'NO_PRESENTADO',
          past: { daysAgo: 70, time: '12:00' },
        },
      ];
    case `08019:${MARIA_NIF}`:
      return [
        {
          localizador: 'BCN-5H6J7K',
          servicio: 'REG-GEN',
          oficina: 'OAC-CIUTAT-VELLA',
          estado: 'ANULADA',
          past: { daysAgo: 5, time: '09:00' },
        },
      ];
    case `08019:${JOHN_NIF}`:
      return [
        {
          localizador: 'BCN-1A2S3D',
          servicio: 'PAD-ALTA',
          oficina: 'OAC-CIUTAT-VELLA',
          estado: 'RESERVADA',
          slot: { dayIndex: 4, time: '10:30' },
        },
      ];
    default:
      return [];
  }
}

export const MUNICIPAL_CITIZENS = [
  MARIA_NIF,
  CARMEN_NIF,
  JAVIER_NIF,
  PANADERIA_CIF,
  JOHN_NIF,
  LUCIA_NIF,
  HOSTILE_NIF,
] as const;
