/// <reference types="node" />
/**
 * One preset for every micro-frontend's build and tests, so that an MFE's `vite.config.ts` and
 * `vitest.config.ts` say only what is its own (name, exposed modules, framework):
 *
 *   // vite.config.ts
 *   import { defineCarpetaMfe } from '@carpeta/sdk/vite';
 *   export default defineCarpetaMfe({ name: 'home', exposes: { './lifecycles': './src/lifecycles.tsx' } });
 *
 *   // vitest.config.ts
 *   import { defineProject } from 'vitest/config';
 *   import { carpetaMfeTests } from '@carpeta/sdk/vite';
 *   export default defineProject(carpetaMfeTests({ name: 'home' }));
 *
 * The port comes from the package's `carpeta.portOffset` (package.json) and `CARPETA_PORT_BASE`, or
 * from `PORT_MFE_<NAME>`, the variable the portal's launcher sets: the same rule as
 * `scripts/lib/topology.ts`, so a new MFE never picks its port or its variable names by hand.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type CarpetaRemoteOptions,
  carpetaRemote,
  FEDERATION_RUNTIME_GROUP,
  LEAF_COPIES_GROUP,
  LOAD_SHARE_MODULE,
  MESSAGES_MODULE,
  PREACT_TEST_DEPS,
  pageChunkGroup,
  preactForTests,
  providedByTheShell,
  RXJS_GROUP,
} from './federation.ts';

/** A Vite plugin (or an array of them, or a falsy value), as `vite.config.ts` lists them. */
export type PluginOption = unknown;

/** The Vite configuration the preset returns (a subset of Vite's `UserConfig`). */
export interface CarpetaViteConfig {
  base: string;
  plugins: PluginOption[];
  build: {
    target: string;
    sourcemap: boolean;
    /**
     * The federation runtime in one chunk (`FEDERATION_RUNTIME_GROUP`); for Angular shared
     * (`shareAngular`), its core with the RxJS it imports in one (`LEAF_COPIES_GROUP`) and what the
     * MFE imports of RxJS in one (`RXJS_GROUP`); then one chunk per entry of `pageChunks`
     * (`pageChunkGroup`).
     */
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: (
            | typeof FEDERATION_RUNTIME_GROUP
            | typeof LEAF_COPIES_GROUP
            | typeof RXJS_GROUP
            | ReturnType<typeof pageChunkGroup>
          )[];
        };
        /** `messages-<language>-<hash>.js` for messages loaded on demand (`messagesChunkFileName`). */
        chunkFileNames: typeof messagesChunkFileName;
      };
    };
  };
  server: { host: string; port: number; strictPort: boolean; origin: string; cors: boolean };
}

/**
 * The build plugins are the MFE's own devDependencies (`vite`, `@module-federation/vite`, and
 * `@vitejs/plugin-react` for React), loaded from the MFE's folder: the sdk installs none of them, so
 * each MFE builds with the versions it pins, and a plain-JavaScript MFE needs no React plugin.
 */
async function loadFrom<T>(root: string, specifier: string): Promise<T> {
  let path: string;
  try {
    path = createRequire(join(root, 'package.json')).resolve(specifier);
  } catch {
    throw new Error(`${specifier} is not installed in ${root}: add it to the MFE's devDependencies`);
  }
  return (await import(pathToFileURL(path).href)) as T;
}

export type CarpetaFramework = NonNullable<CarpetaRemoteOptions['framework']>;

export interface CarpetaMfeOptions {
  /**
   * The MFE's folder name under `mfes/`, e.g. "my-data": its container is `carpeta_my_data` and its
   * port variable `PORT_MFE_MY_DATA`.
   */
  name: string;
  /** The container name when it is not `carpeta_<name>` (e.g. "carpeta_health" for "health"). */
  container?: string;
  /** The modules the shell loads, usually `{ './lifecycles': './src/lifecycles.tsx' }`. */
  exposes: Record<string, string>;
  /** `react` (default), `vanilla` (plain JavaScript, no framework) or `angular`. */
  framework?: CarpetaFramework;
  /**
   * For `framework: 'angular'`: share Angular with the other Angular remotes that share it, instead
   * of bundling the part of it this MFE uses (`CarpetaRemoteOptions.shareAngular`). Default `false`.
   */
  shareAngular?: boolean;
  /**
   * For an exposed module (a key of `exposes`) whose page defers parts of itself, the name of one
   * chunk for everything of the MFE's own it imports statically (`pageChunkGroup`), e.g.
   * `{ './lifecycles': 'powers' }`: what the page shares with its deferred parts then adds no script.
   */
  pageChunks?: Record<string, string>;
  /**
   * Plugins of the MFE's own, placed before federation: an Angular MFE passes its compiler here
   * (it needs the MFE's own tsconfig). React's plugin is added by the preset.
   */
  plugins?: PluginOption[];
  /** The package's folder (default: the current directory, where `vite` runs). */
  root?: string;
  /** The environment to read the port and `NODE_ENV` from (default: `process.env`). */
  env?: Record<string, string | undefined>;
}

