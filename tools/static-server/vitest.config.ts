import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'static-server', environment: 'node', include: ['src/**/*.test.ts'] },
});
