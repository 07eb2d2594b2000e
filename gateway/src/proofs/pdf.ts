import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';

/**
 * One proof document: a title, labelled rows, the verification code and its QR code. Its words come
 * from the caller, in the citizen's language (`messages.ts`).
 */
export interface ProofDocument {
  /** e.g. "Justificante de comparecencia". */
  title: string;
  /** The BCP 47 tag of the document's language (the PDF's `/Lang`), e.g. "ca-ES-valencia". */
  language: string;
  /** A sentence under the title, e.g. the legal basis. */
  intro: string;
  /** Label and value; `mono` writes the value in a fixed-width font (hashes). */
  rows: ReadonlyArray<readonly [label: string, value: string, style?: 'mono']>;
  /** Secure verification code (CSV). */
  code: string;
  /** Text the QR code carries (the code, or a verification address with it). */
  qrText: string;
  issuedAt: Date;
  /** Shown in the document's metadata. */
  author: string;
  /** The verification block's heading and note. */
  verification: { heading: string; note: string };
}

/**
 * The standard PDF fonts speak WinAnsi, which holds every letter of the portal's six languages
 * (Spanish, Catalan and Valencian with "l·l" and "’", Galician, Basque, English; a test checks every
 * catalogue): other characters (Arabic, zero-width marks) are replaced by "?". The typographic
 * spaces `Intl` may write become plain spaces, and the rare one-character "ŀ" is written "l·".
 */
export function winAnsi(text: string): string {
  return [
    ...text
      .replace(/[\u200B-\u200F\u202A-\u202E\u2060\uFEFF\u00AD]/g, '')
      .replace(/[\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
      .replace(/\u0140/g, 'l·')
      .replace(/\u013F/g, 'L·'),
  ]
    .map((char) => {
      const code = char.codePointAt(0) ?? 0;
      if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return ' ';
      if (code <= 0xff || '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'.includes(char)) return char;
      return '?';
    })
    .join('');
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of winAnsi(text).split(/\s+/).filter(Boolean)) {
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
    if (line && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = rest;
    } else line = candidate;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

async function drawQr(page: PDFPage, text: string, x: number, y: number, size: number): Promise<void> {
  // Loaded on first use: the library is not needed to start the gateway.
  const { default: QRCode } = await import('qrcode');
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const cell = size / (modules.size + 8);
  const origin = { x: x + 4 * cell, y: y + 4 * cell };
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) {
        page.drawRectangle({
          x: origin.x + col * cell,
          y: origin.y + (modules.size - 1 - row) * cell,
          width: cell,
          height: cell,
          color: rgb(0, 0, 0),
        });
      }
    }
  }
}

/** Renders a proof as an A4 PDF. The same input gives the same bytes. */
export async function renderProofPdf(proof: ProofDocument): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(winAnsi(proof.title));
  pdf.setAuthor(winAnsi(proof.author));
  pdf.setCreator('Carpeta Ciudadana');
  pdf.setProducer('Carpeta Ciudadana (pdf-lib)');
  pdf.setSubject(`CSV ${proof.code}`);
  pdf.setLanguage(proof.language);
  pdf.setCreationDate(proof.issuedAt);
  pdf.setModificationDate(proof.issuedAt);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const mono = await pdf.embedFont(StandardFonts.Courier);
  const margin = 50;
  let page = pdf.addPage([595.28, 841.89]);
  const width = page.getWidth() - 2 * margin;
  let y = page.getHeight() - margin;
  const newPageIfNeeded = (needed: number) => {
    if (y - needed < margin + 130) {
      page = pdf.addPage([595.28, 841.89]);
      y = page.getHeight() - margin;
    }
  };
  const write = (text: string, font: PDFFont, size: number, x = margin, w = width) => {
    for (const line of wrap(text, font, size, w)) {
      newPageIfNeeded(size * 1.4);
      page.drawText(line, { x, y, size, font, color: rgb(0.1, 0.1, 0.1) });
      y -= size * 1.4;
    }
  };

  write(proof.title, bold, 16);
  y -= 4;
  write(proof.intro, regular, 10);
  y -= 10;
  const labelWidth = 150;
  for (const [label, value, style] of proof.rows) {
    newPageIfNeeded(24);
    const top = y;
    write(label, bold, 9, margin, labelWidth - 8);
    const afterLabel = y;
    y = top;
    write(value || '-', style === 'mono' ? mono : regular, 9, margin + labelWidth, width - labelWidth);
    y = Math.min(y, afterLabel) - 6;
  }

  // The verification block at the foot of the last page: the code and its QR code.
  const qrSize = 110;
  page.drawRectangle({
    x: margin,
    y: margin,
    width,
    height: qrSize + 10,
    borderColor: rgb(0.6, 0.6, 0.6),
    borderWidth: 0.75,
  });
  await drawQr(page, proof.qrText, margin + 5, margin + 5, qrSize);
  const textX = margin + qrSize + 20;
  const { verification } = proof;
  page.drawText(winAnsi(verification.heading), {
    x: textX,
    y: margin + qrSize - 20,
    size: 10,
    font: bold,
  });
  page.drawText(proof.code, { x: textX, y: margin + qrSize - 40, size: 11, font: mono });
  const note = wrap(verification.note, regular, 8, width - qrSize - 30);
  note.forEach((line, index) => {
    page.drawText(line, { x: textX, y: margin + qrSize - 60 - index * 11, size: 8, font: regular });
  });
  return pdf.save({ useObjectStreams: false });
}
