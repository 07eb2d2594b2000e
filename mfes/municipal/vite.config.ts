import { defineCarpetaMfe } from '@carpeta/sdk/vite';

// A plain-TypeScript remote: no React plugin, and only the framework-free singletons are shared
// (i18next and the sdk, which the shell provides), so this MFE never asks for React.
export default defineCarpetaMfe({
  name: 'municipal',
  framework: 'vanilla',
  exposes: { './lifecycles': './src/lifecycles.ts' },
});
