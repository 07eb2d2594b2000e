import type { CarpetaLifecycles, CarpetaProps, ManifestEntry } from '@carpeta/sdk';
import { testManifestEntry } from '@carpeta/sdk/testing/manifest';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RemoteLoadError } from './federation.ts';
import { REMOTE_ERRORS } from '@carpeta/sdk/remote-errors';
import { createMfeHost, FAILURE_CODES } from './mfe-host.tsx';
import { testContext } from './test-context.ts';

vi.mock('./federation.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('./federation.ts')>();
  return { ...original, takeLifecycles: vi.fn() };
});
const { takeLifecycles } = vi.mocked(await import('./federation.ts'));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const entry: ManifestEntry = testManifestEntry('files', {
  title: { es: 'Expedientes', en: 'Files' },
  nav: { order: 1, show: true },
  remote: {
    name: 'files',
    entry: 'http://127.0.0.1:1/remoteEntry.js',
    expose: './lifecycles',
    type: 'module',
  },
});

function fakeLifecycles(overrides: Partial<CarpetaLifecycles> = {}): CarpetaLifecycles {
  return {
    bootstrap: vi.fn(async () => undefined),
    mount: vi.fn(async (props: CarpetaProps) => {
      props.domElement.replaceChildren(Object.assign(document.createElement('h1'), { textContent: 'Files' }));
    }),
    unmount: vi.fn(async (props: CarpetaProps) => {
      props.domElement.replaceChildren();
    }),
    ...overrides,
  };
}

