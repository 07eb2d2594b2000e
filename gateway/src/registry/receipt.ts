import { type Catalog, formatLocale, type Language } from '@carpeta/sdk';
import type { RegistrySubmission } from '@carpeta/sdk/registry';
import { verificationUrl } from '../proofs/my-data-proof.ts';
import { renderProofPdf } from '../proofs/pdf.ts';

export const REGISTRY_RECEIPT_KIND = 'registry-receipt';
export type ReceiptLanguage = Language;

const es = {
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
  heading: 'Código seguro de verificación (CSV)',
  note: 'La integridad de este documento puede comprobarse con este código en la Carpeta Ciudadana.',
};

/** The receipt's words in every portal language (a test compares each with the Spanish). */
export const RECEIPT_TEXT = {
  es,
  ca: {
    fileName: 'justificant',
    title: 'Justificant de presentació al Registre Electrònic General',
    intro:
      'Llei 39/2015, art. 16.3: el registre emet automàticament un rebut amb el número de registre i la data i l’hora de presentació, que donen fe de la presentació i compten per als terminis.',
    number: 'Número de registre',
    registeredAt: 'Data i hora de registre',
    body: 'Unitat de destinació',
    applicant: 'Persona interessada',
    representative: 'Presentat per (representant)',
    subject: 'Assumpte',
    facts: 'Exposa',
    request: 'Sol·licita',
    attachment: 'Document annex',
    none: 'Sense documents annexos',
    bytes: 'bytes',
    issuedAt: 'Justificant emès el',
    check: 'Comprovació',
    heading: 'Codi segur de verificació (CSV)',
    note: 'La integritat d’aquest document es pot comprovar amb aquest codi a la Carpeta Ciutadana.',
  },
  gl: {
    fileName: 'xustificante',
    title: 'Xustificante de presentación no Rexistro Electrónico Xeral',
    intro:
      'Lei 39/2015, art. 16.3: o rexistro emite automaticamente un recibo co número de rexistro e a data e hora de presentación, que dan fe da presentación e contan para os prazos.',
    number: 'Número de rexistro',
    registeredAt: 'Data e hora de rexistro',
    body: 'Unidade de destino',
    applicant: 'Persoa interesada',
    representative: 'Presentado por (representante)',
    subject: 'Asunto',
    facts: 'Expón',
    request: 'Solicita',
    attachment: 'Documento anexo',
    none: 'Sen documentos anexos',
    bytes: 'bytes',
    issuedAt: 'Xustificante emitido o',
    check: 'Comprobación',
    heading: 'Código seguro de verificación (CSV)',
    note: 'A integridade deste documento pode comprobarse con este código na Carpeta Cidadá.',
  },
  eu: {
    fileName: 'egiaztagiria',
    title: 'Erregistro Elektroniko Orokorrean aurkeztu izanaren egiaztagiria',
    intro:
      '39/2015 Legea, 16.3 art.: erregistroak automatikoki ematen du erregistro-zenbakia eta aurkezpenaren data eta ordua dituen ordainagiria; horiek aurkezpena egiaztatzen dute eta epeetarako balio dute.',
    number: 'Erregistro-zenbakia',
    registeredAt: 'Erregistroaren data eta ordua',
    body: 'Helmuga-unitatea',
    applicant: 'Interesduna',
    representative: 'Aurkeztu duena (ordezkaria)',
    subject: 'Gaia',
    facts: 'Azaltzen du',
    request: 'Eskatzen du',
    attachment: 'Dokumentu erantsia',
    none: 'Dokumentu erantsirik gabe',
    bytes: 'byte',
    issuedAt: 'Egiaztagiria noiz emana',
    check: 'Egiaztapena',
    heading: 'Egiaztapen-kode segurua (EKS)',
    note: 'Dokumentu honen osotasuna kode honekin egiazta daiteke Herritarren Karpetan.',
  },
  va: {
    fileName: 'justificant',
    title: 'Justificant de presentació en el Registre Electrònic General',
    intro:
      'Llei 39/2015, art. 16.3: el registre emet automàticament un rebut amb el número de registre i la data i l’hora de presentació, que donen fe de la presentació i compten per als terminis.',
    number: 'Número de registre',
    registeredAt: 'Data i hora de registre',
    body: 'Unitat de destinació',
    applicant: 'Persona interessada',
    representative: 'Presentat per (representant)',
    subject: 'Assumpte',
    facts: 'Exposa',
    request: 'Sol·licita',
    attachment: 'Document annex',
    none: 'Sense documents annexos',
    bytes: 'bytes',
    issuedAt: 'Justificant emés el',
    check: 'Comprovació',
    heading: 'Codi segur de verificació (CSV)',
    note: 'La integritat d’este document es pot comprovar amb este codi en la Carpeta Ciutadana.',
  },
  en: {
    fileName: 'receipt',
    title: 'Receipt of a submission to the General Electronic Registry',
    intro:
      'Law 39/2015, art. 16.3: the registry automatically issues a receipt with the registry number and the date and time of submission, which prove the submission and count for deadlines.',
    number: 'Registry number',
    registeredAt: 'Registered on',
    body: 'Addressed to',
    applicant: 'Interested party',
    representative: 'Presented by (representative)',
    subject: 'Subject',
    facts: 'Facts and reasons',
    request: 'Request',
    attachment: 'Attached document',
    none: 'No attached documents',
    bytes: 'bytes',
    issuedAt: 'Receipt issued on',
    check: 'Verification',
    heading: 'Secure verification code (CSV)',
    note: 'The integrity of this document can be checked with this code in the Carpeta Ciudadana.',
  },
} satisfies Catalog<typeof es>;

/** The receipt of a registered submission (registry number and instant), in the citizen's language. */
export function renderRegistryReceipt(input: {
  submission: RegistrySubmission;
  language: ReceiptLanguage;
  code: string;
  issuedAt: Date;
  portalOrigin: string;
}): Promise<Uint8Array> {
  const { submission: item } = input;
  const text = RECEIPT_TEXT[input.language];
  const locale = formatLocale(input.language);
  const when = new Intl.DateTimeFormat(locale, {
    timeZone: 'Europe/Madrid',
    dateStyle: 'long',
    timeStyle: 'medium',
  });
  const url = verificationUrl(input.portalOrigin, input.code);
  const attachments =
    item.attachments.length === 0
      ? [[text.attachment, text.none] as const]
      : item.attachments.map(
          (file) =>
            [
              text.attachment,
              `${file.name} (${file.type}, ${file.size.toLocaleString(locale)} ${text.bytes}) SHA-256 ${file.sha256}`,
            ] as const,
        );
  return renderProofPdf({
    title: text.title,
    intro: text.intro,
    rows: [
      [text.number, item.number ?? ''],
      [
        text.registeredAt,
        item.registeredAt ? `${when.format(new Date(item.registeredAt))} (Europe/Madrid)` : '',
      ],
      [text.body, `${item.body.name} (DIR3 ${item.body.dir3})`],
      [text.applicant, `${item.applicant.displayName} (${item.applicant.maskedId})`],
      ...(item.representative
        ? [
            [
              text.representative,
              `${item.representative.displayName} (${item.representative.maskedId})`,
            ] as const,
          ]
        : []),
      [text.subject, item.subject],
      [text.facts, item.facts],
      [text.request, item.request],
      ...attachments,
      [text.issuedAt, when.format(input.issuedAt)],
      [text.check, url],
    ],
    code: input.code,
    qrText: url,
    issuedAt: input.issuedAt,
    author: 'Carpeta Ciudadana',
    verification: { heading: text.heading, note: text.note },
  });
}
