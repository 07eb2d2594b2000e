import type { BookableSourceList, BookingRequest, Slot } from '@carpeta/sdk';
import { createTestProps, mountForTest, switchLanguage } from '@carpeta/sdk/testing';
import { HttpResponse, http } from 'msw';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import lifecycles from './lifecycles.tsx';
import { appointment, at, dgt, handlers, office, ok, service } from './test/handlers.ts';
import { PORTAL, portalFetch, server } from './test-server.ts';

/** The gateway as the appointments MFE sees it, in memory. */
function fakeGateway() {
  const state = {
    items: [
      appointment({
        id: 'dgt:A-1',
        reference: 'LOC-1',
        service: { ...service, name: '<b>Canje</b> de permiso' },
      }),
      appointment({
        id: 'dgt:A-0',
        reference: 'LOC-0',
        startsAt: at(-10, 10),
        endsAt: at(-10, 11),
        status: 'attended',
      }),
    ],
    slots: [
      { id: 'S1', startsAt: at(1, 9), endsAt: at(1, 10) },
      { id: 'S2', startsAt: at(1, 10), endsAt: at(1, 11) },
      { id: 'S3', startsAt: at(2, 9), endsAt: at(2, 10) },
    ] as Slot[],
    /** Slots someone else books first: a booking of these answers 409. */
    taken: new Set<string>(),
    writes: [] as { method: string; path: string; key: string | null; body: unknown }[],
    slotQueries: [] as string[],
  };
  const bookable: BookableSourceList = {
    items: [
      { source: 'dgt', issuer: dgt, services: [service] },
      { source: 'aeat', issuer: { dir3: 'E00003901', name: 'Agencia Tributaria' }, services: [] },
    ],
    sources: [ok('dgt', 'DGT'), ok('aeat', 'AEAT')],
  };
  function book(body: BookingRequest, id: string) {
    const slot = state.slots.find((item) => item.id === body.slotId);
    if (!slot || state.taken.has(body.slotId)) {
      state.slots = state.slots.filter((item) => item.id !== body.slotId);
      return HttpResponse.json({ error: { code: 'conflict', message: 'Slot taken' } }, { status: 409 });
    }
    const booked = appointment({
      id,
      reference: `LOC-${body.slotId}`,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
    });
    state.items = [...state.items.filter((item) => item.id !== id), booked];
    return HttpResponse.json({ item: booked, source: ok('dgt', 'DGT') });
  }
  server.use(
    http.get(`${PORTAL}/api/appointments`, () =>
      HttpResponse.json({ items: state.items, sources: [ok('dgt', 'DGT')] }),
    ),
    http.get(`${PORTAL}/api/appointments/sources`, () => HttpResponse.json(bookable)),
    http.get(`${PORTAL}/api/appointments/sources/dgt/services/CANJE/offices`, () =>
      HttpResponse.json({
        items: [office, { id: 'MAD-2', name: 'Oficina de Alcalá', address: '' }],
        source: ok('dgt', 'DGT'),
      }),
    ),
    http.get(`${PORTAL}/api/appointments/sources/dgt/services/CANJE/offices/MAD-1/slots`, ({ request }) => {
      state.slotQueries.push(new URL(request.url).search);
      return HttpResponse.json({ items: state.slots, source: ok('dgt', 'DGT') });
    }),
    http.post(`${PORTAL}/api/appointments`, async ({ request }) => {
      const body = (await request.json()) as BookingRequest;
      state.writes.push({
        method: 'POST',
        path: '/api/appointments',
        key: request.headers.get('idempotency-key'),
        body,
      });
      return book(body, 'dgt:A-NEW');
    }),
    http.put(`${PORTAL}/api/appointments/:id`, async ({ request, params }) => {
      const body = (await request.json()) as BookingRequest;
      const id = String(params.id);
      state.writes.push({
        method: 'PUT',
        path: `/api/appointments/${id}`,
        key: request.headers.get('idempotency-key'),
        body,
      });
      return book(body, id);
    }),
    http.delete(`${PORTAL}/api/appointments/:id`, ({ request, params }) => {
      const id = String(params.id);
      state.writes.push({
        method: 'DELETE',
        path: `/api/appointments/${id}`,
        key: request.headers.get('idempotency-key'),
        body: null,
      });
      const item = state.items.find((entry) => entry.id === id);
      if (!item) return HttpResponse.json({ error: { code: 'not-found', message: 'no' } }, { status: 404 });
      const cancelled = { ...item, status: 'cancelled' as const };
      state.items = state.items.map((entry) => (entry.id === id ? cancelled : entry));
      return HttpResponse.json({ item: cancelled, source: ok('dgt', 'DGT') });
    }),
  );
  return state;
}

