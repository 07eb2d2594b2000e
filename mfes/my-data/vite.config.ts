import { federation } from '@module-federation/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { carpetaRemote } from '@carpeta/sdk/federation';

const port = Number(process.env.PORT_MFE_MY_DATA ?? 4205);

export default defineConfig({
  base: './',
  plugins: [
    react(),
    federation(
      carpetaRemote({
        name: 'carpeta_my_data',
        exposes: { './lifecycles': './src/lifecycles.tsx', './verify': './src/verify.tsx' },
      }),
    ),
  ],
  build: { target: 'es2022', sourcemap: true },
  server: { host: '127.0.0.1', port, strictPort: true, origin: `http://127.0.0.1:${port}`, cors: true },
});
