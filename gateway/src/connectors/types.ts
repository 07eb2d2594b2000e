import type { Notification, SourceStatus } from '@carpeta/sdk';

/** Why an agency could not give a usable answer (never a 500 for the citizen). */
export type AgencyFailure = 'timeout' | 'unavailable' | 'invalid-response';

export interface NotificationListResult {
  items: Notification[];
  /** How the agency answered, safe to show. */
  status: SourceStatus;
}

export type NotificationGetResult =
  | { ok: true; item: Notification; status: SourceStatus }
  | { ok: false; reason: 'not-found' | AgencyFailure; status: SourceStatus };

/**
 * One configured source of notifications. One connector type (e.g. DEHú-like) can have many
 * instances (one per platform or municipality), each with its own id, name, URL and timeout.
 * Connectors never throw for agency failures: they answer with a status.
 */
export interface NotificationConnector {
  /** Portal-wide source id, the prefix of every item id ("dehu" → "dehu:N-2026-000123"). */
  readonly id: string;
  readonly name: string;
  list(citizenId: string): Promise<NotificationListResult>;
  /** `agencyId` is the part of the portal id after "<source>:". */
  get(citizenId: string, agencyId: string): Promise<NotificationGetResult>;
}