async function mount(path: string) {
  window.history.replaceState(null, '', path);
  const test = createTestProps({ mfeId: 'appointments', basePath: '/appointments', fetch: portalFetch });
  await mountForTest(lifecycles, test.props);
  return test;
}

/** Lets MSW answer and React render. */
async function settle(action?: () => void) {
  await act(async () => {
    action?.();
    await new Promise((resolve) => setTimeout(resolve, 30));
  });
}

function ui(root: HTMLElement) {
  const button = (name: string) =>
    [...root.ownerDocument.querySelectorAll<HTMLButtonElement>('button')].find(
      (item) => item.textContent === name,
    );
  return {
    heading: () => root.querySelector('[data-testid="step-heading"]'),
    button,
    choose: (label: string) =>
      settle(() => {
        const target = [...root.querySelectorAll('label')].find((item) => item.textContent === label);
        (target ? root.ownerDocument.getElementById(target.htmlFor) : null)?.click();
      }),
    press: (name: string) => settle(() => button(name)?.click()),
  };
}

let gateway: ReturnType<typeof fakeGateway>;
beforeEach(() => {
  gateway = fakeGateway();
});
afterEach(() => {
  document.body.replaceChildren();
});

describe('appointments MFE: list', () => {
  // The states the stories show (App.stories.tsx), from the same handlers.
  it('names the missing agency, and tells an empty folder from a gateway that failed', async () => {
    server.use(...handlers.partial);
    const partial = await mount('/appointments');
    expect(partial.props.domElement.textContent).toContain('Faltan citas de algún organismo');
    expect(partial.props.domElement.textContent).toContain(
      'Servicio Madrileño de Salud (no responde a tiempo)',
    );
    await act(() => lifecycles.unmount(partial.props));
    server.use(...handlers.empty);
    const empty = await mount('/appointments');
    expect(empty.props.domElement.textContent).toContain('No tienes citas próximas.');
    await act(() => lifecycles.unmount(empty.props));
    server.use(...handlers.error);
    const failed = await mount('/appointments');
    expect(failed.props.domElement.textContent).toContain('No hemos podido cargar tus citas');
    expect(failed.props.domElement.textContent).not.toContain('No tienes citas próximas.');
    await act(() => lifecycles.unmount(failed.props));
  });

  it('splits upcoming and past appointments, with calendar and reschedule links, hostile text as text', async () => {
    const test = await mount('/appointments');
    const root = test.props.domElement;
    expect(root.querySelector('h1')?.textContent).toBe('Citas');
    const upcoming = root.querySelector('[data-testid="appointments-upcoming"]');
    const past = root.querySelector('[data-testid="appointments-past"]');
    expect(upcoming?.querySelector('h3')?.textContent).toBe('<b>Canje</b> de permiso');
    expect(root.querySelector('b')).toBeNull();
    expect(upcoming?.textContent).toContain('LOC-1');
    expect(past?.textContent).toContain('LOC-0');
    expect(past?.textContent).toContain('Atendida');
    const calendar = upcoming?.querySelector<HTMLAnchorElement>('a[download]');
    expect(calendar?.getAttribute('href')).toBe('/api/appointments/dgt%3AA-1/calendar.ics');
    expect(calendar?.textContent).toBe('Añadir al calendario');
    expect(past?.querySelector('a[download]')).toBeNull();
    expect(upcoming?.querySelector('a[href="/appointments/dgt%3AA-1/reschedule"]')).not.toBeNull();
    await switchLanguage(lifecycles, test, 'en');
    expect(root.querySelector('h1')?.textContent).toBe('Appointments');
    expect(root.textContent).toContain('Add to calendar');
    await act(() => lifecycles.unmount(test.props));
  });

  it('cancels only after confirming, with one idempotency key for the intent', async () => {
    const test = await mount('/appointments');
    const root = test.props.domElement;
    const { button, press } = ui(root);
    await press('Anular cita');
    expect(document.querySelector('dialog')?.textContent).toContain('¿Anular la cita?');
    await press('No, mantenerla');
    expect(gateway.writes).toEqual([]);

    await press('Anular cita');
    await settle(() => {
      // A double click: both clicks, one intent.
      button('Sí, anular la cita')?.click();
      button('Sí, anular la cita')?.click();
    });
    const deletes = gateway.writes.filter((write) => write.method === 'DELETE');
    expect(deletes).toHaveLength(1);
    expect(deletes[0]?.key).toMatch(/^[A-Za-z0-9_-]{8,100}$/);
    expect(deletes[0]?.path).toBe('/api/appointments/dgt:A-1');
    await settle();
    expect(root.textContent).toContain('Has anulado la cita');
    expect(root.querySelector('[data-testid="appointments-upcoming"]')?.textContent).toContain(
      'No tienes citas próximas.',
    );
    expect(root.querySelector('[data-testid="appointments-past"]')?.textContent).toContain('Anulada');
    await act(() => lifecycles.unmount(test.props));
  });
});

