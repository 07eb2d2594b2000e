import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { precompress } from './precompress.ts';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('precompress', () => {
  it('writes brotli and gzip copies of text files worth compressing, and nothing else', () => {
    dir = mkdtempSync(join(tmpdir(), 'carpeta-precompress-'));
    mkdirSync(join(dir, 'assets'));
    const script = 'export const a = "carpeta";\n'.repeat(200);
    writeFileSync(join(dir, 'assets', 'index-AAAAAAAA.js'), script);
    writeFileSync(join(dir, 'assets', 'index-AAAAAAAA.js.map'), script);
    writeFileSync(join(dir, 'tiny.js'), 'export {};\n');
    writeFileSync(join(dir, 'logo.png'), Buffer.alloc(4096));
    expect(precompress(dir)).toBe(1);
    const file = join(dir, 'assets', 'index-AAAAAAAA.js');
    expect(brotliDecompressSync(readFileSync(`${file}.br`)).toString()).toBe(script);
    expect(gunzipSync(readFileSync(`${file}.gz`)).toString()).toBe(script);
    for (const skipped of ['assets/index-AAAAAAAA.js.map.br', 'tiny.js.br', 'logo.png.br']) {
      expect(existsSync(join(dir, skipped)), skipped).toBe(false);
    }
  });
});
