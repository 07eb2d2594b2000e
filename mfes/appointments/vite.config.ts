import { defineCarpetaMfe } from '@carpeta/sdk/vite';

export default defineCarpetaMfe({
  name: 'appointments',
  exposes: { './lifecycles': './src/lifecycles.tsx' },
});
