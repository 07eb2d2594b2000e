import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  accessibilityReceiptSchema,
  adminAccessibilityListSchema,
  adminFeedbackListSchema,
  feedbackReceiptSchema,
  roadmapSchema,
} from '@carpeta/sdk/feedback';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGateway } from '../app.ts';
import { addTestSession, testSession, type TestSession } from '../auth/testing.ts';
import { loadConfig } from '../config.ts';

// Feedback, accessibility requests and the roadmap over real HTTP: anonymous and signed-in writers,
// the honeypot, the rate limit, idempotency and the maintainers' role.
const MARIA = '12345678Z';
const MAINTAINER = '34567890V';
const MFES = fileURLToPath(new URL('../../config/mfes.json', import.meta.url));
// Friday 4 December 2026, 10:00 in Madrid: 20 working days later is Thursday 7 January 2027.
const NOW = new Date('2026-12-04T09:00:00Z');
const HOSTILE = '<script>alert("x")</script>\u202Eevil\u202C';
const RATE = 15;

let dir: string;
let session: TestSession;
let maintainer: { cookie: string; csrfToken: string };
let app: FastifyInstance;
let base: string;
let keys = 0;
let clock = NOW;

type Who = { cookie: string; csrfToken: string } | null;

async function call(
  method: string,
  url: string,
  body?: unknown,
  options: { as?: Who; key?: string | null; origin?: string; forwardedFor?: string } = {},
) {
  const who = options.as === undefined ? null : options.as;
  const headers: Record<string, string> = {};
  if (who) headers.cookie = who.cookie;
  if (who && method !== 'GET') headers['x-csrf-token'] = who.csrfToken;
  const key = options.key === undefined ? `test-key-${++keys}-feedback` : options.key;
  if (key && method !== 'GET') headers['idempotency-key'] = key;
  if (options.origin) headers.origin = options.origin;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${base}${url}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

const general = { kind: 'general', satisfaction: 'satisfied', message: HOSTILE, language: 'es' };

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'carpeta-feedback-'));
  session = await testSession(MARIA, NOW);
  maintainer = await addTestSession(
    session.database,
    { nif: MAINTAINER, givenName: 'Marta', surnames: 'Ortega Ruiz' },
    NOW,
    { role: 'maintainer' },
  );
  app = buildGateway(
    {
      ...loadConfig({ PORT_GATEWAY: '0', FEEDBACK_RATE_PER_HOUR: String(RATE) }),
      shellDist: path.join(dir, 'no-shell'),
      manifestPath: MFES,
      // The feedback MFE's origin is allowed: its entries (the forms, the roadmap, the maintainers'
      // page) are served; the others' origins are not, and they are left out.
      env: { MFE_FEEDBACK_URL: 'http://127.0.0.1:4210' },
      sources: [],
      mfeOrigins: [],
      now: () => clock,
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

describe('public feedback, then the maintainers', () => {
  let feedbackId = '';

  it('takes anonymous feedback, stores it as text, and answers a replay with the same receipt', async () => {
    const first = await call('POST', '/api/feedback', general, { key: 'anonymous-key-0001' });
    expect(first.status).toBe(201);
    const receipt = feedbackReceiptSchema.parse(await first.json());
    expect(receipt.reference).toMatch(/^OPN-/);
    const again = await call('POST', '/api/feedback', general, { key: 'anonymous-key-0001' });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(feedbackReceiptSchema.parse(await again.json()).reference).toBe(receipt.reference);
    const list = adminFeedbackListSchema.parse(
      await (await call('GET', '/api/admin/feedback', undefined, { as: maintainer })).json(),
    );
    expect(list.items).toHaveLength(1);
    expect(list.items[0]?.message).toBe(HOSTILE);
    feedbackId = list.items[0]?.id ?? '';
  });

  it('needs an Idempotency-Key, a valid form, and the portal as origin', async () => {
    expect((await call('POST', '/api/feedback', general, { key: null })).status).toBe(400);
    const blank = await call('POST', '/api/feedback', { ...general, message: '   ' });
    expect(blank.status).toBe(400);
    const tooLong = await call('POST', '/api/feedback', { ...general, message: 'a'.repeat(1201) });
    expect(tooLong.status).toBe(400);
    expect(
      (await call('POST', '/api/feedback', { kind: 'sign-in', method: 'fax', outcome: 'could-not' })).status,
    ).toBe(400);
    const foreign = await call('POST', '/api/feedback', general, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
  });

  it('takes a signed-in citizen’s feedback only with the session’s CSRF token', async () => {
    const citizen = { cookie: session.cookie, csrfToken: session.csrfToken };
    const flow = { kind: 'flow', flow: 'registry-submission', helpful: false, message: 'Lento' };
    expect((await call('POST', '/api/feedback', flow, { as: citizen })).status).toBe(201);
    const noToken = await call('POST', '/api/feedback', flow, { as: { ...citizen, csrfToken: 'wrong' } });
    expect(noToken.status).toBe(403);
  });

  it('answers a robot (honeypot filled) as usual and stores nothing', async () => {
    const before = adminFeedbackListSchema.parse(
      await (await call('GET', '/api/admin/feedback', undefined, { as: maintainer })).json(),
    ).items.length;
    const robot = await call('POST', '/api/feedback', { ...general, website: 'http://spam.example' });
    expect(robot.status).toBe(201);
    expect(feedbackReceiptSchema.parse(await robot.json()).reference).toMatch(/^OPN-/);
    const after = adminFeedbackListSchema.parse(
      await (await call('GET', '/api/admin/feedback', undefined, { as: maintainer })).json(),
    ).items.length;
    expect(after).toBe(before);
  });

  it('gives an accessibility request its reference and answer date (20 working days)', async () => {
    const response = await call('POST', '/api/feedback/accessibility', {
      page: '/notifications',
      problem: HOSTILE,
      email: '',
    });
    expect(response.status).toBe(201);
    const receipt = accessibilityReceiptSchema.parse(await response.json());
    expect(receipt.answerBy).toBe('2027-01-07');
    expect(receipt.reference).toMatch(/^ACC-/);
    const bad = await call('POST', '/api/feedback/accessibility', {
      page: '/x',
      problem: 'p',
      email: 'not-mail',
    });
    expect(bad.status).toBe(400);
    const list = adminAccessibilityListSchema.parse(
      await (await call('GET', '/api/admin/accessibility', undefined, { as: maintainer })).json(),
    );
    expect(list.items).toEqual([
      expect.objectContaining({
        reference: receipt.reference,
        answerBy: '2027-01-07',
        overdue: false,
        email: null,
      }),
    ]);
  });

  it('refuses the maintainers’ routes to citizens (403) and to visitors (401)', async () => {
    const citizen = { cookie: session.cookie, csrfToken: session.csrfToken };
    expect((await call('GET', '/api/admin/feedback', undefined, { as: citizen })).status).toBe(403);
    expect((await call('GET', '/api/admin/accessibility', undefined, { as: citizen })).status).toBe(403);
    const status = await call('PUT', '/api/admin/roadmap/app/status', { status: 'done' }, { as: citizen });
    expect(status.status).toBe(403);
    const link = await call('POST', '/api/admin/roadmap/app/links', { feedbackId }, { as: citizen });
    expect(link.status).toBe(403);
    expect((await call('GET', '/api/admin/feedback')).status).toBe(401);
  });

  it('names the maintainers’ page only in a maintainer’s manifest', async () => {
    const citizen = { cookie: session.cookie, csrfToken: session.csrfToken };
    const ids = async (as: Who) => {
      const response = await call('GET', '/mfes.json', undefined, { as });
      expect(response.status).toBe(200);
      return ((await response.json()) as { mfes: { id: string }[] }).mfes.map((entry) => entry.id);
    };
    expect(await ids(maintainer)).toContain('roadmap-admin');
    expect(await ids(citizen)).not.toContain('roadmap-admin');
    expect(await ids(citizen)).toContain('roadmap');
    expect(await ids(null)).not.toContain('roadmap-admin');
    const served = await (await call('GET', '/mfes.json', undefined, { as: maintainer })).text();
    expect(served).not.toContain('"roles"');
  });

  it('lets the maintainer link feedback and change a status, which the public roadmap shows', async () => {
    const link = await call('POST', '/api/admin/roadmap/alerts/links', { feedbackId }, { as: maintainer });
    expect(link.status).toBe(201);
    const status = await call(
      'PUT',
      '/api/admin/roadmap/alerts/status',
      { status: 'in-progress' },
      {
        as: maintainer,
      },
    );
    expect(status.status).toBe(200);
    expect(
      (await call('PUT', '/api/admin/roadmap/nope/status', { status: 'done' }, { as: maintainer })).status,
    ).toBe(404);
    expect(
      (await call('PUT', '/api/admin/roadmap/app/status', { status: 'later' }, { as: maintainer })).status,
    ).toBe(400);
    const roadmap = roadmapSchema.parse(await (await call('GET', '/api/roadmap')).json());
    expect(roadmap.items.find((item) => item.id === 'alerts')).toMatchObject({
      status: 'in-progress',
      comments: 1,
    });
    const list = adminFeedbackListSchema.parse(
      await (await call('GET', '/api/admin/feedback', undefined, { as: maintainer })).json(),
    );
    expect(list.items.find((item) => item.id === feedbackId)?.items).toEqual(['alerts']);
    const audit = await session.database.audit.list({ citizenNif: MAINTAINER });
    expect(audit.map((row) => row.kind)).toEqual(
      expect.arrayContaining(['roadmap-status-changed', 'roadmap-feedback-linked']),
    );
  });

  it('flags an unanswered request once its answer date has passed (Madrid)', async () => {
    // Sent on Monday 2 November 2026: answer by Monday 30 November.
    clock = new Date('2026-11-02T10:00:00Z');
    const sent = await call('POST', '/api/feedback/accessibility', { page: '/files', problem: 'Sin foco' });
    expect(accessibilityReceiptSchema.parse(await sent.json()).answerBy).toBe('2026-11-30');
    const overdue = async () =>
      adminAccessibilityListSchema
        .parse(await (await call('GET', '/api/admin/accessibility', undefined, { as: maintainer })).json())
        .items.find((item) => item.answerBy === '2026-11-30')?.overdue;
    clock = new Date('2026-11-30T22:59:00Z'); // 23:59 on the answer date in Madrid: still in time
    expect(await overdue()).toBe(false);
    clock = new Date('2026-11-30T23:00:00Z'); // 00:00 on 1 December in Madrid
    expect(await overdue()).toBe(true);
    // Answered (late, but answered): no longer overdue, and only once.
    const list = adminAccessibilityListSchema.parse(
      await (await call('GET', '/api/admin/accessibility', undefined, { as: maintainer })).json(),
    );
    const reference = list.items.find((item) => item.answerBy === '2026-11-30')?.reference ?? '';
    const citizen = { cookie: session.cookie, csrfToken: session.csrfToken };
    expect(
      (await call('POST', `/api/admin/accessibility/${reference}/answered`, undefined, { as: citizen }))
        .status,
    ).toBe(403);
    expect(
      (await call('POST', `/api/admin/accessibility/${reference}/answered`, undefined, { as: maintainer }))
        .status,
    ).toBe(200);
    expect(
      (await call('POST', `/api/admin/accessibility/${reference}/answered`, undefined, { as: maintainer }))
        .status,
    ).toBe(404);
    expect(await overdue()).toBe(false);
    const audit = await session.database.audit.list({
      citizenNif: MAINTAINER,
      kind: 'accessibility-request-answered',
    });
    expect(audit[0]?.detail).toMatchObject({ reference });
    clock = NOW;
  });

  it('limits each client’s forms per hour (429)', async () => {
    const statuses: number[] = [];
    for (let index = 0; index < RATE + 1; index++) {
      statuses.push((await call('POST', '/api/feedback', { ...general, message: `m${index}` })).status);
    }
    expect(statuses.at(-1)).toBe(429);
    // The roadmap is read by anyone, limits or not.
    expect((await call('GET', '/api/roadmap')).status).toBe(200);
  });
});
