import type { Session } from '@carpeta/sdk';
import type { AssistantReply } from '@carpeta/sdk/assistant';
import { createTestProps, mountForTest, type TestProps } from '@carpeta/sdk/testing';
import { fireEvent } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ANONYMOUS, DRAFT_KEY, draftOwner, loadDraft } from './incident-draft.ts';
import lifecycles from './lifecycles.tsx';
import panel from './panel.tsx';
import { PORTAL, portalFetch, server } from './test-server.ts';
import { handlers } from './test/handlers.ts';

// A half-written incident survives a reload of the tab (a new mount), for the same citizen only.
const citizen = (displayName: string, maskedId: string): Session =>
  ({
    authenticated: true,
    citizen: {
      displayName,
      maskedId,
      loa: 'substantial',
      method: 'clave-movil',
      previousAccess: null,
      actingFor: null,
      expiresAt: '2030-01-01T10:00:00.000Z',
      absoluteExpiresAt: '2030-01-01T18:00:00.000Z',
    },
  }) as Session;
const MARIA = citizen('María García López', '***5678**');
const JOHN = citizen('John Smith', '***4321**');
const SIGNED_OUT: Session = { authenticated: false, citizen: null };

const intake = (
  step: 'category' | 'administration' | 'tried' | 'confirm',
  over: Partial<AssistantReply> = {},
) =>
  ({
    intent: 'incident.report',
    confidence: 0.9,
    language: 'es',
    text: [
      {
        category: '¿Sobre qué es el problema?',
        administration: '¿Con qué administración?',
        tried: '¿Qué intentabas hacer?',
        confirm: 'Gracias. Revisa el resumen.',
      }[step],
    ],
    links: [],
    services: [],
    choices: step === 'category' ? [{ value: 'notifications', label: 'Notificaciones' }] : [],
    human: false,
    signIn: false,
    incident: {
      step,
      draft:
        step === 'category'
          ? {}
          : step === 'administration'
            ? { category: 'notifications' }
            : step === 'tried'
              ? { category: 'notifications', administration: 'Agencia Tributaria' }
              : {
                  category: 'notifications',
                  administration: 'Agencia Tributaria',
                  tried: 'Abrir la notificación',
                  errorSeen: 'Error 500',
                },
    },
    ...over,
  }) satisfies AssistantReply;

