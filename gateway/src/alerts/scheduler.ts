import { randomUUID } from 'node:crypto';
import { ALERT_LINKS, type AlertChannelKind, CHANNEL_CONTACT } from '@carpeta/sdk/alerts';
import type { AlertCitizen, AlertStore, DeliveryRecord, PlannedDelivery } from '../db/alerts.ts';
import { type AlertChannel, type AlertMessage, channelMap } from './channels.ts';
import type { DueAlertFinder } from './due.ts';
import { composeAlert } from './messages.ts';

export interface SchedulerLogger {
  info(o: object, m: string): void;
  warn(o: object, m: string): void;
  error(o: object, m: string): void;
}

export interface AlertSchedulerOptions {
  store: AlertStore;
  findDue: DueAlertFinder;
  channels: readonly AlertChannel[];
  /** The portal's origin, for the links in messages. */
  portalOrigin: string;
  now?: () => Date;
  /** This scheduler's name in the claims (default: a random one per instance). */
  worker?: string;
  /** Milliseconds between runs when started (default 60 s). */
  intervalMs?: number;
  /** Citizens read per page while planning (default 200). */
  pageSize?: number;
  /** Citizens whose due alerts are looked for at once (default 8). */
  concurrency?: number;
  /** Deliveries claimed per batch (default 50). */
  claimLimit?: number;
  /** How long a claim holds before another scheduler may take the delivery over (default 2 min). */
  leaseMs?: number;
  /** Tries of a delivery before it is failed for good (default 5). */
  maxAttempts?: number;
  /** First retry after this many milliseconds, doubling each time (default 30 s). */
  retryDelayMs?: number;
  logger?: SchedulerLogger;
}

export interface RunReport {
  citizens: number;
  planned: number;
  sent: number;
  failed: number;
  retried: number;
  skipped: number;
}

export interface AlertScheduler {
  readonly worker: string;
  /** Looks for due alerts of every citizen with an enabled preference; inserts new deliveries. */
  plan(): Promise<{ citizens: number; planned: number }>;
  /** Claims and sends due deliveries until none is left. */
  dispatch(): Promise<Omit<RunReport, 'citizens' | 'planned'>>;
  /** plan, then dispatch. Runs never overlap within one scheduler. */
  runOnce(): Promise<RunReport>;
  start(): void;
  stop(): Promise<void>;
}

const NEEDS_CONTACT = (channel: AlertChannelKind) => CHANNEL_CONTACT[channel];

/**
 * The alerts scheduler. Every replica of the gateway may run one on the same database: planning
 * inserts each (citizen, event, item, channel) once (the table's UNIQUE constraint; a repeat is
 * `ON CONFLICT DO NOTHING`), and sending claims rows with `FOR UPDATE SKIP LOCKED`, so an alert goes
 * out once whatever the number of schedulers or restarts. A scheduler that dies while sending lets
 * its claim run out (`leaseMs`) and another takes the delivery over: a message handed over just
 * before a crash may then go out a second time (at least once, never lost).
 */
