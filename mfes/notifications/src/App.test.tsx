import type { Notification, NotificationDetail, NotificationList } from '@carpeta/sdk';
import { createTestProps, mountForTest, switchLanguage } from '@carpeta/sdk/testing';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import lifecycles from './lifecycles.tsx';
import { fetchFor, handlers } from './test/handlers.ts';

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
  document.body.replaceChildren();
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

  // The states the stories show (App.stories.tsx), from the same handlers.
  it('says which agency is missing when the gateway returns a partial result', async () => {
    const test = await mount(fetchFor(handlers.partial), '/notifications');
    const root = test.props.domElement;
    expect(root.textContent).toContain('Faltan notificaciones de algún organismo');
    expect(root.textContent).toContain('Dirección General de Tráfico (no responde a tiempo)');
    expect(root.textContent).toContain('Aviso de caducidad del permiso de conducir');
    expect(root.textContent).not.toContain('No tienes notificaciones');
    await act(() => lifecycles.unmount(test.props));
  });

  it('tells an empty folder from a gateway that failed', async () => {
    const empty = await mount(fetchFor(handlers.empty), '/notifications');
    expect(empty.props.domElement.textContent).toContain('No tienes notificaciones');
    await act(() => lifecycles.unmount(empty.props));
    const failed = await mount(fetchFor(handlers.error), '/notifications');
    expect(failed.props.domElement.querySelector('[role="alert"], .cp-alert')?.textContent).toContain(
      'El servicio no está disponible',
    );
    expect(failed.props.domElement.textContent).not.toContain('No tienes notificaciones');
    await act(() => lifecycles.unmount(failed.props));
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
    await switchLanguage(lifecycles, test, 'en');
    expect(root.textContent).toContain('Issuing body');
    await act(() => lifecycles.unmount(test.props));
  });

  it('shows a clear error when the notification does not exist', async () => {
    const test = await mount(answering({}), '/notifications/dehu%3AN-404');
    expect(test.props.domElement.querySelector('h1')?.textContent).toBe('Notificación no encontrada');
    await act(() => lifecycles.unmount(test.props));
  });

  it('asks the gateway for filtered pages, shows days left, and publishes the unread count', async () => {
    const urls: string[] = [];
    const list: NotificationList = {
      items: [{ ...item, expiresAt: new Date(Date.now() + 3.5 * 86_400_000).toISOString() }],
      sources: [{ source: 'dehu', name: 'DEHú', status: 'ok' }],
      total: 25,
      page: 1,
      pageSize: 10,
      unread: 7,
      issuers: [{ dir3: 'E00003901', name: 'Agencia Tributaria' }],
    };
    const fetchImpl: typeof fetch = async (input) => {
      urls.push(String(input));
      return new Response(JSON.stringify(list), { status: 200 });
    };
    const test = await mount(fetchImpl, '/notifications');
    const root = test.props.domElement;
    expect(test.props.events.last('notifications:pending-count')).toEqual({ count: 7 });
    expect(root.textContent).toContain('Quedan 3 días para acceder');
    expect(root.querySelector('[data-testid="unread-count"]')?.textContent).toBe('7 pendientes de leer');
    expect(root.querySelector('nav')?.getAttribute('aria-label')).toBe('Páginas de notificaciones');

    const search = root.querySelector<HTMLInputElement>('input[name="q"]');
    const issuer = root.querySelector<HTMLSelectElement>('select[name="issuer"]');
    if (!search || !issuer) throw new Error('no filters');
    await act(async () => {
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      setValue?.call(search, 'renta');
      search.dispatchEvent(new Event('input', { bubbles: true }));
      const setSelect = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')?.set;
      setSelect?.call(issuer, 'E00003901');
      issuer.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(async () => root.querySelector<HTMLButtonElement>('button[type="submit"]')?.click());
    await vi.waitFor(() => expect(urls.at(-1)).toContain('q=renta'));
    expect(urls.at(-1)).toContain('issuer=E00003901');
    expect(urls.at(-1)).toContain('page=1');

    await act(async () => root.querySelector<HTMLAnchorElement>('nav a[href$="page=2"]')?.click());
    await vi.waitFor(() => expect(urls.at(-1)).toContain('page=2'));
    expect(urls.at(-1)).toContain('q=renta');
    await act(() => lifecycles.unmount(test.props));
  });

  describe('the legal act', () => {
    const source = { source: 'dehu', name: 'DEHú', status: 'ok' as const };
    const accepted: NotificationDetail = {
      item: { ...item, status: 'accepted', respondedAt: '2026-11-21T10:00:00.000Z' },
      source,
      content: {
        text: 'Primer párrafo <b>no</b>\nSegundo',
        documents: [{ id: 'DOC-1', title: 'Resolución N-1' }],
      },
      receipt: {
        code: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789',
        at: '2026-11-21T10:00:00.000Z',
        act: 'accept',
      },
    };

    function gateway(answer: NotificationDetail) {
      const posts: { url: string; key: string | null }[] = [];
      let release: () => void = () => undefined;
      const fetchImpl: typeof fetch = async (input, init) => {
        const url = String(input);
        if (init?.method === 'POST') {
          posts.push({ url, key: new Headers(init.headers).get('idempotency-key') });
          await new Promise<void>((resolve) => {
            release = resolve;
          });
          return new Response(JSON.stringify(answer), { status: 200 });
        }
        if (url.startsWith('/api/notifications?')) {
          return new Response(JSON.stringify({ items: [], sources: [source], unread: 4 }), { status: 200 });
        }
        const detail: NotificationDetail = { item, source, content: null, receipt: null };
        return new Response(JSON.stringify(detail), { status: 200 });
      };
      return { fetchImpl, posts, release: () => release() };
    }

    it('explains the effect, accepts once for a double click, then shows the content and the receipt', async () => {
      const agency = gateway(accepted);
      const test = await mount(agency.fetchImpl, '/notifications/dehu%3AN-1');
      const root = test.props.domElement;
      expect(root.querySelector('[data-testid="act-panel"] h2')?.textContent).toBe(
        'Antes de acceder al contenido',
      );
      expect(root.textContent).toContain('comparecencia');
      expect(root.querySelector('[data-testid="notification-content"]')).toBeNull();
      const accept = [...root.querySelectorAll('button')].find((button) =>
        button.textContent?.startsWith('Confirmo'),
      );
      await act(async () => {
        accept?.click();
        accept?.click();
      });
      expect(agency.posts).toHaveLength(1);
      expect(agency.posts[0]?.url).toBe('/api/notifications/dehu%3AN-1/accept?lang=es');
      expect(agency.posts[0]?.key).toMatch(/^[0-9a-f-]{36}$/);
      await act(async () => agency.release());
      await vi.waitFor(() =>
        expect(root.querySelector('[data-testid="notification-content"]')).not.toBeNull(),
      );
      expect(root.querySelector('[data-testid="act-panel"]')).toBeNull();
      expect(root.textContent).toContain('Primer párrafo <b>no</b>');
      expect(root.querySelector('b')).toBeNull();
      const links = [...root.querySelectorAll('a[download]')].map((link) => link.getAttribute('href'));
      expect(links).toEqual([
        '/api/notifications/dehu%3AN-1/document',
        '/api/notifications/dehu%3AN-1/receipt.pdf?lang=es',
      ]);
      expect(root.textContent).toContain('ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789');
      expect(test.props.events.last('notification:read')).toEqual({ id: 'dehu:N-1' });
      await vi.waitFor(() =>
        expect(test.props.events.last('notifications:pending-count')).toEqual({ count: 4 }),
      );
      await act(() => lifecycles.unmount(test.props));
    });

    it('rejects only after its own confirmation', async () => {
      const rejected: NotificationDetail = {
        item: { ...item, status: 'rejected', respondedAt: '2026-11-21T10:00:00.000Z' },
        source,
        content: null,
        receipt: {
          code: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789',
          at: '2026-11-21T10:00:00.000Z',
          act: 'reject',
        },
      };
      const agency = gateway(rejected);
      const test = await mount(agency.fetchImpl, '/notifications/dehu%3AN-1');
      const root = test.props.domElement;
      const button = (text: string) =>
        [...document.querySelectorAll('button')].find((b) => b.textContent === text);
      await act(async () => button('Rechazar la notificación')?.click());
      expect(agency.posts).toHaveLength(0);
      expect(document.body.textContent).toContain('¿Rechazar la notificación?');
      await act(async () => button('Sí, rechazar')?.click());
      expect(agency.posts.map((post) => post.url)).toEqual(['/api/notifications/dehu%3AN-1/reject?lang=es']);
      await act(async () => agency.release());
      await vi.waitFor(() => expect(root.textContent).toContain('Has rechazado la notificación.'));
      expect(root.querySelector('[data-testid="notification-content"]')).toBeNull();
      expect(root.querySelector('a[href$="/receipt.pdf?lang=es"]')).not.toBeNull();
      await act(() => lifecycles.unmount(test.props));
    });
  });
});
