import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '../domain.ts';
import { createTestProps } from '../testing/props.ts';
import { fragment, h } from './dom.ts';
import { createLifecycles, type VanillaMount } from './lifecycles.ts';

const messages = {
  es: { greeting: 'Hola {{name}}', signedIn: 'Con sesión', signedOut: 'Sin sesión' },
  ca: { greeting: 'Hola, {{name}}', signedIn: 'Amb sessió', signedOut: 'Sense sessió' },
  gl: { greeting: 'Ola {{name}}', signedIn: 'Con sesión', signedOut: 'Sen sesión' },
  eu: { greeting: 'Kaixo {{name}}', signedIn: 'Saioarekin', signedOut: 'Saiorik gabe' },
  va: { greeting: 'Bon dia, {{name}}', signedIn: 'Amb sessió', signedOut: 'Sense sessió' },
  en: { greeting: 'Hello {{name}}', signedIn: 'Signed in', signedOut: 'Signed out' },
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
    expiresAt: '2026-05-01T10:00:00Z',
    absoluteExpiresAt: '2026-05-01T18:00:00Z',
  },
};

const makeProps = () => createTestProps({ mfeId: 'demo', basePath: '/demo', fetch: globalThis.fetch });

/** A small plain-JavaScript MFE that uses everything the helper offers. */
function demoApp(spy: { mounts: VanillaMount[]; unmounted: number; updates: number }) {
  return createLifecycles({
    messages,
    mount(element, props, mount) {
      spy.mounts.push(mount);
      const render = () =>
        element.replaceChildren(
          h(
            'p',
            { class: 'cp-body', 'data-testid': 'text' },
            mount.t('greeting', { name: props.mfeId }),
            ' · ',
            mount.t(mount.session().authenticated ? 'signedIn' : 'signedOut'),
          ),
          h('button', { type: 'button', 'data-action': 'count', hidden: false }, '0'),
        );
      render();
      mount.onLanguageChange(render);
      mount.onSessionChange(render);
      let clicks = 0;
      element.addEventListener(
        'click',
        (event) => {
          const button = (event.target as Element).closest('[data-action="count"]');
          if (button) button.textContent = String(++clicks);
        },
        { signal: mount.signal },
      );
      window.addEventListener('resize', render, { signal: mount.signal });
      mount.setTimeout(() => element.append('late'), 10_000);
      mount.setInterval(() => element.append('tick'), 1_000);
    },
    unmount() {
      spy.unmounted += 1;
    },
    update() {
      spy.updates += 1;
    },
  });
}

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('createLifecycles (plain JavaScript)', () => {
  it('mounts into the given element and follows the language and the session', async () => {
    const { props, setLanguage, setSession } = makeProps();
    const spy = { mounts: [] as VanillaMount[], unmounted: 0, updates: 0 };
    const lifecycles = demoApp(spy);
    await lifecycles.bootstrap(props);
    await lifecycles.mount(props);
    const text = () => props.domElement.querySelector('[data-testid="text"]')?.textContent;
    expect(text()).toBe('Hola demo · Sin sesión');

    setLanguage('en');
    expect(text()).toBe('Hello demo · Signed out');
    setSession(SIGNED_IN);
    expect(text()).toBe('Hello demo · Signed in');

    props.domElement.querySelector('button')?.click();
    expect(props.domElement.querySelector('button')?.textContent).toBe('1');

    await lifecycles.update?.(props);
    expect(spy.updates).toBe(1);
    await lifecycles.unmount(props);
  });

  it('mounts first in a language loaded on demand, follows a switch once its messages are here, loads each once', async () => {
    const { props, setLanguage, telemetry, languageListeners } = createTestProps({
      mfeId: 'demo',
      basePath: '/demo',
      language: 'ca',
      fetch: globalThis.fetch,
    });
    let arrive: (value: typeof messages.en) => void = () => {};
    const loaders = {
      ca: vi.fn(async () => messages.ca),
      gl: vi.fn(async () => messages.gl),
      en: vi.fn(() => new Promise<typeof messages.en>((resolve) => (arrive = resolve))),
      eu: vi.fn().mockRejectedValueOnce(new Error('chunk failed')).mockResolvedValue(messages.eu),
    };
    const seen: string[] = [];
    const lifecycles = createLifecycles({
      messages: { es: messages.es, va: messages.va, ...loaders },
      mount(element, _props, mount) {
        const render = () => {
          seen.push(mount.language());
          element.textContent = `${mount.t('greeting', { name: 'demo' })} · ${mount.format.euros(2)}`;
        };
        render();
        mount.onLanguageChange(render);
      },
    });
    await lifecycles.mount(props);
    expect(props.domElement.textContent?.replace(/\s/g, ' ')).toBe('Hola, demo · 2,00 €');
    // Until its English messages arrive, the MFE stays in Catalan (not Spanish words).
    setLanguage('en');
    expect(props.domElement.textContent).toContain('Hola, demo');
    arrive(messages.en);
    await vi.waitFor(() => expect(props.domElement.textContent).toBe('Hello demo · €2.00'));
    // What the shell asks before it switches: then the switch is at once.
    await lifecycles.prepare?.('gl');
    setLanguage('gl');
    expect(props.domElement.textContent).toContain('Ola demo');
    // A load that fails: Spanish words, reported, tried again at the next switch.
    setLanguage('eu');
    await vi.waitFor(() => expect(seen.at(-1)).toBe('eu'));
    expect(props.domElement.textContent).toContain('Hola demo');
    expect(telemetry.errors.map((error) => error.context)).toEqual([{ mfe: 'demo', phase: 'messages' }]);
    setLanguage('va');
    setLanguage('eu');
    await vi.waitFor(() => expect(props.domElement.textContent).toContain('Kaixo demo'));
    expect(seen).toEqual(['ca', 'en', 'gl', 'eu', 'va', 'eu']);
    await lifecycles.unmount(props);
    expect(languageListeners()).toBe(0);
    setLanguage('ca');
    await lifecycles.mount(props);
    expect(props.domElement.textContent).toContain('Hola, demo');
    expect(Object.values(loaders).map((loader) => loader.mock.calls.length)).toEqual([1, 1, 1, 2]);
    await lifecycles.unmount(props);
  });

  it('formats dates and euros in the current language', async () => {
    const { props, setLanguage } = makeProps();
    const spy = { mounts: [] as VanillaMount[], unmounted: 0, updates: 0 };
    const lifecycles = demoApp(spy);
    await lifecycles.mount(props);
    const [mount] = spy.mounts;
    // Intl separates the amount and the sign with a no-break space.
    expect(mount?.format.euros(1234.5).replace(/\s/g, ' ')).toBe('1234,50 €');
    expect(mount?.format.date('2026-03-31T22:30:00Z')).toBe('1 de abril de 2026');
    setLanguage('en');
    expect(mount?.format.euros(1234.5)).toBe('€1,234.50');
    expect(mount?.format.date('2026-03-31T22:30:00Z')).toBe('1 April 2026');
    await lifecycles.unmount(props);
  });

  it('unmount leaves nothing: no DOM, no styles, no listeners, no timers', async () => {
    vi.useFakeTimers();
    const { props, setLanguage, setSession, languageListeners, sessionListeners } = makeProps();
    const spy = { mounts: [] as VanillaMount[], unmounted: 0, updates: 0 };
    const added = vi.spyOn(window, 'addEventListener');
    const lifecycles = demoApp(spy);
    const headBefore = document.head.children.length;

    await lifecycles.mount(props);
    expect(languageListeners()).toBe(1);
    expect(sessionListeners()).toBe(1);
    expect(vi.getTimerCount()).toBe(2);
    const resizeListener = added.mock.calls.find(([type]) => type === 'resize')?.[1] as () => void;
    expect(resizeListener).toBeTypeOf('function');

    await lifecycles.unmount(props);
    expect(spy.unmounted).toBe(1);
    expect(props.domElement.childNodes).toHaveLength(0);
    expect(document.head.children).toHaveLength(headBefore);
    expect(languageListeners()).toBe(0);
    expect(sessionListeners()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    expect(spy.mounts[0]?.signal.aborted).toBe(true);

    // Nothing reacts any more: a resize, a language or session change, time passing.
    window.dispatchEvent(new Event('resize'));
    setLanguage('en');
    setSession(SIGNED_IN);
    vi.advanceTimersByTime(60_000);
    expect(props.domElement.childNodes).toHaveLength(0);
    // What is asked for after unmount is refused (a late promise of the MFE).
    spy.mounts[0]?.onLanguageChange(() => undefined);
    spy.mounts[0]?.setTimeout(() => undefined, 10);
    expect(languageListeners()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    added.mockRestore();
  });

  it('can be mounted again after an unmount, and a failed mount cleans up and rejects', async () => {
    const { props, languageListeners } = makeProps();
    const spy = { mounts: [] as VanillaMount[], unmounted: 0, updates: 0 };
    const lifecycles = demoApp(spy);
    await lifecycles.mount(props);
    await lifecycles.unmount(props);
    await lifecycles.mount(props);
    expect(props.domElement.textContent).toContain('Hola demo');
    await lifecycles.unmount(props);

    const broken = createLifecycles({
      messages,
      mount(element, _props, mount) {
        mount.onLanguageChange(() => undefined);
        element.append('half-rendered');
        throw new Error('mount failed');
      },
    });
    await expect(broken.mount(props)).rejects.toThrow('mount failed');
    expect(props.domElement.childNodes).toHaveLength(0);
    expect(languageListeners()).toBe(0);
  });
});

describe('h', () => {
  it('writes text as text and attributes by their HTML names', () => {
    const hostile = '<img src=x onerror="alert(1)">';
    const element = h(
      'p',
      { class: 'cp-body', 'aria-hidden': false, hidden: true, 'data-id': 7, title: null },
      hostile,
      [' ', h('strong', null, 'ok')],
      null,
      false,
    );
    expect(element.textContent).toBe(`${hostile} ok`);
    expect(element.querySelector('img')).toBeNull();
    expect(element.getAttribute('class')).toBe('cp-body');
    expect(element.hasAttribute('aria-hidden')).toBe(false);
    expect(element.getAttribute('hidden')).toBe('');
    expect(element.getAttribute('data-id')).toBe('7');
    expect(element.hasAttribute('title')).toBe(false);
    expect(fragment('a', h('b', null, 'b'), 1).childNodes).toHaveLength(3);
  });
});
