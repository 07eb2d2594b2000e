// A small simulated administration for the framework's tests (not one of the real simulated
// systems in mocks/): files, appointments and expiring documents per citizen, in a JSON format of
// its own, served over real HTTP by msw handlers; with faults, and counters of what it was asked.
import type {
  Appointment,
  AppointmentService,
  CitizenFile,
  ExpiringDocument,
  Office,
  Slot,
} from '@carpeta/sdk';
import { HttpResponse, http, type RequestHandler } from 'msw';
import type { AgencyAnswer } from '../agency-http.ts';
import type {
  AppointmentsCapability,
  ListResult,
  SourceConnector,
  WriteResult,
} from '../connectors/types.ts';
import type { ConnectorFactory } from './types.ts';

export type FakeFault =
  | { mode: 'ok' }
  | { mode: 'slow'; delayMs: number }
  | { mode: 'status'; status: number }
  | { mode: 'down' }
  | { mode: 'garbage' };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface FakeBooking {
  id: string;
  citizen: string;
  serviceId: string;
  officeId: string;
  slotId: string;
  status: 'booked' | 'cancelled';
}

export interface FakeAgency {
  handlers: RequestHandler[];
  fault: FakeFault;
  /** Requests received, by "METHOD /path" (path without the query). */
  calls: Map<string, number>;
  bookings: FakeBooking[];
  reset(): void;
  count(method: string, pathPrefix: string): number;
}

const SERVICES: AppointmentService[] = [{ id: 'SRV-1', name: 'Renovación del DNI', durationMinutes: 15 }];
const OFFICES: Office[] = [{ id: 'OF-1', name: 'Oficina Centro', address: 'Calle Mayor 1, Madrid' }];

