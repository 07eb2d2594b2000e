import type { Language } from '@carpeta/sdk';
import type { RegistrySubmission } from '@carpeta/sdk/registry';
import { proofLocale } from '../proofs/messages.ts';
import { verificationUrl } from '../proofs/my-data-proof.ts';
import { renderProofPdf } from '../proofs/pdf.ts';

export const REGISTRY_RECEIPT_KIND = 'registry-receipt';

/** The receipt of a registered submission (registry number and instant), in the citizen's language. */
export function renderRegistryReceipt(input: {
  submission: RegistrySubmission;
  language: Language;
  code: string;
  issuedAt: Date;
  portalOrigin: string;
}): Promise<Uint8Array> {
  const { submission: item } = input;
  const { text: all, tag, locale, instant: when } = proofLocale(input.language);
  const text = all.registryReceipt;
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
    language: tag,
    intro: text.intro,
    rows: [
      [text.number, item.number ?? ''],
      [
        text.registeredAt,
        item.registeredAt ? `${when.format(new Date(item.registeredAt))} (${all.timeZone})` : '',
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
    author: all.portal,
    verification: all.verification,
  });
}
