import type { AuditSummary } from '@carpeta/sdk/accessibility';

/*
 * The latest accessibility audit's summary, which the statement page shows. It is not in the first
 * route's JavaScript: the browser loads it (its own chunk, with its schema) only for the statement
 * page, before the first render when the page is opened directly; the gateway's server render
 * provides it at start (render.tsx).
 */
let current: AuditSummary | null | undefined;

/** The summary if it is here already; `null` when it could not be read. */
export function auditSummary(): AuditSummary | null | undefined {
  return current;
}

export function provideAuditSummary(summary: AuditSummary | null | undefined): void {
  current = summary;
}

export async function loadAuditSummary(): Promise<AuditSummary | null> {
  if (current !== undefined) return current;
  try {
    current = (await import('./audit-summary-data.ts')).AUDIT_SUMMARY;
  } catch {
    current = null;
  }
  return current;
}
