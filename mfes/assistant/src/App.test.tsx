import type { AssistantReply, Ticket } from '@carpeta/sdk/assistant';
import { createTestProps, mountForTest } from '@carpeta/sdk/testing';
import { fireEvent } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import lifecycles from './lifecycles.tsx';
import panel from './panel.tsx';
import { PORTAL, portalFetch, server } from './test-server.ts';
import { handlers, reply, SIGNED_IN, ticket } from './test/handlers.ts';

function gateway(replies: AssistantReply[], filed: Ticket[] = []) {
  const sent: { url: string; body: unknown; key: string | null }[] = [];
  let tickets: Ticket[] = filed;
  server.use(
    http.post(`${PORTAL}/api/assistant/messages`, async ({ request }) => {
      sent.push({ url: request.url, body: await request.json(), key: null });
      return HttpResponse.json(replies.shift() ?? reply({}));
    }),
    http.post(`${PORTAL}/api/assistant/feedback`, async ({ request }) => {
      sent.push({ url: request.url, body: await request.json(), key: null });
      return new HttpResponse(null, { status: 204 });
    }),
    http.post(`${PORTAL}/api/assistant/tickets`, async ({ request }) => {
      sent.push({
        url: request.url,
        body: await request.json(),
        key: request.headers.get('idempotency-key'),
      });
      tickets = [ticket];
      return HttpResponse.json(ticket, { status: 201 });
    }),
    http.get(`${PORTAL}/api/assistant/tickets`, () => HttpResponse.json({ items: tickets })),
  );
  return sent;
}

async function settle(action?: () => void) {
  await act(async () => {
    action?.();
    await new Promise((resolve) => setTimeout(resolve, 30));
  });
}

