import type { NotificationList } from '@carpeta/sdk';
import { createTestProps, mountForTest } from '@carpeta/sdk/testing';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import lifecycles from './lifecycles.tsx';

const base = {
  source: 'dehu',
  kind: 'notification' as const,
  issuer: { dir3: 'E00003901', name: 'Agencia Tributaria' },
  subject: 'Requerimiento',
  procedure: null,
  fileReference: null,
  availableAt: '2026-11-20T09:15:00.000Z',
  expiresAt: '2026-11-30T09:15:00.000Z',
  respondedAt: null,
};

async function mount(status: number, body: unknown) {
  const test = createTestProps({
    mfeId: 'home',
    basePath: '/',
    fetch: async () => new Response(JSON.stringify(body), { status }),
  });
  await mountForTest(lifecycles, test.props);
  return test;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('home MFE', () => {
  it('counts only pending notifications, and urgent ones', async () => {
    const list: NotificationList = {
      items: [
        { ...base, id: 'dehu:1', status: 'pending', urgent: true },
        { ...base, id: 'dehu:2', status: 'pending', urgent: false },
        { ...base, id: 'dehu:3', status: 'accepted', urgent: true },
        { ...base, id: 'dehu:4', status: 'expired', urgent: false },
      ],
      sources: [{ source: 'dehu', name: 'DEHú', status: 'ok' }],
    };
    const test = await mount(200, list);
    const text = test.props.domElement.textContent ?? '';
    expect(text).toContain('Tienes 2 notificaciones pendientes de abrir.');
    expect(text).toContain('1 es urgente.');
    expect(test.props.events.last('notifications:pending-count')).toEqual({ count: 2 });
    await act(async () => test.setLanguage('en'));
    expect(test.props.domElement.textContent).toContain('You have 2 notifications waiting to be opened.');
    await act(() => lifecycles.unmount(test.props));
  });

  it('warns that the count may be incomplete when an agency did not answer', async () => {
    const test = await mount(200, {
      items: [],
      sources: [{ source: 'dehu', name: 'DEHú', status: 'unavailable' }],
    });
    expect(test.props.domElement.textContent).toContain('Falta información de: DEHú');
    await act(() => lifecycles.unmount(test.props));
  });

  it('offers a retry when the gateway fails', async () => {
    const test = await mount(502, { error: { code: 'agency-unavailable', message: 'down' } });
    const retry = [...test.props.domElement.querySelectorAll('button')].find(
      (b) => b.textContent === 'Reintentar',
    );
    expect(retry).toBeDefined();
    await act(() => lifecycles.unmount(test.props));
  });
});
