import { createTestProps, mountForTest, switchLanguage } from '@carpeta/sdk/testing';
import { HttpResponse, http } from 'msw';
import { act } from 'react';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import lifecycles from './lifecycles.tsx';
import { dni, handlers, licence, list, record } from './test/handlers.ts';
import { PORTAL, portalFetch, server } from './test-server.ts';

const hostile = record({
  id: 'pid:H-1',
  theme: 'identity',
  title: '<img src=x onerror=alert(1)> Empadronamiento',
  fields: [{ label: '<script>alert(1)</script>', value: '"><svg onload=alert(1)>' }],
});

async function mount() {
  window.history.replaceState(null, '', '/my-data');
  const test = createTestProps({ mfeId: 'my-data', basePath: '/my-data', fetch: portalFetch });
  await mountForTest(lifecycles, test.props);
  return test;
}

const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 20)));

afterEach(() => {
  document.body.replaceChildren();
});

describe('my data MFE', () => {
  it('shows the themes as tabs, browsed by keyboard; hostile text stays text', async () => {
    server.use(http.get(`${PORTAL}/api/my-data`, () => HttpResponse.json(list([dni, hostile, licence]))));
    const test = await mount();
    const root = test.props.domElement;
    expect(root.querySelector('h1')?.textContent).toBe('Mis datos');
    const tabs = () => [...root.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    expect(tabs().map((tab) => tab.textContent)).toEqual([
      'Identidad y residencia (2)',
      'Educación (0)',
      'Empleo y prestaciones (0)',
      'Familia y servicios sociales (0)',
      'Vehículos y transporte (1)',
      'Datos tributarios (0)',
    ]);
    const panel = () => root.querySelector('[role="tabpanel"]:not([hidden])');
    const titles = () => [...(panel()?.querySelectorAll('h3') ?? [])].map((heading) => heading.textContent);
    expect(titles()).toEqual([
      'Documento Nacional de Identidad',
      '<img src=x onerror=alert(1)> Empadronamiento',
    ]);
    expect(panel()?.textContent).toContain('Lo tiene: Dirección General de la Policía');
    expect(panel()?.textContent).toContain('<script>alert(1)</script>');
    expect(root.querySelector('img, script, svg[onload]')).toBeNull();
    const proof = panel()?.querySelector<HTMLAnchorElement>('[data-testid="proof-link"]');
    expect(proof?.getAttribute('href')).toBe('/api/my-data/pid%3ADNI-1/proof.pdf?lang=es');
    expect(proof?.hasAttribute('download')).toBe(true);
    expect(proof?.textContent).toBe('Descargar certificado (PDF): Documento Nacional de Identidad');
    // The certificate is asked for in the citizen's language.
    await switchLanguage(lifecycles, test, 'eu');
    expect(panel()?.querySelector('[data-testid="proof-link"]')?.getAttribute('href')).toBe(
      '/api/my-data/pid%3ADNI-1/proof.pdf?lang=eu',
    );
    await switchLanguage(lifecycles, test, 'es');

    // End goes to the last theme, Left to the one before: vehicles.
    const first = tabs()[0];
    first?.focus();
    await act(async () => {
      first?.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    });
    await act(async () => {
      tabs()[5]?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    });
    expect(document.activeElement?.textContent).toBe('Vehículos y transporte (1)');
    expect(panel()?.querySelector('h2')?.textContent).toBe('Vehículos y transporte');
    expect(titles()).toEqual(['Permiso de conducción y puntos']);

    await switchLanguage(lifecycles, test, 'en');
    expect(root.querySelector('h1')?.textContent).toBe('My data');
    expect(panel()?.textContent).toContain('Held by: Dirección General de Tráfico');
    await act(() => lifecycles.unmount(test.props));
  });

  it('refreshes a record with an Idempotency-Key; a source down leaves the last value, marked', async () => {
    const keys: (string | null)[] = [];
    server.use(
      http.get(`${PORTAL}/api/my-data`, () => HttpResponse.json(list([dni]))),
      http.post(`${PORTAL}/api/my-data/pid:DNI-1/refresh`, ({ request }) => {
        keys.push(request.headers.get('idempotency-key'));
        return keys.length === 1
          ? HttpResponse.json({
              item: { ...dni, retrievedAt: '2026-03-21T09:00:00.000Z' },
              source: { source: 'pid', name: 'PID', status: 'ok' },
            })
          : HttpResponse.json({
              item: { ...dni, retrievedAt: '2026-03-21T09:00:00.000Z', state: 'stale' },
              source: { source: 'pid', name: 'PID', status: 'unavailable' },
            });
      }),
    );
    const test = await mount();
    const root = test.props.domElement;
    const button = () =>
      [...root.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Actualizar'));
    expect(button()?.textContent).toBe('Actualizar: Documento Nacional de Identidad');
    await act(async () => button()?.click());
    await settle();
    expect(root.textContent).toContain('Dato actualizado.');
    expect(root.textContent).not.toContain('No actualizado');
    await act(async () => button()?.click());
    await settle();
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{8,100}$/);
    expect(keys[1]).not.toBe(keys[0]);
    expect(root.textContent).toContain('No actualizado');
    expect(root.textContent).toContain('se muestra el último valor obtenido');
    await act(() => lifecycles.unmount(test.props));
  });

  // The states the stories show (App.stories.tsx), from the same handlers.
  it('says the platform could not be reached, showing what it had', async () => {
    server.use(...handlers.partial);
    const test = await mount();
    const root = test.props.domElement;
    expect(root.textContent).toContain('No hemos podido consultar todos tus datos');
    expect(root.textContent).toContain('Plataforma de Intermediación de Datos (no está disponible)');
    expect(root.textContent).toContain('Documento Nacional de Identidad');
    expect(root.textContent).toContain('No actualizado');
    await act(() => lifecycles.unmount(test.props));
  });
});

describe('the export of the whole folder', () => {
  afterEach(() => vi.unstubAllGlobals());

  /** Answers the export with `answer`; every other request goes to the test portal as before. */
  function stubExport(answer: () => Response) {
    const realFetch = globalThis.fetch;
    const calls: string[] = [];
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      const { pathname } = new URL(String(input), PORTAL);
      if (pathname !== '/api/export.zip') return realFetch(input, init);
      calls.push(pathname);
      return answer();
    });
    return calls;
  }

  const exportButton = (root: HTMLElement) =>
    [...root.querySelectorAll('button')].find((item) => item.textContent?.startsWith('Descargar todo'));

  it('shows the bytes received while the ZIP streams in, then hands it to the browser as a file', async () => {
    server.use(http.get(`${PORTAL}/api/my-data`, () => HttpResponse.json(list([dni]))));
    let push: (chunk: Uint8Array | null) => void = () => undefined;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        push = (chunk) => (chunk ? controller.enqueue(chunk) : controller.close());
      },
    });
    const calls = stubExport(
      () =>
        new Response(body, {
          headers: {
            'content-type': 'application/zip',
            'content-disposition': 'attachment; filename="carpeta-x.zip"',
          },
        }),
    );
    const files: Blob[] = [];
    const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
    URL.createObjectURL = (blob: Blob) => {
      files.push(blob);
      return 'blob:x';
    };
    URL.revokeObjectURL = () => undefined;
    onTestFinished(() => {
      URL.createObjectURL = original.create;
      URL.revokeObjectURL = original.revoke;
    });
    const test = await mount();
    await settle();
    const root = test.props.domElement;
    const button = exportButton(root);
    expect(button).toBeDefined();
    await act(async () => button?.click());
    // A second click while it runs starts nothing.
    await act(async () => button?.click());
    expect(calls).toEqual(['/api/export.zip']);
    await act(async () => push(new Uint8Array(300 * 1024)));
    await settle();
    expect(root.querySelector('[data-testid="export-progress"]')?.textContent).toBe(
      'Preparando la descarga: 300 KB recibidos…',
    );
    await act(async () => push(new Uint8Array(100 * 1024)));
    await act(async () => push(null));
    await settle();
    expect(root.querySelector('[data-testid="export-progress"]')?.textContent).toBe(
      'Descarga lista (400 KB).',
    );
    expect(files).toHaveLength(1);
    expect(files[0]?.size).toBe(400 * 1024);
  });

  it('says so when the download fails', async () => {
    server.use(http.get(`${PORTAL}/api/my-data`, () => HttpResponse.json(list([dni]))));
    stubExport(() => new Response('no', { status: 502 }));
    const test = await mount();
    await settle();
    const root = test.props.domElement;
    await act(async () => exportButton(root)?.click());
    await settle();
    expect(root.textContent).toContain('No se ha podido descargar');
  });

  it('tells no data from a gateway that failed', async () => {
    server.use(...handlers.empty);
    const empty = await mount();
    expect(empty.props.domElement.textContent).toContain('No hay datos a tu nombre');
    await act(() => lifecycles.unmount(empty.props));
    server.use(...handlers.error);
    const failed = await mount();
    expect(failed.props.domElement.textContent).toContain('No hemos podido cargar tus datos');
    expect(failed.props.domElement.textContent).not.toContain('No hay datos a tu nombre');
    await act(() => lifecycles.unmount(failed.props));
  });
});
