import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { onePreact, preactAliases } from './build/preact-aliases.ts';

// The shell's server render (src/render.tsx) for the gateway: one ES module for Node with every
// dependency in it, React's API from the same Preact as the browser's (sdk/src/federation.ts,
// REACT_AS_PREACT), so the ids and the markup are those of the browser's first render.
export default defineConfig({
  plugins: [react(), onePreact()],
  // One Preact: pnpm keeps a second copy of it for the renderer (its optional peer).
  resolve: { alias: preactAliases, dedupe: ['preact'] },
  ssr: { noExternal: true, target: 'node' },
  publicDir: false,
  build: {
    ssr: 'src/render.tsx',
    outDir: 'dist-server',
    emptyOutDir: true,
    target: 'node22',
    // Minified: the gateway keeps it in memory for its life (its budget is 256 MiB).
    minify: true,
    sourcemap: true,
    rollupOptions: { output: { entryFileNames: 'render.js', codeSplitting: false } },
  },
});
