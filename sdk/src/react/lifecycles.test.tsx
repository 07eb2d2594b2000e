import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../api.ts';
import { createEventBus } from '../events.ts';
import type { Language } from '../languages.ts';
import type { CarpetaProps } from '../props.ts';
import { useCarpeta, useSession, useTranslation } from './context.tsx';
import { createLifecycles } from './lifecycles.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** single-spa-react resolves mount from an effect, so the promise is awaited after act flushes it. */
async function run(step: () => Promise<unknown>): Promise<void> {
  let pending: Promise<unknown> = Promise.resolve();
  await act(async () => {
    pending = step();
  });
  await pending;
}

const ANONYMOUS = { authenticated: false, citizen: null };

function makeProps() {
  let language: Language = 'es';
  const listeners = new Set<(value: Language) => void>();
  const domElement = document.createElement('div');
  document.body.append(domElement);
  const telemetry = { error: vi.fn(), event: vi.fn() };
  const props: CarpetaProps = {
    mfeId: 'demo',
    basePath: '/demo',
    domElement,
    auth: { get: () => ANONYMOUS, subscribe: () => () => undefined },
    api: createApiClient({ baseUrl: '/api', mfeId: 'demo' }),
    navigate: vi.fn(),
    i18n: {
      get: () => language,
      languages: ['es', 'en'],
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    events: createEventBus(),
    telemetry,
  };
  const setLanguage = (next: Language) => {
    language = next;
    for (const listener of listeners) listener(next);
  };
  return { props, setLanguage, listeners, telemetry };
}

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

function Broken(): never {
  throw new Error('render failed');
}

const messages = { es: { greeting: 'Hola {{name}}' }, en: { greeting: 'Hello {{name}}' } };

describe('createLifecycles', () => {
  it('mounts into the given element with the props in context and follows the language', async () => {
    const { props, setLanguage, listeners } = makeProps();
    const lifecycles = createLifecycles({ rootComponent: Demo, messages });
    await run(() => lifecycles.bootstrap(props));
    await run(() => lifecycles.mount(props));
    expect(props.domElement.textContent).toBe('Hola demo (es, out)');
    await act(async () => setLanguage('en'));
    expect(props.domElement.textContent).toBe('Hello demo (en, out)');

    await run(() => lifecycles.unmount(props));
    expect(props.domElement.textContent).toBe('');
    expect(listeners.size).toBe(0);
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
    expect(telemetry.error).toHaveBeenCalledWith(expect.objectContaining({ message: 'render failed' }), {
      mfe: 'demo',
      phase: 'render',
    });
    await run(() => lifecycles.unmount(props));
  });
});
