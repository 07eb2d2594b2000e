import {
  type Catalog,
  formatLocale,
  isLanguage,
  type Language,
  type Localized,
  languageTag,
} from '@carpeta/sdk';
import { ca } from './messages/ca.ts';
import { en } from './messages/en.ts';
import { eu } from './messages/eu.ts';
import { gl } from './messages/gl.ts';
import { va } from './messages/va.ts';

/**
 * Every word the portal writes in its PDFs (the agencies' own data, such as a notification's
 * subject or a record's fields, is printed as the agency wrote it). Spanish is the reference: the
 * other languages are typed by it, and `scripts/catalogues.test.ts` checks their keys.
 * `{{name}}` marks where a value goes (see `fill`).
 */
const es = {
  /** The portal's name in this language: the documents' author. */
  portal: 'Carpeta Ciudadana',
  /** After an instant: the time zone it is written in (the portal's, Europe/Madrid). */
  timeZone: 'hora peninsular',
  verification: {
    heading: 'Código seguro de verificación (CSV)',
    note: 'La integridad de este documento puede comprobarse con este código en la Carpeta Ciudadana.',
  },
  /** The justificante of an acceptance (comparecencia) or a rejection of a notification. */
  notificationReceipt: {
    fileName: 'justificante',
    acceptedTitle: 'Justificante de comparecencia (acceso a la notificación)',
    rejectedTitle: 'Justificante de rechazo de la notificación',
    acceptedIntro:
      'Se acredita el acceso al contenido de la notificación electrónica, que produce los efectos de la notificación practicada (arts. 41 y 43 de la Ley 39/2015).',
    rejectedIntro:
      'Se acredita el rechazo expreso de la notificación electrónica: se tiene por efectuado el trámite y se sigue el procedimiento (art. 41.5 de la Ley 39/2015).',
    at: 'Fecha y hora del acto',
    act: 'Acto',
    accepted: 'Comparecencia (aceptación)',
    rejected: 'Rechazo',
    issuer: 'Órgano emisor',
    holder: 'Titular',
    person: '{{name}} (NIF {{nif}})',
    actor: 'Actúa',
    actingFor: '{{name}} (NIF {{nif}}), en representación del titular',
    self: 'El propio titular',
    ip: 'Dirección de origen',
    portalId: 'Identificador en la Carpeta',
    agencyId: 'Identificador del envío',
    kind: 'Tipo',
    notification: 'Notificación',
    communication: 'Comunicación',
    subject: 'Asunto',
    procedure: 'Procedimiento',
    fileReference: 'Referencia del expediente',
    availableAt: 'Puesta a disposición',
    documentSha256: 'SHA-256 del documento',
    notAvailable: 'no disponible',
    notApplicable: 'no aplica (rechazada)',
  },
  /** The certificate of one "my data" record. */
  myData: {
    fileName: 'certificado',
    title: 'Certificado de datos: {{title}}',
    intro:
      'La Carpeta Ciudadana certifica que, según la Plataforma de Intermediación de Datos, la administración indicada tiene los siguientes datos de la persona titular.',
    holder: 'Titular',
    data: 'Dato',
    administration: 'Administración que lo tiene',
    retrievedAt: 'Datos obtenidos el',
    issuedAt: 'Certificado emitido el',
    reference: 'Referencia',
    check: 'Comprobación',
  },
  /** The receipt of a submission to the General Electronic Registry. */
  registryReceipt: {
    fileName: 'justificante',
    title: 'Justificante de presentación en el Registro Electrónico General',
    intro:
      'Ley 39/2015, art. 16.3: el registro emite automáticamente un recibo con el número de registro y la fecha y hora de presentación, que dan fe de la presentación y cuentan para los plazos.',
    number: 'Número de registro',
    registeredAt: 'Fecha y hora de registro',
    body: 'Unidad de destino',
    applicant: 'Interesado',
    representative: 'Presentado por (representante)',
    subject: 'Asunto',
    facts: 'Expone',
    request: 'Solicita',
    attachment: 'Documento anexo',
    none: 'Sin documentos anexos',
    bytes: 'bytes',
    issuedAt: 'Justificante emitido el',
    check: 'Comprobación',
  },
};

export type ProofMessages = Localized<typeof es>;

/** The PDFs' words in every portal language. */
export const PROOF_TEXT = { es, ca, gl, eu, va, en } satisfies Catalog<typeof es>;

/** The language of a PDF from the request's `?lang=` (a portal language code); anything else is Spanish. */
export function proofLanguage(value: unknown): Language {
  return isLanguage(value) ? value : 'es';
}

/** A catalogue text with its `{{name}}` marks replaced by the values. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (mark, name: string) => values[name] ?? mark);
}

/** What a PDF needs of its language: words, the `lang` tag, and `Intl` formats in Madrid time. */
export function proofLocale(language: Language) {
  const locale = formatLocale(language);
  return {
    text: PROOF_TEXT[language],
    tag: languageTag(language),
    locale,
    /** e.g. "1 de junio de 2030, 12:00" / "1 June 2030 at 12:00" (Valencian formats as Catalan). */
    dateTime: new Intl.DateTimeFormat(locale, {
      timeZone: 'Europe/Madrid',
      dateStyle: 'long',
      timeStyle: 'short',
    }),
    /** With seconds, for the instant of a legal act or a registration. */
    instant: new Intl.DateTimeFormat(locale, {
      timeZone: 'Europe/Madrid',
      dateStyle: 'long',
      timeStyle: 'medium',
    }),
  };
}
