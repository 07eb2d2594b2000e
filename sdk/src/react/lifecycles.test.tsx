import { act, useContext } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createTestProps, runLifecycle } from '../testing/index.ts';
import { CarpetaContext, useCarpeta, useSession, useTranslation } from './context.tsx';
import { createLifecycles } from './lifecycles.tsx';

const makeProps = () => createTestProps({ mfeId: 'demo', basePath: '/demo', fetch: globalThis.fetch });
const run = runLifecycle;

function Demo() {
  const { t, language } = useTranslation();
  const { mfeId } = useCarpeta();
  const session = useSession();
  return (
    <p>
      {t('greeting', { name: mfeId })} ({language}, {session.authenticated ? 'in' : 'out'})
    </p>
  );
}

const translatorsSeen: unknown[] = [];
function Translator() {
  const { t } = useTranslation();
  translatorsSeen.push(useContext(CarpetaContext)?.translator);
  return <p>{t('greeting', { name: 'x' })}</p>;
}

function Broken(): never {
  throw new Error('render failed');
}

const messages = {
  es: { greeting: 'Hola {{name}}' },
  ca: { greeting: 'Hola, {{name}}' },
  gl: { greeting: 'Ola {{name}}' },
  eu: { greeting: 'Kaixo {{name}}' },
  va: { greeting: 'Bon dia, {{name}}' },
  en: { greeting: 'Hello {{name}}' },
};

