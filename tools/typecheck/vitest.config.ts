import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'typecheck', environment: 'node', include: ['src/**/*.test.ts'] },
});
