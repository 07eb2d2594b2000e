import { defineCarpetaMfe } from '@carpeta/sdk/vite';

export default defineCarpetaMfe({
  name: 'files',
  exposes: { './lifecycles': './src/lifecycles.tsx' },
});
