import { defineCarpetaMfe } from '@carpeta/sdk/vite';

export default defineCarpetaMfe({
  name: 'notifications',
  exposes: { './lifecycles': './src/lifecycles.tsx' },
});
