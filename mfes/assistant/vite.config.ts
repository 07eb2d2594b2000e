import { defineCarpetaMfe } from '@carpeta/sdk/vite';

// Two entries: the route /ada (chat and the citizen's incidents) and the panel the shell opens from
// its header on every page (the chat alone).
export default defineCarpetaMfe({
  name: 'assistant',
  exposes: { './lifecycles': './src/lifecycles.tsx', './panel': './src/panel.tsx' },
});
