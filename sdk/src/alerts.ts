import { z } from 'zod/mini';
import { LANGUAGES } from './languages.ts';

/*
 * The alerts centre: which events alert the citizen on which channels, the contact points (e-mail
 * address, phone number) verified with a code, the record of every change and the alerts kept in
 * the portal. The alerts MFE and the gateway (its routes and its scheduler) both use these.
 * Imported from "@carpeta/sdk/alerts" (not from the sdk's index, which every route loads).
 */

const instant = z.iso.datetime({ offset: true });

/**
 * What can alert the citizen: a new notification, a notification about to expire (Law 39/2015:
 * unopened for 10 calendar days it is deemed rejected), a file waiting for the citizen (a
 * requirement), an appointment the next day, an identity document about to expire, and an incident
 * filed with Ada that was answered.
 */
export const ALERT_EVENT_KINDS = [
  'notification-new',
  'notification-expiring',
  'file-requirement',
  'appointment-reminder',
  'document-expiring',
  'ticket-answered',
] as const;
export const alertEventKindSchema = z.enum(ALERT_EVENT_KINDS);
export type AlertEventKind = z.infer<typeof alertEventKindSchema>;

/** How an alert reaches the citizen: e-mail, SMS, web push and the portal's own list. */
export const ALERT_CHANNELS = ['email', 'sms', 'push', 'portal'] as const;
export const alertChannelSchema = z.enum(ALERT_CHANNELS);
export type AlertChannelKind = z.infer<typeof alertChannelSchema>;

/** Contact points the citizen verifies before the portal uses them. */
export const CONTACT_KINDS = ['email', 'phone'] as const;
export const contactKindSchema = z.enum(CONTACT_KINDS);
export type ContactKind = z.infer<typeof contactKindSchema>;

/** The contact point a channel needs (push and the portal need none). */
export const CHANNEL_CONTACT: Readonly<Record<AlertChannelKind, ContactKind | null>> = {
  email: 'email',
  sms: 'phone',
  push: null,
  portal: null,
};

/** Digits of a verification code, minutes it is valid, wrong tries allowed, seconds between sends. */
export const VERIFICATION_CODE_DIGITS = 6;
export const VERIFICATION_CODE_MINUTES = 10;
export const VERIFICATION_MAX_ATTEMPTS = 5;
export const VERIFICATION_RESEND_SECONDS = 30;
/** Codes sent to one contact point in an hour, at most. */
export const VERIFICATION_SENDS_PER_HOUR = 5;

