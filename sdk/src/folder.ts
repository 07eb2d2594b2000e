import { z } from 'zod/mini';
import { issuerSchema, sourceStatusSchema } from './domain.ts';

/*
 * The citizen's folder beyond notifications: open files (expedientes), appointments (cita previa),
 * documents about to expire, and the proactive home built from them. Every administration answers
 * in its own format; connectors in the gateway map each answer to these schemas.
 */

/** Portal-wide item id: "<source>:<agency id>". */
const portalId = z.string().check(z.regex(/^[a-z0-9-]+:[A-Za-z0-9._-]+$/));
const instant = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();
/** Only https links leave the portal (an agency's own service). */
const externalUrl = z.url({ protocol: /^https$/ });

// ---------------------------------------------------------------------------------------------
// Open files (expedientes)

/** started → in-progress → (requirement → in-progress)* → resolved → archived. */
export const FILE_STATUSES = ['started', 'in-progress', 'requirement', 'resolved', 'archived'] as const;
export const fileStatusSchema = z.enum(FILE_STATUSES);
export type FileStatus = z.infer<typeof fileStatusSchema>;

export const fileEventSchema = z.object({
  status: fileStatusSchema,
  at: instant,
  /** What happened, as the administration words it. */
  description: z.nullable(z.string().check(z.maxLength(500))),
});
export type FileEvent = z.infer<typeof fileEventSchema>;

export const fileDocumentSchema = z.object({
  id: z.string().check(z.regex(/^[A-Za-z0-9._-]{1,100}$/)),
  title: z.string().check(z.minLength(1), z.maxLength(300)),
  /** ISO 8601 instant the document was added to the file. */
  addedAt: instant,
  /** Who contributed it: the citizen (e.g. an application) or the administration (e.g. a resolution). */
  origin: z.enum(['citizen', 'administration']),
});
export type FileDocument = z.infer<typeof fileDocumentSchema>;

export const citizenFileSchema = z.object({
  id: portalId,
  source: z.string().check(z.minLength(1)),
  issuer: issuerSchema,
  /** The body handling the file (a unit inside the administration). */
  handler: z.string().check(z.minLength(1), z.maxLength(300)),
  title: z.string().check(z.minLength(1), z.maxLength(500)),
  procedure: z.nullable(z.string().check(z.maxLength(300))),
  /** The administration's file number. */
  reference: z.string().check(z.minLength(1), z.maxLength(100)),
  status: fileStatusSchema,
  /** Whether the procedure is still open (not resolved nor archived). */
  open: z.boolean(),
  startedAt: instant,
  updatedAt: instant,
  /** The next deadline: for a requirement, the last instant the citizen can answer. */
  deadline: z.nullable(instant),
  /** Oldest first. */
  timeline: z.array(fileEventSchema),
  documents: z.array(fileDocumentSchema),
  /** The administration's own service for this file, when it has one (https only). */
  serviceUrl: z.nullable(externalUrl),
});
export type CitizenFile = z.infer<typeof citizenFileSchema>;

export const fileListSchema = z.object({
  items: z.array(citizenFileSchema),
  sources: z.array(sourceStatusSchema),
});
export type FileList = z.infer<typeof fileListSchema>;

export const fileDetailSchema = z.object({ item: citizenFileSchema, source: sourceStatusSchema });
export type FileDetail = z.infer<typeof fileDetailSchema>;

// ---------------------------------------------------------------------------------------------
// Appointments (cita previa)

export const APPOINTMENT_STATUSES = ['booked', 'cancelled', 'attended', 'missed'] as const;
export const appointmentStatusSchema = z.enum(APPOINTMENT_STATUSES);
export type AppointmentStatus = z.infer<typeof appointmentStatusSchema>;

export const officeSchema = z.object({
  /** The agency's office id, unique within its source. */
  id: z.string().check(z.regex(/^[A-Za-z0-9._-]{1,100}$/)),
  name: z.string().check(z.minLength(1), z.maxLength(300)),
  address: z.string().check(z.maxLength(500)),
});
export type Office = z.infer<typeof officeSchema>;

export const appointmentServiceSchema = z.object({
  /** The agency's service id, unique within its source. */
  id: z.string().check(z.regex(/^[A-Za-z0-9._-]{1,100}$/)),
  name: z.string().check(z.minLength(1), z.maxLength(300)),
  /** Minutes one appointment lasts. */
  durationMinutes: z.number().check(z.int(), z.positive()),
});
export type AppointmentService = z.infer<typeof appointmentServiceSchema>;

export const appointmentSchema = z.object({
  id: portalId,
  source: z.string().check(z.minLength(1)),
  issuer: issuerSchema,
  service: appointmentServiceSchema,
  office: officeSchema,
  startsAt: instant,
  endsAt: instant,
  status: appointmentStatusSchema,
  /** The booking reference the citizen quotes at the office. */
  reference: z.string().check(z.minLength(1), z.maxLength(100)),
});
export type Appointment = z.infer<typeof appointmentSchema>;

export const appointmentListSchema = z.object({
  items: z.array(appointmentSchema),
  sources: z.array(sourceStatusSchema),
});
export type AppointmentList = z.infer<typeof appointmentListSchema>;

/** An administration that books appointments, with what it offers. */
export const bookableSourceSchema = z.object({
  source: z.string(),
  issuer: issuerSchema,
  services: z.array(appointmentServiceSchema),
});
export const bookableSourceListSchema = z.object({
  items: z.array(bookableSourceSchema),
  sources: z.array(sourceStatusSchema),
});
export type BookableSourceList = z.infer<typeof bookableSourceListSchema>;

