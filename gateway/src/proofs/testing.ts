import { inflateSync } from 'node:zlib';

/** WinAnsi's 0x80–0x9F (the standard fonts' encoding); the rest of its bytes are Latin-1. */
const WIN_ANSI_HIGH: Record<number, string> = {
  128: '€',
  130: '‚',
  131: 'ƒ',
  132: '„',
  133: '…',
  134: '†',
  135: '‡',
  136: 'ˆ',
  137: '‰',
  138: 'Š',
  139: '‹',
  140: 'Œ',
  142: 'Ž',
  145: '‘',
  146: '’',
  147: '“',
  148: '”',
  149: '•',
  150: '–',
  151: '—',
  152: '˜',
  153: '™',
  154: 'š',
  155: '›',
  156: 'œ',
  158: 'ž',
  159: 'Ÿ',
};

/**
 * The text a proof PDF draws, one drawn line per line (for tests): pdf-lib writes the standard
 * fonts' text as WinAnsi hex strings (`<…> Tj`) in flate-compressed content streams.
 */
export function pdfText(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes).toString('latin1');
  const lines: string[] = [];
  // pdf-lib writes `stream\n<bytes>\nendstream`. A `\r?` before the closing `\n` took a compressed
  // stream's last byte when it was 0x0D (one stream in 256): inflating then failed, and no text came.
  for (const match of raw.matchAll(/stream\n([\s\S]*?)\nendstream/g)) {
    const body = Buffer.from(match[1] ?? '', 'latin1');
    let content: string;
    try {
      content = inflateSync(body).toString('latin1');
    } catch {
      content = body.toString('latin1');
    }
    for (const hex of content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) {
      lines.push(
        [...Buffer.from(hex[1] ?? '', 'hex')]
          .map((byte) => WIN_ANSI_HIGH[byte] ?? String.fromCharCode(byte))
          .join(''),
      );
    }
  }
  return lines.join('\n');
}

/** The drawn text as one line with single spaces: what a wrapped sentence is looked for in. */
export function pdfFlatText(bytes: Uint8Array): string {
  return pdfText(bytes).replace(/\s+/g, ' ');
}
