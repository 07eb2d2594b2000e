import { z } from 'zod/mini';

/*
 * The summary of the latest accessibility audit (`pnpm a11y:audit --write-summary`), committed as
 * docs/accessibility/audit-summary.json: the shell's accessibility statement shows it.
 */

export const auditSummaryItemSchema = z.object({
  /** "axe", "htmlcs" or one of the audit's own checks ("keyboard", "reflow", "text-spacing"…). */
  engine: z.string().check(z.maxLength(40)),
  rule: z.string().check(z.maxLength(200)),
  /** The MFE whose area holds the failing elements, or "shell". */
  mfe: z.string().check(z.maxLength(100)),
  /** The administration that owns it (the manifest entry's `owner.name`). */
  owner: z.string().check(z.maxLength(200)),
  pages: z.number().check(z.int(), z.nonnegative()),
  help: z.string().check(z.maxLength(400)),
});

export const auditSummarySchema = z.object({
  /** The day of the run, "2026-12-05": the statement's date of last review. */
  reviewed: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  tool: z.string(),
  pages: z.number().check(z.int(), z.nonnegative()),
  durationSeconds: z.number().check(z.nonnegative()),
  /** Violations (WCAG 2.1 A/AA failures, and pages that could not be audited). */
  violations: z.number().check(z.int(), z.nonnegative()),
  /** HTML_CodeSniffer's warnings and notices: for a person to review, not failures. */
  toReview: z.number().check(z.int(), z.nonnegative()),
  status: z.enum(['compliant', 'partially-compliant']),
  nonAccessible: z.array(auditSummaryItemSchema).check(z.maxLength(500)),
  /** How the audited pages were chosen. */
  matrix: z.array(z.string()),
});
export type AuditSummary = z.infer<typeof auditSummarySchema>;
export type AuditSummaryItem = z.infer<typeof auditSummaryItemSchema>;
