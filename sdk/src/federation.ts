/**
 * Build-time Module Federation settings every Carpeta host and remote uses, so that the browser
 * loads exactly one copy of each shared module. Import it from vite.config.ts:
 *
 *   federation({ ...carpetaRemote({ name: 'carpeta_home', exposes: { './lifecycles': './src/lifecycles.tsx' } }) })
 */

/**
 * React's API is provided by Preact's compatibility layer (`preact/compat`, ~11 KB gzip instead of
 * React and react-dom's ~71 KB): every import of `react`, `react-dom`, `react-dom/client` and
 * `react/jsx-runtime` is a shared module whose implementation (`import`) is Preact's. The share
 * keys stay React's: the shell provides them, once, and every remote built with this preset uses
 * that copy. Preact is pinned to one exact version in every React package of the workspace. What
 * differs from React 19: a component that takes `ref` as a prop needs `forwardRef` (the design
 * system's `withRef`), and `onChange` of a text field follows `input` events only.
 */
export const PREACT_VERSION_RANGE = '^10.29.8';
/**
 * The version every React share key is registered at: Preact's (pinned exactly across the
 * workspace; a unit test compares it with the installed Preact). Without it, `react`, whose
 * implementation is a file of the sdk, was registered at the sdk's version (0.1.0), and every remote
 * warned that it does not satisfy `^10.29.8`.
 */
export const PREACT_VERSION = '10.29.8';
const preact = (implementation: string) =>
  ({
    singleton: true,
    requiredVersion: PREACT_VERSION_RANGE,
    version: PREACT_VERSION,
    import: implementation,
  }) as const;
export const REACT_AS_PREACT = {
  // preact/compat with a page-wide unique `useId` (Preact numbers ids per render root).
  react: /* @__PURE__ */ preact('@carpeta/sdk/preact/react'),
  'react-dom': /* @__PURE__ */ preact('preact/compat'),
  'react-dom/client': /* @__PURE__ */ preact('preact/compat/client'),
  'react/jsx-runtime': /* @__PURE__ */ preact('preact/compat/jsx-runtime'),
  'react/jsx-dev-runtime': /* @__PURE__ */ preact('preact/compat/jsx-dev-runtime'),
} as const;

/**
 * For a unit-test config (`defineProject({ ...preactForTests, test: { deps: PREACT_TEST_DEPS } })`):
 * `react` and `react-dom` resolve to Preact, as in the builds, so that the tests and the code they
 * render use the one Preact the portal runs on (Node's own resolution would load real React for
 * testing-library, or a second Preact).
 */
// `.ts` in the workspace (the sources), `.js` in the published build (dist/); `String`, as a test
// environment of a browser may give `import.meta.url` as the page's `location`. The shell's browser
// code imports this module too (`remoteEntryOfManifest`): what follows is marked pure and hidden
// from Vite's `new URL(…, import.meta.url)` asset transform, so a browser build leaves it out.
const testShim = (file: string) =>
  decodeURIComponent(
    new URL(
      /* @vite-ignore */ `./testing/${file}${String(import.meta.url).endsWith('.ts') ? '.ts' : '.js'}`,
      import.meta.url,
    ).pathname,
  );
