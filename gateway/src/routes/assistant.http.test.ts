import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Notification } from '@carpeta/sdk';
import {
  adminTicketListSchema,
  adminTicketSchema,
  assistantReplySchema,
  classificationSchema,
  ticketListSchema,
  ticketSchema,
} from '@carpeta/sdk/assistant';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGateway } from '../app.ts';
import { addTestSession, testSession, type TestSession } from '../auth/testing.ts';
import { loadConfig } from '../config.ts';
import type { SourceConnector } from '../connectors/types.ts';

// Ada over real HTTP: the gateway with one notifications source holding María's folder.
const MARIA = '12345678Z';
const OTHER = '23456781R';
const MAINTAINER = '34567890V';
const MFES = fileURLToPath(new URL('../../config/mfes.json', import.meta.url));
const NOW = new Date('2026-03-20T09:00:00Z');

const notification = (id: string, issuer: string, expiresInDays: number): Notification => ({
  id: `dehu:${id}`,
  source: 'dehu',
  kind: 'notification',
  issuer: { dir3: 'E05188501', name: issuer },
  subject: `Asunto ${id}`,
  procedure: null,
  fileReference: null,
  status: 'pending',
  availableAt: new Date(NOW.getTime() - (10 - expiresInDays) * 86_400_000).toISOString(),
  expiresAt: new Date(NOW.getTime() + expiresInDays * 86_400_000).toISOString(),
  respondedAt: null,
  urgent: false,
});

const dehu: SourceConnector = {
  id: 'dehu',
  name: 'DEHú',
  dir3: 'E05188501',
  domains: ['notifications'],
  notifications: {
    async list(citizenId) {
      const items =
        citizenId === MARIA
          ? [
              notification('N-1', 'Dirección General de Tráfico', 6),
              notification('N-2', 'Agencia Estatal de Administración Tributaria', 2),
              notification('N-3', 'Ayuntamiento de Madrid', 8),
            ]
          : [];
      return { items, status: { source: 'dehu', name: 'DEHú', status: 'ok' } };
    },
    async get() {
      return { found: false, status: { source: 'dehu', name: 'DEHú', status: 'ok' } } as never;
    },
  },
};

let dir: string;
let session: TestSession;
let other: { cookie: string; csrfToken: string };
let maintainer: { cookie: string; csrfToken: string };
let app: FastifyInstance;
let base: string;

async function call(
  method: string,
  url: string,
  body?: unknown,
  options: { as?: { cookie: string; csrfToken: string } | null; key?: string; origin?: string } = {},
) {
  const who = options.as === undefined ? session : options.as;
  const headers: Record<string, string> = {};
  if (who) headers.cookie = who.cookie;
  if (who && method !== 'GET') headers['x-csrf-token'] = who.csrfToken;
  if (options.key) headers['idempotency-key'] = options.key;
  if (options.origin) headers.origin = options.origin;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${base}${url}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}
const anonymous = { as: null };

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'carpeta-assistant-'));
  session = await testSession(MARIA, NOW);
  other = await addTestSession(session.database, { nif: OTHER, givenName: 'Carmen', surnames: 'L' }, NOW);
  maintainer = await addTestSession(
    session.database,
    { nif: MAINTAINER, givenName: 'Marta', surnames: 'Ortega Ruiz' },
    NOW,
    { role: 'maintainer' },
  );
  app = buildGateway(
    {
      ...loadConfig({ PORT_GATEWAY: '0', ASSISTANT_RATE_PER_MINUTE: '40' }),
      shellDist: path.join(dir, 'no-shell'),
      manifestPath: MFES,
      env: {},
      sources: [dehu],
      mfeOrigins: [],
      now: () => NOW,
    },
    { database: session.database },
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
}, 60_000);

