import { defineProject } from 'vitest/config';
import { PREACT_TEST_DEPS, preactForTests } from '@carpeta/sdk/federation';
import { sharedSingletons } from './build/shared-singletons.ts';

export default defineProject({
  ...preactForTests,
  define: { __CARPETA_SHARED__: JSON.stringify(sharedSingletons()) },
  test: {
    name: 'shell',
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}', 'build/**/*.test.ts'],
    // The server render's renderer too, so that it renders with the one Preact of the tests.
    deps: {
      optimizer: {
        client: {
          ...PREACT_TEST_DEPS.optimizer.client,
          include: [...PREACT_TEST_DEPS.optimizer.client.include, 'preact-render-to-string'],
        },
      },
    },
  },
});
