import { navigateToUrl } from 'single-spa';
import type { ShellPageProps } from './index.tsx';

/** The feedback MFE's accessibility form, which tracks the legal answer date. */
const REPORT = '/feedback/accessibility';

const REVIEWED = '2026-11-23';
const NON_ACCESSIBLE = ['audit', 'documents', 'services'] as const;

/**
 * The accessibility statement required by RD 1112/2018 (model of Decision (EU) 2018/1523). Its
 * words are the shell's messages (`pages.accessibility`), in every portal language; figures and
 * dates must be updated at each review.
 */
export function AccessibilityStatement({ t, formatDate }: ShellPageProps) {
  const k = (key: string) => t(`pages.accessibility.${key}`);
  return (
    <article className="cp-prose">
      <h1>{k('title')}</h1>
      <p>{k('intro')}</p>
      <h2>{k('statusTitle')}</h2>
      <p>{k('status')}</p>
      <h2>{k('nonAccessibleTitle')}</h2>
      <ul>
        {NON_ACCESSIBLE.map((item) => (
          <li key={item}>{k(`nonAccessible.${item}`)}</li>
        ))}
      </ul>
      <h2>{k('preparationTitle')}</h2>
      <p>{t('pages.accessibility.preparation', { reviewed: formatDate(REVIEWED) })}</p>
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
