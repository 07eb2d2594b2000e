import { HOSTILE_NIF, JAVIER_NIF, MARIA_NIF } from '../citizens.ts';
import { HOSTILE_RTL, HOSTILE_SCRIPT, HOSTILE_ZERO_WIDTH } from './regional-common.ts';
import type { BookOffice, BookService, SeedBooking } from './slot-book.ts';

/*
 * The simulated health service of the Comunidad de Madrid (SERMAS)'s OWN records: its patients
 * (by NIF), their individual health card (CIPA), assigned health centre, family doctor and nurse,
 * and the primary-care agendas. Fictional people, centres and professionals.
 */

/** Identifier systems of the simulated service's FHIR resources. */
export const SERMAS_SYSTEMS = {
  nif: 'urn:carpeta:es:nif',
  cipa: 'urn:carpeta:es-md:sermas:cipa',
  replacement: 'urn:carpeta:es-md:sermas:solicitud-duplicado',
  service: 'urn:carpeta:es-md:sermas:agenda',
  reason: 'urn:carpeta:es-md:sermas:motivo-duplicado',
  task: 'urn:carpeta:es-md:sermas:tarea',
  duration: 'urn:carpeta:es-md:sermas:duracion-cita',
} as const;

export interface SermasCentre {
  id: string;
  nombre: string;
  direccion: string;
  telefono: string;
  /** Family doctor (Practitioner) and nurse of this centre's quota. */
  medico: { id: string; nombre: string };
  enfermera: { id: string; nombre: string };
}

export const SERMAS_CENTRES: readonly SermasCentre[] = [
  {
    id: 'CS-RETIRO-NORTE',
    nombre: 'Centro de Salud Retiro Norte',
    direccion: 'Calle del Doctor Castelo, 60, 28009 Madrid',
    telefono: '910 000 101',
    medico: { id: 'med-0101', nombre: 'Dra. Elena Ruiz Castaño' },
    enfermera: { id: 'enf-0101', nombre: 'Jorge Medina Prieto' },
  },
  {
    id: 'CS-CHAMBERI-SUR',
    nombre: 'Centro de Salud Chamberí Sur',
    direccion: 'Calle de Santa Engracia, 90, 28010 Madrid',
    telefono: '910 000 202',
    medico: { id: 'med-0202', nombre: 'Dr. Luis Ortega Villar' },
    enfermera: { id: 'enf-0202', nombre: 'Marta Gil Herrero' },
  },
  // Test-only: every string hostile.
  {
    id: 'CS-HOSTIL',
    nombre: HOSTILE_SCRIPT,
    direccion: HOSTILE_RTL,
    telefono: '<b>910</b>',
    medico: { id: 'med-9999', nombre: HOSTILE_ZERO_WIDTH },
    enfermera: { id: 'enf-9999', nombre: HOSTILE_RTL },
  },
];

/** The primary-care agendas every centre books: family medicine and nursing. */
export const SERMAS_SERVICES: readonly (BookService & {
  nombre: string;
  profesional: 'medico' | 'enfermera';
})[] = [
  { id: 'MFYC', nombre: 'Medicina de familia', durationMinutes: 10, profesional: 'medico' },
  { id: 'ENF', nombre: 'Enfermería', durationMinutes: 15, profesional: 'enfermera' },
];

export interface SermasPatient {
  id: string;
  nif: string;
  given: string;
  family: string;
  cipa: string;
  centre: string;
  /** Coverage (the card) as a FHIR period: start day, end day (null: no end). */
  coverage: { id: string; start: string; end: string | null; status: 'active' | 'cancelled' };
}

export const SERMAS_PATIENTS: readonly SermasPatient[] = [
  {
    id: 'pac-0001',
    nif: MARIA_NIF,
    given: 'María',
    family: 'García López',
    cipa: 'GRLP850314MD',
    centre: 'CS-RETIRO-NORTE',
    coverage: { id: 'tsi-0001', start: '2012-09-20', end: null, status: 'active' },
  },
  {
    id: 'pac-0002',
    nif: JAVIER_NIF,
    given: 'Javier',
    family: 'Martín Gómez',
    cipa: 'MRGJ790622MD',
    centre: 'CS-CHAMBERI-SUR',
    coverage: { id: 'tsi-0002', start: '2019-03-10', end: '2027-03-09', status: 'active' },
  },
  {
    id: 'pac-9999',
    nif: HOSTILE_NIF,
    given: HOSTILE_SCRIPT,
    family: HOSTILE_RTL,
    cipa: 'HOST000001MD',
    centre: 'CS-HOSTIL',
    coverage: { id: 'tsi-9999', start: '2020-01-01', end: '2030-12-31', status: 'active' },
  },
];

export function sermasPatientByNif(nif: string): SermasPatient | undefined {
  return SERMAS_PATIENTS.find((patient) => patient.nif === nif);
}

/** Each service's agenda at every centre: the slot book's offices are the centres. */
export const SERMAS_TIMES: Readonly<Record<string, readonly string[]>> = {
  MFYC: ['08:30', '09:00', '09:30', '10:00', '11:00', '11:30', '12:00', '12:30'],
  ENF: ['08:15', '09:15', '10:15', '11:15', '12:15'],
};

export function sermasOffices(serviceId: string): BookOffice[] {
  return SERMAS_CENTRES.map((centre) => ({
    id: centre.id,
    services: [serviceId],
    times: SERMAS_TIMES[serviceId] ?? [],
  }));
}

/** Seeded appointments, by the agenda (service) they belong to. */
export const SERMAS_SEED: Readonly<Record<string, readonly SeedBooking[]>> = {
  MFYC: [
    {
      id: 'CM-S00001',
      nif: MARIA_NIF,
      serviceId: 'MFYC',
      officeId: 'CS-RETIRO-NORTE',
      when: { workingDay: 3 },
      time: '09:30',
      status: 'booked',
      reference: 'CM-S00001',
    },
    {
      id: 'CM-S00002',
      nif: MARIA_NIF,
      serviceId: 'MFYC',
      officeId: 'CS-RETIRO-NORTE',
      when: { daysAgo: 40 },
      time: '10:00',
      status: 'cancelled',
      reference: 'CM-S00002',
    },
    {
      id: 'CM-S00003',
      nif: HOSTILE_NIF,
      serviceId: 'MFYC',
      officeId: 'CS-HOSTIL',
      when: { workingDay: 2 },
      time: '08:30',
      status: 'booked',
      reference: 'CM-S00003',
    },
  ],
  ENF: [
    {
      id: 'CE-S00001',
      nif: MARIA_NIF,
      serviceId: 'ENF',
      officeId: 'CS-RETIRO-NORTE',
      when: { daysAgo: 20 },
      time: '09:15',
      status: 'attended',
      reference: 'CE-S00001',
    },
    {
      id: 'CE-S00002',
      nif: JAVIER_NIF,
      serviceId: 'ENF',
      officeId: 'CS-CHAMBERI-SUR',
      when: { workingDay: 5 },
      time: '10:15',
      status: 'booked',
      reference: 'CE-S00002',
    },
  ],
};
