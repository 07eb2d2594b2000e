import type { Notification, NotificationList, SourceStatus } from '@carpeta/sdk';
import { fetchFrom, GATEWAY_UNAVAILABLE } from '@carpeta/sdk/testing/story';
import { delay, getResponse, type HttpHandler, HttpResponse, http } from 'msw';

/**
 * The gateway's answers for this MFE, as MSW handlers: the unit tests (App.test.tsx) and the
 * stories (App.stories.tsx) use these same states, so a designer reviews what the tests check.
 */
export const DEHU_OK: SourceStatus = { source: 'dehu', name: 'DEHú', status: 'ok' };

export const notification: Notification = {
  id: 'dehu:N-1',
  source: 'dehu',
  kind: 'notification',
  issuer: { dir3: 'E00003901', name: 'Agencia Tributaria' },
  subject: 'Requerimiento de documentación',
  procedure: 'Comprobación limitada',
  fileReference: 'EXP-1',
  status: 'pending',
  availableAt: '2026-11-20T09:15:00.000Z',
  expiresAt: '2099-11-30T09:15:00.000Z',
  respondedAt: null,
  urgent: true,
};

const communication: Notification = {
  ...notification,
  id: 'dehu:C-2',
  kind: 'communication',
  issuer: { dir3: 'EA0041680', name: 'Dirección General de Tráfico' },
  subject: 'Aviso de caducidad del permiso de conducir',
  procedure: 'Renovación del permiso',
  fileReference: 'DGT-2',
  status: 'accepted',
  respondedAt: '2026-11-21T10:00:00.000Z',
  urgent: false,
};

function list(items: Notification[], sources: SourceStatus[] = [DEHU_OK]): NotificationList {
  return { items, sources, issuers: items.map((item) => item.issuer) };
}

const answer = (body: NotificationList) => [http.get('*/api/notifications', () => HttpResponse.json(body))];

export const handlers = {
  list: answer(list([notification, communication])),
  loading: [
    http.get('*/api/notifications', async () => {
      await delay('infinite');
      return HttpResponse.json(list([]));
    }),
  ],
  empty: answer(list([])),
  /** One agency did not answer in time: what arrived is shown, and the alert names the missing one. */
  partial: answer(
    list(
      [communication],
      [DEHU_OK, { source: 'dgt', name: 'Dirección General de Tráfico', status: 'timeout', message: 'slow' }],
    ),
  ),
  error: [http.get('*/api/notifications', () => HttpResponse.json(GATEWAY_UNAVAILABLE, { status: 503 }))],
  /** One notification's page (`/notifications/dehu%3AN-1`), as the gateway answers it. */
  detail: [
    http.get('*/api/notifications/:id', ({ params }) =>
      params.id === notification.id
        ? HttpResponse.json({ item: notification, source: DEHU_OK })
        : HttpResponse.json({ error: { code: 'not-found', message: 'Not found' } }, { status: 404 }),
    ),
  ],
  /** Long Basque subjects and names (the longest words a layout meets), for language `eu`. */
  basque: answer(
    list([
      {
        ...notification,
        issuer: {
          dir3: 'A16000001',
          name: 'Eusko Jaurlaritzako Ogasun eta Finantza Sailaren Zerga Administrazioa',
        },
        subject:
          'Errekerimendua: Pertsona Fisikoen Errentaren gaineko Zergaren autolikidazioari dagozkion egiaztagiriak aurkeztea',
        procedure: 'Egiaztapen mugatuko prozedura',
      },
      {
        ...communication,
        subject:
          'Gidabaimenaren iraungitze-dataren jakinarazpena eta berritzeko ordutegiaren kontsulta-aukerak',
      },
    ]),
  ),
} satisfies Record<string, HttpHandler[]>;

/** A `fetch` answered by the given handlers, in memory (no service worker, no server). */
export const fetchFor = (state: HttpHandler[]): typeof fetch =>
  fetchFrom((request) => getResponse(state, request));
