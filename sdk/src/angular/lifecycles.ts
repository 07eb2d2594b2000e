import {
  APP_ID,
  type ApplicationRef,
  ErrorHandler,
  type EnvironmentProviders,
  type Provider,
  provideZonelessChangeDetection,
  type Type,
} from '@angular/core';
import { createApplication } from '@angular/platform-browser';
// Relative imports of zod-free modules only: this helper is bundled into every Angular remote.
import type { MessageCatalog } from '../i18n.ts';
import { type LazyMessageCatalog, mountedLanguage } from '../lazy-messages.ts';
import type { CarpetaLifecycles, CarpetaProps } from '../props.ts';
import { catalogueTranslator, provideCarpeta } from './providers.ts';

export interface CreateAngularLifecyclesOptions {
  /** The MFE's standalone root component; it reads the shell's props through this package's inject functions. */
  rootComponent: Type<unknown>;
  /**
   * The MFE's own messages, Spanish required. Other languages may be functions that import them
   * (`LazyMessageCatalog`): the MFE then renders in a language once its messages are here.
   */
  messages: MessageCatalog | LazyMessageCatalog;
  /** More application-wide providers of the MFE. */
  providers?: (Provider | EnvironmentProviders)[];
}

interface Mounted {
  app: ApplicationRef;
  host: HTMLElement;
  stop(): void;
}

/** Angular's APP_ID scopes component styles and ids: one per MFE, so two Angular MFEs never clash. */
function appId(mfeId: string): string {
  return `cp-${mfeId.replace(/[^A-Za-z0-9]/g, '-')}`;
}

/**
 * Turns a standalone Angular component into the single-spa lifecycles the shell mounts. Each mount
 * creates one zoneless Angular application (no zone.js) whose injector carries the shell's props
 * (`CARPETA_PROPS` and the inject functions of this package); unmount destroys it and removes its
 * host element, its styles and its subscriptions to the shell.
 */
export function createAngularLifecycles(options: CreateAngularLifecyclesOptions): CarpetaLifecycles {
  const mounted = new Map<HTMLElement, Mounted>();

  async function mount(props: CarpetaProps): Promise<void> {
    if (mounted.has(props.domElement)) throw new Error(`${props.mfeId} is already mounted here`);
    // The first render is in the citizen's language: its messages first, if loaded on demand
    // (hinted by the gateway on the first route, loaded ahead otherwise: `prepare`). The MFE then
    // reads the language it has the messages of (`mountedLanguage`).
    const shown = await mountedLanguage(catalogueTranslator(options.messages, props.i18n.get()), props);
    const host = document.createElement('div');
    host.dataset.carpetaAngular = props.mfeId;
    props.domElement.append(host);
    let app: ApplicationRef | undefined;
    try {
      app = await createApplication({
        providers: [
          provideZonelessChangeDetection(),
          { provide: APP_ID, useValue: appId(props.mfeId) },
          {
            provide: ErrorHandler,
            useValue: {
              handleError: (error: unknown) =>
                props.telemetry.error(error, { mfe: props.mfeId, phase: 'render' }),
            } satisfies ErrorHandler,
          },
          provideCarpeta({ ...props, i18n: shown }, options.messages),
          ...(options.providers ?? []),
        ],
      });
      app.bootstrap(options.rootComponent, host);
      mounted.set(props.domElement, { app, host, stop: shown.stop });
    } catch (error) {
      shown.stop();
      app?.destroy();
      host.remove();
      throw error;
    }
  }

  async function unmount(props: CarpetaProps): Promise<void> {
    const current = mounted.get(props.domElement);
    if (!current) return;
    mounted.delete(props.domElement);
    current.stop();
    current.app.destroy();
    current.host.remove();
  }

  return {
    bootstrap: async () => undefined,
    mount,
    unmount,
    update: async () => undefined,
    prepare: (language) => catalogueTranslator(options.messages, language).ensure(language),
  };
}
