import { notificationListSchema } from '@carpeta/sdk';
import { useCarpeta, useResource, useTranslation } from '@carpeta/sdk/react';
import { Alert, Button, Card, Spinner } from '@carpeta/design-system';
import { useEffect } from 'react';

/** Today's notifications summary: pending and urgent counts, and the count the shell's badge shows. */
export function NotificationsSummary() {
  const { api, events, navigate } = useCarpeta();
  const { t } = useTranslation();
  const [resource, reload] = useResource('notifications', (signal) =>
    api.get('/notifications', notificationListSchema, { signal }),
  );

  const pending =
    resource.state === 'ready' ? resource.data.items.filter((item) => item.status === 'pending') : [];
  const urgent = pending.filter((item) => item.urgent).length;
  // The list is paged: the gateway's `unread` counts every pending one, not only this page's.
  const pendingCount = resource.state === 'ready' ? (resource.data.unread ?? pending.length) : 0;
  const failed =
    resource.state === 'ready' ? resource.data.sources.filter((source) => source.status !== 'ok') : [];

  useEffect(() => {
    if (resource.state === 'ready') events.emit('notifications:pending-count', { count: pendingCount });
  }, [resource, events, pendingCount]);

  return (
    <>
      <h2>{t('pendingTitle')}</h2>
      <Card
        title={t('notifications.title')}
        headingLevel={3}
        href="/notifications"
        onNavigate={(href, event) => {
          event.preventDefault();
          navigate(href);
        }}
      >
        {resource.state === 'loading' && <Spinner label={t('loading')} />}
        {resource.state === 'error' && (
          <Alert variant="error" live>
            <p>{t('notifications.error')}</p>
            <Button variant="secondary" onClick={reload}>
              {t('notifications.retry')}
            </Button>
          </Alert>
        )}
        {resource.state === 'ready' && (
          <>
            <p data-testid="pending-count">
              {pendingCount === 0
                ? t('notifications.pending_zero')
                : t('notifications.pending', { count: pendingCount })}
            </p>
            {urgent > 0 && <p>{t('notifications.urgent', { count: urgent })}</p>}
            {failed.length > 0 && (
              <Alert variant="warning" live>
                <p>{t('notifications.partial', { names: failed.map((source) => source.name).join(', ') })}</p>
              </Alert>
            )}
          </>
        )}
      </Card>
    </>
  );
}
