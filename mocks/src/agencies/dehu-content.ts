import { createHash } from 'node:crypto';
import { PDFDocument, type PDFFont, StandardFonts, rgb } from 'pdf-lib';
import type { DehuEnvio } from './dehu-data.ts';

/*
 * What the simulated DEHú serves once a notification is accepted: its body text and its document,
 * a real PDF generated here with pdf-lib. The agency's own format (Spanish field names).
 */

/** GET …/envios/{idEnvio}/contenido (only after acceptance). */
export interface DehuContenido {
  resultado: 'OK';
  idEnvio: string;
  cuerpo: string;
  documentos: DehuDocumento[];
}

export interface DehuDocumento {
  idDocumento: string;
  titulo: string;
  tipoMime: 'application/pdf';
  /** SHA-256 of the document's bytes, hex. */
  hashSHA256: string;
  tamanoBytes: number;
}

/** The body text the issuing body wrote (plain text, the agency's strings untouched: hostile ones too). */
export function dehuCuerpo(envio: DehuEnvio): string {
  const lines = [
    envio.organismoEmisor.denominacion,
    '',
    `Asunto: ${envio.concepto}`,
    ...(envio.procedimiento ? [`Procedimiento: ${envio.procedimiento}`] : []),
    ...(envio.referenciaExpediente ? [`Referencia del expediente: ${envio.referenciaExpediente}`] : []),
    '',
    envio.tipoEnvio === 'N'
      ? 'Por medio de la presente se le notifica el acto administrativo que se adjunta. Contra este acto, ' +
        'que pone fin a la vía administrativa, podrá interponer recurso potestativo de reposición en el ' +
        'plazo de un mes desde el día siguiente a esta notificación (arts. 123 y 124 de la Ley 39/2015).'
      : 'Le comunicamos la información que se adjunta. Esta comunicación tiene carácter informativo y no ' +
        'abre plazo alguno.',
  ];
  return lines.join('\n');
}

export const documentId = (envio: DehuEnvio) => `DOC-${envio.idEnvio}`;
export const documentTitle = (envio: DehuEnvio) =>
  envio.tipoEnvio === 'N' ? `Resolución ${envio.idEnvio}` : `Comunicación ${envio.idEnvio}`;

/** The standard PDF fonts speak WinAnsi: anything else (Arabic, zero-width marks) becomes "?" or goes. */
export function winAnsi(text: string): string {
  return [...text.replace(/[\u200B-\u200F\u2060\uFEFF\u00AD]/g, '')]
    .map((char) => {
      const code = char.codePointAt(0) ?? 0;
      if (char === '\n') return char;
      if (code < 0x20) return ' ';
      if (code <= 0xff || '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'.includes(char)) return char;
      return '?';
    })
    .join('');
}

export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/)) {
      // A word wider than the line is cut.
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut -= 1;
        if (line) lines.push(line);
        lines.push(rest.slice(0, cut));
        line = '';
        rest = rest.slice(cut);
      }
      const candidate = line ? `${line} ${rest}` : rest;
      if (font.widthOfTextAtSize(candidate, size) > width && line) {
        lines.push(line);
        line = rest;
      } else line = candidate;
    }
    lines.push(line);
  }
  return lines;
}

/** The notification's document: a one- or two-page PDF. Deterministic for the same envío. */
export async function renderDehuDocument(envio: DehuEnvio): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const fixed = new Date('2026-01-01T00:00:00Z');
  pdf.setTitle(winAnsi(documentTitle(envio)));
  pdf.setAuthor(winAnsi(envio.organismoEmisor.denominacion));
  pdf.setProducer('DEHú (simulada)');
  pdf.setCreator('DEHú (simulada)');
  pdf.setCreationDate(fixed);
  pdf.setModificationDate(fixed);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const margin = 56;
  let page = pdf.addPage([595.28, 841.89]);
  const width = page.getWidth() - 2 * margin;
  let y = page.getHeight() - margin;
  const write = (text: string, font: PDFFont, size: number) => {
    for (const line of wrap(winAnsi(text), font, size, width)) {
      if (y < margin + size) {
        page = pdf.addPage([595.28, 841.89]);
        y = page.getHeight() - margin;
      }
      page.drawText(line, { x: margin, y, size, font, color: rgb(0.1, 0.1, 0.1) });
      y -= size * 1.4;
    }
  };
  write(envio.organismoEmisor.denominacion, bold, 14);
  write(`DIR3 ${envio.organismoEmisor.codigoDIR3}`, regular, 9);
  y -= 12;
  write(documentTitle(envio), bold, 12);
  write(`Puesta a disposición: ${envio.fechaPuestaDisposicion}`, regular, 10);
  y -= 8;
  write(dehuCuerpo(envio), regular, 10);
  return pdf.save({ useObjectStreams: false });
}

/** Documents are rendered once per envío and kept, so that their hash never changes. */
export function createDocumentCache() {
  const cache = new Map<string, Promise<{ bytes: Uint8Array; hash: string }>>();
  return (key: string, envio: DehuEnvio) => {
    let entry = cache.get(key);
    if (!entry) {
      entry = renderDehuDocument(envio).then((bytes) => ({
        bytes,
        hash: createHash('sha256').update(bytes).digest('hex'),
      }));
      cache.set(key, entry);
    }
    return entry;
  };
}
