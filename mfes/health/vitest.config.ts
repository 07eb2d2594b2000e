import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'mfe-health', environment: 'happy-dom', include: ['src/**/*.test.{ts,tsx}'] },
});
