import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'mfe-assistant', environment: 'happy-dom', include: ['src/**/*.test.{ts,tsx}'] },
});
