import {
  ANTONIO_NIF,
  CARMEN_NIF,
  HOSTILE_NIF,
  JAVIER_NIF,
  JOHN_NIF,
  LUCIA_NIF,
  MARIA_NIF,
} from '../citizens.ts';
import {
  STATE_BASQUE_500,
  STATE_CATALAN_500,
  STATE_HOSTILE_IMG,
  STATE_HOSTILE_RTL,
  STATE_HOSTILE_SCRIPT,
} from './aeat-data.ts';

/*
 * The simulated data intermediation platform's OWN records: what each issuing administration makes
 * available through it, in the platform's vocabulary (Spanish upper-case categories, SCSP
 * certificate codes, the issuer's DIR3).
 */

export type PidCategoria = 'IDENTIDAD' | 'EDUCACION' | 'EMPLEO' | 'FAMILIA' | 'VEHICULOS' | 'TRIBUTARIA';

export interface PidEmisor {
  nombre: string;
  dir3: string;
}

export interface PidRecord {
  /** The platform's id of the transmission (stable per record). */
  id: string;
  /** SCSP certificate code: the kind of data. */
  certificado: string;
  categoria: PidCategoria;
  titulo: string;
  emisor: PidEmisor;
  datos: readonly (readonly [string, string])[];
}

export const PID_EMISORES = {
  dgp: { nombre: 'Dirección General de la Policía', dir3: 'E00128203' },
  ine: { nombre: 'Instituto Nacional de Estadística (Padrón)', dir3: 'E00142804' },
  mecd: { nombre: 'Ministerio de Educación, Formación Profesional y Deportes', dir3: 'E05024401' },
  universidades: { nombre: 'Ministerio de Ciencia, Innovación y Universidades', dir3: 'E05188301' },
  tgss: { nombre: 'Tesorería General de la Seguridad Social', dir3: 'E04921301' },
  sepe: { nombre: 'Servicio Público de Empleo Estatal (SEPE)', dir3: 'E04921601' },
  inss: { nombre: 'Instituto Nacional de la Seguridad Social', dir3: 'E04921401' },
  madrid: { nombre: 'Comunidad de Madrid', dir3: 'A13002908' },
  dgt: { nombre: 'Dirección General de Tráfico', dir3: 'E00130502' },
  aeat: { nombre: 'Agencia Estatal de Administración Tributaria', dir3: 'E00003901' },
} as const satisfies Record<string, PidEmisor>;

const E = PID_EMISORES;

