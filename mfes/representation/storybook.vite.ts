import angular from '@analogjs/vite-plugin-angular';
import type { PluginOption } from 'vite';

const source = `${import.meta.dirname}/src/`;

/**
 * The Vite plugins the design system's Storybook adds for this MFE's stories
 * (`design-system/.storybook/main.ts` loads `mfes/<name>/storybook.vite.ts` where one exists): the
 * Angular compiler for this MFE's own sources only, as its unit tests use it (just in time under
 * Vitest, ahead of time in `storybook dev`/`build`). The React stories around it are untouched.
 */
const plugins: PluginOption[] = [
  angular({
    tsconfig: `${import.meta.dirname}/tsconfig.spec.json`,
    transformFilter: (_code, id) => id.startsWith(source),
  }),
];
export default plugins;
