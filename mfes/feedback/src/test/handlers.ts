import type { Session } from '@carpeta/sdk';
import type { AdminTicket } from '@carpeta/sdk/assistant';
import type { AdminAccessibilityRequest, AdminFeedback, RoadmapItem } from '@carpeta/sdk/feedback';
import { fetchFrom, GATEWAY_UNAVAILABLE } from '@carpeta/sdk/testing/story';
import { delay, getResponse, type HttpHandler, HttpResponse, http } from 'msw';

/**
 * The gateway's answers for the feedback MFE, as MSW handlers: the unit tests (App.test.tsx) and
 * the stories (Roadmap.stories.tsx, Forms.stories.tsx, Maintainers.stories.tsx) use these same states. The roadmap has no
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

// ---- the maintainers' page (/admin/roadmap) ------------------------------------------------

/**
 * A maintainer's session. The session itself carries no role: the identity provider vouches for
 * the role, the shell lists the page only for it and the gateway answers /api/admin/* only to it.
 */
export const MAINTAINER: Session = {
  authenticated: true,
  citizen: {
    displayName: 'Lucía Fernández Ruiz',
    maskedId: '***4321**',
    loa: 'high',
    method: 'dnie',
    previousAccess: null,
    actingFor: null,
    expiresAt: '2026-12-06T10:00:00.000Z',
    absoluteExpiresAt: '2026-12-06T17:00:00.000Z',
  },
};

const received: AdminFeedback = {
  id: '0b7d4c6e-1f2a-4b3c-8d9e-0f1a2b3c4d5e',
  reference: 'OPN-7K2M9QXA',
  kind: 'general',
  rating: 'satisfied',
  method: null,
  flow: null,
  message: 'Me gustaría descargar los justificantes en PDF.',
  language: 'es',
  receivedAt: '2026-12-04T09:00:00.000Z',
  items: ['pdf'],
};

const accessibilityRequest: AdminAccessibilityRequest = {
  reference: 'ACC-7K2M9QXA',
  page: '/files',
  problem: 'El lector de pantalla no anuncia el botón de descarga.',
  email: null,
  receivedAt: '2026-11-02T09:00:00.000Z',
  answerBy: '2026-11-30',
  answeredAt: null,
  overdue: true,
};

const ticket: AdminTicket = {
  reference: 'ADA-7K2M9QXZ',
  category: 'sign-in',
  administration: 'Cl@ve',
  tried: 'Entrar con Cl@ve Móvil desde el móvil.',
  errorSeen: 'Error 42',
  status: 'open',
  createdAt: '2026-12-01T09:00:00.000Z',
  updatedAt: '2026-12-01T09:00:00.000Z',
  answer: null,
  answeredAt: null,
  language: 'es',
};

/** The page's four reads (feedback, accessibility requests, Ada's incidents, the roadmap). */
const adminReads = (
  feedback: AdminFeedback[],
  accessibility: AdminAccessibilityRequest[],
  tickets: AdminTicket[],
): HttpHandler[] => [
  http.get('*/api/admin/feedback', () => HttpResponse.json({ items: feedback })),
  http.get('*/api/admin/accessibility', () => HttpResponse.json({ items: accessibility })),
  http.get('*/api/admin/tickets', () => HttpResponse.json({ items: tickets })),
  ...roadmap(items),
];

export const adminHandlers = {
  data: adminReads([received], [accessibilityRequest], [ticket]),
  /** Nothing received yet; the roadmap's items are still there to manage. */
  empty: adminReads([], [], []),
  error: [
    http.get('*/api/admin/*', () => HttpResponse.json(GATEWAY_UNAVAILABLE, { status: 503 })),
    ...roadmap(items),
  ],
  /** What a citizen (no maintainer role) gets from the gateway. */
  forbidden: [
    http.get('*/api/admin/*', () =>
      HttpResponse.json(
        { error: { code: 'forbidden', message: 'Forbidden', requestId: 'r' } },
        { status: 403 },
      ),
    ),
    ...roadmap(items),
  ],
} satisfies Record<string, HttpHandler[]>;
