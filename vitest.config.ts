import { defineConfig } from 'vitest/config';

// Every package keeps its own vitest.config.ts next to its code; this file only lists them.
export default defineConfig({
  test: {
    projects: [
      'sdk/vitest.config.ts',
      'shell/vitest.config.ts',
      'mfes/*/vitest.config.ts',
      'gateway/vitest.config.ts',
      'mocks/vitest.config.ts',
      'tools/*/vitest.config.ts',
      'design-system/vitest.config.ts',
    ],
  },
});
