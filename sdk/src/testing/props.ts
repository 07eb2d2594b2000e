import { createApiClient } from '../api.ts';
import type { Session } from '../domain.ts';
import { createEventBus, type EventBus } from '../events.ts';
import type { Language } from '../languages.ts';
import type { CarpetaProps, Telemetry } from '../props.ts';

const ANONYMOUS: Session = { authenticated: false, citizen: null };

/** The fetch of a test that gave none: an MFE that calls no API needs none, one that does is told. */
const noFetch: typeof fetch = async (input) => {
  throw new Error(
    `The MFE asked the gateway for ${String(input)}, but the test gave createTestProps no fetch: pass one (e.g. answered by MSW).`,
  );
};

export interface TestProps {
  props: CarpetaProps;
  setLanguage(language: Language): void;
  telemetry: Telemetry & { errors: { error: unknown; context: Record<string, string> | undefined }[] };
  navigations: string[];
  /** How many listeners follow the language now (0 after a clean unmount). */
  languageListeners(): number;
  /** Changes the session as the shell would (sign-in, sign-out, a switch of who one acts for). */
  setSession(session: Session): void;
  /** How many listeners follow the session now (0 after a clean unmount). */
  sessionListeners(): number;
  /** How many listeners the event bus has now, all types together (0 after a clean unmount). */
  eventListeners(): number;
}

/**
 * Props an MFE receives from the shell, for unit tests: a real event bus, a real API client over
 * the given fetch (e.g. one answered by MSW), a language you can change.
 */
export function createTestProps(options: {
  mfeId: string;
  basePath: string;
  /** How `props.api` reaches the gateway (e.g. answered by MSW). Left out: any request fails the test. */
  fetch?: typeof fetch;
  language?: Language;
  session?: Session;
}): TestProps {
  let language: Language = options.language ?? 'es';
  let session = options.session ?? ANONYMOUS;
  const listeners = new Set<(value: Language) => void>();
  const sessionListeners = new Set<(value: Session) => void>();
  const bus = createEventBus();
  let busListeners = 0;
  const events: EventBus = {
    ...bus,
    on(type, listener) {
      const off = bus.on(type, listener);
      busListeners += 1;
      let done = false;
      return () => {
        if (done) return;
        done = true;
        busListeners -= 1;
        off();
      };
    },
  };
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
    auth: {
      get: () => session,
      subscribe(listener) {
        sessionListeners.add(listener);
        return () => sessionListeners.delete(listener);
      },
    },
    api: createApiClient({ baseUrl: '/api', mfeId: options.mfeId, fetch: options.fetch ?? noFetch }),
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
    events,
    telemetry,
  };
  return {
    props,
    telemetry,
    navigations,
    languageListeners: () => listeners.size,
    sessionListeners: () => sessionListeners.size,
    eventListeners: () => busListeners,
    setSession(next) {
      session = next;
      for (const listener of sessionListeners) listener(next);
    },
    setLanguage(next) {
      language = next;
      for (const listener of listeners) listener(next);
    },
  };
}
