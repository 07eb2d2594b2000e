import { federation } from '@module-federation/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { carpetaRemote } from '@carpeta/sdk/federation';

const port = Number(process.env.PORT_MFE_ALERTS ?? 4211);

// The alerts centre (/alerts, signed-in citizens): preferences, verified contact points, the
// record of changes and the alerts kept in the portal.
export default defineConfig({
  base: './',
  plugins: [
    react(),
    federation(
      carpetaRemote({
        name: 'carpeta_alerts',
        exposes: { './lifecycles': './src/lifecycles.tsx' },
      }),
    ),
  ],
  build: { target: 'es2022', sourcemap: true },
  server: { host: '127.0.0.1', port, strictPort: true, origin: `http://127.0.0.1:${port}`, cors: true },
});
