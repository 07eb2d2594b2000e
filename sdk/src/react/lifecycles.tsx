import type { ComponentType } from 'react';
import { Component, createContext, createElement, useMemo, version } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import singleSpaReact from 'single-spa-react';
// Relative imports of zod-free modules only (this helper is bundled into every remote); a remote's
// build takes the sdk's core from the shared sdk instead (`sdkCoreFromShare`, ../vite.ts).
import type { MessageCatalog } from '../i18n.ts';
import { type LazyMessageCatalog, lazyTranslator, mountedLanguage } from '../lazy-messages.ts';
import type { Language } from '../languages.ts';
import type { CarpetaLifecycles, CarpetaProps, I18nBridge } from '../props.ts';
import { CarpetaContext } from './context.tsx';

export interface CreateLifecyclesOptions {
  /** The MFE's root component; it reads the shell's props through the hooks of this package. */
  rootComponent: ComponentType;
  /**
   * The MFE's own messages, Spanish required. Other languages may be functions that import them
   * (`LazyMessageCatalog`): the MFE then renders in a language once its messages are here.
   */
  messages: MessageCatalog | LazyMessageCatalog;
  /** Rendered when the tree throws while rendering; the shell reports the error. */
  errorFallback?: ComponentType<{ error: Error }>;
}

/**
 * Turns a React root component into the single-spa lifecycles the shell mounts. The props arrive
 * through context (each MFE has its own React root, so React context never crosses MFEs).
 */
export function createLifecycles(options: CreateLifecyclesOptions): CarpetaLifecycles {
  const { rootComponent: Root, messages, errorFallback: Fallback } = options;
  // One translator for every mount of this MFE, made at its first: a new i18next instance per mount
  // (and its first translations) cost a few milliseconds on every return to the MFE. Translations
  // name their language (`getFixedT`), so the instance's own never matters.
  let loader: ReturnType<typeof lazyTranslator> | undefined;
  const loaderFor = (language: Language) => {
    loader ??= lazyTranslator(messages, language);
    return loader;
  };
  // What the MFE reads as the portal's language while mounted (`mountedLanguage`).
  let shown: (I18nBridge & { stop(): void }) | undefined;

  // biome-ignore lint/correctness/noComponentHookFactories: created once per MFE at module load, not per render
  function CarpetaRoot(props: CarpetaProps) {
    const current = loaderFor(props.i18n.get()).translator;
    const value = useMemo(() => ({ props, translator: current }), [props, current]);
    return (
      <CarpetaContext.Provider value={value}>
        <Root />
      </CarpetaContext.Provider>
    );
  }

  const lifecycles = singleSpaReact<CarpetaProps>({
    // What single-spa-react reads of each, named: a remote's view of a shared module then holds
    // only the exports the remote uses, where a namespace import needs them all.
    React: { Component, createContext, createElement, version } as unknown as typeof import('react'),
    ReactDOMClient: { createRoot, hydrateRoot } as unknown as typeof import('react-dom/client'),
    rootComponent: CarpetaRoot,
    domElementGetter: (props: CarpetaProps) => props.domElement,
    errorBoundary(error: Error, _info: unknown, props: CarpetaProps) {
      props.telemetry.error(error, { mfe: props.mfeId, phase: 'render' });
      return Fallback ? <Fallback error={error} /> : <p role="alert">{error.message}</p>;
    },
  });

  // single-spa-react names its wrapper element after the application; the shell's props carry
  // the MFE id instead of single-spa's own AppProps, which no MFE should depend on. The MFE reads the
  // language it has the messages of (`mountedLanguage`).
  type AppProps = Parameters<typeof lifecycles.mount>[0];
  const withName = (props: CarpetaProps) =>
    ({ ...props, i18n: shown ?? props.i18n, name: props.mfeId }) as unknown as AppProps;
  return {
    bootstrap: (props) => lifecycles.bootstrap(withName(props)),
    async mount(props) {
      // The first render is in the citizen's language: its messages first (hinted by the gateway on
      // the first route, loaded ahead with the MFE otherwise: `prepare`).
      shown?.stop();
      shown = await mountedLanguage(loaderFor(props.i18n.get()), props);
      return lifecycles.mount(withName(props));
    },
    unmount: (props) => {
      shown?.stop();
      // single-spa-react resolves its unmount a timer later (React 16 unmounted asynchronously), and
      // single-spa mounts the next MFE only then: a frame was painted in between. Preact unmounts at
      // once, so the tree is gone when the call returns; an error it threw still rejects.
      const unmounted = lifecycles.unmount(withName(props));
      shown = undefined;
      return Promise.race([unmounted, Promise.resolve()]);
    },
    update: (props) => lifecycles.update?.(withName(props)) ?? Promise.resolve(),
    prepare: (language) => loaderFor(language).ensure(language),
  };
}
