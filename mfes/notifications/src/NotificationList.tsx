import { notificationListSchema } from '@carpeta/sdk';
import { useCarpeta, useFormatters, useResource, useTranslation } from '@carpeta/sdk/react';
import { Alert, Button, Card, EmptyState, Spinner, Tag } from '@carpeta/design-system';
import { useEffect } from 'react';
import { SourcesAlert } from './SourcesAlert.tsx';
import { StatusTag } from './StatusTag.tsx';

export function NotificationList() {
  const { api, events, basePath, navigate } = useCarpeta();
  const { t } = useTranslation();
  const format = useFormatters();
  const [resource, reload] = useResource('list', (signal) =>
    api.get('/notifications', notificationListSchema, { signal }),
  );

  useEffect(() => {
    if (resource.state !== 'ready') return;
    const count = resource.data.items.filter((item) => item.status === 'pending').length;
    events.emit('notifications:pending-count', { count });
  }, [resource, events]);

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="cp-lead">{t('intro')}</p>
      <p>{t('legalNote')}</p>
      {resource.state === 'loading' && <Spinner label={t('loading')} />}
      {resource.state === 'error' && (
        <Alert variant="error" title={t('error.title')} headingLevel={2} live>
          <p>{resource.error.message}</p>
          <Button variant="secondary" onClick={reload}>
            {t('error.retry')}
          </Button>
        </Alert>
      )}
      {resource.state === 'ready' && (
        <>
          <SourcesAlert sources={resource.data.sources} onRetry={reload} />
          {resource.data.items.length === 0 ? (
            resource.data.sources.every((source) => source.status === 'ok') && (
              <EmptyState title={t('empty.title')} headingLevel={2}>
                <p>{t('empty.body')}</p>
              </EmptyState>
            )
          ) : (
            <section aria-labelledby="notifications-list-heading">
              <h2 id="notifications-list-heading" className="cp-visually-hidden">
                {t('listLabel')}
              </h2>
              <ul className="cp-list-plain cp-stack" data-testid="notification-list">
                {resource.data.items.map((item) => (
                  <li key={item.id}>
                    <Card
                      title={item.subject}
                      headingLevel={3}
                      href={`${basePath}/${encodeURIComponent(item.id)}`}
                      onNavigate={(href, event) => {
                        event.preventDefault();
                        navigate(href);
                      }}
                    >
                      <p>
                        <StatusTag status={item.status} />{' '}
                        {item.urgent && <Tag tone="error">{t('urgent')}</Tag>} {t(`kind.${item.kind}`)}
                      </p>
                      <p>
                        {item.issuer.name}
                        {' · '}
                        <time dateTime={item.availableAt}>{format.dateTime(item.availableAt)}</time>
                      </p>
                      {item.status === 'pending' && item.expiresAt && (
                        <p>{t('expiresOn', { date: format.dateTime(item.expiresAt) })}</p>
                      )}
                    </Card>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </>
  );
}
