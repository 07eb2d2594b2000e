import type { SourceStatus } from '@carpeta/sdk';
import type { HealthAppointment, HealthCard, HealthCardAnswer } from '@carpeta/sdk/health';
import { fetchFrom, GATEWAY_UNAVAILABLE } from '@carpeta/sdk/testing/story';
import { delay, getResponse, type HttpHandler, HttpResponse, http } from 'msw';

/**
 * The gateway's answers for the health service, as MSW handlers: the unit tests (`server.use(...)`
 * and their in-memory gateway) and the stories (App.stories.tsx) use these same states and fixtures.
 */
const DAY = 86_400_000;
/** A time `days` from now at `hour`:00 UTC (inside one Madrid day). */
export function at(days: number, hour: number): string {
  const date = new Date(Date.now() + days * DAY);
  date.setUTCHours(hour, 0, 0, 0);
  return date.toISOString();
}

export const OK: SourceStatus = { source: 'sermas', name: 'Servicio Madrileño de Salud', status: 'ok' };
export const DOWN: SourceStatus = {
  ...OK,
  status: 'unavailable',
  message: 'The service could not be reached.',
};
export const centre = {
  id: 'CS-1',
  name: 'Centro de Salud Retiro Norte',
  address: 'Calle del Doctor Castelo, 60',
  phone: '910 000 101',
};
export const services = [
  { id: 'MFYC', name: 'Medicina de familia', durationMinutes: 10 },
  { id: 'ENF', name: 'Enfermería', durationMinutes: 15 },
];

export function card(overrides: Partial<HealthCard> = {}): HealthCard {
  return {
    cipa: 'GRLP850314MD',
    holder: 'María García López',
    status: 'active',
    validFrom: '2012-09-20',
    validUntil: null,
    centre,
    doctor: 'Dra. Elena Ruiz Castaño',
    nurse: 'Jorge Medina Prieto',
    services,
    replacement: null,
    ...overrides,
  };
}

export function appointment(id: string, overrides: Partial<HealthAppointment> = {}): HealthAppointment {
  return {
    id,
    status: 'booked',
    service: services[0] as HealthAppointment['service'],
    startsAt: at(3, 9),
    endsAt: at(3, 10),
    professional: 'Dra. Elena Ruiz Castaño',
    centre,
    ...overrides,
  };
}

export const cardAnswer = (overrides: Partial<HealthCardAnswer> = {}): HealthCardAnswer => ({
  issuer: { dir3: 'A13002908', name: 'SERMAS' },
  card: card(),
  source: OK,
  ...overrides,
});

function health(answer: HealthCardAnswer, appointments: HealthAppointment[]): HttpHandler[] {
  return [
    http.get('*/api/health-service/card', () => HttpResponse.json(answer)),
    http.get('*/api/health-service/appointments', () =>
      HttpResponse.json({ items: appointments, source: answer.source }),
    ),
  ];
}

const booked = [
  appointment('sermas:A-1'),
  appointment('sermas:A-0', { status: 'attended', startsAt: at(-9, 9), endsAt: at(-9, 10) }),
];

export const handlers = {
  card: health(cardAnswer(), booked),
  loading: [
    http.get('*/api/health-service/*', async () => {
      await delay('infinite');
      return HttpResponse.json({});
    }),
  ],
  /** No health card in the region: said without an error. */
  empty: health(cardAnswer({ card: null }), []),
  /** The portal's one source for this MFE, the regional health service, is down. */
  down: health(cardAnswer({ card: null, source: DOWN }), []),
  error: [http.get('*/api/health-service/*', () => HttpResponse.json(GATEWAY_UNAVAILABLE, { status: 503 }))],
  /** Long Basque service names, for language `eu`. */
  basque: health(
    cardAnswer({
      card: card({
        services: [
          { id: 'MFYC', name: 'Familia-medikuntza eta komunitate-osasuneko kontsulta', durationMinutes: 10 },
        ],
      }),
    }),
    [
      appointment('sermas:A-EU', {
        service: {
          id: 'MFYC',
          name: 'Familia-medikuntza eta komunitate-osasuneko kontsulta',
          durationMinutes: 10,
        },
      }),
    ],
  ),
} satisfies Record<string, HttpHandler[]>;

/** A `fetch` answered by the given handlers, in memory (no service worker, no server). */
export const fetchFor = (state: HttpHandler[]): typeof fetch =>
  fetchFrom((request) => getResponse(state, request));
