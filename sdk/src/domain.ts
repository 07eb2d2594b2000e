import { z } from 'zod/mini';
import { API_ERROR_CODES } from './errors.ts';

/** Every agency is identified by a stable id in the portal and, where it has one, a DIR3 code. */
export const issuerSchema = z.object({
  dir3: z.string().check(z.regex(/^[A-Z0-9]{9}$/, 'a DIR3 code')),
  name: z.string().check(z.minLength(1), z.maxLength(300)),
});
export type Issuer = z.infer<typeof issuerSchema>;

/**
 * Law 39/2015 arts. 41 and 43: a notification is pending until the citizen accesses it (accepted)
 * or rejects it; 10 calendar days after it was made available without access it is deemed rejected
 * (expired). A "communication" is informative and does not expire.
 */
export const NOTIFICATION_STATUSES = ['pending', 'accepted', 'rejected', 'expired'] as const;
export const notificationStatusSchema = z.enum(NOTIFICATION_STATUSES);
export type NotificationStatus = z.infer<typeof notificationStatusSchema>;

export const NOTIFICATION_EXPIRY_DAYS = 10;

export const notificationSchema = z.object({
  /** Portal-wide id: "<source>:<agency id>". */
  id: z.string().check(z.regex(/^[a-z0-9-]+:[A-Za-z0-9._-]+$/)),
  source: z.string().check(z.minLength(1)),
  kind: z.enum(['notification', 'communication']),
  issuer: issuerSchema,
  subject: z.string().check(z.minLength(1), z.maxLength(500)),
  /** Procedure the notification belongs to, as the agency names it. */
  procedure: z.nullable(z.string().check(z.maxLength(300))),
  /** File (expediente) reference, when the agency gives one. */
  fileReference: z.nullable(z.string().check(z.maxLength(100))),
  status: notificationStatusSchema,
  /** ISO 8601 instant it was made available at the citizen's electronic address. */
  availableAt: z.iso.datetime({ offset: true }),
  /** ISO 8601 instant after which an unopened notification is deemed rejected; null for communications. */
  expiresAt: z.nullable(z.iso.datetime({ offset: true })),
  /** ISO 8601 instant the citizen accessed or rejected it. */
  respondedAt: z.nullable(z.iso.datetime({ offset: true })),
  urgent: z.boolean(),
});
export type Notification = z.infer<typeof notificationSchema>;

/** How one source (agency) answered an aggregated request. */
export const sourceStatusSchema = z.object({
  source: z.string(),
  name: z.string(),
  status: z.enum(['ok', 'timeout', 'unavailable', 'invalid-response']),
  /** Human-readable, safe to show; never a stack trace. */
  message: z.optional(z.string()),
});
export type SourceStatus = z.infer<typeof sourceStatusSchema>;

export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  sources: z.array(sourceStatusSchema),
  /** Items matching the filters, across pages (absent from older gateways: then `items.length`). */
  total: z.optional(z.number().check(z.int(), z.nonnegative())),
  page: z.optional(z.number().check(z.int(), z.positive())),
  pageSize: z.optional(z.number().check(z.int(), z.positive())),
  /** Pending notifications and communications, whatever the filters (the navigation's badge). */
  unread: z.optional(z.number().check(z.int(), z.nonnegative())),
  /** Every administration with an item for the citizen, for the filter (whatever the filters). */
  issuers: z.optional(z.array(issuerSchema)),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

/** Filters of `GET /api/notifications` (query parameters). */
export const NOTIFICATION_PAGE_SIZE_MAX = 50;
export interface NotificationQuery {
  /** An issuer's DIR3 code. */
  issuer?: string;
  status?: NotificationStatus;
  /** ISO dates (YYYY-MM-DD), Madrid days, both included, on the date it was made available. */
  from?: string;
  to?: string;
  /** Words of the subject, case- and accent-insensitive. */
  q?: string;
  page?: number;
  pageSize?: number;
}

/** What the citizen sees once a notification is accepted: its body and its documents. */
export const notificationContentSchema = z.object({
  text: z.string().check(z.maxLength(100_000)),
  documents: z.array(
    z.object({
      id: z.string().check(z.regex(/^[A-Za-z0-9._-]{1,100}$/)),
      title: z.string().check(z.minLength(1), z.maxLength(300)),
    }),
  ),
});
export type NotificationContent = z.infer<typeof notificationContentSchema>;

