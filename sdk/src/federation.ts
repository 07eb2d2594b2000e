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

export interface CarpetaRemoteOptions {
  /** Container name, the manifest's `remote.name`: a JavaScript identifier, e.g. "carpeta_home". */
  name: string;
  /** Usually `{ './lifecycles': './src/lifecycles.tsx' }`. */
  exposes: Record<string, string>;
}

export function carpetaRemote(options: CarpetaRemoteOptions) {
  return {
    name: options.name,
    filename: 'remoteEntry.js',
    exposes: options.exposes,
    shared: SHARED_SINGLETONS,
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
