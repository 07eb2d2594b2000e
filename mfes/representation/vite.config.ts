import angular from '@analogjs/vite-plugin-angular';
import { defineCarpetaMfe } from '@carpeta/sdk/vite';

const source = `${import.meta.dirname}/src/`;

export default defineCarpetaMfe({
  name: 'representation',
  framework: 'angular',
  // The Angular compiler compiles this MFE's own code; the sdk and the rest are plain TypeScript.
  plugins: [
    angular({ tsconfig: 'tsconfig.app.json', transformFilter: (_code, id) => id.startsWith(source) }),
  ],
  exposes: { './lifecycles': './src/lifecycles.ts', './registry': './src/registry.ts' },
  // The registry and the grant form are `@defer` blocks of the powers' page
  // (representation-app.component.ts): what the page shares with them (the schemas, zod, the date
  // field…) goes with the page, not into a chunk of its own.
  pageChunks: { './lifecycles': 'powers' },
});
