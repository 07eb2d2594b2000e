import type { Language } from '@carpeta/sdk';
import type { AuditSummary } from '@carpeta/sdk/accessibility';
import type { StatementMessages } from './statement-messages.ts';

/*
 * What the statement page shows besides its title: its words in every language and the latest
 * accessibility audit's summary. Neither is in the first route's JavaScript: the browser loads them
 * (one chunk, with the summary's schema) only for the statement page, before the first render when
 * the page is opened directly; the gateway's server render provides them at start (render.tsx).
 */
export interface StatementData {
  words: Readonly<Record<Language, StatementMessages>>;
  /** null when the committed summary could not be read. */
  summary: AuditSummary | null;
}

let current: StatementData | undefined;

/** The statement's data if it is here already. */
export function statementData(): StatementData | undefined {
  return current;
}

export function provideStatementData(data: StatementData | undefined): void {
  current = data;
}

/** Loads the statement's chunk once; rejects when it cannot be fetched (the page offers a retry). */
export async function loadStatementData(): Promise<StatementData> {
  if (current) return current;
  const chunk = await import('./audit-summary-data.ts');
  current = { words: chunk.STATEMENT_MESSAGES, summary: chunk.AUDIT_SUMMARY };
  return current;
}
