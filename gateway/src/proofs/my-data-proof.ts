import type { Language, MyDataRecord } from '@carpeta/sdk';
import { fill, proofLocale } from './messages.ts';
import { renderProofPdf } from './pdf.ts';

export const MY_DATA_PROOF_KIND = 'my-data';

/** The public page where anyone holding the code checks a proof (the QR code holds this address). */
export function verificationUrl(portalOrigin: string, code: string): string {
  const url = new URL('/verify', portalOrigin);
  url.searchParams.set('code', code);
  return url.toString();
}

/**
 * An official-looking proof of one "my data" record: who it is about, the data, the administration
 * that holds it, when it was retrieved and when the proof was issued, with its verification code.
 * The portal's words are in the citizen's language; the record's own title, labels and values are
 * printed as the administration gave them.
 */
export function renderMyDataProof(input: {
  record: MyDataRecord;
  subjectNif: string;
  subjectName: string;
  code: string;
  issuedAt: Date;
  portalOrigin: string;
  language: Language;
}): Promise<Uint8Array> {
  const { record } = input;
  const { text: all, tag, dateTime } = proofLocale(input.language);
  const text = all.myData;
  const url = verificationUrl(input.portalOrigin, input.code);
  return renderProofPdf({
    title: fill(text.title, { title: record.title }),
    language: tag,
    intro: text.intro,
    rows: [
      [text.holder, `${input.subjectName} (${input.subjectNif})`],
      [text.data, record.title],
      [text.administration, `${record.issuer.name} (DIR3 ${record.issuer.dir3})`],
      ...record.fields.map((field) => [field.label, field.value] as const),
      [text.retrievedAt, dateTime.format(new Date(record.retrievedAt))],
      [text.issuedAt, dateTime.format(input.issuedAt)],
      [text.reference, record.id],
      [text.check, url],
    ],
    code: input.code,
    qrText: url,
    issuedAt: input.issuedAt,
    author: all.portal,
    verification: all.verification,
  });
}
