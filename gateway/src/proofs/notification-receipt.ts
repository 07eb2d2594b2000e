import type { Notification } from '@carpeta/sdk';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
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
}

const madrid = (instant: Date) =>
  format(new TZDate(instant.getTime(), 'Europe/Madrid'), "dd/MM/yyyy 'a las' HH:mm:ss '(hora peninsular)'");

/** The proof of receipt (justificante) of an acceptance or a rejection, as a PDF. */
export function renderNotificationReceipt(input: NotificationReceiptInput): Promise<Uint8Array> {
  const { notification } = input;
  const accepted = input.act === 'accept';
  const actingFor = input.actor.nif !== input.holder.nif;
  return renderProofPdf({
    title: accepted
      ? 'Justificante de comparecencia (acceso a la notificación)'
      : 'Justificante de rechazo de la notificación',
    intro: accepted
      ? 'Se acredita el acceso al contenido de la notificación electrónica, que produce los efectos de la notificación practicada (arts. 41 y 43 de la Ley 39/2015).'
      : 'Se acredita el rechazo expreso de la notificación electrónica: se tiene por efectuado el trámite y se sigue el procedimiento (art. 41.5 de la Ley 39/2015).',
    rows: [
      ['Fecha y hora del acto', madrid(input.at)],
      ['Acto', accepted ? 'Comparecencia (aceptación)' : 'Rechazo'],
      ['Órgano emisor', `${notification.issuer.name} (DIR3 ${notification.issuer.dir3})`],
      ['Titular', `${input.holder.name} (NIF ${input.holder.nif})`],
      [
        'Actúa',
        actingFor
          ? `${input.actor.name} (NIF ${input.actor.nif}), en representación del titular`
          : 'El propio titular',
      ],
      ['Dirección de origen', input.ip],
      ['Identificador en la Carpeta', notification.id],
      ['Identificador del envío', `${input.agencyId} (${input.sourceName})`],
      ['Tipo', notification.kind === 'notification' ? 'Notificación' : 'Comunicación'],
      ['Asunto', notification.subject],
      ['Procedimiento', notification.procedure ?? '-'],
      ['Referencia del expediente', notification.fileReference ?? '-'],
      ['Puesta a disposición', madrid(new Date(notification.availableAt))],
      [
        'SHA-256 del documento',
        input.documentSha256 ?? (accepted ? 'no disponible' : 'no aplica (rechazada)'),
      ],
    ],
    code: input.code,
    qrText: `CSV:${input.code}`,
    issuedAt: input.at,
    author: 'Carpeta Ciudadana',
  });
}
