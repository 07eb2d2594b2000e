// The test components are compiled just in time: the MFEs' own components are compiled ahead of
// time by their Vite build, the sdk's helper itself has no decorators.
import '@angular/compiler';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { platformBrowser } from '@angular/platform-browser';
import i18next from 'i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '../domain.ts';
import { createTestProps } from '../testing/index.ts';
import {
  injectCarpeta,
  injectEvent,
  injectEvents,
  injectFormatters,
  injectSession,
  injectSubPath,
  injectTranslate,
} from './index.ts';
import { createAngularLifecycles } from './lifecycles.ts';

const messages = {
  es: { greeting: 'Hola {{name}}', signedIn: 'con sesión', anonymous: 'sin sesión' },
  ca: { greeting: 'Hola, {{name}}', signedIn: 'amb sessió', anonymous: 'sense sessió' },
  gl: { greeting: 'Ola {{name}}', signedIn: 'con sesión', anonymous: 'sen sesión' },
  eu: { greeting: 'Kaixo {{name}}', signedIn: 'saioarekin', anonymous: 'saiorik gabe' },
  va: { greeting: 'Bon dia, {{name}}', signedIn: 'amb sessió', anonymous: 'sense sessió' },
  en: { greeting: 'Hello {{name}}', signedIn: 'signed in', anonymous: 'signed out' },
};

const SIGNED_IN: Session = {
  authenticated: true,
  citizen: {
    displayName: 'María García López',
    maskedId: '***4567**',
    loa: 'substantial',
    method: 'clave-movil',
    previousAccess: null,
    actingFor: null,
    expiresAt: '2026-03-03T10:00:00Z',
    absoluteExpiresAt: '2026-03-03T18:00:00Z',
  },
};

@Component({
  selector: 'cp-demo',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: ':host { display: block } p { margin: 0 }',
  template: `<p>{{ t('greeting', { name: props.mfeId }) }} ({{ t.language() }}, {{
      session().authenticated ? t('signedIn') : t('anonymous')
    }}) {{ count()?.count ?? '-' }} {{ path() }} {{ format.date('2026-03-03') }}</p>
    <button type="button" (click)="emit()">emit</button>`,
})
class DemoComponent {
  protected readonly props = injectCarpeta();
  protected readonly t = injectTranslate();
  protected readonly session = injectSession();
  protected readonly count = injectEvent('notifications:pending-count');
  protected readonly path = injectSubPath();
  protected readonly format = injectFormatters();
  private readonly events = injectEvents();
  emit(): void {
    this.events.emit('notification:read', { id: 'dehu:N-1' });
  }
}

@Component({ selector: 'cp-broken', template: '<p>{{ fail() }}</p>' })
class BrokenComponent {
  fail(): string {
    throw new Error('render failed');
  }
}

const text = (element: HTMLElement) => element.querySelector('p')?.textContent?.replace(/\s+/g, ' ').trim();

/**
 * Records what the page holds besides the MFE's element, so a test can check that unmounting gives
 * all of it back: listeners on window and document, timers and animation frames not yet run or
 * cleared, and elements in <head>.
 */
