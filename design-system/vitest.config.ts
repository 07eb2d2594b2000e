import { CHROMIUM_LAUNCH_OPTIONS } from '@carpeta/chromium';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { STORYBOOK_TEST_INITIAL_GLOBALS_PROVIDE_KEY } from '@storybook/addon-vitest/constants';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { storybookThemes } from './.storybook/themes.ts';
import A11ySummaryReporter from './scripts/a11y-summary-reporter.ts';

const dirname = path.dirname(fileURLToPath(import.meta.url));

/**
 * One Vitest project (the root config lists this file), split into browser instances:
 *   design-system                       unit tests (*.test.ts[x]) in real Chromium
 *   design-system-stories-<theme>       every story rendered, played and axe-checked, per theme
 * Run one: `pnpm exec vitest run --project design-system-stories-dark` (from the repo root).
 */
export default defineConfig({
  plugins: [storybookTest({ configDir: path.join(dirname, '.storybook') })],
  // Pre-bundle what the tests import so Vite never reloads the page mid-run.
  optimizeDeps: {
    include: [
      '@testing-library/react',
      'react',
      'react-dom',
      'react-dom/client',
      'react-dom/server',
      'react/jsx-dev-runtime',
      'axe-core',
    ],
  },
  test: {
    name: 'design-system-browser',
    // Only used when this file is the root config (`pnpm --filter @carpeta/design-system test`).
    reporters: ['default', new A11ySummaryReporter()],
    // Docs pages are not tests.
    exclude: ['**/node_modules/**', '**/*.mdx'],
    // The framework-free HTML generated from the stories (html/), which its axe test checks.
    globalSetup: [path.join(dirname, 'scripts/html-global-setup.ts')],
    isolate: false,
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      provider: playwright({
        launchOptions: CHROMIUM_LAUNCH_OPTIONS,
      }),
      instances: [
        {
          browser: 'chromium',
          name: 'design-system',
          include: ['src/**/*.test.{ts,tsx}'],
          setupFiles: [path.join(dirname, 'src/test/unit-setup.ts')],
        },
        ...storybookThemes.map((theme) => ({
          browser: 'chromium' as const,
          name: `design-system-stories-${theme}`,
          provide: { [STORYBOOK_TEST_INITIAL_GLOBALS_PROVIDE_KEY]: { theme } },
        })),
      ],
    },
  },
});
