import type { i18n } from 'i18next';
import { addMessages, createTranslator, type MessageCatalog, type Messages } from './i18n.ts';
import type { Language } from './languages.ts';
import type { CarpetaProps, I18nBridge } from './props.ts';

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
 * What an MFE whose messages load on demand reads as the portal's language while mounted. It loads
 * the citizen's language first (the first render is in it; Spanish words if the load fails,
 * reported with `phase: 'messages'`), then follows the shell: a language it has the messages of at
 * once, another once they are loaded (or failed to), never half in Spanish meanwhile. The shell
 * asks `prepare` before it switches, so its switch and the MFE's are one. `stop()` at unmount.
 */
export async function mountedLanguage(
  loader: Pick<ReturnType<typeof lazyTranslator>, 'ensure' | 'has'>,
  props: Pick<CarpetaProps, 'i18n' | 'telemetry' | 'mfeId'>,
): Promise<I18nBridge & { stop(): void }> {
  const bridge = props.i18n;
  const report = (error: unknown) => props.telemetry.error(error, { mfe: props.mfeId, phase: 'messages' });
  let current = bridge.get();
  await loader.ensure(current).catch(report);
  const listeners = new Set<(language: Language) => void>();
  const show = (language: Language) => {
    if (language === current) return;
    current = language;
    for (const listener of [...listeners]) listener(language);
  };
  const follow = (language: Language) => {
    if (loader.has(language)) return show(language);
    void loader
      .ensure(language)
      .catch(report)
      .then(() => {
        if (bridge.get() === language) show(language);
      });
  };
  const stop = bridge.subscribe(follow);
  // A switch while the first language loaded.
  follow(bridge.get());
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
