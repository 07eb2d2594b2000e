// Builds the public entry (React external, as in Module Federation where React is shared) and the
// aggregated CSS into dist/, then prints raw and gzip sizes. Run: pnpm --filter @carpeta/design-system run size
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'dist');

await build({
  root,
  logLevel: 'warn',
  configFile: false,
  build: {
    outDir,
    emptyOutDir: true,
    minify: true,
    rollupOptions: {
      input: { index: join(root, 'src/index.ts'), tokens: join(root, 'src/tokens/index.ts') },
      external: ['react', 'react-dom', 'react/jsx-runtime'],
      preserveEntrySignatures: 'strict',
      output: { entryFileNames: '[name].js', chunkFileNames: '[name].js' },
    },
  },
});

// The aggregated, minified stylesheet (also usable as-is by plain-HTML and Angular MFEs).
await build({
  root,
  logLevel: 'warn',
  configFile: false,
  build: {
    outDir: join(outDir, 'css'),
    emptyOutDir: true,
    rollupOptions: {
      input: { carpeta: join(root, 'src/styles.css') },
      output: { assetFileNames: '[name][extname]' },
    },
  },
});

const rows: Array<[string, number, number]> = [];
const walk = (dir: string) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (/\.(js|css)$/.test(name)) {
      const buf = readFileSync(path);
      rows.push([path.slice(outDir.length + 1), buf.length, gzipSync(buf, { level: 9 }).length]);
    }
  }
};
walk(outDir);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log('file'.padEnd(32), 'raw'.padStart(10), 'gzip'.padStart(10));
for (const [file, raw, gz] of rows.sort())
  console.log(file.padEnd(32), kb(raw).padStart(10), kb(gz).padStart(10));
