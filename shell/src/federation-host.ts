import { getInstance, init, loadRemote, registerRemotes, satisfy } from '@module-federation/runtime';
import type { ModuleFederationRuntimePlugin } from '@module-federation/runtime';
import * as runtimeCore from '@module-federation/runtime/core';
import runtimePackage from '@module-federation/runtime/package.json' with { type: 'json' };
import * as designSystem from '@carpeta/design-system';
import * as sdk from '@carpeta/sdk';
import * as i18next from 'i18next';
import * as react from 'react';
import * as reactDom from 'react-dom';
import * as reactDomClient from 'react-dom/client';
import * as jsxDevRuntime from 'react/jsx-dev-runtime';
import * as jsxRuntime from 'react/jsx-runtime';

/*
 * The shell as a Module Federation host, loaded with the first remote and not before: the public
 * pages mount no MFE and never download the federation runtime (~19 KB gzip) nor anything of it.
 *
 * The shell's own code imports React (Preact), i18next, the sdk and the design system as ordinary
 * modules of its build; this module hands those same modules to the runtime as the page's shared
 * singletons, already loaded, so every remote gets the shell's copy (`loaded-first`) and none
 * downloads its own. It also publishes the runtime core on `globalThis._FEDERATION_RUNTIME_CORE`
 * before any remote evaluates: remotes are built with `externalRuntime` and ship no runtime.
 */

/** The runtime's `shared` option (`init`'s options). */
type SharedOption = NonNullable<Parameters<typeof init>[0]['shared']>;

/** How a singleton is shared: the sdk's `SHARED_SINGLETONS` and the installed version. */
export interface SharedSingleton {
  version: string;
  singleton: boolean;
  requiredVersion: string;
  strictVersion: boolean;
}

/** The sdk's `SHARED_SINGLETONS` with their versions, written in by the shell's build (`define`). */
declare const __CARPETA_SHARED__: Record<string, SharedSingleton>;

/** What the shell provides, as namespaces of its own build (one instance each on the page). */
export const PROVIDED: Record<string, object> = {
  react,
  'react-dom': reactDom,
  'react-dom/client': reactDomClient,
  'react/jsx-runtime': jsxRuntime,
  // Asked for by remotes served by a development server only (a few bytes).
  'react/jsx-dev-runtime': jsxDevRuntime,
  i18next,
  '@carpeta/sdk': sdk,
  '@carpeta/design-system': designSystem,
};

/** A namespace as a remote's share wrapper reads it: a plain object marked as an ES module. */
function asShared(namespace: object): object {
  const module = { ...namespace };
  Object.defineProperty(module, '__esModule', { value: true, enumerable: false });
  return module;
}

/** The runtime's `shared` option: every singleton the shell provides, already loaded. */
export function providedShares(
  singletons: Record<string, SharedSingleton> = __CARPETA_SHARED__,
): SharedOption {
  const shared: SharedOption = {};
  for (const [name, namespace] of Object.entries(PROVIDED)) {
    const config = singletons[name];
    if (!config) throw new Error(`The shell's build does not say how ${name} is shared`);
    const module = asShared(namespace);
    shared[name] = {
      version: config.version,
      scope: 'default',
      lib: () => module,
      loaded: true,
      shareConfig: {
        singleton: config.singleton,
        requiredVersion: config.requiredVersion,
        strictVersion: config.strictVersion,
      },
    };
  }
  return shared;
}

/**
 * Publishes the runtime core for remotes built with `externalRuntime` (as
 * `@module-federation/vite`'s `provideExternalRuntime` does for a host it builds).
 */
const externalRuntimeCore: ModuleFederationRuntimePlugin = {
  name: 'carpeta-external-runtime-core',
  beforeInit(args) {
    const global = runtimeCore.Global as Record<string, unknown>;
    global._FEDERATION_RUNTIME_CORE = runtimeCore;
    global._FEDERATION_RUNTIME_CORE_FROM = { version: runtimePackage.version, name: args.options.name };
    return args;
  },
};

export interface FederationHost {
  registerRemotes: typeof registerRemotes;
  loadRemote: typeof loadRemote;
  /** The `shared` options of the shell's instance and of a remote's, by its container name. */
  sharedOf(name?: string): NonNullable<ReturnType<typeof getInstance>>['options']['shared'] | undefined;
  satisfy: typeof satisfy;
}

let host: FederationHost | undefined;

/** The runtime, initialised once with the shell's name, shares and plugins. */
export function federationHost(plugins: ModuleFederationRuntimePlugin[]): FederationHost {
  if (host) return host;
  init({
    name: 'carpeta_shell',
    remotes: [],
    shared: providedShares(),
    shareStrategy: 'loaded-first',
    plugins: [externalRuntimeCore, ...plugins],
  });
  host = {
    registerRemotes,
    loadRemote,
    satisfy,
    sharedOf: (name) =>
      (name === undefined ? getInstance() : getInstance((instance) => instance.name === name))?.options
        .shared,
  };
  return host;
}
