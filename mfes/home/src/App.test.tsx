import type {
  AttentionItem,
  ExpiringDocumentList,
  FolderSourceList,
  HomeSourceAnswer,
  NotificationList,
  PinList,
  Session,
} from '@carpeta/sdk';
import { createTestProps, mountForTest, switchLanguage } from '@carpeta/sdk/testing';
import { HttpResponse, http } from 'msw';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ATTENTION_HOLD_MS } from './AttentionSection.tsx';
import lifecycles from './lifecycles.tsx';
import { madridDate } from './relative.ts';
import {
  aeat,
  aeatItem as sharedAeatItem,
  dgt,
  dgtItem,
  emptyDocuments,
  emptyNotifications,
  handlers,
  inDays,
  ok,
} from './test/handlers.ts';
import { PORTAL, portalFetch, server } from './test-server.ts';

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

const DAY = 86_400_000;

// A hostile title: rendered as text, never as markup.
const aeatItem: AttentionItem = { ...sharedAeatItem, title: '<script>alert(1)</script> Aporte las facturas' };

/** The home's gateway: every route answered, each test overrides what it looks at. */
function gateway(options: { pins?: PinList } = {}) {
  const writes: { method: string; url: string; key: string | null; body: unknown }[] = [];
  let pins = options.pins ?? { items: [] };
  server.use(
    http.get(`${PORTAL}/api/notifications`, () => HttpResponse.json(emptyNotifications)),
    http.get(`${PORTAL}/api/documents`, () => HttpResponse.json(emptyDocuments)),
    http.get(`${PORTAL}/api/home/sources`, () => HttpResponse.json({ items: [] } satisfies FolderSourceList)),
    http.get(`${PORTAL}/api/pins`, () => HttpResponse.json(pins)),
    http.post(`${PORTAL}/api/pins`, async ({ request }) => {
      const body = (await request.json()) as { target: string; label: string };
      writes.push({ method: 'POST', url: request.url, key: request.headers.get('idempotency-key'), body });
      pins = { items: [...pins.items, { ...body, pinnedAt: new Date().toISOString() }] };
      return HttpResponse.json({ item: pins.items.at(-1) }, { status: 201 });
    }),
    http.delete(`${PORTAL}/api/pins`, ({ request }) => {
      const target = new URL(request.url).searchParams.get('target');
      writes.push({
        method: 'DELETE',
        url: request.url,
        key: request.headers.get('idempotency-key'),
        body: null,
      });
      pins = { items: pins.items.filter((pin) => pin.target !== target) };
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return { writes };
}

async function mount(session?: Session) {
  window.history.replaceState(null, '', '/');
  const test = createTestProps({
    mfeId: 'home',
    basePath: '/',
    fetch: portalFetch,
    ...(session ? { session } : {}),
  });
  await mountForTest(lifecycles, test.props);
  return test;
}

async function settle(action?: () => void) {
  await act(async () => {
    action?.();
    await new Promise((resolve) => setTimeout(resolve, 30));
  });
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('home MFE: what needs you now', () => {
  it('renders items as sources answer, waiting at most a second for the slowest, and lists who did not answer', async () => {
    gateway();
    let releaseDgt: () => void = () => undefined;
    const dgtGate = new Promise<void>((resolve) => {
      releaseDgt = resolve;
    });
    const requested: string[] = [];
    server.use(
      http.get(`${PORTAL}/api/home/sources`, () =>
        HttpResponse.json({
          items: [
            { source: 'aeat', name: 'Agencia Tributaria', dir3: aeat.dir3, domains: ['files'] },
            {
              source: 'dgt',
              name: 'Dirección General de Tráfico',
              dir3: dgt.dir3,
              domains: ['appointments'],
            },
            { source: 'tgss', name: 'Seguridad Social', dir3: 'EA0041794', domains: ['files'] },
            { source: 'region', name: 'Comunidad de Madrid', dir3: 'A13002908', domains: ['files'] },
          ],
        } satisfies FolderSourceList),
      ),
      http.get(`${PORTAL}/api/home/sources/:source`, async ({ params }) => {
        requested.push(String(params.source));
        if (params.source === 'aeat') {
          return HttpResponse.json({
            items: [aeatItem],
            source: ok('aeat', 'Agencia Tributaria'),
          } satisfies HomeSourceAnswer);
        }
        if (params.source === 'dgt') {
          await dgtGate;
          return HttpResponse.json({ items: [dgtItem], source: ok('dgt', 'DGT') } satisfies HomeSourceAnswer);
        }
        if (params.source === 'tgss') {
          return HttpResponse.json(
            { error: { code: 'agency-unavailable', message: 'down' } },
            { status: 502 },
          );
        }
        return HttpResponse.json({
          items: [],
          source: { source: 'region', name: 'Comunidad de Madrid', status: 'timeout' },
        } satisfies HomeSourceAnswer);
      }),
    );
    const test = await mount();
    const root = test.props.domElement;
    // While a source is still awaited, the items wait for it (at most ATTENTION_HOLD_MS).
    expect(root.querySelector('[data-testid="attention-list"]')).toBeNull();
    await act(() => new Promise((resolve) => setTimeout(resolve, ATTENTION_HOLD_MS + 20)));
    const titles = () =>
      [...root.querySelectorAll('[data-testid="attention-list"] h3')].map((h) => h.textContent);

    // Every source was asked at once; the slow one holds nothing back.
    expect(requested.sort()).toEqual(['aeat', 'dgt', 'region', 'tgss']);
    expect(titles()).toEqual([aeatItem.title]);
    expect(root.querySelector('script')).toBeNull();
    const status = root.querySelector('[data-testid="attention-status"]');
    expect(status?.getAttribute('aria-live')).toBe('polite');
    expect(status?.textContent).toBe('Han respondido 3 de 4 administraciones. 1 asunto hasta ahora.');
    const failed = root.querySelector('[data-testid="attention-failed"]')?.textContent ?? '';
    expect(failed).toContain('Seguridad Social (no está disponible)');
    expect(failed).toContain('Comunidad de Madrid (no responde a tiempo)');
    expect(root.querySelector('[data-testid="attention-list"]')?.textContent).toMatch(
      /Plazo hasta el .+ \(dentro de 5 días\)/,
    );

    await settle(() => releaseDgt());
    // Sorted by due date: the appointment in 2 days comes before the requirement in 5.
    expect(titles()).toEqual([dgtItem.title, aeatItem.title]);
    expect(status?.textContent).toBe(
      'Consulta terminada: 2 asuntos necesitan tu atención. No han respondido: Seguridad Social, Comunidad de Madrid.',
    );
    const link = root.querySelector<HTMLAnchorElement>(
      '[data-testid="attention-list"] a[href="/appointments"]',
    );
    await settle(() => link?.click());
    expect(test.navigations).toEqual(['/appointments']);

    await switchLanguage(lifecycles, test, 'en');
    expect(root.querySelector('#home-attention-heading')?.textContent).toBe('What needs you now');
    expect(root.textContent).toContain('Seguridad Social (is not available)');
    await act(() => lifecycles.unmount(test.props));
  });

  // The states the stories show (App.stories.tsx), from the same handlers.
  it('says nothing needs you when every source answered with nothing', async () => {
    server.use(...handlers.empty);
    const test = await mount();
    const root = test.props.domElement;
    expect(root.textContent).toContain('Nada necesita tu atención ahora mismo.');
    expect(root.querySelector('[data-testid="attention-status"]')?.textContent).toBe(
      'Han respondido todas las administraciones: 0 asuntos necesitan tu atención.',
    );
    await act(() => lifecycles.unmount(test.props));
  });

  it('names the source that did not answer, and says so when it cannot ask any', async () => {
    server.use(...handlers.partial);
    const partial = await mount();
    expect(partial.props.domElement.textContent).toContain('Comunidad de Madrid (no responde a tiempo)');
    expect(partial.props.domElement.textContent).toContain(sharedAeatItem.title);
    await act(() => lifecycles.unmount(partial.props));
    server.use(...handlers.error);
    const failed = await mount();
    expect(failed.props.domElement.textContent).toContain(
      'No hemos podido saber qué administraciones consultar.',
    );
    await act(() => lifecycles.unmount(failed.props));
  });
});

describe('home MFE: favourites', () => {
  it('pins an item and unpins it, each write with its own idempotency key', async () => {
    const { writes } = gateway({
      pins: { items: [{ target: '/notifications', label: 'Notificaciones', pinnedAt: inDays(-1) }] },
    });
    server.use(
      http.get(`${PORTAL}/api/home/sources`, () =>
        HttpResponse.json({ items: [{ source: 'aeat', name: 'AEAT', dir3: aeat.dir3, domains: ['files'] }] }),
      ),
      http.get(`${PORTAL}/api/home/sources/aeat`, () =>
        HttpResponse.json({ items: [aeatItem], source: ok('aeat', 'AEAT') } satisfies HomeSourceAnswer),
      ),
    );
    const test = await mount();
    const root = test.props.domElement;
    const pinsList = () =>
      [...root.querySelectorAll('[data-testid="pins-list"] a')].map((a) => a.textContent);
    expect(pinsList()).toEqual(['Notificaciones']);

    const pinButton = () => root.querySelector<HTMLButtonElement>('[data-testid="attention-list"] button');
    expect(pinButton()?.textContent).toBe('Añadir a favoritos');
    expect(pinButton()?.getAttribute('aria-label')).toBe(`Añadir a favoritos: ${aeatItem.title}`);
    await settle(() => {
      pinButton()?.click();
      pinButton()?.click(); // a double click pins once
    });
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({
      method: 'POST',
      body: { target: aeatItem.href, label: aeatItem.title },
    });
    expect(writes[0]?.key).toMatch(/^[A-Za-z0-9_-]{8,100}$/);
    expect(pinsList()).toEqual(['Notificaciones', aeatItem.title]);
    expect(root.querySelector('[data-testid="pins-status"]')?.textContent).toBe(
      `Añadido a favoritos: ${aeatItem.title}`,
    );
    expect(pinButton()?.textContent).toBe('Quitar de favoritos');

    const unpin = [...root.querySelectorAll<HTMLButtonElement>('[data-testid="pins-list"] button')][0];
    await settle(() => unpin?.click());
    expect(writes).toHaveLength(2);
    expect(writes[1]?.method).toBe('DELETE');
    expect(new URL(writes[1]?.url ?? '').searchParams.get('target')).toBe('/notifications');
    expect(writes[1]?.key).not.toBe(writes[0]?.key);
    expect(pinsList()).toEqual([aeatItem.title]);

    await switchLanguage(lifecycles, test, 'en');
    expect(root.querySelector('#home-pins-heading')?.textContent).toBe('Favourites');
    await act(() => lifecycles.unmount(test.props));
  });
});

describe('home MFE: documents about to expire', () => {
  it('lists them soonest first with the date, how long is left and where to renew', async () => {
    gateway();
    // Calendar days in Madrid (the portal's time zone), not UTC: near midnight they differ.
    const day = (days: number) => madridDate(new Date(Date.now() + days * DAY));
    server.use(
      http.get(`${PORTAL}/api/documents`, () =>
        HttpResponse.json({
          items: [
            {
              id: 'dgt:V-1',
              source: 'dgt',
              issuer: dgt,
              kind: 'vehicle-inspection',
              label: 'Vehículo 1234 KLM',
              expiresOn: day(40),
              renewUrl: null,
            },
            {
              id: 'dgp:DNI-1',
              source: 'dgp',
              issuer: { dir3: 'E00109004', name: 'Policía Nacional' },
              kind: 'identity-card',
              label: 'DNI ***5678**',
              expiresOn: day(20),
              renewUrl: 'https://www.citapreviadnie.es/',
            },
          ],
          sources: [
            ok('dgt', 'DGT'),
            { source: 'region', name: 'Comunidad de Madrid', status: 'unavailable' },
          ],
        } satisfies ExpiringDocumentList),
      ),
    );
    const test = await mount();
    const root = test.props.domElement;
    const documents = root.querySelector('[data-testid="documents"]');
    expect([...(documents?.querySelectorAll('h3') ?? [])].map((h) => h.textContent)).toEqual([
      'DNI: DNI ***5678**',
      'ITV del vehículo: Vehículo 1234 KLM',
    ]);
    expect(documents?.textContent).toMatch(/Caduca el .+ \(dentro de 20 días\)/);
    const renew = documents?.querySelector<HTMLAnchorElement>('a[href="https://www.citapreviadnie.es/"]');
    expect(renew?.getAttribute('target')).toBe('_blank');
    expect(renew?.textContent).toContain('Renovar en la sede de Policía Nacional');
    expect(documents?.textContent).toContain('No hemos podido consultar: Comunidad de Madrid');
    await switchLanguage(lifecycles, test, 'en');
    expect(documents?.textContent).toMatch(/Expires on .+ \(in 20 days\)/);
    await act(() => lifecycles.unmount(test.props));
  });
});

describe('home MFE: what it showed before', () => {
  it('counts only pending notifications, and urgent ones', async () => {
    gateway();
    server.use(
      http.get(`${PORTAL}/api/notifications`, () =>
        HttpResponse.json({
          items: [
            { ...base, id: 'dehu:1', status: 'pending', urgent: true },
            { ...base, id: 'dehu:2', status: 'pending', urgent: false },
            { ...base, id: 'dehu:3', status: 'accepted', urgent: true },
            { ...base, id: 'dehu:4', status: 'expired', urgent: false },
          ],
          sources: [ok('dehu', 'DEHú')],
        } satisfies NotificationList),
      ),
    );
    const test = await mount();
    const text = test.props.domElement.textContent ?? '';
    expect(test.props.domElement.querySelector('h1')?.textContent).toBe('Tu carpeta');
    expect(text).toContain('Tienes 2 notificaciones pendientes de abrir.');
    expect(text).toContain('1 es urgente.');
    expect(test.props.events.last('notifications:pending-count')).toEqual({ count: 2 });
    await switchLanguage(lifecycles, test, 'en');
    expect(test.props.domElement.textContent).toContain('You have 2 notifications waiting to be opened.');
    await act(() => lifecycles.unmount(test.props));
  });

  it('warns that the count may be incomplete when an agency did not answer', async () => {
    gateway();
    server.use(
      http.get(`${PORTAL}/api/notifications`, () =>
        HttpResponse.json({ items: [], sources: [{ source: 'dehu', name: 'DEHú', status: 'unavailable' }] }),
      ),
    );
    const test = await mount();
    expect(test.props.domElement.textContent).toContain('Falta información de: DEHú');
    await act(() => lifecycles.unmount(test.props));
  });

  it('offers a retry when the gateway fails', async () => {
    gateway();
    server.use(
      http.get(`${PORTAL}/api/*`, () =>
        HttpResponse.json({ error: { code: 'agency-unavailable', message: 'down' } }, { status: 502 }),
      ),
    );
    const test = await mount();
    const root = test.props.domElement;
    expect(root.textContent).toContain('No hemos podido consultar tus notificaciones ahora.');
    expect(root.textContent).toContain('No hemos podido saber qué administraciones consultar.');
    expect([...root.querySelectorAll('button')].some((b) => b.textContent === 'Reintentar')).toBe(true);
    await act(() => lifecycles.unmount(test.props));
  });

  it('says whose folder it is when acting for someone', async () => {
    gateway();
    const test = await mount({
      authenticated: true,
      citizen: {
        displayName: 'Antonio Pérez',
        maskedId: '***1458**',
        loa: 'substantial',
        method: 'clave-movil',
        previousAccess: null,
        actingFor: {
          displayName: 'Carmen López Sánchez',
          maskedId: '***5678**',
          kind: 'person',
          powerKind: 'general',
          validUntil: null,
        },
        expiresAt: inDays(1),
        absoluteExpiresAt: inDays(1),
      },
    } as Session);
    expect(test.props.domElement.querySelector('h1')?.textContent).toBe('Carpeta de Carmen López Sánchez');
    await act(() => lifecycles.unmount(test.props));
  });
});
