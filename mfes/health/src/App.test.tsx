import type { HealthSlot } from '@carpeta/sdk/health';
import { createTestProps, mountForTest, switchLanguage } from '@carpeta/sdk/testing';
import { HttpResponse, http } from 'msw';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groupSlotsByDay } from './BookingView.tsx';
import { splitAppointments } from './HealthHome.tsx';
import lifecycles from './lifecycles.tsx';
import { appointment, at, card, cardAnswer, DOWN, handlers, OK } from './test/handlers.ts';
import { PORTAL, portalFetch, server } from './test-server.ts';

/** The gateway's /api/health-service as the MFE sees it, in memory. */
function fakeGateway() {
  const state = {
    // A hostile holder name: rendered as text, never as markup.
    answer: cardAnswer({ card: card({ holder: '<b>María</b> García López' }) }),
    appointments: [
      appointment('sermas:A-1'),
      appointment('sermas:A-0', { status: 'attended', startsAt: at(-9, 9), endsAt: at(-9, 10) }),
    ],
    slots: [
      { id: 'S1', startsAt: at(1, 8), endsAt: at(1, 9) },
      { id: 'S2', startsAt: at(1, 10), endsAt: at(1, 11) },
      { id: 'S3', startsAt: at(2, 8), endsAt: at(2, 9) },
    ] as HealthSlot[],
    taken: new Set<string>(),
    writes: [] as { method: string; path: string; key: string | null; body: unknown }[],
    slotQueries: [] as string[],
  };
  server.use(
    http.get(`${PORTAL}/api/health-service/card`, () => HttpResponse.json(state.answer)),
    http.get(`${PORTAL}/api/health-service/appointments`, () =>
      HttpResponse.json({ items: state.appointments, source: state.answer.source }),
    ),
    http.get(`${PORTAL}/api/health-service/slots`, ({ request }) => {
      state.slotQueries.push(new URL(request.url).search);
      return HttpResponse.json({ items: state.slots, source: OK });
    }),
    http.post(`${PORTAL}/api/health-service/card/replacement`, async ({ request }) => {
      const body = (await request.json()) as { reason: 'lost' };
      state.writes.push({
        method: 'POST',
        path: 'replacement',
        key: request.headers.get('idempotency-key'),
        body,
      });
      const replacement = {
        reference: 'DUP-2026-000001',
        requestedAt: new Date().toISOString(),
        reason: body.reason,
        status: 'requested' as const,
      };
      state.answer = { ...state.answer, card: card({ replacement }) };
      return HttpResponse.json({ replacement, source: OK }, { status: 201 });
    }),
    http.post(`${PORTAL}/api/health-service/appointments`, async ({ request }) => {
      const body = (await request.json()) as { serviceId: string; slotId: string };
      state.writes.push({
        method: 'POST',
        path: 'appointments',
        key: request.headers.get('idempotency-key'),
        body,
      });
      const slot = state.slots.find((item) => item.id === body.slotId);
      if (!slot || state.taken.has(body.slotId)) {
        state.slots = state.slots.filter((item) => item.id !== body.slotId);
        return HttpResponse.json(
          { error: { code: 'conflict', message: 'That time is no longer free.' } },
          { status: 409 },
        );
      }
      const item = appointment('sermas:A-NEW', { startsAt: slot.startsAt, endsAt: slot.endsAt });
      state.appointments = [...state.appointments, item];
      return HttpResponse.json({ item, source: OK }, { status: 201 });
    }),
    http.delete(`${PORTAL}/api/health-service/appointments/:id`, ({ request, params }) => {
      const id = String(params.id);
      state.writes.push({
        method: 'DELETE',
        path: id,
        key: request.headers.get('idempotency-key'),
        body: null,
      });
      const item = state.appointments.find((entry) => entry.id === id);
      if (!item) return HttpResponse.json({ error: { code: 'not-found', message: 'no' } }, { status: 404 });
      const cancelled = { ...item, status: 'cancelled' as const };
      state.appointments = state.appointments.map((entry) => (entry.id === id ? cancelled : entry));
      return HttpResponse.json({ item: cancelled, source: OK });
    }),
  );
  return state;
}

async function mount(path: string) {
  window.history.replaceState(null, '', path);
  const test = createTestProps({ mfeId: 'health-madrid', basePath: '/health-madrid', fetch: portalFetch });
  await mountForTest(lifecycles, test.props);
  return test;
}

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
    button,
    press: (name: string) => settle(() => button(name)?.click()),
    choose: (label: string) =>
      settle(() => {
        const target = [...root.ownerDocument.querySelectorAll('label')].find(
          (item) => item.textContent === label,
        );
        (target ? root.ownerDocument.getElementById(target.htmlFor) : null)?.click();
      }),
  };
}

let gateway: ReturnType<typeof fakeGateway>;
beforeEach(() => {
  gateway = fakeGateway();
});
afterEach(() => {
  document.body.replaceChildren();
});

