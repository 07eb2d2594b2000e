// Relative imports of zod-free modules only: this helper is bundled into every plain-JavaScript remote.
import type { i18n, TFunction } from 'i18next';
import type { Session } from '../domain.ts';
import type { MessageCatalog } from '../i18n.ts';
import { type LazyMessageCatalog, lazyTranslator, mountedLanguage } from '../lazy-messages.ts';
import type { Language } from '../languages.ts';
import { createFormatters, type Formatters } from '../format.ts';

export { createFormatters, type Formatters };
import type { CarpetaLifecycles, CarpetaProps, I18nBridge } from '../props.ts';

/**
 * What a plain-JavaScript MFE gets while it is mounted. Everything it subscribes to through here is
 * undone at unmount: the subscriptions, the timers, and every listener added with `signal`.
 */
export interface VanillaMount {
  /** Aborted when the MFE is unmounted: pass it to `addEventListener`, `fetch`, `api.get`... */
  readonly signal: AbortSignal;
  /** The MFE's own messages in the current language. */
  readonly t: TFunction;
  /** The i18next instance of the MFE's messages (for plurals, `exists`, formats). */
  readonly translator: i18n;
  /**
   * The portal's language, once the MFE's messages in it are here (until then, the one before: a
   * switch to a language loaded on demand shows once its messages have loaded).
   */
  language(): Language;
  /** The citizen's session as the shell knows it now. */
  session(): Session;
  /** Calls `listener` on every language change until unmount (not now: render once yourself). */
  onLanguageChange(listener: (language: Language) => void): void;
  /** Calls `listener` on every session change until unmount. */
  onSessionChange(listener: (session: Session) => void): void;
  /** `setTimeout` cleared at unmount. */
  setTimeout(callback: () => void, ms: number): void;
  /** `setInterval` cleared at unmount. */
  setInterval(callback: () => void, ms: number): void;
  /** Runs `cleanup` at unmount (last registered, first run). */
  onUnmount(cleanup: () => void): void;
  /** Date and number formatting in the citizen's language and the portal's time zone. */
  readonly format: Formatters;
}

/** A plain-JavaScript MFE as `createLifecycles` takes it: its messages and how it mounts. */
export interface VanillaApp {
  /**
   * The MFE's own messages, Spanish required. Other languages may be functions that import them
   * (`LazyMessageCatalog`): the MFE is then mounted, and follows a switch, once the language's
   * messages are here.
   */
  messages: MessageCatalog | LazyMessageCatalog;
  /**
   * Renders into `element` (the shell created it and removes it). May return a promise; a throw or
   * a rejection is reported by the shell, which shows its error panel in the MFE's area.
   */
  mount(element: HTMLElement, props: CarpetaProps, mount: VanillaMount): void | Promise<void>;
  /** Anything to undo besides what `VanillaMount` undoes (the element is emptied afterwards). */
  unmount?(element: HTMLElement): void | Promise<void>;
  /** single-spa's update: new props for a mounted MFE. */
  update?(props: CarpetaProps, mount: VanillaMount): void | Promise<void>;
}

interface Mounted {
  element: HTMLElement;
  controller: AbortController;
  cleanups: (() => void)[];
  mount: VanillaMount;
}

type Loader = ReturnType<typeof lazyTranslator>;

/**
 * Turns `mount(element, props)` / `unmount()` functions into the single-spa lifecycles the shell
 * mounts. It subscribes to nothing by itself: the MFE follows what it needs through the
 * `VanillaMount` it receives, and all of it is undone at unmount, which also empties the element.
 */
export function createLifecycles(app: VanillaApp): CarpetaLifecycles {
  let current: Mounted | null = null;
  // One translator for every mount, made at the first; translations name their language.
  let loader: Loader | undefined;
  const loaderFor = (language: Language) => {
    loader ??= lazyTranslator(app.messages, language);
    return loader;
  };

  // `shown` is what the MFE reads as the portal's language: the shell's, once its messages are here
  // (`mountedLanguage`); it is stopped with the other cleanups.
  function start(props: CarpetaProps, shown: I18nBridge & { stop(): void }): Mounted {
    const words: i18n = loaderFor(shown.get()).translator;
    const controller = new AbortController();
    const cleanups: (() => void)[] = [shown.stop];
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const intervals = new Set<ReturnType<typeof setInterval>>();
    cleanups.push(() => {
      for (const timer of timers) clearTimeout(timer);
      for (const interval of intervals) clearInterval(interval);
    });
    let formatters = createFormatters(shown.get());
    let formattedIn = shown.get();
    const alive = () => !controller.signal.aborted;
    const mount: VanillaMount = {
      signal: controller.signal,
      t: ((key: string | string[], options?: object) =>
        words.getFixedT(shown.get())(key, options as never)) as TFunction,
      translator: words,
      language: () => shown.get(),
      session: () => props.auth.get(),
      onLanguageChange(listener) {
        if (alive()) cleanups.push(shown.subscribe(listener));
      },
      onSessionChange(listener) {
        if (alive()) cleanups.push(props.auth.subscribe(listener));
      },
      setTimeout(callback, ms) {
        if (!alive()) return;
        const timer = setTimeout(() => {
          timers.delete(timer);
          callback();
        }, ms);
        timers.add(timer);
      },
      setInterval(callback, ms) {
        if (alive()) intervals.add(setInterval(callback, ms));
      },
      onUnmount(cleanup) {
        if (alive()) cleanups.push(cleanup);
        else cleanup();
      },
      get format() {
        const language = shown.get();
        if (language !== formattedIn) {
          formatters = createFormatters(language);
          formattedIn = language;
        }
        return formatters;
      },
    };
    return { element: props.domElement, controller, cleanups, mount };
  }

  async function stop(mounted: Mounted, props: CarpetaProps | null): Promise<void> {
    try {
      await app.unmount?.(mounted.element);
    } finally {
      mounted.controller.abort();
      for (const cleanup of mounted.cleanups.splice(0).reverse()) {
        try {
          cleanup();
        } catch (error) {
          props?.telemetry.error(error, { mfe: props.mfeId, phase: 'unmount' });
        }
      }
      mounted.element.replaceChildren();
    }
  }

  return {
    async bootstrap() {},
    async mount(props) {
      if (current) await stop(current, props);
      // The first render is in the citizen's language: its messages first, if loaded on demand
      // (hinted by the gateway on the first route, loaded ahead otherwise: `prepare`).
      const shown = await mountedLanguage(loaderFor(props.i18n.get()), props);
      const mounted = start(props, shown);
      current = mounted;
      try {
        await app.mount(props.domElement, props, mounted.mount);
      } catch (error) {
        current = null;
        await stop(mounted, props);
        throw error;
      }
    },
    async unmount(props) {
      const mounted = current;
      current = null;
      if (mounted) await stop(mounted, props);
    },
    async update(props) {
      if (current && app.update) await app.update(props, current.mount);
    },
    prepare: (language) => loaderFor(language).ensure(language),
  };
}