export const officeListSchema = z.object({ items: z.array(officeSchema), source: sourceStatusSchema });
export type OfficeList = z.infer<typeof officeListSchema>;

export const slotSchema = z.object({
  /** Opaque to the portal: what the agency needs to book this slot. */
  id: z.string().check(z.regex(/^[A-Za-z0-9._-]{1,100}$/)),
  startsAt: instant,
  endsAt: instant,
});
export type Slot = z.infer<typeof slotSchema>;

export const slotListSchema = z.object({ items: z.array(slotSchema), source: sourceStatusSchema });
export type SlotList = z.infer<typeof slotListSchema>;

/** Body of POST /api/appointments (book) and PUT /api/appointments/:id (reschedule). */
export const bookingRequestSchema = z.object({
  source: z.string().check(z.regex(/^[a-z0-9-]{1,40}$/)),
  serviceId: z.string().check(z.regex(/^[A-Za-z0-9._-]{1,100}$/)),
  officeId: z.string().check(z.regex(/^[A-Za-z0-9._-]{1,100}$/)),
  slotId: z.string().check(z.regex(/^[A-Za-z0-9._-]{1,100}$/)),
});
export type BookingRequest = z.infer<typeof bookingRequestSchema>;

export const appointmentDetailSchema = z.object({ item: appointmentSchema, source: sourceStatusSchema });
export type AppointmentDetail = z.infer<typeof appointmentDetailSchema>;

// ---------------------------------------------------------------------------------------------
// Documents about to expire

export const DOCUMENT_KINDS = ['identity-card', 'passport', 'driving-licence', 'vehicle-inspection'] as const;
export const documentKindSchema = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof documentKindSchema>;

export const expiringDocumentSchema = z.object({
  id: portalId,
  source: z.string().check(z.minLength(1)),
  issuer: issuerSchema,
  kind: documentKindSchema,
  /** What identifies it to the citizen: "DNI ***4567**", "Vehicle 1234 KLM". */
  label: z.string().check(z.minLength(1), z.maxLength(200)),
  /** Last valid day (ISO date, Madrid). */
  expiresOn: isoDate,
  /** Where to renew it (https only). */
  renewUrl: z.nullable(externalUrl),
});
export type ExpiringDocument = z.infer<typeof expiringDocumentSchema>;

export const expiringDocumentListSchema = z.object({
  items: z.array(expiringDocumentSchema),
  sources: z.array(sourceStatusSchema),
});
export type ExpiringDocumentList = z.infer<typeof expiringDocumentListSchema>;

// ---------------------------------------------------------------------------------------------
// Home: what needs the citizen now, one source at a time

/** What the folder's data sources are; the home asks each in parallel and renders as they answer. */
export const FOLDER_DOMAINS = ['notifications', 'files', 'appointments', 'documents', 'data'] as const;
export const folderDomainSchema = z.enum(FOLDER_DOMAINS);
export type FolderDomain = z.infer<typeof folderDomainSchema>;

export const folderSourceSchema = z.object({
  source: z.string(),
  name: z.string(),
  dir3: z.string(),
  domains: z.array(folderDomainSchema),
});
export const folderSourceListSchema = z.object({ items: z.array(folderSourceSchema) });
export type FolderSourceList = z.infer<typeof folderSourceListSchema>;

/** One thing that needs the citizen, with its deadline and where to act. */
export const attentionItemSchema = z.object({
  /** The item's portal id (a notification, file, appointment or document id). */
  id: portalId,
  domain: folderDomainSchema,
  /** Why it needs attention. */
  reason: z.enum(['notification-expiring', 'file-requirement', 'appointment-upcoming', 'document-expiring']),
  title: z.string().check(z.minLength(1), z.maxLength(500)),
  issuer: issuerSchema,
  /** The deadline or the appointment's start. */
  due: instant,
  /** Portal path of the item, e.g. "/notifications/dehu:N-1". */
  href: z.string().check(z.regex(/^\/[^/\\]/)),
});
export type AttentionItem = z.infer<typeof attentionItemSchema>;

/** GET /api/home/sources/:source — what one administration has that needs the citizen now. */
export const homeSourceAnswerSchema = z.object({
  items: z.array(attentionItemSchema),
  source: sourceStatusSchema,
});
export type HomeSourceAnswer = z.infer<typeof homeSourceAnswerSchema>;

/** Favourites the citizen pins on the home, stored by the portal. */
export const pinSchema = z.object({
  /** A portal path ("/files", "/appointments/book") or an item's portal id. */
  target: z.string().check(z.minLength(1), z.maxLength(200), z.regex(/^[^\s<>]+$/)),
  label: z.string().check(z.minLength(1), z.maxLength(120)),
  pinnedAt: instant,
});
export type Pin = z.infer<typeof pinSchema>;
export const pinListSchema = z.object({ items: z.array(pinSchema) });
export type PinList = z.infer<typeof pinListSchema>;
export const pinRequestSchema = z.object({
  target: z.string().check(z.minLength(1), z.maxLength(200), z.regex(/^[^\s<>]+$/)),
  label: z.string().check(z.minLength(1), z.maxLength(120)),
});
export type PinRequest = z.infer<typeof pinRequestSchema>;
