import { z } from 'zod/mini';
import { LANGUAGES } from './languages.ts';

/*
 * Feedback, accessibility requests and the public roadmap: what the feedback MFE sends to the
 * gateway and what it gets back. Imported from "@carpeta/sdk/feedback" (not from the sdk's index,
 * which every route loads).
 */

const instant = z.iso.datetime({ offset: true });
const day = z.iso.date();
const trimmed = (min: number, max: number) =>
  z.string().check(
    z.maxLength(max),
    z.refine((value) => value.trim().length >= min, `at least ${min} character(s)`),
  );

/** Longest free text of a feedback form (the character count counts down from it). */
export const FEEDBACK_MESSAGE_MAX = 1200;
/** Longest comment of the short "was this useful?" form. */
export const FLOW_COMMENT_MAX = 500;
export const ACCESSIBILITY_PROBLEM_MAX = 2000;

export const SATISFACTION = [
  'very-satisfied',
  'satisfied',
  'neutral',
  'dissatisfied',
  'very-dissatisfied',
] as const;
export const SIGN_IN_METHODS = [
  'clave-movil',
  'clave-pin',
  'clave-permanente',
  'certificate',
  'dnie',
  'other',
] as const;
export const SIGN_IN_OUTCOMES = ['signed-in', 'signed-in-with-trouble', 'could-not'] as const;
/** The key flows that end with the short "was this useful?" form. */
export const FEEDBACK_FLOWS = [
  'registry-submission',
  'representation',
  'notification',
  'appointment',
  'my-data',
  'other',
] as const;
export const feedbackFlowSchema = z.enum(FEEDBACK_FLOWS);
export type FeedbackFlow = z.infer<typeof feedbackFlowSchema>;

/**
 * Every feedback form carries `website`, a field people never see (a honeypot): a form that fills
 * it is a robot's. The gateway answers it as if it were stored and keeps nothing.
 */
const honeypot = z.optional(z.string().check(z.maxLength(200)));
/** The portal's language when the form was sent (the answer to an accessibility request uses it). */
const language = z.optional(z.enum(LANGUAGES));

export const generalFeedbackSchema = z.object({
  kind: z.literal('general'),
  satisfaction: z.enum(SATISFACTION),
  message: trimmed(1, FEEDBACK_MESSAGE_MAX),
  website: honeypot,
  language,
});

export const signInFeedbackSchema = z.object({
  kind: z.literal('sign-in'),
  method: z.enum(SIGN_IN_METHODS),
  outcome: z.enum(SIGN_IN_OUTCOMES),
  message: z.optional(trimmed(0, FEEDBACK_MESSAGE_MAX)),
  website: honeypot,
  language,
});

export const flowFeedbackSchema = z.object({
  kind: z.literal('flow'),
  flow: feedbackFlowSchema,
  helpful: z.boolean(),
  message: z.optional(trimmed(0, FLOW_COMMENT_MAX)),
  website: honeypot,
  language,
});

export const feedbackRequestSchema = z.discriminatedUnion('kind', [
  generalFeedbackSchema,
  signInFeedbackSchema,
  flowFeedbackSchema,
]);
export type FeedbackRequest = z.infer<typeof feedbackRequestSchema>;
export type FeedbackKind = FeedbackRequest['kind'];

export const feedbackReceiptSchema = z.object({
  /** e.g. "OPN-7K2M9QXA": quoted if the person writes again. */
  reference: z.string(),
  receivedAt: instant,
});
export type FeedbackReceipt = z.infer<typeof feedbackReceiptSchema>;

// ---- accessibility requests (RD 1112/2018, art. 10.2.b and 12) -------------------------------

/** Working days the administration has to answer a request or complaint about accessibility. */
export const ACCESSIBILITY_ANSWER_WORKING_DAYS = 20;

export const accessibilityRequestSchema = z.object({
  /** The page, document or app screen (an address or words). */
  page: trimmed(1, 500),
  problem: trimmed(1, ACCESSIBILITY_PROBLEM_MAX),
  /** Where to send the answer; without it the answer is published by reference. */
  email: z.optional(z.union([z.literal(''), z.email().check(z.maxLength(254))])),
  website: honeypot,
  language,
});
export type AccessibilityRequest = z.infer<typeof accessibilityRequestSchema>;

export const accessibilityReceiptSchema = z.object({
  /** e.g. "ACC-7K2M9QXA". */
  reference: z.string(),
  receivedAt: instant,
  /** The last day of the legal answer time: 20 working days in Spain after the day it arrived. */
  answerBy: day,
});
export type AccessibilityReceipt = z.infer<typeof accessibilityReceiptSchema>;

// ---- the public roadmap --------------------------------------------------------------------

export const ROADMAP_STATUSES = ['considering', 'planned', 'in-progress', 'done'] as const;
export const roadmapStatusSchema = z.enum(ROADMAP_STATUSES);
export type RoadmapStatus = z.infer<typeof roadmapStatusSchema>;

const localized = z.object({
  es: z.string(),
  ca: z.string(),
  gl: z.string(),
  eu: z.string(),
  va: z.string(),
  en: z.string(),
});

export const roadmapItemSchema = z.object({
  id: z.string(),
  title: localized,
  summary: localized,
  status: roadmapStatusSchema,
  /** How many pieces of feedback asked for it (linked by the maintainers). */
  comments: z.int().check(z.minimum(0)),
  updatedAt: instant,
});
export type RoadmapItem = z.infer<typeof roadmapItemSchema>;
export const roadmapSchema = z.object({ items: z.array(roadmapItemSchema) });

// ---- the maintainers' page ----------------------------------------------------------------

export const adminFeedbackSchema = z.object({
  id: z.string(),
  reference: z.string(),
  kind: z.enum(['general', 'sign-in', 'flow']),
  /** The answer chosen: satisfaction, sign-in outcome, or helpful / not-helpful. */
  rating: z.string(),
  method: z.nullable(z.string()),
  flow: z.nullable(z.string()),
  message: z.string(),
  language: z.string(),
  receivedAt: instant,
  /** Roadmap items it is linked to. */
  items: z.array(z.string()),
});
export type AdminFeedback = z.infer<typeof adminFeedbackSchema>;
export const adminFeedbackListSchema = z.object({ items: z.array(adminFeedbackSchema) });

export const adminAccessibilitySchema = z.object({
  reference: z.string(),
  page: z.string(),
  problem: z.string(),
  email: z.nullable(z.string()),
  receivedAt: instant,
  answerBy: day,
  answeredAt: z.nullable(instant),
  /** Not answered and past its answer date (Madrid). */
  overdue: z.boolean(),
});
export type AdminAccessibilityRequest = z.infer<typeof adminAccessibilitySchema>;
export const adminAccessibilityListSchema = z.object({ items: z.array(adminAccessibilitySchema) });

export const roadmapStatusChangeSchema = z.object({ status: roadmapStatusSchema });
export const roadmapLinkSchema = z.object({ feedbackId: z.string().check(z.regex(/^[0-9a-f-]{36}$/)) });
/** Marking an accessibility request answered carries nothing but the reference in its path. */
export const accessibilityAnsweredSchema = z.object({});
