import { CARMEN_NIF, HOSTILE_NIF, JAVIER_NIF, JOHN_NIF, LUCIA_NIF, MARIA_NIF } from '../citizens.ts';
import { formatMadridDate } from '../madrid-time.ts';
import type { BookOffice, BookService, SeedBooking } from './slot-book.ts';

/*
 * The simulated national police's (DGP, Dirección General de la Policía) OWN format: English-ish
 * camelCase, short state codes, ISO dates and times WITHOUT a zone (Madrid wall-clock time).
 */

/** DNI (identity card), PAS (passport), TIE (foreigner's identity card). */
export type DgpDocType = 'DNI' | 'PAS' | 'TIE';
/** VIG in force, CAD expired, REN renewal under way, BAJ withdrawn (lost, stolen, replaced). */
export type DgpDocState = 'VIG' | 'CAD' | 'REN' | 'BAJ';

export interface DgpDocument {
  docType: DgpDocType;
  docNumber: string;
  /** The support (card or booklet) number; omitted for old documents. */
  supportNumber?: string;
  issuedOn: string;
  /** "yyyy-MM-dd", the last valid day. */
  validUntil: string;
  state: DgpDocState;
  renewalUrl?: string;
}

export interface DgpService {
  code: string;
  label: string;
  minutes: number;
}

export interface DgpOffice {
  code: string;
  name: string;
  address: { street: string; postcode: string; town: string };
}

export type DgpApptState = 'CONF' | 'CANC' | 'DONE' | 'NOSH';

export interface DgpAppointment {
  ref: string;
  locator: string;
  service: DgpService;
  office: DgpOffice;
  /** "yyyy-MM-ddTHH:mm:ss", Madrid wall-clock. */
  start: string;
  end: string;
  st: DgpApptState;
}

export interface DgpError {
  result: 'ERROR';
  error: { code: string; text: string };
}

export const DGP_DIR3 = 'E00128203';
export const DGP_RENEW_DNI = 'https://www.citapreviadnie.es/citaPreviaDniExp/';
export const DGP_RENEW_TIE = 'https://sede.policia.gob.es/portalCiudadano/extranjeria/';

const DAY_MS = 86_400_000;

/** "yyyy-MM-dd" of the Madrid calendar day `days` after (or before) `now`. */
export function madridDayFrom(now: Date, days: number): string {
  const [d, m, y] = formatMadridDate(new Date(now.getTime() + days * DAY_MS)).split('/');
  return `${y}-${m}-${d}`;
}

interface SeedDocument {
  docType: DgpDocType;
  docNumber: string;
  supportNumber?: string;
  /** Days from now of the last valid day (negative: expired). */
  validForDays: number;
  /** Years of validity (to place issuedOn). */
  years: number;
  state: DgpDocState;
  renewalUrl?: string;
}

const SEED_DOCUMENTS: Record<string, SeedDocument[]> = {
  [MARIA_NIF]: [
    // About to expire.
    {
      docType: 'DNI',
      docNumber: MARIA_NIF,
      supportNumber: 'BAA123456',
      validForDays: 25,
      years: 10,
      state: 'VIG',
      renewalUrl: DGP_RENEW_DNI,
    },
    // Already expired (the agency has not caught up: still VIG).
    {
      docType: 'PAS',
      docNumber: 'PAA482913',
      validForDays: -40,
      years: 10,
      state: 'VIG',
      renewalUrl: DGP_RENEW_DNI,
    },
    // An old passport, withdrawn: never shown.
    { docType: 'PAS', docNumber: 'PAA101010', validForDays: -2000, years: 10, state: 'BAJ' },
  ],
  [CARMEN_NIF]: [
    // Far away.
    {
      docType: 'DNI',
      docNumber: CARMEN_NIF,
      supportNumber: 'CAB334455',
      validForDays: 8 * 365,
      years: 10,
      state: 'VIG',
      renewalUrl: DGP_RENEW_DNI,
    },
    {
      docType: 'PAS',
      docNumber: 'PAB556677',
      validForDays: 70,
      years: 10,
      state: 'VIG',
      renewalUrl: DGP_RENEW_DNI,
    },
  ],
  [JAVIER_NIF]: [
    {
      docType: 'DNI',
      docNumber: JAVIER_NIF,
      supportNumber: 'BAC998877',
      validForDays: 4 * 365,
      years: 10,
      state: 'VIG',
      renewalUrl: DGP_RENEW_DNI,
    },
    {
      docType: 'PAS',
      docNumber: 'PAC112233',
      validForDays: 2 * 365,
      years: 10,
      state: 'VIG',
      renewalUrl: DGP_RENEW_DNI,
    },
  ],
  [JOHN_NIF]: [
    {
      docType: 'TIE',
      docNumber: JOHN_NIF,
      supportNumber: 'E01234567',
      validForDays: 12,
      years: 5,
      state: 'VIG',
      renewalUrl: DGP_RENEW_TIE,
    },
  ],
  [LUCIA_NIF]: [
    { docType: 'DNI', docNumber: LUCIA_NIF, validForDays: 300, years: 10, state: 'VIG' },
    {
      docType: 'PAS',
      docNumber: 'PAD445566',
      validForDays: -3,
      years: 10,
      state: 'REN',
      renewalUrl: DGP_RENEW_DNI,
    },
  ],
  // TEST-ONLY: a renewal link that is not https (must never become a link), an expiry today.
  [HOSTILE_NIF]: [
    {
      docType: 'TIE',
      docNumber: HOSTILE_NIF,
      validForDays: 0,
      years: 5,
      state: 'VIG',
      renewalUrl: 'javascript:alert(document.cookie)',
    },
    {
      docType: 'PAS',
      docNumber: 'PAZ000001',
      validForDays: -1,
      years: 10,
      state: 'CAD',
      renewalUrl: 'http://phishing.example/renovar',
    },
  ],
};

