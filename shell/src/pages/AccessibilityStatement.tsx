import { Button } from '@carpeta/design-system';
import { useEffect, useState } from 'react';
import { navigateToUrl } from 'single-spa';
import { loadStatementData, type StatementData, statementData } from './audit-summary.ts';
import type { ShellPageProps } from './index.tsx';

/** The feedback MFE's accessibility form, which tracks the legal answer date. */
const REPORT = '/feedback/accessibility';

const NON_ACCESSIBLE = ['audit', 'documents', 'services'] as const;

/** `{{name}}` in a sentence of the statement, replaced by its value. */
const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);

/**
 * The accessibility statement required by RD 1112/2018 (model of Decision (EU) 2018/1523). Its
 * title is the shell's message; its words (statement-messages.ts, every portal language) and the
 * status of the latest automated audit, what it found and its date (the summary `pnpm a11y:audit
 * --write-summary` commits, docs/accessibility/audit-summary.json) are loaded with the page
 * (audit-summary.ts), never on another route.
 */
export function AccessibilityStatement({ t, language, formatDate }: ShellPageProps) {
  const title = t('pages.accessibility.title');
  const [data, setData] = useState<StatementData | 'failed' | undefined>(statementData);
  useEffect(() => {
    if (data !== undefined) return;
    let live = true;
    loadStatementData().then(
      (loaded) => live && setData(loaded),
      () => live && setData('failed'),
    );
    return () => {
      live = false;
    };
  }, [data]);

  if (data === undefined || data === 'failed') {
    return (
      <article className="cp-prose">
        <h1>{title}</h1>
        {data === undefined ? (
          <p role="status">{t('mfe.loading', { title })}</p>
        ) : (
          <div role="alert">
            <p>{t('mfe.loadErrorBody')}</p>
            <Button variant="secondary" onClick={() => setData(undefined)}>
              {t('mfe.retry')}
            </Button>
          </div>
        )}
      </article>
    );
  }

  const words = data.words[language] ?? data.words.es;
  const { summary } = data;
  return (
    <article className="cp-prose">
      <h1>{title}</h1>
      <p>{words.intro}</p>
      <h2>{words.statusTitle}</h2>
      <p>{words.status}</p>
      {summary && (
        <p data-testid="audit-status">
          {summary.violations === 0
            ? fill(words.auditClean, { pages: String(summary.pages) })
            : fill(words.auditFound, { count: String(summary.violations), pages: String(summary.pages) })}
        </p>
      )}
      <h2>{words.nonAccessibleTitle}</h2>
      <ul data-testid="non-accessible">
        {NON_ACCESSIBLE.map((item) => (
          <li key={item}>{words.nonAccessible[item]}</li>
        ))}
        {summary?.nonAccessible.map((item) => (
          <li key={`${item.engine}:${item.rule}:${item.mfe}`}>
            {fill(words.auditItem, {
              owner: item.owner,
              area: item.mfe,
              rule: `${item.engine} · ${item.rule}`,
              pages: String(item.pages),
            })}
          </li>
        ))}
      </ul>
      <h2>{words.preparationTitle}</h2>
      {summary && (
        <p data-testid="audit-preparation">
          {fill(words.preparation, { reviewed: formatDate(summary.reviewed), pages: String(summary.pages) })}
        </p>
      )}
      <h2>{words.contactTitle}</h2>
      <p>{words.contact}</p>
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
          {words.reportLink}
        </a>
      </p>
      <h2>{words.procedureTitle}</h2>
      <p>{words.procedure}</p>
    </article>
  );
}