/** Everything the agency holds, relative to `now` (so deadlines are where the tests want them). */
export function createFakeAgency(options: { owner: string; now: Date }): FakeAgency {
  const at = (ms: number) => new Date(options.now.getTime() + ms).toISOString();
  const files: Record<string, object[]> = {
    [options.owner]: [
      {
        ref: 'EXP-1',
        title: 'Ayuda al alquiler',
        state: 'requirement',
        started: at(-20 * DAY),
        updated: at(-DAY),
        deadline: at(5 * DAY),
      },
      {
        ref: 'EXP-2',
        title: 'Licencia de obra',
        state: 'resolved',
        started: at(-90 * DAY),
        updated: at(-9 * DAY),
      },
      { ref: 'BAD', title: '', state: 'weird', started: 'yesterday' },
    ],
  };
  const slots = (serviceId: string, officeId: string): Slot[] =>
    [1, 2, 3].map((n) => ({
      id: `${serviceId}.${officeId}.S${n}`,
      startsAt: at(n * DAY),
      endsAt: at(n * DAY + 15 * 60_000),
    }));
  const documents: Record<string, object[]> = {
    [options.owner]: [
      { ref: 'DNI-1', kind: 'identity-card', label: 'DNI ***4567**', expires: at(30 * DAY).slice(0, 10) },
      { ref: 'PAS-1', kind: 'passport', label: 'Pasaporte', expires: at(400 * DAY).slice(0, 10) },
    ],
  };
  const agency: FakeAgency = {
    handlers: [],
    fault: { mode: 'ok' },
    calls: new Map(),
    bookings: [],
    reset() {
      agency.fault = { mode: 'ok' };
      agency.calls.clear();
      agency.bookings.length = 0;
    },
    count(method, pathPrefix) {
      let total = 0;
      for (const [key, value] of agency.calls) if (key.startsWith(`${method} ${pathPrefix}`)) total += value;
      return total;
    },
  };

  const appointmentOf = (booking: FakeBooking) => {
    const slot = slots(booking.serviceId, booking.officeId).find((item) => item.id === booking.slotId);
    return {
      ref: booking.id,
      serviceId: booking.serviceId,
      officeId: booking.officeId,
      slot,
      status: booking.status,
    };
  };

  /** Faults first, then the answer. */
  const guarded =
    (answer: (request: Request, params: Record<string, string>) => Response | Promise<Response>) =>
    async ({
      request,
      params,
    }: {
      request: Request;
      params: Record<string, string | readonly string[] | undefined>;
    }) => {
      const key = `${request.method} ${new URL(request.url).pathname}`;
      agency.calls.set(key, (agency.calls.get(key) ?? 0) + 1);
      const fault = agency.fault;
      if (fault.mode === 'down') return HttpResponse.error();
      if (fault.mode === 'status') return HttpResponse.json({ error: 'failing' }, { status: fault.status });
      if (fault.mode === 'garbage') {
        return new HttpResponse('{"items": [', { headers: { 'content-type': 'application/json' } });
      }
      if (fault.mode === 'slow') {
        const completed = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(true), fault.delayMs);
          request.signal.addEventListener('abort', () => {
            clearTimeout(timer);
            resolve(false);
          });
        });
        if (!completed) return HttpResponse.error();
      }
      return answer(request, params as Record<string, string>);
    };

  const base = '*/fake/v1';
  agency.handlers = [
    http.get(
      `${base}/citizens/:nif/files`,
      guarded((_r, { nif = '' }) => HttpResponse.json({ items: files[nif] ?? [] })),
    ),
    http.get(
      `${base}/citizens/:nif/files/:ref`,
      guarded((_r, { nif = '', ref }) => {
        const item = (files[nif] ?? []).find((file) => (file as { ref: string }).ref === ref);
        return item
          ? HttpResponse.json({ item })
          : HttpResponse.json({ error: 'no such file' }, { status: 404 });
      }),
    ),
    http.get(
      `${base}/citizens/:nif/appointments`,
      guarded((_r, { nif }) =>
        HttpResponse.json({ items: agency.bookings.filter((b) => b.citizen === nif).map(appointmentOf) }),
      ),
    ),
    http.post(
      `${base}/citizens/:nif/appointments`,
      guarded(async (request, { nif = '' }) => {
        const choice = (await request.json()) as { serviceId: string; officeId: string; slotId: string };
        if (agency.bookings.some((b) => b.slotId === choice.slotId && b.status === 'booked')) {
          return HttpResponse.json({ error: 'slot taken' }, { status: 409 });
        }
        const booking: FakeBooking = {
          id: `CITA-${agency.bookings.length + 1}`,
          citizen: nif,
          status: 'booked',
          ...choice,
        };
        agency.bookings.push(booking);
        return HttpResponse.json({ item: appointmentOf(booking) }, { status: 201 });
      }),
    ),
    http.delete(
      `${base}/citizens/:nif/appointments/:ref`,
      guarded((_r, { nif, ref }) => {
        const booking = agency.bookings.find((b) => b.id === ref && b.citizen === nif);
        if (!booking) return HttpResponse.json({ error: 'no such appointment' }, { status: 404 });
        booking.status = 'cancelled';
        return HttpResponse.json({ item: appointmentOf(booking) });
      }),
    ),
    http.put(
      `${base}/citizens/:nif/appointments/:ref`,
      guarded(async (request, { nif, ref }) => {
        const choice = (await request.json()) as { slotId: string };
        const booking = agency.bookings.find((b) => b.id === ref && b.citizen === nif);
        if (!booking) return HttpResponse.json({ error: 'no such appointment' }, { status: 404 });
        if (agency.bookings.some((b) => b.slotId === choice.slotId && b.status === 'booked')) {
          return HttpResponse.json({ error: 'slot taken' }, { status: 409 });
        }
        booking.slotId = choice.slotId;
        return HttpResponse.json({ item: appointmentOf(booking) });
      }),
    ),
    http.get(
      `${base}/services`,
      guarded(() => HttpResponse.json({ items: SERVICES })),
    ),
    http.get(
      `${base}/services/:serviceId/offices`,
      guarded(() => HttpResponse.json({ items: OFFICES })),
    ),
    http.get(
      `${base}/services/:serviceId/offices/:officeId/slots`,
      guarded((_r, { serviceId = '', officeId = '' }) => {
        const taken = new Set(agency.bookings.filter((b) => b.status === 'booked').map((b) => b.slotId));
        return HttpResponse.json({ items: slots(serviceId, officeId).filter((slot) => !taken.has(slot.id)) });
      }),
    ),
    http.get(
      `${base}/citizens/:nif/documents`,
      guarded((_r, { nif = '' }) => HttpResponse.json({ items: documents[nif] ?? [] })),
    ),
  ];
  return agency;
}

