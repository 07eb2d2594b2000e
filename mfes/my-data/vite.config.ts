import { defineCarpetaMfe } from '@carpeta/sdk/vite';

export default defineCarpetaMfe({
  name: 'my-data',
  exposes: { './lifecycles': './src/lifecycles.tsx', './verify': './src/verify.tsx' },
});