/** `my-data` → `MY_DATA`: the stem of `PORT_MFE_*` and `MFE_*_URL`, as the portal's topology spells it. */
export function mfeVariableStem(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

/** `my-data` → `carpeta_my_data`. */
export function mfeContainerName(name: string): string {
  return `carpeta_${name.toLowerCase().replace(/[^a-z0-9]/g, '_')}`;
}

/** The Vite plugin `runtimeVersionOnly` returns (a subset of Vite's `Plugin`). */
export interface RuntimeVersionOnlyPlugin {
  name: 'carpeta:runtime-version-only';
  enforce: 'pre';
  /** The runtime's package.json as `{ "version": ... }`; `null` (Vite's own loading) for any other module. */
  load(id: string): string | null;
}

const RUNTIME_PACKAGE_JSON = /[\\/]@module-federation[\\/]runtime[\\/]package\.json$/;

/**
 * A Vite plugin for a Module Federation host: the federation plugin's runtime-core plugin imports
 * the runtime's whole package.json (`@module-federation/runtime`) to read its version, and the
 * host's remote entry, loaded on every route, carried all of it (scripts, exports, repository).
 * This plugin gives that module only the version (the shell, which imports that file itself to
 * name the runtime it provides, uses it too). Place it before `federation(...)`:
 *
 *   plugins: [react(), runtimeVersionOnly(), federation(carpetaHost('carpeta_conformance'))]
 *
 * A remote's build does not carry that package.json: `mfes/home` built by `defineCarpetaMfe` with
 * and without this plugin gave the same files, byte for byte, so the preset does not add it.
 */
export function runtimeVersionOnly(): RuntimeVersionOnlyPlugin {
  return {
    name: 'carpeta:runtime-version-only',
    enforce: 'pre',
    load(id) {
      if (!RUNTIME_PACKAGE_JSON.test(id)) return null;
      const { version } = JSON.parse(readFileSync(id, 'utf8')) as { version: string };
      return JSON.stringify({ version });
    },
  };
}

/** The Vite plugin `sdkCoreFromShare` returns (a subset of Vite's `Plugin`). */
export interface SdkCoreFromSharePlugin {
  name: 'carpeta:sdk-core-from-share';
  enforce: 'pre';
  apply: 'build';
  resolveId(
    this: { resolve(source: string, importer?: string, options?: object): Promise<unknown> },
    source: string,
    importer: string | undefined,
    options: object,
  ): Promise<unknown> | null;
  /**
   * A helper's imports of the sdk's core, written `from '@carpeta/sdk'`: the federation plugin
   * reads a module's imports of a shared package by their names, to give the remote's view of the
   * shared sdk only the exports the remote uses.
   */
  transform(code: string, id: string): { code: string; map: null } | null;
}

/** A framework helper of the sdk (`@carpeta/sdk/react`, `/angular`, `/vanilla`), in its sources or its build. */
const SDK_FRAMEWORK_HELPER = /[\\/]sdk[\\/](?:src|dist)[\\/](?:react|angular|vanilla)[\\/][^\\/]+$/;
/** The sdk's core modules those helpers import, each exported by the sdk's entry as well. */
const SDK_CORE_MODULE = /^\.\.\/(?:i18n|lazy-messages|format|errors|languages)\.[jt]s$/;
/** An import or re-export of one of those modules in a helper's code. */
const SDK_CORE_IMPORT = /(\bfrom\s*)(['"])\.\.\/(?:i18n|lazy-messages|format|errors|languages)\.[jt]s\2/g;
const SDK = '@carpeta/sdk';

/**
 * A Vite plugin for a remote's build: the sdk's framework helpers, which each remote bundles, take
 * the sdk's core (translation and messages loaded on demand, formatting, errors, languages) from the shared `@carpeta/sdk` the
 * shell provides, instead of bundling those modules again. The federation plugin keeps an import
 * of a shared package from inside that package local (its own copy of the sdk, for a host that
 * provides none, is built that way), so the helpers' relative imports are resolved here as an
 * import from the MFE itself. Bundled, they were a second copy of those modules in every remote,
 * and a chunk of their own that every React route fetched, as the remote's copy of the sdk holds
 * them too. The helpers then call the very functions the shell and the other MFEs call.
 */
export function sdkCoreFromShare(root: string): SdkCoreFromSharePlugin {
  const fromTheMfe = join(root, 'src', 'index.ts');
  return {
    name: 'carpeta:sdk-core-from-share',
    enforce: 'pre',
    apply: 'build',
    resolveId(source, importer, options) {
      if (!importer || !SDK_FRAMEWORK_HELPER.test(importer)) return null;
      if (source !== SDK && !SDK_CORE_MODULE.test(source)) return null;
      return this.resolve(SDK, fromTheMfe, { ...options, skipSelf: true });
    },
    transform(code, id) {
      if (!SDK_FRAMEWORK_HELPER.test(id)) return null;
      const rewritten = code.replace(
        SDK_CORE_IMPORT,
        (_match, from: string, quote: string) => `${from}${quote}${SDK}${quote}`,
      );
      return rewritten === code ? null : { code: rewritten, map: null };
    },
  };
}

/** The federation plugin's code-splitting group of Vite's preload helper, as it names it (1.23). */
const PRELOAD_HELPER_GROUP = 'vite-preload-helper';

/** The little of a resolved Vite config this plugin reads: the build's code-splitting groups. */
interface ResolvedGroups {
  build: { rolldownOptions?: { output?: unknown } };
}

/**
 * A Vite plugin for a remote's production build: it puts Vite's preload helper in the remote's
 * federation runtime chunk (`FEDERATION_RUNTIME_GROUP`). The federation plugin gives the helper a
 * chunk of its own, through a code-splitting group above every other (0.8 KB gzip): one more
 * script on every route with a remote, which the remote entry and the exposed module import before
 * anything runs. The runtime chunk is the remote entry's first import, and the helper imports
 * nothing: there it brings the entry no import it did not have. The plugin takes the federation
 * plugin's group over (the same highest priority, the runtime's modules too, its name); if that
 * group is not found (another version of the plugin), it changes nothing, and the first-route
 * budget test finds the script again.
 */
function preloadHelperWithTheRuntime() {
  return {
    name: 'carpeta:preload-helper-with-the-runtime',
    apply: 'build' as const,
    configResolved(config: ResolvedGroups) {
      const outputs = config.build.rolldownOptions?.output;
      for (const output of Array.isArray(outputs) ? outputs : [outputs]) {
        const groups = (output as { codeSplitting?: { groups?: unknown } } | undefined)?.codeSplitting
          ?.groups;
        if (!Array.isArray(groups)) continue;
        for (const group of groups as { name?: unknown; test?: unknown }[]) {
          if (group.name !== PRELOAD_HELPER_GROUP || !(group.test instanceof RegExp)) continue;
          group.test = new RegExp(`${group.test.source}|${FEDERATION_RUNTIME_GROUP.test.source}`);
          group.name = FEDERATION_RUNTIME_GROUP.name;
        }
      }
    },
  };
}

/** single-spa-react's ES module build, whichever folder it is installed in. */
const SINGLE_SPA_REACT_ESM = /[\\/]single-spa-react[\\/]lib[\\/]esm[\\/]single-spa-react\.js$/;
/** Its attempt at a context of its own through CommonJS, which throws in an ES module, and is caught. */
const SINGLE_SPA_REACT_REQUIRE = 'try{c=require("react").createContext()}catch(e){}';

/**
 * A Vite plugin for a React remote's production build: single-spa-react's ES module build tries
 * `require("react")` to make a context of its own (`SingleSpaContext`, which no Carpeta MFE uses:
 * the sdk's hooks read its own). In a browser's ES module that throws and is caught; a bundler
 * makes it work, and the federation plugin, which cannot tell which of React's exports a `require`
 * reads, then gave the remote's view of the shared React all of them (0.7 KB gzip on every React
 * route). The plugin removes that statement, so the module does in a build what it does unbundled.
 */
function singleSpaReactAsModule() {
  return {
    name: 'carpeta:single-spa-react-as-module',
    enforce: 'pre' as const,
    apply: 'build' as const,
    transform(code: string, id: string) {
      if (!SINGLE_SPA_REACT_ESM.test(id) || !code.includes(SINGLE_SPA_REACT_REQUIRE)) return null;
      return { code: code.replace(SINGLE_SPA_REACT_REQUIRE, ''), map: null };
    },
  };
}

/** The Vite plugin `viewsAfterTheImports` returns (a subset of Vite's `Plugin`). */
export interface ViewsAfterTheImportsPlugin {
  name: 'carpeta:views-after-the-imports';
  enforce: 'pre';
  apply: 'build';
  /** Every hook below counts as the build reading a module, but `load` of a view. */
  buildStart(): void;
  resolveId(): null;
  /** A view of a shared module waits for the build to go quiet; any other module is left to Vite. */
  load(id: string): Promise<null> | null;
  transform(): null;
  moduleParsed(): void;
}

/**
 * A Vite plugin for a remote's production build with `providedByTheShell`: it holds back the
 * federation plugin's views of shared modules until the build has gone `quietMs` without resolving,
 * loading, transforming or parsing a module. The federation plugin writes each view with the
 * exports the remote imports by name once it deems every module read: 10 ms after the last module
 * it knew of was parsed. Rolldown tells plugins of a parsed module's imports only as it loads
 * them, and on a busy machine the next module came later than that: a view lacked an export of a
 * module read afterwards, and the build failed (4 of 20 builds of four MFEs built side by side;
 * none of 50 with this plugin). `defineCarpetaMfe` adds it; a hand-written configuration that uses
 * `providedByTheShell` places it before `federation(...)`.
 */
export function viewsAfterTheImports(quietMs = 400): ViewsAfterTheImportsPlugin {
  let last = Date.now();
  const touch = () => {
    last = Date.now();
  };
  const quiet = async (): Promise<null> => {
    for (let left = quietMs; left > 0; left = quietMs - (Date.now() - last))
      await new Promise((resolve) => setTimeout(resolve, left));
    return null;
  };
  return {
    name: 'carpeta:views-after-the-imports',
    enforce: 'pre',
    apply: 'build',
    buildStart: touch,
    resolveId() {
      touch();
      return null;
    },
    load(id) {
      if (id.includes(LOAD_SHARE_MODULE)) return quiet();
      touch();
      return null;
    },
    transform() {
      touch();
      return null;
    },
    moduleParsed: touch,
  };
}

const DEFAULT_PORT_BASE = 4000;

/** The package's `carpeta.portOffset` from its package.json. */
export function readPortOffset(root: string): number {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    carpeta?: { portOffset?: unknown };
  };
  const offset = pkg.carpeta?.portOffset;
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 1) {
    throw new Error(`${join(root, 'package.json')} needs "carpeta": { "portOffset": <a whole number> }`);
  }
  return offset;
}

/** The development server's port: `PORT_MFE_<NAME>`, else `CARPETA_PORT_BASE` (4000) + the offset. */
export function mfePort(name: string, root: string, env: Record<string, string | undefined>): number {
  const variable = `PORT_MFE_${mfeVariableStem(name)}`;
  const raw = env[variable];
  if (raw !== undefined && raw !== '') {
    const port = Number(raw);
    if (!Number.isInteger(port) || port < 1 || port > 65_535) {
      throw new Error(`${variable} must be a port number, got "${raw}"`);
    }
    return port;
  }
  const base = Number(env.CARPETA_PORT_BASE || DEFAULT_PORT_BASE);
  return base + readPortOffset(root);
}

/**
 * The whole Vite configuration of a Carpeta remote: the framework's plugin, Module Federation with
 * the portal's shared singletons (`carpetaRemote`), relative asset URLs (the gateway or a CDN serves
 * the folder anywhere), ES2022 with source maps, and a development server on 127.0.0.1 whose assets
 * the shell may load from its own origin (CORS, absolute `origin`).
 */
export async function defineCarpetaMfe(options: CarpetaMfeOptions): Promise<CarpetaViteConfig> {
  const framework = options.framework ?? 'react';
  const env = options.env ?? process.env;
  const root = options.root ?? process.cwd();
  const port = mfePort(options.name, root, env);
  const { federation } = await loadFrom<{ federation(options: unknown): PluginOption }>(
    root,
    '@module-federation/vite',
  );
  const plugins: PluginOption[] = [];
  if (framework === 'react') {
    const { default: react } = await loadFrom<{ default: () => PluginOption }>(root, '@vitejs/plugin-react');
    plugins.push(react());
  }
  plugins.push(...(options.plugins ?? []));
  plugins.push(sdkCoreFromShare(root));
  const remote = carpetaRemote({
    name: options.container ?? mfeContainerName(options.name),
    exposes: options.exposes,
    framework,
    shareAngular: options.shareAngular ?? false,
  });
  // Vite sets NODE_ENV before it reads the config: `production` for `vite build`. A development
  // server is left as the federation plugin sets it up (its copies, unused while the shell provides
  // its own): the plugin reads which exports a remote uses only in a build.
  const production = env.NODE_ENV === 'production';
  if (production && framework === 'react') plugins.push(singleSpaReactAsModule());
  if (production) plugins.push(viewsAfterTheImports());
  plugins.push(federation(production ? { ...remote, shared: providedByTheShell(remote.shared) } : remote));
  plugins.push(preloadHelperWithTheRuntime());
  const pageGroups = Object.entries(options.pageChunks ?? {}).map(([exposed, chunk]) => {
    const path = options.exposes[exposed];
    if (path === undefined) throw new Error(`pageChunks: ${exposed} is not one of the exposed modules`);
    return pageChunkGroup(resolve(root, path), chunk);
  });
  return {
    base: './',
    plugins,
    build: {
      target: 'es2022',
      sourcemap: true,
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [
              ...(framework === 'angular' && options.shareAngular
                ? [FEDERATION_RUNTIME_GROUP, LEAF_COPIES_GROUP, RXJS_GROUP]
                : [FEDERATION_RUNTIME_GROUP]),
              ...pageGroups,
            ],
          },
          chunkFileNames: messagesChunkFileName,
        },
      },
    },
    server: { host: '127.0.0.1', port, strictPort: true, origin: `http://127.0.0.1:${port}`, cors: true },
  };
}