function gateway(replies: AssistantReply[]) {
  const sent: { path: string; body: unknown; key: string | null }[] = [];
  server.use(
    http.post(`${PORTAL}/api/assistant/messages`, async ({ request }) => {
      sent.push({ path: new URL(request.url).pathname, body: await request.json(), key: null });
      const next = replies.shift();
      return next ? HttpResponse.json(next) : HttpResponse.json({}, { status: 500 });
    }),
    http.post(`${PORTAL}/api/assistant/tickets`, async ({ request }) => {
      sent.push({
        path: new URL(request.url).pathname,
        body: await request.json(),
        key: request.headers.get('idempotency-key'),
      });
      return HttpResponse.json(
        {
          reference: 'ADA-7K2M9QXZ',
          category: 'notifications',
          administration: 'Agencia Tributaria',
          tried: 'Abrir la notificación',
          errorSeen: 'Error 500',
          status: 'open',
          createdAt: '2026-03-20T09:00:00.000Z',
          updatedAt: '2026-03-20T09:00:00.000Z',
          answer: null,
          answeredAt: null,
        },
        { status: 201 },
      );
    }),
    ...handlers.empty,
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
  await settle(() => fireEvent.input(input, { target: { value: text } }));
  await settle(() => fireEvent.submit(input.form as HTMLFormElement));
}

const button = (name: string) =>
  [...document.querySelectorAll('button')].find((candidate) => candidate.textContent === name);
const log = () => document.querySelector('[role="log"]')?.textContent ?? '';

let mounted: { test: TestProps; lifecycles: typeof lifecycles } | null = null;
async function open(session: Session, which = lifecycles) {
  const test = createTestProps({ mfeId: 'assistant', basePath: '/ada', fetch: portalFetch, session });
  await mountForTest(which, test.props);
  await settle();
  mounted = { test, lifecycles: which };
  return test;
}
/** What a reload does to the MFE: unmounted, its page gone, mounted again from nothing. */
async function reload(session: Session, which = lifecycles) {
  if (mounted) await settle(() => mounted?.lifecycles.unmount(mounted.test.props));
  mounted = null;
  document.body.replaceChildren();
  return open(session, which);
}

/** María gives the category, then the administration: Ada asks what she tried. */
async function halfWritten(session = MARIA) {
  const sent = gateway([intake('category'), intake('administration'), intake('tried')]);
  await open(session);
  await ask('quiero abrir una incidencia');
  await settle(() => button('Notificaciones')?.click());
  await ask('Agencia Tributaria');
  expect(log()).toContain('¿Qué intentabas hacer?');
  return sent;
}

beforeEach(() => window.sessionStorage.clear());
afterEach(async () => {
  if (mounted) await settle(() => mounted?.lifecycles.unmount(mounted.test.props));
  mounted = null;
  document.body.replaceChildren();
});

describe('a half-written incident', () => {
  it('comes back after a reload at the step it was, and goes on from there', async () => {
    await halfWritten();
    const sent = gateway([intake('confirm')]);
    await reload(MARIA);
    expect(log()).toContain('Seguimos con la incidencia que habías empezado.');
    expect(log()).toContain('¿Qué intentabas hacer?');
    expect(button('Cancelar la incidencia')).toBeDefined();
    await ask('Abrir la notificación');
    expect(sent[0]?.body).toEqual({
      text: 'Abrir la notificación',
      language: 'es',
      incident: { step: 'tried', draft: { category: 'notifications', administration: 'Agencia Tributaria' } },
    });
  });

  it('keeps what the citizen typed, never who they are', async () => {
    await halfWritten();
    const stored = window.sessionStorage.getItem(DRAFT_KEY) ?? '';
    expect(stored).toContain('Agencia Tributaria');
    for (const identity of ['5678', 'María', 'García']) expect(stored).not.toContain(identity);
    expect(JSON.parse(stored).owner).toBe(draftOwner(MARIA));
    expect(draftOwner(MARIA)).not.toBe(draftOwner(JOHN));
  });

  it('restores the category buttons in the panel too', async () => {
    gateway([intake('category')]);
    await open(MARIA);
    await ask('quiero abrir una incidencia');
    await reload(MARIA, panel);
    expect(log()).toContain('¿Sobre qué es el problema?');
    expect(button('Notificaciones')).toBeDefined();
  });

  it('is forgotten once filed: the summary survives a reload, the ticket is filed once', async () => {
    await halfWritten();
    gateway([intake('confirm')]);
    await ask('Abrir la notificación');
    await reload(MARIA);
    expect(document.body.textContent).toContain('Resumen de la incidencia');
    const sent = gateway([]);
    await settle(() => button('Registrar la incidencia')?.click());
    expect(sent.filter((item) => item.path === '/api/assistant/tickets')).toHaveLength(1);
    expect(window.sessionStorage.getItem(DRAFT_KEY)).toBeNull();
    await reload(MARIA);
    expect(log()).not.toContain('Seguimos con la incidencia');
    expect(button('Cancelar la incidencia')).toBeUndefined();
  });

  it('files with the same Idempotency-Key after a reload that lost the answer', async () => {
    await halfWritten();
    gateway([intake('confirm')]);
    await ask('Abrir la notificación');
    // The gateway never answers the first attempt (the tab is reloaded meanwhile).
    const keys: (string | null)[] = [];
    server.use(
      http.post(`${PORTAL}/api/assistant/tickets`, async ({ request }) => {
        keys.push(request.headers.get('idempotency-key'));
        return new Promise<Response>(() => undefined);
      }),
    );
    await settle(() => button('Registrar la incidencia')?.click());
    await reload(MARIA);
    const sent = gateway([]);
    await settle(() => button('Registrar la incidencia')?.click());
    const retried = sent.find((item) => item.path === '/api/assistant/tickets');
    expect(keys).toHaveLength(1);
    expect(retried?.key).toBe(keys[0]);
  });

  it('is forgotten when the citizen cancels it', async () => {
    await halfWritten();
    await settle(() => button('Cancelar la incidencia')?.click());
    expect(window.sessionStorage.getItem(DRAFT_KEY)).toBeNull();
    await reload(MARIA);
    expect(log()).not.toContain('Seguimos con la incidencia');
  });

  it('is another citizen’s business: not shown to them, and removed', async () => {
    await halfWritten(MARIA);
    await reload(JOHN);
    expect(log()).not.toContain('Seguimos con la incidencia');
    expect(button('Cancelar la incidencia')).toBeUndefined();
    expect(window.sessionStorage.getItem(DRAFT_KEY)).toBeNull();
  });

  it('is not shown signed out, and comes back when the session turns out to be hers', async () => {
    await halfWritten(MARIA);
    const test = await reload(SIGNED_OUT);
    expect(log()).not.toContain('Seguimos con la incidencia');
    expect(window.sessionStorage.getItem(DRAFT_KEY)).not.toBeNull();
    await settle(() => test.setSession(MARIA));
    expect(log()).toContain('Seguimos con la incidencia que habías empezado.');
    expect(log()).toContain('¿Qué intentabas hacer?');
  });

  it('leaves with the citizen when the session ends in place', async () => {
    await halfWritten(MARIA);
    await settle(() => mounted?.test.setSession(SIGNED_OUT));
    expect(window.sessionStorage.getItem(DRAFT_KEY)).toBeNull();
    expect(button('Cancelar la incidencia')).toBeUndefined();
  });

  it('begun signed out, is taken up by whoever signs in to file it', async () => {
    await halfWritten(SIGNED_OUT);
    expect(JSON.parse(window.sessionStorage.getItem(DRAFT_KEY) ?? '{}').owner).toBe(ANONYMOUS);
    await reload(MARIA);
    expect(log()).toContain('¿Qué intentabas hacer?');
  });

  it('ignores a damaged or tampered draft', () => {
    window.sessionStorage.setItem(DRAFT_KEY, '{not json');
    expect(loadDraft(draftOwner(MARIA))).toBeNull();
    window.sessionStorage.setItem(
      DRAFT_KEY,
      JSON.stringify({ owner: draftOwner(MARIA), incident: { step: 'nowhere', draft: {} }, question: null }),
    );
    expect(loadDraft(draftOwner(MARIA))).toBeNull();
    expect(window.sessionStorage.getItem(DRAFT_KEY)).toBeNull();
  });
});
