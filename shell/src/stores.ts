import {
  DEFAULT_LANGUAGE,
  LANGUAGES,
  type AuthStore,
  type I18nBridge,
  type Language,
  type Session,
  isLanguage,
  isTheme,
  LANGUAGE_COOKIE,
  languageFromPreferences,
  languageTag,
  type SessionResponse,
  sessionResponseSchema,
  THEME_COOKIE,
  THEMES,
  type Theme,
} from '@carpeta/sdk';

type Listener<T> = (value: T) => void;

/** A tiny observable value; the shell's state is a handful of these. */
export function createStore<T>(initial: T) {
  let value = initial;
  const listeners = new Set<Listener<T>>();
  return {
    get: () => value,
    set(next: T) {
      if (Object.is(next, value)) return;
      value = next;
      for (const listener of [...listeners]) listener(value);
    },
    subscribe(listener: Listener<T>) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

const LANGUAGE_KEY = 'carpeta.language';
const YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * Keeps a choice in a cookie as well as in storage: the gateway reads it to make the page in the
 * citizen's language and theme, so the HTML painted before any script runs is already right.
 */
function keepInCookie(name: string, value: string): void {
  const secure = window.location.protocol === 'https:' ? '; secure' : '';
  // biome-ignore lint/suspicious/noDocumentCookie: a preference the gateway must read; Cookie Store is not in every browser the portal supports
  document.cookie = `${name}=${encodeURIComponent(value)}; path=/; max-age=${YEAR_SECONDS}; samesite=lax${secure}`;
}

export function initialLanguage(): Language {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (isLanguage(fromUrl)) return fromUrl;
  try {
    const stored = window.localStorage.getItem(LANGUAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage can be disabled; the default language still works.
  }
  // First visit: the browser's preferences ("ca-ES-valencia" → va, "eu-ES" → eu), then Spanish.
  return languageFromPreferences(navigator.languages ?? [navigator.language]) ?? DEFAULT_LANGUAGE;
}

/** How long a switch of language waits for a mounted MFE's messages (`alsoPrepare`) at most. */
export const MFE_PREPARE_MS = 3000;

/**
 * The portal's language. `choose` is what the selector calls: it first runs `prepare` (loading the
 * shell's messages of that language) and what mounted MFEs added (`alsoPrepare`: their messages,
 * each waited for `MFE_PREPARE_MS` at most), so nothing renders half in the old language; the last
 * choice wins when several are in flight.
 */
export function createLanguageStore(
  initial: Language,
  prepare: (language: Language) => Promise<void> = () => Promise.resolve(),
  options: { inPage?: boolean } = {},
) {
  const store = createStore<Language>(initial);
  const others = new Set<(language: Language) => Promise<unknown>>();
  let latest = initial;
  const choose = async (language: Language) => {
    latest = language;
    // A language whose messages did not load still applies, with Spanish where words are missing.
    await Promise.allSettled([
      prepare(language),
      ...[...others].map((work) =>
        Promise.race([work(language), new Promise((resolve) => setTimeout(resolve, MFE_PREPARE_MS))]),
      ),
    ]);
    if (latest === language) store.set(language);
  };
  /** Adds work a switch waits for (a mounted MFE's messages); the returned function removes it. */
  const alsoPrepare = (work: (language: Language) => Promise<unknown>) => {
    others.add(work);
    return () => {
      others.delete(work);
    };
  };
  const apply = (language: Language) => {
    document.documentElement.lang = languageTag(language);
    keepInCookie(LANGUAGE_COOKIE, language);
    try {
      window.localStorage.setItem(LANGUAGE_KEY, language);
    } catch {
      // Not persisted; the choice still applies to this page.
    }
  };
  // On the server (`inPage: false`) there is no page to apply the language to.
  if (options.inPage !== false) {
    apply(initial);
    store.subscribe(apply);
  }
  const bridge: I18nBridge = { get: store.get, subscribe: store.subscribe, languages: LANGUAGES };
  return { ...store, choose, alsoPrepare, bridge };
}

const ANONYMOUS: Session = { authenticated: false, citizen: null };

export type SessionNotice = 'representation-ended' | 'expired';

/**
 * The session as the browser may know it (never a token): loaded from `/api/session`, updated by
 * sign-in state changes, switches of who the citizen acts for, extension and expiry. The CSRF
 * token stays here, handed only to the API clients the shell builds.
 */
export function createSessionStore(
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
  /** The session the page came with (the gateway puts it there), so none is asked for first. */
  initial?: SessionResponse,
) {
  const store = createStore<Session>(ANONYMOUS);
  const status = createStore<'loading' | 'ready'>('loading');
  const notice = createStore<SessionNotice | null>(null);
  let csrf: string | null = null;
  const auth: AuthStore = { get: store.get, subscribe: store.subscribe };

  function apply(response: SessionResponse) {
    csrf = response.csrfToken;
    // Keep the same object while nothing changed: subscribers re-render only on real changes.
    if (JSON.stringify(response.session) !== JSON.stringify(store.get())) store.set(response.session);
    if (response.notice) notice.set(response.notice);
    status.set('ready');
  }

  async function request(path: string, init: RequestInit = {}): Promise<SessionResponse | null> {
    try {
      const response = await fetchImpl(path, {
        credentials: 'same-origin',
        ...init,
        headers: {
          accept: 'application/json',
          ...(init.method && init.method !== 'GET' && csrf ? { 'x-csrf-token': csrf } : {}),
          ...(init.body ? { 'content-type': 'application/json' } : {}),
        },
      });
      if (response.status === 401) {
        apply({ session: ANONYMOUS, csrfToken: null, notice: null });
        return null;
      }
      const parsed = sessionResponseSchema.safeParse(await response.json());
      if (!parsed.success) return null;
      apply(parsed.data);
      return parsed.data;
    } catch {
      return null;
    }
  }

  if (initial) apply(initial);

  return {
    ...store,
    auth,
    status,
    notice,
    csrfToken: () => csrf,
    /** Reads the session without extending it. */
    async refresh(): Promise<void> {
      const answer = await request('/api/session');
      if (!answer && status.get() === 'loading') apply({ session: ANONYMOUS, csrfToken: null, notice: null });
    },
    /** "Stay signed in". */
    async extend(): Promise<boolean> {
      return (await request('/api/session/extend', { method: 'POST' })) !== null;
    },
    async actFor(powerId: string | null): Promise<boolean> {
      const answer =
        powerId === null
          ? await request('/api/session/acting-for', { method: 'DELETE' })
          : await request('/api/session/acting-for', { method: 'PUT', body: JSON.stringify({ powerId }) });
      return answer !== null;
    },
    /**
     * The session ended (expiry): forget it here too. When the shell's own countdown ran out, the
     * gateway is told as well, so that nothing private can be read with that cookie afterwards.
     */
    expire(options: { tellGateway?: boolean } = {}) {
      if (options.tellGateway && csrf) {
        void fetchImpl('/auth/logout', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { accept: 'application/json', 'x-csrf-token': csrf },
        }).catch(() => undefined);
      }
      apply({ session: ANONYMOUS, csrfToken: null, notice: null });
      notice.set('expired');
    },
    async signOut(): Promise<void> {
      let redirectTo = '/';
      try {
        const response = await fetchImpl('/auth/logout', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { accept: 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}) },
        });
        const body = (await response.json()) as { redirectTo?: unknown };
        if (typeof body.redirectTo === 'string') redirectTo = body.redirectTo;
      } catch {
        // The page still leaves; the gateway session ends at its idle time at the latest.
      }
      csrf = null;
      store.set(ANONYMOUS);
      window.location.assign(redirectTo);
    },
  };
}

