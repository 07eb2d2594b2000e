import { expect, it } from 'vitest';
import { createAssistantStore, newTicketReference } from './assistant.ts';
import { describeEachDatabase } from './testing.ts';

const AT = new Date('2030-06-01T10:00:00.000Z');
const ticket = (subjectNif: string) => ({
  subjectNif,
  actorNif: subjectNif,
  category: 'notifications',
  administration: 'Agencia Tributaria',
  tried: 'Abrir una notificación',
  errorSeen: 'Error 500 <script>alert(1)</script>',
  language: 'es',
});

it('references are ADA- and 8 unambiguous characters', () => {
  const references = new Set(Array.from({ length: 200 }, newTicketReference));
  expect(references.size).toBe(200);
  for (const reference of references) expect(reference).toMatch(/^ADA-[0-9A-HJKMNP-TV-Z]{8}$/);
});

describeEachDatabase('assistant store', (getDb) => {
  it('files tickets per citizen: another citizen sees none of them', async () => {
    const store = createAssistantStore(getDb().db);
    const first = await store.fileTicket(ticket('A'), AT);
    const second = await store.fileTicket(ticket('A'), new Date(AT.getTime() + 1000));
    expect(first.status).toBe('open');
    expect(first.errorSeen).toBe('Error 500 <script>alert(1)</script>');
    expect((await store.listTickets('A')).map((item) => item.reference)).toEqual([
      second.reference,
      first.reference,
    ]);
    expect(await store.listTickets('B')).toEqual([]);
    expect(await store.ticket('B', first.reference)).toBeNull();
    expect((await store.ticket('A', first.reference))?.id).toBe(first.id);
  });

  it('keeps feedback counts and unrecognised questions', async () => {
    const store = createAssistantStore(getDb().db);
    await store.recordFeedback({ intent: 'login.help', language: 'es', helpful: true }, AT);
    await store.recordFeedback({ intent: 'login.help', language: 'ca', helpful: false }, AT);
    await store.recordFeedback({ intent: 'login.help', language: 'en', helpful: true }, AT);
    expect(await store.feedbackCounts()).toEqual([{ intent: 'login.help', helpful: 2, unhelpful: 1 }]);
    await store.recordUnrecognised(
      { text: 'quiero un [id]', language: 'es', bestIntent: null, confidence: 0.2 },
      AT,
    );
    expect(await store.unrecognised()).toEqual([
      { text: 'quiero un [id]', language: 'es', bestIntent: null },
    ]);
  });
});
