import type { RoadmapItem } from '@carpeta/sdk/feedback';
import { fetchFrom, GATEWAY_UNAVAILABLE } from '@carpeta/sdk/testing/story';
import { delay, getResponse, type HttpHandler, HttpResponse, http } from 'msw';

/**
 * The gateway's answers for the feedback MFE, as MSW handlers: the unit tests (App.test.tsx) and
 * the stories (Roadmap.stories.tsx, Forms.stories.tsx) use these same states. The roadmap has no
 * agency sources, so it has no "partial sources" state; the forms read nothing before they send.
 */
type Six = RoadmapItem['title'];

/** The same text in the six languages, the English one marked so a test sees which was chosen. */
export const six = (text: string): Six => ({
  es: text,
  ca: text,
  gl: text,
  eu: text,
  va: text,
  en: `${text} (en)`,
});

export const item = (id: string, status: RoadmapItem['status'], comments: number): RoadmapItem => ({
  id,
  title: six(`Elemento ${id}`),
  summary: six(`Resumen ${id}`),
  status,
  comments,
  updatedAt: '2026-12-01T09:00:00.000Z',
});

const items: RoadmapItem[] = [
  {
    ...item('pdf', 'planned', 12),
    title: { ...six('Justificantes en PDF accesible'), es: 'Justificantes en PDF accesible' },
    summary: six('Cada justificante del registro, también como PDF etiquetado para lectores de pantalla.'),
  },
  {
    ...item('sms', 'in-progress', 4),
    title: six('Avisos por SMS'),
    summary: six('Un aviso al móvil cuando una notificación está a punto de caducar.'),
  },
  { ...item('dark', 'done', 30), title: six('Tema oscuro'), summary: six('La Carpeta en colores oscuros.') },
];

/** Long Basque text (the longest words a layout meets), for language `eu`. */
export const BASQUE_TITLE =
  'Erregistroko frogagiri guztiak pantaila-irakurgailuentzako PDF etiketatu eskuragarrian deskargatzeko aukera';

/** The roadmap's one read, answered with these items. */
export const roadmap = (body: RoadmapItem[]): HttpHandler[] => [
  http.get('*/api/roadmap', () => HttpResponse.json({ items: body })),
];

export const handlers = {
  roadmap: roadmap(items),
  loading: [
    http.get('*/api/roadmap', async () => {
      await delay('infinite');
      return HttpResponse.json({ items: [] });
    }),
  ],
  empty: roadmap([]),
  error: [http.get('*/api/roadmap', () => HttpResponse.json(GATEWAY_UNAVAILABLE, { status: 503 }))],
  basque: roadmap(
    items.map((entry, index) =>
      index === 0
        ? {
            ...entry,
            title: { ...entry.title, eu: BASQUE_TITLE },
            summary: {
              ...entry.summary,
              eu: 'Erregistroan aurkeztutako idazki bakoitzaren frogagiria, irisgarritasun-arauak betetzen dituen dokumentu gisa.',
            },
          }
        : entry,
    ),
  ),
  /** The forms read nothing; what they send is answered by each test. */
  forms: [],
} satisfies Record<string, HttpHandler[]>;

/** A `fetch` answered by the given handlers, in memory (no service worker, no server). */
export const fetchFor = (state: HttpHandler[]): typeof fetch =>
  fetchFrom((request) => getResponse(state, request));
