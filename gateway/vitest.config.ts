import { defineProject } from 'vitest/config';
import { PGLITE_NODE_FLAGS } from './src/db/testing/global-setup.ts';

export default defineProject({
  test: {
    name: 'gateway',
    environment: 'node',
    include: ['src/**/*.test.ts'],
    // One PostgreSQL server and one prepared PGlite folder for the whole run (src/db/testing.ts).
    globalSetup: ['src/db/testing/global-setup.ts'],
    execArgv: PGLITE_NODE_FLAGS,
    // Opening an embedded database (WebAssembly PostgreSQL) takes seconds on a loaded 2-core CI
    // machine, next to the browser tests of other projects: generous limits, no timing asserted.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
