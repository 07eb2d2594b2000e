import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'create-mfe',
    environment: 'node',
    include: ['src/**/*.test.ts'],
    // One test scaffolds a React MFE, builds it and runs its own test (about half a minute).
    testTimeout: 180_000,
  },
});
