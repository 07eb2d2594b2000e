import {
  DEFAULT_LANGUAGE,
  LANGUAGES,
  type AuthStore,
  type I18nBridge,
  type Language,
  type Session,
  isLanguage,
  sessionSchema,
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

export function initialLanguage(): Language {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (isLanguage(fromUrl)) return fromUrl;
  try {
    const stored = window.localStorage.getItem(LANGUAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage can be disabled; the default language still works.
  }
  for (const candidate of navigator.languages ?? []) {
    const base = candidate.slice(0, 2).toLowerCase();
    if (isLanguage(base)) return base;
  }
  return DEFAULT_LANGUAGE;
}

export function createLanguageStore(initial: Language) {
  const store = createStore<Language>(initial);
  const apply = (language: Language) => {
    document.documentElement.lang = language;
    try {
      window.localStorage.setItem(LANGUAGE_KEY, language);
    } catch {
      // Not persisted; the choice still applies to this page.
    }
  };
  apply(initial);
  store.subscribe(apply);
  const bridge: I18nBridge = { get: store.get, subscribe: store.subscribe, languages: LANGUAGES };
  return { ...store, bridge };
}

const ANONYMOUS: Session = { authenticated: false, citizen: null };

export function createSessionStore() {
  const store = createStore<Session>(ANONYMOUS);
  const auth: AuthStore = { get: store.get, subscribe: store.subscribe };
  async function refresh(): Promise<void> {
    try {
      const response = await fetch('/api/session', { credentials: 'same-origin' });
      const parsed = sessionSchema.safeParse(await response.json());
      store.set(parsed.success ? parsed.data : ANONYMOUS);
    } catch {
      store.set(ANONYMOUS);
    }
  }
  return { ...store, auth, refresh };
}

export const THEMES = ['system', 'light', 'dark', 'high-contrast'] as const;
export type Theme = (typeof THEMES)[number];
const THEME_KEY = 'carpeta.theme';

function isTheme(value: unknown): value is Theme {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value);
}

/**
 * The citizen's appearance choice, applied as the design system's `data-theme` on <html>.
 * "system" removes the attribute so the design system follows `prefers-color-scheme`.
 */
export function createThemeStore() {
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem(THEME_KEY);
  } catch {
    // Storage can be disabled; the system theme applies.
  }
  const store = createStore<Theme>(isTheme(stored) ? stored : 'system');
  const apply = (theme: Theme) => {
    if (theme === 'system') document.documentElement.removeAttribute('data-theme');
    else document.documentElement.dataset.theme = theme;
    try {
      window.localStorage.setItem(THEME_KEY, theme);
    } catch {
      // Not persisted; the choice still applies to this page.
    }
  };
  apply(store.get());
  store.subscribe(apply);
  return { ...store, isTheme };
}
