import { z } from 'zod/mini';
import { issuerSchema, sourceStatusSchema } from './domain.ts';
import type { Language } from './languages.ts';

/*
 * The general registry (Law 39/2015 art. 16): a citizen submits a general application to any
 * administration, picked from the directory of bodies (DIR3), with attachments; the registry gives a
 * registry number and the instant of registration, and forwards the entry to the body (through SIR,
 * the interconnection system of registries). The portal keeps each submission, keyed by the citizen
 * and the request's Idempotency-Key, so that a double click or a retry creates exactly one entry.
 *
 * Imported from "@carpeta/sdk/registry" (not from the sdk's index, which every route loads).
 */

const instant = z.iso.datetime({ offset: true });
const dir3Code = z.string().check(z.regex(/^[A-Z0-9]{9}$/, 'a DIR3 code'));

// ---------------------------------------------------------------------------------------------
// The directory of bodies (DIR3)

/**
 * Which administration a unit belongs to, from its code's first letter: E (the State), A
 * (autonomous communities), L (local entities: L01 city councils, L02 provincial councils…),
 * U (universities), anything else "other" (institutions, courts…).
 */
export const DIR3_ADMINISTRATIONS = ['state', 'regional', 'local', 'university', 'other'] as const;
export const dir3AdministrationSchema = z.enum(DIR3_ADMINISTRATIONS);
export type Dir3Administration = z.infer<typeof dir3AdministrationSchema>;

/** One unit of the directory. */
export const dir3UnitSchema = z.object({
  dir3: dir3Code,
  name: z.string().check(z.minLength(1), z.maxLength(300)),
  administration: dir3AdministrationSchema,
  /** 1 for the top of its administration (a ministry, a regional government, a city council), 2 below it… */
  level: z.number().check(z.int(), z.minimum(1), z.maximum(10)),
  /** The unit it depends on; null at the top. */
  parent: z.nullable(issuerSchema),
});
export type Dir3Unit = z.infer<typeof dir3UnitSchema>;

/** Query of GET /api/registry/units: words of the name or a code (accent- and case-insensitive). */
export const REGISTRY_UNITS_QUERY_MAX = 100;
export const REGISTRY_UNITS_LIMIT_MAX = 50;
export const REGISTRY_UNITS_LIMIT_DEFAULT = 20;

/** GET /api/registry/units?q=&limit= — the best matches first (an empty q: the top-level units). */
export const dir3UnitListSchema = z.object({
  items: z.array(dir3UnitSchema),
  /** How many units matched, beyond `limit`. */
  total: z.number().check(z.int(), z.nonnegative()),
  /** How the registry's directory was read (the gateway keeps a copy; "ok" while it has one). */
  source: sourceStatusSchema,
});
export type Dir3UnitList = z.infer<typeof dir3UnitListSchema>;

// ---------------------------------------------------------------------------------------------
// Attachments: the same limits in the browser and on the gateway

/** The interconnection system of registries (SIR) takes at most 5 documents, 10 MB each, 15 MB in all. */
export const REGISTRY_ATTACHMENT_LIMITS = {
  maxFiles: 5,
  maxFileBytes: 10 * 1024 * 1024,
  maxTotalBytes: 15 * 1024 * 1024,
  /** Characters of a file's name (extension included). */
  maxNameLength: 150,
} as const;

/** The allowed types and the extensions they go by (for an `<input type="file" accept>`). */
export const REGISTRY_ATTACHMENT_TYPES = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'application/xml': ['.xml'],
} as const satisfies Record<string, readonly string[]>;
export type RegistryAttachmentType = keyof typeof REGISTRY_ATTACHMENT_TYPES;
export const REGISTRY_ATTACHMENT_MIME_TYPES = Object.keys(
  REGISTRY_ATTACHMENT_TYPES,
) as RegistryAttachmentType[];
/** ".pdf,.jpg,.jpeg,.png,.xml,application/pdf,…": the `accept` attribute of the file input. */
export const REGISTRY_ATTACHMENT_ACCEPT = [
  ...Object.values(REGISTRY_ATTACHMENT_TYPES).flat(),
  ...REGISTRY_ATTACHMENT_MIME_TYPES,
].join(',');

