import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  carpetaMfeTests,
  defineCarpetaMfe,
  mfeContainerName,
  mfePort,
  mfeVariableStem,
  messagesChunkFileName,
  readPortOffset,
  runtimeVersionOnly,
  sdkCoreFromShare,
} from './vite.ts';
import {
  FEDERATION_RUNTIME_GROUP,
  LEAF_COPIES_GROUP,
  MESSAGES_CHUNK,
  type pageChunkGroup,
  RXJS_GROUP,
} from './federation.ts';
import * as sdkEntry from './index.ts';

const folders: string[] = [];
function pkg(carpeta: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'carpeta-vite-'));
  folders.push(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x', carpeta }));
  return dir;
}
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the MFE preset', () => {
  it('names the container and the variables as the portal topology does', () => {
    expect(mfeContainerName('my-data')).toBe('carpeta_my_data');
    expect(mfeVariableStem('my-data')).toBe('MY_DATA');
  });

  it('takes the port from PORT_MFE_<NAME>, else from the base and the package offset', () => {
    const root = pkg({ portOffset: 212 });
    expect(mfePort('tributos', root, {})).toBe(4212);
    expect(mfePort('tributos', root, { CARPETA_PORT_BASE: '8600' })).toBe(8812);
    expect(mfePort('tributos', root, { PORT_MFE_TRIBUTOS: '5123', CARPETA_PORT_BASE: '8600' })).toBe(5123);
    expect(() => mfePort('tributos', root, { PORT_MFE_TRIBUTOS: 'eighty' })).toThrow(
      'PORT_MFE_TRIBUTOS must be a port number',
    );
  });

  it('says which package lacks its port offset', () => {
    const root = pkg(undefined);
    expect(() => readPortOffset(root)).toThrow(/needs "carpeta": \{ "portOffset"/);
  });

  it('names the chunk of messages loaded on demand after their language, which the gateway finds', () => {
    const name = (facadeModuleId: string | null, isDynamicEntry = true) =>
      messagesChunkFileName({ facadeModuleId, isDynamicEntry });
    expect(name('/agency/mfe/src/messages/ca.ts')).toBe('assets/messages-[name]-[hash].js');
    expect(MESSAGES_CHUNK.exec('assets/messages-ca-Ab12_x-Y.js')?.[1]).toBe('ca');
    // Imported statically, Spanish or English stays where the bundler puts it; other modules too.
    expect(name('/agency/mfe/src/messages/en.ts', false)).toBe('assets/[name]-[hash].js');
    expect(name('/agency/mfe/src/messages/fr.ts')).toBe('assets/[name]-[hash].js');
    expect(name('/agency/mfe/src/ca.ts')).toBe('assets/[name]-[hash].js');
    expect(name(null)).toBe('assets/[name]-[hash].js');
    expect(MESSAGES_CHUNK.test('assets/ca-Ab12.js')).toBe(false);
  });

  it('gives React MFEs the one Preact in tests, and others none', () => {
    const react = carpetaMfeTests({ name: 'home' });
    expect(react.test).toMatchObject({ name: 'mfe-home', environment: 'happy-dom' });
    expect('resolve' in react).toBe(true);
    const vanilla = carpetaMfeTests({ name: 'municipal', framework: 'vanilla' });
    expect(vanilla).toEqual({
      test: { name: 'mfe-municipal', environment: 'happy-dom', include: ['src/**/*.test.{ts,tsx}'] },
    });
  });
});