const MARIA: PidRecord[] = [
  {
    id: 'DGP-DNI-0001',
    certificado: 'SVDDGPCIWS02',
    categoria: 'IDENTIDAD',
    titulo: 'Documento Nacional de Identidad',
    emisor: E.dgp,
    datos: [
      ['Número', '12345678Z'],
      ['Nombre', 'María'],
      ['Apellidos', 'López Martín'],
      ['Fecha de nacimiento', '14/03/1985'],
      ['Fecha de caducidad', '02/06/2031'],
    ],
  },
  {
    id: 'INE-PAD-0001',
    certificado: 'SVDSCDDWS01',
    categoria: 'IDENTIDAD',
    titulo: 'Empadronamiento',
    emisor: E.ine,
    datos: [
      ['Municipio', 'Madrid'],
      ['Domicilio', 'Calle de Alcalá 120, 3.º B'],
      ['Fecha de alta', '11/09/2012'],
    ],
  },
  {
    id: 'UNI-TIT-0001',
    certificado: 'SVDTUWS01',
    categoria: 'EDUCACION',
    titulo: 'Título universitario',
    emisor: E.universidades,
    datos: [
      ['Titulación', 'Grado en Derecho'],
      ['Universidad', 'Universidad Complutense de Madrid'],
      ['Fecha de expedición', '15/07/2008'],
    ],
  },
  {
    id: 'MEC-TIT-0001',
    certificado: 'SVDTNUWS01',
    categoria: 'EDUCACION',
    titulo: 'Título no universitario',
    emisor: E.mecd,
    datos: [
      ['Titulación', 'Bachiller'],
      ['Fecha de expedición', '30/06/2003'],
    ],
  },
  {
    id: 'MEC-BEC-0001',
    certificado: 'SVDBECWS01',
    categoria: 'EDUCACION',
    titulo: 'Becas concedidas',
    emisor: E.mecd,
    datos: [
      ['Convocatoria', 'Becas de carácter general 2006-2007'],
      ['Importe', '1.520,00 €'],
    ],
  },
  {
    id: 'TGSS-VL-0001',
    certificado: 'SVDTGSSVLWS01',
    categoria: 'EMPLEO',
    titulo: 'Vida laboral',
    emisor: E.tgss,
    datos: [
      ['Días en alta', '5.432'],
      ['Situación actual', 'Alta — Régimen General'],
      ['Empresa', 'Consultoría Jurídica Centro, S.L.'],
    ],
  },
  {
    id: 'SEPE-DEM-0001',
    certificado: 'SVDSEPEDEMWS01',
    categoria: 'EMPLEO',
    titulo: 'Situación de demandante de empleo',
    emisor: E.sepe,
    datos: [['Situación', 'No inscrita como demandante de empleo']],
  },
  {
    id: 'INSS-PRE-0001',
    certificado: 'SVDINSSPRWS01',
    categoria: 'EMPLEO',
    titulo: 'Prestaciones públicas',
    emisor: E.inss,
    datos: [['Prestación', 'Nacimiento y cuidado de menor (2021), finalizada']],
  },
  {
    id: 'CAM-FN-0001',
    certificado: 'SVDFNWS01',
    categoria: 'FAMILIA',
    titulo: 'Título de familia numerosa',
    emisor: E.madrid,
    datos: [
      ['Categoría', 'General'],
      ['Número de título', '28/0045123/2022'],
      ['Fecha de caducidad', '31/12/2027'],
    ],
  },
  {
    id: 'CAM-DIS-0001',
    certificado: 'SVDDISCWS01',
    categoria: 'FAMILIA',
    titulo: 'Grado de discapacidad',
    emisor: E.madrid,
    datos: [['Grado reconocido', 'No consta']],
  },
  {
    id: 'INSS-IMV-0001',
    certificado: 'SVDIMVWS01',
    categoria: 'FAMILIA',
    titulo: 'Ingreso mínimo vital',
    emisor: E.inss,
    datos: [['Situación', 'No es beneficiaria']],
  },
  {
    id: 'DGT-PC-0001',
    certificado: 'SVDDGTPCWS01',
    categoria: 'VEHICULOS',
    titulo: 'Permiso de conducción y puntos',
    emisor: E.dgt,
    datos: [
      ['Clases', 'B'],
      ['Saldo de puntos', '15'],
      ['Fecha de caducidad', '14/03/2030'],
    ],
  },
  {
    id: 'DGT-VEH-0001',
    certificado: 'SVDDGTVEHWS01',
    categoria: 'VEHICULOS',
    titulo: 'Vehículos a su nombre',
    emisor: E.dgt,
    datos: [
      ['Matrícula', '1234 KLM'],
      ['Marca y modelo', 'Seat Ibiza'],
      ['Última ITV', '12/05/2026 — Favorable'],
    ],
  },
  {
    id: 'AEAT-IRPF-0001',
    certificado: 'SVDAEATIRPFWS01',
    categoria: 'TRIBUTARIA',
    titulo: 'Resumen de la declaración de IRPF 2025',
    emisor: E.aeat,
    datos: [
      ['Ejercicio', '2025'],
      ['Base imponible general', '38.412,55 €'],
      ['Resultado', 'A devolver: 612,30 €'],
    ],
  },
  {
    id: 'AEAT-CORR-0001',
    certificado: 'SVDAEATCORRWS01',
    categoria: 'TRIBUTARIA',
    titulo: 'Estar al corriente de obligaciones tributarias',
    emisor: E.aeat,
    datos: [['Situación', 'Positiva: al corriente']],
  },
];

