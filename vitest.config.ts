import { defineConfig } from 'vitest/config';

// Every package keeps its own vitest.config.ts next to its code; this file only lists them.
export default defineConfig({
  test: {
    // Two test files at a time on CI's 2 cores (Vitest's default is one less than the cores: one).
    // Many files wait on servers, databases and browsers they start: 531 → 403 s on this machine.
    maxWorkers: 2,
    projects: [
      '{sdk,shell,gateway,mocks,design-system}/vitest.config.ts',
      'mfes/*/vitest.config.ts',
      'tools/*/vitest.config.ts',
      'scripts/vitest.config.ts',
    ],
  },
});