/**
 * A chunk's file name: `assets/messages-<language>-<hash>.js` for an MFE's messages of one language
 * imported on demand (`src/messages/<language>.ts`, `LazyMessageCatalog`), which the gateway finds
 * among the remote's chunks (`MESSAGES_CHUNK`) and hints on a page in that language; Vite's
 * `assets/[name]-[hash].js` for every other chunk.
 */
export function messagesChunkFileName(chunk: {
  facadeModuleId: string | null;
  isDynamicEntry: boolean;
}): string {
  return chunk.isDynamicEntry && chunk.facadeModuleId && MESSAGES_MODULE.test(chunk.facadeModuleId)
    ? 'assets/messages-[name]-[hash].js'
    : 'assets/[name]-[hash].js';
}

export interface CarpetaMfeTestOptions {
  /** The folder name: the Vitest project is `mfe-<name>`. */
  name: string;
  framework?: CarpetaFramework;
}

/**
 * A Vitest project for an MFE's unit tests (`defineProject(carpetaMfeTests({ name }))`): happy-dom,
 * `src/**\/*.test.ts(x)`, and for React MFEs the one Preact the portal runs on (`preactForTests`).
 * An Angular MFE keeps its own (its compiler runs just in time under Vitest).
 */
export function carpetaMfeTests(options: CarpetaMfeTestOptions) {
  const test = {
    name: `mfe-${options.name}`,
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
  };
  if ((options.framework ?? 'react') !== 'react') return { test };
  // Installed from the registry (outside this repository), the contract is in node_modules: Vitest
  // would load it with Node, around the aliases, and its React helpers would import real React.
  const server = { deps: { inline: ['@carpeta/sdk', '@carpeta/design-system'] } };
  return { ...preactForTests, test: { ...test, deps: PREACT_TEST_DEPS, server } };
}
