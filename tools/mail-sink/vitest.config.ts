import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'mail-sink', environment: 'node', include: ['src/**/*.test.ts'] },
});
