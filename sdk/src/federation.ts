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

export interface CarpetaRemoteOptions {
  /** Container name, the manifest's `remote.name`: a JavaScript identifier, e.g. "carpeta_home". */
  name: string;
  /** Usually `{ './lifecycles': './src/lifecycles.tsx' }`. */
  exposes: Record<string, string>;
  /** The remote's UI framework; Angular remotes also share Angular among themselves. */
  framework?: 'react' | 'angular';
}

export function carpetaRemote(options: CarpetaRemoteOptions) {
  return {
    name: options.name,
    filename: 'remoteEntry.js',
    exposes: options.exposes,
    shared:
      options.framework === 'angular'
        ? angularShared()
        : (SHARED_SINGLETONS as Record<string, { singleton: boolean; requiredVersion: string }>),
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

/**
 * An Angular remote shares Angular, i18next and the sdk. Not React, nor the design system's entry
 * (React components): it uses the design system's framework-free CSS, which the shell loads.
 */
function angularShared(): Record<string, { singleton: boolean; requiredVersion: string }> {
  const { i18next, '@carpeta/sdk': sdk } = SHARED_SINGLETONS;
  return { i18next, '@carpeta/sdk': sdk, ...ANGULAR_SINGLETONS };
}
