import type { Session } from '@carpeta/sdk';
import type { AssistantReply, Ticket } from '@carpeta/sdk/assistant';
import { fetchFrom, GATEWAY_UNAVAILABLE } from '@carpeta/sdk/testing/story';
import { delay, getResponse, type HttpHandler, HttpResponse, http } from 'msw';

/**
 * The gateway's answers for Ada (/ada), as MSW handlers: the unit tests (App.test.tsx) and the
 * stories (App.stories.tsx) use these same states. The conversation starts empty (Ada's welcome);
 * what the page reads is the signed-in citizen's incidents. Ada has no agency sources, so no
 * "partial sources" state.
 */
export const SIGNED_IN: Session = {
  authenticated: true,
  citizen: {
    displayName: 'María García López',
    maskedId: '***5678**',
    loa: 'substantial',
    method: 'clave-movil',
    previousAccess: null,
    actingFor: null,
  },
} as Session;

export const reply = (over: Partial<AssistantReply>): AssistantReply => ({
  intent: 'notifications.pending',
  confidence: 0.9,
  language: 'es',
  text: ['Tienes 3 notificaciones pendientes.'],
  links: [{ label: 'Ver mis notificaciones', href: '/notifications' }],
  services: [],
  choices: [],
  human: false,
  signIn: false,
  incident: null,
  ...over,
});

export const ticket: Ticket = {
  reference: 'ADA-7K2M9QXZ',
  category: 'notifications',
  administration: 'AEAT',
  tried: 'Abrir',
  errorSeen: 'Error 500',
  status: 'open',
  createdAt: '2026-03-20T09:00:00.000Z',
  updatedAt: '2026-03-20T09:00:00.000Z',
  answer: null,
  answeredAt: null,
};

export const resolved: Ticket = {
  ...ticket,
  reference: 'ADA-3H8P2WQR',
  category: 'sign-in',
  status: 'resolved',
  answer: 'Ya funciona: el certificado de la sede se ha renovado. Gracias por avisarnos.',
  answeredAt: '2026-03-21T09:00:00.000Z',
};

/** Long Basque text (the longest words a layout meets), for language `eu`. */
export const BASQUE_ANSWER =
  'Egoitza elektronikoaren ziurtagiria berritu ondoren identifikazio-arazoa konponduta dago; eskerrik asko jakinarazteagatik.';

/** The incidents list, answered with these tickets. */
export const tickets = (items: Ticket[]): HttpHandler[] => [
  http.get('*/api/assistant/tickets', () => HttpResponse.json({ items })),
];

export const handlers = {
  tickets: tickets([resolved, ticket]),
  loading: [
    http.get('*/api/assistant/tickets', async () => {
      await delay('infinite');
      return HttpResponse.json({ items: [] });
    }),
  ],
  empty: tickets([]),
  error: [http.get('*/api/assistant/tickets', () => HttpResponse.json(GATEWAY_UNAVAILABLE, { status: 503 }))],
  basque: tickets([{ ...resolved, answer: BASQUE_ANSWER }, ticket]),
} satisfies Record<string, HttpHandler[]>;

/** A `fetch` answered by the given handlers, in memory (no service worker, no server). */
export const fetchFor = (state: HttpHandler[]): typeof fetch =>
  fetchFrom((request) => getResponse(state, request));