const CARMEN: PidRecord[] = [
  {
    id: 'DGP-DNI-0002',
    certificado: 'SVDDGPCIWS02',
    categoria: 'IDENTIDAD',
    titulo: 'Documento Nacional de Identidad',
    emisor: E.dgp,
    datos: [
      ['Número', '23456781R'],
      ['Nombre', 'Carmen'],
      ['Fecha de caducidad', '19/10/2029'],
    ],
  },
  {
    id: 'TGSS-VL-0002',
    certificado: 'SVDTGSSVLWS01',
    categoria: 'EMPLEO',
    titulo: 'Vida laboral',
    emisor: E.tgss,
    datos: [
      ['Días en alta', '12.903'],
      ['Situación actual', 'Pensionista'],
    ],
  },
  {
    id: 'INSS-PRE-0002',
    certificado: 'SVDINSSPRWS01',
    categoria: 'EMPLEO',
    titulo: 'Prestaciones públicas',
    emisor: E.inss,
    datos: [['Prestación', 'Pensión de jubilación']],
  },
  {
    id: 'AEAT-CORR-0002',
    certificado: 'SVDAEATCORRWS01',
    categoria: 'TRIBUTARIA',
    titulo: 'Estar al corriente de obligaciones tributarias',
    emisor: E.aeat,
    datos: [['Situación', 'Positiva: al corriente']],
  },
];

/** Every string an agency could send, hostile. */
const HOSTILE: PidRecord[] = [
  {
    id: 'DGP-DNI-H001',
    certificado: 'SVDDGPCIWS02',
    categoria: 'IDENTIDAD',
    titulo: STATE_HOSTILE_SCRIPT,
    emisor: { nombre: STATE_HOSTILE_IMG, dir3: 'E00128203' },
    datos: [
      ['Nombre', STATE_HOSTILE_IMG],
      [STATE_HOSTILE_SCRIPT, STATE_HOSTILE_RTL],
    ],
  },
  {
    id: 'UNI-TIT-H001',
    certificado: 'SVDTUWS01',
    categoria: 'EDUCACION',
    titulo: STATE_HOSTILE_RTL,
    emisor: E.universidades,
    datos: [
      ['Titulación', STATE_BASQUE_500],
      ['Universidad', STATE_CATALAN_500],
    ],
  },
  {
    id: 'AEAT-IRPF-H001',
    certificado: 'SVDAEATIRPFWS01',
    categoria: 'TRIBUTARIA',
    titulo: 'IRPF <b>2025</b> & «resumen»',
    emisor: E.aeat,
    datos: [['Resultado', '"><svg onload=alert(1)>']],
  },
  // Unknown to the portal: a category it does not know is skipped, logged once.
  {
    id: 'XXX-UNK-H001',
    certificado: 'SVDUNKWS01',
    categoria: 'OTROS' as PidCategoria,
    titulo: 'Dato de categoría desconocida',
    emisor: E.aeat,
    datos: [],
  },
];

export const PID_RECORDS: Readonly<Record<string, readonly PidRecord[]>> = {
  [MARIA_NIF]: MARIA,
  [CARMEN_NIF]: CARMEN,
  [HOSTILE_NIF]: HOSTILE,
};

/**
 * Where each person is registered in the municipal census (padrón), as the INE answers the
 * platform's residence service: province and municipality by their INE codes and names, and the
 * date of the last change. Natural persons only: a company has no padrón; nor has anyone not here.
 */
export interface PidResidencia {
  /** INE province code, 2 digits. */
  codProvincia: string;
  provincia: string;
  /** INE municipality code within the province, 3 digits. */
  codMunicipio: string;
  municipio: string;
  /** "dd/MM/yyyy" */
  fechaUltimaVariacion: string;
}

export const PID_RESIDENCE_CERTIFICATE = 'SVDSCDDWS01';

