import { defineProject } from 'vitest/config';
import { PREACT_TEST_DEPS, preactForTests } from '@carpeta/sdk/federation';

export default defineProject({
  ...preactForTests,
  test: {
    name: 'mfe-alerts',
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    deps: PREACT_TEST_DEPS,
  },
});
