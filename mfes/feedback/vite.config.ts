import { defineCarpetaMfe } from '@carpeta/sdk/vite';

// Three entries: the feedback forms (/feedback, public), the public roadmap (/roadmap) and the
// maintainers' page (/admin/roadmap, private; the gateway checks the role).
export default defineCarpetaMfe({
  name: 'feedback',
  exposes: {
    './lifecycles': './src/lifecycles.tsx',
    './roadmap': './src/roadmap-lifecycles.tsx',
    './admin': './src/admin-lifecycles.tsx',
  },
});
