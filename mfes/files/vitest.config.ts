import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'mfe-files', environment: 'happy-dom', include: ['src/**/*.test.{ts,tsx}'] },
});
