import { useEffect, useState } from 'react';
import { navigateToUrl } from 'single-spa';
import { auditSummary, loadAuditSummary } from './audit-summary.ts';
import type { ShellPageProps } from './index.tsx';

/** The feedback MFE's accessibility form, which tracks the legal answer date. */
const REPORT = '/feedback/accessibility';

const NON_ACCESSIBLE = ['audit', 'documents', 'services'] as const;

/**
 * The accessibility statement required by RD 1112/2018 (model of Decision (EU) 2018/1523). Its
 * words are the shell's messages (`pages.accessibility`), in every portal language; the status of
 * the latest automated audit, what it found and its date come from the summary `pnpm a11y:audit
 * --write-summary` commits (docs/accessibility/audit-summary.json), loaded apart (audit-summary.ts).
 */
export function AccessibilityStatement({ t, formatDate }: ShellPageProps) {
  const k = (key: string) => t(`pages.accessibility.${key}`);
  const [summary, setSummary] = useState(auditSummary);
  useEffect(() => {
    if (summary === undefined) void loadAuditSummary().then(setSummary);
  }, [summary]);
  return (
    <article className="cp-prose">
      <h1>{k('title')}</h1>
      <p>{k('intro')}</p>
      <h2>{k('statusTitle')}</h2>
      <p>{k('status')}</p>
      {summary && (
        <p data-testid="audit-status">
          {summary.violations === 0
            ? t('pages.accessibility.auditClean', { pages: String(summary.pages) })
            : t('pages.accessibility.auditFound', {
                count: String(summary.violations),
                pages: String(summary.pages),
              })}
        </p>
      )}
      <h2>{k('nonAccessibleTitle')}</h2>
      <ul data-testid="non-accessible">
        {NON_ACCESSIBLE.map((item) => (
          <li key={item}>{k(`nonAccessible.${item}`)}</li>
        ))}
        {summary?.nonAccessible.map((item) => (
          <li key={`${item.engine}:${item.rule}:${item.mfe}`}>
            {t('pages.accessibility.auditItem', {
              owner: item.owner,
              area: item.mfe,
              rule: `${item.engine} · ${item.rule}`,
              pages: String(item.pages),
            })}
          </li>
        ))}
      </ul>
      <h2>{k('preparationTitle')}</h2>
      {summary && (
        <p data-testid="audit-preparation">
          {t('pages.accessibility.preparation', {
            reviewed: formatDate(summary.reviewed),
            pages: String(summary.pages),
          })}
        </p>
      )}
      <h2>{k('contactTitle')}</h2>
      <p>{k('contact')}</p>
      <p>
        <a
          href={REPORT}
          onClick={(event) => {
            if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0)
              return;
            event.preventDefault();
            navigateToUrl(REPORT);
          }}
        >
          {k('reportLink')}
        </a>
      </p>
      <h2>{k('procedureTitle')}</h2>
      <p>{k('procedure')}</p>
    </article>
  );
}
