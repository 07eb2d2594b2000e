import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/*
 * Brotli and gzip copies of a build's text files, made once at build time at the highest quality
 * and served as they are (the static server's `preCompressed`): smaller than the quality-4 brotli
 * a server can afford per request (the federation runtime: 17.7 KB instead of 20.4), and a page's
 * twenty scripts cost the server file reads, not twenty compressions on its one thread.
 */

const COMPRESSIBLE = /\.(js|mjs|css|html|json|svg|webmanifest|txt)$/i;
/** Below this, compression saves less than a packet: the file is served as it is. */
const MIN_BYTES = 1024;

function* files(dir: string): Generator<string> {
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, item.name);
    if (item.isDirectory()) yield* files(path);
    else if (item.isFile()) yield path;
  }
}

/** Writes `<file>.br` and `<file>.gz` beside each compressible file of `dir`; returns how many. */
export function precompress(dir: string): number {
  let count = 0;
  for (const file of files(dir)) {
    if (!COMPRESSIBLE.test(file) || file.endsWith('.map') || statSync(file).size < MIN_BYTES) continue;
    const body = readFileSync(file);
    writeFileSync(
      `${file}.br`,
      brotliCompressSync(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }),
    );
    writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
    count += 1;
  }
  return count;
}
