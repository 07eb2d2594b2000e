import type { Appointment, AppointmentList, Office, SourceStatus } from '@carpeta/sdk';
import { fetchFrom, GATEWAY_UNAVAILABLE } from '@carpeta/sdk/testing/story';
import { delay, getResponse, type HttpHandler, HttpResponse, http } from 'msw';

/**
 * The gateway's answers for the appointments list, as MSW handlers: the unit tests
 * (`server.use(...)`) and the stories (App.stories.tsx) use these same states and fixtures.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A time `days` from now, at 10:00 or 11:00 UTC (always inside one Madrid day). */
export function at(days: number, hour: number): string {
  const date = new Date(Date.now() + days * DAY);
  date.setUTCHours(hour, 0, 0, 0);
  return date.toISOString();
}

export const dgt = { dir3: 'E00130502', name: 'Dirección General de Tráfico' };
export const service = { id: 'CANJE', name: 'Canje de permiso de conducir', durationMinutes: 15 };
export const office: Office = {
  id: 'MAD-1',
  name: 'Jefatura Provincial de Madrid',
  address: 'Calle Arturo Soria 143',
};

export function appointment(overrides: Partial<Appointment> & Pick<Appointment, 'id'>): Appointment {
  return {
    source: 'dgt',
    issuer: dgt,
    service,
    office,
    startsAt: at(3, 10),
    endsAt: at(3, 11),
    status: 'booked',
    reference: 'LOC-1',
    ...overrides,
  };
}

export const ok = (source: string, name: string): SourceStatus => ({ source, name, status: 'ok' });

const upcoming = appointment({ id: 'dgt:A-1', reference: 'LOC-1' });
const past = appointment({
  id: 'dgt:A-0',
  reference: 'LOC-0',
  startsAt: at(-10, 10),
  endsAt: at(-10, 11),
  status: 'attended',
});

const answer = (body: AppointmentList) => [http.get('*/api/appointments', () => HttpResponse.json(body))];

export const handlers = {
  list: answer({ items: [upcoming, past], sources: [ok('dgt', 'DGT')] }),
  loading: [
    http.get('*/api/appointments', async () => {
      await delay('infinite');
      return HttpResponse.json({ items: [], sources: [] });
    }),
  ],
  empty: answer({ items: [], sources: [ok('dgt', 'DGT')] }),
  /** The health service did not answer in time: the traffic appointment shows, and the alert names it. */
  partial: answer({
    items: [upcoming],
    sources: [ok('dgt', 'DGT'), { source: 'sermas', name: 'Servicio Madrileño de Salud', status: 'timeout' }],
  }),
  error: [http.get('*/api/appointments', () => HttpResponse.json(GATEWAY_UNAVAILABLE, { status: 503 }))],
  /** Long Basque service and office names, for language `eu`. */
  basque: answer({
    items: [
      appointment({
        id: 'dgt:A-EU',
        service: {
          ...service,
          name: 'Atzerriko gidabaimena Espainiako gidabaimenarekin trukatzeko hitzordua',
        },
        office: {
          id: 'BIO-1',
          name: 'Bizkaiko Trafiko Buruzagitza Probintziala',
          address: 'Barroeta Aldamar kalea 1',
        },
      }),
      past,
    ],
    sources: [ok('dgt', 'DGT')],
  }),
} satisfies Record<string, HttpHandler[]>;

/** A `fetch` answered by the given handlers, in memory (no service worker, no server). */
export const fetchFor = (state: HttpHandler[]): typeof fetch =>
  fetchFrom((request) => getResponse(state, request));
