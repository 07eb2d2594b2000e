import { afterEach, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import {
  CONTRACT_VERSION_RANGE,
  carpetaHost,
  carpetaRemote,
  FEDERATION_FILE,
  FRAMEWORK_FREE_SHARED,
  isFederationManifestUrl,
  FEDERATION_RUNTIME_GROUP,
  RXJS_CHUNK,
  RXJS_GROUP,
  LEAF_COPIES_GROUP,
  LOAD_SHARE_MODULE,
  LOAD_SHARE_WRAPPER,
  PREACT_VERSION,
  PREBUILT_SHARED,
  PREACT_VERSION_RANGE,
  pageChunkGroup,
  providedByTheShell,
  remoteEntryOfManifest,
} from './federation.ts';

const original = process.env.NODE_ENV;
afterEach(() => {
  process.env.NODE_ENV = original;
});

describe('the shared singletons of a build', () => {
  const keys = (shared: Record<string, unknown>) => Object.keys(shared).sort();
  const remote = () => carpetaRemote({ name: 'carpeta_x', exposes: { './lifecycles': './x.tsx' } });

  it('leaves the development JSX runtime out of production builds, host and remotes alike', () => {
    process.env.NODE_ENV = 'production';
    expect(keys(carpetaHost('carpeta_shell').shared)).not.toContain('react/jsx-dev-runtime');
    expect(keys(remote().shared)).not.toContain('react/jsx-dev-runtime');
    expect(keys(remote().shared)).toContain('react/jsx-runtime');
  });

  it('shares it from a development server, whose JSX transform imports it', () => {
    process.env.NODE_ENV = 'development';
    expect(keys(carpetaHost('carpeta_shell').shared)).toContain('react/jsx-dev-runtime');
    expect(keys(remote().shared)).toContain('react/jsx-dev-runtime');
  });

  it('gives the federation plugin minutes, not 10 s, to read which shared exports a slow build imports', () => {
    expect(remote().moduleParseTimeout).toBeGreaterThanOrEqual(120);
  });

  it('declares the same keys in the host and in a React remote, so each share has one provider', () => {
    for (const env of ['production', 'development']) {
      process.env.NODE_ENV = env;
      expect(keys(remote().shared)).toEqual(keys(carpetaHost('carpeta_shell').shared));
    }
  });
});

describe('providedByTheShell', () => {
  it('declares every singleton the shell provides without a copy of the remote’s own, and keeps the rest', () => {
    process.env.NODE_ENV = 'production';
    const react = carpetaRemote({ name: 'carpeta_x', exposes: {} }).shared;
    const shell = carpetaHost('carpeta_shell').shared;
    const relying = providedByTheShell(react);
    expect(Object.keys(relying)).toEqual(Object.keys(react));
    for (const key of Object.keys(shell)) expect(relying[key], key).toEqual({ ...react[key], import: false });

    // An Angular remote bundles its part of Angular unless it shares it with other Angular remotes.
    expect(
      Object.keys(carpetaRemote({ name: 'carpeta_z', exposes: {}, framework: 'angular' }).shared),
    ).toEqual(Object.keys(FRAMEWORK_FREE_SHARED));
    const angular = carpetaRemote({
      name: 'carpeta_y',
      exposes: {},
      framework: 'angular',
      shareAngular: true,
    }).shared;
    const relyingAngular = providedByTheShell(angular);
    expect(relyingAngular['@carpeta/sdk']?.import).toBe(false);
    expect(relyingAngular.i18next?.import).toBe(false);
    // Angular is provided by the first Angular remote, not by the shell: each keeps its copy.
    for (const key of ['@angular/core', '@angular/common', '@angular/platform-browser'])
      expect(relyingAngular[key], key).toEqual(angular[key]);
    // The remote's own options are not changed.
    expect(react['@carpeta/sdk']).not.toHaveProperty('import');
  });
});

describe('the version React’s share keys are registered at', () => {
  it('is the installed Preact’s, inside the range every remote requires', () => {
    const installed = (createRequire(import.meta.url)('preact/package.json') as { version: string }).version;
    expect(PREACT_VERSION).toBe(installed);
    expect(PREACT_VERSION_RANGE).toBe(`^${PREACT_VERSION}`);
    for (const [key, shared] of Object.entries(carpetaHost('carpeta_shell').shared)) {
      if (key.startsWith('react')) expect(shared).toMatchObject({ version: PREACT_VERSION });
    }
  });
});

describe('the contract’s version every remote requires', () => {
  it('is the major of the sdk and the design system as packed', () => {
    const require = createRequire(import.meta.url);
    const sdk = (require('../package.json') as { version: string }).version;
    const designSystem = (require('../../design-system/package.json') as { version: string }).version;
    expect(designSystem).toBe(sdk);
    expect(CONTRACT_VERSION_RANGE).toBe(`^${sdk.split('.')[0]}.0.0`);
    const shared = carpetaRemote({ name: 'carpeta_x', exposes: {} }).shared;
    expect(shared['@carpeta/sdk']).toMatchObject({
      requiredVersion: CONTRACT_VERSION_RANGE,
      strictVersion: true,
    });
  });
});

describe('the federation plugin’s file names', () => {
  // As @module-federation/vite 1.23 names them in the shell's and the MFEs' builds.
  const owner = '_virtual_mf___mfe_internal__carpeta_x__mf_owner__48572912977806';
  const loadShare = [
    `assets/${owner}__loadShare__shared-tHRBYiFv.js`,
    `assets/${owner}__loadShare__react__loadShare__.js-BHf7M_Qt.js`,
  ];
  const prebuild = [
    `assets/${owner}__prebuild___mf_0_angular_mf_1_core__prebuild__-DGgQhTBb.js`,
    `assets/${owner}__prebuild__i18next__prebuild__-0JYx-Fo0.js`,
  ];
  const runtime = [
    'assets/mf-entry-bootstrap-0-e4ee5040.js',
    'assets/hostInit-fe_XkeVv.js',
    'assets/pendingShares-FXVpJfl7.js',
    'remoteEntry.js',
    'assets/_virtual_mf-localSharedImportMap___mfe_internal__carpeta_x__mf_owner__1-CcjJm1Xn.js',
  ];
  const own = ['assets/lifecycles-wh5KPfhF.js', 'assets/index-C.js', 'assets/en-H.js', 'assets/shared-A.js'];

  it('tells the views of a shared module from its prebuilt copies, by name or URL', () => {
    for (const file of loadShare) {
      // The file is named after its virtual module, whose id carries the mark.
      expect(file).toContain(LOAD_SHARE_MODULE);
      expect(LOAD_SHARE_WRAPPER.test(file)).toBe(true);
      expect(LOAD_SHARE_WRAPPER.test(`https://mfe.example/${file}`)).toBe(true);
      expect(PREBUILT_SHARED.test(file)).toBe(false);
    }
    for (const file of prebuild) {
      expect(file).not.toContain(LOAD_SHARE_MODULE);
      expect(PREBUILT_SHARED.test(file)).toBe(true);
      expect(PREBUILT_SHARED.test(`https://mfe.example/${file}`)).toBe(true);
      expect(LOAD_SHARE_WRAPPER.test(file)).toBe(false);
    }
  });

  it('names the chunk of the copies that import no other shared package (LEAF_COPIES_GROUP)', () => {
    for (const file of [
      'assets/leaf-copies__prebuild__-C101dblu.js',
      'https://mfe.example/assets/leaf-copies__prebuild__-A_b-1234.js',
    ]) {
      expect(PREBUILT_SHARED.test(file)).toBe(true);
      expect(LOAD_SHARE_WRAPPER.test(file)).toBe(false);
    }
    for (const file of [
      'assets/my-leaf-copies__prebuild__-C101dblu.js',
      'assets/leaf-copies__prebuild__-C101dblu.css',
      'assets/leaf-copies-C101dblu.js',
    ])
      expect(PREBUILT_SHARED.test(file)).toBe(false);
  });

  it('knows the plugin’s own files, and none of the build’s', () => {
    for (const file of [...runtime, ...loadShare, ...prebuild]) expect(FEDERATION_FILE.test(file)).toBe(true);
    for (const file of own) {
      expect(FEDERATION_FILE.test(file)).toBe(false);
      expect(LOAD_SHARE_WRAPPER.test(file)).toBe(false);
      expect(PREBUILT_SHARED.test(file)).toBe(false);
    }
  });
});

describe('FEDERATION_RUNTIME_GROUP', () => {
  const pnpm = '/repo/node_modules/.pnpm/@module-federation+runtime@2.9.1/node_modules/@module-federation';
  it('takes the federation runtime’s packages, in any layout, and the plugin’s map of shared modules, and nothing else', () => {
    for (const id of [
      `${pnpm}/runtime/dist/index.js`,
      `${pnpm}/runtime/dist/helpers.js`,
      '/repo/node_modules/@module-federation/runtime-core/dist/shared/index.js',
      'C:\\repo\\node_modules\\@module-federation\\sdk\\dist\\dom.js',
      '/repo/node_modules/@module-federation/error-codes/dist/browser.mjs',
      '\0virtual:mf-localSharedImportMap:__mfe_internal__carpeta_home__mf_owner__1',
    ])
      expect(FEDERATION_RUNTIME_GROUP.test.test(id)).toBe(true);
    for (const id of [
      '/repo/node_modules/@module-federation/vite/lib/utils/injectExternalRuntimeCorePlugin.js',
      '/repo/sdk/src/federation.ts',
      '/repo/node_modules/preact/compat/dist/compat.module.js',
      'virtual:mf:__mfe_internal__carpeta_shell__loadShare__react__loadShare__.js',
      '\0virtual:mf:__mfe_internal__carpeta_home__mf_owner__1__H_A_I__hostAutoInit__H_A_I__.js',
      '\0vite/preload-helper.js',
      '/repo/mfes/home/src/localSharedImportMap.ts',
    ])
      expect(FEDERATION_RUNTIME_GROUP.test.test(id)).toBe(false);
  });
});

describe('RXJS_GROUP', () => {
  it('takes RxJS’s modules, in any layout, and nothing else', () => {
    for (const id of [
      '/repo/node_modules/.pnpm/rxjs@7.8.2/node_modules/rxjs/dist/esm/internal/Observable.js',
      'C:\\repo\\node_modules\\rxjs\\dist\\esm5\\internal\\Subject.js',
    ])
      expect(RXJS_GROUP.test.test(id)).toBe(true);
    for (const id of [
      '/repo/node_modules/@angular/core/fesm2022/core.mjs',
      '/repo/mfes/representation/src/rxjs/helpers.ts',
      '/repo/node_modules/rxjs-interop/index.js',
    ])
      expect(RXJS_GROUP.test.test(id)).toBe(false);
  });
});

describe('LEAF_COPIES_GROUP', () => {
  const prebuild = (name: string) =>
    `\0virtual:mf:__mfe_internal__carpeta_x__mf_owner__1__prebuild__${name}__prebuild__.js`;
  const view = (name: string) =>
    `\0virtual:mf:__mfe_internal__carpeta_x__mf_owner__1__loadShare__${name}__loadShare__.js`;
  const core = prebuild('_mf_0_angular_mf_1_core');
  const common = prebuild('_mf_0_angular_mf_1_common');
  const m = '/repo/node_modules/.pnpm/x/node_modules';
  const app = '/repo/mfes/x/src/app.ts';
  const lifecycles = '/repo/mfes/x/src/lifecycles.ts';
  // Each module's importers and static imports, as Rolldown's chunking context gives them: the
  // copies of @angular/core and /common, common importing the core through the remote's view of it.
  const graph: Record<string, { importers?: string[]; dynamicImporters?: string[]; importedIds?: string[] }> =
    {
      [core]: {
        dynamicImporters: ['\0virtual:mf-localSharedImportMap:x'],
        importedIds: [`${m}/@angular/core/core.mjs`],
      },
      [`${m}/@angular/core/core.mjs`]: {
        importers: [core],
        importedIds: [`${m}/@angular/core/signals.mjs`, `${m}/rxjs/index.js`, `${m}/tslib/tslib.mjs`],
      },
      [`${m}/@angular/core/signals.mjs`]: { importers: [`${m}/@angular/core/core.mjs`] },
      [`${m}/rxjs/index.js`]: {
        importers: [`${m}/@angular/core/core.mjs`, `${m}/@angular/common/common.mjs`],
        importedIds: [`${m}/rxjs/a.js`],
      },
      // A cycle whose only way in is Angular's copies.
      [`${m}/rxjs/a.js`]: {
        importers: [`${m}/rxjs/index.js`, `${m}/rxjs/b.js`],
        importedIds: [`${m}/rxjs/b.js`],
      },
      [`${m}/rxjs/b.js`]: { importers: [`${m}/rxjs/a.js`], importedIds: [`${m}/rxjs/a.js`] },
      [`${m}/tslib/tslib.mjs`]: { importers: [`${m}/@angular/core/core.mjs`] },
      [common]: {
        dynamicImporters: ['\0virtual:mf-localSharedImportMap:x'],
        importedIds: [`${m}/@angular/common/common.mjs`],
      },
      [`${m}/@angular/common/common.mjs`]: {
        importers: [common],
        importedIds: [
          view('_mf_0_angular_mf_1_core'),
          `${m}/rxjs/index.js`,
          `${m}/@angular/common/location.mjs`,
        ],
      },
      // Common's own module that imports nothing shared, and one that reaches the view through another.
      [`${m}/@angular/common/location.mjs`]: { importers: [`${m}/@angular/common/common.mjs`] },
      [`${m}/@angular/common/http.mjs`]: {
        importers: [common],
        importedIds: [`${m}/@angular/common/common.mjs`],
      },
      // What the MFE's own code imports too, and what only that imports.
      [`${m}/rxjs/operators.js`]: {
        importers: [`${m}/@angular/core/core.mjs`, app],
        importedIds: [`${m}/rxjs/map.js`],
      },
      [`${m}/rxjs/map.js`]: { importers: [`${m}/rxjs/operators.js`] },
      [`${m}/@angular/forms/forms.mjs`]: { importers: [app], importedIds: [view('_mf_0_angular_mf_1_core')] },
      [`${m}/lazy/index.js`]: { dynamicImporters: [app] },
      [app]: { importers: [lifecycles], importedIds: [view('_mf_0_angular_mf_1_core')] },
      [lifecycles]: { importedIds: [app] },
    };
  const context = {
    getModuleInfo: (id: string) => {
      const info = graph[id];
      return info
        ? {
            importers: info.importers ?? [],
            dynamicImporters: info.dynamicImporters ?? [],
            importedIds: info.importedIds ?? [],
          }
        : null;
    },
  };

  it('takes the copies that import no other shared package and what only the copies import, nothing else', () => {
    const taken = (id: string) => LEAF_COPIES_GROUP.name(id, context);
    for (const id of [
      core,
      `${m}/@angular/core/core.mjs`,
      `${m}/@angular/core/signals.mjs`,
      `${m}/rxjs/index.js`,
      `${m}/rxjs/a.js`,
      `${m}/rxjs/b.js`,
      `${m}/tslib/tslib.mjs`,
      `${m}/@angular/common/location.mjs`,
    ])
      expect(taken(id), id).toBe('leaf-copies__prebuild__');
    for (const id of [
      // It imports the core through the view: in the core's chunk, that chunk would wait for itself.
      common,
      `${m}/@angular/common/common.mjs`,
      `${m}/@angular/common/http.mjs`,
      view('_mf_0_angular_mf_1_core'),
      `${m}/rxjs/operators.js`,
      `${m}/rxjs/map.js`,
      `${m}/@angular/forms/forms.mjs`,
      `${m}/lazy/index.js`,
      app,
      lifecycles,
      '/repo/mfes/x/src/unknown.ts',
    ])
      expect(taken(id), id).toBeNull();
  });

  it('names its chunk as PREBUILT_SHARED knows it, and leaves the copies’ imports to its rule', () => {
    expect(PREBUILT_SHARED.test('assets/leaf-copies__prebuild__-C101dblu.js')).toBe(true);
    expect(LEAF_COPIES_GROUP.includeDependenciesRecursively).toBe(false);
  });
});

describe('remoteEntryOfManifest', () => {
  const url = 'https://mfe.example.es/tributos/mf-manifest.json';
  const manifest = (metaData: unknown) => ({ name: 'carpeta_tributos', metaData });

  it('names the remote entry beside the manifest, under its path, or under its public path', () => {
    const remoteEntry = { name: 'remoteEntry.js', path: '', type: 'module' };
    expect(remoteEntryOfManifest(manifest({ publicPath: 'auto', remoteEntry }), url)).toBe(
      'https://mfe.example.es/tributos/remoteEntry.js',
    );
    expect(
      remoteEntryOfManifest(manifest({ remoteEntry: { name: 'remoteEntry.js', path: 'js' } }), url),
    ).toBe('https://mfe.example.es/tributos/js/remoteEntry.js');
    expect(
      remoteEntryOfManifest(manifest({ publicPath: 'https://cdn.example.es/t/v2/', remoteEntry }), url),
    ).toBe('https://cdn.example.es/t/v2/remoteEntry.js');
    expect(remoteEntryOfManifest(manifest({ publicPath: '/static/', remoteEntry }), url)).toBe(
      'https://mfe.example.es/static/remoteEntry.js',
    );
  });

  it('refuses a document that names no remote entry, or gives its public path as code', () => {
    for (const document of [null, 'text', {}, manifest({}), manifest({ remoteEntry: { name: '' } })])
      expect(() => remoteEntryOfManifest(document, url)).toThrow('names no remote entry');
    expect(() =>
      remoteEntryOfManifest(
        manifest({
          getPublicPath: 'return "https://evil.example/"',
          remoteEntry: { name: 'remoteEntry.js' },
        }),
        url,
      ),
    ).toThrow('getPublicPath');
  });

  it('tells a manifest from a remote entry by the file’s extension', () => {
    expect(isFederationManifestUrl(url)).toBe(true);
    expect(isFederationManifestUrl('https://mfe.example.es/x/mf-manifest.json?carpeta-retry=2')).toBe(true);
    expect(isFederationManifestUrl('https://mfe.example.es/x/remoteEntry.js')).toBe(false);
  });
});

describe('pageChunkGroup', () => {
  const src = '/repo/mfes/x/src';
  const page = `${src}/lifecycles.ts`;
  const view = '\0virtual:mf:__mfe_internal__carpeta_x__mf_owner__1__loadShare__zod__loadShare__.js';
  const copy = '\0virtual:mf:__mfe_internal__carpeta_x__mf_owner__1__prebuild__rxjs__prebuild__.js';
  const runtime = '/repo/node_modules/@module-federation/runtime-core/dist/index.js';
  // The page imports its component, which imports the schemas and defers the form; the form
  // imports the schemas and a field of its own; a cycle between two of the page's modules.
  const graph: Record<string, { importers?: string[]; dynamicImporters?: string[] }> = {
    [page]: {},
    [`${src}/app.ts`]: { importers: [page, `${src}/cycle.ts`] },
    [`${src}/cycle.ts`]: { importers: [`${src}/app.ts`] },
    [`${src}/schemas.ts`]: { importers: [`${src}/app.ts`, `${src}/form.ts`] },
    [`${src}/form.ts`]: { dynamicImporters: [`${src}/app.ts`] },
    [`${src}/field.ts`]: { importers: [`${src}/form.ts`] },
    [`${src}/registry.ts`]: {},
    [view]: { importers: [`${src}/app.ts`] },
    [copy]: { importers: [`${src}/app.ts`] },
    [runtime]: { importers: [`${src}/app.ts`] },
    '\0rolldown/runtime.js': { importers: [`${src}/app.ts`] },
  };
  const context = {
    getModuleInfo: (id: string) => {
      const info = graph[id];
      return info
        ? { importers: info.importers ?? [], dynamicImporters: info.dynamicImporters ?? [], importedIds: [] }
        : null;
    },
  };

  it('takes what the page imports, directly or not, and not the page, its deferred parts or the federation’s modules', () => {
    const group = pageChunkGroup(page, 'powers');
    for (const id of [`${src}/app.ts`, `${src}/cycle.ts`, `${src}/schemas.ts`])
      expect(group.name(id, context), id).toBe('powers');
    for (const id of [
      page,
      `${src}/form.ts`,
      `${src}/field.ts`,
      `${src}/registry.ts`,
      view,
      copy,
      runtime,
      '\0rolldown/runtime.js',
      `${src}/unknown.ts`,
    ])
      expect(group.name(id, context), id).toBeNull();
    expect(group.priority).toBe(0);
  });
});

describe('RXJS_CHUNK', () => {
  it('names the chunk of RXJS_GROUP, by name or URL, and not an MFE’s own chunk named after RxJS', () => {
    for (const file of ['assets/rxjs-DPpb3r4c.js', 'https://mfe.example/assets/rxjs-A_b-1234.js'])
      expect(RXJS_CHUNK.test(file)).toBe(true);
    for (const file of [
      'assets/rxjs-helpers-DPpb3r4c.js',
      'assets/my-rxjs-DPpb3r4c.js',
      'assets/rxjs-DPpb3r4c.css',
      'assets/Observable-DPpb3r4c.js',
    ])
      expect(RXJS_CHUNK.test(file)).toBe(false);
  });
});
