import { randomBytes, randomInt, randomUUID, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import {
  ALERT_CHANNELS,
  ALERT_EVENT_KINDS,
  type AlertChange,
  type AlertChannelKind,
  type AlertEventKind,
  type AlertPreference,
  type ContactKind,
  type ContactPoint,
  maskContact,
  type PortalAlert,
  VERIFICATION_CODE_MINUTES,
  VERIFICATION_MAX_ATTEMPTS,
  VERIFICATION_RESEND_SECONDS,
  VERIFICATION_SENDS_PER_HOUR,
} from '@carpeta/sdk/alerts';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '@carpeta/sdk';
import { type Kysely, sql } from 'kysely';
import type { AlertDeliveriesTable, DatabaseSchema } from './schema.ts';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;

/** "salt:hash" (hex) of a verification code: the code itself is never stored. */
export async function hashCode(code: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(code, salt, 32);
  return `${salt.toString('hex')}:${hash.toString('hex')}`;
}

export async function codeMatches(code: string, stored: string): Promise<boolean> {
  const [saltHex, hashHex] = stored.split(':');
  if (!saltHex || !hashHex) return false;
  const expected = Buffer.from(hashHex, 'hex');
  const actual = await scryptAsync(code, Buffer.from(saltHex, 'hex'), expected.length);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Six random digits (leading zeros kept). */
export function newVerificationCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

export type SendCodeResult =
  | { state: 'sent'; code: string; contact: ContactPoint }
  | { state: 'already-verified'; contact: ContactPoint }
  | { state: 'too-soon'; retryAfterSeconds: number }
  | { state: 'not-found' };

export type VerifyResult =
  | { state: 'verified'; contact: ContactPoint }
  | { state: 'wrong'; attemptsLeft: number }
  | { state: 'expired' }
  | { state: 'no-code' }
  | { state: 'not-found' };

export interface AlertSettingsRecord {
  preferences: AlertPreference[];
  contacts: ContactPoint[];
  language: Language;
}

/** One row of the deliveries table, as the scheduler handles it. */
export interface DeliveryRecord {
  id: string;
  subjectId: string;
  event: AlertEventKind;
  itemKey: string;
  channel: AlertChannelKind;
  link: string;
  attempts: number;
}

/** A delivery the planner wants: inserted once, whoever plans it again. */
export interface PlannedDelivery {
  subjectId: string;
  event: AlertEventKind;
  itemKey: string;
  channel: AlertChannelKind;
  link: string;
}

/** A citizen the scheduler looks at: what they enabled, their language and verified contacts. */
export interface AlertCitizen {
  subjectId: string;
  language: Language;
  /** Enabled channels per event. */
  enabled: Map<AlertEventKind, AlertChannelKind[]>;
  /** Verified contact points only. */
  contacts: Partial<Record<ContactKind, string>>;
}

export interface AlertStore {
  settings(subjectId: string, now: Date): Promise<AlertSettingsRecord>;
  setLanguage(subjectId: string, language: Language, now: Date): Promise<void>;
  /** Stores the given pairs; records what changed. Answers the settings after. */
  setPreferences(
    subjectId: string,
    actorId: string,
    preferences: readonly AlertPreference[],
    now: Date,
  ): Promise<AlertSettingsRecord>;
  /** A new (or changed) address or number: unverified, with a new code (rate-limited). */
  addContact(
    subjectId: string,
    actorId: string,
    kind: ContactKind,
    value: string,
    now: Date,
  ): Promise<SendCodeResult>;
  resendCode(subjectId: string, actorId: string, kind: ContactKind, now: Date): Promise<SendCodeResult>;
  verify(
    subjectId: string,
    actorId: string,
    kind: ContactKind,
    code: string,
    now: Date,
  ): Promise<VerifyResult>;
  removeContact(subjectId: string, actorId: string, kind: ContactKind, now: Date): Promise<boolean>;
  /** Newest first. */
  changes(subjectId: string, limit?: number): Promise<AlertChange[]>;
  inbox(subjectId: string, limit?: number): Promise<{ items: PortalAlert[]; unread: number }>;
  /** false when the citizen has no such alert (another citizen's is not theirs). */
  markRead(subjectId: string, id: string, now: Date): Promise<boolean>;
  /** The portal channel: keeps the alert in the citizen's list (once per delivery). */
  addToInbox(delivery: DeliveryRecord, now: Date): Promise<void>;

  // The scheduler's side.
  /** Citizens with at least one enabled preference, after `afterSubjectId`, in order. */
  citizensWithAlerts(afterSubjectId: string, limit: number): Promise<AlertCitizen[]>;
  /** One citizen as the scheduler sees them (null: nothing enabled). */
  citizen(subjectId: string): Promise<AlertCitizen | null>;
  /** Inserts the deliveries not planned before (the UNIQUE constraint decides); answers how many were new. */
  plan(deliveries: readonly PlannedDelivery[], now: Date): Promise<number>;
  /**
   * Claims up to `limit` due deliveries for `worker` until `now + leaseMs`: pending ones whose time
   * has come and claims that ran out (a scheduler that died). `FOR UPDATE SKIP LOCKED`: two
   * schedulers never claim the same row.
   */
  claim(worker: string, now: Date, limit: number, leaseMs: number): Promise<DeliveryRecord[]>;
  /** Only while `worker` holds the claim. */
  markSent(id: string, worker: string, now: Date): Promise<boolean>;
  markSkipped(id: string, worker: string, reason: string): Promise<boolean>;
  /** Back to pending at `retryAt`, or failed for good when `retryAt` is null. */
  markFailed(id: string, worker: string, error: string, retryAt: Date | null): Promise<boolean>;
  /** For tests and health: deliveries by status. */
  deliveries(subjectId?: string): Promise<Array<DeliveryRecord & { status: AlertDeliveriesTable['status'] }>>;
}

const toIso = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

function contactOf(row: {
  kind: ContactKind;
  value: string;
  verified_at: Date | null;
  code_hash: string | null;
  code_expires_at: Date | null;
  attempts_left: number;
  last_sent_at: Date | null;
}): ContactPoint {
  const pending =
    row.verified_at === null && row.code_hash !== null && row.code_expires_at !== null
      ? {
          expiresAt: toIso(row.code_expires_at) ?? '',
          attemptsLeft: row.attempts_left,
          resendAfter: new Date(
            new Date(row.last_sent_at ?? row.code_expires_at).getTime() + VERIFICATION_RESEND_SECONDS * 1000,
          ).toISOString(),
        }
      : null;
  return {
    kind: row.kind,
    value: row.value,
    verified: row.verified_at !== null,
    verifiedAt: toIso(row.verified_at),
    pending,
  };
}

const CHANNEL_SET: ReadonlySet<string> = new Set(ALERT_CHANNELS);
const EVENT_SET: ReadonlySet<string> = new Set(ALERT_EVENT_KINDS);

/** The alerts centre's records (parameterised queries only; the same SQL on PGlite and PostgreSQL). */
export function createAlertStore(db: Kysely<DatabaseSchema>): AlertStore {
  async function record(
    subjectId: string,
    actorId: string,
    action: AlertChange['action'],
    detail: string,
    at: Date,
  ) {
    await db
      .insertInto('alert_changes')
      .values({ subject_nif: subjectId, actor_nif: actorId, action, detail: detail.slice(0, 500), at })
      .execute();
  }

  async function contactRow(subjectId: string, kind: ContactKind) {
    return db
      .selectFrom('alert_contacts')
      .selectAll()
      .where('subject_nif', '=', subjectId)
      .where('kind', '=', kind)
      .executeTakeFirst();
  }

  /** A new code for the contact when the limits allow it (30 s apart, 5 an hour). */
  async function issueCode(
    subjectId: string,
    actorId: string,
    kind: ContactKind,
    now: Date,
  ): Promise<SendCodeResult> {
    const row = await contactRow(subjectId, kind);
    if (!row) return { state: 'not-found' };
    if (row.verified_at !== null) return { state: 'already-verified', contact: contactOf(row) };
    const code = newVerificationCode();
    const hash = await hashCode(code);
    const hourAgo = new Date(now.getTime() - 3_600_000);
    const soonest = new Date(now.getTime() - VERIFICATION_RESEND_SECONDS * 1000);
    // One statement decides, so two requests at once cannot both pass the limits.
    const updated = await db
      .updateTable('alert_contacts')
      .set({
        code_hash: hash,
        code_expires_at: new Date(now.getTime() + VERIFICATION_CODE_MINUTES * 60_000),
        attempts_left: VERIFICATION_MAX_ATTEMPTS,
        last_sent_at: now,
        sends_window_start: sql`case when sends_window_start is null or sends_window_start <= ${hourAgo} then ${now} else sends_window_start end`,
        sends_in_window: sql`case when sends_window_start is null or sends_window_start <= ${hourAgo} then 1 else sends_in_window + 1 end`,
      })
      .where('subject_nif', '=', subjectId)
      .where('kind', '=', kind)
      .where('verified_at', 'is', null)
      .where((eb) => eb.or([eb('last_sent_at', 'is', null), eb('last_sent_at', '<=', soonest)]))
      .where((eb) =>
        eb.or([
          eb('sends_window_start', 'is', null),
          eb('sends_window_start', '<=', hourAgo),
          eb('sends_in_window', '<', VERIFICATION_SENDS_PER_HOUR),
        ]),
      )
      .returningAll()
      .executeTakeFirst();
    if (!updated) {
      const last = row.last_sent_at ? new Date(row.last_sent_at).getTime() : 0;
      const windowStart = row.sends_window_start ? new Date(row.sends_window_start).getTime() : 0;
      const waitResend = last + VERIFICATION_RESEND_SECONDS * 1000 - now.getTime();
      const waitWindow =
        row.sends_in_window >= VERIFICATION_SENDS_PER_HOUR ? windowStart + 3_600_000 - now.getTime() : 0;
      return {
        state: 'too-soon',
        retryAfterSeconds: Math.max(1, Math.ceil(Math.max(waitResend, waitWindow) / 1000)),
      };
    }
    await record(subjectId, actorId, 'code-sent', `${kind}: ${maskContact(kind, updated.value)}`, now);
    return { state: 'sent', code, contact: contactOf(updated) };
  }

  async function loadCitizens(ids: string[]): Promise<AlertCitizen[]> {
    if (ids.length === 0) return [];
    const [prefs, contacts, languages] = await Promise.all([
      db
        .selectFrom('alert_preferences')
        .select(['subject_nif', 'event', 'channel'])
        .where('subject_nif', 'in', ids)
        .where('enabled', '=', true)
        .execute(),
      db
        .selectFrom('alert_contacts')
        .select(['subject_nif', 'kind', 'value'])
        .where('subject_nif', 'in', ids)
        .where('verified_at', 'is not', null)
        .execute(),
      db
        .selectFrom('alert_citizens')
        .select(['subject_nif', 'language'])
        .where('subject_nif', 'in', ids)
        .execute(),
    ]);
    const byId = new Map<string, AlertCitizen>(
      ids.map((subjectId) => [
        subjectId,
        { subjectId, language: DEFAULT_LANGUAGE, enabled: new Map(), contacts: {} },
      ]),
    );
    for (const row of prefs) {
      const citizen = byId.get(row.subject_nif);
      if (!citizen || !EVENT_SET.has(row.event) || !CHANNEL_SET.has(row.channel)) continue;
      const event = row.event as AlertEventKind;
      const list = citizen.enabled.get(event) ?? [];
      list.push(row.channel as AlertChannelKind);
      citizen.enabled.set(event, list);
    }
    for (const row of contacts) {
      const citizen = byId.get(row.subject_nif);
      if (citizen) citizen.contacts[row.kind] = row.value;
    }
    for (const row of languages) {
      const citizen = byId.get(row.subject_nif);
      if (citizen && isLanguage(row.language)) citizen.language = row.language;
    }
    return [...byId.values()];
  }

  return {
    async settings(subjectId) {
      const [prefs, contacts, citizen] = await Promise.all([
        db
          .selectFrom('alert_preferences')
          .select(['event', 'channel', 'enabled'])
          .where('subject_nif', '=', subjectId)
          .execute(),
        db
          .selectFrom('alert_contacts')
          .selectAll()
          .where('subject_nif', '=', subjectId)
          .orderBy('kind')
          .execute(),
        db
          .selectFrom('alert_citizens')
          .select('language')
          .where('subject_nif', '=', subjectId)
          .executeTakeFirst(),
      ]);
      const stored = new Map(prefs.map((row) => [`${row.event}\u0000${row.channel}`, row.enabled]));
      const preferences: AlertPreference[] = [];
      for (const event of ALERT_EVENT_KINDS) {
        for (const channel of ALERT_CHANNELS) {
          preferences.push({ event, channel, enabled: stored.get(`${event}\u0000${channel}`) ?? false });
        }
      }
      return {
        preferences,
        contacts: contacts.map(contactOf),
        language: citizen && isLanguage(citizen.language) ? citizen.language : DEFAULT_LANGUAGE,
      };
    },

    async setLanguage(subjectId, language, now) {
      await db
        .insertInto('alert_citizens')
        .values({ subject_nif: subjectId, language, updated_at: now })
        .onConflict((oc) => oc.column('subject_nif').doUpdateSet({ language, updated_at: now }))
        .execute();
    },

    async setPreferences(subjectId, actorId, preferences, now) {
      const before = await this.settings(subjectId, now);
      const current = new Map(before.preferences.map((p) => [`${p.event}\u0000${p.channel}`, p.enabled]));
      const changed = preferences.filter((p) => current.get(`${p.event}\u0000${p.channel}`) !== p.enabled);
      if (changed.length > 0) {
        await db
          .insertInto('alert_preferences')
          .values(
            changed.map((p) => ({
              subject_nif: subjectId,
              event: p.event,
              channel: p.channel,
              enabled: p.enabled,
              updated_at: now,
            })),
          )
          .onConflict((oc) =>
            oc.columns(['subject_nif', 'event', 'channel']).doUpdateSet((eb) => ({
              enabled: eb.ref('excluded.enabled'),
              updated_at: eb.ref('excluded.updated_at'),
            })),
          )
          .execute();
        const detail = changed.map((p) => `${p.event} ${p.channel} ${p.enabled ? 'on' : 'off'}`).join(', ');
        await record(subjectId, actorId, 'preferences-changed', detail, now);
      }
      return this.settings(subjectId, now);
    },

    async addContact(subjectId, actorId, kind, value, now) {
      const existing = await contactRow(subjectId, kind);
      if (existing && existing.value === value && existing.verified_at !== null) {
        return { state: 'already-verified', contact: contactOf(existing) };
      }
      if (!existing || existing.value !== value) {
        await db
          .insertInto('alert_contacts')
          .values({ subject_nif: subjectId, kind, value, verified_at: null, created_at: now })
          .onConflict((oc) =>
            oc.columns(['subject_nif', 'kind']).doUpdateSet({
              value,
              verified_at: null,
              code_hash: null,
              code_expires_at: null,
              attempts_left: 0,
              created_at: now,
            }),
          )
          .execute();
        await record(subjectId, actorId, 'contact-added', `${kind}: ${maskContact(kind, value)}`, now);
      }
      return issueCode(subjectId, actorId, kind, now);
    },

    resendCode(subjectId, actorId, kind, now) {
      return issueCode(subjectId, actorId, kind, now);
    },

    async verify(subjectId, actorId, kind, code, now) {
      const row = await contactRow(subjectId, kind);
      if (!row) return { state: 'not-found' };
      if (row.verified_at !== null) return { state: 'verified', contact: contactOf(row) };
      if (row.code_hash === null || row.code_expires_at === null) return { state: 'no-code' };
      if (new Date(row.code_expires_at).getTime() <= now.getTime()) return { state: 'expired' };
      // A try is spent before the code is compared: parallel guesses cannot exceed the limit.
      const spent = await db
        .updateTable('alert_contacts')
        .set({ attempts_left: sql`attempts_left - 1` })
        .where('subject_nif', '=', subjectId)
        .where('kind', '=', kind)
        .where('code_hash', '=', row.code_hash)
        .where('attempts_left', '>', 0)
        .returning('attempts_left')
        .executeTakeFirst();
      if (!spent) return { state: 'no-code' };
      if (!(await codeMatches(code, row.code_hash))) {
        if (spent.attempts_left === 0) {
          await db
            .updateTable('alert_contacts')
            .set({ code_hash: null, code_expires_at: null })
            .where('subject_nif', '=', subjectId)
            .where('kind', '=', kind)
            .where('code_hash', '=', row.code_hash)
            .execute();
        }
        await record(subjectId, actorId, 'code-failed', `${kind}: ${maskContact(kind, row.value)}`, now);
        return { state: 'wrong', attemptsLeft: spent.attempts_left };
      }
      const verified = await db
        .updateTable('alert_contacts')
        .set({ verified_at: now, code_hash: null, code_expires_at: null, attempts_left: 0 })
        .where('subject_nif', '=', subjectId)
        .where('kind', '=', kind)
        .where('code_hash', '=', row.code_hash)
        .returningAll()
        .executeTakeFirst();
      if (!verified) return { state: 'no-code' };
      await record(
        subjectId,
        actorId,
        'contact-verified',
        `${kind}: ${maskContact(kind, verified.value)}`,
        now,
      );
      return { state: 'verified', contact: contactOf(verified) };
    },

    async removeContact(subjectId, actorId, kind, now) {
      const removed = await db
        .deleteFrom('alert_contacts')
        .where('subject_nif', '=', subjectId)
        .where('kind', '=', kind)
        .returning('value')
        .executeTakeFirst();
      if (!removed) return false;
      await record(
        subjectId,
        actorId,
        'contact-removed',
        `${kind}: ${maskContact(kind, removed.value)}`,
        now,
      );
      return true;
    },

    async changes(subjectId, limit = 100) {
      const rows = await db
        .selectFrom('alert_changes')
        .selectAll()
        .where('subject_nif', '=', subjectId)
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((row) => ({
        id: String(row.id),
        at: new Date(row.at).toISOString(),
        action: row.action as AlertChange['action'],
        detail: row.detail,
        actor: row.actor_nif,
      }));
    },

    async inbox(subjectId, limit = 50) {
      const [rows, unread] = await Promise.all([
        db
          .selectFrom('alert_inbox')
          .selectAll()
          .where('subject_nif', '=', subjectId)
          .orderBy('created_at', 'desc')
          .limit(limit)
          .execute(),
        db
          .selectFrom('alert_inbox')
          .select((eb) => eb.fn.countAll<string | number>().as('count'))
          .where('subject_nif', '=', subjectId)
          .where('read_at', 'is', null)
          .executeTakeFirstOrThrow(),
      ]);
      return {
        items: rows.map((row) => ({
          id: row.id,
          event: row.event as AlertEventKind,
          link: row.link,
          createdAt: new Date(row.created_at).toISOString(),
          readAt: toIso(row.read_at),
        })),
        unread: Number(unread.count),
      };
    },

    async markRead(subjectId, id, now) {
      if (!/^[0-9a-f-]{36}$/.test(id)) return false;
      const row = await db
        .updateTable('alert_inbox')
        .set({ read_at: sql`coalesce(read_at, ${now})` })
        .where('id', '=', id)
        .where('subject_nif', '=', subjectId)
        .returning('id')
        .executeTakeFirst();
      return row !== undefined;
    },

    async addToInbox(delivery, now) {
      await db
        .insertInto('alert_inbox')
        .values({
          id: randomUUID(),
          delivery_id: delivery.id,
          subject_nif: delivery.subjectId,
          event: delivery.event,
          link: delivery.link,
          created_at: now,
          read_at: null,
        })
        .onConflict((oc) => oc.column('delivery_id').doNothing())
        .execute();
    },

    async citizensWithAlerts(afterSubjectId, limit) {
      const subjects = await db
        .selectFrom('alert_preferences')
        .select('subject_nif')
        .distinct()
        .where('enabled', '=', true)
        .where('subject_nif', '>', afterSubjectId)
        .orderBy('subject_nif')
        .limit(limit)
        .execute();
      return loadCitizens(subjects.map((row) => row.subject_nif));
    },

    async citizen(subjectId) {
      const [found] = await loadCitizens([subjectId]);
      return found && found.enabled.size > 0 ? found : null;
    },

    async plan(deliveries, now) {
      let planned = 0;
      for (let start = 0; start < deliveries.length; start += 500) {
        const batch = deliveries.slice(start, start + 500);
        const rows = await db
          .insertInto('alert_deliveries')
          .values(
            batch.map((d) => ({
              id: randomUUID(),
              subject_nif: d.subjectId,
              event: d.event,
              item_key: d.itemKey,
              channel: d.channel,
              link: d.link,
              status: 'pending' as const,
              next_attempt_at: now,
              created_at: now,
              claimed_by: null,
              claimed_until: null,
              last_error: null,
              sent_at: null,
            })),
          )
          .onConflict((oc) => oc.columns(['subject_nif', 'event', 'item_key', 'channel']).doNothing())
          .returning('id')
          .execute();
        planned += rows.length;
      }
      return planned;
    },

    async claim(worker, now, limit, leaseMs) {
      const until = new Date(now.getTime() + leaseMs);
      const rows = await db
        .updateTable('alert_deliveries')
        .set({ status: 'sending', claimed_by: worker, claimed_until: until, attempts: sql`attempts + 1` })
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('alert_deliveries')
            .select('id')
            .where((w) =>
              w.or([
                w.and([w('status', '=', 'pending'), w('next_attempt_at', '<=', now)]),
                w.and([w('status', '=', 'sending'), w('claimed_until', '<', now)]),
              ]),
            )
            .orderBy('next_attempt_at')
            .limit(limit)
            .forUpdate()
            .skipLocked(),
        )
        .returningAll()
        .execute();
      return rows.map((row) => ({
        id: row.id,
        subjectId: row.subject_nif,
        event: row.event as AlertEventKind,
        itemKey: row.item_key,
        channel: row.channel as AlertChannelKind,
        link: row.link,
        attempts: row.attempts,
      }));
    },

    async markSent(id, worker, now) {
      const row = await db
        .updateTable('alert_deliveries')
        .set({ status: 'sent', sent_at: now, claimed_until: null, last_error: null })
        .where('id', '=', id)
        .where('claimed_by', '=', worker)
        .where('status', '=', 'sending')
        .returning('id')
        .executeTakeFirst();
      return row !== undefined;
    },

    async markSkipped(id, worker, reason) {
      const row = await db
        .updateTable('alert_deliveries')
        .set({ status: 'skipped', claimed_until: null, last_error: reason.slice(0, 500) })
        .where('id', '=', id)
        .where('claimed_by', '=', worker)
        .where('status', '=', 'sending')
        .returning('id')
        .executeTakeFirst();
      return row !== undefined;
    },

    async markFailed(id, worker, error, retryAt) {
      const row = await db
        .updateTable('alert_deliveries')
        .set({
          status: retryAt ? 'pending' : 'failed',
          next_attempt_at: retryAt ?? sql`next_attempt_at`,
          claimed_until: null,
          last_error: error.slice(0, 500),
        })
        .where('id', '=', id)
        .where('claimed_by', '=', worker)
        .where('status', '=', 'sending')
        .returning('id')
        .executeTakeFirst();
      return row !== undefined;
    },

    async deliveries(subjectId) {
      let query = db
        .selectFrom('alert_deliveries')
        .selectAll()
        .orderBy('created_at')
        .orderBy('item_key')
        .orderBy('channel');
      if (subjectId !== undefined) query = query.where('subject_nif', '=', subjectId);
      const rows = await query.execute();
      return rows.map((row) => ({
        id: row.id,
        subjectId: row.subject_nif,
        event: row.event as AlertEventKind,
        itemKey: row.item_key,
        channel: row.channel as AlertChannelKind,
        link: row.link,
        attempts: row.attempts,
        status: row.status,
      }));
    },
  };
}
