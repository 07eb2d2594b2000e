import { defineProject } from 'vitest/config';
import { PREACT_TEST_DEPS, preactForTests } from './src/federation.ts';

export default defineProject({
  ...preactForTests,
  // The Angular helper's tests declare components with decorators, compiled just in time.
  oxc: { decorator: { legacy: true } },
  test: {
    name: 'sdk',
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    deps: PREACT_TEST_DEPS,
  },
});