export function createAlertScheduler(options: AlertSchedulerOptions): AlertScheduler {
  const now = options.now ?? (() => new Date());
  const worker = options.worker ?? `scheduler-${randomUUID()}`;
  const channels = channelMap(options.channels);
  const pageSize = options.pageSize ?? 200;
  const concurrency = options.concurrency ?? 8;
  const claimLimit = options.claimLimit ?? 50;
  const leaseMs = options.leaseMs ?? 120_000;
  const maxAttempts = options.maxAttempts ?? 5;
  const retryDelayMs = options.retryDelayMs ?? 30_000;
  const origin = options.portalOrigin.replace(/\/+$/, '');
  const { store, logger } = options;

  function deliveriesFor(citizen: AlertCitizen, due: Awaited<ReturnType<DueAlertFinder>>): PlannedDelivery[] {
    const out: PlannedDelivery[] = [];
    for (const alert of due) {
      for (const channel of citizen.enabled.get(alert.event) ?? []) {
        const contact = NEEDS_CONTACT(channel);
        // A contact point is used only once verified: until then nothing is planned for it.
        if (contact && !citizen.contacts[contact]) continue;
        out.push({
          subjectId: citizen.subjectId,
          event: alert.event,
          itemKey: alert.itemKey,
          channel,
          link: ALERT_LINKS[alert.event],
        });
      }
    }
    return out;
  }

  async function plan() {
    let after = '';
    let citizens = 0;
    let planned = 0;
    const at = now();
    for (;;) {
      const page = await store.citizensWithAlerts(after, pageSize);
      if (page.length === 0) break;
      citizens += page.length;
      after = page[page.length - 1]?.subjectId ?? after;
      const wanted: PlannedDelivery[] = [];
      for (let start = 0; start < page.length; start += concurrency) {
        const group = page.slice(start, start + concurrency);
        const found = await Promise.all(
          group.map((citizen) =>
            options
              .findDue(citizen.subjectId, new Set(citizen.enabled.keys()), at)
              .catch((error: unknown) => {
                logger?.warn({ err: error }, 'alerts: due alerts of a citizen could not be read');
                return [];
              }),
          ),
        );
        for (const [index, citizen] of group.entries())
          wanted.push(...deliveriesFor(citizen, found[index] ?? []));
      }
      if (wanted.length > 0) planned += await store.plan(wanted, at);
      if (page.length < pageSize) break;
    }
    return { citizens, planned };
  }

  async function deliver(delivery: DeliveryRecord, citizens: Map<string, Promise<AlertCitizen | null>>) {
    const channel = channels.get(delivery.channel);
    if (!channel) {
      await store.markSkipped(delivery.id, worker, `no adapter for the ${delivery.channel} channel`);
      return 'skipped' as const;
    }
    let citizen = citizens.get(delivery.subjectId);
    if (!citizen) {
      citizen = store.citizen(delivery.subjectId);
      citizens.set(delivery.subjectId, citizen);
    }
    const info = await citizen;
    if (!info || !(info.enabled.get(delivery.event) ?? []).includes(delivery.channel)) {
      await store.markSkipped(delivery.id, worker, 'the citizen turned this alert off');
      return 'skipped' as const;
    }
    const contactKind = NEEDS_CONTACT(delivery.channel);
    const to = contactKind ? (info?.contacts[contactKind] ?? null) : null;
    if (contactKind && !to) {
      await store.markSkipped(delivery.id, worker, 'no verified contact point');
      return 'skipped' as const;
    }
    const language = info?.language ?? 'es';
    const url = `${origin}${delivery.link}`;
    const texts = composeAlert(language, delivery.event, url);
    const message: AlertMessage = {
      purpose: 'alert',
      event: delivery.event,
      deliveryId: delivery.id,
      subjectId: delivery.subjectId,
      to,
      language,
      subject: texts.subject,
      text: texts.text,
      short: texts.short,
      path: delivery.link,
      url,
    };
    try {
      await channel.send(message);
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      const retry = delivery.attempts < maxAttempts;
      const retryAt = retry ? new Date(now().getTime() + retryDelayMs * 2 ** (delivery.attempts - 1)) : null;
      await store.markFailed(delivery.id, worker, text, retryAt);
      logger?.warn(
        { delivery: delivery.id, channel: delivery.channel, attempts: delivery.attempts, retry },
        'alerts: a delivery failed',
      );
      return retry ? ('retried' as const) : ('failed' as const);
    }
    await store.markSent(delivery.id, worker, now());
    return 'sent' as const;
  }

  async function dispatch() {
    const counts = { sent: 0, failed: 0, retried: 0, skipped: 0 };
    const citizens = new Map<string, Promise<AlertCitizen | null>>();
    for (;;) {
      const claimed = await store.claim(worker, now(), claimLimit, leaseMs);
      if (claimed.length === 0) break;
      for (let start = 0; start < claimed.length; start += concurrency) {
        const outcomes = await Promise.all(
          claimed.slice(start, start + concurrency).map((delivery) => deliver(delivery, citizens)),
        );
        for (const outcome of outcomes) counts[outcome] += 1;
      }
      if (claimed.length < claimLimit) break;
    }
    return counts;
  }

  let running: Promise<RunReport> | null = null;
  async function run(): Promise<RunReport> {
    const planned = await plan();
    const sent = await dispatch();
    return { ...planned, ...sent };
  }
  function runOnce(): Promise<RunReport> {
    if (!running) {
      running = run().finally(() => {
        running = null;
      });
    }
    return running;
  }

  let timer: NodeJS.Timeout | null = null;
  return {
    worker,
    plan,
    dispatch,
    runOnce,
    start() {
      if (timer) return;
      const tick = () => {
        runOnce().then(
          (report) => {
            if (report.planned + report.sent + report.failed > 0) logger?.info({ ...report }, 'alerts: run');
          },
          (error: unknown) => logger?.error({ err: error }, 'alerts: the run failed'),
        );
      };
      timer = setInterval(tick, options.intervalMs ?? 60_000);
      timer.unref();
      tick();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
  };
}
