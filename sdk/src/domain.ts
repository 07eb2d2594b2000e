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
});
export type NotificationList = z.infer<typeof notificationListSchema>;

export const notificationDetailSchema = z.object({
  item: notificationSchema,
  source: sourceStatusSchema,
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

/** What the browser knows of the session (never a token). */
export const sessionSchema = z.object({
  authenticated: z.boolean(),
  citizen: z.nullable(
    z.object({
      displayName: z.string(),
      maskedId: z.string(),
      loa: z.enum(['low', 'substantial', 'high']),
      actingFor: z.nullable(z.object({ displayName: z.string(), maskedId: z.string() })),
      expiresAt: z.iso.datetime({ offset: true }),
    }),
  ),
});
export type Session = z.infer<typeof sessionSchema>;
