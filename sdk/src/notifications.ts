// The notifications' common data format (the sdk's entry exports it). A module of its own, apart from
// the session's (domain.ts): a page that reads only the session does not build these schemas.
import { z } from 'zod/mini';
import { issuerSchema, sourceStatusSchema } from './domain.ts';

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