function watchGlobals() {
  const listeners = new Set<string>();
  const timers = new Set<unknown>();
  const spies = [window, document].flatMap((target: EventTarget) => {
    const name = target === window ? 'window' : 'document';
    const add = target.addEventListener;
    const remove = target.removeEventListener;
    return [
      vi.spyOn(target, 'addEventListener').mockImplementation(function (this: EventTarget, ...args) {
        listeners.add(`${name}:${args[0]}`);
        return add.apply(this, args);
      }),
      vi.spyOn(target, 'removeEventListener').mockImplementation(function (this: EventTarget, ...args) {
        listeners.delete(`${name}:${args[0]}`);
        return remove.apply(this, args);
      }),
    ];
  });
  const realSetTimeout = globalThis.setTimeout;
  const realClearTimeout = globalThis.clearTimeout;
  const realRaf = globalThis.requestAnimationFrame;
  const realCancelRaf = globalThis.cancelAnimationFrame;
  const realSetInterval = globalThis.setInterval;
  globalThis.setTimeout = ((handler: () => void, ms?: number, ...rest: unknown[]) => {
    const id: unknown = realSetTimeout(
      () => {
        timers.delete(id);
        handler();
      },
      ms,
      ...rest,
    );
    timers.add(id);
    return id;
  }) as typeof setTimeout;
  globalThis.clearTimeout = ((id: Parameters<typeof clearTimeout>[0]) => {
    timers.delete(id);
    realClearTimeout(id);
  }) as typeof clearTimeout;
  globalThis.setInterval = ((...args: Parameters<typeof setInterval>) => {
    const id = realSetInterval(...args);
    timers.add(id);
    return id;
  }) as typeof setInterval;
  globalThis.requestAnimationFrame = (callback) => {
    const id = realRaf((time) => {
      timers.delete(`raf:${id}`);
      callback(time);
    });
    timers.add(`raf:${id}`);
    return id;
  };
  globalThis.cancelAnimationFrame = (id) => {
    timers.delete(`raf:${id}`);
    realCancelRaf(id);
  };
  const head = document.head.childElementCount;
  return {
    listeners,
    timers,
    headAdded: () => document.head.childElementCount - head,
    restore() {
      for (const spy of spies) spy.mockRestore();
      globalThis.setTimeout = realSetTimeout;
      globalThis.clearTimeout = realClearTimeout;
      globalThis.setInterval = realSetInterval;
      globalThis.requestAnimationFrame = realRaf;
      globalThis.cancelAnimationFrame = realCancelRaf;
    },
  };
}

// Angular's platform is created once per page by the first Angular application and kept for the
// next ones (as React's module is): it is created here, before the MFE's globals are watched.
platformBrowser();

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