export const PID_RESIDENCIAS: Readonly<Record<string, PidResidencia>> = {
  // Consistent with her record "Empadronamiento" (Madrid) and her council's files.
  [MARIA_NIF]: {
    codProvincia: '28',
    provincia: 'Madrid',
    codMunicipio: '079',
    municipio: 'Madrid',
    fechaUltimaVariacion: '11/09/2012',
  },
  [JAVIER_NIF]: {
    codProvincia: '28',
    provincia: 'Madrid',
    codMunicipio: '079',
    municipio: 'Madrid',
    fechaUltimaVariacion: '02/03/2019',
  },
  // María's mother lives in Toledo (Castilla-La Mancha): acting for her shows her region's services.
  [CARMEN_NIF]: {
    codProvincia: '45',
    provincia: 'Toledo',
    codMunicipio: '168',
    municipio: 'Toledo',
    fechaUltimaVariacion: '23/05/2021',
  },
  // Registered in Barcelona twelve days ago (his council's file "Alta al Padró").
  [JOHN_NIF]: {
    codProvincia: '08',
    provincia: 'Barcelona',
    codMunicipio: '019',
    municipio: 'Barcelona',
    fechaUltimaVariacion: '01/06/2026',
  },
  [LUCIA_NIF]: {
    codProvincia: '46',
    provincia: 'Valencia/València',
    codMunicipio: '250',
    municipio: 'València',
    fechaUltimaVariacion: '14/01/2016',
  },
  [ANTONIO_NIF]: {
    codProvincia: '28',
    provincia: 'Madrid',
    codMunicipio: '065',
    municipio: 'Getafe',
    fechaUltimaVariacion: '30/11/2004',
  },
  // Test-only: a hostile name; only the codes decide anything.
  [HOSTILE_NIF]: {
    codProvincia: '28',
    provincia: STATE_HOSTILE_RTL,
    codMunicipio: '079',
    municipio: STATE_HOSTILE_SCRIPT,
    fechaUltimaVariacion: '01/01/2020',
  },
};

/** One consultation of a record by an administration, as the platform logs it. */
export interface PidConsulta {
  id: string;
  /** The record consulted (`PidRecord.id`). */
  transmision: string;
  at: Date;
  organismo: PidEmisor;
  procedimiento: string;
  baseLegal: string;
  resultado: 'SERVIDA' | 'DENEGADA_OPOSICION';
}

export const PID_CONSULTORES = {
  ayuntamientoMadrid: { nombre: 'Ayuntamiento de Madrid', dir3: 'L01280796' },
  sepe: E.sepe,
  madrid: E.madrid,
  aeat: E.aeat,
  inss: E.inss,
} as const satisfies Record<string, PidEmisor>;

const C = PID_CONSULTORES;
const DAY = 86_400_000;

/** María's log, relative to `now`: dozens of consultations of a few records, newest first. */
export function createPidConsultas(now: Date): Map<string, PidConsulta[]> {
  const log: PidConsulta[] = [];
  const plan: [string, PidEmisor, string, string][] = [
    ['INE-PAD-0001', C.ayuntamientoMadrid, 'Ayudas al alquiler de vivienda', 'Ley 39/2015, art. 28.2'],
    ['INE-PAD-0001', C.madrid, 'Plaza en escuela infantil', 'Ley 39/2015, art. 28.2'],
    [
      'CAM-FN-0001',
      C.ayuntamientoMadrid,
      'Bonificación del IBI a familias numerosas',
      'Ley 40/2003, art. 12',
    ],
    ['TGSS-VL-0001', C.sepe, 'Prestación por desempleo', 'Real Decreto Legislativo 8/2015, art. 71'],
    ['AEAT-IRPF-0001', C.aeat, 'Comprobación del IRPF', 'Ley 58/2003 General Tributaria, art. 94'],
    ['AEAT-CORR-0001', C.madrid, 'Subvenciones: estar al corriente', 'Ley 38/2003, art. 13'],
    ['DGP-DNI-0001', C.inss, 'Pensión de jubilación: identidad', 'Ley 39/2015, art. 28.2'],
  ];
  let n = 0;
  for (let round = 0; round < 6; round++) {
    for (const [transmision, organismo, procedimiento, baseLegal] of plan) {
      n += 1;
      log.push({
        id: `C${String(n).padStart(5, '0')}`,
        transmision,
        at: new Date(now.getTime() - (n * 3 + round) * DAY),
        organismo,
        procedimiento,
        baseLegal,
        resultado: 'SERVIDA',
      });
    }
  }
  return new Map([[MARIA_NIF, log]]);
}
