import { defineProject } from 'vitest/config';

// The portal's own scripts: the process chain of `npm start` (slow: each test starts the real portal).
export default defineProject({
  test: { name: 'scripts', environment: 'node', include: ['**/*.test.ts'], exclude: ['**/node_modules/**'] },
});