/** A plausible e-mail address (one @, a dot in the domain, no spaces), at most 254 characters. */
export const EMAIL_PATTERN = /^[^\s@<>()[\]\\,;:"]{1,64}@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/;
/** A Spanish mobile number, with or without +34 and spaces: 6xx or 7xx, nine digits. */
export const SPANISH_MOBILE = /^(?:\+34|0034)?[67]\d{8}$/;

/** "+34 612 34 56 78" → "+34612345678"; null when it is not a Spanish mobile number. */
export function normalisePhone(raw: string): string | null {
  const compact = raw.replace(/[\s.-]/g, '');
  if (!SPANISH_MOBILE.test(compact)) return null;
  return `+34${compact.slice(-9)}`;
}

export const alertPreferenceSchema = z.object({
  event: alertEventKindSchema,
  channel: alertChannelSchema,
  enabled: z.boolean(),
});
export type AlertPreference = z.infer<typeof alertPreferenceSchema>;

export const contactPointSchema = z.object({
  kind: contactKindSchema,
  /** The address or number as stored (a phone as +34…). */
  value: z.string().check(z.minLength(1), z.maxLength(254)),
  verified: z.boolean(),
  verifiedAt: z.nullable(instant),
  /** While a code is waiting: until when it is valid, tries left, when another may be sent. */
  pending: z.nullable(
    z.object({
      expiresAt: instant,
      attemptsLeft: z.number().check(z.int(), z.nonnegative()),
      resendAfter: instant,
    }),
  ),
});
export type ContactPoint = z.infer<typeof contactPointSchema>;

/** GET /api/alerts/preferences (and the answer of every write to it or to the contacts). */
export const alertSettingsSchema = z.object({
  /** Every event × channel, enabled or not. */
  preferences: z.array(alertPreferenceSchema),
  contacts: z.array(contactPointSchema),
  /** The language alerts are written in: the one the citizen last used here. */
  language: z.enum(LANGUAGES),
  /** Channels this portal can deliver now (push only once an adapter is registered). */
  deliverable: z.array(alertChannelSchema),
});
export type AlertSettings = z.infer<typeof alertSettingsSchema>;

/** PUT /api/alerts/preferences: the whole table (or part of it) and the page's language. */
export const alertPreferencesRequestSchema = z.object({
  preferences: z
    .array(alertPreferenceSchema)
    .check(z.maxLength(ALERT_EVENT_KINDS.length * ALERT_CHANNELS.length)),
  language: z.optional(z.enum(LANGUAGES)),
});
export type AlertPreferencesRequest = z.infer<typeof alertPreferencesRequestSchema>;

/** POST /api/alerts/contacts: sends a code to the new address or number. */
export const contactRequestSchema = z.object({
  kind: contactKindSchema,
  value: z.string().check(z.minLength(1), z.maxLength(254)),
  language: z.optional(z.enum(LANGUAGES)),
});
export type ContactRequest = z.infer<typeof contactRequestSchema>;

/** POST /api/alerts/contacts/:kind/verify */
export const verifyRequestSchema = z.object({
  code: z.string().check(z.regex(/^\d{6}$/, 'six digits')),
});
export type VerifyRequest = z.infer<typeof verifyRequestSchema>;

export const ALERT_CHANGE_ACTIONS = [
  'preferences-changed',
  'contact-added',
  'code-sent',
  'contact-verified',
  'code-failed',
  'contact-removed',
] as const;

/** One change of the citizen's alert settings ("every change is recorded"). */
export const alertChangeSchema = z.object({
  id: z.string(),
  at: instant,
  action: z.enum(ALERT_CHANGE_ACTIONS),
  /** What changed, safe to show: "email: sms on", the contact kind, a masked address. */
  detail: z.string().check(z.maxLength(500)),
  /** Who did it (the citizen, or a representative acting for them). */
  actor: z.string(),
});
export type AlertChange = z.infer<typeof alertChangeSchema>;

export const alertChangeListSchema = z.object({ items: z.array(alertChangeSchema) });
export type AlertChangeList = z.infer<typeof alertChangeListSchema>;

/** An alert kept in the portal (the `portal` channel): never the content, only where to look. */
export const portalAlertSchema = z.object({
  id: z.string(),
  event: alertEventKindSchema,
  /** The portal page where what is waiting can be read (a path). */
  link: z.string().check(z.regex(/^\/[A-Za-z0-9/_-]*$/)),
  createdAt: instant,
  readAt: z.nullable(instant),
});
export type PortalAlert = z.infer<typeof portalAlertSchema>;

export const portalAlertListSchema = z.object({
  items: z.array(portalAlertSchema),
  unread: z.number().check(z.int(), z.nonnegative()),
});
export type PortalAlertList = z.infer<typeof portalAlertListSchema>;

/** The portal page an event's alert links to. */
export const ALERT_LINKS: Readonly<Record<AlertEventKind, string>> = {
  'notification-new': '/notifications',
  'notification-expiring': '/notifications',
  'file-requirement': '/files',
  'appointment-reminder': '/appointments',
  'document-expiring': '/',
  'ticket-answered': '/ada',
};

/** "maria.garcia@example.es" → "m***@example.es"; "+34612345678" → "+34 *** *** 678". */
export function maskContact(kind: ContactKind, value: string): string {
  if (kind === 'phone') return `${value.slice(0, 3)} *** *** ${value.slice(-3)}`;
  const at = value.lastIndexOf('@');
  return at <= 0 ? '***' : `${value.slice(0, 1)}***${value.slice(at)}`;
}

/** The body of writes that carry nothing (mark read, send another code). */
export const emptyAlertRequestSchema = z.object({});
