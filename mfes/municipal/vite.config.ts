import { federation } from '@module-federation/vite';
import { defineConfig } from 'vite';
import { carpetaRemote } from '@carpeta/sdk/federation';

const port = Number(process.env.PORT_MFE_MUNICIPAL ?? 4208);

// A plain-TypeScript remote: no React plugin, and only the framework-free singletons are shared
// (i18next and the sdk, which the shell provides), so this MFE never asks for React.
export default defineConfig({
  base: './',
  plugins: [
    federation(
      carpetaRemote({
        name: 'carpeta_municipal',
        exposes: { './lifecycles': './src/lifecycles.ts' },
        framework: 'vanilla',
      }),
    ),
  ],
  build: { target: 'es2022', sourcemap: true },
  server: { host: '127.0.0.1', port, strictPort: true, origin: `http://127.0.0.1:${port}`, cors: true },
});
