import { z } from 'zod/mini';
import { issuerSchema, sourceStatusSchema } from './domain.ts';

/*
 * An autonomous community's health service, as the portal shows it: the individual health card
 * (tarjeta sanitaria individual) with the assigned health centre and doctor, a request for a
 * replacement card, and primary-care appointments (list, free slots, book, cancel). The health
 * service answers in its own format; the gateway's connector maps it to these schemas.
 */

const portalId = z.string().check(z.regex(/^[a-z0-9-]+:[A-Za-z0-9._-]+$/));
const instant = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();
const agencyPart = z.string().check(z.regex(/^[A-Za-z0-9._-]{1,100}$/));
const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

export const healthCentreSchema = z.object({
  id: agencyPart,
  name: text(300),
  address: z.string().check(z.maxLength(500)),
  phone: z.nullable(z.string().check(z.maxLength(40))),
});
export type HealthCentre = z.infer<typeof healthCentreSchema>;

/** A primary-care service the centre books: family medicine, nursing. */
export const healthServiceKindSchema = z.object({
  id: agencyPart,
  name: text(200),
  durationMinutes: z.number().check(z.int(), z.positive()),
});
export type HealthServiceKind = z.infer<typeof healthServiceKindSchema>;

export const REPLACEMENT_REASONS = ['lost', 'stolen', 'damaged'] as const;
export const replacementReasonSchema = z.enum(REPLACEMENT_REASONS);
export type ReplacementReason = z.infer<typeof replacementReasonSchema>;

/** A request for a new card; the health service sends it to the address it holds. */
export const cardReplacementSchema = z.object({
  reference: text(100),
  requestedAt: instant,
  reason: replacementReasonSchema,
  status: z.enum(['requested', 'in-progress', 'completed', 'cancelled']),
});
export type CardReplacement = z.infer<typeof cardReplacementSchema>;

export const healthCardSchema = z.object({
  /** The regional personal identification code printed on the card (CIPA). */
  cipa: z.string().check(z.regex(/^[A-Z0-9]{6,20}$/)),
  holder: text(300),
  status: z.enum(['active', 'cancelled']),
  validFrom: isoDate,
  /** Last day of validity; null when the card does not expire. */
  validUntil: z.nullable(isoDate),
  centre: healthCentreSchema,
  /** The family doctor (médico de familia) assigned. */
  doctor: z.nullable(text(300)),
  nurse: z.nullable(text(300)),
  services: z.array(healthServiceKindSchema).check(z.maxLength(20)),
  /** The latest replacement request, if any. */
  replacement: z.nullable(cardReplacementSchema),
});
export type HealthCard = z.infer<typeof healthCardSchema>;

/** GET /api/health-service/card: the card, or null when the health service has none for the person. */
export const healthCardAnswerSchema = z.object({
  issuer: issuerSchema,
  card: z.nullable(healthCardSchema),
  source: sourceStatusSchema,
});
export type HealthCardAnswer = z.infer<typeof healthCardAnswerSchema>;

/** Body of POST /api/health-service/card/replacement. */
export const cardReplacementRequestSchema = z.object({ reason: replacementReasonSchema });
export type CardReplacementRequest = z.infer<typeof cardReplacementRequestSchema>;

export const cardReplacementAnswerSchema = z.object({
  replacement: cardReplacementSchema,
  source: sourceStatusSchema,
});
export type CardReplacementAnswer = z.infer<typeof cardReplacementAnswerSchema>;

export const HEALTH_APPOINTMENT_STATUSES = ['booked', 'cancelled', 'attended', 'missed'] as const;

export const healthAppointmentSchema = z.object({
  id: portalId,
  status: z.enum(HEALTH_APPOINTMENT_STATUSES),
  service: healthServiceKindSchema,
  startsAt: instant,
  endsAt: instant,
  /** Who attends the citizen. */
  professional: z.nullable(text(300)),
  centre: healthCentreSchema,
});
export type HealthAppointment = z.infer<typeof healthAppointmentSchema>;

export const healthAppointmentListSchema = z.object({
  items: z.array(healthAppointmentSchema),
  source: sourceStatusSchema,
});
export type HealthAppointmentList = z.infer<typeof healthAppointmentListSchema>;

export const healthSlotSchema = z.object({
  /** Opaque to the portal: what the health service needs to book this slot. */
  id: agencyPart,
  startsAt: instant,
  endsAt: instant,
});
export type HealthSlot = z.infer<typeof healthSlotSchema>;

export const healthSlotListSchema = z.object({
  items: z.array(healthSlotSchema),
  source: sourceStatusSchema,
});
export type HealthSlotList = z.infer<typeof healthSlotListSchema>;

/** Body of POST /api/health-service/appointments. */
export const healthBookingRequestSchema = z.object({ serviceId: agencyPart, slotId: agencyPart });
export type HealthBookingRequest = z.infer<typeof healthBookingRequestSchema>;

export const healthAppointmentDetailSchema = z.object({
  item: healthAppointmentSchema,
  source: sourceStatusSchema,
});
export type HealthAppointmentDetail = z.infer<typeof healthAppointmentDetailSchema>;
