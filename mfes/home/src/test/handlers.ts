import type {
  AttentionItem,
  ExpiringDocumentList,
  FolderSourceList,
  HomeSourceAnswer,
  NotificationList,
  PinList,
  SourceStatus,
} from '@carpeta/sdk';
import { fetchFrom, GATEWAY_UNAVAILABLE } from '@carpeta/sdk/testing/story';
import { delay, getResponse, type HttpHandler, HttpResponse, http } from 'msw';

/**
 * The gateway's answers for the home, as MSW handlers: the unit tests (`server.use(...)`) and the
 * stories (App.stories.tsx) use these same states and fixtures.
 */
const DAY = 86_400_000;
export const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

export const aeat = { dir3: 'E00003901', name: 'Agencia Tributaria' };
export const dgt = { dir3: 'E00130502', name: 'Dirección General de Tráfico' };
export const ok = (source: string, name: string): SourceStatus => ({ source, name, status: 'ok' });

export const aeatItem: AttentionItem = {
  id: 'aeat:R-1',
  domain: 'files',
  reason: 'file-requirement',
  title: 'Aporte las facturas',
  issuer: aeat,
  due: inDays(5),
  href: '/files/aeat%3AR-1',
};
export const dgtItem: AttentionItem = {
  id: 'dgt:A-1',
  domain: 'appointments',
  reason: 'appointment-upcoming',
  title: 'Canje de permiso de conducir',
  issuer: dgt,
  due: inDays(2),
  href: '/appointments',
};

export const emptyNotifications: NotificationList = { items: [], sources: [] };
export const emptyDocuments: ExpiringDocumentList = { items: [], sources: [] };

const folderSources: FolderSourceList = {
  items: [
    { source: 'aeat', name: 'Agencia Tributaria', dir3: aeat.dir3, domains: ['files'] },
    { source: 'dgt', name: 'Dirección General de Tráfico', dir3: dgt.dir3, domains: ['appointments'] },
  ],
};

/** Every read route of the home, answered: what each source says, and the sections' lists. */
function home(answers: Record<string, HomeSourceAnswer>, pins: PinList = { items: [] }): HttpHandler[] {
  return [
    http.get('*/api/notifications', () => HttpResponse.json(emptyNotifications)),
    http.get('*/api/documents', () => HttpResponse.json(emptyDocuments)),
    http.get('*/api/pins', () => HttpResponse.json(pins)),
    http.get('*/api/home/sources', () =>
      HttpResponse.json({
        items: [
          ...folderSources.items.filter((item) => item.source in answers),
          ...Object.keys(answers)
            .filter((source) => !folderSources.items.some((item) => item.source === source))
            .map((source) => ({
              source,
              name: answers[source]?.source.name ?? source,
              dir3: 'EA0041794',
              domains: ['files' as const],
            })),
        ],
      } satisfies FolderSourceList),
    ),
    http.get('*/api/home/sources/:source', ({ params }) => {
      const answer = answers[String(params.source)];
      return answer ? HttpResponse.json(answer) : HttpResponse.json(GATEWAY_UNAVAILABLE, { status: 502 });
    }),
  ];
}

export const handlers = {
  list: home(
    {
      aeat: { items: [aeatItem], source: ok('aeat', 'Agencia Tributaria') },
      dgt: { items: [dgtItem], source: ok('dgt', 'Dirección General de Tráfico') },
    },
    { items: [{ target: '/notifications', label: 'Notificaciones', pinnedAt: inDays(-1) }] },
  ),
  loading: [
    http.all('*/api/*', async () => {
      await delay('infinite');
      return HttpResponse.json({});
    }),
  ],
  empty: home({ aeat: { items: [], source: ok('aeat', 'Agencia Tributaria') } }),
  /** The tax agency answered; the regional government did not in time. */
  partial: home({
    aeat: { items: [aeatItem], source: ok('aeat', 'Agencia Tributaria') },
    region: { items: [], source: { source: 'region', name: 'Comunidad de Madrid', status: 'timeout' } },
  }),
  error: [http.all('*/api/*', () => HttpResponse.json(GATEWAY_UNAVAILABLE, { status: 503 }))],
  /** Long Basque titles, for language `eu`. */
  basque: home({
    aeat: {
      items: [
        {
          ...aeatItem,
          title: 'Aurkeztu Pertsona Fisikoen Errentaren gaineko Zergaren itzulketari dagozkion fakturak',
        },
      ],
      source: ok('aeat', 'Agencia Tributaria'),
    },
    dgt: {
      items: [{ ...dgtItem, title: 'Atzerriko gidabaimena Espainiakoarekin trukatzeko hitzordua' }],
      source: ok('dgt', 'Dirección General de Tráfico'),
    },
  }),
} satisfies Record<string, HttpHandler[]>;

/** A `fetch` answered by the given handlers, in memory (no service worker, no server). */
export const fetchFor = (state: HttpHandler[]): typeof fetch =>
  fetchFrom((request) => getResponse(state, request));
