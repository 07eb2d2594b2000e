import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { StorybookConfig } from '@storybook/react-vite';
import type { PluginOption } from 'vite';

const dirname = path.dirname(fileURLToPath(import.meta.url));
const mfesDir = path.join(dirname, '../../mfes');

/**
 * Every MFE of this repository that has stories (`mfes/<name>/src/**\/*.stories.ts[x]`; `.ts` for
 * an MFE without React), under
 * "MFEs/<name>/…": built into this one Storybook (one preview, so the design system's themes,
 * viewports and axe apply, and addon-vitest tests them in CI).
 */
const mfeStories = readdirSync(mfesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(path.join(mfesDir, entry.name, 'src')))
  .filter((entry) =>
    readdirSync(path.join(mfesDir, entry.name, 'src'), { recursive: true }).some((file) =>
      /\.stories\.tsx?$/.test(String(file)),
    ),
  )
  .map((entry) => ({
    directory: `../../mfes/${entry.name}/src`,
    files: '**/*.stories.@(ts|tsx)',
    titlePrefix: `MFEs/${entry.name}`,
  }));

/**
 * Vite plugins an MFE's stories need beyond React's (e.g. the Angular compiler for
 * representation): the default export of `mfes/<name>/storybook.vite.ts`, where one exists, each
 * MFE limiting its plugins to its own sources.
 */
async function mfePlugins(): Promise<PluginOption[]> {
  const files = mfeStories
    .map((entry) => path.join(dirname, entry.directory, '../storybook.vite.ts'))
    .filter((file) => existsSync(file));
  const loaded = await Promise.all(
    files.map(
      async (file) => ((await import(pathToFileURL(file).href)) as { default: PluginOption[] }).default,
    ),
  );
  return loaded.flat();
}

type Refs = Record<string, { title: string; url: string; expanded?: boolean; sourceUrl?: string }>;

/**
 * Storybooks published by agencies outside this repository, composed by URL (Storybook
 * composition): `agency-refs.json` next to this file, plus `CARPETA_STORYBOOK_REFS` (the same JSON,
 * e.g. a local `http://localhost:6007` while an agency works on its MFE). Their stories show in
 * the sidebar; they are tested in the agency's own CI, not here.
 */
function agencyRefs(): Refs {
  const file = JSON.parse(readFileSync(path.join(dirname, 'agency-refs.json'), 'utf8')) as Refs;
  const fromEnv = process.env.CARPETA_STORYBOOK_REFS;
  return { ...file, ...(fromEnv ? (JSON.parse(fromEnv) as Refs) : {}) };
}

const config: StorybookConfig = {
  stories: ['../src/**/*.mdx', '../src/**/*.stories.@(ts|tsx)', ...mfeStories],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  refs: agencyRefs(),
  // First, so that an MFE's compiler runs before Storybook's own `pre` transforms (react-docgen).
  viteFinal: async (vite) => ({ ...vite, plugins: [...(await mfePlugins()), ...(vite.plugins ?? [])] }),
};

export default config;
