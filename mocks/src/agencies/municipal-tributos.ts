import { createHash } from 'node:crypto';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import {
  CARMEN_NIF,
  findPerson,
  HOSTILE_NIF,
  JAVIER_NIF,
  JOHN_NIF,
  LUCIA_NIF,
  MARIA_NIF,
} from '../citizens.ts';
import { winAnsi, wrap } from './dehu-content.ts';
import { type MunicipalEntidad, municipalDateTime } from './municipal-data.ts';
import {
  HOSTILE_ATTRIBUTE,
  HOSTILE_CATALAN_500,
  HOSTILE_RTL,
  HOSTILE_SCRIPT,
  HOSTILE_ZERO_WIDTH,
  isoDay,
  madridDayFrom,
} from './regional-common.ts';

/*
 * Municipal taxes ("recibos") and the census ("padrón") on the simulated municipal platform, in the
 * platform's OWN format: amounts as Spanish decimal text ("312,45"), days as "yyyy-MM-dd", Madrid
 * wall-clock times without an offset, two-letter receipt states:
 *
 *   PV pendiente en periodo voluntario · CO cobrado · AP en apremio (vencido) · AN anulado
 *
 * Seeds are relative to the platform's "now", so that due dates stay in the future.
 */

export type MunicipalReciboEstado = 'PV' | 'CO' | 'AP' | 'AN';
export const RECIBO_LITERAL: Record<MunicipalReciboEstado, string> = {
  PV: 'Pendiente (periodo voluntario)',
  CO: 'Cobrado',
  AP: 'En vía de apremio',
  AN: 'Anulado',
};

export type MunicipalConcepto = 'IBI' | 'IVTM' | 'TRU' | 'VAD' | 'IAE';
export const CONCEPTO_NOMBRE: Record<MunicipalConcepto, string> = {
  IBI: 'Impuesto sobre Bienes Inmuebles',
  IVTM: 'Impuesto sobre Vehículos de Tracción Mecánica',
  TRU: 'Tasa por gestión de residuos urbanos',
  VAD: 'Tasa por paso de vehículos (vado)',
  IAE: 'Impuesto sobre Actividades Económicas',
};

export interface MunicipalRecibo {
  id: string;
  numeroRecibo: string;
  concepto: { codigo: MunicipalConcepto; nombre: string };
  ejercicio: number;
  periodo: string | null;
  /** The property, vehicle or premises the receipt is for. */
  objetoTributario: string | null;
  /** Euros, Spanish decimal comma, no thousands separator: "1234,56". */
  importe: string;
  /** Last day of the voluntary payment period, "yyyy-MM-dd". */
  finPeriodoVoluntario: string;
  estado: { codigo: MunicipalReciboEstado; literal: string };
  /** When it was paid, "yyyy-MM-ddTHH:mm:ss" Madrid; null when not paid. */
  fechaCobro: string | null;
  /** Direct debit: the account as the platform shows it (masked) and the day it is charged. */
  domiciliacion: { iban: string; fechaCargo: string } | null;
}

interface SeedRecibo {
  concepto: MunicipalConcepto;
  periodo?: string;
  objeto?: string;
  nombre?: string;
  importe: string;
  /** Days from now of the end of the voluntary period (negative: past). */
  dueIn: number;
  estado: MunicipalReciboEstado;
  /** Days ago it was paid (for CO). */
  paidDaysAgo?: number;
  debit?: { iban: string; chargeIn: number };
  /** Years before the current one. */
  yearsAgo?: number;
}

const MARIA_IBAN = 'ES21 **** **** **** **** 0123';
const MARIA_HOME = 'Calle de Alcalá, 120, 3.º B · Ref. catastral 9872023VK4797A0001WX';

