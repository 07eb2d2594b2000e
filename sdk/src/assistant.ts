import { z } from 'zod/mini';

/*
 * Ada, the portal's assistant: what its MFE sends to the gateway and what it gets back.
 * Imported from "@carpeta/sdk/assistant" (not from the sdk's index, which every route loads).
 */

/** The languages Ada speaks: the portal's six (Valencian has its own answers). */
export const ASSISTANT_LANGUAGES = ['es', 'ca', 'gl', 'eu', 'va', 'en'] as const;
export const assistantLanguageSchema = z.enum(ASSISTANT_LANGUAGES);
export type AssistantLanguage = z.infer<typeof assistantLanguageSchema>;

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const instant = z.iso.datetime({ offset: true });

export const classifyRequestSchema = z.object({
  text: text(500),
  /** The portal's language: used when the text does not say clearly which language it is in. */
  language: z.optional(assistantLanguageSchema),
});
export type ClassifyRequest = z.infer<typeof classifyRequestSchema>;

export const classificationSchema = z.object({
  /** One of the intent ids, or "fallback" when none is likely enough. */
  intent: z.string(),
  confidence: z.number().check(z.minimum(0), z.maximum(1)),
  language: assistantLanguageSchema,
});
export type Classification = z.infer<typeof classificationSchema>;

export const INCIDENT_CATEGORIES = [
  'sign-in',
  'notifications',
  'appointments',
  'my-data',
  'registry',
  'other',
] as const;
export const incidentCategorySchema = z.enum(INCIDENT_CATEGORIES);
export type IncidentCategory = z.infer<typeof incidentCategorySchema>;

export const INCIDENT_STEPS = ['category', 'administration', 'tried', 'error', 'confirm'] as const;

/** What Ada has asked so far about an incident; the MFE sends it back with the next answer. */
export const incidentDraftSchema = z.object({
  category: z.optional(incidentCategorySchema),
  administration: z.optional(text(200)),
  tried: z.optional(text(2000)),
  errorSeen: z.optional(text(2000)),
});
export type IncidentDraft = z.infer<typeof incidentDraftSchema>;

export const incidentStateSchema = z.object({
  /** The question the citizen's next message answers. */
  step: z.enum(INCIDENT_STEPS),
  draft: incidentDraftSchema,
});
export type IncidentState = z.infer<typeof incidentStateSchema>;

export const messageRequestSchema = z.object({
  text: text(500),
  /** The portal's language. */
  language: assistantLanguageSchema,
  /** The incident being characterised, if any. */
  incident: z.optional(incidentStateSchema),
});
export type MessageRequest = z.infer<typeof messageRequestSchema>;

export const assistantLinkSchema = z.object({
  label: text(200),
  /** A path of the portal ("/notifications/dehu:N-1"). */
  href: z.string().check(z.regex(/^\/[^\s]{0,300}$/)),
});

export const foundServiceSchema = z.object({
  id: text(120),
  name: text(300),
  administration: z.object({ level: z.enum(['state', 'regional', 'local']), name: text(200) }),
  url: z.url(),
});
export type FoundService = z.infer<typeof foundServiceSchema>;

export const assistantReplySchema = z.object({
  intent: z.string(),
  confidence: z.number().check(z.minimum(0), z.maximum(1)),
  /** The language of the answer: the one the citizen wrote in, or the portal's when unsure. */
  language: assistantLanguageSchema,
  /** Paragraphs of the answer. */
  text: z.array(text(1000)),
  links: z.array(assistantLinkSchema),
  services: z.array(foundServiceSchema),
  /** Quick answers to offer as buttons (the incident's categories). */
  choices: z.array(z.object({ value: text(60), label: text(200) })),
  /** Offer the human channels (060, the contact form). */
  human: z.boolean(),
  /** Offer to sign in (the answer would use the citizen's folder). */
  signIn: z.boolean(),
  /** The incident being characterised, to send back with the next message; null when none. */
  incident: z.nullable(incidentStateSchema),
});
export type AssistantReply = z.infer<typeof assistantReplySchema>;

export const feedbackRequestSchema = z.object({
  intent: text(60),
  language: assistantLanguageSchema,
  helpful: z.boolean(),
});
export type FeedbackRequest = z.infer<typeof feedbackRequestSchema>;

export const ticketRequestSchema = z.object({
  category: incidentCategorySchema,
  administration: text(200),
  tried: text(2000),
  errorSeen: text(2000),
  language: assistantLanguageSchema,
});
export type TicketRequest = z.infer<typeof ticketRequestSchema>;

export const TICKET_STATUSES = ['open', 'in-progress', 'resolved', 'closed'] as const;
export const ticketSchema = z.object({
  reference: z.string().check(z.regex(/^ADA-[0-9A-Z]{8}$/)),
  category: incidentCategorySchema,
  administration: text(200),
  tried: text(2000),
  errorSeen: text(2000),
  status: z.enum(TICKET_STATUSES),
  createdAt: instant,
  updatedAt: instant,
  /** The portal's answer (a maintainer's), once the ticket has one. */
  answer: z.nullable(text(4000)),
  answeredAt: z.nullable(instant),
});
export type Ticket = z.infer<typeof ticketSchema>;
export const ticketListSchema = z.object({ items: z.array(ticketSchema) });

/** A ticket as the maintainers see it: what the citizen wrote, never who they are. */
export const adminTicketSchema = z.extend(ticketSchema, { language: assistantLanguageSchema });
export type AdminTicket = z.infer<typeof adminTicketSchema>;
export const adminTicketListSchema = z.object({ items: z.array(adminTicketSchema) });

/** A maintainer's answer to a ticket (POST /api/admin/tickets/:reference/answer). */
export const ticketAnswerRequestSchema = z.object({
  answer: z.string().check(z.trim(), z.minLength(1), z.maxLength(4000)),
});
export type TicketAnswerRequest = z.infer<typeof ticketAnswerRequestSchema>;
