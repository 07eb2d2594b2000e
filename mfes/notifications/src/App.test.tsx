import type { Notification, NotificationList } from '@carpeta/sdk';
import { createTestProps, mountForTest } from '@carpeta/sdk/testing';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import lifecycles from './lifecycles.tsx';

const item: Notification = {
  id: 'dehu:N-1',
  source: 'dehu',
  kind: 'notification',
  issuer: { dir3: 'E00003901', name: 'Agencia Tributaria' },
  subject: '<img src=x onerror=alert(1)> Requerimiento',
  procedure: 'Comprobación limitada',
  fileReference: 'EXP-1',
  status: 'pending',
  availableAt: '2026-11-20T09:15:00.000Z',
  expiresAt: '2026-11-30T09:15:00.000Z',
  respondedAt: null,
  urgent: true,
};

function answering(routes: Record<string, [number, unknown]>): typeof fetch {
  return async (input) => {
    const path = new URL(String(input), 'http://portal.test').pathname;
    const [status, body] = routes[path] ?? [404, { error: { code: 'not-found', message: 'Not found' } }];
    return new Response(JSON.stringify(body), { status });
  };
}

async function mount(fetchImpl: typeof globalThis.fetch, path: string) {
  window.history.replaceState(null, '', path);
  const test = createTestProps({ mfeId: 'notifications', basePath: '/notifications', fetch: fetchImpl });
  await mountForTest(lifecycles, test.props);
  return test;
}

afterEach(async () => {
  document.body.innerHTML = '';
});

describe('notifications MFE', () => {
  it('lists notifications with hostile text rendered as text, and reports the pending count', async () => {
    const list: NotificationList = {
      items: [item],
      sources: [{ source: 'dehu', name: 'DEHú', status: 'ok' }],
    };
    const test = await mount(answering({ '/api/notifications': [200, list] }), '/notifications');
    const root = test.props.domElement;
    expect(root.querySelector('h1')?.textContent).toBe('Notificaciones');
    expect(root.textContent).toContain('<img src=x onerror=alert(1)> Requerimiento');
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain('Pendiente');
    expect(test.props.events.last('notifications:pending-count')).toEqual({ count: 1 });
    await act(() => lifecycles.unmount(test.props));
  });

  it('says which agency is missing when the gateway returns a partial result', async () => {
    const list: NotificationList = {
      items: [],
      sources: [{ source: 'dehu', name: 'DEHú', status: 'timeout', message: 'slow' }],
    };
    const test = await mount(answering({ '/api/notifications': [200, list] }), '/notifications');
    const root = test.props.domElement;
    expect(root.textContent).toContain('Faltan notificaciones de algún organismo');
    expect(root.textContent).toContain('DEHú (no responde a tiempo)');
    expect(root.textContent).not.toContain('No tienes notificaciones');
    await act(() => lifecycles.unmount(test.props));
  });

  it('shows the normalised fields of one notification and switches language in place', async () => {
    const test = await mount(
      answering({
        '/api/notifications/dehu%3AN-1': [
          200,
          { item, source: { source: 'dehu', name: 'DEHú', status: 'ok' } },
        ],
      }),
      '/notifications/dehu%3AN-1',
    );
    const root = test.props.domElement;
    expect(root.querySelector('h1')?.textContent).toBe(item.subject);
    expect(root.textContent).toContain('E00003901');
    expect(root.textContent).toContain('EXP-1');
    expect(root.querySelector('time')?.getAttribute('datetime')).toBe(item.availableAt);
    await act(async () => test.setLanguage('en'));
    expect(root.textContent).toContain('Issuing body');
    await act(() => lifecycles.unmount(test.props));
  });

  it('shows a clear error when the notification does not exist', async () => {
    const test = await mount(answering({}), '/notifications/dehu%3AN-404');
    expect(test.props.domElement.querySelector('h1')?.textContent).toBe('Notificación no encontrada');
    await act(() => lifecycles.unmount(test.props));
  });
});
