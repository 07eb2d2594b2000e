import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { createAlertScheduler } from './scheduler.ts';
import type { DueAlertFinder } from './due.ts';
import { createAlertStore } from '../db/alerts.ts';
import { IN_MEMORY, openDatabase } from '../db/index.ts';

export interface AlertsBenchResult {
  engine: string;
  citizens: number;
  planned: number;
  seconds: number;
  perSecond: number;
  /** A second run over the same data: everything already planned, nothing inserted. */
  replanSeconds: number;
}

/**
 * The scheduler's planning throughput: `citizens` simulated citizens, each with two enabled
 * channels (e-mail, verified, and the portal) for "notification about to expire", and one such
 * notification each. The agencies' answers are simulated in memory (what is measured is the
 * scheduler and the database: reading the citizens page by page, working out the deliveries,
 * inserting them once), on the embedded database unless DATABASE_URL is set.
 */
export async function runAlertsBench(citizens = 100_000): Promise<AlertsBenchResult> {
  const database = await openDatabase(
    process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dataDir: IN_MEMORY },
  );
  try {
    const { db } = database;
    const at = new Date();
    await sql`insert into alert_preferences (subject_nif, event, channel, enabled, updated_at)
      select 'B' || lpad(n::text, 8, '0'), 'notification-expiring', c, true, ${at}
      from generate_series(1, ${citizens}) n, unnest(array['email', 'portal']) c`.execute(db);
    await sql`insert into alert_contacts (subject_nif, kind, value, verified_at, created_at)
      select 'B' || lpad(n::text, 8, '0'), 'email', 'c' || n || '@example.test', ${at}, ${at}
      from generate_series(1, ${citizens}) n`.execute(db);
    const findDue: DueAlertFinder = async (subject, events) =>
      events.has('notification-expiring')
        ? [{ event: 'notification-expiring', itemKey: `dehu:N-${subject}` }]
        : [];
    const scheduler = createAlertScheduler({
      store: createAlertStore(db),
      findDue,
      channels: [],
      portalOrigin: 'http://127.0.0.1:4000',
      pageSize: 1000,
      concurrency: 50,
    });
    const started = performance.now();
    const { planned } = await scheduler.plan();
    const seconds = (performance.now() - started) / 1000;
    const again = performance.now();
    const replanned = await scheduler.plan();
    if (replanned.planned !== 0) throw new Error('planning twice inserted deliveries again');
    return {
      engine: database.kind,
      citizens,
      planned,
      seconds,
      perSecond: planned / seconds,
      replanSeconds: (performance.now() - again) / 1000,
    };
  } finally {
    await database.close();
  }
}

export function printAlertsResults(result: AlertsBenchResult): void {
  console.log(
    `\nAlerts scheduler (${result.engine}): ${result.citizens.toLocaleString('en')} citizens, ` +
      `${result.planned.toLocaleString('en')} deliveries planned in ${result.seconds.toFixed(1)} s ` +
      `= ${Math.round(result.perSecond).toLocaleString('en')} alerts planned/s; ` +
      `a second run (nothing new) took ${result.replanSeconds.toFixed(1)} s`,
  );
}
