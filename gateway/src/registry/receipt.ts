import type { RegistrySubmission } from '@carpeta/sdk/registry';
import { verificationUrl } from '../proofs/my-data-proof.ts';
import { renderProofPdf } from '../proofs/pdf.ts';

export const REGISTRY_RECEIPT_KIND = 'registry-receipt';
export type ReceiptLanguage = 'es' | 'en';

const TEXT = {
  es: {
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
    issuedAt: 'Justificante emitido el',
    check: 'Comprobación',
    heading: 'Código seguro de verificación (CSV)',
    note: 'La integridad de este documento puede comprobarse con este código en la Carpeta Ciudadana.',
    locale: 'es-ES',
  },
  en: {
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
    issuedAt: 'Receipt issued on',
    check: 'Verification',
    heading: 'Secure verification code (CSV)',
    note: 'The integrity of this document can be checked with this code in the Carpeta Ciudadana.',
    locale: 'en-GB',
  },
} as const;

/** The receipt of a registered submission (registry number and instant), in Spanish or English. */
export function renderRegistryReceipt(input: {
  submission: RegistrySubmission;
  language: ReceiptLanguage;
  code: string;
  issuedAt: Date;
  portalOrigin: string;
}): Promise<Uint8Array> {
  const { submission: item } = input;
  const text = TEXT[input.language];
  const when = new Intl.DateTimeFormat(text.locale, {
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
              `${file.name} (${file.type}, ${file.size.toLocaleString(text.locale)} bytes) SHA-256 ${file.sha256}`,
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
