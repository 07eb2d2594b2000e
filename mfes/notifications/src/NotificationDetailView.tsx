import { notificationDetailSchema } from '@carpeta/sdk';
import { useCarpeta, useFormatters, useResource, useTranslation } from '@carpeta/sdk/react';
import { Alert, Button, Link, Spinner, SummaryList } from '@carpeta/design-system';
import { StatusTag } from './StatusTag.tsx';

export function NotificationDetailView({ id }: { id: string }) {
  const { api, basePath, navigate } = useCarpeta();
  const { t } = useTranslation();
  const format = useFormatters();
  const [resource, reload] = useResource(`detail:${id}`, (signal) =>
    api.get(`/notifications/${encodeURIComponent(id)}`, notificationDetailSchema, { signal }),
  );
  const back = (
    <p>
      <Link href={basePath} onNavigate={(href) => navigate(href)}>
        {t('detail.back')}
      </Link>
    </p>
  );

  if (resource.state === 'loading') {
    return (
      <>
        {back}
        <Spinner label={t('loading')} />
      </>
    );
  }
  if (resource.state === 'error') {
    const notFound = resource.error.code === 'not-found' || resource.error.code === 'bad-request';
    return (
      <>
        {back}
        <h1>{notFound ? t('detail.notFoundTitle') : t('error.title')}</h1>
        {notFound ? (
          <p>{t('detail.notFoundBody')}</p>
        ) : (
          <Alert variant="error" live>
            <p>{resource.error.message}</p>
            <Button variant="secondary" onClick={reload}>
              {t('error.retry')}
            </Button>
          </Alert>
        )}
      </>
    );
  }
  const { item } = resource.data;
  const notProvided = t('detail.notProvided');
  return (
    <>
      {back}
      <h1>{item.subject}</h1>
      <p>
        <StatusTag status={item.status} />
      </p>
      <SummaryList
        rows={[
          { key: t('detail.fields.kind'), value: t(`kind.${item.kind}`) },
          { key: t('detail.fields.issuer'), value: item.issuer.name },
          { key: t('detail.fields.dir3'), value: item.issuer.dir3 },
          { key: t('detail.fields.procedure'), value: item.procedure ?? notProvided },
          { key: t('detail.fields.fileReference'), value: item.fileReference ?? notProvided },
          { key: t('detail.fields.status'), value: t(`status.${item.status}`) },
          {
            key: t('detail.fields.availableAt'),
            value: <time dateTime={item.availableAt}>{format.dateTime(item.availableAt)}</time>,
          },
          {
            key: t('detail.fields.expiresAt'),
            value: item.expiresAt ? (
              <time dateTime={item.expiresAt}>{format.dateTime(item.expiresAt)}</time>
            ) : (
              t('detail.noExpiry')
            ),
          },
          {
            key: t('detail.fields.respondedAt'),
            value: item.respondedAt ? (
              <time dateTime={item.respondedAt}>{format.dateTime(item.respondedAt)}</time>
            ) : (
              notProvided
            ),
          },
          {
            key: t('detail.fields.urgent'),
            value: item.urgent ? t('detail.urgentYes') : t('detail.urgentNo'),
          },
          { key: t('detail.fields.reference'), value: item.id },
        ]}
      />
    </>
  );
}
