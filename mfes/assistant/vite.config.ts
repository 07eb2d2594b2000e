import { federation } from '@module-federation/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { carpetaRemote } from '@carpeta/sdk/federation';

const port = Number(process.env.PORT_MFE_ASSISTANT ?? 4209);

// Two entries: the route /ada (chat and the citizen's incidents) and the panel the shell opens from
// its header on every page (the chat alone).
export default defineConfig({
  base: './',
  plugins: [
    react(),
    federation(
      carpetaRemote({
        name: 'carpeta_assistant',
        exposes: { './lifecycles': './src/lifecycles.tsx', './panel': './src/panel.tsx' },
      }),
    ),
  ],
  build: { target: 'es2022', sourcemap: true },
  server: { host: '127.0.0.1', port, strictPort: true, origin: `http://127.0.0.1:${port}`, cors: true },
});
