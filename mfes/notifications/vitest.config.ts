import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'mfe-notifications', environment: 'happy-dom', include: ['src/**/*.test.{ts,tsx}'] },
});
