import { defineCarpetaMfe } from '@carpeta/sdk/vite';

export default defineCarpetaMfe({
  name: 'home',
  exposes: { './lifecycles': './src/lifecycles.tsx' },
});