/** The connector type of the fake agency: what an agency helper's connector looks like. */
export const createFakeSource: ConnectorFactory = (entry, { client, now }): SourceConnector => {
  const source = entry.id;
  const issuer = { dir3: entry.dir3, name: entry.name };
  const status = (value: 'ok' | 'timeout' | 'unavailable' | 'invalid-response', message?: string) =>
    message === undefined
      ? { source, name: entry.name, status: value }
      : { source, name: entry.name, status: value, message };

  type Read =
    | { ok: true; body: unknown }
    | {
        ok: false;
        reason: 'not-found' | 'conflict' | 'timeout' | 'unavailable' | 'invalid-response';
        message: string;
      };
  function read(answer: AgencyAnswer): Read {
    if (answer.kind === 'failure') return { ok: false, reason: answer.reason, message: answer.message };
    if (answer.httpStatus === 404) return { ok: false, reason: 'not-found', message: 'not found' };
    if (answer.httpStatus === 409)
      return { ok: false, reason: 'conflict', message: 'That time is no longer free.' };
    if (answer.httpStatus >= 500)
      return { ok: false, reason: 'unavailable', message: `HTTP ${answer.httpStatus}` };
    if (!answer.isJson) {
      client.report('invalid-response', { httpStatus: answer.httpStatus });
      return {
        ok: false,
        reason: 'invalid-response',
        message: 'The service answered in an unexpected format.',
      };
    }
    client.report('ok');
    return { ok: true, body: answer.body };
  }

  const file = (raw: Record<string, string>): CitizenFile | null => {
    if (
      !raw.title ||
      !['requirement', 'resolved', 'in-progress', 'started', 'archived'].includes(raw.state ?? '')
    )
      return null;
    const state = raw.state as CitizenFile['status'];
    return {
      id: `${source}:${raw.ref}`,
      source,
      issuer,
      handler: 'Servicio de pruebas',
      title: raw.title,
      procedure: null,
      reference: raw.ref ?? '',
      status: state,
      open: state !== 'resolved' && state !== 'archived',
      startedAt: raw.started ?? '',
      updatedAt: raw.updated ?? '',
      deadline: raw.deadline ?? null,
      timeline: [],
      documents: [],
      serviceUrl: null,
    };
  };
  const appointment = (raw: {
    ref: string;
    serviceId: string;
    officeId: string;
    slot?: Slot;
    status: 'booked' | 'cancelled';
  }): Appointment | null => {
    if (!raw.slot) return null;
    return {
      id: `${source}:${raw.ref}`,
      source,
      issuer,
      service: SERVICES[0] as AppointmentService,
      office: OFFICES[0] as Office,
      startsAt: raw.slot.startsAt,
      endsAt: raw.slot.endsAt,
      status: raw.status,
      reference: raw.ref,
    };
  };
  const items = <T>(body: unknown, map: (raw: never) => T | null): T[] =>
    ((body as { items?: unknown[] }).items ?? [])
      .map((raw) => map(raw as never))
      .filter((item): item is T => item !== null);
  async function list<T>(path: string, map: (raw: never) => T | null): Promise<ListResult<T>> {
    const answer = read(await client.get(path));
    if (!answer.ok) {
      if (answer.reason === 'not-found') return { items: [], status: status('ok') };
      return {
        items: [],
        status: status(answer.reason === 'conflict' ? 'unavailable' : answer.reason, answer.message),
      };
    }
    return { items: items(answer.body, map), status: status('ok') };
  }
  async function write(run: Promise<AgencyAnswer>): Promise<WriteResult<Appointment>> {
    const answer = read(await run);
    if (!answer.ok) {
      if (answer.reason === 'conflict')
        return { ok: false, reason: 'conflict', status: status('ok'), message: answer.message };
      return {
        ok: false,
        reason: answer.reason,
        status: status(answer.reason === 'not-found' ? 'ok' : answer.reason, answer.message),
      };
    }
    const item = appointment((answer.body as { item: never }).item);
    return item
      ? { ok: true, item, status: status('ok') }
      : { ok: false, reason: 'invalid-response', status: status('invalid-response') };
  }
  const json = (value: object) => ({ contentType: 'application/json', text: JSON.stringify(value) });
  const citizen = (nif: string) => `/fake/v1/citizens/${encodeURIComponent(nif)}`;

  const appointments: AppointmentsCapability = {
    list: (nif) => list(`${citizen(nif)}/appointments`, appointment),
    services: () => list('/fake/v1/services', (raw: AppointmentService) => raw),
    offices: (serviceId) => list(`/fake/v1/services/${serviceId}/offices`, (raw: Office) => raw),
    slots: (serviceId, officeId, from, to) =>
      list(
        `/fake/v1/services/${serviceId}/offices/${officeId}/slots?from=${from}&to=${to}`,
        (raw: Slot) => raw,
      ),
    book: (nif, choice) => write(client.send('POST', `${citizen(nif)}/appointments`, json(choice))),
    cancel: (nif, id) =>
      write(client.send('DELETE', `${citizen(nif)}/appointments/${encodeURIComponent(id)}`)),
    reschedule: (nif, id, choice) =>
      write(client.send('PUT', `${citizen(nif)}/appointments/${encodeURIComponent(id)}`, json(choice))),
  };
  void now;
  return {
    id: source,
    name: entry.name,
    dir3: entry.dir3,
    domains: entry.domains,
    files: {
      list: (nif) => list(`${citizen(nif)}/files`, file),
      async get(nif, ref) {
        const answer = read(await client.get(`${citizen(nif)}/files/${encodeURIComponent(ref)}`));
        if (!answer.ok) {
          const reason = answer.reason === 'conflict' ? 'unavailable' : answer.reason;
          return {
            ok: false,
            reason,
            status: status(reason === 'not-found' ? 'ok' : reason, answer.message),
          };
        }
        const item = file((answer.body as { item: never }).item);
        return item
          ? { ok: true, item, status: status('ok') }
          : { ok: false, reason: 'invalid-response', status: status('invalid-response') };
      },
    },
    appointments,
    documents: {
      list: (nif) =>
        list(
          `${citizen(nif)}/documents`,
          (raw: { ref: string; kind: ExpiringDocument['kind']; label: string; expires: string }) => ({
            id: `${source}:${raw.ref}`,
            source,
            issuer,
            kind: raw.kind,
            label: raw.label,
            expiresOn: raw.expires,
            renewUrl: null,
          }),
        ),
    },
  };
};