export function createDgpSeed(now: Date): Map<string, DgpDocument[]> {
  const seed = new Map<string, DgpDocument[]>();
  for (const [nif, documents] of Object.entries(SEED_DOCUMENTS)) {
    seed.set(
      nif,
      documents.map(
        (spec): DgpDocument => ({
          docType: spec.docType,
          docNumber: spec.docNumber,
          ...(spec.supportNumber === undefined ? {} : { supportNumber: spec.supportNumber }),
          issuedOn: madridDayFrom(now, spec.validForDays - spec.years * 365),
          validUntil: madridDayFrom(now, spec.validForDays),
          state: spec.state,
          ...(spec.renewalUrl === undefined ? {} : { renewalUrl: spec.renewalUrl }),
        }),
      ),
    );
  }
  return seed;
}

// ---------------------------------------------------------------------------------------------
// Appointments for the identity card and the passport

export const DGP_SERVICES: readonly DgpService[] = [
  { code: 'DNI-RENEW', label: 'Renovación del DNI', minutes: 10 },
  { code: 'PASSPORT', label: 'Expedición del pasaporte', minutes: 15 },
  { code: 'DNI-FIRST', label: 'Primera inscripción del DNI', minutes: 20 },
];

export const DGP_OFFICES: readonly (DgpOffice & { services: string[] })[] = [
  {
    code: 'CNP-MAD-CENTRO',
    name: 'Comisaría de Policía Nacional Madrid-Centro (Leganitos)',
    address: { street: 'Calle de Leganitos, 19', postcode: '28013', town: 'Madrid' },
    services: ['DNI-RENEW', 'PASSPORT', 'DNI-FIRST'],
  },
  {
    code: 'CNP-MAD-RETIRO',
    name: 'Comisaría de Policía Nacional Madrid-Retiro',
    address: { street: 'Calle de Rafael Salgado, 3', postcode: '28036', town: 'Madrid' },
    services: ['DNI-RENEW', 'PASSPORT'],
  },
  {
    code: 'CNP-ALCORCON',
    name: 'Comisaría de Policía Nacional de Alcorcón',
    address: { street: 'Calle de los Cisnes, 1', postcode: '28921', town: 'Alcorcón' },
    services: ['DNI-RENEW', 'DNI-FIRST'],
  },
  {
    code: 'CNP-POZUELO',
    name: 'Comisaría de Policía Nacional de Pozuelo de Alarcón (último hueco)',
    address: { street: 'Calle de Los Negrales, 2', postcode: '28223', town: 'Pozuelo de Alarcón' },
    services: ['DNI-RENEW', 'PASSPORT'],
  },
];

export const DGP_LAST_SLOT_OFFICE = 'CNP-POZUELO';

export const DGP_BOOK_SERVICES: readonly BookService[] = DGP_SERVICES.map((service) => ({
  id: service.code,
  durationMinutes: service.minutes,
}));

export const DGP_BOOK_OFFICES: readonly BookOffice[] = DGP_OFFICES.map((office) =>
  office.code === DGP_LAST_SLOT_OFFICE
    ? { id: office.code, services: office.services, times: [], onlySlot: { workingDay: 3, time: '09:20' } }
    : {
        id: office.code,
        services: office.services,
        times: ['09:00', '09:20', '09:40', '10:00', '11:20', '12:40', '16:00', '16:20'],
      },
);

const appt = (
  id: string,
  nif: string,
  serviceId: string,
  officeId: string,
  when: SeedBooking['when'],
  time: string,
  status: SeedBooking['status'],
): SeedBooking => ({ id, nif, serviceId, officeId, when, time, status, reference: `DNIE-${id.slice(-5)}` });

export const DGP_SEED_APPOINTMENTS: readonly SeedBooking[] = [
  appt('DGP-A-00101', MARIA_NIF, 'DNI-RENEW', 'CNP-MAD-CENTRO', { workingDay: 6 }, '09:40', 'booked'),
  appt('DGP-A-00102', MARIA_NIF, 'PASSPORT', 'CNP-MAD-RETIRO', { daysAgo: 700 }, '16:00', 'attended'),
  appt('DGP-A-00103', MARIA_NIF, 'PASSPORT', 'CNP-MAD-CENTRO', { daysAgo: 5 }, '12:40', 'cancelled'),
  appt('DGP-A-00201', JOHN_NIF, 'DNI-RENEW', 'CNP-ALCORCON', { workingDay: 8 }, '10:00', 'booked'),
  appt('DGP-A-00301', LUCIA_NIF, 'PASSPORT', 'CNP-MAD-RETIRO', { daysAgo: 2 }, '11:20', 'missed'),
  appt('DGP-A-00901', HOSTILE_NIF, 'PASSPORT', 'CNP-MAD-CENTRO', { workingDay: 1 }, '16:20', 'booked'),
];
