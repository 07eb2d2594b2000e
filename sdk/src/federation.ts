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

export interface CarpetaRemoteOptions {
  /** Container name, the manifest's `remote.name`: a JavaScript identifier, e.g. "carpeta_home". */
  name: string;
  /** Usually `{ './lifecycles': './src/lifecycles.tsx' }`. */
  exposes: Record<string, string>;
  /**
   * `react` (default) shares React, the sdk and the design system's components; `vanilla` shares
   * only i18next and the sdk (plain-JavaScript MFEs use `@carpeta/sdk/vanilla` and the design
   * system's CSS and behaviours, bundled, with no React).
   */
  framework?: 'react' | 'vanilla';
}

export function carpetaRemote(options: CarpetaRemoteOptions) {
  return {
    name: options.name,
    filename: 'remoteEntry.js',
    exposes: options.exposes,
    shared: options.framework === 'vanilla' ? FRAMEWORK_FREE_SHARED : SHARED_SINGLETONS,
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
