import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'mfe-municipal', environment: 'happy-dom', include: ['src/**/*.test.ts'] },
});
