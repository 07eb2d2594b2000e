import angular from '@analogjs/vite-plugin-angular';
import type { Plugin, PluginOption } from 'vite';

const source = `${import.meta.dirname}/src/`;

/**
 * The Vite plugins the design system's Storybook adds for this MFE's stories
 * (`design-system/.storybook/main.ts` loads `mfes/<name>/storybook.vite.ts` where one exists): the
 * Angular compiler for this MFE's own sources only, as its unit tests use it (just in time under
 * Vitest, ahead of time in `storybook dev`/`build`). The React stories around it are untouched.
 */
const plugins: PluginOption[] = [
  {
    // Analog turns Vite's TypeScript/JSX transform (oxc) off unless the config sets one, which
    // would leave every React story untransformed: keep it on, for everything but this MFE's
    // sources, which the Angular plugin compiles.
    name: 'carpeta:representation-keeps-oxc',
    config: (config) => ({
      oxc: {
        ...(config.oxc || {}),
        exclude: [new RegExp(`^${source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*\\.ts$`)],
      },
    }),
  },
  // Compiled before Storybook's react-docgen (also `pre`) reads the file: Babel cannot parse
  // Angular's decorators, and the compiled components have no React props to document anyway.
  ...angular({
    tsconfig: `${import.meta.dirname}/tsconfig.spec.json`,
    transformFilter: (_code, id) => id.startsWith(source),
  }).map(
    (plugin: Plugin): Plugin =>
      plugin.name === '@analogjs/vite-plugin-angular' ? { ...plugin, enforce: 'pre' } : plugin,
  ),
];
export default plugins;
