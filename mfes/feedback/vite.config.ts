import { federation } from '@module-federation/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { carpetaRemote } from '@carpeta/sdk/federation';

const port = Number(process.env.PORT_MFE_FEEDBACK ?? 4210);

// Three entries: the feedback forms (/feedback, public), the public roadmap (/roadmap) and the
// maintainers' page (/admin/roadmap, private; the gateway checks the role).
export default defineConfig({
  base: './',
  plugins: [
    react(),
    federation(
      carpetaRemote({
        name: 'carpeta_feedback',
        exposes: {
          './lifecycles': './src/lifecycles.tsx',
          './roadmap': './src/roadmap-lifecycles.tsx',
          './admin': './src/admin-lifecycles.tsx',
        },
      }),
    ),
  ],
  build: { target: 'es2022', sourcemap: true },
  server: { host: '127.0.0.1', port, strictPort: true, origin: `http://127.0.0.1:${port}`, cors: true },
});
