import angular from '@analogjs/vite-plugin-angular';
import { defineProject } from 'vitest/config';

const source = `${import.meta.dirname}/src/`;

export default defineProject({
  // The Angular compiler (just in time under Vitest) for this MFE's components.
  plugins: [
    angular({ tsconfig: 'tsconfig.spec.json', transformFilter: (_code, id) => id.startsWith(source) }),
  ],
  test: {
    name: 'mfe-representation',
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/test-setup.ts'],
    pool: 'forks',
  },
});