describe('createLifecycles', () => {
  it('mounts into the given element with the props in context and follows the language', async () => {
    const { props, setLanguage, languageListeners } = makeProps();
    const lifecycles = createLifecycles({ rootComponent: Demo, messages });
    await run(() => lifecycles.bootstrap(props));
    await run(() => lifecycles.mount(props));
    expect(props.domElement.textContent).toBe('Hola demo (es, out)');
    await act(async () => setLanguage('en'));
    expect(props.domElement.textContent).toBe('Hello demo (en, out)');

    await run(() => lifecycles.unmount(props));
    expect(props.domElement.textContent).toBe('');
    expect(languageListeners()).toBe(0);
  });

  it('renders first in a language loaded on demand, switches once its messages are here, loads each once', async () => {
    const { props, setLanguage, telemetry } = createTestProps({
      mfeId: 'demo',
      basePath: '/demo',
      language: 'ca',
    });
    let arrive: (messages: { greeting: string }) => void = () => {};
    const loaders = {
      ca: vi.fn(async () => messages.ca),
      gl: vi.fn(async () => messages.gl),
      en: vi.fn(() => new Promise<{ greeting: string }>((resolve) => (arrive = resolve))),
    };
    const lazy = { ...messages, ...loaders };
    const lifecycles = createLifecycles({ rootComponent: Demo, messages: lazy });
    await run(() => lifecycles.bootstrap(props));
    await run(() => lifecycles.mount(props));
    expect(props.domElement.textContent).toBe('Hola, demo (ca, out)');
    // Until its English messages arrive, the MFE stays in Catalan (not Spanish words).
    await act(async () => setLanguage('en'));
    expect(props.domElement.textContent).toBe('Hola, demo (ca, out)');
    await act(async () => arrive(messages.en));
    expect(props.domElement.textContent).toBe('Hello demo (en, out)');
    // What the shell asks before it switches: then the switch is at once.
    await lifecycles.prepare?.('gl');
    await act(async () => setLanguage('gl'));
    expect(props.domElement.textContent).toBe('Ola demo (gl, out)');
    await act(async () => setLanguage('ca'));
    await run(() => lifecycles.unmount(props));
    await run(() => lifecycles.mount(props));
    expect(props.domElement.textContent).toBe('Hola, demo (ca, out)');
    expect([loaders.ca, loaders.gl, loaders.en].map((loader) => loader.mock.calls.length)).toEqual([1, 1, 1]);
    expect(telemetry.errors).toEqual([]);
    await run(() => lifecycles.unmount(props));
  });

  it('renders in the language chosen while its first language was loading', async () => {
    const { props, setLanguage } = createTestProps({ mfeId: 'demo', basePath: '/demo', language: 'ca' });
    let arrive: (value: { greeting: string }) => void = () => {};
    const ca = () => new Promise<{ greeting: string }>((resolve) => (arrive = resolve));
    const lifecycles = createLifecycles({ rootComponent: Demo, messages: { ...messages, ca } });
    await run(() => lifecycles.bootstrap(props));
    const mounting = lifecycles.mount(props);
    setLanguage('gl');
    arrive(messages.ca);
    await run(() => mounting);
    expect(props.domElement.textContent).toBe('Ola demo (gl, out)');
    await run(() => lifecycles.unmount(props));
  });

  it('shows Spanish words for a language whose messages failed to load, reports it, and tries again', async () => {
    const { props, setLanguage, telemetry } = makeProps();
    const eu = vi.fn().mockRejectedValueOnce(new Error('chunk failed')).mockResolvedValue(messages.eu);
    const lifecycles = createLifecycles({ rootComponent: Demo, messages: { ...messages, eu } });
    await run(() => lifecycles.bootstrap(props));
    await run(() => lifecycles.mount(props));
    await act(async () => setLanguage('eu'));
    expect(props.domElement.textContent).toBe('Hola demo (eu, out)');
    expect(telemetry.errors.map((error) => error.context)).toEqual([{ mfe: 'demo', phase: 'messages' }]);
    await lifecycles.prepare?.('eu');
    await act(async () => setLanguage('es'));
    await act(async () => setLanguage('eu'));
    expect(props.domElement.textContent).toBe('Kaixo demo (eu, out)');
    expect(eu).toHaveBeenCalledTimes(2);
    await run(() => lifecycles.unmount(props));
  });

  it('can be mounted again after an unmount', async () => {
    const { props } = makeProps();
    const lifecycles = createLifecycles({ rootComponent: Demo, messages });
    await run(() => lifecycles.bootstrap(props));
    await run(() => lifecycles.mount(props));
    await run(() => lifecycles.unmount(props));
    await run(() => lifecycles.mount(props));
    expect(props.domElement.textContent).toContain('Hola demo');
    await run(() => lifecycles.unmount(props));
  });

  it('is unmounted when the call returns: the next MFE waits for no timer', async () => {
    const { props } = makeProps();
    const lifecycles = createLifecycles({ rootComponent: Demo, messages });
    await run(() => lifecycles.bootstrap(props));
    await run(() => lifecycles.mount(props));
    // single-spa-react resolves its own unmount from a timer, which fake timers never fire.
    vi.useFakeTimers();
    try {
      let unmounted = false;
      void lifecycles.unmount(props).then(() => {
        unmounted = true;
      });
      for (let tick = 0; tick < 5; tick += 1) await Promise.resolve();
      expect(unmounted).toBe(true);
      expect(props.domElement.textContent).toBe('');
    } finally {
      vi.runOnlyPendingTimers();
      vi.useRealTimers();
    }
  });

  it('keeps one translator for every mount, in the language of each', async () => {
    const { props, setLanguage } = makeProps();
    translatorsSeen.length = 0;
    const lifecycles = createLifecycles({ rootComponent: Translator, messages });
    await run(() => lifecycles.bootstrap(props));
    await run(() => lifecycles.mount(props));
    await run(() => lifecycles.unmount(props));
    setLanguage('en');
    await run(() => lifecycles.mount(props));
    expect(props.domElement.textContent).toBe('Hello x');
    await run(() => lifecycles.unmount(props));
    expect(new Set(translatorsSeen).size).toBe(1);
  });

  it('renders the fallback and reports when the tree throws', async () => {
    const { props, telemetry } = makeProps();
    const lifecycles = createLifecycles({
      rootComponent: Broken,
      messages,
      errorFallback: ({ error }) => <p>fallback: {error.message}</p>,
    });
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await run(() => lifecycles.bootstrap(props));
    await run(() => lifecycles.mount(props));
    consoleError.mockRestore();
    expect(props.domElement.textContent).toBe('fallback: render failed');
    expect(telemetry.errors).toEqual([
      {
        error: expect.objectContaining({ message: 'render failed' }),
        context: { mfe: 'demo', phase: 'render' },
      },
    ]);
    await run(() => lifecycles.unmount(props));
  });
});
