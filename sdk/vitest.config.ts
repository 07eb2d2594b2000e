import { defineProject } from 'vitest/config';

export default defineProject({
  // The Angular helper's tests declare components with decorators, compiled just in time.
  oxc: { decorator: { legacy: true } },
  test: { name: 'sdk', environment: 'happy-dom', include: ['src/**/*.test.{ts,tsx}'] },
});
