import type { MyDataRecord } from '@carpeta/sdk';
import { renderProofPdf } from './pdf.ts';

export const MY_DATA_PROOF_KIND = 'my-data';

const madrid = new Intl.DateTimeFormat('es-ES', {
  timeZone: 'Europe/Madrid',
  dateStyle: 'long',
  timeStyle: 'short',
});

/** The public page where anyone holding the code checks a proof (the QR code holds this address). */
export function verificationUrl(portalOrigin: string, code: string): string {
  const url = new URL('/verify', portalOrigin);
  url.searchParams.set('code', code);
  return url.toString();
}

/**
 * An official-looking proof of one "my data" record: who it is about, the data, the administration
 * that holds it, when it was retrieved and when the proof was issued, with its verification code.
 */
export function renderMyDataProof(input: {
  record: MyDataRecord;
  subjectNif: string;
  subjectName: string;
  code: string;
  issuedAt: Date;
  portalOrigin: string;
}): Promise<Uint8Array> {
  const { record } = input;
  return renderProofPdf({
    title: `Certificado de datos: ${record.title}`,
    intro:
      'La Carpeta Ciudadana certifica que, según la Plataforma de Intermediación de Datos, la administración indicada tiene los siguientes datos de la persona titular.',
    rows: [
      ['Titular', `${input.subjectName} (${input.subjectNif})`],
      ['Dato', record.title],
      ['Administración que lo tiene', `${record.issuer.name} (DIR3 ${record.issuer.dir3})`],
      ...record.fields.map((field) => [field.label, field.value] as const),
      ['Datos obtenidos el', madrid.format(new Date(record.retrievedAt))],
      ['Certificado emitido el', madrid.format(input.issuedAt)],
      ['Referencia', record.id],
      ['Comprobación', verificationUrl(input.portalOrigin, input.code)],
    ],
    code: input.code,
    qrText: verificationUrl(input.portalOrigin, input.code),
    issuedAt: input.issuedAt,
    author: 'Carpeta Ciudadana',
  });
}
