import type { AdminTicket } from '@carpeta/sdk/assistant';
import type { AdminFeedback } from '@carpeta/sdk/feedback';
import { createTestProps, mountForTest } from '@carpeta/sdk/testing';
import { fireEvent } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import admin from './admin-lifecycles.tsx';
import lifecycles from './lifecycles.tsx';
import roadmap from './roadmap-lifecycles.tsx';
import { PORTAL, portalFetch, server } from './test-server.ts';
import { handlers, item, roadmap as roadmapAnswer } from './test/handlers.ts';

const HOSTILE = '<img src=x onerror="alert(1)">';
async function settle(action?: () => void) {
  await act(async () => {
    action?.();
    await new Promise((resolve) => setTimeout(resolve, 30));
  });
}

const type = (selector: string, value: string) =>
  settle(() => {
    const field = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
    if (!field) throw new Error(`no ${selector}`);
    fireEvent.input(field, { target: { value } });
  });
const click = (selector: string) =>
  settle(() => {
    const element = document.querySelector<HTMLElement>(selector);
    if (!element) throw new Error(`no ${selector}`);
    element.click();
  });
const submit = () => settle(() => fireEvent.submit(document.querySelector('form') as HTMLFormElement));

afterEach(() => {
  document.body.replaceChildren();
  window.history.replaceState(null, '', '/');
});

describe('the feedback forms', () => {
  it('lists the errors (focused), then sends once with an Idempotency-Key', async () => {
    const sent: { body: unknown; key: string | null }[] = [];
    server.use(
      http.post(`${PORTAL}/api/feedback`, async ({ request }) => {
        sent.push({ body: await request.json(), key: request.headers.get('idempotency-key') });
        return HttpResponse.json(
          { reference: 'OPN-7K2M9QXA', receivedAt: '2026-12-04T09:00:00.000Z' },
          { status: 201 },
        );
      }),
    );
    window.history.replaceState(null, '', '/feedback');
    const test = createTestProps({ mfeId: 'feedback', basePath: '/feedback', fetch: portalFetch });
    await mountForTest(lifecycles, test.props);
    expect(document.querySelector('h1')?.textContent).toBe('Danos tu opinión');
    await submit();
    const summary = document.querySelector('.cp-error-summary');
    expect(summary?.contains(document.activeElement)).toBe(true);
    expect([...(summary?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href'))).toEqual([
      '#satisfaction-0',
      '#message',
    ]);
    expect(document.querySelector('#message')?.getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([]);
    await click('#satisfaction-1');
    await type('#message', 'Más idiomas');
    expect(document.body.textContent).toContain('Te quedan 1189 caracteres');
    await submit();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).toEqual({
      kind: 'general',
      satisfaction: 'satisfied',
      message: 'Más idiomas',
      website: '',
      language: 'es',
    });
    expect(sent[0]?.key).toMatch(/^[A-Za-z0-9_-]{8,}$/);
    expect(document.querySelector('[data-testid="feedback-thanks"]')?.textContent).toContain('OPN-7K2M9QXA');
  });

  it('says so when too many forms were sent, and keeps what was written', async () => {
    server.use(
      http.post(`${PORTAL}/api/feedback`, () =>
        HttpResponse.json({ error: { code: 'rate-limited', message: 'x', requestId: 'r' } }, { status: 429 }),
      ),
    );
    window.history.replaceState(null, '', '/feedback/sign-in');
    const test = createTestProps({ mfeId: 'feedback', basePath: '/feedback', fetch: portalFetch });
    await mountForTest(lifecycles, test.props);
    expect(document.querySelector('h1')?.textContent).toBe('Problemas para identificarte');
    await click('#method-1');
    await click('#outcome-2');
    await type('#message', 'El SMS no llega');
    await submit();
    expect(document.querySelector('[data-testid="send-failure"]')?.textContent).toContain(
      'dentro de una hora',
    );
    expect(document.querySelector<HTMLTextAreaElement>('#message')?.value).toBe('El SMS no llega');
  });

  it('gives the accessibility request’s reference and its legal answer date', async () => {
    let body: unknown;
    server.use(
      http.post(`${PORTAL}/api/feedback/accessibility`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json(
          { reference: 'ACC-7K2M9QXA', receivedAt: '2026-12-04T09:00:00.000Z', answerBy: '2027-01-07' },
          { status: 201 },
        );
      }),
    );
    window.history.replaceState(null, '', '/feedback/accessibility');
    const test = createTestProps({ mfeId: 'feedback', basePath: '/feedback', fetch: portalFetch });
    await mountForTest(lifecycles, test.props);
    expect(document.body.textContent).toContain('20 días hábiles');
    await type('#page', '/notifications');
    await type('#problem', 'El botón no tiene nombre');
    await type('#email', 'no-es-correo');
    await submit();
    expect(document.querySelector('.cp-error-summary')?.textContent).toContain('correo electrónico válido');
    await type('#email', 'ana@example.org');
    await submit();
    expect(body).toMatchObject({ page: '/notifications', email: 'ana@example.org' });
    expect(document.querySelector('[data-testid="answer-by"]')?.textContent).toBe(
      'Te responderemos como tarde el 7 de enero de 2027.',
    );
  });

  it('asks "was this useful?" for a key flow named in ?context=', async () => {
    const sent: unknown[] = [];
    server.use(
      http.post(`${PORTAL}/api/feedback`, async ({ request }) => {
        sent.push(await request.json());
        return HttpResponse.json(
          { reference: 'OPN-AAAAAAAA', receivedAt: '2026-12-04T09:00:00.000Z' },
          { status: 201 },
        );
      }),
    );
    window.history.replaceState(null, '', '/feedback?context=registry-submission');
    const test = createTestProps({ mfeId: 'feedback', basePath: '/feedback', fetch: portalFetch });
    await mountForTest(lifecycles, test.props);
    expect(document.querySelector('h1')?.textContent).toBe('¿Te ha resultado útil?');
    expect(document.body.textContent).toContain('presentar un escrito en el registro');
    await click('#helpful-1');
    await submit();
    expect(sent).toEqual([
      { kind: 'flow', flow: 'registry-submission', helpful: false, message: '', website: '', language: 'es' },
    ]);
  });
});

