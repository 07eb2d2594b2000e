// Relative imports of zod-free modules only: this helper is bundled into every plain-JavaScript remote.
import type { i18n, TFunction } from 'i18next';
import type { Session } from '../domain.ts';
import { createTranslator, type MessageCatalog } from '../i18n.ts';
import type { Language } from '../languages.ts';
import { createFormatters, type Formatters } from '../format.ts';

export { createFormatters, type Formatters };
import type { CarpetaLifecycles, CarpetaProps } from '../props.ts';

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
  language(): Language;
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

export interface VanillaApp {
  /** The MFE's own messages, Spanish required. */
  messages: MessageCatalog;
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

/**
 * Turns `mount(element, props)` / `unmount()` functions into the single-spa lifecycles the shell
 * mounts. It subscribes to nothing by itself: the MFE follows what it needs through the
 * `VanillaMount` it receives, and all of it is undone at unmount, which also empties the element.
 */
export function createLifecycles(app: VanillaApp): CarpetaLifecycles {
  let current: Mounted | null = null;
  let translator: i18n | null = null;

  function start(props: CarpetaProps): Mounted {
    translator ??= createTranslator(app.messages, props.i18n.get());
    const words = translator;
    const controller = new AbortController();
    const cleanups: (() => void)[] = [];
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const intervals = new Set<ReturnType<typeof setInterval>>();
    cleanups.push(() => {
      for (const timer of timers) clearTimeout(timer);
      for (const interval of intervals) clearInterval(interval);
    });
    let formatters = createFormatters(props.i18n.get());
    let formattedIn = props.i18n.get();
    const alive = () => !controller.signal.aborted;
    const mount: VanillaMount = {
      signal: controller.signal,
      t: ((key: string | string[], options?: object) =>
        words.getFixedT(props.i18n.get())(key, options as never)) as TFunction,
      translator: words,
      language: () => props.i18n.get(),
      session: () => props.auth.get(),
      onLanguageChange(listener) {
        if (alive()) cleanups.push(props.i18n.subscribe(listener));
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
        const language = props.i18n.get();
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
      const mounted = start(props);
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
  };
}
