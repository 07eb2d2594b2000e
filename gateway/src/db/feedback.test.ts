import { expect, it } from 'vitest';
import { createFeedbackStore } from './feedback.ts';
import { describeEachDatabase } from './testing.ts';

const AT = new Date('2026-12-04T10:00:00.000Z');
const HOSTILE = '<img src=x onerror=alert(1)> \u202Eevil\u202C "; drop table feedback; --';

describeEachDatabase('feedback store', (getDb) => {
  it('starts the roadmap with its items, none with comments', async () => {
    const items = await createFeedbackStore(getDb().db).roadmap();
    expect(items.map((item) => item.id)).toEqual([
      'alerts',
      'app',
      'company-profile',
      'feedback',
      'assistant',
      'languages',
    ]);
    expect(items.every((item) => item.comments === 0)).toBe(true);
    expect(items[0]?.title.eu).toBe('Abisuak posta elektronikoz eta SMS bidez');
  });

  it('stores feedback as text, links it to items (once) and counts the links', async () => {
    const store = createFeedbackStore(getDb().db);
    const first = await store.record(
      { kind: 'general', rating: 'satisfied', method: null, flow: null, message: HOSTILE, language: 'es' },
      AT,
    );
    const second = await store.record(
      { kind: 'sign-in', rating: 'could-not', method: 'clave-pin', flow: null, message: '', language: 'ca' },
      new Date(AT.getTime() + 1000),
    );
    expect(first.reference).toMatch(/^OPN-[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(await store.link('alerts', first.id, AT)).toBe('linked');
    expect(await store.link('alerts', first.id, AT)).toBe('linked');
    expect(await store.link('alerts', second.id, AT)).toBe('linked');
    expect(await store.link('app', second.id, AT)).toBe('linked');
    expect(await store.link('nope', second.id, AT)).toBe('no-item');
    expect(await store.link('app', '00000000-0000-0000-0000-000000000000', AT)).toBe('no-feedback');
    const list = await store.list();
    expect(list.map((item) => item.id)).toEqual([second.id, first.id]);
    expect(list[1]?.message).toBe(HOSTILE);
    expect(list[0]?.items).toEqual(['alerts', 'app']);
    const roadmap = await store.roadmap();
    expect(roadmap.find((item) => item.id === 'alerts')?.comments).toBe(2);
    expect(roadmap.find((item) => item.id === 'app')?.comments).toBe(1);
  });

  it('changes an item’s status', async () => {
    const store = createFeedbackStore(getDb().db);
    expect(await store.setStatus('app', 'planned', AT)).toBe(true);
    expect(await store.setStatus('nope', 'planned', AT)).toBe(false);
    expect((await store.roadmap()).find((item) => item.id === 'app')?.status).toBe('planned');
  });

  it('keeps accessibility requests with their answer date, unanswered first by date', async () => {
    const store = createFeedbackStore(getDb().db);
    const late = await store.recordAccessibility(
      { page: '/notifications', problem: HOSTILE, email: null, language: 'es', answerBy: '2027-01-07' },
      AT,
    );
    const early = await store.recordAccessibility(
      {
        page: '/files',
        problem: 'Contraste',
        email: 'ana@example.org',
        language: 'en',
        answerBy: '2026-12-31',
      },
      AT,
    );
    expect(late.reference).toMatch(/^ACC-/);
    const list = await store.listAccessibility();
    expect(list.map((item) => [item.reference, item.answerBy, item.email])).toEqual([
      [early.reference, '2026-12-31', 'ana@example.org'],
      [late.reference, '2027-01-07', null],
    ]);
    expect(list[1]?.problem).toBe(HOSTILE);
  });
});