describe('the roadmap', () => {
  it('groups items by status with their comment counts, in the portal’s language', async () => {
    server.use(...roadmapAnswer([item('a', 'planned', 3), item('b', 'done', 0)]));
    const test = createTestProps({
      mfeId: 'roadmap',
      basePath: '/roadmap',
      fetch: portalFetch,
      language: 'en',
    });
    await mountForTest(roadmap, test.props);
    await settle();
    const planned = document.querySelector('[data-status="planned"]');
    expect(planned?.textContent).toContain('Elemento a (en)');
    expect(planned?.textContent).toContain('Comments asking for it: 3');
    expect(document.querySelector('[data-status="considering"]')?.textContent).toContain(
      'Nothing at this stage',
    );
  });

  it('offers a retry when the gateway cannot answer', async () => {
    server.use(...handlers.error);
    const test = createTestProps({ mfeId: 'roadmap', basePath: '/roadmap', fetch: portalFetch });
    await mountForTest(roadmap, test.props);
    await settle();
    expect(document.body.textContent).toContain('No hemos podido cargar la hoja de ruta.');
    expect(document.querySelector('[data-status]')).toBeNull();
  });
});

describe('the maintainers’ page', () => {
  it('tells a citizen the page is not for them', async () => {
    server.use(
      http.get(`${PORTAL}/api/admin/*`, () =>
        HttpResponse.json({ error: { code: 'forbidden', message: 'x', requestId: 'r' } }, { status: 403 }),
      ),
      ...handlers.empty,
    );
    const test = createTestProps({ mfeId: 'roadmap-admin', basePath: '/admin/roadmap', fetch: portalFetch });
    await mountForTest(admin, test.props);
    await settle();
    expect(document.querySelector('[data-testid="admin-forbidden"] h1')?.textContent).toBe(
      'Esta página es para el equipo de mantenimiento',
    );
  });

  it('links feedback to an item and changes a status; hostile text stays text', async () => {
    const writes: { method: string; url: string; body: unknown }[] = [];
    const feedback: AdminFeedback = {
      id: '0b7d4c6e-1f2a-4b3c-8d9e-0f1a2b3c4d5e',
      reference: 'OPN-7K2M9QXA',
      kind: 'general',
      rating: 'satisfied',
      method: null,
      flow: null,
      message: HOSTILE,
      language: 'es',
      receivedAt: '2026-12-04T09:00:00.000Z',
      items: [],
    };
    server.use(
      http.get(`${PORTAL}/api/admin/feedback`, () => HttpResponse.json({ items: [feedback] })),
      http.get(`${PORTAL}/api/admin/accessibility`, () =>
        HttpResponse.json({
          items: [
            {
              reference: 'ACC-7K2M9QXA',
              page: '/files',
              problem: HOSTILE,
              email: null,
              receivedAt: '2026-11-02T09:00:00.000Z',
              answerBy: '2026-11-30',
              answeredAt: null,
              overdue: true,
            },
          ],
        }),
      ),
      ...roadmapAnswer([item('a', 'planned', 0)]),
      http.get(`${PORTAL}/api/admin/tickets`, () => HttpResponse.json({ items: [] })),
      http.post(`${PORTAL}/api/admin/roadmap/:id/links`, async ({ request }) => {
        writes.push({ method: 'POST', url: request.url, body: await request.json() });
        return HttpResponse.json({}, { status: 201 });
      }),
      http.post(`${PORTAL}/api/admin/accessibility/:reference/answered`, async ({ request }) => {
        writes.push({ method: 'POST', url: request.url, body: await request.json() });
        return HttpResponse.json({ reference: 'ACC-7K2M9QXA', answeredAt: '2026-12-04T09:00:00.000Z' });
      }),
      http.put(`${PORTAL}/api/admin/roadmap/:id/status`, async ({ request }) => {
        writes.push({ method: 'PUT', url: request.url, body: await request.json() });
        return HttpResponse.json({});
      }),
    );
    const test = createTestProps({ mfeId: 'roadmap-admin', basePath: '/admin/roadmap', fetch: portalFetch });
    await mountForTest(admin, test.props);
    await settle();
    expect(document.body.textContent).toContain(HOSTILE);
    expect(document.querySelector('img')).toBeNull();
    expect(document.body.textContent).toContain('Fuera de plazo');
    await settle(() => {
      const select = document.querySelector<HTMLSelectElement>(`#link-${feedback.id}`);
      if (!select) throw new Error('no select');
      fireEvent.change(select, { target: { value: 'a' } });
    });
    await settle(() =>
      fireEvent.submit(document.querySelector(`#link-${feedback.id}`)?.closest('form') as HTMLFormElement),
    );
    expect(writes[0]).toEqual({
      method: 'POST',
      url: `${PORTAL}/api/admin/roadmap/a/links`,
      body: { feedbackId: feedback.id },
    });
    expect(document.querySelector('[data-testid="admin-notice"]')?.textContent).toContain(
      'enlazada con «Elemento a»',
    );
    await settle(() => {
      const select = document.querySelector<HTMLSelectElement>('#status-a');
      if (!select) throw new Error('no status select');
      fireEvent.change(select, { target: { value: 'in-progress' } });
    });
    await settle(() => fireEvent.submit(document.querySelector('[data-status-form="a"]') as HTMLFormElement));
    expect(writes[1]).toEqual({
      method: 'PUT',
      url: `${PORTAL}/api/admin/roadmap/a/status`,
      body: { status: 'in-progress' },
    });
    await click('button[aria-label="Marcar como respondida: ACC-7K2M9QXA"]');
    expect(writes[2]).toEqual({
      method: 'POST',
      url: `${PORTAL}/api/admin/accessibility/ACC-7K2M9QXA/answered`,
      body: {},
    });
    expect(document.querySelector('[data-testid="admin-notice"]')?.textContent).toContain(
      'Comunicación ACC-7K2M9QXA marcada como respondida.',
    );
  });

  it('answers an incident filed with Ada once, after saying an empty answer is missing', async () => {
    const ticket: AdminTicket = {
      reference: 'ADA-7K2M9QXZ',
      category: 'sign-in',
      administration: 'Cl@ve',
      tried: HOSTILE,
      errorSeen: 'Error 42',
      status: 'open',
      createdAt: '2026-12-01T09:00:00.000Z',
      updatedAt: '2026-12-01T09:00:00.000Z',
      answer: null,
      answeredAt: null,
      language: 'es',
    };
    let tickets = [ticket];
    const writes: { url: string; body: unknown; key: string | null }[] = [];
    server.use(
      http.get(`${PORTAL}/api/admin/feedback`, () => HttpResponse.json({ items: [] })),
      http.get(`${PORTAL}/api/admin/accessibility`, () => HttpResponse.json({ items: [] })),
      ...handlers.empty,
      http.get(`${PORTAL}/api/admin/tickets`, () => HttpResponse.json({ items: tickets })),
      http.post(`${PORTAL}/api/admin/tickets/:reference/answer`, async ({ request }) => {
        const body = (await request.json()) as { answer: string };
        writes.push({ url: request.url, body, key: request.headers.get('idempotency-key') });
        const answered = {
          ...ticket,
          status: 'resolved' as const,
          answer: body.answer,
          answeredAt: '2026-12-04T09:00:00.000Z',
        };
        tickets = [answered];
        return HttpResponse.json(answered);
      }),
    );
    const test = createTestProps({ mfeId: 'roadmap-admin', basePath: '/admin/roadmap', fetch: portalFetch });
    await mountForTest(admin, test.props);
    await settle();
    const section = () => document.querySelector('[data-testid="admin-tickets"]');
    expect(section()?.textContent).toContain('ADA-7K2M9QXZ · Identificación');
    expect(section()?.textContent).toContain(HOSTILE);
    expect(section()?.querySelector('img')).toBeNull();
    const form = () => section()?.querySelector('form') as HTMLFormElement;
    await settle(() => fireEvent.submit(form()));
    expect(writes).toEqual([]);
    expect(section()?.textContent).toContain('Escribe la respuesta');
    await type('#answer-ADA-7K2M9QXZ', 'Ya puede entrar con Cl@ve PIN.');
    await settle(() => fireEvent.submit(form()));
    expect(writes).toHaveLength(1);
    expect(writes[0]?.url).toBe(`${PORTAL}/api/admin/tickets/ADA-7K2M9QXZ/answer`);
    expect(writes[0]?.body).toEqual({ answer: 'Ya puede entrar con Cl@ve PIN.' });
    expect(writes[0]?.key).toMatch(/^[A-Za-z0-9_-]{8,}$/);
    await settle();
    expect(document.querySelector('[data-testid="admin-tickets-notice"]')?.textContent).toContain(
      'Incidencia ADA-7K2M9QXZ respondida.',
    );
    expect(section()?.textContent).toContain('Ya puede entrar con Cl@ve PIN.');
    expect(section()?.querySelector('form')).toBeNull();
  });
});
