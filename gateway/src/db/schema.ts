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
  /** Migration 0007: the role the identity provider vouched for; null for citizens. */
  role: Generated<'maintainer' | null>;
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

export interface ProofsTable {
  /** The secure verification code (CSV) printed on the proof. */
  code: string;
  kind: string;
  subject_nif: string;
  /** What the proof is about, e.g. a notification's portal id. */
  reference: string;
  /** SHA-256 (hex) of the exact document issued. */
  sha256: string;
  content_type: string;
  document: Uint8Array;
  issued_at: Date;
}

export interface NotificationActsTable {
  id: Generated<string | number>;
  notification_id: string;
  source: string;
  act: 'accept' | 'reject';
  /** Who acted (the signed-in person). */
  actor_nif: string;
  /** Whose notification it is (the actor, or whom they act for). */
  subject_nif: string;
  /** When the portal carried out the act. */
  at: Date;
  /** When the agency records it (its own clock), when it says. */
  agency_at: Date | null;
  ip: string | null;
  user_agent: string | null;
  document_sha256: string | null;
  receipt_code: string;
}

export interface FolderPinsTable {
  citizen_nif: string;
  target: string;
  label: string;
  pinned_at: Date;
}

export interface MyDataOppositionsTable {
  id: string;
  subject_nif: string;
  record_id: string;
  data_type: string;
  data_title: string;
  administration_dir3: string | null;
  administration_name: string | null;
  reason: string;
  created_at: Date;
  withdrawn_at: Date | null;
}

export interface RegistrySubmissionsTable {
  id: string;
  subject_nif: string;
  actor_nif: string;
  idempotency_key: string;
  request_hash: string;
  body_dir3: string;
  body_name: string;
  subject: string;
  facts: string;
  request: string;
  applicant_name: string;
  representative_name: string | null;
  attachments: JSONColumnType<StoredAttachment[]>;
  status: 'pending' | 'registered' | 'forwarded' | 'received' | 'rejected';
  number: string | null;
  registered_at: Date | null;
  history: JSONColumnType<StoredRegistryEvent[]>;
  submitted_at: Date;
  updated_at: Date;
  sending_until: Date | null;
}

export interface StoredAttachment {
  name: string;
  size: number;
  type: string;
  sha256: string;
}

export interface StoredRegistryEvent {
  status: string;
  at: string;
  description: string | null;
}

export interface RegistrySubmissionFilesTable {
  submission_id: string;
  position: number;
  content: Uint8Array;
}

export interface AssistantTicketsTable {
  id: string;
  reference: string;
  subject_nif: string;
  actor_nif: string;
  category: string;
  administration: string;
  tried: string;
  error_seen: string;
  language: string;
  status: 'open' | 'in-progress' | 'resolved' | 'closed';
  created_at: Date;
  updated_at: Date;
  /** A maintainer's answer (migration 0010); null until the ticket is answered. */
  answer: string | null;
  answered_at: Date | null;
  answered_by: string | null;
}

export interface AssistantFeedbackTable {
  id: string;
  intent: string;
  language: string;
  helpful: boolean;
  created_at: Date;
}

export interface AssistantUnrecognisedTable {
  id: string;
  text: string;
  language: string;
  best_intent: string | null;
  confidence: number;
  created_at: Date;
  reviewed: Generated<boolean>;
}

export interface FeedbackTable {
  id: string;
  reference: string;
  kind: 'general' | 'sign-in' | 'flow';
  rating: string;
  method: string | null;
  flow: string | null;
  message: string;
  language: string;
  created_at: Date;
}

export interface RoadmapItemsTable {
  id: string;
  title: JSONColumnType<Record<string, string>>;
  summary: JSONColumnType<Record<string, string>>;
  status: 'considering' | 'planned' | 'in-progress' | 'done';
  position: number;
  updated_at: Date;
}

export interface RoadmapLinksTable {
  item_id: string;
  feedback_id: string;
  linked_at: Date;
}

export interface AccessibilityRequestsTable {
  id: string;
  reference: string;
  page: string;
  problem: string;
  email: string | null;
  language: string;
  created_at: Date;
  /** A `date`: written as "YYYY-MM-DD", read back with to_char (drivers differ on dates). */
  answer_by: string;
  answered_at: Date | null;
}

export interface AlertCitizensTable {
  subject_nif: string;
  language: string;
  updated_at: Date;
}

export interface AlertPreferencesTable {
  subject_nif: string;
  event: string;
  channel: string;
  enabled: boolean;
  updated_at: Date;
}

export interface AlertContactsTable {
  subject_nif: string;
  kind: 'email' | 'phone';
  value: string;
  verified_at: Date | null;
  code_hash: string | null;
  code_expires_at: Date | null;
  attempts_left: Generated<number>;
  last_sent_at: Date | null;
  sends_window_start: Date | null;
  sends_in_window: Generated<number>;
  created_at: Date;
}

export interface AlertChangesTable {
  /** bigint identity: pg answers a string, PGlite a number. */
  id: Generated<string | number>;
  subject_nif: string;
  actor_nif: string;
  action: string;
  detail: string;
  at: Date;
}

export interface AlertDeliveriesTable {
  id: string;
  subject_nif: string;
  event: string;
  item_key: string;
  channel: string;
  link: string;
  status: 'pending' | 'sending' | 'sent' | 'failed' | 'skipped';
  attempts: Generated<number>;
  next_attempt_at: Date;
  claimed_by: string | null;
  claimed_until: Date | null;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
}

export interface AlertInboxTable {
  id: string;
  delivery_id: string;
  subject_nif: string;
  event: string;
  link: string;
  created_at: Date;
  read_at: Date | null;
}

export interface DatabaseSchema {
  sessions: SessionsTable;
  audit_events: AuditEventsTable;
  login_throttle: LoginThrottleTable;
  login_transactions: LoginTransactionsTable;
  rate_limits: RateLimitsTable;
  idempotency_keys: IdempotencyKeysTable;
  proofs: ProofsTable;
  notification_acts: NotificationActsTable;
  folder_pins: FolderPinsTable;
  my_data_oppositions: MyDataOppositionsTable;
  registry_submissions: RegistrySubmissionsTable;
  registry_submission_files: RegistrySubmissionFilesTable;
  assistant_tickets: AssistantTicketsTable;
  assistant_feedback: AssistantFeedbackTable;
  assistant_unrecognised: AssistantUnrecognisedTable;
  feedback: FeedbackTable;
  roadmap_items: RoadmapItemsTable;
  roadmap_links: RoadmapLinksTable;
  accessibility_requests: AccessibilityRequestsTable;
  alert_citizens: AlertCitizensTable;
  alert_preferences: AlertPreferencesTable;
  alert_contacts: AlertContactsTable;
  alert_changes: AlertChangesTable;
  alert_deliveries: AlertDeliveriesTable;
  alert_inbox: AlertInboxTable;
}