async function settle() {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

let context: ReturnType<typeof testContext>;
const makeProps = (domElement: HTMLElement) => ({ domElement }) as unknown as CarpetaProps;
const options = { loadTimeoutMs: 1000, mountTimeoutMs: 50 };

beforeEach(() => {
  context = testContext();
  takeLifecycles.mockReset();
});
afterEach(() => {
  document.body.replaceChildren();
});

describe('createMfeHost', () => {
  it('mounts the remote in its own area and removes the area on unmount', async () => {
    const remote = fakeLifecycles();
    takeLifecycles.mockResolvedValue(remote);
    const host = createMfeHost(entry, context, makeProps, options);
    await act(() => host.mount());
    await settle();
    const area = context.outlet().querySelector('[data-mfe="files"]');
    expect(area?.getAttribute('aria-busy')).toBe('false');
    expect(area?.getAttribute('data-framework')).toBe('react');
    expect(area?.querySelector('h1')?.textContent).toBe('Files');
    await act(() => host.unmount());
    expect(remote.unmount).toHaveBeenCalledTimes(1);
    expect(context.outlet().children).toHaveLength(0);
  });

  it('shows an error panel with a retry when the remote cannot be loaded, and recovers', async () => {
    takeLifecycles.mockRejectedValueOnce(new RemoteLoadError('load', 'files', 'offline'));
    const host = createMfeHost(entry, context, makeProps, options);
    await act(() => host.mount());
    await settle();
    const area = context.outlet().querySelector('[data-mfe="files"]');
    expect(area?.querySelector('h1')?.textContent).toBe('Expedientes no está disponible ahora');
    expect(area?.querySelector('[role="alert"]')?.textContent).toContain(
      'No hemos podido cargar este servicio',
    );
    expect(context.telemetry.error).toHaveBeenCalledWith(
      expect.any(Error),
      expect.objectContaining({ mfe: 'files', phase: 'load', framework: 'react' }),
    );
    expect(area?.querySelector('[role="alert"]')?.textContent).toContain(
      'Servicio de X, hecho con React (versión 1.0.0).',
    );

    takeLifecycles.mockResolvedValueOnce(fakeLifecycles());
    const retry = [...(area?.querySelectorAll('button') ?? [])].find(
      (button) => button.textContent === 'Reintentar',
    );
    await act(async () => retry?.click());
    await settle();
    expect(area?.querySelector('h1')?.textContent).toBe('Files');
    expect(area?.querySelector('[data-mfe-error]')).toBeNull();
    await act(() => host.unmount());
  });

  it('shows the usual error panel when the remote fails its integrity check', async () => {
    takeLifecycles.mockRejectedValueOnce(new RemoteLoadError('integrity', 'files', 'hash mismatch'));
    const host = createMfeHost(entry, context, makeProps, options);
    await act(() => host.mount());
    await settle();
    const area = context.outlet().querySelector('[data-mfe="files"]');
    expect(area?.querySelector('[data-mfe-error]')).not.toBeNull();
    expect(area?.querySelector('[role="alert"]')?.textContent).toContain(
      'No hemos podido cargar este servicio',
    );
    expect(context.telemetry.error).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'hash mismatch' }),
      expect.objectContaining({ phase: 'integrity' }),
    );
    await act(() => host.unmount());
  });

  it('contains a remote that throws on mount', async () => {
    takeLifecycles.mockResolvedValue(
      fakeLifecycles({
        mount: async () => {
          throw new Error('mount exploded');
        },
      }),
    );
    const host = createMfeHost(entry, context, makeProps, options);
    await act(() => host.mount());
    await settle();
    const area = context.outlet().querySelector('[data-mfe="files"]');
    expect(area?.querySelector('[role="alert"]')?.textContent).toContain('ha fallado al iniciarse');
    expect(context.telemetry.error).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'mount exploded' }),
      expect.objectContaining({ phase: 'mount' }),
    );
    await act(() => host.unmount());
  });

  it('says in its error panel and its reports what a failing MFE is built with', async () => {
    const vanilla: ManifestEntry = {
      ...entry,
      id: 'municipal',
      route: '/municipal',
      framework: 'vanilla',
      owner: { id: 'L01280796', name: 'Ayuntamiento de Madrid' },
    };
    takeLifecycles.mockRejectedValueOnce(new RemoteLoadError('contract', 'municipal', 'no lifecycles'));
    context.language.set('en');
    const host = createMfeHost(vanilla, context, makeProps, options);
    await act(() => host.mount());
    await settle();
    const area = context.outlet().querySelector('[data-mfe="municipal"]');
    expect(area?.getAttribute('data-framework')).toBe('vanilla');
    expect(area?.querySelector('[role="alert"]')?.textContent).toContain(
      'A service of Ayuntamiento de Madrid, built with plain JavaScript (version 1.0.0).',
    );
    expect(context.telemetry.error).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'no lifecycles' }),
      expect.objectContaining({ mfe: 'municipal', framework: 'vanilla', phase: 'contract' }),
    );
    await act(() => host.unmount());
  });

  it('gives up on a mount that never settles and says it is too slow', async () => {
    takeLifecycles.mockResolvedValue(fakeLifecycles({ mount: () => new Promise(() => undefined) }));
    const host = createMfeHost(entry, context, makeProps, options);
    await act(() => host.mount());
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, options.mountTimeoutMs + 20));
    });
    const area = context.outlet().querySelector('[data-mfe="files"]');
    expect(area?.querySelector('[data-mfe-error]')).not.toBeNull();
    await act(() => host.unmount());
  });

  it('maps each failure to the code of the sdk’s table that means it', () => {
    expect(FAILURE_CODES).toEqual({
      load: REMOTE_ERRORS.unreachable.code,
      evaluation: REMOTE_ERRORS.evaluation.code,
      contract: REMOTE_ERRORS.contract.code,
      mount: REMOTE_ERRORS.mount.code,
      'mount-timeout': REMOTE_ERRORS.mountTimeout.code,
      integrity: REMOTE_ERRORS.integrity.code,
      timeout: REMOTE_ERRORS.loadTimeout.code,
    });
  });

  it('shows and reports the stable code of each failure, with the variant and version', async () => {
    takeLifecycles.mockResolvedValue(
      fakeLifecycles({
        mount: async () => {
          throw new Error('mount exploded');
        },
      }),
    );
    const canary: ManifestEntry = { ...entry, variant: 'canary', version: '2.0.0-rc.1' };
    const host = createMfeHost(canary, context, makeProps, options);
    await act(() => host.mount());
    await settle();
    const alert = context.outlet().querySelector('[data-mfe="files"] [role="alert"]');
    expect(alert?.textContent).toContain('Código del error: CARPETA-E104');
    expect(context.telemetry.error).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'mount exploded' }),
      expect.objectContaining({ code: 'CARPETA-E104', variant: 'canary', version: '2.0.0-rc.1' }),
    );
    await act(() => host.unmount());

    takeLifecycles.mockReset();
    takeLifecycles.mockRejectedValueOnce(new RemoteLoadError('evaluation', 'files', 'threw'));
    const second = createMfeHost(entry, context, makeProps, options);
    await act(() => second.mount());
    await settle();
    expect(context.outlet().querySelector('[data-error-code]')?.getAttribute('data-error-code')).toBe(
      'CARPETA-E102',
    );
    expect(context.telemetry.error).toHaveBeenLastCalledWith(
      expect.objectContaining({ message: 'threw' }),
      expect.objectContaining({ code: 'CARPETA-E102', variant: 'stable' }),
    );
    await act(() => second.unmount());
  });

  it('honours the time limits of the manifest entry over the shell’s defaults', async () => {
    takeLifecycles.mockResolvedValue(fakeLifecycles({ mount: () => new Promise(() => undefined) }));
    const patient = { loadTimeoutMs: 10_000, mountTimeoutMs: 10_000 };
    const hasty: ManifestEntry = { ...entry, timeouts: { load: 700, mount: 30 } };
    const host = createMfeHost(hasty, context, makeProps, patient);
    await act(() => host.mount());
    expect(takeLifecycles).toHaveBeenCalledWith(hasty, 700);
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 60));
    });
    const area = context.outlet().querySelector('[data-mfe="files"]');
    expect(area?.querySelector('[role="alert"]')?.textContent).toContain('tardando demasiado');
    expect(area?.querySelector('[data-error-code]')?.getAttribute('data-error-code')).toBe('CARPETA-E105');
    expect(context.telemetry.error).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'LifecycleTimeout' }),
      expect.objectContaining({ phase: 'mount-timeout', code: 'CARPETA-E105' }),
    );
    await act(() => host.unmount());
  });

  it('unmounts a mount that completes after it timed out, before a retry mounts again', async () => {
    let finishLateMount: () => void = () => undefined;
    let mounts = 0;
    const remote = fakeLifecycles({
      mount: vi.fn(async (props: CarpetaProps) => {
        mounts += 1;
        if (mounts === 1) {
          // The first mount is slow: it renders only after the host has given up on it.
          await new Promise<void>((resolve) => {
            finishLateMount = resolve;
          });
        }
        props.domElement.replaceChildren(
          Object.assign(document.createElement('h1'), { textContent: `Files ${mounts}` }),
        );
      }),
    });
    takeLifecycles.mockResolvedValue(remote);
    const host = createMfeHost(entry, context, makeProps, options);
    await act(() => host.mount());
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, options.mountTimeoutMs + 20));
    });
    const area = context.outlet().querySelector('[data-mfe="files"]');
    expect(area?.querySelector('[data-mfe-error]')).not.toBeNull();

    // The late mount completes: it is taken down at once, nothing of it stays under the panel.
    finishLateMount();
    await settle();
    expect(remote.unmount).toHaveBeenCalledTimes(1);
    expect(area?.querySelector('h1:not([tabindex])')).toBeNull();

    // A retry mounts again, and nothing unmounts it afterwards.
    await act(async () => {
      area?.querySelector('button')?.click();
    });
    await settle();
    expect(area?.querySelector('[data-mfe-error]')).toBeNull();
    expect(area?.textContent).toContain('Files 2');
    expect(remote.unmount).toHaveBeenCalledTimes(1);
    await act(() => host.unmount());
    expect(remote.unmount).toHaveBeenCalledTimes(2);
  });

  it('never mounts a remote that finishes loading after the citizen left', async () => {
    let resolveLoad: (value: CarpetaLifecycles) => void = () => undefined;
    takeLifecycles.mockReturnValue(
      new Promise((resolve) => {
        resolveLoad = resolve;
      }),
    );
    const remote = fakeLifecycles();
    const host = createMfeHost(entry, context, makeProps, options);
    await act(() => host.mount());
    await act(() => host.unmount());
    resolveLoad(remote);
    await settle();
    expect(remote.mount).not.toHaveBeenCalled();
    expect(context.outlet().children).toHaveLength(0);
  });

  it('translates the panel when the language changes', async () => {
    takeLifecycles.mockRejectedValue(new RemoteLoadError('timeout', 'files', 'slow'));
    const host = createMfeHost(entry, context, makeProps, options);
    await act(() => host.mount());
    await settle();
    await act(async () => context.language.set('en'));
    const area = context.outlet().querySelector('[data-mfe="files"]');
    expect(area?.querySelector('h1')?.textContent).toBe('Files is not available right now');
    expect(area?.textContent).toContain('taking too long');
    await act(() => host.unmount());
  });

  it('fetches nothing for an anonymous visitor and shows no panel (the shell shows its sign-in page)', async () => {
    context.session.set({ authenticated: false, citizen: null });
    const host = createMfeHost(entry, context, makeProps, options);
    await act(() => host.mount());
    await settle();
    expect(takeLifecycles).not.toHaveBeenCalled();
    const area = context.outlet().querySelector('[data-mfe="files"]');
    expect(area?.getAttribute('aria-busy')).toBe('false');
    expect(area?.getAttribute('data-framework')).toBe('react');
    expect(area?.textContent).toBe('');
    await act(() => host.unmount());
  });

  it('asks for a stronger sign-in when the MFE needs a higher level, and loads it after', async () => {
    takeLifecycles.mockResolvedValue(fakeLifecycles());
    const host = createMfeHost({ ...entry, minLoa: 'high' }, context, makeProps, options);
    await act(() => host.mount());
    await settle();
    const area = context.outlet().querySelector('[data-mfe="files"]');
    expect(takeLifecycles).not.toHaveBeenCalled();
    expect(area?.querySelector('[data-step-up] h1')?.textContent).toBe(
      'Expedientes necesita una identificación más segura',
    );
    expect(area?.querySelector('a')?.getAttribute('href')).toMatch(/^\/auth\/login\?.*loa=high/);
    const citizen = context.session.get().citizen;
    if (!citizen) throw new Error('signed in');
    await act(async () => context.session.set({ authenticated: true, citizen: { ...citizen, loa: 'high' } }));
    await settle();
    expect(area?.querySelector('h1')?.textContent).toBe('Files');
    await act(() => host.unmount());
  });

  it('mounts again for the new folder when the citizen switches who they act for, and drops it on sign-out', async () => {
    const remote = fakeLifecycles();
    takeLifecycles.mockResolvedValue(remote);
    const host = createMfeHost(entry, context, makeProps, options);
    await act(() => host.mount());
    await settle();
    const citizen = context.session.get().citizen;
    if (!citizen) throw new Error('signed in');
    await act(async () =>
      context.session.set({
        authenticated: true,
        citizen: {
          ...citizen,
          actingFor: {
            displayName: 'Carmen López Sánchez',
            maskedId: '***1111**',
            kind: 'person',
            powerKind: 'general',
            validUntil: null,
          },
        },
      }),
    );
    await settle();
    expect(remote.unmount).toHaveBeenCalledTimes(1);
    expect(remote.mount).toHaveBeenCalledTimes(2);
    await act(async () => context.session.set({ authenticated: false, citizen: null }));
    await settle();
    expect(remote.unmount).toHaveBeenCalledTimes(2);
    expect(remote.mount).toHaveBeenCalledTimes(2);
    expect(context.outlet().querySelector('[data-mfe="files"]')?.textContent).toBe('');
    await act(() => host.unmount());
  });
});
