import '@carpeta/design-system/styles.css';
import {
  getInstance,
  loadRemote,
  registerPlugins,
  registerRemotes,
  satisfy,
} from '@module-federation/runtime';
import i18next, { type i18n } from 'i18next';
import {
  type CarpetaLifecycles,
  compareCatalogue,
  isLifecycles,
  LANGUAGES,
  type Language,
  languageTag,
} from '@carpeta/sdk';
import type {
  ConformanceHostApi,
  ConformanceLoadResult,
  ConformanceMountOptions,
  ConformanceSingletons,
  ConformanceTranslations,
} from '@carpeta/sdk/conformance';
import { incompatibleShare } from '@carpeta/sdk/shared-versions';
import { createTestProps, type TestProps } from '@carpeta/sdk/testing/props';

/**
 * Every i18next instance the remote creates (the sdk's `createTranslator` calls the shared
 * i18next's `createInstance`): after the mounts, each language's messages are compared with Spanish.
 */
const translators: i18n[] = [];
const createInstance = i18next.createInstance.bind(i18next);
i18next.createInstance = ((...args: Parameters<typeof createInstance>) => {
  const instance = createInstance(...args);
  translators.push(instance);
  return instance;
}) as typeof i18next.createInstance;

const LOAD_FAILED = Symbol.for('carpeta.conformance.load-failed');
registerPlugins([
  {
    name: 'carpeta-conformance-isolation',
    errorLoadRemote(args) {
      if (args.lifecycle === 'onLoad' || args.lifecycle === 'afterResolve')
        return { [LOAD_FAILED]: args.error };
      return undefined;
    },
  },
]);