describe('appointments MFE: booking', () => {
  it('walks administration → service → office → slot → confirm, each step a form with errors and focus', async () => {
    const test = await mount('/appointments/book');
    const root = test.props.domElement;
    const { heading, choose, press } = ui(root);
    expect(root.querySelector('h1')?.textContent).toBe('Pedir cita');
    expect(heading()?.textContent).toBe('Administración');
    expect(root.textContent).toContain('Paso 1 de 5');

    // Continue without choosing: an error summary linked to the first option, focused.
    await press('Continuar');
    const summary = root.querySelector('.cp-error-summary');
    expect(summary?.textContent).toContain('Elige una administración');
    expect(document.activeElement).toBe(summary);
    expect(summary?.querySelector('a')?.getAttribute('href')).toBe('#booking-source-0');

    await choose('Dirección General de Tráfico');
    await press('Continuar');
    expect(heading()?.textContent).toBe('Servicio');
    expect(document.activeElement).toBe(heading());
    expect(root.textContent).toContain('Dura 15 minutos');
    await choose('Canje de permiso de conducir');
    await press('Continuar');

    expect(heading()?.textContent).toBe('Oficina');
    expect(document.activeElement).toBe(heading());
    await choose('Jefatura Provincial de Madrid');
    await press('Continuar');

    expect(heading()?.textContent).toBe('Fecha y hora');
    expect(gateway.slotQueries[0]).toMatch(/^\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
    // Slots grouped by day: one group (legend) per day, in time order.
    const days = root.querySelectorAll('[data-testid="slot-days"] fieldset');
    expect(days).toHaveLength(2);
    expect(days[0]?.querySelectorAll('input[type=radio]')).toHaveLength(2);
    expect(days[1]?.querySelectorAll('input[type=radio]')).toHaveLength(1);
    await press('Continuar');
    expect(root.querySelector('.cp-error-summary')?.textContent).toContain('Elige una hora');
    await settle(() => days[0]?.querySelectorAll<HTMLInputElement>('input[type=radio]')[1]?.click());
    await press('Continuar');

    expect(heading()?.textContent).toBe('Confirmar');
    expect(root.textContent).toContain('Jefatura Provincial de Madrid');
    await press('Confirmar cita');
    expect(gateway.writes).toHaveLength(1);
    expect(gateway.writes[0]?.body).toEqual({
      source: 'dgt',
      serviceId: 'CANJE',
      officeId: 'MAD-1',
      slotId: 'S2',
    });
    expect(gateway.writes[0]?.key).toMatch(/^[A-Za-z0-9_-]{8,100}$/);
    expect(heading()?.textContent).toBe('Cita reservada');
    expect(document.activeElement).toBe(heading());
    expect(root.textContent).toContain('LOC-S2');
    expect(root.querySelector('[data-testid="calendar-link"]')?.getAttribute('href')).toBe(
      '/api/appointments/dgt%3AA-NEW/calendar.ics',
    );
    await act(() => lifecycles.unmount(test.props));
  });

  it('on a conflict says someone took the time, reloads the slots, and books another with a new key', async () => {
    const test = await mount('/appointments/book');
    const root = test.props.domElement;
    const { heading, choose, press } = ui(root);
    await choose('Dirección General de Tráfico');
    await press('Continuar');
    await choose('Canje de permiso de conducir');
    await press('Continuar');
    await choose('Jefatura Provincial de Madrid');
    await press('Continuar');
    const firstLabel = root.querySelector('[data-testid="slot-days"] label')?.textContent ?? '';
    await choose(firstLabel);
    await press('Continuar');
    gateway.taken.add('S1');
    await press('Confirmar cita');

    expect(heading()?.textContent).toBe('Fecha y hora');
    expect(document.activeElement).toBe(heading());
    expect(root.querySelector('[data-testid="conflict"]')?.textContent).toContain(
      'Otra persona acaba de reservar esa hora',
    );
    expect(gateway.slotQueries).toHaveLength(2);
    expect(root.querySelectorAll('[data-testid="slot-days"] input[type=radio]')).toHaveLength(2);
    expect(root.querySelector<HTMLInputElement>('[data-testid="slot-days"] input:checked')).toBeNull();

    await choose(root.querySelector('[data-testid="slot-days"] label')?.textContent ?? '');
    await press('Continuar');
    await press('Confirmar cita');
    expect(heading()?.textContent).toBe('Cita reservada');
    const [first, second] = gateway.writes;
    expect(first?.key).not.toBe(second?.key);
    expect(second?.body).toMatchObject({ slotId: 'S2' });

    await switchLanguage(lifecycles, test, 'en');
    expect(heading()?.textContent).toBe('Appointment booked');
    await act(() => lifecycles.unmount(test.props));
  });

  it('a retry after a failed confirmation reuses the same idempotency key', async () => {
    let failures = 1;
    const keys: (string | null)[] = [];
    server.use(
      http.post(`${PORTAL}/api/appointments`, ({ request }) => {
        keys.push(request.headers.get('idempotency-key'));
        if (failures-- > 0) {
          return HttpResponse.json(
            { error: { code: 'agency-unavailable', message: 'Down' } },
            { status: 503 },
          );
        }
        return HttpResponse.json({
          item: appointment({ id: 'dgt:A-NEW', reference: 'LOC-R' }),
          source: ok('dgt', 'DGT'),
        });
      }),
    );
    const test = await mount('/appointments/book');
    const root = test.props.domElement;
    const { heading, choose, press } = ui(root);
    await choose('Dirección General de Tráfico');
    await press('Continuar');
    await choose('Canje de permiso de conducir');
    await press('Continuar');
    await choose('Jefatura Provincial de Madrid');
    await press('Continuar');
    await settle(() => root.querySelector<HTMLInputElement>('[data-testid="slot-days"] input')?.click());
    await press('Continuar');
    await press('Confirmar cita');
    expect(root.textContent).toContain('No hemos podido reservar la cita: Down');
    expect(heading()?.textContent).toBe('Confirmar');
    await press('Confirmar cita');
    expect(heading()?.textContent).toBe('Cita reservada');
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
    await act(() => lifecycles.unmount(test.props));
  });

  it('after a conflict with no free time left, says so on the same step', async () => {
    const test = await mount('/appointments/book');
    const root = test.props.domElement;
    const { heading, choose, press } = ui(root);
    gateway.slots = [gateway.slots[0] as Slot];
    await choose('Dirección General de Tráfico');
    await press('Continuar');
    await choose('Canje de permiso de conducir');
    await press('Continuar');
    await choose('Jefatura Provincial de Madrid');
    await press('Continuar');
    await settle(() => root.querySelector<HTMLInputElement>('[data-testid="slot-days"] input')?.click());
    await press('Continuar');
    gateway.taken.add('S1');
    await press('Confirmar cita');
    expect(heading()?.textContent).toBe('Fecha y hora');
    expect(document.activeElement).toBe(heading());
    expect(root.textContent).toContain('Otra persona acaba de reservar esa hora');
    expect(root.textContent).toContain('No quedan horas libres en los próximos 14 días');
    await act(() => lifecycles.unmount(test.props));
  });

  it('says so when an administration offers nothing online', async () => {
    const test = await mount('/appointments/book');
    const { choose, press } = ui(test.props.domElement);
    await choose('Agencia Tributaria');
    await press('Continuar');
    expect(test.props.domElement.textContent).toContain('no ofrece ahora citas por internet');
    await act(() => lifecycles.unmount(test.props));
  });
});

describe('appointments MFE: reschedule', () => {
  it('offers slots of the same service and office and sends a PUT', async () => {
    const test = await mount('/appointments/dgt%3AA-1/reschedule');
    const root = test.props.domElement;
    const { heading, press } = ui(root);
    expect(root.querySelector('h1')?.textContent).toBe('Cambiar la fecha de tu cita');
    expect(root.textContent).toContain('Paso 1 de 2');
    expect(heading()?.textContent).toBe('Fecha y hora');
    // Two days can share a time label: pick the third slot itself.
    await settle(() =>
      root.querySelectorAll<HTMLInputElement>('[data-testid="slot-days"] input[type=radio]')[2]?.click(),
    );
    await press('Continuar');
    await press('Confirmar el cambio');
    expect(gateway.writes).toEqual([
      {
        method: 'PUT',
        path: '/api/appointments/dgt:A-1',
        key: expect.stringMatching(/^[A-Za-z0-9_-]{8,100}$/),
        body: { source: 'dgt', serviceId: 'CANJE', officeId: 'MAD-1', slotId: 'S3' },
      },
    ]);
    expect(heading()?.textContent).toBe('Cita cambiada');
    await act(() => lifecycles.unmount(test.props));
  });

  it('says when the appointment to change does not exist', async () => {
    const test = await mount('/appointments/dgt%3ANOPE/reschedule');
    expect(test.props.domElement.querySelector('h1')?.textContent).toBe('Cita no encontrada');
    await act(() => lifecycles.unmount(test.props));
  });
});
