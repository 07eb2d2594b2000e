import { auditSummarySchema } from '@carpeta/sdk/accessibility';
import data from '../../../docs/accessibility/audit-summary.json';

export { STATEMENT_MESSAGES } from './statement-messages.ts';

/** docs/accessibility/audit-summary.json as `pnpm a11y:audit --write-summary` wrote it, checked. */
const parsed = auditSummarySchema.safeParse(data);
export const AUDIT_SUMMARY = parsed.success ? parsed.data : null;
