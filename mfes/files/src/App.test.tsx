import type { FileList } from '@carpeta/sdk';
import { createTestProps, mountForTest, switchLanguage } from '@carpeta/sdk/testing';
import { HttpResponse, http } from 'msw';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import lifecycles from './lifecycles.tsx';
import {
  aeatClosed,
  dgtArchived,
  dgtOpen,
  fileList,
  handlers,
  requirement as sharedRequirement,
} from './test/handlers.ts';
import { PORTAL, portalFetch, server } from './test-server.ts';

// A hostile title: rendered as text, never as markup.
const requirement = {
  ...sharedRequirement,
  title: '<img src=x onerror=alert(1)> Requerimiento de documentación',
};

const list: FileList = fileList([aeatClosed, dgtOpen, requirement, dgtArchived]);

async function mount(path: string) {
  window.history.replaceState(null, '', path);
  const test = createTestProps({ mfeId: 'files', basePath: '/files', fetch: portalFetch });
  await mountForTest(lifecycles, test.props);
  return test;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('files MFE: list', () => {
  it('counts open and closed files, groups them by administration and filters open/closed', async () => {
    server.use(http.get(`${PORTAL}/api/files`, () => HttpResponse.json(list)));
    const test = await mount('/files');
    const root = test.props.domElement;
    expect(root.querySelector('h1')?.textContent).toBe('Expedientes');
    const summary = root.querySelector('[data-testid="files-summary"]')?.textContent ?? '';
    expect(summary).toContain('2 expedientes abiertos');
    expect(summary).toContain('2 cerrados');
    expect(summary).toContain('1 requerimiento espera tu respuesta');

    // Open files by default, one group per administration with its own counts.
    const groups = () => [...root.querySelectorAll('[data-testid="files-group"]')];
    expect(groups().map((group) => group.querySelector('h2')?.textContent)).toEqual([
      'Agencia Tributaria',
      'Dirección General de Tráfico',
    ]);
    expect(groups()[0]?.textContent).toContain('1 abierto · 1 cerrado');
    const titles = () => [...root.querySelectorAll('h3')].map((heading) => heading.textContent);
    expect(titles()).toEqual([
      '<img src=x onerror=alert(1)> Requerimiento de documentación',
      'Cambio de titularidad',
    ]);
    expect(root.querySelector('img')).toBeNull();
    // The requirement is highlighted with its deadline.
    expect(groups()[0]?.textContent).toContain('Debes actuar');
    expect(groups()[0]?.textContent).toMatch(/Plazo: .+ \(quedan 5 días\)/);

    const radio = (label: string) =>
      [...root.querySelectorAll<HTMLInputElement>('input[type=radio]')].find(
        (input) => root.querySelector(`label[for="${input.id}"]`)?.textContent === label,
      );
    await act(async () => radio('Cerrados')?.click());
    expect(titles()).toEqual(['Aplazamiento de deuda', 'Duplicado del permiso']);
    await act(async () => radio('Todos')?.click());
    expect(titles()).toHaveLength(4);

    await switchLanguage(lifecycles, test, 'en');
    expect(root.querySelector('h1')?.textContent).toBe('Files');
    expect(root.textContent).toContain('2 open files');
    await act(() => lifecycles.unmount(test.props));
  });

  it('says which administration is missing when the answer is partial', async () => {
    server.use(...handlers.partial);
    const test = await mount('/files');
    const root = test.props.domElement;
    expect(root.textContent).toContain('Faltan expedientes de algún organismo');
    expect(root.textContent).toContain('Agencia Tributaria (no responde a tiempo)');
    expect(root.textContent).toContain('Cambio de titularidad');
    await act(() => lifecycles.unmount(test.props));
  });

  it('tells an empty folder from a gateway that failed', async () => {
    server.use(...handlers.empty);
    const empty = await mount('/files');
    expect(empty.props.domElement.textContent).toContain('No tienes expedientes');
    await act(() => lifecycles.unmount(empty.props));
    server.use(...handlers.error);
    const failed = await mount('/files');
    expect(failed.props.domElement.textContent).toContain('No hemos podido cargar tus expedientes');
    expect(failed.props.domElement.textContent).not.toContain('No tienes expedientes');
    await act(() => lifecycles.unmount(failed.props));
  });

  it('navigates to a file inside the portal', async () => {
    server.use(
      http.get(`${PORTAL}/api/files`, () => HttpResponse.json(list)),
      http.get(`${PORTAL}/api/files/:id`, () =>
        HttpResponse.json({ item: requirement, source: { source: 'aeat', name: 'AEAT', status: 'ok' } }),
      ),
    );
    const test = await mount('/files');
    const link = test.props.domElement.querySelector<HTMLAnchorElement>('h3 a');
    expect(link?.getAttribute('href')).toBe('/files/aeat%3AR-1');
    await act(async () => link?.click());
    expect(test.navigations).toEqual(['/files/aeat%3AR-1']);
    await act(() => lifecycles.unmount(test.props));
  });
});

describe('files MFE: detail', () => {
  it('shows the timeline, the requirement with its deadline, documents and the external service link', async () => {
    server.use(
      http.get(`${PORTAL}/api/files/:id`, ({ params }) =>
        params.id === 'aeat:R-1'
          ? HttpResponse.json({ item: requirement, source: { source: 'aeat', name: 'AEAT', status: 'ok' } })
          : HttpResponse.json({ error: { code: 'not-found', message: 'no' } }, { status: 404 }),
      ),
    );
    const test = await mount('/files/aeat%3AR-1');
    const root = test.props.domElement;
    expect(root.querySelector('h1')?.textContent).toBe(requirement.title);
    expect(root.textContent).toContain('Tienes un requerimiento pendiente');
    expect(root.textContent).toMatch(/Tienes de plazo hasta el .+ \(quedan 5 días\)/);

    const steps = [...root.querySelectorAll('ol[aria-label="Historial del expediente"] > li')];
    expect(steps.map((step) => step.querySelector('h3')?.textContent)).toEqual([
      'Iniciado',
      'En tramitación',
      'Requerimiento',
      'Resuelto',
    ]);
    expect(steps[2]?.getAttribute('aria-current')).toBe('step');
    expect(steps[2]?.textContent).toContain('Aporte las facturas');
    expect(steps[3]?.textContent).toContain('Pendiente');

    const documents = root.querySelector('[data-testid="file-documents"]')?.textContent ?? '';
    expect(documents).toContain('Solicitud · Aportado por ti');
    expect(documents).toContain('Requerimiento · Aportado por la administración');

    const service = root.querySelector<HTMLAnchorElement>('[data-testid="service-link"]');
    expect(service?.getAttribute('href')).toBe(requirement.serviceUrl);
    expect(service?.getAttribute('target')).toBe('_blank');
    expect(service?.getAttribute('rel')).toContain('noopener');
    expect(service?.textContent).toContain('se abre en una pestaña nueva');

    await switchLanguage(lifecycles, test, 'en');
    expect(root.textContent).toContain('You have a pending requirement');
    expect(root.textContent).toContain('Handling body');
    await act(() => lifecycles.unmount(test.props));
  });

  it('shows a closed file without an upcoming step nor a service link', async () => {
    server.use(
      http.get(`${PORTAL}/api/files/:id`, () =>
        HttpResponse.json({ item: aeatClosed, source: { source: 'aeat', name: 'AEAT', status: 'ok' } }),
      ),
    );
    const test = await mount('/files/aeat%3AC-1');
    const root = test.props.domElement;
    expect(root.querySelector('[aria-current="step"]')).toBeNull();
    expect(root.querySelector('[data-testid="service-link"]')).toBeNull();
    expect(root.textContent).toContain('Sin plazo pendiente');
    await act(() => lifecycles.unmount(test.props));
  });

  it('says when the file does not exist', async () => {
    server.use(
      http.get(`${PORTAL}/api/files/:id`, () =>
        HttpResponse.json({ error: { code: 'not-found', message: 'no' } }, { status: 404 }),
      ),
    );
    const test = await mount('/files/aeat%3ANOPE');
    expect(test.props.domElement.querySelector('h1')?.textContent).toBe('Expediente no encontrado');
    await act(() => lifecycles.unmount(test.props));
  });
});
