/**
 * Runs in the kit's page before any other script (Playwright's `addInitScript`): counts what a
 * remote can leave behind after unmount — listeners on window and document, intervals and pending
 * timeouts — and stands in for React's developer tools hook, which every copy of react-dom announces
 * itself to (the portal's React is Preact, shared: any real react-dom is a copy of the remote's own).
 * Serialised by Playwright: it must not refer to anything outside its own body.
 */
export function installProbe(): void {
  interface ProbeWindow {
    __carpetaProbe?: unknown;
    __REACT_DEVTOOLS_GLOBAL_HOOK__?: unknown;
  }
  const scope = window as unknown as ProbeWindow & typeof globalThis;
  const keyOf = (type: string, options: boolean | EventListenerOptions | undefined) =>
    `${type}|${typeof options === 'boolean' ? options : Boolean(options?.capture)}`;
  const registered = new Map<EventTarget, Map<string, Set<unknown>>>();
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (
    this: EventTarget,
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ) {
    if (listener && (this === window || this === document)) {
      const byType = registered.get(this) ?? new Map<string, Set<unknown>>();
      registered.set(this, byType);
      const key = keyOf(type, options);
      const set = byType.get(key) ?? new Set<unknown>();
      byType.set(key, set);
      set.add(listener);
      if (typeof options === 'object' && options?.signal) {
        options.signal.addEventListener('abort', () => set.delete(listener));
      }
    }
    return add.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (
    this: EventTarget,
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ) {
    registered.get(this)?.get(keyOf(type, options))?.delete(listener);
    return remove.call(this, type, listener, options);
  };

  const intervals = new Set<unknown>();
  const timeouts = new Set<unknown>();
  const setIntervalOriginal = scope.setInterval.bind(scope);
  const clearIntervalOriginal = scope.clearInterval.bind(scope);
  const setTimeoutOriginal = scope.setTimeout.bind(scope);
  const clearTimeoutOriginal = scope.clearTimeout.bind(scope);
  scope.setInterval = ((handler: TimerHandler, timeout?: number, ...args: unknown[]) => {
    const id = setIntervalOriginal(handler, timeout, ...args);
    intervals.add(id);
    return id;
  }) as typeof setInterval;
  scope.clearInterval = ((id?: number) => {
    intervals.delete(id);
    clearIntervalOriginal(id);
  }) as typeof clearInterval;
  scope.setTimeout = ((handler: TimerHandler, timeout?: number, ...args: unknown[]) => {
    let id: number | undefined;
    const run =
      typeof handler === 'function'
        ? (...values: unknown[]) => {
            timeouts.delete(id);
            (handler as (...values: unknown[]) => void)(...values);
          }
        : handler;
    id = setTimeoutOriginal(run, timeout, ...args);
    if (typeof handler === 'function') timeouts.add(id);
    return id;
  }) as typeof setTimeout;
  scope.clearTimeout = ((id?: number) => {
    timeouts.delete(id);
    clearTimeoutOriginal(id);
  }) as typeof clearTimeout;

  const renderers: string[] = [];
  scope.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    isDisabled: false,
    supportsFiber: true,
    renderers: new Map(),
    inject(renderer: { version?: string; rendererPackageName?: string }) {
      renderers.push(`${renderer.rendererPackageName ?? 'react-dom'} ${renderer.version ?? ''}`.trim());
      return renderers.length;
    },
    checkDCE() {},
    onCommitFiberRoot() {},
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    onScheduleFiberRoot() {},
    setStrictMode() {},
  };

  const count = (target: EventTarget) => {
    const byType = registered.get(target);
    const types: Record<string, number> = {};
    for (const [key, set] of byType ?? []) if (set.size > 0) types[key.split('|')[0] as string] = set.size;
    return types;
  };
  const initialGlobals = new Set(Object.getOwnPropertyNames(window));
  scope.__carpetaProbe = {
    snapshot() {
      return {
        windowListeners: count(window),
        documentListeners: count(document),
        intervals: intervals.size,
        timeouts: timeouts.size,
        // Each as the start of its HTML, enough to recognise it.
        bodyElements: [...(document.body?.children ?? [])].map((element) => {
          const html = element.outerHTML.replace(/\s+/g, ' ');
          return html.length > 100 ? `${html.slice(0, 100)}…` : html;
        }),
        styles: document.querySelectorAll('style, link[rel="stylesheet"]').length,
        globals: Object.getOwnPropertyNames(window).filter((name) => !initialGlobals.has(name)),
      };
    },
    renderers: () => [...renderers],
  };
}

/** What `__carpetaProbe.snapshot()` answers. */
export interface ProbeSnapshot {
  windowListeners: Record<string, number>;
  documentListeners: Record<string, number>;
  intervals: number;
  timeouts: number;
  bodyElements: string[];
  styles: number;
  globals: string[];
}