export const preactForTests = {
  resolve: {
    alias: [
      // Files of the sdk, not packages: testing-library (CommonJS) then imports them as ES modules,
      // and so the one Preact its tests render with.
      { find: /^react(-dom)?$/, replacement: /* @__PURE__ */ testShim('react-for-tests') },
      { find: /^react-dom\/test-utils$/, replacement: /* @__PURE__ */ testShim('react-for-tests') },
      { find: /^react-dom\/client$/, replacement: /* @__PURE__ */ testShim('react-dom-client-for-tests') },
      { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
      { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
    ],
  },
};
/** testing-library is CommonJS: bundled for the tests, with the aliases above applied. */
export const PREACT_TEST_DEPS = {
  optimizer: {
    client: {
      enabled: true,
      include: [
        '@testing-library/react',
        'preact',
        'preact/hooks',
        'preact/compat',
        'preact/compat/client',
        'preact/compat/jsx-runtime',
        'preact/compat/jsx-dev-runtime',
        'preact/test-utils',
      ],
    },
  },
};

/**
 * The contract's major version an MFE built with this preset requires (semver: `^1.0.0` accepts
 * any 1.x). The sdk and the design system are shared with `strictVersion`: a remote built against
 * another major is refused when it loads, not mounted against an API it was not written for.
 */
export const CONTRACT_VERSION_RANGE = '^1.0.0';

const I18NEXT_SHARE = { singleton: true, requiredVersion: '^26.0.0' } as const;
const SDK_SHARE = { singleton: true, requiredVersion: CONTRACT_VERSION_RANGE, strictVersion: true } as const;

export const SHARED_SINGLETONS = {
  ...REACT_AS_PREACT,
  i18next: I18NEXT_SHARE,
  '@carpeta/sdk': SDK_SHARE,
  '@carpeta/design-system': { singleton: true, requiredVersion: CONTRACT_VERSION_RANGE, strictVersion: true },
} as const;

/**
 * What a remote without React shares: the shell provides both, so a plain-JavaScript MFE downloads
 * neither (and, not declaring React, never asks for it).
 */
export const FRAMEWORK_FREE_SHARED = {
  i18next: I18NEXT_SHARE,
  '@carpeta/sdk': SDK_SHARE,
} as const;

/**
 * Angular, for Angular remotes that share it among themselves (`shareAngular`): the shell does not
 * declare it, so a route without an Angular MFE downloads no Angular code, and the first such remote
 * to load provides the one copy every other one then uses (share strategy `loaded-first`). Every
 * `@angular/*` package of every Angular MFE that shares it must be the same exact version. A shared
 * copy is the whole of each package (a singleton must serve every remote), about 150 KB gzip; an
 * Angular remote that does not share it bundles only what it uses (about 50 KB with RxJS for the
 * portal's powers of attorney).
 */
export const ANGULAR_SINGLETONS = {
  '@angular/core': { singleton: true, requiredVersion: '^22.0.0' },
  '@angular/common': { singleton: true, requiredVersion: '^22.0.0' },
  '@angular/platform-browser': { singleton: true, requiredVersion: '^22.0.0' },
} as const;

/*
 * The names @module-federation/vite (1.23) gives the files it emits, as the gateway recognises them
 * in remotes' builds: kept here, so that a plugin upgrade that renames them is met in one place.
 */

/**
 * The federation plugin's own files: a host's bootstrap (`mf-entry-bootstrap`), its init
 * (`hostInit`, `pendingShares`), a remote's entry (`remoteEntry`) and the plugin's virtual modules
 * (`_virtual_mf…`: the `loadShare` wrappers, the `prebuild` chunks; a remote built by
 * `defineCarpetaMfe` has its shared modules' map in its runtime chunk, `FEDERATION_RUNTIME_GROUP`).
 *
 * @deprecated Nothing in the portal reads it since the shell stopped using the plugin's host build
 * (the shell's build followed these files' run-time imports); it will be removed in the next major
 * version. `LOAD_SHARE_WRAPPER` and `PREBUILT_SHARED` name the files the gateway hints.
 */
export const FEDERATION_FILE =
  /(?:^|\/)(?:mf-entry-bootstrap|hostInit|pendingShares|remoteEntry|_virtual_mf)[^/]*\.js$/;
/**
 * A build's view of a shared module: the plugin's `loadShare` wrapper, which asks the share scope
 * for the provider's copy. Every mount of a remote loads its wrappers, one level after the exposed
 * module's own chunks.
 */
export const LOAD_SHARE_WRAPPER = /(?:^|\/)_virtual_mf___[^/]*__loadShare__[^/]*\.js$/;
/**
 * The mark in the id of the plugin's virtual module of a view of a shared module (its `loadShare`
 * wrapper), before it is a file: what `viewsAfterTheImports` (`@carpeta/sdk/vite`) holds back.
 */
export const LOAD_SHARE_MODULE = '__loadShare__';
/**
 * A build's own copy of a shared module: the plugin's `prebuild` chunk of that package, loaded when
 * that build provides it (for a remote, a singleton the shell does not provide, such as Angular's),
 * or the chunk `LEAF_COPIES_GROUP` makes of those that import no other shared package
 * (`leaf-copies__prebuild__-<hash>.js`: Angular's core, with its RxJS).
 */
export const PREBUILT_SHARED =
  /(?:^|\/)(?:_virtual_mf___[^/]*__prebuild__[^/]*|leaf-copies__prebuild__-[A-Za-z0-9_-]{8})\.js$/;

/**
 * An MFE's messages of one language in a chunk of their own, as `defineCarpetaMfe` names the chunk
 * of `src/messages/<language>.ts` when the MFE imports it on demand (`LazyMessageCatalog`):
 * `messages-<language>-<hash>.js`. The gateway hints the one of the page's language.
 */
export const MESSAGES_CHUNK = /(?:^|\/)messages-(es|ca|gl|eu|va|en)-[^/]*\.js$/;
/** A module of an MFE's messages (`src/messages/<language>.ts`), whose chunk `MESSAGES_CHUNK` names. */
export const MESSAGES_MODULE = /[\\/]src[\\/]messages[\\/](es|ca|gl|eu|va|en)\.[cm]?[jt]sx?$/;

/**
 * Whether a remote's entry (the manifest's `remote.entry`) is its Module Federation manifest
 * (`mf-manifest.json`, or any `.json` file) rather than its remote entry.
 */
export function isFederationManifestUrl(entry: string): boolean {
  return new URL(entry).pathname.endsWith('.json');
}

/**
 * The URL of the remote entry a Module Federation manifest names (`mf-manifest.json`, as
 * `@module-federation/vite`, webpack's and Rspack's plugins write it): its `metaData.remoteEntry`
 * (`path` and `name`) under its `metaData.publicPath`, or beside the manifest when that is `auto` or
 * absent. Throws when the document names no remote entry, or gives its public path as code
 * (`getPublicPath`), which the portal does not run. The shell reads an entry given as a manifest
 * with it, and so does the conformance kit.
 */
export function remoteEntryOfManifest(manifest: unknown, manifestUrl: string): string {
  const metaData = (manifest as { metaData?: unknown } | null | undefined)?.metaData as
    | { publicPath?: unknown; getPublicPath?: unknown; remoteEntry?: { name?: unknown; path?: unknown } }
    | undefined;
  const remoteEntry = metaData?.remoteEntry;
  if (typeof remoteEntry?.name !== 'string' || remoteEntry.name === '')
    throw new Error('the manifest names no remote entry (metaData.remoteEntry.name)');
  const publicPath = metaData?.publicPath;
  if (typeof publicPath !== 'string' && metaData?.getPublicPath !== undefined)
    throw new Error('the manifest gives its public path as code (getPublicPath), which is not run');
  const base =
    typeof publicPath === 'string' && publicPath !== 'auto' && publicPath !== ''
      ? new URL(publicPath, manifestUrl)
      : new URL(manifestUrl);
  const path = typeof remoteEntry.path === 'string' ? remoteEntry.path : '';
  return new URL(`${path ? path.replace(/\/?$/, '/') : ''}${remoteEntry.name}`, base).href;
}

/** A build's shared modules, as the federation plugin's `shared` option takes them. */
export type SharedConfig = Record<
  string,
  {
    singleton: boolean;
    requiredVersion: string;
    strictVersion?: boolean;
    version?: string;
    import?: string | false;
  }
>;

export interface CarpetaRemoteOptions {
  /** Container name, the manifest's `remote.name`: a JavaScript identifier, e.g. "carpeta_home". */
  name: string;
  /** Usually `{ './lifecycles': './src/lifecycles.tsx' }`. */
  exposes: Record<string, string>;
  /**
   * `react` (default) shares React, the sdk and the design system's components; `vanilla` shares
   * only i18next and the sdk (plain-JavaScript MFEs use `@carpeta/sdk/vanilla` and the design
   * system's CSS and behaviours, bundled, with no React); `angular` shares i18next and the sdk, and
   * the remote bundles the part of Angular it uses (see `shareAngular`).
   */
  framework?: 'react' | 'vanilla' | 'angular';
  /**
   * For `framework: 'angular'`: share Angular with the other Angular remotes that share it
   * (`ANGULAR_SINGLETONS`) instead of bundling the part of it this remote uses. A shared copy is
   * every export of Angular's core, common and platform-browser (about 150 KB gzip, where the
   * portal's powers of attorney use about 50); it pays when a citizen opens several Angular MFEs
   * that share it, such as one administration's. Default `false`.
   */
  shareAngular?: boolean;
}

/**
 * Only a development server's JSX transform imports `react/jsx-dev-runtime` (Preact's is its
 * production runtime under another name). A production build neither provides nor asks for it: a
 * remote's share initialisation loads every share it declares, so declaring it cost every route one
 * more script. Vite sets `NODE_ENV` (`production` for `vite build`) before it reads a config file.
 */
function forThisBuild(shared: SharedConfig): SharedConfig {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  if (env?.NODE_ENV !== 'production') return shared;
  const { 'react/jsx-dev-runtime': _development, ...production } = shared;
  return production;
}

function sharedFor(options: CarpetaRemoteOptions): SharedConfig {
  switch (options.framework) {
    case 'vanilla':
      return FRAMEWORK_FREE_SHARED;
    case 'angular':
      // Not React, nor the design system's entry (React components): an Angular remote uses the
      // design system's framework-free CSS, which the shell loads.
      return options.shareAngular
        ? { ...FRAMEWORK_FREE_SHARED, ...ANGULAR_SINGLETONS }
        : FRAMEWORK_FREE_SHARED;
    default:
      return forThisBuild(SHARED_SINGLETONS);
  }
}

/**
 * A remote's shared modules as a production build for the portal declares them: each singleton the
 * shell provides (`SHARED_SINGLETONS`: React as Preact, i18next, the sdk, the design system) with
 * `import: false`, the others (an Angular remote's Angular) as they are. The federation plugin then
 * bundles no copy of those modules into the remote, for a host that would not provide them, and
 * gives the remote's view of each (its `loadShare` wrapper) only the exports the remote imports by
 * name, where it listed every export of the package: the sdk's wrapper alone named some 130. A
 * host without one of them cannot load the remote, which brings no copy to fall back on: the
 * portal's shell and the conformance kit's host (`carpetaHost`) provide them all.
 * `defineCarpetaMfe` (`@carpeta/sdk/vite`) uses it, with the plugins that let the federation
 * plugin read those names surely (`sdkCoreFromShare`, `viewsAfterTheImports`); a hand-written
 * configuration adds them too. A module the remote imports in a way the plugin cannot read by name
 * (`import()`, `require`) keeps its whole view.
 */
export function providedByTheShell(shared: SharedConfig): SharedConfig {
  return Object.fromEntries(
    Object.entries(shared).map(([key, config]) =>
      Object.hasOwn(SHARED_SINGLETONS, key) ? [key, { ...config, import: false as const }] : [key, config],
    ),
  );
}

/**
 * A Rolldown code-splitting group (`build.rolldownOptions.output.codeSplitting.groups`) that puts
 * the federation runtime's modules in one chunk, with the federation plugin's map of the build's
 * shared modules (`localSharedImportMap`). Rolldown otherwise splits the runtime by which of the
 * build's entries (the remote entry, the exposed modules, the host's init) import each: a remote's
 * first render fetched three chunks of a few hundred bytes each (`dist`, `helpers`, `utils`). The
 * map is what the remote entry imports as it initialises, right after the runtime: in its own chunk
 * it was one more script on every route with a remote. Its top level only declares the shared
 * modules (their loaders run when a share is asked for), so it is evaluated with the remote entry's
 * own imports at no cost. `defineCarpetaMfe` uses it.
 */
export const FEDERATION_RUNTIME_GROUP = {
  name: 'federation-runtime',
  test: /[\\/]node_modules[\\/]@module-federation[\\/](?:runtime|runtime-core|sdk|error-codes)[\\/]|^\0virtual:mf-localSharedImportMap:/,
} as const;

/**
 * A Rolldown code-splitting group that puts RxJS's modules in one chunk, for an Angular remote:
 * Rolldown otherwise splits them by which of the remote's copies of Angular (core, common,
 * platform-browser) import each, and an Angular route fetched three chunks of RxJS (`Observable`,
 * `Subject`, `OperatorSubscriber`), one level after Angular's. `defineCarpetaMfe` uses it for
 * `framework: 'angular'` with `shareAngular`, after `LEAF_COPIES_GROUP`, which takes the RxJS only
 * Angular imports: this chunk then holds what the MFE's own code imports of RxJS, if anything.
 */
export const RXJS_GROUP = {
  name: 'rxjs',
  test: /[\\/]node_modules[\\/]rxjs[\\/]/,
} as const;

/**
 * The chunk `RXJS_GROUP` makes (`rxjs-<hash>.js`), which the exposed module's asynchronous chunks
 * list in the remote's `mf-manifest.json`: a remote's own copy of Angular imports it statically, so
 * the gateway hints it with that copy (one round trip less on an Angular route). A lazy chunk of the
 * MFE's own named `rxjs-…` has a longer name than the group's and its 8-character hash.
 */
export const RXJS_CHUNK = /(?:^|\/)rxjs-[A-Za-z0-9_-]{8}\.js$/;

/** The little of Rolldown's chunking context (a group's `name` function's second argument) read here. */
export interface ChunkingGraph {
  getModuleInfo(id: string): {
    importers: readonly string[];
    dynamicImporters: readonly string[];
    importedIds: readonly string[];
  } | null;
}

type ChunkingModule = NonNullable<ReturnType<ChunkingGraph['getModuleInfo']>>;

/** The federation plugin's virtual module of a build's own copy of a shared package. */
const PREBUILD_MODULE = /__prebuild__/;

/**
 * A walk of the module graph for `LEAF_COPIES_GROUP`, from one module with a map of its own:
 * whether `id` and every module reached from it along `next` pass. `verdict` decides a module by
 * itself (`true`, `false`) or leaves it to the modules it leads to (`undefined`); one that leads
 * nowhere gets `leadsNowhere`. A module met again while it is being decided counts as deciding
 * nothing, so the module walked from is decided by every other way out of it (what the map says of
 * the others is not reused).
 */
function everyOnTheWay(
  id: string,
  graph: ChunkingGraph,
  walk: {
    verdict(id: string): boolean | undefined;
    next(info: ChunkingModule): readonly string[];
    leadsNowhere: boolean;
  },
  decided = new Map<string, boolean>(),
): boolean {
  const own = walk.verdict(id);
  if (own !== undefined) return own;
  const known = decided.get(id);
  if (known !== undefined) return known;
  decided.set(id, true);
  const info = graph.getModuleInfo(id);
  const next = info ? walk.next(info) : [];
  const passes =
    next.length === 0 ? walk.leadsNowhere : next.every((other) => everyOnTheWay(other, graph, walk, decided));
  decided.set(id, passes);
  return passes;
}

/** Whether a module is a copy (a `prebuild` module), or only copies and such modules import it. */
const ONLY_THE_COPIES_IMPORT = {
  verdict: (id: string) => (PREBUILD_MODULE.test(id) ? true : undefined),
  next: (info: ChunkingModule) => [...info.importers, ...info.dynamicImporters],
  leadsNowhere: false,
};

/** Whether a module reaches no view of a shared module through its static imports. */
const REACHES_NO_VIEW = {
  verdict: (id: string) => (id.includes(LOAD_SHARE_MODULE) ? false : undefined),
  next: (info: ChunkingModule) => info.importedIds,
  leadsNowhere: true,
};

/**
 * A Rolldown code-splitting group for a remote that provides shared packages of its own (an
 * Angular remote): it puts its copies of those that import no other shared package (Angular's
 * core) in one chunk, with the modules that only its copies import and that import no shared
 * package either (the RxJS and tslib of Angular's). Rolldown otherwise made RxJS a chunk of its
 * own (`RXJS_GROUP`), which each copy of an Angular package imports: one more script on an Angular
 * route. The copies that import another shared package (Angular's common and platform-browser,
 * which import the core through the remote's views of it) stay in chunks of their own: in one with
 * the core, the chunk would wait for the view, which waits for the chunk (seen: the remote's
 * initialisation failed, "… is not a function"). A module the remote's own code imports as well
 * stays out (RxJS, if the MFE uses it: in this chunk, it would make the remote load its core when
 * another remote's is the one in use). The chunk is named with the federation plugin's tag for
 * copies (`__prebuild__`), so the plugin treats it as one of them (it never loads it with the
 * remote's entry), and `PREBUILT_SHARED` names it. `defineCarpetaMfe` uses it for
 * `framework: 'angular'` with `shareAngular`.
 */
export const LEAF_COPIES_GROUP = {
  name: (id: string, graph: ChunkingGraph): string | null =>
    everyOnTheWay(id, graph, ONLY_THE_COPIES_IMPORT) && everyOnTheWay(id, graph, REACHES_NO_VIEW)
      ? 'leaf-copies__prebuild__'
      : null,
  // What the copies import is taken by the rule above, not wholesale.
  includeDependenciesRecursively: false,
  priority: 1,
} as const;

/** Whether a module is the federation plugin's (its views, copies, runtime and virtual modules) or Rolldown's own. */
const NOT_AN_MFES_OWN = /__mf_|@module-federation|^\0/;

/** Whether a module is not `module` and does not import it, directly or through others. */
const notImportedBy = (module: string) => ({
  verdict: (id: string) => (id === module ? false : undefined),
  next: (info: ChunkingModule) => info.importers,
  leadsNowhere: true,
});

/**
 * A Rolldown code-splitting group that puts every module of the MFE's own that `module` (the path
 * of an exposed module) imports statically, directly or through others, in one chunk named `name`.
 * For an MFE whose page defers parts of itself (an Angular `@defer` block, a React `lazy`): what
 * the page shares with a deferred part (its schemas, a form field…) is otherwise split by who
 * imports it into a chunk of its own, one more script on the page. The deferred parts stay chunks
 * of their own, and so do the federation plugin's modules (the views and copies of shared
 * packages, whose own groups place them) and Rolldown's. `defineCarpetaMfe` makes one for each of
 * its `pageChunks`.
 */
export function pageChunkGroup(module: string, name: string) {
  const walk = notImportedBy(module);
  return {
    name: (id: string, graph: ChunkingGraph): string | null =>
      id !== module &&
      !NOT_AN_MFES_OWN.test(id) &&
      !id.includes(LOAD_SHARE_MODULE) &&
      !PREBUILD_MODULE.test(id) &&
      !everyOnTheWay(id, graph, walk)
        ? name
        : null,
    priority: 0,
  } as const;
}

export function carpetaRemote(options: CarpetaRemoteOptions) {
  return {
    name: options.name,
    filename: 'remoteEntry.js',
    exposes: options.exposes,
    shared: sharedFor(options),
    dts: false,
    manifest: true,
    // The shell provides the one federation runtime; a remote does not ship its own copy.
    experiments: { externalRuntime: true },
    // How long the federation plugin waits with no module loaded before it stops reading the
    // build's imports, in seconds (its default is 10). The wait ends as soon as every module is
    // parsed; but a build among others on a busy machine took 33 s for an Angular remote, whose
    // compiler runs before any module is loaded. Past the limit, the plugin decides without the
    // rest: each view of a shared module keeps every export (`providedByTheShell`; seen here with a
    // limit of 1 s, where the notifications MFE's views grew by 1.3 KB gzip).
    moduleParseTimeout: 300,
  };
}

/**
 * The federation plugin's options for a host built with it, such as the conformance kit's: the same
 * shared singletons as the shell's, the federation runtime provided to remotes built with
 * `externalRuntime`. (The shell itself uses no build plugin as a host: it hands its own modules to
 * the runtime, which it loads with the first remote.)
 */
export function carpetaHost(name: string) {
  return {
    name,
    remotes: {},
    shared: forThisBuild(SHARED_SINGLETONS),
    dts: false,
    shareStrategy: 'loaded-first' as const,
    experiments: { provideExternalRuntime: true },
  };
}
