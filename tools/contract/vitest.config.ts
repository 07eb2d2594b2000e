import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'contract',
    environment: 'node',
    include: ['src/**/*.test.ts'],
    // Builds both packages with tsc, runs API Extractor over 21 entry points, packs, installs and
    // builds an MFE outside the workspace: minutes on a busy 2-core machine, not seconds.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
