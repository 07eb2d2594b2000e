import type { Generated, JSONColumnType } from 'kysely';
import type { ActingFor, CitizenIdentity, Loa, PreviousAccess } from './types.ts';

// Tables as the queries see them (the migrations create them). JSON columns are written as JSON text
// and read back parsed, which behaves the same on PostgreSQL (pg) and PGlite.

export interface SessionsTable {
  id: string;
  citizen_nif: string;
  citizen: JSONColumnType<CitizenIdentity>;
  loa: Loa;
  method: string;
  acting_for: JSONColumnType<ActingFor | null, string | null, string | null>;
  csrf_token: string;
  id_token: string | null;
  previous_access: JSONColumnType<PreviousAccess | null, string | null, string | null>;
  created_at: Date;
  last_seen_at: Date;
  idle_expires_at: Date;
  absolute_expires_at: Date;
}

export interface AuditEventsTable {
  /** bigint identity: pg answers a string, PGlite a number; the store answers a string. */
  id: Generated<string | number>;
  kind: string;
  at: Date;
  citizen_nif: string | null;
  method: string | null;
  loa: Loa | null;
  ip: string | null;
  user_agent: string | null;
  detail: JSONColumnType<Record<string, string | number | boolean | null>>;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_ends_at: Date;
}

export interface LoginTransactionsTable {
  state: string;
  nonce: string;
  code_verifier: string;
  return_to: string;
  acr_values: string | null;
  language: string | null;
  created_at: Date;
  expires_at: Date;
}

export interface RateLimitsTable {
  key: string;
  current: number;
  reset_at: Date;
}

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  request_hash: string;
  /** null while the first request is in progress. */
  status: number | null;
  body: string | null;
  created_at: Date;
  /** An in-progress key older than this is taken as abandoned (its process died). */
  lock_expires_at: Date;
  /** After this the key is forgotten. */
  expires_at: Date;
}

export interface FolderPinsTable {
  citizen_nif: string;
  target: string;
  label: string;
  pinned_at: Date;
}

export interface DatabaseSchema {
  sessions: SessionsTable;
  audit_events: AuditEventsTable;
  login_throttle: LoginThrottleTable;
  login_transactions: LoginTransactionsTable;
  rate_limits: RateLimitsTable;
  idempotency_keys: IdempotencyKeysTable;
  folder_pins: FolderPinsTable;
}