/** What is known of a file before sending it (a browser `File` has these). */
export interface AttachmentCandidate {
  name: string;
  size: number;
  /** The declared media type ("" when the browser does not know it). */
  type: string;
}

export type AttachmentProblem =
  | { code: 'too-many'; max: number }
  | { code: 'too-large-total'; max: number }
  | { code: 'too-large'; name: string; max: number }
  | { code: 'empty'; name: string }
  | { code: 'type-not-allowed'; name: string }
  | { code: 'bad-name'; name: string };

/** The allowed type a file goes by: its declared type, else its extension; null when not allowed. */
export function attachmentTypeOf(
  candidate: Pick<AttachmentCandidate, 'name' | 'type'>,
): RegistryAttachmentType | null {
  const declared = candidate.type.split(';')[0]?.trim().toLowerCase() ?? '';
  const extension = /\.[^.]+$/.exec(candidate.name.toLowerCase())?.[0] ?? '';
  const byExtension = (
    Object.entries(REGISTRY_ATTACHMENT_TYPES) as [RegistryAttachmentType, readonly string[]][]
  ).find(([, extensions]) => extensions.includes(extension))?.[0];
  if (declared === '' || declared === 'application/octet-stream') return byExtension ?? null;
  const type = declared === 'text/xml' ? 'application/xml' : declared;
  // The declared type and the extension must agree (a "report.pdf" declared as image/png is refused).
  return type in REGISTRY_ATTACHMENT_TYPES && byExtension === type ? (type as RegistryAttachmentType) : null;
}

/** Control characters, path separators and names that are only dots are refused. */
const SAFE_NAME = /^(?!\.+$)[^\p{Cc}/\\]+$/u;

/**
 * Every problem with a set of files against the limits, in order (empty: they may be sent). The
 * gateway checks the same, and also sniffs each file's real type from its bytes.
 */
export function checkAttachments(files: readonly AttachmentCandidate[]): AttachmentProblem[] {
  const limits = REGISTRY_ATTACHMENT_LIMITS;
  const problems: AttachmentProblem[] = [];
  if (files.length > limits.maxFiles) problems.push({ code: 'too-many', max: limits.maxFiles });
  let total = 0;
  for (const file of files) {
    total += file.size;
    if (!SAFE_NAME.test(file.name) || file.name.length > limits.maxNameLength) {
      problems.push({ code: 'bad-name', name: file.name });
    } else if (attachmentTypeOf(file) === null) {
      problems.push({ code: 'type-not-allowed', name: file.name });
    }
    if (file.size === 0) problems.push({ code: 'empty', name: file.name });
    else if (file.size > limits.maxFileBytes) {
      problems.push({ code: 'too-large', name: file.name, max: limits.maxFileBytes });
    }
  }
  if (total > limits.maxTotalBytes) problems.push({ code: 'too-large-total', max: limits.maxTotalBytes });
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Submissions

export const REGISTRY_SUBJECT_MAX = 240;
export const REGISTRY_TEXT_MAX = 4000;

/**
 * The text fields of POST /api/registry/submissions (multipart/form-data, with an Idempotency-Key):
 * these fields FIRST, then each file in a part named "attachments" (build it with `registryForm`).
 */
export const registrySubmissionFieldsSchema = z.object({
  /** The body the application is addressed to. */
  bodyDir3: dir3Code,
  /** What it is about (the registry's "resumen"). */
  subject: z.string().check(z.trim(), z.minLength(1), z.maxLength(REGISTRY_SUBJECT_MAX)),
  /** Facts and reasons ("expone"). */
  facts: z.string().check(z.trim(), z.minLength(1), z.maxLength(REGISTRY_TEXT_MAX)),
  /** What the citizen asks for ("solicita"). */
  request: z.string().check(z.trim(), z.minLength(1), z.maxLength(REGISTRY_TEXT_MAX)),
});
export type RegistrySubmissionFields = z.infer<typeof registrySubmissionFieldsSchema>;

/** The multipart body of a submission: the fields first, then the files (the gateway reads it in order). */
export function registryForm(
  fields: RegistrySubmissionFields,
  files: readonly Blob[] | readonly File[],
): FormData {
  const form = new FormData();
  form.append('bodyDir3', fields.bodyDir3);
  form.append('subject', fields.subject);
  form.append('facts', fields.facts);
  form.append('request', fields.request);
  for (const file of files) form.append('attachments', file);
  return form;
}

/**
 * pending: the portal holds it but the registry has not registered it yet (it was down; it can be
 * sent again, nothing is lost). registered: it has a registry number. forwarded: sent to the body
 * (SIR). received: the body confirmed it. rejected: the body returned it (wrong addressee).
 */
export const REGISTRY_SUBMISSION_STATUSES = [
  'pending',
  'registered',
  'forwarded',
  'received',
  'rejected',
] as const;
export const registrySubmissionStatusSchema = z.enum(REGISTRY_SUBMISSION_STATUSES);
export type RegistrySubmissionStatus = z.infer<typeof registrySubmissionStatusSchema>;

export const registryAttachmentSchema = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(REGISTRY_ATTACHMENT_LIMITS.maxNameLength)),
  size: z.number().check(z.int(), z.positive()),
  /** The type sniffed from the bytes. */
  type: z.enum(
    Object.keys(REGISTRY_ATTACHMENT_TYPES) as [RegistryAttachmentType, ...RegistryAttachmentType[]],
  ),
  /** SHA-256 of the exact bytes, hex. */
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
});
export type RegistryAttachment = z.infer<typeof registryAttachmentSchema>;