describe('createAngularLifecycles', () => {
  it('mounts the component with the shell props, follows language, session and events, and unmounts leaving nothing', async () => {
    window.history.replaceState(null, '', '/demo/receipts/R%2F1');
    const test = createTestProps({ mfeId: 'demo', basePath: '/demo', fetch: globalThis.fetch });
    const { props } = test;
    const globals = watchGlobals();
    restore = globals.restore;
    const lifecycles = createAngularLifecycles({ rootComponent: DemoComponent, messages });

    await lifecycles.bootstrap(props);
    await lifecycles.mount(props);
    await vi.waitFor(() =>
      expect(text(props.domElement)).toBe('Hola demo (es, sin sesión) - /receipts/R/1 3 de marzo de 2026'),
    );
    expect(props.domElement.querySelector('[data-carpeta-angular="demo"]')).not.toBeNull();
    // Component styles are scoped to this MFE's APP_ID.
    expect(globals.headAdded()).toBeGreaterThan(0);
    expect(
      [...document.head.querySelectorAll('style')].some((style) => style.textContent?.includes('margin')),
    ).toBe(true);

    test.setLanguage('en');
    await vi.waitFor(() =>
      expect(text(props.domElement)).toBe('Hello demo (en, signed out) - /receipts/R/1 3 March 2026'),
    );
    test.setSession(SIGNED_IN);
    await vi.waitFor(() => expect(text(props.domElement)).toContain('(en, signed in)'));
    props.events.emit('notifications:pending-count', { count: 4 });
    await vi.waitFor(() => expect(text(props.domElement)).toContain('signed in) 4 '));
    window.history.pushState(null, '', '/demo');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await vi.waitFor(() => expect(text(props.domElement)).toContain(' 4 / 3 March'));

    const read = vi.fn();
    const off = props.events.on('notification:read', read);
    props.domElement.querySelector('button')?.click();
    expect(read).toHaveBeenCalledWith({ id: 'dehu:N-1' });
    off();

    await lifecycles.unmount(props);
    expect(props.domElement.childNodes).toHaveLength(0);
    expect(test.languageListeners()).toBe(0);
    expect(test.sessionListeners()).toBe(0);
    expect(test.eventListeners()).toBe(0);
    expect(globals.headAdded()).toBe(0);
    expect([...globals.listeners]).toEqual([]);
    // Angular's zoneless scheduler may still hold one callback it cancels itself; give it a turn.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect([...globals.timers]).toEqual([]);
  });

  it('can be mounted again after an unmount, and two Angular MFEs can be mounted side by side', async () => {
    const first = createTestProps({ mfeId: 'first', basePath: '/first', fetch: globalThis.fetch });
    const second = createTestProps({ mfeId: 'second', basePath: '/second', fetch: globalThis.fetch });
    const lifecycles = createAngularLifecycles({ rootComponent: DemoComponent, messages });
    const other = createAngularLifecycles({ rootComponent: DemoComponent, messages });
    await lifecycles.mount(first.props);
    await lifecycles.unmount(first.props);
    await lifecycles.mount(first.props);
    await other.mount(second.props);
    await vi.waitFor(() => {
      expect(text(first.props.domElement)).toContain('Hola first');
      expect(text(second.props.domElement)).toContain('Hola second');
    });
    second.setLanguage('en');
    await vi.waitFor(() => expect(text(second.props.domElement)).toContain('Hello second'));
    expect(text(first.props.domElement)).toContain('Hola first');

    await lifecycles.unmount(first.props);
    expect(text(second.props.domElement)).toContain('Hello second');
    await other.unmount(second.props);
    expect(first.props.domElement.childNodes).toHaveLength(0);
    expect(second.props.domElement.childNodes).toHaveLength(0);
  });

  it('keeps one translator for all the mounts of an MFE, each in its own language', async () => {
    // A catalogue of its own: the translator is kept per catalogue, and the tests above used theirs.
    const catalogue = { ...messages };
    const made = vi.spyOn(i18next, 'createInstance');
    try {
      const test = createTestProps({ mfeId: 'again', basePath: '/again', fetch: globalThis.fetch });
      const lifecycles = createAngularLifecycles({ rootComponent: DemoComponent, messages: catalogue });
      await lifecycles.mount(test.props);
      await vi.waitFor(() => expect(text(test.props.domElement)).toContain('Hola again (es, sin sesión)'));
      await lifecycles.unmount(test.props);

      // Mounted again in a language the translator was not made in.
      test.setLanguage('ca');
      await lifecycles.mount(test.props);
      await vi.waitFor(() => expect(text(test.props.domElement)).toContain('Hola, again (ca, sense sessió)'));
      test.setLanguage('en');
      await vi.waitFor(() => expect(text(test.props.domElement)).toContain('Hello again (en, signed out)'));
      await lifecycles.unmount(test.props);
      expect(made).toHaveBeenCalledTimes(1);
    } finally {
      made.mockRestore();
    }
  });

  it('renders first in a language loaded on demand and switches once its messages are here', async () => {
    let arrive: (value: (typeof messages)['en']) => void = () => {};
    const loaders = {
      ca: vi.fn(async () => messages.ca),
      gl: vi.fn(async () => messages.gl),
      en: vi.fn(() => new Promise<(typeof messages)['en']>((resolve) => (arrive = resolve))),
    };
    const test = createTestProps({
      mfeId: 'lazy',
      basePath: '/lazy',
      fetch: globalThis.fetch,
      language: 'ca',
    });
    const lifecycles = createAngularLifecycles({
      rootComponent: DemoComponent,
      messages: { ...messages, ...loaders },
    });
    await lifecycles.mount(test.props);
    await vi.waitFor(() => expect(text(test.props.domElement)).toContain('Hola, lazy (ca, sense sessió)'));
    test.setLanguage('en');
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Catalan until the English messages arrive, never Spanish words.
    expect(text(test.props.domElement)).toContain('Hola, lazy (ca, sense sessió)');
    arrive(messages.en);
    await vi.waitFor(() => expect(text(test.props.domElement)).toContain('Hello lazy (en, signed out)'));
    await lifecycles.prepare?.('gl');
    test.setLanguage('gl');
    await vi.waitFor(() => expect(text(test.props.domElement)).toContain('Ola lazy (gl, sen sesión)'));
    await lifecycles.unmount(test.props);
    expect(test.languageListeners()).toBe(0);
    expect([loaders.ca, loaders.gl, loaders.en].map((loader) => loader.mock.calls.length)).toEqual([1, 1, 1]);
  });

  it('reports errors of the component tree to the portal', async () => {
    const { props, telemetry } = createTestProps({
      mfeId: 'broken',
      basePath: '/b',
      fetch: globalThis.fetch,
    });
    const lifecycles = createAngularLifecycles({ rootComponent: BrokenComponent, messages });
    await lifecycles.mount(props).catch(() => undefined);
    await vi.waitFor(() =>
      expect(telemetry.errors).toContainEqual({
        error: expect.objectContaining({ message: 'render failed' }),
        context: { mfe: 'broken', phase: 'render' },
      }),
    );
    await lifecycles.unmount(props);
    expect(props.domElement.childNodes).toHaveLength(0);
  });
});