/** The proof of receipt of an act (acceptance or rejection) recorded by the portal. */
export const notificationReceiptSchema = z.object({
  /** Secure verification code (CSV) printed on the proof. */
  code: z.string(),
  /** ISO 8601 instant of the act. */
  at: z.iso.datetime({ offset: true }),
  act: z.optional(z.enum(['accept', 'reject'])),
});
export type NotificationReceipt = z.infer<typeof notificationReceiptSchema>;

/** The body of `POST /api/notifications/:id/accept|reject`: empty (who, for whom, when and where come from the session and the request). */
export const notificationActRequestSchema = z.object({});

export const notificationDetailSchema = z.object({
  item: notificationSchema,
  source: sourceStatusSchema,
  /** Only once accepted; null before (or when the agency could not give it now). */
  content: z.optional(z.nullable(notificationContentSchema)),
  /** The proof of the act this portal recorded; null when none was recorded here. */
  receipt: z.optional(z.nullable(notificationReceiptSchema)),
});
export type NotificationDetail = z.infer<typeof notificationDetailSchema>;

/** Every error the gateway answers with has this shape. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.enum(API_ERROR_CODES),
    message: z.string(),
    source: z.optional(z.string()),
    requestId: z.optional(z.string()),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

/** How the citizen identified (amr of the identity provider). */
export const AUTH_METHODS = ['clave-movil', 'clave-pin', 'clave-permanente', 'certificate', 'dnie'] as const;
export const authMethodSchema = z.enum(AUTH_METHODS);
export type AuthMethod = z.infer<typeof authMethodSchema>;

const loaValue = z.enum(['low', 'substantial', 'high']);

/** The person or company a citizen acts for under a power of attorney (REA). */
export const actingForSchema = z.object({
  displayName: z.string(),
  maskedId: z.string(),
  kind: z.enum(['person', 'company']),
  powerKind: z.enum(['general', 'organisation', 'procedures']),
  /** Last day the power is valid (ISO date), null when it has no end. */
  validUntil: z.nullable(z.string()),
});
export type ActingFor = z.infer<typeof actingForSchema>;

/** What the browser knows of the session (never a token, never a full identifier). */
export const sessionSchema = z.object({
  authenticated: z.boolean(),
  citizen: z.nullable(
    z.object({
      displayName: z.string(),
      /** e.g. "***4567**": enough to recognise, not enough to reuse. */
      maskedId: z.string(),
      loa: loaValue,
      method: authMethodSchema,
      /** The citizen's previous sign-in (ENS op.acc.5), null on the first one. */
      previousAccess: z.nullable(
        z.object({ at: z.iso.datetime({ offset: true }), method: authMethodSchema, loa: loaValue }),
      ),
      actingFor: z.nullable(actingForSchema),
      /** When the session ends if nothing happens (idle), never after the absolute limit. */
      expiresAt: z.iso.datetime({ offset: true }),
      /** The absolute end of the session, whatever the activity. */
      absoluteExpiresAt: z.iso.datetime({ offset: true }),
    }),
  ),
});
export type Session = z.infer<typeof sessionSchema>;

/**
 * The gateway's `/api/session` answer: the session plus what only the shell uses (the CSRF token
 * its API clients send, and a one-off notice such as a power of attorney that ended).
 */
export const sessionResponseSchema = z.object({
  session: sessionSchema,
  csrfToken: z.nullable(z.string()),
  notice: z.nullable(z.enum(['representation-ended'])),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

/** A power of attorney the signed-in citizen holds (REA), as the portal shows it. */
export const powerSchema = z.object({
  id: z.string().check(z.regex(/^[A-Za-z0-9._-]{1,100}$/)),
  kind: z.enum(['general', 'organisation', 'procedures']),
  grantor: z.object({ displayName: z.string(), maskedId: z.string(), kind: z.enum(['person', 'company']) }),
  /** The administration the power is limited to (organisation and procedure powers). */
  organisation: z.nullable(issuerSchema),
  procedures: z.array(z.string()),
  validFrom: z.nullable(z.string()),
  validUntil: z.nullable(z.string()),
  status: z.enum(['accepted', 'pending', 'revoked', 'expired', 'renounced']),
  /** Whether the citizen can act for the grantor with it now. */
  usable: z.boolean(),
});
export type Power = z.infer<typeof powerSchema>;

export const powerListSchema = z.object({
  items: z.array(powerSchema),
  source: sourceStatusSchema,
});
export type PowerList = z.infer<typeof powerListSchema>;