export const registryEventSchema = z.object({
  status: registrySubmissionStatusSchema,
  at: instant,
  /** As the registry words it (e.g. why it was returned). */
  description: z.nullable(z.string().check(z.maxLength(500))),
});
export type RegistryEvent = z.infer<typeof registryEventSchema>;

const personView = z.object({
  displayName: z.string().check(z.minLength(1), z.maxLength(300)),
  maskedId: z.string().check(z.minLength(1), z.maxLength(20)),
});

export const registrySubmissionSchema = z.object({
  /** The portal's id of the submission (it exists before the registry gives a number). */
  id: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/)),
  /** The registry number, e.g. "REGAGE26e00001234567"; null while pending. */
  number: z.nullable(z.string().check(z.regex(/^[A-Za-z0-9/_-]{1,40}$/))),
  /** The instant of registration (what counts for deadlines); null while pending. */
  registeredAt: z.nullable(instant),
  /** When the citizen sent it to the portal. */
  submittedAt: instant,
  body: issuerSchema,
  subject: z.string(),
  facts: z.string(),
  request: z.string(),
  status: registrySubmissionStatusSchema,
  /** Oldest first. */
  history: z.array(registryEventSchema),
  attachments: z.array(registryAttachmentSchema),
  /** The interested party (whose folder it is). */
  applicant: personView,
  /** Who presented it for the applicant under a power of attorney; null when the applicant did. */
  representative: z.nullable(personView),
});
export type RegistrySubmission = z.infer<typeof registrySubmissionSchema>;

/** GET /api/registry/submissions — newest first. Statuses as the registry last gave them. */
export const registrySubmissionListSchema = z.object({
  items: z.array(registrySubmissionSchema),
  source: sourceStatusSchema,
});
export type RegistrySubmissionList = z.infer<typeof registrySubmissionListSchema>;

/**
 * POST /api/registry/submissions (201, or 200 when replayed) and its retry, and
 * GET /api/registry/submissions/:id: the submission as it is now.
 */
export const registrySubmissionAnswerSchema = z.object({
  item: registrySubmissionSchema,
  source: sourceStatusSchema,
});
export type RegistrySubmissionAnswer = z.infer<typeof registrySubmissionAnswerSchema>;

/** POST /api/registry/submissions/:id/retry (with an Idempotency-Key): send a pending one again. */
export const registryRetryRequestSchema = z.object({});

/** Paths of the registry API. The receipt takes `?lang=` with a portal language code (Spanish by default). */
export const REGISTRY_API = {
  units: '/api/registry/units',
  submissions: '/api/registry/submissions',
  submission: (id: string): string => `/api/registry/submissions/${encodeURIComponent(id)}`,
  retry: (id: string): string => `/api/registry/submissions/${encodeURIComponent(id)}/retry`,
  receipt: (id: string, lang: Language = 'es'): string =>
    `/api/registry/submissions/${encodeURIComponent(id)}/receipt.pdf?lang=${lang}`,
} as const;
