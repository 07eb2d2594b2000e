import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'a11y-audit',
    environment: 'node',
    include: ['src/**/*.test.ts'],
    // The engine's test drives one real chromium through the fixture pages.
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
