import type { AlertEventKind } from '@carpeta/sdk/alerts';
import { expect, it } from 'vitest';
import { type AlertStore, createAlertStore } from '../db/alerts.ts';
import { openDatabase, type PortalDatabase } from '../db/index.ts';
import { describeEachDatabase } from '../db/testing.ts';
import { type AlertChannel, type AlertMessage, createPortalChannel } from './channels.ts';
import type { DueAlertFinder } from './due.ts';
import { createAlertScheduler } from './scheduler.ts';

const T0 = new Date('2026-12-04T09:00:00.000Z');
const MARIA = '12345678Z';
const CARMEN = '23456781R';

/** A channel that records what it is given, failing the first `failures` sends. */
function recorder(channel: AlertChannel['channel'], failures = 0) {
  const sent: AlertMessage[] = [];
  let toFail = failures;
  return {
    sent,
    adapter: {
      channel,
      async send(message: AlertMessage) {
        // Yield, so that racing schedulers interleave for real.
        await new Promise((resolve) => setTimeout(resolve, 1));
        if (toFail > 0) {
          toFail -= 1;
          throw new Error('the server said no');
        }
        sent.push(message);
      },
    } satisfies AlertChannel,
  };
}

async function verifiedEmail(store: AlertStore, subject: string, address: string, at: Date) {
  const sent = await store.addContact(subject, subject, 'email', address, at);
  if (sent.state !== 'sent') throw new Error(`no code: ${sent.state}`);
  const verified = await store.verify(subject, subject, 'email', sent.code, at);
  expect(verified.state).toBe('verified');
}