function reciboSeed(ine: string, nif: string): SeedRecibo[] {
  if (nif === HOSTILE_NIF && ine === '28079') {
    return [
      {
        concepto: 'IBI',
        nombre: HOSTILE_SCRIPT,
        objeto: HOSTILE_ATTRIBUTE,
        periodo: HOSTILE_RTL,
        importe: '99,99',
        dueIn: 12,
        estado: 'PV',
      },
      { concepto: 'VAD', objeto: HOSTILE_ZERO_WIDTH, importe: '1,00', dueIn: -40, estado: 'AP' },
      { concepto: 'TRU', objeto: HOSTILE_CATALAN_500, importe: '0,01', dueIn: 30, estado: 'PV' },
    ];
  }
  switch (`${ine}:${nif}`) {
    case `28079:${MARIA_NIF}`:
      return [
        {
          concepto: 'IBI',
          periodo: '1.er plazo',
          objeto: MARIA_HOME,
          importe: '312,45',
          dueIn: -20,
          estado: 'CO',
          paidDaysAgo: 25,
          debit: { iban: MARIA_IBAN, chargeIn: -25 },
        },
        {
          concepto: 'IBI',
          periodo: '2.º plazo',
          objeto: MARIA_HOME,
          importe: '312,45',
          dueIn: 95,
          estado: 'PV',
          debit: { iban: MARIA_IBAN, chargeIn: 90 },
        },
        {
          concepto: 'IVTM',
          periodo: 'Anual',
          objeto: 'Turismo 1234 KLM · Seat Ibiza',
          importe: '68,16',
          dueIn: 24,
          estado: 'PV',
        },
        {
          concepto: 'TRU',
          periodo: 'Anual',
          objeto: 'Calle de Alcalá, 120, 3.º B',
          importe: '1234,56',
          dueIn: 48,
          estado: 'PV',
        },
        {
          concepto: 'IVTM',
          periodo: 'Anual',
          objeto: 'Turismo 1234 KLM · Seat Ibiza',
          importe: '68,16',
          dueIn: -320,
          estado: 'CO',
          paidDaysAgo: 330,
          yearsAgo: 1,
        },
      ];
    case `28079:${CARMEN_NIF}`:
      return [
        {
          concepto: 'IBI',
          periodo: 'Anual',
          objeto: 'Calle de Goya, 15, 2.º A · Ref. catastral 1249104VK4714H0005QS',
          importe: '540,10',
          dueIn: 60,
          estado: 'PV',
          debit: { iban: 'ES80 **** **** **** **** 4410', chargeIn: 55 },
        },
      ];
    case `28079:${JAVIER_NIF}`:
      return [
        {
          concepto: 'VAD',
          periodo: 'Anual',
          objeto: 'Calle de Embajadores, 40 · placa de vado 2834',
          importe: '187,30',
          dueIn: -35,
          estado: 'AP',
        },
      ];
    case `08019:${JOHN_NIF}`:
      return [
        {
          concepto: 'TRU',
          nombre: 'Taxa de residus municipals',
          periodo: 'Anual',
          objeto: 'Carrer de Mallorca, 250, 4t 1a',
          importe: '94,20',
          dueIn: 33,
          estado: 'PV',
        },
      ];
    case `46250:${LUCIA_NIF}`:
      return [
        {
          concepto: 'IBI',
          periodo: 'Anual',
          objeto: 'Camino de Vera, 12 · Ref. catastral 6521507YJ2762B0001LK',
          importe: '702,88',
          dueIn: 70,
          estado: 'PV',
          debit: { iban: 'ES66 **** **** **** **** 9981', chargeIn: 65 },
        },
        {
          concepto: 'IVTM',
          periodo: 'Anual',
          objeto: 'Turismo 5678 LMN · Renault Clio',
          importe: '92,40',
          dueIn: -10,
          estado: 'CO',
          paidDaysAgo: 12,
        },
      ];
    default:
      return [];
  }
}

/** "yyyy-MM-ddTHH:mm:ss" Madrid wall-clock of the day `days` from now, at `time`. */
const localAt = (now: Date, days: number, time: string) => `${isoDay(madridDayFrom(now, days))}T${time}`;

