import { expect, it } from 'vitest';
import { createAssistantStore, newTicketReference } from './assistant.ts';
import { createFolderDueAlerts } from '../alerts/due.ts';
import type { Folder } from '../agencies/fan-out.ts';
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

  it('a ticket is answered once, even by two maintainers at the same moment, and then alerts its citizen', async () => {
    const db = getDb().db;
    const store = createAssistantStore(db);
    const filed = await store.fileTicket(ticket('C'), AT);
    // Only the portal's database is read for this event: the folder's sources are never asked.
    const folder: Folder = {
      list: () => Promise.reject(new Error('the folder is not asked for tickets')),
    } as unknown as Folder;
    const due = createFolderDueAlerts({ folder, db });
    const answered = (await due('C', new Set(['ticket-answered']), AT)).filter(
      (alert) => alert.itemKey === filed.reference,
    );
    expect(answered).toEqual([]);

    const later = new Date(AT.getTime() + 60_000);
    const results = await Promise.all([
      store.answerTicket(filed.reference, 'Primera respuesta', 'M1', later),
      store.answerTicket(filed.reference, 'Segunda respuesta', 'M2', later),
    ]);
    expect(results.filter((result) => result === 'already-answered')).toHaveLength(1);
    const kept = results.find((result) => typeof result === 'object');
    expect(kept && typeof kept === 'object' ? kept.answered.status : null).toBe('resolved');
    const mine = await store.ticket('C', filed.reference);
    expect(mine?.answer).toBe(kept && typeof kept === 'object' ? kept.answered.answer : 'none');
    expect(mine?.answeredAt?.toISOString()).toBe(later.toISOString());
    expect(await store.answerTicket('ADA-00000000', 'Nada', 'M1', later)).toBe('no-ticket');

    expect(await due('C', new Set(['ticket-answered']), later)).toContainEqual({
      event: 'ticket-answered',
      itemKey: filed.reference,
    });
    const list = await store.ticketsToAnswer();
    expect(list.at(-1)?.reference).toBe(filed.reference);
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
