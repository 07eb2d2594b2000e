/**
 * Build-time Module Federation settings every Carpeta host and remote uses, so that the browser
 * loads exactly one copy of each shared module. Import it from vite.config.ts:
 *
 *   federation({ ...carpetaRemote({ name: 'carpeta_home', exposes: { './lifecycles': './src/lifecycles.tsx' } }) })
 */
export const SHARED_SINGLETONS = {
  react: { singleton: true, requiredVersion: '^19.0.0' },
  'react-dom': { singleton: true, requiredVersion: '^19.0.0' },
  i18next: { singleton: true, requiredVersion: '^26.0.0' },
  '@carpeta/sdk': { singleton: true, requiredVersion: '^0.1.0' },
  '@carpeta/design-system': { singleton: true, requiredVersion: '^0.1.0' },
} as const;

/**
 * What a remote without React shares: the shell provides both, so a plain-JavaScript MFE downloads
 * neither (and, not declaring React, never asks for it).
 */
export const FRAMEWORK_FREE_SHARED = {
  i18next: SHARED_SINGLETONS.i18next,
  '@carpeta/sdk': SHARED_SINGLETONS['@carpeta/sdk'],
} as const;

/**
 * Angular, shared only among Angular remotes: the shell does not declare it, so a route without an
 * Angular MFE downloads no Angular code, and the first Angular remote to load provides the one copy
 * every other Angular remote then uses (share strategy `loaded-first`). Every `@angular/*` package
 * of every Angular MFE must be the same exact version.
 */
export const ANGULAR_SINGLETONS = {
  '@angular/core': { singleton: true, requiredVersion: '^22.0.0' },
  '@angular/common': { singleton: true, requiredVersion: '^22.0.0' },
  '@angular/platform-browser': { singleton: true, requiredVersion: '^22.0.0' },
} as const;

type SharedConfig = Record<string, { singleton: boolean; requiredVersion: string }>;

export interface CarpetaRemoteOptions {
  /** Container name, the manifest's `remote.name`: a JavaScript identifier, e.g. "carpeta_home". */
  name: string;
  /** Usually `{ './lifecycles': './src/lifecycles.tsx' }`. */
  exposes: Record<string, string>;
  /**
   * `react` (default) shares React, the sdk and the design system's components; `vanilla` shares
   * only i18next and the sdk (plain-JavaScript MFEs use `@carpeta/sdk/vanilla` and the design
   * system's CSS and behaviours, bundled, with no React); `angular` shares i18next, the sdk and
   * Angular among Angular remotes.
   */
  framework?: 'react' | 'vanilla' | 'angular';
}

function sharedFor(framework: CarpetaRemoteOptions['framework']): SharedConfig {
  switch (framework) {
    case 'vanilla':
      return FRAMEWORK_FREE_SHARED;
    case 'angular':
      // Not React, nor the design system's entry (React components): an Angular remote uses the
      // design system's framework-free CSS, which the shell loads.
      return { ...FRAMEWORK_FREE_SHARED, ...ANGULAR_SINGLETONS };
    default:
      return SHARED_SINGLETONS;
  }
}

export function carpetaRemote(options: CarpetaRemoteOptions) {
  return {
    name: options.name,
    filename: 'remoteEntry.js',
    exposes: options.exposes,
    shared: sharedFor(options.framework),
    dts: false,
    manifest: true,
    // The shell provides the one federation runtime; a remote does not ship its own copy.
    experiments: { externalRuntime: true },
  };
}

export function carpetaHost(name: string) {
  return {
    name,
    remotes: {},
    shared: SHARED_SINGLETONS,
    dts: false,
    shareStrategy: 'loaded-first' as const,
    experiments: { provideExternalRuntime: true },
  };
}
