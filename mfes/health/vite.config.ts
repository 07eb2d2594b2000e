import { defineCarpetaMfe } from '@carpeta/sdk/vite';

export default defineCarpetaMfe({
  name: 'health',
  exposes: { './lifecycles': './src/lifecycles.tsx' },
});