describe('health MFE: the card and the appointments', () => {
  it('shows the card and the appointments, hostile text as text, in Spanish and English', async () => {
    const test = await mount('/health-madrid');
    const root = test.props.domElement;
    expect(root.querySelector('h1')?.textContent).toBe('Tu salud en la Comunidad de Madrid');
    const cardSection = root.querySelector('[data-testid="health-card"]');
    expect(cardSection?.textContent).toContain('GRLP850314MD');
    expect(cardSection?.textContent).toContain('<b>María</b> García López');
    expect(root.querySelector('b')).toBeNull();
    expect(cardSection?.textContent).toContain('Sin fecha de caducidad');
    expect(cardSection?.textContent).toContain('Teléfono: 910 000 101');
    expect(root.querySelector('[data-testid="health-upcoming"]')?.textContent).toContain(
      'Medicina de familia',
    );
    expect(root.querySelector('[data-testid="health-past"]')?.textContent).toContain('Atendida');
    await switchLanguage(lifecycles, test, 'en');
    expect(root.querySelector('h1')?.textContent).toBe('Your health in the Comunidad de Madrid');
    expect(root.textContent).toContain('Individual health card');
    expect(root.textContent).toContain('Does not expire');
    await act(() => lifecycles.unmount(test.props));
    expect(root.children).toHaveLength(0);
    expect(test.languageListeners()).toBe(0);
  });

  it('the health service down: one clear panel with the reason and a retry that loads again', async () => {
    gateway.answer = { ...gateway.answer, card: null, source: DOWN };
    const test = await mount('/health-madrid');
    const root = test.props.domElement;
    const panel = root.querySelector('[data-testid="health-down"]');
    expect(panel?.getAttribute('role')).toBe('alert');
    expect(panel?.textContent).toContain('El Servicio Madrileño de Salud no responde ahora');
    expect(panel?.textContent).toContain('The service could not be reached.');
    expect(root.querySelector('[data-testid="health-appointments"]')).toBeNull();
    gateway.answer = { ...gateway.answer, card: card(), source: OK };
    await ui(root).press('Volver a intentarlo');
    expect(root.querySelector('[data-testid="health-down"]')).toBeNull();
    expect(root.querySelector('[data-testid="health-card"]')).not.toBeNull();
    await act(() => lifecycles.unmount(test.props));
  });

  // The states the stories show (App.stories.tsx), from the same handlers.
  it('no card: says so, without an error', async () => {
    server.use(...handlers.empty);
    const test = await mount('/health-madrid');
    expect(test.props.domElement.querySelector('[data-testid="health-no-card"]')?.textContent).toContain(
      'No tienes tarjeta sanitaria de la Comunidad de Madrid',
    );
    await act(() => lifecycles.unmount(test.props));
  });

  it('the gateway failing: says the page could not load', async () => {
    server.use(...handlers.error);
    const test = await mount('/health-madrid');
    expect(test.props.domElement.textContent).toContain('No hemos podido cargar esta página');
    await act(() => lifecycles.unmount(test.props));
  });

  it('asks for a replacement card: a reason is required, one key per intent, then the request is shown', async () => {
    const test = await mount('/health-madrid');
    const root = test.props.domElement;
    const { press, choose, button } = ui(root);
    await press('Pedir un duplicado de la tarjeta');
    const dialog = document.querySelector('dialog[open]');
    expect(dialog?.textContent).toContain('¿Por qué necesitas una tarjeta nueva?');
    await press('Pedir el duplicado');
    expect(dialog?.textContent).toContain('Elige por qué necesitas una tarjeta nueva.');
    expect(gateway.writes).toEqual([]);
    await choose('La he perdido');
    await settle(() => {
      button('Pedir el duplicado')?.click();
      button('Pedir el duplicado')?.click();
    });
    await settle();
    expect(gateway.writes).toHaveLength(1);
    expect(gateway.writes[0]).toMatchObject({
      body: { reason: 'lost' },
      key: expect.stringMatching(/^[A-Za-z0-9_-]{8,100}$/),
    });
    expect(root.textContent).toContain('Duplicado pedido (referencia DUP-2026-000001)');
    expect(root.textContent).toContain('Pediste un duplicado el');
    expect(button('Pedir un duplicado de la tarjeta')).toBeUndefined();
    await act(() => lifecycles.unmount(test.props));
  });

  it('cancels an appointment after confirming, with one idempotency key', async () => {
    const test = await mount('/health-madrid');
    const root = test.props.domElement;
    const { press, button } = ui(root);
    await press('Anular');
    expect(document.querySelector('dialog[open]')?.getAttribute('role')).toBe('alertdialog');
    await press('Mantener la cita');
    expect(gateway.writes).toEqual([]);
    await press('Anular');
    await settle(() => {
      button('Anular la cita')?.click();
      button('Anular la cita')?.click();
    });
    await settle();
    expect(gateway.writes).toEqual([
      {
        method: 'DELETE',
        path: 'sermas:A-1',
        key: expect.stringMatching(/^[A-Za-z0-9_-]{8,100}$/),
        body: null,
      },
    ]);
    expect(root.textContent).toContain('anulada');
    expect(root.textContent).toContain('No tienes citas próximas.');
    await act(() => lifecycles.unmount(test.props));
  });
});

