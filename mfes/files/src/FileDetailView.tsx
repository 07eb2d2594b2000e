import { type CitizenFile, fileDetailSchema } from '@carpeta/sdk';
import { useCarpeta, useFormatters, useResource, useTranslation } from '@carpeta/sdk/react';
import {
  Alert,
  Button,
  Link,
  Spinner,
  SummaryList,
  Timeline,
  type TimelineEvent,
} from '@carpeta/design-system';
import { daysFromToday } from './dates.ts';
import { StatusTag, useRelativeDays } from './StatusTag.tsx';

/** The file's history, oldest first, then what is still to come while it is open. */
export function useTimelineEvents(): (file: CitizenFile) => TimelineEvent[] {
  const { t } = useTranslation();
  const format = useFormatters();
  return (file) => {
    const events: TimelineEvent[] = file.timeline.map((event, index) => {
      const last = index === file.timeline.length - 1;
      const current = last && file.open;
      return {
        id: `event-${index}`,
        title: t(`status.${event.status}`),
        date: format.dateTime(event.at),
        dateTime: event.at,
        status: current ? 'current' : 'done',
        statusLabel: current
          ? event.status === 'requirement'
            ? t('mustAct')
            : t('detail.current')
          : t('detail.done'),
        ...(event.description ? { description: <p>{event.description}</p> } : {}),
      };
    });
    if (file.open) {
      events.push({
        id: 'upcoming-resolved',
        title: t('status.resolved'),
        status: 'upcoming',
        statusLabel: t('detail.upcoming'),
      });
    }
    return events;
  };
}

export function FileDetailView({ id }: { id: string }) {
  const { api, basePath, navigate } = useCarpeta();
  const { t } = useTranslation();
  const format = useFormatters();
  const relative = useRelativeDays();
  const timelineEvents = useTimelineEvents();
  const [resource, reload] = useResource(`file:${id}`, (signal) =>
    api.get(`/files/${encodeURIComponent(id)}`, fileDetailSchema, { signal }),
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
  const deadline = item.deadline
    ? { date: format.dateTime(item.deadline), relative: relative(daysFromToday(item.deadline)) }
    : null;
  return (
    <>
      {back}
      <h1>{item.title}</h1>
      <p>
        <StatusTag status={item.status} /> {item.open ? t('open') : t('closed')}
      </p>
      {item.status === 'requirement' && (
        <Alert variant="warning" title={t('detail.requirementTitle')} headingLevel={2}>
          <p>{deadline ? t('detail.requirementBody', deadline) : t('detail.requirementNoDeadline')}</p>
        </Alert>
      )}
      <SummaryList
        rows={[
          { key: t('detail.fields.issuer'), value: item.issuer.name },
          { key: t('detail.fields.handler'), value: item.handler },
          { key: t('detail.fields.procedure'), value: item.procedure ?? notProvided },
          { key: t('detail.fields.reference'), value: item.reference },
          { key: t('detail.fields.status'), value: t(`status.${item.status}`) },
          {
            key: t('detail.fields.startedAt'),
            value: <time dateTime={item.startedAt}>{format.dateTime(item.startedAt)}</time>,
          },
          {
            key: t('detail.fields.updatedAt'),
            value: <time dateTime={item.updatedAt}>{format.dateTime(item.updatedAt)}</time>,
          },
          {
            key: t('detail.fields.deadline'),
            value:
              item.deadline && deadline ? (
                <>
                  <time dateTime={item.deadline}>{deadline.date}</time> ({deadline.relative})
                </>
              ) : (
                t('detail.noDeadline')
              ),
          },
        ]}
      />
      {item.serviceUrl && (
        <section aria-labelledby="file-service-heading">
          <h2 id="file-service-heading">{t('detail.serviceTitle')}</h2>
          <p>{t('detail.serviceNote')}</p>
          <p>
            <Link href={item.serviceUrl} newTabLabel={t('detail.newTab')} data-testid="service-link">
              {t('detail.serviceLink', { name: item.issuer.name })}
            </Link>
          </p>
        </section>
      )}
      <section aria-labelledby="file-timeline-heading">
        <h2 id="file-timeline-heading">{t('detail.timelineTitle')}</h2>
        <Timeline label={t('detail.timelineLabel')} events={timelineEvents(item)} headingLevel={3} />
      </section>
      <section aria-labelledby="file-documents-heading">
        <h2 id="file-documents-heading">{t('detail.documentsTitle')}</h2>
        {item.documents.length === 0 ? (
          <p>{t('detail.documentsEmpty')}</p>
        ) : (
          <ul data-testid="file-documents">
            {item.documents.map((document) => (
              <li key={document.id}>
                {document.title}
                {' · '}
                {t(`detail.origin.${document.origin}`)}
                {' · '}
                <time dateTime={document.addedAt}>
                  {t('detail.addedAt', { date: format.date(document.addedAt) })}
                </time>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
