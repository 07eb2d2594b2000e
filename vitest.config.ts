import { defineConfig } from 'vitest/config';

// Every package keeps its own vitest.config.ts next to its code; this file only lists them.
export default defineConfig({
  test: {
    projects: [
      '{sdk,shell,gateway,mocks,design-system}/vitest.config.ts',
      'mfes/*/vitest.config.ts',
      'tools/*/vitest.config.ts',
      'scripts/vitest.config.ts',
    ],
  },
});
