import { Alert, Button, Spinner, Tag } from '@carpeta/design-system';
import { localize } from '@carpeta/sdk';
import { ROADMAP_STATUSES, type RoadmapStatus, roadmapSchema } from '@carpeta/sdk/feedback';
import { useCarpeta, useFormatters, useResource, useTranslation } from '@carpeta/sdk/react';
import type { MouseEvent } from 'react';

export const STATUS_TONE: Record<RoadmapStatus, 'neutral' | 'info' | 'warning' | 'success'> = {
  considering: 'neutral',
  planned: 'info',
  'in-progress': 'warning',
  done: 'success',
};

/** The public roadmap: items by status, each with how many comments asked for it. */
export function Roadmap() {
  const { api, navigate } = useCarpeta();
  const { t, language } = useTranslation();
  const { date } = useFormatters();
  const [roadmap, reload] = useResource('roadmap', (signal) =>
    api.get('/roadmap', roadmapSchema, { signal }),
  );
  const toFeedback = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    navigate('/feedback');
  };
  return (
    <div className="cp-stack">
      <h1 className="cp-heading-xl">{t('roadmap.title')}</h1>
      <p>{t('roadmap.intro')}</p>
      <p>
        <a className="cp-link" href="/feedback" onClick={toFeedback}>
          {t('roadmap.giveFeedback')}
        </a>
      </p>
      {roadmap.state === 'loading' && <Spinner label={t('common.loading')} />}
      {roadmap.state === 'error' && (
        <Alert
          variant="error"
          title={t('roadmap.error')}
          headingLevel={2}
          live
          actions={
            <Button variant="secondary" onClick={reload}>
              {t('common.retry')}
            </Button>
          }
        />
      )}
      {roadmap.state === 'ready' &&
        ROADMAP_STATUSES.map((status) => {
          const items = roadmap.data.items.filter((item) => item.status === status);
          return (
            <section key={status} aria-labelledby={`roadmap-${status}`} data-status={status}>
              <h2 id={`roadmap-${status}`} className="cp-heading-l">
                {t(`roadmap.statuses.${status}`)}
              </h2>
              {items.length === 0 ? (
                <p>{t('roadmap.empty')}</p>
              ) : (
                <ul className="cp-list-plain cp-stack">
                  {items.map((item) => (
                    <li key={item.id} data-item={item.id} className="cp-roadmap-item">
                      <h3 className="cp-heading-m">{localize(item.title, language)}</h3>
                      <p>{localize(item.summary, language)}</p>
                      <p>
                        <Tag tone={STATUS_TONE[item.status]}>{t(`roadmap.statuses.${item.status}`)}</Tag>{' '}
                        <span data-testid="comments">{t('roadmap.comments', { count: item.comments })}</span>
                        {' · '}
                        {t('roadmap.updated', { date: date(item.updatedAt) })}
                      </p>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
    </div>
  );
}
