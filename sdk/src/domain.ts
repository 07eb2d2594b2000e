import { z } from 'zod/mini';
import { API_ERROR_CODES } from './errors.ts';

/** Every agency is identified by a stable id in the portal and, where it has one, a DIR3 code. */
export const issuerSchema = z.object({
  dir3: z.string().check(z.regex(/^[A-Z0-9]{9}$/, 'a DIR3 code')),
  name: z.string().check(z.minLength(1), z.maxLength(300)),
});
export type Issuer = z.infer<typeof issuerSchema>;

/** How one source (agency) answered an aggregated request. */
export const sourceStatusSchema = z.object({
  source: z.string(),
  name: z.string(),
  status: z.enum(['ok', 'timeout', 'unavailable', 'invalid-response']),
  /** Human-readable, safe to show; never a stack trace. */
  message: z.optional(z.string()),
});
export type SourceStatus = z.infer<typeof sourceStatusSchema>;

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
