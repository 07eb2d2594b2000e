import {
  isApiError,
  MY_DATA_THEMES,
  type MyDataRecord,
  myDataListSchema,
  myDataRefreshRequestSchema,
  myDataRefreshSchema,
  newIdempotencyKey,
} from '@carpeta/sdk';
import { useCarpeta, useFormatters, useResource, useSubPath, useTranslation } from '@carpeta/sdk/react';
import {
  Alert,
  Button,
  Card,
  EmptyState,
  Link,
  Spinner,
  SummaryList,
  Tabs,
  Tag,
  VisuallyHidden,
} from '@carpeta/design-system';
import { useRef, useState } from 'react';
import { ExportDownload } from './ExportDownload.tsx';
import { RecordDetailView } from './RecordDetailView.tsx';
import { SourcesAlert } from './SourcesAlert.tsx';

export function App() {
  const subPath = useSubPath();
  const id = subPath.replace(/^\/+|\/+$/g, '');
  return id ? <RecordDetailView id={decodeURIComponent(id)} /> : <ListView />;
}

function ListView() {
  const { api } = useCarpeta();
  const { t } = useTranslation();
  const [resource, reload] = useResource('my-data', (signal) =>
    api.get('/my-data', myDataListSchema, { signal }),
  );
  // Records refreshed since the list was loaded, by id.
  const [refreshed, setRefreshed] = useState<Record<string, MyDataRecord>>({});

  return (
    <div>
      <h1>{t('title')}</h1>
      <p className="cp-lead">{t('intro')}</p>
      <ExportDownload path="/export.zip" />
      {resource.state === 'loading' && <Spinner label={t('loading')} />}
      {resource.state === 'error' && (
        <Alert variant="error" title={t('error.title')} headingLevel={2} live>
          <p>{resource.error.message}</p>
          <Button variant="secondary" onClick={reload}>
            {t('error.retry')}
          </Button>
        </Alert>
      )}
      {resource.state === 'ready' &&
        (() => {
          const { themes, sources } = resource.data;
          const total = themes.reduce((sum, group) => sum + group.items.length, 0);
          return (
            <>
              <SourcesAlert
                sources={sources}
                onRetry={() => {
                  setRefreshed({});
                  reload();
                }}
              />
              {total === 0 ? (
                sources.every((source) => source.status === 'ok') && (
                  <EmptyState title={t('empty.title')} headingLevel={2}>
                    <p>{t('empty.body')}</p>
                  </EmptyState>
                )
              ) : (
                <Tabs
                  label={t('themesLabel')}
                  tabs={MY_DATA_THEMES.map((theme) => {
                    const items = themes.find((group) => group.theme === theme)?.items ?? [];
                    return {
                      id: theme,
                      label: t('tabLabel', { theme: t(`theme.${theme}`), count: items.length }),
                      content: (
                        <section aria-labelledby={`my-data-theme-${theme}`} data-testid="my-data-theme">
                          <h2 id={`my-data-theme-${theme}`}>{t(`theme.${theme}`)}</h2>
                          {items.length === 0 ? (
                            <p>{t('themeEmpty')}</p>
                          ) : (
                            <ul className="cp-list-plain cp-stack">
                              {items.map((item) => (
                                <li key={item.id}>
                                  <RecordCard
                                    record={refreshed[item.id] ?? item}
                                    onRefreshed={(record) =>
                                      setRefreshed((current) => ({ ...current, [record.id]: record }))
                                    }
                                  />
                                </li>
                              ))}
                            </ul>
                          )}
                        </section>
                      ),
                    };
                  })}
                />
              )}
            </>
          );
        })()}
    </div>
  );
}

function RecordCard({
  record,
  onRefreshed,
}: {
  record: MyDataRecord;
  onRefreshed: (record: MyDataRecord) => void;
}) {
  const { api, navigate } = useCarpeta();
  const { t, language } = useTranslation();
  const format = useFormatters();
  const [working, setWorking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const key = useRef(newIdempotencyKey());
  const inFlight = useRef(false);

  async function refresh() {
    if (inFlight.current) return;
    inFlight.current = true;
    setWorking(true);
    setFailure(null);
    setDone(false);
    try {
      const answer = await api.post(
        `/my-data/${encodeURIComponent(record.id)}/refresh`,
        {},
        { bodySchema: myDataRefreshRequestSchema, schema: myDataRefreshSchema, idempotencyKey: key.current },
      );
      onRefreshed(answer.item);
      setDone(answer.item.state === 'current');
    } catch (error) {
      if (isApiError(error)) setFailure(error.message);
      else throw error;
    } finally {
      // Each click is a new intent: the next refresh asks again.
      key.current = newIdempotencyKey();
      inFlight.current = false;
      setWorking(false);
    }
  }

  return (
    <Card
      title={record.title}
      headingLevel={3}
      meta={t('issuer', { name: record.issuer.name })}
      data-testid="my-data-record"
    >
      <SummaryList rows={record.fields.map((field) => ({ key: field.label, value: field.value }))} />
      <p>
        {t('retrievedAt', { date: format.dateTime(record.retrievedAt) })}{' '}
        {record.state === 'stale' && <Tag tone="warning">{t('stale')}</Tag>}
      </p>
      {record.state === 'stale' && (
        <Alert variant="warning" title={t('refreshFailedTitle')} headingLevel={4}>
          <p>{t('staleBody', { date: format.dateTime(record.retrievedAt) })}</p>
        </Alert>
      )}
      {failure && (
        <Alert variant="error" title={t('refreshFailedTitle')} headingLevel={4} live>
          <p>{failure}</p>
        </Alert>
      )}
      <div aria-live="polite">{done && <p>{t('refreshed')}</p>}</div>
      <p className="cp-cluster">
        <Button variant="secondary" onClick={refresh} disabled={working} aria-busy={working}>
          {working ? t('refreshing') : t('refresh')}
          <VisuallyHidden>{t('refreshContext', { title: record.title })}</VisuallyHidden>
        </Button>{' '}
        <Link
          href={`/api/my-data/${encodeURIComponent(record.id)}/proof.pdf?lang=${language}`}
          download
          data-testid="proof-link"
        >
          {t('proof')}
          <VisuallyHidden>{t('refreshContext', { title: record.title })}</VisuallyHidden>
        </Link>
      </p>
      <p>
        <Link
          href="/verify"
          onNavigate={(href, event) => {
            event.preventDefault();
            navigate(href);
          }}
          variant="muted"
        >
          {t('verifyLink')}
        </Link>
      </p>
    </Card>
  );
}
