import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'mfe-my-data', environment: 'happy-dom', include: ['src/**/*.test.{ts,tsx}'] },
});
