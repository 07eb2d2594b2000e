import { federation } from '@module-federation/vite';
import { defineConfig } from 'vite';
import { carpetaHost } from '@carpeta/sdk/federation';
import { runtimeVersionOnly } from '@carpeta/sdk/vite';

// The conformance kit's host page: a Module Federation host with the shell's shared singletons
// (React as Preact, i18next, the sdk, the design system) and no remotes at build time. The kit serves
// dist/ from 127.0.0.1 and loads the remote under test into it at run time. `base: './'`: served
// from any path. Built by `pnpm build`, and copied into the sdk's package by `npm run contract:build`.
export default defineConfig({
  base: './',
  plugins: [runtimeVersionOnly(), federation(carpetaHost('carpeta_conformance'))],
  build: { target: 'es2022' },
});
