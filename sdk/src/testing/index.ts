import { createApiClient } from '../api.ts';
import type { Session } from '../domain.ts';
import { createEventBus } from '../events.ts';
import type { Language } from '../languages.ts';
import type { CarpetaProps, Telemetry } from '../props.ts';

const ANONYMOUS: Session = { authenticated: false, citizen: null };

export interface TestProps {
  props: CarpetaProps;
  setLanguage(language: Language): void;
  telemetry: Telemetry & { errors: unknown[] };
  navigations: string[];
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
  const errors: unknown[] = [];
  const navigations: string[] = [];
  const telemetry = { errors, error: (error: unknown) => void errors.push(error), event: () => undefined };
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
    setLanguage(next) {
      language = next;
      for (const listener of listeners) listener(next);
    },
  };
}