/** Where the "sign in" link goes: the gateway starts the OIDC flow and brings the citizen back. */
export function signInHref(
  returnTo: string,
  options: { language: string; theme: string; stepUp?: boolean },
): string {
  const query = new URLSearchParams({ returnTo, lang: options.language, theme: options.theme });
  if (options.stepUp) query.set('loa', 'high');
  return `/auth/login?${query.toString()}`;
}

export { THEMES, type Theme };
const THEME_KEY = 'carpeta.theme';

/** The appearance kept in this browser, or "system". */
export function storedTheme(): Theme {
  try {
    const stored = window.localStorage.getItem(THEME_KEY);
    if (isTheme(stored)) return stored;
  } catch {
    // Storage can be disabled; the system theme applies.
  }
  return 'system';
}

/**
 * The citizen's appearance choice, applied as the design system's `data-theme` on <html>.
 * "system" removes the attribute so the design system follows `prefers-color-scheme`.
 */
export function createThemeStore(initial: Theme = storedTheme(), options: { inPage?: boolean } = {}) {
  const store = createStore<Theme>(initial);
  const apply = (theme: Theme) => {
    if (theme === 'system') document.documentElement.removeAttribute('data-theme');
    else document.documentElement.dataset.theme = theme;
    keepInCookie(THEME_COOKIE, theme);
    try {
      window.localStorage.setItem(THEME_KEY, theme);
    } catch {
      // Not persisted; the choice still applies to this page.
    }
  };
  if (options.inPage !== false) {
    apply(store.get());
    store.subscribe(apply);
  }
  return { ...store, isTheme };
}
