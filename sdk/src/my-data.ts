import { z } from 'zod/mini';
import { issuerSchema, sourceStatusSchema } from './domain.ts';

/*
 * My data: the personal data administrations hold about the citizen, as the data intermediation
 * platform gives it, grouped by theme as the real portal does. Every record says who holds it, when
 * it was retrieved, and whether the last refresh could reach its source.
 */

const portalId = z.string().check(z.regex(/^[a-z0-9-]+:[A-Za-z0-9._-]+$/));
const instant = z.iso.datetime({ offset: true });

/** In the order the portal shows them. */
export const MY_DATA_THEMES = ['identity', 'education', 'work', 'family', 'vehicles', 'tax'] as const;
export const myDataThemeSchema = z.enum(MY_DATA_THEMES);
export type MyDataTheme = z.infer<typeof myDataThemeSchema>;

/** One datum of a record, as the issuing administration labels it. */
export const myDataFieldSchema = z.object({
  label: z.string().check(z.minLength(1), z.maxLength(200)),
  value: z.string().check(z.maxLength(2000)),
});
export type MyDataField = z.infer<typeof myDataFieldSchema>;

/**
 * "current": as the source gave it on the last retrieval. "stale": the last refresh could not
 * reach the source; the record shows the last value retrieved (at `retrievedAt`).
 */
export const myDataStateSchema = z.enum(['current', 'stale']);
export type MyDataState = z.infer<typeof myDataStateSchema>;

export const myDataRecordSchema = z.object({
  /** "<source>:<transmission id>". */
  id: portalId,
  source: z.string().check(z.minLength(1)),
  theme: myDataThemeSchema,
  /** The kind of data (the platform's certificate code, e.g. "SVDDGPCIWS02"). */
  type: z.string().check(z.regex(/^[A-Za-z0-9._-]{1,60}$/)),
  title: z.string().check(z.minLength(1), z.maxLength(300)),
  /** The administration that holds the data. */
  issuer: issuerSchema,
  fields: z.array(myDataFieldSchema).check(z.maxLength(100)),
  retrievedAt: instant,
  state: myDataStateSchema,
});
export type MyDataRecord = z.infer<typeof myDataRecordSchema>;

export const myDataThemeGroupSchema = z.object({
  theme: myDataThemeSchema,
  items: z.array(myDataRecordSchema),
});
export type MyDataThemeGroup = z.infer<typeof myDataThemeGroupSchema>;

/** GET /api/my-data: every theme, in order (empty themes included), and how each source answered. */
export const myDataListSchema = z.object({
  themes: z.array(myDataThemeGroupSchema),
  sources: z.array(sourceStatusSchema),
});
export type MyDataList = z.infer<typeof myDataListSchema>;

/**
 * POST /api/my-data/:id/refresh: the record as it is now (state "stale" with its last value when
 * the source could not be reached) and how its source answered.
 */
export const myDataRefreshSchema = z.object({
  item: myDataRecordSchema,
  source: sourceStatusSchema,
});
export type MyDataRefresh = z.infer<typeof myDataRefreshSchema>;

/** The body of POST /api/my-data/:id/refresh: nothing (the Idempotency-Key names the intent). */
export const myDataRefreshRequestSchema = z.object({});

// ---------------------------------------------------------------------------------------------
// Proofs anyone can verify (public: no session)

/** POST /api/verify: a verification code and the document's SHA-256 (hex), or the document itself. */
export const proofVerificationRequestSchema = z.object({
  code: z.string().check(z.minLength(1), z.maxLength(100)),
  /** SHA-256 of the exact file, hex (computed in the browser with Web Crypto). */
  sha256: z.optional(z.string().check(z.regex(/^[0-9a-fA-F]{64}$/))),
  /** Or the file itself, base64. */
  documentBase64: z.optional(z.string().check(z.maxLength(8_000_000))),
});
export type ProofVerificationRequest = z.infer<typeof proofVerificationRequestSchema>;

/**
 * "genuine": the code exists and the file is exactly the one issued with it. "altered": the code
 * exists but the file is not that one. "unknown": no proof has that code. Only a genuine file
 * learns what kind of proof it is and when it was issued.
 */
export const proofVerificationSchema = z.object({
  result: z.enum(['genuine', 'altered', 'unknown']),
  kind: z.nullable(z.string()),
  issuedAt: z.nullable(instant),
});
export type ProofVerification = z.infer<typeof proofVerificationSchema>;

// ---------------------------------------------------------------------------------------------
// Who used my data (the intermediation platform's log) and the right to oppose

/** One consultation of a record by an administration. "refused": the citizen had opposed it. */
export const myDataConsultationSchema = z.object({
  id: z.string().check(z.regex(/^[A-Za-z0-9._-]{1,100}$/)),
  at: instant,
  administration: issuerSchema,
  procedure: z.string().check(z.minLength(1), z.maxLength(300)),
  legalBasis: z.string().check(z.minLength(1), z.maxLength(300)),
  result: z.enum(['served', 'refused']),
});
export type MyDataConsultation = z.infer<typeof myDataConsultationSchema>;

/** GET /api/my-data/:id/consultations?administration=&result=&page=&pageSize= (or &format=csv). */
export const myDataConsultationPageSchema = z.object({
  items: z.array(myDataConsultationSchema),
  /** Matching the filters, across pages. */
  total: z.number().check(z.int(), z.nonnegative()),
  page: z.number().check(z.int(), z.positive()),
  pageSize: z.number().check(z.int(), z.positive()),
  /** Every administration in the record's log, for the filter. */
  administrations: z.array(issuerSchema),
  source: sourceStatusSchema,
});
export type MyDataConsultationPage = z.infer<typeof myDataConsultationPageSchema>;

/** Law 39/2015 art. 28.2: the citizen opposes an administration (or all) consulting a kind of data. */
export const myDataOppositionSchema = z.object({
  id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,100}$/)),
  /** The record it was registered from, and its kind of data (opposition is per kind). */
  recordId: z.string(),
  dataType: z.string(),
  dataTitle: z.string(),
  /** null: every administration. */
  administration: z.nullable(issuerSchema),
  reason: z.string().check(z.minLength(1), z.maxLength(1000)),
  createdAt: instant,
  withdrawnAt: z.nullable(instant),
});
export type MyDataOpposition = z.infer<typeof myDataOppositionSchema>;

export const myDataOppositionListSchema = z.object({ items: z.array(myDataOppositionSchema) });
export type MyDataOppositionList = z.infer<typeof myDataOppositionListSchema>;

export const myDataOppositionRequestSchema = z.object({
  recordId: z.string().check(z.minLength(3), z.maxLength(200)),
  /** DIR3 of the administration, or null for all. */
  administration: z.nullable(z.string().check(z.regex(/^[A-Z0-9]{9}$/))),
  /** Its name as the log shows it (kept with the opposition, for the citizen to read). */
  administrationName: z.optional(z.string().check(z.minLength(1), z.maxLength(300))),
  reason: z.string().check(z.minLength(1), z.maxLength(1000)),
});
export type MyDataOppositionRequest = z.infer<typeof myDataOppositionRequestSchema>;
