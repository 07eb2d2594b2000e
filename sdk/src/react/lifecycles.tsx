import type { ComponentType } from 'react';
import * as React from 'react';
import * as ReactDOMClient from 'react-dom/client';
import singleSpaReact from 'single-spa-react';
// Relative imports of zod-free modules only (this helper is bundled into every remote); a remote's
// build takes the sdk's core from the shared sdk instead (`sdkCoreFromShare`, ../vite.ts).
import { createTranslator, type MessageCatalog } from '../i18n.ts';
import type { CarpetaLifecycles, CarpetaProps } from '../props.ts';
import { CarpetaContext } from './context.tsx';

export interface CreateLifecyclesOptions {
  /** The MFE's root component; it reads the shell's props through the hooks of this package. */
  rootComponent: ComponentType;
  /** The MFE's own messages, Spanish required. */
  messages: MessageCatalog;
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
  let translator: ReturnType<typeof createTranslator> | undefined;

  // biome-ignore lint/correctness/noComponentHookFactories: created once per MFE at module load, not per render
  function CarpetaRoot(props: CarpetaProps) {
    translator ??= createTranslator(messages, props.i18n.get());
    const current = translator;
    const value = React.useMemo(() => ({ props, translator: current }), [props]);
    return (
      <CarpetaContext.Provider value={value}>
        <Root />
      </CarpetaContext.Provider>
    );
  }

  const lifecycles = singleSpaReact<CarpetaProps>({
    React,
    ReactDOMClient,
    rootComponent: CarpetaRoot,
    domElementGetter: (props: CarpetaProps) => props.domElement,
    errorBoundary(error: Error, _info: unknown, props: CarpetaProps) {
      props.telemetry.error(error, { mfe: props.mfeId, phase: 'render' });
      return Fallback ? <Fallback error={error} /> : <p role="alert">{error.message}</p>;
    },
  });

  // single-spa-react names its wrapper element after the application; the shell's props carry
  // the MFE id instead of single-spa's own AppProps, which no MFE should depend on.
  type AppProps = Parameters<typeof lifecycles.mount>[0];
  const withName = (props: CarpetaProps) => ({ ...props, name: props.mfeId }) as unknown as AppProps;
  return {
    bootstrap: (props) => lifecycles.bootstrap(withName(props)),
    mount: (props) => lifecycles.mount(withName(props)),
    unmount: (props) => {
      // single-spa-react resolves its unmount a timer later (React 16 unmounted asynchronously), and
      // single-spa mounts the next MFE only then: a frame was painted in between. Preact unmounts at
      // once, so the tree is gone when the call returns; an error it threw still rejects.
      const unmounted = lifecycles.unmount(withName(props));
      return Promise.race([unmounted, Promise.resolve()]);
    },
    update: (props) => lifecycles.update?.(withName(props)) ?? Promise.resolve(),
  };
}
