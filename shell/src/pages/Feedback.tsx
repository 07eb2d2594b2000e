import type { ShellPageProps } from './index.tsx';

export function Feedback({ t }: ShellPageProps) {
  return (
    <article className="cp-prose">
      <h1>{t('pages.feedback.title')}</h1>
      <p>{t('pages.feedback.body')}</p>
      <p>{t('pages.feedback.accessibility')}</p>
    </article>
  );
}