async function ask(text: string) {
  const input = document.querySelector<HTMLInputElement>('input[name="question"]');
  if (!input) throw new Error('no input');
  input.focus();
  // Typing fires `input` events, which both React's and Preact's `onChange` of a text field follow.
  await settle(() => fireEvent.input(input, { target: { value: text } }));
  await settle(() => fireEvent.submit(input.form as HTMLFormElement));
  return input;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('Ada', () => {
  it('answers in a live log, keeps the focus in the question, links into the portal', async () => {
    const sent = gateway([reply({})]);
    const test = createTestProps({ mfeId: 'assistant', basePath: '/ada', fetch: portalFetch });
    await mountForTest(lifecycles, test.props);
    const input = await ask('<b>¿tengo notificaciones?</b>');
    const log = document.querySelector('[role="log"]');
    expect(log?.textContent).toContain('<b>¿tengo notificaciones?</b>');
    expect(log?.querySelector('b')).toBeNull();
    expect(log?.textContent).toContain('Tienes 3 notificaciones pendientes.');
    expect(document.activeElement).toBe(input);
    expect(sent[0]?.body).toEqual({ text: '<b>¿tengo notificaciones?</b>', language: 'es' });
    const link = [...document.querySelectorAll('a')].find((a) => a.textContent === 'Ver mis notificaciones');
    await settle(() => link?.click());
    expect(test.navigations).toEqual(['/notifications']);
    const thumbsUp = [...document.querySelectorAll('button')].find((b) =>
      b.textContent?.includes('Me ha servido'),
    );
    await settle(() => thumbsUp?.click());
    expect(sent[1]?.body).toEqual({ intent: 'notifications.pending', language: 'es', helpful: true });
    expect(log?.textContent).toContain('Gracias por tu valoración.');
    await settle(() => lifecycles.unmount(test.props));
    expect(test.languageListeners()).toBe(0);
  });

  it("lists the citizen's incidents with the portal's answer, as text", async () => {
    gateway(
      [],
      [
        {
          ...ticket,
          status: 'resolved',
          answer: 'Ya funciona. <b>Gracias</b>',
          answeredAt: '2026-03-21T09:00:00.000Z',
        },
        { ...ticket, reference: 'ADA-8K2M9QXZ' },
      ],
    );
    const test = createTestProps({
      mfeId: 'assistant',
      basePath: '/ada',
      fetch: portalFetch,
      session: SIGNED_IN,
    });
    await mountForTest(lifecycles, test.props);
    await settle();
    const list = document.querySelector('[data-testid="assistant-tickets"]');
    expect(list?.textContent).toContain('Resuelta');
    expect(list?.textContent).toContain('Ya funciona. <b>Gracias</b>');
    expect(list?.querySelector('b')).toBeNull();
    expect(list?.textContent).toContain('Todavía no hay respuesta.');
    await settle(() => lifecycles.unmount(test.props));
  });

  it('offers a retry when the incidents cannot be loaded, and keeps the conversation', async () => {
    server.use(...handlers.error);
    const test = createTestProps({
      mfeId: 'assistant',
      basePath: '/ada',
      fetch: portalFetch,
      session: SIGNED_IN,
    });
    await mountForTest(lifecycles, test.props);
    await settle();
    const list = document.querySelector('[data-testid="assistant-tickets"]');
    expect(list?.textContent).toContain('No hemos podido cargar tus incidencias ahora.');
    expect(list?.querySelector('button')?.textContent).toBe('Reintentar');
    expect(document.querySelector('input[name="question"]')).not.toBeNull();
    await settle(() => lifecycles.unmount(test.props));
  });

  it('offers the human channels and a sign-in when unsure', async () => {
    gateway([
      reply({ intent: 'fallback', text: ['No estoy segura.'], links: [], human: true, signIn: true }),
    ]);
    const test = createTestProps({ mfeId: 'assistant', basePath: '/ada', fetch: portalFetch });
    await mountForTest(panel, test.props);
    await ask('xyz');
    const hrefs = [...document.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toContain('tel:060');
    expect(hrefs).toContain('/feedback');
    expect(hrefs.some((href) => href?.startsWith('/auth/login?'))).toBe(true);
    expect(document.querySelector('[data-testid="assistant-tickets"]')).toBeNull();
  });

  it('files the incident once, shows its reference and lists it', async () => {
    const draft = {
      category: 'notifications' as const,
      administration: 'AEAT',
      tried: 'Abrir',
      errorSeen: 'Error 500',
    };
    const sent = gateway([
      reply({
        intent: 'incident.report',
        text: ['¿Sobre qué es el problema?'],
        links: [],
        incident: { step: 'category', draft: {} },
        choices: [{ value: 'notifications', label: 'Notificaciones' }],
      }),
      reply({
        intent: 'incident.report',
        text: ['Gracias.'],
        links: [],
        incident: { step: 'confirm', draft },
      }),
    ]);
    const test = createTestProps({
      mfeId: 'assistant',
      basePath: '/ada',
      fetch: portalFetch,
      session: SIGNED_IN,
    });
    await mountForTest(lifecycles, test.props);
    await ask('quiero abrir una incidencia');
    const choice = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Notificaciones');
    await settle(() => choice?.click());
    expect(sent[1]?.body).toMatchObject({ text: 'notifications', incident: { step: 'category', draft: {} } });
    const file = [...document.querySelectorAll('button')].find(
      (b) => b.textContent === 'Registrar la incidencia',
    );
    await settle(() => {
      file?.click();
      file?.click();
    });
    const posts = sent.filter((item) => item.url.endsWith('/api/assistant/tickets'));
    expect(posts).toHaveLength(1);
    expect(posts[0]?.key).toMatch(/^[A-Za-z0-9_-]{8,}$/);
    expect(posts[0]?.body).toEqual({ ...draft, language: 'es' });
    await settle();
    expect(document.querySelector('[data-reference="ADA-7K2M9QXZ"]')).not.toBeNull();
    expect(document.querySelector('[data-testid="assistant-tickets"]')?.textContent).toContain(
      'ADA-7K2M9QXZ',
    );
  });
});
