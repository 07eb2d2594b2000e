import { createApiClient } from '../api.ts';
import type { Session } from '../domain.ts';
import { createEventBus } from '../events.ts';
import type { Language } from '../languages.ts';
import { act } from 'react';
import type { CarpetaLifecycles, CarpetaProps, Telemetry } from '../props.ts';

const ANONYMOUS: Session = { authenticated: false, citizen: null };

export interface TestProps {
  props: CarpetaProps;
  setLanguage(language: Language): void;
  telemetry: Telemetry & { errors: { error: unknown; context: Record<string, string> | undefined }[] };
  navigations: string[];
  /** How many listeners follow the language now (0 after a clean unmount). */
  languageListeners(): number;
}

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/**
 * Runs a lifecycle step inside React's act(). single-spa-react resolves mount from an effect, so
 * the promise is awaited after act has flushed it.
 */
export async function runLifecycle(step: () => Promise<unknown>): Promise<void> {
  let pending: Promise<unknown> = Promise.resolve();
  await act(async () => {
    pending = step();
  });
  await pending;
}

/** Bootstraps and mounts an MFE as the shell would, then lets its first data requests settle. */
export async function mountForTest(lifecycles: CarpetaLifecycles, props: CarpetaProps): Promise<void> {
  await runLifecycle(() => lifecycles.bootstrap(props));
  await runLifecycle(() => lifecycles.mount(props));
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 10));
  });
}

/**
 * Props an MFE receives from the shell, for unit tests: a real event bus, a real API client over
 * the given fetch (e.g. one answered by MSW), a language you can change.
 */
export function createTestProps(options: {
  mfeId: string;
  basePath: string;
  fetch: typeof fetch;
  language?: Language;
  session?: Session;
}): TestProps {
  let language: Language = options.language ?? 'es';
  const session = options.session ?? ANONYMOUS;
  const listeners = new Set<(value: Language) => void>();
  const domElement = document.createElement('div');
  document.body.append(domElement);
  const errors: { error: unknown; context: Record<string, string> | undefined }[] = [];
  const navigations: string[] = [];
  const telemetry = {
    errors,
    error: (error: unknown, context?: Record<string, string>) => void errors.push({ error, context }),
    event: () => undefined,
  };
  const props: CarpetaProps = {
    mfeId: options.mfeId,
    basePath: options.basePath,
    domElement,
    auth: { get: () => session, subscribe: () => () => undefined },
    api: createApiClient({ baseUrl: '/api', mfeId: options.mfeId, fetch: options.fetch }),
    navigate: (path) => {
      navigations.push(path);
      window.history.pushState(null, '', path);
      window.dispatchEvent(new PopStateEvent('popstate'));
    },
    i18n: {
      get: () => language,
      languages: ['es', 'en'],
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    events: createEventBus(),
    telemetry,
  };
  return {
    props,
    telemetry,
    navigations,
    languageListeners: () => listeners.size,
    setLanguage(next) {
      language = next;
      for (const listener of listeners) listener(next);
    },
  };
}