describeEachDatabase('alerts scheduler', (getDb, context) => {
  const due: Record<string, Array<{ event: AlertEventKind; itemKey: string }>> = {
    [MARIA]: [
      { event: 'notification-expiring', itemKey: 'dehu:N-1' },
      { event: 'notification-expiring', itemKey: 'dehu:N-2' },
      { event: 'appointment-reminder', itemKey: 'dgp:C-1@2026-12-05T09:00:00Z' },
    ],
    [CARMEN]: [{ event: 'notification-expiring', itemKey: 'dehu:N-9' }],
  };
  const calls: string[] = [];
  const findDue: DueAlertFinder = async (subject, events) => {
    calls.push(subject);
    return (due[subject] ?? []).filter((alert) => events.has(alert.event));
  };

  it('finds due alerts for citizens with an enabled preference and sends each on its channels', async () => {
    const store = createAlertStore(getDb().db);
    await store.setLanguage(MARIA, 'en', T0);
    await store.setPreferences(
      MARIA,
      MARIA,
      [
        { event: 'notification-expiring', channel: 'email', enabled: true },
        { event: 'notification-expiring', channel: 'portal', enabled: true },
        { event: 'appointment-reminder', channel: 'sms', enabled: true },
      ],
      T0,
    );
    // SMS is enabled, but no phone is verified: nothing is planned for it.
    await verifiedEmail(store, MARIA, 'maria@example.test', T0);
    const email = recorder('email');
    const sms = recorder('sms');
    const scheduler = createAlertScheduler({
      store,
      findDue,
      channels: [email.adapter, createPortalChannel(store, () => T0), sms.adapter],
      portalOrigin: 'https://carpeta.test',
      now: () => T0,
    });
    const report = await scheduler.runOnce();
    expect(calls).toEqual([MARIA]); // Carmen enabled nothing: never looked at.
    expect(report).toMatchObject({ citizens: 1, planned: 4, sent: 4, failed: 0 });
    expect(email.sent.map((message) => message.to)).toEqual(['maria@example.test', 'maria@example.test']);
    expect(sms.sent).toEqual([]);
    const first = email.sent[0];
    expect(first?.subject).toBe('A notification of yours expires soon');
    expect(first?.text).toContain('https://carpeta.test/notifications');
    // Never the item: no id, no subject of the notification.
    expect(first?.text).not.toContain('N-1');
    const inbox = await store.inbox(MARIA);
    expect(inbox.unread).toBe(2);
    expect(inbox.items.map((item) => [item.event, item.link])).toEqual([
      ['notification-expiring', '/notifications'],
      ['notification-expiring', '/notifications'],
    ]);
    // Marked read by its owner only.
    const id = inbox.items[0]?.id ?? '';
    expect(await store.markRead(CARMEN, id, T0)).toBe(false);
    expect(await store.markRead(MARIA, id, T0)).toBe(true);
    expect((await store.inbox(MARIA)).unread).toBe(1);
  });

  it('sends nothing twice when two schedulers race on the same database', async () => {
    const db = getDb();
    const store = createAlertStore(db.db);
    await store.setPreferences(
      CARMEN,
      CARMEN,
      [{ event: 'notification-expiring', channel: 'portal', enabled: true }],
      T0,
    );
    for (let index = 0; index < 40; index++)
      due[CARMEN]?.push({ event: 'notification-expiring', itemKey: `dehu:R-${index}` });
    // On PostgreSQL the second scheduler is another gateway with its own connections.
    const other: PortalDatabase = context.engine === 'postgres' ? await openDatabase(context.options) : db;
    try {
      const a = recorder('portal');
      const b = recorder('portal');
      const options = {
        findDue,
        portalOrigin: 'https://carpeta.test',
        now: () => T0,
        claimLimit: 5,
        concurrency: 2,
      };
      const one = createAlertScheduler({ ...options, store, channels: [a.adapter] });
      const two = createAlertScheduler({
        ...options,
        store: createAlertStore(other.db),
        channels: [b.adapter],
      });
      const [r1, r2] = await Promise.all([one.runOnce(), two.runOnce()]);
      const delivered = [...a.sent, ...b.sent].filter((message) => message.subjectId === CARMEN);
      expect(delivered).toHaveLength(41);
      expect(new Set(delivered.map((message) => message.deliveryId)).size).toBe(41);
      expect(r1.planned + r2.planned).toBe(41);
      const rows = await store.deliveries(CARMEN);
      expect(rows.filter((row) => row.status === 'sent')).toHaveLength(41);
    } finally {
      if (other !== db) await other.close();
    }
  });

  it('sends nothing again after a restart (a new scheduler on the same database)', async () => {
    const store = createAlertStore(getDb().db);
    const email = recorder('email');
    const portal = recorder('portal');
    const again = createAlertScheduler({
      store,
      findDue,
      channels: [email.adapter, portal.adapter],
      portalOrigin: 'https://carpeta.test',
      now: () => new Date(T0.getTime() + 60_000),
    });
    const report = await again.runOnce();
    expect(report).toMatchObject({ planned: 0, sent: 0 });
    expect(email.sent).toEqual([]);
    expect(portal.sent).toEqual([]);
  });

  it('retries a failed delivery later, and gives up after the last try', async () => {
    const store = createAlertStore(getDb().db);
    const subject = '45678912S';
    due[subject] = [
      { event: 'ticket-answered', itemKey: 'ADA-1' },
      { event: 'notification-new', itemKey: 'dehu:P-1' },
    ];
    await store.setPreferences(
      subject,
      subject,
      [
        { event: 'ticket-answered', channel: 'email', enabled: true },
        { event: 'notification-new', channel: 'push', enabled: true },
      ],
      T0,
    );
    await verifiedEmail(store, subject, 'javier@example.test', T0);
    let clock = T0;
    const flaky = recorder('email', 1);
    const make = (adapter: AlertChannel, maxAttempts = 5) =>
      createAlertScheduler({
        store,
        findDue,
        channels: [adapter],
        portalOrigin: 'https://carpeta.test',
        now: () => clock,
        retryDelayMs: 1000,
        maxAttempts,
      });
    const first = await make(flaky.adapter).runOnce();
    // The push delivery has no adapter: skipped (documented), not retried.
    expect(first).toMatchObject({ planned: 2, sent: 0, retried: 1, skipped: 1 });
    expect((await make(flaky.adapter).runOnce()).sent).toBe(0); // not due yet
    clock = new Date(T0.getTime() + 1500);
    expect((await make(flaky.adapter).runOnce()).sent).toBe(1);
    expect(flaky.sent.map((message) => message.event)).toEqual(['ticket-answered']);
    const rows = await store.deliveries(subject);
    expect(rows.map((row) => [row.channel, row.status, row.attempts])).toEqual(
      expect.arrayContaining([
        ['email', 'sent', 2],
        ['push', 'skipped', 1],
      ]),
    );

    due[subject]?.push({ event: 'ticket-answered', itemKey: 'ADA-2' });
    const broken = recorder('email', 99);
    expect((await make(broken.adapter, 2).runOnce()).retried).toBe(1);
    clock = new Date(clock.getTime() + 5000);
    expect((await make(broken.adapter, 2).runOnce()).failed).toBe(1);
    const failed = (await store.deliveries(subject)).find((row) => row.itemKey === 'ADA-2');
    expect(failed).toMatchObject({ status: 'failed', attempts: 2 });
  });

  it('takes over a claim that ran out (a scheduler died while sending)', async () => {
    const store = createAlertStore(getDb().db);
    const subject = 'X1234567L';
    due[subject] = [{ event: 'document-expiring', itemKey: 'dgp:DNI@2027-01-10' }];
    await store.setPreferences(
      subject,
      subject,
      [{ event: 'document-expiring', channel: 'portal', enabled: true }],
      T0,
    );
    const dead = createAlertScheduler({
      store,
      findDue,
      channels: [],
      portalOrigin: 'https://x.test',
      now: () => T0,
    });
    await dead.plan();
    expect(await store.claim(dead.worker, T0, 10, 60_000)).toHaveLength(1);
    const portal = recorder('portal');
    const later = (at: number) =>
      createAlertScheduler({
        store,
        findDue,
        channels: [portal.adapter],
        portalOrigin: 'https://x.test',
        now: () => new Date(T0.getTime() + at),
      });
    expect((await later(30_000).dispatch()).sent).toBe(0);
    expect((await later(61_000).dispatch()).sent).toBe(1);
    expect(await store.markSent((await store.deliveries(subject))[0]?.id ?? '', dead.worker, T0)).toBe(false);
  });
});
