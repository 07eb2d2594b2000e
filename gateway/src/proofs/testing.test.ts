import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pdfText } from './testing.ts';

/** A content stream as pdf-lib writes it: `stream\n<flate bytes>\nendstream`. */
function streamOf(text: string): Uint8Array {
  const hex = Buffer.from(text, 'latin1').toString('hex');
  const compressed = deflateSync(Buffer.from(`BT /F1 12 Tf <${hex}> Tj ET`, 'latin1'));
  return Buffer.concat([
    Buffer.from('4 0 obj\n<< /Filter /FlateDecode >>\nstream\n', 'latin1'),
    compressed,
    Buffer.from('\nendstream\nendobj\n', 'latin1'),
  ]);
}

describe('pdfText', () => {
  it('reads a stream whose compressed bytes end in a carriage return (0x0D)', () => {
    // One text in about 256 compresses to bytes ending in 0x0D; such a proof once read as empty.
    let text = '';
    for (let n = 0; n < 10_000 && text === ''; n++) {
      // The stream's last byte is its checksum's: the padding moves it around.
      const candidate = `Certificado de datos${'.'.repeat(n % 97)} ${n}`;
      const bytes = streamOf(candidate);
      if (bytes[bytes.length - '\nendstream\nendobj\n'.length - 1] === 0x0d) text = candidate;
    }
    expect(text).not.toBe('');
    expect(pdfText(streamOf(text))).toBe(text);
  });
});