const container = document.getElementById('carpeta-mfe') as HTMLElement;
let lifecycles: CarpetaLifecycles | undefined;
let current: { test: TestProps; element: HTMLElement } | undefined;
let bootstrapped = false;

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    promise,
    new Promise<typeof TIMED_OUT>((resolve) => {
      timer = setTimeout(() => resolve(TIMED_OUT), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
const TIMED_OUT = Symbol('timed out');

/** The gateway as the remote sees it in one state: never answering, failing, or canned answers. */
function apiFor(options: ConformanceMountOptions): typeof fetch {
  return async (input, init) => {
    const request = input instanceof Request ? input : new Request(String(input), init);
    const path = new URL(request.url, location.href).pathname;
    if (options.state === 'loading') return new Promise<Response>(() => undefined);
    const canned =
      options.state === 'responses' ? options.responses?.[`${request.method} ${path}`] : undefined;
    if (canned) {
      return new Response(JSON.stringify(canned.body ?? null), {
        status: canned.status ?? 200,
        headers: { 'content-type': 'application/json' },
      });
    }
    return new Response(
      JSON.stringify({ type: 'about:blank', title: 'Service unavailable', status: 503, detail: path }),
      { status: 503, headers: { 'content-type': 'application/problem+json' } },
    );
  };
}

const api: ConformanceHostApi = {
  async load({ entry, name, expose, timeoutMs }): Promise<ConformanceLoadResult> {
    registerRemotes([{ name, entry, type: 'module' }]);
    const request = `${name}/${expose.replace(/^\.\//, '')}`;
    let loaded: unknown;
    try {
      loaded = await withTimeout(loadRemote<unknown>(request), timeoutMs);
    } catch (error) {
      return { ok: false, failure: 'unreachable', message: describe(error) };
    }
    if (loaded === TIMED_OUT)
      return { ok: false, failure: 'loadTimeout', message: `not loaded within ${timeoutMs} ms` };
    if (typeof loaded === 'object' && loaded !== null && LOAD_FAILED in loaded) {
      const cause = describe((loaded as Record<symbol, unknown>)[LOAD_FAILED]);
      let reachable = false;
      try {
        reachable = (await fetch(entry, { cache: 'no-cache', credentials: 'omit' })).ok;
      } catch {
        reachable = false;
      }
      return { ok: false, failure: reachable ? 'evaluation' : 'unreachable', message: cause };
    }
    const refused = incompatibleShare(
      getInstance()?.options.shared,
      getInstance((instance) => instance.name === name)?.options.shared,
      satisfy,
    );
    if (refused) return { ok: false, failure: 'evaluation', message: `${name} ${refused}` };
    const candidate =
      typeof loaded === 'object' && loaded !== null && 'default' in loaded && isLifecycles(loaded.default)
        ? loaded.default
        : loaded;
    if (!isLifecycles(candidate)) {
      const keys =
        typeof loaded === 'object' && loaded !== null ? Object.keys(loaded).join(', ') : typeof loaded;
      return { ok: false, failure: 'contract', message: `exports: ${keys || 'nothing'}` };
    }
    lifecycles = candidate;
    return { ok: true };
  },

  async mount(options) {
    if (!lifecycles) throw new Error('load first');
    document.documentElement.lang = languageTag(options.language);
    if (options.theme === 'light') document.documentElement.removeAttribute('data-theme');
    else document.documentElement.dataset.theme = options.theme;
    const test = createTestProps({
      mfeId: options.mfeId,
      basePath: options.basePath,
      language: options.language,
      fetch: apiFor(options),
      session: options.session,
    });
    // The test props' element (appended to <body>) moves into the page's <main>, as the shell's does.
    const element = test.props.domElement;
    element.id = `carpeta-mfe-${options.mfeId}`;
    container.append(element);
    const props = test.props;
    current = { test, element };
    try {
      if (!bootstrapped) {
        const result = await withTimeout(lifecycles.bootstrap(props), options.timeoutMs);
        if (result === TIMED_OUT)
          return {
            ok: false,
            failure: 'mountTimeout',
            message: `bootstrap did not settle within ${options.timeoutMs} ms`,
          };
        bootstrapped = true;
      }
      const result = await withTimeout(lifecycles.mount(props), options.timeoutMs);
      if (result === TIMED_OUT)
        return {
          ok: false,
          failure: 'mountTimeout',
          message: `mount did not settle within ${options.timeoutMs} ms`,
        };
    } catch (error) {
      return { ok: false, failure: 'mount', message: describe(error) };
    }
    return { ok: true };
  },

  async unmount(timeoutMs) {
    if (!lifecycles || !current) return { ok: true };
    const { test, element } = current;
    const props = test.props;
    try {
      const result = await withTimeout(lifecycles.unmount(props), timeoutMs);
      if (result === TIMED_OUT)
        return {
          ok: false,
          failure: 'mountTimeout',
          message: `unmount did not settle within ${timeoutMs} ms`,
        };
    } catch (error) {
      return { ok: false, failure: 'mount', message: `unmount threw: ${describe(error)}` };
    }
    const leftInElement = element.childNodes.length;
    element.remove();
    current = undefined;
    return {
      ok: true,
      leftInElement,
      propsListeners: {
        language: test.languageListeners(),
        session: test.sessionListeners(),
        events: test.eventListeners(),
      },
      telemetryErrors: test.telemetry.errors.map(({ error }) => describe(error)),
    };
  },

  singletons(): ConformanceSingletons {
    const instance = getInstance();
    const duplicates: ConformanceSingletons['duplicates'] = [];
    for (const [scope, packages] of Object.entries(instance?.shareScopeMap ?? {})) {
      for (const [name, versions] of Object.entries(packages)) {
        const loaded = Object.entries(versions)
          .filter(([, shared]) => shared.loaded || shared.lib !== undefined)
          .map(([version, shared]) => `${version} from ${shared.from}`);
        if (loaded.length > 1) duplicates.push({ scope, name, versions: loaded });
      }
    }
    return { duplicates };
  },

  translations(): ConformanceTranslations {
    // One catalogue may live in several instances (one per mount, languages added on demand):
    // grouped by the Spanish keys, each language is looked for in any instance of its group.
    const groups = new Map<string, Map<string, unknown>>();
    for (const translator of translators) {
      const data = translator.store?.data as Record<string, { translation?: unknown }> | undefined;
      const spanish = data?.es?.translation;
      if (!data || spanish === undefined) continue;
      const key = compareCatalogue(spanish, {}).missing.join('|');
      const group = groups.get(key) ?? new Map<string, unknown>();
      groups.set(key, group);
      for (const [language, bundle] of Object.entries(data)) {
        if (bundle.translation !== undefined && !group.has(language)) group.set(language, bundle.translation);
      }
    }
    const missing: ConformanceTranslations['missing'] = [];
    for (const group of groups.values()) {
      const spanish = group.get('es');
      for (const language of LANGUAGES as readonly Language[]) {
        if (language === 'es') continue;
        const other = group.get(language);
        const keys =
          other === undefined ? ['(no messages at all)'] : compareCatalogue(spanish, other).missing;
        if (keys.length > 0) missing.push({ language, keys });
      }
    }
    return { translators: groups.size, missing };
  },
};

(window as unknown as { carpetaConformance: ConformanceHostApi }).carpetaConformance = api;
document.documentElement.dataset.conformanceReady = 'true';
