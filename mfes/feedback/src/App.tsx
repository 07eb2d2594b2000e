import { FEEDBACK_FLOWS, type FeedbackFlow } from '@carpeta/sdk/feedback';
import { useCarpeta, useSubPath, useTranslation } from '@carpeta/sdk/react';
import type { MouseEvent } from 'react';
import { AccessibilityForm, GeneralForm, SignInForm, WasThisUseful } from './forms.tsx';

const PAGES = {
  '/': 'general',
  '/sign-in': 'signIn',
  '/accessibility': 'accessibility',
} as const;
type Page = (typeof PAGES)[keyof typeof PAGES];

function flowOf(search: string): FeedbackFlow | null {
  const context = new URLSearchParams(search).get('context');
  return FEEDBACK_FLOWS.find((flow) => flow === context) ?? null;
}

/**
 * The route /feedback (public): the general form; /feedback/sign-in (trouble signing in);
 * /feedback/accessibility (an accessibility problem, with its legal answer date);
 * /feedback?context=<flow> ("was this useful?" after a key flow).
 */
export function App() {
  const { t } = useTranslation();
  const { navigate, basePath } = useCarpeta();
  const sub = useSubPath().replace(/\/+$/, '') || '/';
  const page: Page = PAGES[sub as keyof typeof PAGES] ?? 'general';
  const flow = page === 'general' ? flowOf(window.location.search) : null;
  const go = (href: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    navigate(href);
  };
  const others: Array<{ page: Page | 'roadmap'; href: string }> = [
    { page: 'general', href: basePath },
    { page: 'signIn', href: `${basePath}/sign-in` },
    { page: 'accessibility', href: `${basePath}/accessibility` },
    { page: 'roadmap', href: '/roadmap' },
  ];
  return (
    <div className="cp-stack">
      {flow ? (
        <WasThisUseful flow={flow} headingLevel={1} />
      ) : (
        <>
          <h1 id="feedback-title" className="cp-heading-xl">
            {t(`${page}.title`)}
          </h1>
          <p>{t(`${page}.intro`)}</p>
          {page === 'accessibility' ? (
            <p>
              <strong>{t('accessibility.deadline')}</strong>
            </p>
          ) : (
            <p>{t('common.anonymous')}</p>
          )}
          {page === 'general' && <GeneralForm key="general" />}
          {page === 'signIn' && <SignInForm key="sign-in" />}
          {page === 'accessibility' && <AccessibilityForm key="accessibility" />}
        </>
      )}
      <nav aria-labelledby="feedback-others">
        <h2 id="feedback-others" className="cp-heading-m">
          {t('common.otherForms')}
        </h2>
        <ul>
          {others
            .filter((other) => flow !== null || other.page !== page)
            .map((other) => (
              <li key={other.page}>
                <a className="cp-link" href={other.href} onClick={go(other.href)}>
                  {t(`nav.${other.page}`)}
                </a>
              </li>
            ))}
        </ul>
      </nav>
    </div>
  );
}