describe('the preset’s federation', () => {
  /** An MFE's folder whose build plugins are stand-ins that return what they were given. */
  const mfe = () => {
    const root = pkg({ portOffset: 250 });
    const fake = (name: string, source: string) => {
      const folder = join(root, 'node_modules', ...name.split('/'));
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'package.json'), JSON.stringify({ name, type: 'module', main: 'index.js' }));
      writeFileSync(join(folder, 'index.js'), source);
    };
    fake(
      '@module-federation/vite',
      'export function federation(options) { return { name: "federation", options }; }',
    );
    fake('@vitejs/plugin-react', 'export default function react() { return { name: "react" }; }');
    return root;
  };
  type Shared = Record<string, { import?: unknown; singleton?: boolean }>;
  const build = async (
    framework: 'react' | 'angular' | 'vanilla',
    NODE_ENV: string,
    shareAngular?: boolean,
  ) => {
    const config = await defineCarpetaMfe({
      name: 'x',
      exposes: {},
      framework,
      ...(shareAngular === undefined ? {} : { shareAngular }),
      root: mfe(),
      env: { NODE_ENV },
    });
    const plugins = config.plugins as { name: string; options?: { shared: Shared }; transform?: unknown }[];
    const federation = plugins.find((plugin) => plugin.name === 'federation');
    return {
      names: plugins.map((plugin) => plugin.name),
      shared: federation?.options?.shared ?? {},
      plugins,
      groups: config.build.rolldownOptions.output.codeSplitting.groups,
    };
  };

  it('puts Vite’s preload helper in the remote’s federation runtime chunk, taking the federation plugin’s group over', async () => {
    const { plugins } = await build('react', 'production');
    const plugin = plugins.find(
      (candidate) => candidate.name === 'carpeta:preload-helper-with-the-runtime',
    ) as unknown as {
      apply: string;
      configResolved(config: unknown): void;
    };
    expect(plugin.apply).toBe('build');
    // The groups as @module-federation/vite 1.23 sets them, then the preset's.
    const helper = { name: 'vite-preload-helper', test: /\0?vite\/preload-helper/, priority: 1000001 };
    const named = { name: () => null, priority: 1000000 };
    const config = {
      build: {
        rolldownOptions: { output: { codeSplitting: { groups: [helper, named, FEDERATION_RUNTIME_GROUP] } } },
      },
    };
    plugin.configResolved(config);
    expect(helper.name).toBe('federation-runtime');
    expect(helper.priority).toBe(1000001);
    for (const id of [
      '\0vite/preload-helper.js',
      '/repo/node_modules/.pnpm/x/node_modules/@module-federation/runtime-core/dist/index.js',
      '\0virtual:mf-localSharedImportMap:carpeta_x',
    ])
      expect(helper.test.test(id), id).toBe(true);
    expect(helper.test.test('/repo/mfes/x/src/lifecycles.tsx')).toBe(false);
    expect(named.name()).toBeNull();
    expect(FEDERATION_RUNTIME_GROUP.name).toBe('federation-runtime');
    // Another shape (no such group, an array of outputs, no groups): nothing changes, nothing throws.
    const other = { name: 'vendor', test: /node_modules/ };
    plugin.configResolved({
      build: { rolldownOptions: { output: [{ codeSplitting: { groups: [other] } }, {}] } },
    });
    plugin.configResolved({ build: {} });
    expect(other).toEqual({ name: 'vendor', test: /node_modules/ });
  });

  it('puts a shared Angular’s core with its RxJS in one chunk, and otherwise the runtime only', async () => {
    const shared = await build('angular', 'production', true);
    expect(shared.groups).toEqual([FEDERATION_RUNTIME_GROUP, LEAF_COPIES_GROUP, RXJS_GROUP]);
    const own = await build('angular', 'production');
    expect(own.groups).toEqual([FEDERATION_RUNTIME_GROUP]);
    const react = await build('react', 'production');
    expect(react.groups).toEqual([FEDERATION_RUNTIME_GROUP]);
  });

  it('adds one page chunk per entry of pageChunks, for that exposed module’s path, and refuses an unknown one', async () => {
    const root = mfe();
    const options = {
      name: 'x',
      exposes: { './page': './src/page.ts' },
      framework: 'angular' as const,
      root,
    };
    const config = await defineCarpetaMfe({ ...options, pageChunks: { './page': 'page' }, env: {} });
    const groups = config.build.rolldownOptions.output.codeSplitting.groups;
    expect(groups[0]).toEqual(FEDERATION_RUNTIME_GROUP);
    const page = groups[1] as ReturnType<typeof pageChunkGroup>;
    expect(groups).toHaveLength(2);
    const graph = {
      getModuleInfo: (id: string) =>
        id === `${root}/src/form.ts`
          ? { importers: [`${root}/src/page.ts`], dynamicImporters: [], importedIds: [] }
          : null,
    };
    expect(page.name(`${root}/src/form.ts`, graph)).toBe('page');
    await expect(
      defineCarpetaMfe({ ...options, pageChunks: { './other': 'other' }, env: {} }),
    ).rejects.toThrow('./other is not one of the exposed modules');
  });

  it('relies on the shell for its singletons in a production build, and keeps a remote’s own Angular', async () => {
    const react = await build('react', 'production');
    expect(Object.keys(react.shared)).toContain('@carpeta/design-system');
    for (const [key, config] of Object.entries(react.shared)) expect(config.import, key).toBe(false);
    // An Angular remote bundles its part of Angular: Angular is not among its shares at all.
    const angular = await build('angular', 'production');
    expect(angular.shared['@carpeta/sdk']?.import).toBe(false);
    expect(Object.keys(angular.shared).sort()).toEqual(['@carpeta/sdk', 'i18next']);
    // Shared, the first such remote provides it: its copy is kept.
    const shared = await build('angular', 'production', true);
    expect(shared.shared['@angular/core']?.import).toBeUndefined();
    expect(shared.shared['@angular/core']?.singleton).toBe(true);
  });

  it('leaves a development server’s shares as the federation plugin sets them up', async () => {
    const react = await build('react', 'development');
    expect(Object.values(react.shared).map((config) => config.import)).not.toContain(false);
    expect(react.names).not.toContain('carpeta:single-spa-react-as-module');
    expect(react.names).not.toContain('carpeta:views-after-the-imports');
  });

  it('holds the views of shared modules back until no module has been read for a while', async () => {
    vi.useFakeTimers();
    try {
      const { plugins } = await build('vanilla', 'production');
      const plugin = plugins.find(
        (candidate) => candidate.name === 'carpeta:views-after-the-imports',
      ) as unknown as {
        buildStart(): void;
        load(id: string): Promise<null> | null;
        transform(): null;
        moduleParsed(): void;
      };
      plugin.buildStart();
      expect(plugin.load('/agency/mfe/src/app.ts')).toBeNull();
      let written = false;
      void plugin.load('\0virtual:mf:__mfe_internal__x__loadShare__carpeta_sdk.js')?.then(() => {
        written = true;
      });
      await vi.advanceTimersByTimeAsync(300);
      plugin.transform(); // a module read: the wait starts again
      await vi.advanceTimersByTimeAsync(300);
      plugin.moduleParsed();
      await vi.advanceTimersByTimeAsync(390);
      expect(written).toBe(false);
      await vi.advanceTimersByTimeAsync(20);
      expect(written).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('takes single-spa-react’s CommonJS attempt out of a React build only', async () => {
    const react = await build('react', 'production');
    expect(react.names).toEqual([
      'react',
      'carpeta:sdk-core-from-share',
      'carpeta:single-spa-react-as-module',
      'carpeta:views-after-the-imports',
      'federation',
      'carpeta:preload-helper-with-the-runtime',
    ]);
    expect((await build('vanilla', 'production')).names).not.toContain('carpeta:single-spa-react-as-module');
    const plugin = react.plugins[2] as unknown as {
      transform(code: string, id: string): { code: string } | null;
    };
    const esm =
      '/repo/node_modules/.pnpm/single-spa-react@6.0.2/node_modules/single-spa-react/lib/esm/single-spa-react.js';
    const code = 'var c=null;try{c=require("react").createContext()}catch(e){}var u={React:null};';
    expect(plugin.transform(code, esm)?.code).toBe('var c=null;var u={React:null};');
    expect(plugin.transform(code, '/repo/mfes/home/src/app.js')).toBeNull();
    expect(plugin.transform('var c=null;', esm)).toBeNull();
  });
});

describe('runtimeVersionOnly', () => {
  it('gives the federation runtime’s package.json only its version, and leaves other modules to Vite', () => {
    const dir = mkdtempSync(join(tmpdir(), 'carpeta-vite-'));
    folders.push(dir);
    const packageJson = (name: string) => {
      const folder = join(dir, 'node_modules', '@module-federation', name);
      mkdirSync(folder, { recursive: true });
      const file = join(folder, 'package.json');
      writeFileSync(
        file,
        JSON.stringify({ name, version: '2.9.1', scripts: { build: 'tsc' }, repository: 'r' }),
      );
      return file;
    };
    const plugin = runtimeVersionOnly();
    expect(plugin).toMatchObject({ name: 'carpeta:runtime-version-only', enforce: 'pre' });
    expect(JSON.parse(plugin.load(packageJson('runtime')) ?? 'null')).toEqual({ version: '2.9.1' });
    expect(plugin.load(packageJson('runtime-core'))).toBeNull();
    expect(
      plugin.load(join(dir, 'node_modules', '@module-federation', 'runtime', 'dist', 'index.js')),
    ).toBeNull();
  });
});

describe('sdkCoreFromShare', () => {
  const helper = '/repo/sdk/src/react/context.tsx';
  const resolveWith = () => {
    const calls: unknown[][] = [];
    const context = {
      resolve: (...args: unknown[]) => {
        calls.push(args);
        return Promise.resolve({ id: '\0virtual:mf:loadShare__carpeta_sdk' });
      },
    };
    return { calls, context };
  };

  it('resolves the framework helpers’ imports of the sdk’s core as the MFE’s own import of the shared sdk', async () => {
    const plugin = sdkCoreFromShare('/repo/mfes/home');
    expect(plugin).toMatchObject({ name: 'carpeta:sdk-core-from-share', enforce: 'pre', apply: 'build' });
    for (const [source, importer] of [
      ['../format.ts', helper],
      ['../i18n.ts', '/repo/sdk/src/angular/providers.ts'],
      ['../lazy-messages.ts', '/repo/sdk/src/react/lifecycles.tsx'],
      ['../languages.ts', 'C:\\repo\\sdk\\src\\angular\\providers.ts'],
      ['../errors.js', '/repo/node_modules/@carpeta/sdk/dist/react/resource.js'],
    ] as const) {
      const { calls, context } = resolveWith();
      await expect(plugin.resolveId.call(context, source, importer, { isEntry: false })).resolves.toEqual({
        id: '\0virtual:mf:loadShare__carpeta_sdk',
      });
      expect(calls).toEqual([
        ['@carpeta/sdk', join('/repo/mfes/home', 'src', 'index.ts'), { isEntry: false, skipSelf: true }],
      ]);
    }
  });

  it('writes the helpers’ imports of the core as imports of the sdk, which the federation plugin reads by name', async () => {
    const plugin = sdkCoreFromShare('/repo/mfes/home');
    const code = [
      "import { createFormatters, type Formatters } from '../format.ts';",
      'import { ApiError, isApiError } from "../errors.js";',
      "import type { CarpetaProps } from '../props.ts';",
      "import { CarpetaContext } from './context.tsx';",
    ].join('\n');
    expect(plugin.transform(code, helper)?.code).toBe(
      [
        "import { createFormatters, type Formatters } from '@carpeta/sdk';",
        'import { ApiError, isApiError } from "@carpeta/sdk";',
        "import type { CarpetaProps } from '../props.ts';",
        "import { CarpetaContext } from './context.tsx';",
      ].join('\n'),
    );
    expect(plugin.transform(code, '/repo/mfes/home/src/widgets/list.tsx')).toBeNull();
    expect(plugin.transform("import { x } from '../props.ts';", helper)).toBeNull();
    // What the rewrite imports is then resolved as the MFE's own import of the shared sdk.
    const { calls, context } = resolveWith();
    await plugin.resolveId.call(context, '@carpeta/sdk', helper, {});
    expect(calls).toEqual([['@carpeta/sdk', join('/repo/mfes/home', 'src', 'index.ts'), { skipSelf: true }]]);
  });

  it('leaves every other import to Vite: the MFE’s own, the sdk entry’s, other modules of the helpers', () => {
    const plugin = sdkCoreFromShare('/repo/mfes/home');
    const { calls, context } = resolveWith();
    for (const [source, importer] of [
      ['../format.ts', '/repo/mfes/home/src/widgets/list.tsx'],
      ['./format.ts', '/repo/sdk/src/index.ts'],
      ['../props.ts', helper],
      ['./context.tsx', '/repo/sdk/src/react/lifecycles.tsx'],
      ['../format.ts', '/repo/sdk/src/testing/props.ts'],
      ['../format.ts', undefined],
      ['@carpeta/sdk', '/repo/mfes/home/src/app.tsx'],
    ] as const)
      expect(plugin.resolveId.call(context, source, importer, {})).toBeNull();
    expect(calls).toEqual([]);
  });

  it('finds in the sdk’s entry every value the helpers import from the core', () => {
    const named = /import\s*\{([^}]*)\}\s*from\s*'\.\.\/(?:i18n|lazy-messages|format|errors|languages)\.ts'/g;
    const imported = new Set<string>();
    for (const folder of ['react', 'angular', 'vanilla']) {
      const dir = join(import.meta.dirname, folder);
      for (const file of readdirSync(dir).filter((name) => !name.includes('.test.'))) {
        for (const [, names = ''] of readFileSync(join(dir, file), 'utf8').matchAll(named))
          for (const name of names.split(',').map((part) => part.trim()))
            if (name && !name.startsWith('type ')) imported.add(name.split(/\s+as\s+/)[0] as string);
      }
    }
    expect([...imported].sort()).toEqual([
      'ApiError',
      'createFormatters',
      'formatLocale',
      'isApiError',
      'lazyTranslator',
      'mountedLanguage',
    ]);
    for (const name of imported) expect(sdkEntry, name).toHaveProperty(name);
  });
});
