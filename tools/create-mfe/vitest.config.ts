import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'create-mfe',
    environment: 'node',
    include: ['src/**/*.test.ts'],
    // One test scaffolds three MFEs, builds them and runs their tests (about half a minute); another
    // packs the contract and the scaffolder and runs it outside the repository (about a minute).
    testTimeout: 180_000,
  },
});
