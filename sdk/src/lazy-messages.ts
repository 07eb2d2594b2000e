import type { i18n } from 'i18next';
import { addMessages, createTranslator, type MessageCatalog, type Messages } from './i18n.ts';
import type { Language } from './languages.ts';
import type { I18nBridge } from './props.ts';

// Apart from ./i18n.ts, whose module the shell's first chunk holds whole (the federation host shares
// every export of the sdk's entry): this is only for pages with an MFE.

/**
 * An MFE's catalogue whose other languages may be loaded on demand: Spanish in the MFE's code,
 * each other language either there too or a function importing it (`() => import('./messages/ca.ts')
 * .then((m) => m.ca)`). Built by `defineCarpetaMfe`, a catalogue imported from
 * `src/messages/<language>.ts` is a chunk of its own (`messages-<language>-<hash>.js`, see
 * `MESSAGES_CHUNK`), which the gateway hints on a page in that language: a reader downloads only
 * the language they read, with no round trip more. Write `satisfies LazyCatalog<typeof es>` to have
 * the compiler check every language's keys.
 */
export type LazyMessageCatalog = { es: Messages } & {
  [L in Exclude<Language, 'es'>]?: Messages | (() => Promise<Messages>);
};

/**
 * A translator (`createTranslator`) of a catalogue whose languages may load on demand, with what
 * brings one language into it: `ensure` loads it if needed and resolves at once when it is there;
 * two calls for one language share one load, and a load that failed is tried again by the next
 * call (it rejects, and the translator keeps Spanish for that language meanwhile).
 */
export function lazyTranslator(
  catalog: MessageCatalog | LazyMessageCatalog,
  language: Language,
): { translator: i18n; ensure(language: Language): Promise<void>; has(language: Language): boolean } {
  const here = Object.fromEntries(Object.entries(catalog).filter(([, entry]) => typeof entry === 'object'));
  const translator = createTranslator(here as { es: Messages }, language);
  const loading = new Map<Language, Promise<void>>();
  const has = (language: Language) =>
    typeof catalog[language] !== 'function' || translator.hasResourceBundle(language, 'translation');
  return {
    translator,
    has,
    ensure(language) {
      const entry = catalog[language];
      if (typeof entry !== 'function' || has(language)) return Promise.resolve();
      let load = loading.get(language);
      if (!load) {
        load = entry().then(
          (messages) => addMessages(translator, language, messages),
          (error: unknown) => {
            loading.delete(language);
            throw error;
          },
        );
        loading.set(language, load);
      }
      return load;
    },
  };
}

/**
 * The shell's language as an MFE with messages loaded on demand shows it: a language it has the
 * messages of at once, another once they are loaded (or failed to: Spanish where words are
 * missing). The shell asks `prepare` before it switches, so its switch and the MFE's are one.
 */
export function readyLanguage(
  bridge: I18nBridge,
  loader: Pick<ReturnType<typeof lazyTranslator>, 'ensure' | 'has'>,
  report: (error: unknown) => void,
): I18nBridge & { stop(): void } {
  let current = bridge.get();
  const listeners = new Set<(language: Language) => void>();
  const show = (language: Language) => {
    if (language === current) return;
    current = language;
    for (const listener of [...listeners]) listener(language);
  };
  const stop = bridge.subscribe((language) => {
    if (loader.has(language)) return show(language);
    void loader
      .ensure(language)
      .catch(report)
      .then(() => {
        if (bridge.get() === language) show(language);
      });
  });
  return {
    get: () => current,
    languages: bridge.languages,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop,
  };
}