export function municipalRecibos(entidad: MunicipalEntidad, nif: string, now: Date): MunicipalRecibo[] {
  const year = madridDayFrom(now, 0).year;
  return reciboSeed(entidad.ine, nif).map((seed, index) => {
    const ejercicio = year - (seed.yearsAgo ?? 0);
    const number = String(100_000 + index * 7 + Number(nif.replace(/\D/g, '').slice(-3))).padStart(6, '0');
    return {
      id: `REC-${entidad.ine}-${ejercicio}-${seed.concepto}-${number}`,
      numeroRecibo: `${ejercicio}/${seed.concepto}/${number}`,
      concepto: { codigo: seed.concepto, nombre: seed.nombre ?? CONCEPTO_NOMBRE[seed.concepto] },
      ejercicio,
      periodo: seed.periodo ?? null,
      objetoTributario: seed.objeto ?? null,
      importe: seed.importe,
      finPeriodoVoluntario: isoDay(madridDayFrom(now, seed.dueIn)),
      estado: { codigo: seed.estado, literal: RECIBO_LITERAL[seed.estado] },
      fechaCobro: seed.paidDaysAgo === undefined ? null : localAt(now, -seed.paidDaysAgo, '08:30:00'),
      domiciliacion: seed.debit
        ? { iban: seed.debit.iban, fechaCargo: isoDay(madridDayFrom(now, seed.debit.chargeIn)) }
        : null,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// The census (padrón municipal de habitantes)

export interface MunicipalInscripcion {
  domicilio: string;
  codigoPostal: string;
  distrito: string | null;
  /** "yyyy-MM-dd": registered at this address since. */
  fechaAlta: string;
  /** People registered at the same address (the collective certificate lists them). */
  convivientes: string[];
}

export function municipalInscripcion(ine: string, nif: string): MunicipalInscripcion | null {
  if (nif === HOSTILE_NIF && ine === '28079') {
    return {
      domicilio: HOSTILE_SCRIPT,
      codigoPostal: '28001',
      distrito: HOSTILE_RTL,
      fechaAlta: '2020-02-29',
      convivientes: ['Prueba Datos Hostiles', HOSTILE_ATTRIBUTE],
    };
  }
  switch (`${ine}:${nif}`) {
    case `28079:${MARIA_NIF}`:
      return {
        domicilio: 'Calle de Alcalá, 120, 3.º B',
        codigoPostal: '28009',
        distrito: 'Salamanca',
        fechaAlta: '2012-09-11',
        convivientes: ['María García López', 'Pablo Ruiz Gil', 'Lucas Ruiz García'],
      };
    case `28079:${CARMEN_NIF}`:
      return {
        domicilio: 'Calle de Goya, 15, 2.º A',
        codigoPostal: '28001',
        distrito: 'Salamanca',
        fechaAlta: '1987-04-02',
        convivientes: ['Carmen López Sánchez'],
      };
    case `28079:${JAVIER_NIF}`:
      return {
        domicilio: 'Calle de Embajadores, 40, 1.º D',
        codigoPostal: '28012',
        distrito: 'Centro',
        fechaAlta: '2019-01-15',
        convivientes: ['Javier Martín Gómez'],
      };
    case `08019:${JOHN_NIF}`:
      return {
        domicilio: 'Carrer de Mallorca, 250, 4t 1a',
        codigoPostal: '08008',
        distrito: 'Eixample',
        fechaAlta: '2026-01-20',
        convivientes: ['John Smith'],
      };
    case `46250:${LUCIA_NIF}`:
      return {
        domicilio: 'Camino de Vera, 12',
        codigoPostal: '46022',
        distrito: 'Algirós',
        fechaAlta: '2015-06-30',
        convivientes: ['Lucía Fernández Ruiz'],
      };
    default:
      return null;
  }
}

export const CERTIFICADO_TIPOS = ['INDIVIDUAL', 'COLECTIVO'] as const;
export type MunicipalCertificadoTipo = (typeof CERTIFICADO_TIPOS)[number];
export const CERTIFICADO_FINALIDADES = ['ACREDITACION', 'ESCOLARIZACION', 'AYUDAS', 'EXTRANJERIA'] as const;
export type MunicipalFinalidad = (typeof CERTIFICADO_FINALIDADES)[number];
const FINALIDAD_TEXTO: Record<MunicipalFinalidad, string> = {
  ACREDITACION: 'Acreditar la residencia',
  ESCOLARIZACION: 'Escolarización',
  AYUDAS: 'Solicitud de ayudas o subvenciones',
  EXTRANJERIA: 'Trámites de extranjería',
};

export interface MunicipalCertificado {
  id: string;
  tipo: MunicipalCertificadoTipo;
  finalidad: MunicipalFinalidad;
  /** "yyyy-MM-ddTHH:mm:ss" Madrid. */
  fechaEmision: string;
  /** "yyyy-MM-dd": three months after issue. */
  validoHasta: string;
  /** Código seguro de verificación. */
  csv: string;
}

/** How long a census certificate is accepted by other administrations. */
export const CERTIFICATE_VALID_DAYS = 90;
const CSV_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function csvCode(seed: string): string {
  const digest = createHash('sha256').update(seed).digest();
  let code = '';
  for (let index = 0; index < 12; index += 1) code += CSV_ALPHABET[(digest[index] ?? 0) % 32];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}`;
}

/**
 * The certificates each council issued, per citizen, with the PDFs (rendered once per certificate,
 * so that their bytes and hash never change). Seeded with one expired certificate for María.
 */
export function createCertificateRegistry(now: () => Date) {
  const issued = new Map<string, MunicipalCertificado[]>();
  const documents = new Map<string, Promise<Uint8Array>>();
  let sequence = 0;
  const key = (ine: string, nif: string) => `${ine}:${nif}`;

  function create(
    ine: string,
    nif: string,
    tipo: MunicipalCertificadoTipo,
    finalidad: MunicipalFinalidad,
    daysAgo = 0,
  ): MunicipalCertificado {
    sequence += 1;
    const id = `CER-${ine}-${String(100 + sequence).padStart(6, '0')}`;
    const certificate: MunicipalCertificado = {
      id,
      tipo,
      finalidad,
      fechaEmision: municipalDateTime(new Date(now().getTime() - daysAgo * 86_400_000)),
      validoHasta: isoDay(madridDayFrom(now(), CERTIFICATE_VALID_DAYS - daysAgo)),
      csv: csvCode(`${id}:${nif}`),
    };
    const list = issued.get(key(ine, nif)) ?? [];
    list.unshift(certificate);
    issued.set(key(ine, nif), list);
    return certificate;
  }

  function reset() {
    issued.clear();
    documents.clear();
    sequence = 0;
    create('28079', MARIA_NIF, 'INDIVIDUAL', 'AYUDAS', 200);
  }
  reset();

  return {
    list: (ine: string, nif: string) => [...(issued.get(key(ine, nif)) ?? [])],
    issue: (ine: string, nif: string, tipo: MunicipalCertificadoTipo, finalidad: MunicipalFinalidad) =>
      create(ine, nif, tipo, finalidad),
    find: (ine: string, nif: string, id: string) => issued.get(key(ine, nif))?.find((c) => c.id === id),
    document(entidad: MunicipalEntidad, nif: string, certificate: MunicipalCertificado) {
      let pending = documents.get(certificate.id);
      if (!pending) {
        pending = renderCertificate(entidad, nif, certificate);
        documents.set(certificate.id, pending);
      }
      return pending;
    },
    reset,
  };
}

const dmy = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** The certificate as the council issues it: a one-page PDF with its CSV code. */
async function renderCertificate(
  entidad: MunicipalEntidad,
  nif: string,
  certificate: MunicipalCertificado,
): Promise<Uint8Array> {
  const inscription = municipalInscripcion(entidad.ine, nif);
  const person = findPerson(nif);
  const pdf = await PDFDocument.create();
  const fixed = new Date('2026-01-01T00:00:00Z');
  pdf.setTitle(`Certificado de empadronamiento ${certificate.id}`);
  pdf.setAuthor(winAnsi(entidad.nombre));
  pdf.setProducer('Plataforma municipal (simulada)');
  pdf.setCreator('Plataforma municipal (simulada)');
  pdf.setCreationDate(fixed);
  pdf.setModificationDate(fixed);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const page = pdf.addPage([595.28, 841.89]);
  const margin = 56;
  const width = page.getWidth() - 2 * margin;
  let y = page.getHeight() - margin;
  const write = (text: string, font = regular, size = 10) => {
    for (const line of wrap(winAnsi(text), font, size, width)) {
      if (y < margin) return;
      page.drawText(line, { x: margin, y, size, font, color: rgb(0.1, 0.1, 0.1) });
      y -= size * 1.45;
    }
  };
  write(entidad.nombre, bold, 14);
  write(`DIR3 ${entidad.dir3} · Padrón Municipal de Habitantes`, regular, 9);
  y -= 14;
  write(
    certificate.tipo === 'COLECTIVO'
      ? 'CERTIFICADO DE EMPADRONAMIENTO COLECTIVO'
      : 'CERTIFICADO DE EMPADRONAMIENTO INDIVIDUAL',
    bold,
    12,
  );
  y -= 6;
  write(
    `Se certifica que ${person?.displayName ?? nif}, con documento ${nif}, figura inscrito/a en el Padrón Municipal de Habitantes de este municipio en el domicilio ${inscription?.domicilio ?? '-'}, ${inscription?.codigoPostal ?? ''}, desde el ${inscription ? dmy(inscription.fechaAlta) : '-'}.`,
  );
  if (certificate.tipo === 'COLECTIVO' && inscription) {
    y -= 6;
    write('Personas inscritas en el mismo domicilio:', bold);
    for (const name of inscription.convivientes) write(`- ${name}`);
  }
  y -= 6;
  write(`Finalidad: ${FINALIDAD_TEXTO[certificate.finalidad]}.`);
  write(
    `Expedido el ${dmy(certificate.fechaEmision.slice(0, 10))}. Válido hasta el ${dmy(certificate.validoHasta)}.`,
  );
  y -= 6;
  write(`Código seguro de verificación (CSV): ${certificate.csv}`, bold);
  write(`Puede comprobarlo en ${entidad.sede}/csv`, regular, 9);
  return pdf.save({ useObjectStreams: false });
}
