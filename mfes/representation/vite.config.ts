import angular from '@analogjs/vite-plugin-angular';
import { federation } from '@module-federation/vite';
import { defineConfig } from 'vite';
import { carpetaRemote } from '@carpeta/sdk/federation';

const source = `${import.meta.dirname}/src/`;

const port = Number(process.env.PORT_MFE_REPRESENTATION ?? 4206);

export default defineConfig({
  base: './',
  plugins: [
    // The Angular compiler compiles this MFE's own code; the sdk and the rest are plain TypeScript.
    angular({ tsconfig: 'tsconfig.app.json', transformFilter: (_code, id) => id.startsWith(source) }),
    federation(
      carpetaRemote({
        name: 'carpeta_representation',
        framework: 'angular',
        exposes: { './lifecycles': './src/lifecycles.ts', './registry': './src/registry.ts' },
      }),
    ),
  ],
  build: { target: 'es2022', sourcemap: true },
  server: { host: '127.0.0.1', port, strictPort: true, origin: `http://127.0.0.1:${port}`, cors: true },
});
