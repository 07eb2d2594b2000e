import type { ShellPageProps } from './index.tsx';

const DONE = ['platform', 'notifications', 'signIn', 'services', 'languages'] as const;
const NEXT = ['assistant', 'alerts'] as const;

export function Roadmap({ t }: ShellPageProps) {
  return (
    <article className="cp-prose">
      <h1>{t('pages.roadmap.title')}</h1>
      <p>{t('pages.roadmap.intro')}</p>
      <h2>{t('pages.roadmap.doneTitle')}</h2>
      <ul>
        {DONE.map((item) => (
          <li key={item}>{t(`pages.roadmap.done.${item}`)}</li>
        ))}
      </ul>
      <h2>{t('pages.roadmap.nextTitle')}</h2>
      <ul>
        {NEXT.map((item) => (
          <li key={item}>{t(`pages.roadmap.next.${item}`)}</li>
        ))}
      </ul>
    </article>
  );
}
