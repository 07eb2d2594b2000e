import { getInstance, init, loadRemote, registerRemotes, satisfy } from '@module-federation/runtime';
import type { ModuleFederationRuntimePlugin } from '@module-federation/runtime';
import * as runtimeCore from '@module-federation/runtime/core';
import runtimePackage from '@module-federation/runtime/package.json' with { type: 'json' };
import * as designSystem from '@carpeta/design-system';
import { isFederationManifestUrl, remoteEntryOfManifest } from '@carpeta/sdk/federation';
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

/**
 * The remote entry to give the runtime for an entry URL: the URL itself, or, for a remote given by
 * its `mf-manifest.json`, the remote entry the manifest names (`remoteEntryOfManifest`), with the
 * URL's `search` (a retry's mark). The federation runtime's own reading of manifests (its snapshot
 * plugin) is left out of the shell's build (`FEDERATION_OPTIMIZE_NO_SNAPSHOT_PLUGIN`,
 * vite.config.ts): the manifest is read here, with the runtime (pages with no MFE load neither).
 */
export async function remoteEntryOf(url: string, fetchImpl: typeof fetch = fetch): Promise<string> {
  if (!isFederationManifestUrl(url)) return url;
  const response = await fetchImpl(url, {
    cache: 'no-cache',
    credentials: 'omit',
    headers: { accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`the remote's manifest answered ${response.status}`);
  const remoteEntry = new URL(remoteEntryOfManifest(await response.json(), url));
  remoteEntry.search = new URL(url).search;
  return remoteEntry.href;
}

/* The checks of a remote's entry, which only a page that loads a remote needs. */

const DIGESTS = { sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' } as const;

function toBase64(buffer: ArrayBuffer): string {
  let binary = '';
  for (const byte of new Uint8Array(buffer)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * Checks the remote entry file against the manifest's SRI-style hash ("sha384-<base64>") before
 * anything of the remote runs: fetched without using a cached copy, hashed with Web Crypto,
 * compared. The federation runtime then imports the same URL itself, and the browser may fetch it
 * again: a server that answers differently between the two requests is not caught (a window of
 * milliseconds, which only the remote's own origin can use). Only the entry file is pinned; the
 * chunks it imports have content-hashed names but are not verified.
 */
export async function verifyIntegrity(
  url: string,
  integrity: string,
  fetchImpl: typeof fetch = fetch,
): Promise<boolean> {
  const separator = integrity.indexOf('-');
  const algorithm = DIGESTS[integrity.slice(0, separator) as keyof typeof DIGESTS];
  if (!algorithm) return false;
  const response = await fetchImpl(url, { cache: 'no-cache', credentials: 'omit' });
  if (!response.ok) throw new Error(`the remote entry answered ${response.status}`);
  const digest = await crypto.subtle.digest(algorithm, await response.arrayBuffer());
  return toBase64(digest) === integrity.slice(separator + 1);
}

/**
 * Whether a remote that failed to load was unreachable (`load`: 404, network, CORS) or was fetched
 * and threw while evaluated (`evaluation`): its entry file is asked for once more; an entry that
 * answers means the code threw (a failure pays the request).
 */
export async function classifyLoadFailure(
  entryUrl: string,
  fetchImpl: typeof fetch = fetch,
): Promise<'load' | 'evaluation'> {
  try {
    const response = await fetchImpl(entryUrl, { cache: 'no-cache', credentials: 'omit' });
    return response.ok ? 'evaluation' : 'load';
  } catch {
    return 'load';
  }
}
