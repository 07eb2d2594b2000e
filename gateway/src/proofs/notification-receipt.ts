import type { Language, Notification } from '@carpeta/sdk';
import { fill, proofLocale } from './messages.ts';
import { renderProofPdf } from './pdf.ts';

export const NOTIFICATION_RECEIPT_KIND = 'notification-receipt';

export interface ReceiptParty {
  nif: string;
  name: string;
}

export interface NotificationReceiptInput {
  act: 'accept' | 'reject';
  notification: Notification;
  /** The agency's own id (the part after "<source>:"). */
  agencyId: string;
  sourceName: string;
  /** Whose notification it is. */
  holder: ReceiptParty;
  /** Who acted (the same as the holder unless acting for them). */
  actor: ReceiptParty;
  /** The instant of the act (the agency's record of it when it gives one). */
  at: Date;
  ip: string;
  documentSha256: string | null;
  code: string;
  /** The citizen's language when they acted: the receipt is written in it once and kept. */
  language: Language;
}

/** The proof of receipt (justificante) of an acceptance or a rejection, as a PDF. */
export function renderNotificationReceipt(input: NotificationReceiptInput): Promise<Uint8Array> {
  const { notification } = input;
  const { text: all, tag, instant } = proofLocale(input.language);
  const text = all.notificationReceipt;
  const when = (date: Date) => `${instant.format(date)} (${all.timeZone})`;
  const accepted = input.act === 'accept';
  const actingFor = input.actor.nif !== input.holder.nif;
  return renderProofPdf({
    title: accepted ? text.acceptedTitle : text.rejectedTitle,
    language: tag,
    intro: accepted ? text.acceptedIntro : text.rejectedIntro,
    rows: [
      [text.at, when(input.at)],
      [text.act, accepted ? text.accepted : text.rejected],
      [text.issuer, `${notification.issuer.name} (DIR3 ${notification.issuer.dir3})`],
      [text.holder, fill(text.person, { name: input.holder.name, nif: input.holder.nif })],
      [
        text.actor,
        actingFor ? fill(text.actingFor, { name: input.actor.name, nif: input.actor.nif }) : text.self,
      ],
      [text.ip, input.ip],
      [text.portalId, notification.id],
      [text.agencyId, `${input.agencyId} (${input.sourceName})`],
      [text.kind, notification.kind === 'notification' ? text.notification : text.communication],
      [text.subject, notification.subject],
      [text.procedure, notification.procedure ?? '-'],
      [text.fileReference, notification.fileReference ?? '-'],
      [text.availableAt, when(new Date(notification.availableAt))],
      input.documentSha256
        ? [text.documentSha256, input.documentSha256, 'mono']
        : [text.documentSha256, accepted ? text.notAvailable : text.notApplicable],
    ],
    code: input.code,
    qrText: `CSV:${input.code}`,
    issuedAt: input.at,
    author: all.portal,
    verification: all.verification,
  });
}