afterAll(async () => {
  await app?.close();
  await session?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('POST /api/assistant/classify', () => {
  it('answers the intent, its confidence and the language, for anyone', async () => {
    const response = await call(
      'POST',
      '/api/assistant/classify',
      { text: 'vull demanar cita prèvia per al DNI' },
      anonymous,
    );
    expect(response.status).toBe(200);
    const body = classificationSchema.parse(await response.json());
    expect(body).toMatchObject({ intent: 'appointments.book', language: 'ca' });
    expect(body.confidence).toBeGreaterThan(0.55);
  });

  it('refuses an empty or too long text, and a write from another origin', async () => {
    expect((await call('POST', '/api/assistant/classify', { text: '' }, anonymous)).status).toBe(400);
    expect((await call('POST', '/api/assistant/classify', { text: 'x'.repeat(501) }, anonymous)).status).toBe(
      400,
    );
    const foreign = await call(
      'POST',
      '/api/assistant/classify',
      { text: 'hola' },
      { as: null, origin: 'https://evil.example' },
    );
    expect(foreign.status).toBe(403);
  });
});

describe('POST /api/assistant/messages', () => {
  it('answers anonymously with a general answer and a sign-in offer', async () => {
    const response = await call(
      'POST',
      '/api/assistant/messages',
      { text: '¿tengo notificaciones pendientes?', language: 'es' },
      anonymous,
    );
    const body = assistantReplySchema.parse(await response.json());
    expect(body).toMatchObject({ intent: 'notifications.pending', language: 'es', signIn: true });
    expect(body.links).toEqual([{ label: 'Ver mis notificaciones', href: '/notifications' }]);
    expect(body.text.join(' ')).not.toMatch(/Tienes \d/);
  });

  it("uses the signed-in citizen's folder: how many, which expires first, a link to it", async () => {
    const response = await call('POST', '/api/assistant/messages', {
      text: 'do I have pending notifications',
      language: 'es',
    });
    const body = assistantReplySchema.parse(await response.json());
    expect(body.language).toBe('en');
    expect(body.signIn).toBe(false);
    expect(body.text.slice(0, 2)).toEqual([
      'You have 3 pending notifications.',
      'The one from Agencia Estatal de Administración Tributaria expires in 2 days.',
    ]);
    expect(body.links[0]).toEqual({ label: 'Asunto N-2', href: '/notifications/dehu%3AN-2' });
    const carmen = assistantReplySchema.parse(
      await (
        await call(
          'POST',
          '/api/assistant/messages',
          { text: 'tengo notificaciones pendientes', language: 'es' },
          { as: other },
        )
      ).json(),
    );
    expect(carmen.text[0]).toBe('No tienes notificaciones pendientes.');
  });

  it('needs the CSRF token when a session is there', async () => {
    const response = await call(
      'POST',
      '/api/assistant/messages',
      { text: 'hola', language: 'es' },
      {
        as: { cookie: session.cookie, csrfToken: 'wrong' },
      },
    );
    expect(response.status).toBe(403);
  });

  it('answers in Valencian with its own words, and falls back to a person when unsure', async () => {
    const va = assistantReplySchema.parse(
      await (
        await call(
          'POST',
          '/api/assistant/messages',
          { text: 'vull vore les meues notificacions', language: 'va' },
          anonymous,
        )
      ).json(),
    );
    expect(va).toMatchObject({ intent: 'notifications.pending', language: 'va' });
    expect(va.text[0]).toContain('teues');
    const unsure = assistantReplySchema.parse(
      await (
        await call('POST', '/api/assistant/messages', { text: 'zzzz qqqq', language: 'gl' }, anonymous)
      ).json(),
    );
    expect(unsure).toMatchObject({ intent: 'fallback', language: 'gl', human: true });
  });

  it('stores an unrecognised question without who asked it nor what identifies them', async () => {
    await call(
      'POST',
      '/api/assistant/messages',
      { text: 'me llamo Pedro Pérez, 11111111H, blorp zib quux', language: 'es' },
      anonymous,
    );
    const rows = await session.database.db.selectFrom('assistant_unrecognised').select(['text']).execute();
    const texts = rows.map((row) => row.text).join('\n');
    expect(texts).toContain('me llamo [name]');
    expect(texts).not.toContain('Pedro');
    expect(texts).not.toContain('11111111H');
  });

  it('characterises an incident step by step', async () => {
    let body = assistantReplySchema.parse(
      await (
        await call('POST', '/api/assistant/messages', { text: 'quiero abrir una incidencia', language: 'es' })
      ).json(),
    );
    expect(body.incident).toEqual({ step: 'category', draft: {} });
    expect(body.choices.map((choice) => choice.value)).toContain('notifications');
    for (const [text, step] of [
      ['notifications', 'administration'],
      ['Agencia Tributaria', 'tried'],
      ['Abrir la notificación', 'error'],
      ['Error 500', 'confirm'],
    ] as const) {
      body = assistantReplySchema.parse(
        await (
          await call('POST', '/api/assistant/messages', { text, language: 'es', incident: body.incident })
        ).json(),
      );
      expect(body.incident?.step).toBe(step);
    }
    expect(body.incident?.draft).toEqual({
      category: 'notifications',
      administration: 'Agencia Tributaria',
      tried: 'Abrir la notificación',
      errorSeen: 'Error 500',
    });
  });
});

describe('tickets', () => {
  const ticket = {
    category: 'sign-in',
    administration: 'Cl@ve',
    tried: 'Entrar con PIN',
    errorSeen: '<b>Error</b> 42',
    language: 'es',
  };

  it("files a ticket once per key, lists it, and it is nobody else's", async () => {
    const first = await call('POST', '/api/assistant/tickets', ticket, { key: 'ticket-key-0001' });
    expect(first.status).toBe(201);
    const filed = ticketSchema.parse(await first.json());
    expect(filed).toMatchObject({ status: 'open', errorSeen: '<b>Error</b> 42' });
    const again = await call('POST', '/api/assistant/tickets', ticket, { key: 'ticket-key-0001' });
    expect(ticketSchema.parse(await again.json()).reference).toBe(filed.reference);
    const list = ticketListSchema.parse(await (await call('GET', '/api/assistant/tickets')).json());
    expect(list.items.map((item) => item.reference)).toEqual([filed.reference]);
    expect((await call('GET', `/api/assistant/tickets/${filed.reference}`)).status).toBe(200);
    expect(
      (await call('GET', `/api/assistant/tickets/${filed.reference}`, undefined, { as: other })).status,
    ).toBe(404);
    expect(
      ticketListSchema.parse(
        await (await call('GET', '/api/assistant/tickets', undefined, { as: other })).json(),
      ).items,
    ).toEqual([]);
    const audit = await session.database.audit.list({ kind: 'assistant-ticket-filed' });
    expect(audit).toHaveLength(1);
  });

  it('needs a session, a CSRF token and an idempotency key', async () => {
    expect(
      (await call('POST', '/api/assistant/tickets', ticket, { as: null, key: 'ticket-key-0002' })).status,
    ).toBe(401);
    expect((await call('GET', '/api/assistant/tickets', undefined, anonymous)).status).toBe(401);
    expect((await call('POST', '/api/assistant/tickets', ticket)).status).toBe(400);
    const noCsrf = await call('POST', '/api/assistant/tickets', ticket, {
      as: { cookie: session.cookie, csrfToken: 'nope' },
      key: 'ticket-key-0003',
    });
    expect(noCsrf.status).toBe(403);
    expect(
      (await call('POST', '/api/assistant/tickets', { ...ticket, category: 'x' }, { key: 'ticket-key-0004' }))
        .status,
    ).toBe(400);
  });
});

describe('the maintainers answer tickets', () => {
  const ticket = {
    category: 'registry',
    administration: 'Agencia Tributaria',
    tried: 'Pagar una tasa',
    errorSeen: 'Error 500',
    language: 'es',
  };

  it('lists every ticket without who filed it, the unanswered first; the answer reaches its citizen once', async () => {
    const filed = ticketSchema.parse(
      await (await call('POST', '/api/assistant/tickets', ticket, { key: 'answer-key-0001' })).json(),
    );
    const list = adminTicketListSchema.parse(
      await (await call('GET', '/api/admin/tickets', undefined, { as: maintainer })).json(),
    );
    const listed = list.items.find((item) => item.reference === filed.reference);
    expect(listed).toMatchObject({ status: 'open', answer: null, language: 'es', tried: 'Pagar una tasa' });
    expect(JSON.stringify(list)).not.toContain(MARIA);
    expect(list.items.every((item) => item.answer === null)).toBe(true);

    const answer = 'Ya puede pagar: el fallo de la pasarela está corregido. <b>Gracias</b>';
    const url = `/api/admin/tickets/${filed.reference}/answer`;
    const first = await call('POST', url, { answer }, { as: maintainer, key: 'answer-key-0002' });
    expect(first.status).toBe(200);
    expect(adminTicketSchema.parse(await first.json())).toMatchObject({ status: 'resolved', answer });
    // The same request again is the same answer; another answer to the same ticket is refused.
    const replay = await call('POST', url, { answer }, { as: maintainer, key: 'answer-key-0002' });
    expect(replay.status).toBe(200);
    const second = await call('POST', url, { answer: 'Otra' }, { as: maintainer, key: 'answer-key-0003' });
    expect(second.status).toBe(409);

    const mine = ticketSchema.parse(
      await (await call('GET', `/api/assistant/tickets/${filed.reference}`)).json(),
    );
    expect(mine).toMatchObject({ status: 'resolved', answer, answeredAt: NOW.toISOString() });
    const after = adminTicketListSchema.parse(
      await (await call('GET', '/api/admin/tickets', undefined, { as: maintainer })).json(),
    );
    expect(after.items.at(-1)?.reference).toBe(filed.reference);
    expect(await session.database.audit.list({ kind: 'assistant-ticket-answered' })).toHaveLength(1);
  });

  it('is for maintainers only, with a CSRF token, a real ticket and a real answer', async () => {
    expect((await call('GET', '/api/admin/tickets')).status).toBe(403);
    expect((await call('GET', '/api/admin/tickets', undefined, anonymous)).status).toBe(401);
    const filed = ticketSchema.parse(
      await (await call('POST', '/api/assistant/tickets', ticket, { key: 'answer-key-0004' })).json(),
    );
    const url = `/api/admin/tickets/${filed.reference}/answer`;
    expect((await call('POST', url, { answer: 'Hecho' }, { key: 'answer-key-0005' })).status).toBe(403);
    expect(
      (
        await call(
          'POST',
          url,
          { answer: 'Hecho' },
          {
            as: { cookie: maintainer.cookie, csrfToken: 'nope' },
            key: 'answer-key-0006',
          },
        )
      ).status,
    ).toBe(403);
    expect(
      (await call('POST', url, { answer: '   ' }, { as: maintainer, key: 'answer-key-0007' })).status,
    ).toBe(400);
    expect(
      (await call('POST', url, { answer: 'x'.repeat(4001) }, { as: maintainer, key: 'answer-key-0008' }))
        .status,
    ).toBe(400);
    expect(
      (
        await call(
          'POST',
          '/api/admin/tickets/ADA-00000000/answer',
          { answer: 'Hecho' },
          {
            as: maintainer,
            key: 'answer-key-0009',
          },
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await call(
          'POST',
          '/api/admin/tickets/nope/answer',
          { answer: 'Hecho' },
          { as: maintainer, key: 'answer-key-0010' },
        )
      ).status,
    ).toBe(404);
    const untouched = ticketSchema.parse(
      await (await call('GET', `/api/assistant/tickets/${filed.reference}`)).json(),
    );
    expect(untouched).toMatchObject({ status: 'open', answer: null });
  });
});

describe('feedback, services and the rate limit', () => {
  it('keeps a thumbs up or down without who gave it', async () => {
    const response = await call(
      'POST',
      '/api/assistant/feedback',
      { intent: 'login.help', language: 'eu', helpful: false },
      anonymous,
    );
    expect(response.status).toBe(204);
    const rows = await session.database.db.selectFrom('assistant_feedback').selectAll().execute();
    expect(rows).toEqual([expect.objectContaining({ intent: 'login.help', language: 'eu', helpful: false })]);
  });

  it('searches the catalogue of services in the language asked', async () => {
    const response = await call(
      'GET',
      '/api/assistant/services?q=padró+Barcelona&language=ca',
      undefined,
      anonymous,
    );
    const body = (await response.json()) as { items: { name: string; administration: { name: string } }[] };
    expect(body.items[0]?.administration.name).toBe('Ajuntament de Barcelona');
    expect(body.items[0]?.name).toMatch(/padró|empadronament/);
  });

  it('limits each client', async () => {
    const statuses: number[] = [];
    for (let index = 0; index < 45; index++) {
      statuses.push((await call('POST', '/api/assistant/classify', { text: 'hola' }, anonymous)).status);
    }
    expect(statuses).toContain(429);
  });
});
