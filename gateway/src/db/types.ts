// The portal's own records, as the rest of the gateway sees them. Every store is async, takes and
// returns `Date`s for instants, and runs only parameterised queries (see the implementations next to
// this file). Storage details (tables, columns) live in schema.ts and the migrations.

/** eIDAS level of assurance of a sign-in. */
export type Loa = 'low' | 'substantial' | 'high';

export interface CitizenIdentity {
  nif: string;
  givenName: string;
  surnames: string;
  displayName: string;
  documentType: 'NIF' | 'NIE' | 'CIF';
}

/** The person or company the citizen acts for, under a registered power of attorney. */
export interface ActingFor {
  nif: string;
  displayName: string;
  kind: 'person' | 'company';
  powerId: string;
  powerKind: string;
  validUntil: string | null;
}

export interface PreviousAccess {
  at: string;
  method: string;
  loa: Loa;
}

export interface SessionRecord {
  /** The caller passes sha256(cookie secret) in hex; the raw secret is never stored. */
  id: string;
  citizen: CitizenIdentity;
  loa: Loa;
  /** e.g. 'clave-movil', 'clave-pin', 'clave-permanente', 'certificate', 'dnie'. */
  method: string;
  actingFor: ActingFor | null;
  csrfToken: string;
  idToken: string | null;
  previousAccess: PreviousAccess | null;
  createdAt: Date;
  lastSeenAt: Date;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
  /** What the identity provider vouched for beyond the person: `maintainer`, or none (a citizen). */
  role?: 'maintainer' | null;
}

export interface SessionStore {
  /** Throws if a session with this id already exists. */
  create(record: SessionRecord): Promise<void>;
  /** null when missing or expired (idle or absolute) at `now`. */
  get(id: string, now: Date): Promise<SessionRecord | null>;
  /**
   * Extends idle expiry to min(now + idleMs, absoluteExpiresAt) and sets lastSeenAt; returns the
   * updated record, or null if missing or expired. One UPDATE ... RETURNING.
   */
  touch(id: string, now: Date, idleMs: number): Promise<SessionRecord | null>;
  setActingFor(id: string, actingFor: ActingFor | null): Promise<void>;
  /** Deletes the session (expired or not) and returns what it was; null if there was none. */
  delete(id: string): Promise<SessionRecord | null>;
  /** Deletes every session expired (idle or absolute) at `now`; returns how many. */
  deleteExpired(now: Date): Promise<number>;
}

export type AuditKind =
  | 'sign-in'
  | 'sign-in-failed'
  | 'sign-out'
  | 'session-expired'
  | 'acting-for'
  | 'acting-for-ended'
  | 'step-up'
  | 'appointment-booked'
  | 'appointment-cancelled'
  | 'appointment-rescheduled'
  | 'pin-added'
  | 'pin-removed'
  | 'census-certificate-requested'
  | 'power-granted'
  | 'power-accepted'
  | 'power-renounced'
  | 'power-revoked'
  | 'power-extended'
  | 'registry-submitted'
  | 'health-card-replacement'
  | 'assistant-ticket-filed'
  | 'assistant-ticket-answered'
  | 'roadmap-status-changed'
  | 'roadmap-feedback-linked'
  | 'accessibility-request-answered';

export interface AuditEvent {
  kind: AuditKind;
  at: Date;
  citizenNif: string | null;
  method: string | null;
  loa: Loa | null;
  ip: string | null;
  userAgent: string | null;
  detail: Record<string, string | number | boolean | null>;
}

export interface AuditStore {
  record(event: AuditEvent): Promise<void>;
  /** The most recent 'sign-in' of this citizen strictly before `before` (null if none). */
  lastSignIn(nif: string, before: Date): Promise<{ at: Date; method: string; loa: Loa } | null>;
  /** Newest first; `limit` defaults to 100 and is capped at 1000. */
  list(filter: {
    citizenNif?: string;
    kind?: AuditKind;
    limit?: number;
  }): Promise<(AuditEvent & { id: string })[]>;
}

export interface ThrottleStore {
  /**
   * Adds one failure for `key` in a fixed window of windowMs starting at the first failure; returns
   * the count in the current window. Atomic (INSERT ... ON CONFLICT DO UPDATE), safe across replicas.
   */
  fail(key: string, now: Date, windowMs: number): Promise<number>;
  /** Failures in the current (unexpired) window for key, 0 if none. */
  failures(key: string, now: Date): Promise<number>;
  reset(key: string): Promise<void>;
}

/** What the gateway keeps between sending the browser to the identity provider and its callback. */
export interface LoginTransaction {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  acrValues: string | null;
  language: string | null;
  createdAt: Date;
  expiresAt: Date;
}

export interface LoginTransactionStore {
  /** Throws if a transaction with this state already exists. */
  create(tx: LoginTransaction): Promise<void>;
  /** Single use: deletes and returns it (DELETE ... RETURNING); null if unknown, already used or expired. */
  take(state: string, now: Date): Promise<LoginTransaction | null>;
}

/** Shared counters for @fastify/rate-limit (fixed window). */
export interface RateLimitStore {
  incr(key: string, now: Date, windowMs: number): Promise<{ current: number; resetAt: Date }>;
}

export type IdempotencyBegin =
  | { state: 'new' }
  | { state: 'replay'; status: number; body: string }
  | { state: 'in-progress' }
  | { state: 'mismatch' };

export interface IdempotencyStore {
  /**
   * scope = citizen (and acting-for) + route; key = the Idempotency-Key header. 'mismatch' when the
   * same key came with a different request hash.
   */
  begin(scope: string, key: string, requestHash: string, now: Date): Promise<IdempotencyBegin>;
  complete(scope: string, key: string, status: number, body: string): Promise<void>;
  /** Forget an in-progress key (the write failed before completing). */
  abandon(scope: string, key: string): Promise<void>;
}
