import { federation } from '@module-federation/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { carpetaHost } from '@carpeta/sdk/federation';

// The shell is a Module Federation host with no build-time remotes: every MFE arrives at run time
// from the gateway's manifest. It provides the shared singletons (React, the sdk, the design system).
const gateway = process.env.CARPETA_GATEWAY_URL ?? 'http://127.0.0.1:4000';

export default defineConfig({
  plugins: [react(), federation(carpetaHost('carpeta_shell'))],
  build: { target: 'es2022', sourcemap: true },
  server: {
    host: '127.0.0.1',
    port: Number(process.env.PORT_SHELL_DEV ?? 5173),
    strictPort: true,
    proxy: { '/api': gateway, '/auth': gateway, '/mfes.json': gateway },
  },
  preview: { host: '127.0.0.1' },
});