describe('health MFE: booking', () => {
  it('who, then when (slots grouped by day), then confirms and goes back with a notice', async () => {
    const test = await mount('/health-madrid/book');
    const root = test.props.domElement;
    const { press, choose } = ui(root);
    expect(root.querySelector('h1')?.textContent).toBe('Pedir cita de atención primaria');
    expect(root.textContent).toContain('Centro de Salud Retiro Norte');
    await press('Ver horas libres');
    expect(root.querySelector('.cp-error-summary')?.textContent).toContain(
      'Elige con quién quieres la cita.',
    );
    await choose('Enfermería');
    await press('Ver horas libres');
    expect(gateway.slotQueries[0]).toMatch(/^\?service=ENF&from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
    const section = root.querySelector('[data-testid="health-slots"]');
    expect(document.activeElement).toBe(section?.querySelector('h2'));
    expect(section?.querySelectorAll('fieldset')).toHaveLength(2);
    await press('Confirmar la cita');
    expect(root.querySelector('.cp-error-summary')?.textContent).toContain('Elige una hora.');
    await settle(() => section?.querySelectorAll<HTMLInputElement>('input[type=radio]')[1]?.click());
    await press('Confirmar la cita');
    expect(gateway.writes).toEqual([
      {
        method: 'POST',
        path: 'appointments',
        key: expect.any(String),
        body: { serviceId: 'ENF', slotId: 'S2' },
      },
    ]);
    expect(test.navigations).toEqual(['/health-madrid']);
    await settle();
    expect(root.textContent).toContain('Cita confirmada: Medicina de familia');
    await act(() => lifecycles.unmount(test.props));
  });

  it('a time taken meanwhile: says so, reloads the slots, and the next try has a new key', async () => {
    const test = await mount('/health-madrid/book');
    const root = test.props.domElement;
    const { press, choose } = ui(root);
    await choose('Medicina de familia');
    await press('Ver horas libres');
    const first = () =>
      root.querySelector<HTMLInputElement>('[data-testid="health-slots"] input[type=radio]');
    await settle(() => first()?.click());
    gateway.taken.add('S1');
    await press('Confirmar la cita');
    await settle();
    expect(root.textContent).toContain('Esa hora acaba de ocuparse');
    expect(gateway.slotQueries).toHaveLength(2);
    expect(root.querySelector('[data-testid="health-slots"] input:checked')).toBeNull();
    await settle(() => first()?.click());
    await press('Confirmar la cita');
    const [one, two] = gateway.writes;
    expect(one?.key).not.toBe(two?.key);
    expect(two?.body).toEqual({ serviceId: 'MFYC', slotId: 'S2' });
    await act(() => lifecycles.unmount(test.props));
  });
});

describe('helpers', () => {
  it('splits upcoming and past appointments', () => {
    const now = new Date();
    const { upcoming, past } = splitAppointments(
      [
        appointment('a', { startsAt: at(5, 9), endsAt: at(5, 10) }),
        appointment('b', { startsAt: at(2, 9), endsAt: at(2, 10) }),
        appointment('c', { status: 'cancelled', startsAt: at(4, 9), endsAt: at(4, 10) }),
        appointment('d', { startsAt: at(-2, 9), endsAt: at(-2, 10) }),
      ],
      now,
    );
    expect(upcoming.map((item) => item.id)).toEqual(['b', 'a']);
    expect(past.map((item) => item.id)).toEqual(['c', 'd']);
  });

  it('groups slots by their Madrid day, in time order', () => {
    const groups = groupSlotsByDay([
      { id: 'late', startsAt: '2026-06-12T10:00:00.000Z', endsAt: '2026-06-12T10:10:00.000Z' },
      { id: 'early', startsAt: '2026-06-12T06:30:00.000Z', endsAt: '2026-06-12T06:40:00.000Z' },
      // 23:30 UTC on the 12th is already the 13th in Madrid.
      { id: 'next', startsAt: '2026-06-12T23:30:00.000Z', endsAt: '2026-06-12T23:40:00.000Z' },
    ]);
    expect(groups).toEqual([
      {
        day: '2026-06-12',
        slots: [expect.objectContaining({ id: 'early' }), expect.objectContaining({ id: 'late' })],
      },
      { day: '2026-06-13', slots: [expect.objectContaining({ id: 'next' })] },
    ]);
  });
});
