import {
  isApiError,
  type MyDataOpposition,
  myDataConsultationPageSchema,
  myDataListSchema,
  myDataOppositionListSchema,
  myDataOppositionRequestSchema,
  myDataOppositionSchema,
  myDataRefreshRequestSchema,
  newIdempotencyKey,
} from '@carpeta/sdk';
import { useCarpeta, useFormatters, useResource, useTranslation } from '@carpeta/sdk/react';
import {
  Alert,
  Button,
  Link,
  Pagination,
  Select,
  Spinner,
  SummaryList,
  Table,
  Textarea,
} from '@carpeta/design-system';
import { type FormEvent, useRef, useState } from 'react';

const PAGE_SIZE = 10;

/** One record: who consulted it (filterable, paginated, CSV) and the citizen's oppositions to it. */
export function RecordDetailView({ id }: { id: string }) {
  const { api, basePath, navigate } = useCarpeta();
  const { t } = useTranslation();
  const format = useFormatters();
  const [administration, setAdministration] = useState('');
  const [result, setResult] = useState('');
  const [applied, setApplied] = useState({ administration: '', result: '' });
  const [page, setPage] = useState(1);
  const [list] = useResource('my-data', (signal) => api.get('/my-data', myDataListSchema, { signal }));
  const query = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
  if (applied.administration) query.set('administration', applied.administration);
  if (applied.result) query.set('result', applied.result);
  const path = `/my-data/${encodeURIComponent(id)}/consultations`;
  const [log] = useResource(`my-data-log:${id}:${query}`, (signal) =>
    api.get(`${path}?${query}`, myDataConsultationPageSchema, { signal }),
  );
  const [oppositions, reloadOppositions] = useResource('my-data-oppositions', (signal) =>
    api.get('/my-data/oppositions', myDataOppositionListSchema, { signal }),
  );
  const record =
    list.state === 'ready'
      ? list.data.themes.flatMap((group) => group.items).find((item) => item.id === id)
      : undefined;
  const csvQuery = new URLSearchParams({ format: 'csv' });
  if (applied.administration) csvQuery.set('administration', applied.administration);
  if (applied.result) csvQuery.set('result', applied.result);

  return (
    <div>
      <p>
        <Link
          href={basePath}
          onNavigate={(href, event) => {
            event.preventDefault();
            navigate(href);
          }}
        >
          {t('detail.back')}
        </Link>
      </p>
      <h1>{record?.title ?? t('detail.title')}</h1>
      {list.state === 'loading' && <Spinner label={t('loading')} />}
      {record && (
        <>
          <p>{t('issuer', { name: record.issuer.name })}</p>
          <SummaryList rows={record.fields.map((field) => ({ key: field.label, value: field.value }))} />
        </>
      )}

      <section aria-labelledby="my-data-log" className="cp-stack">
        <h2 id="my-data-log">{t('detail.logTitle')}</h2>
        <p>{t('detail.logIntro')}</p>
        <form
          className="cp-stack"
          onSubmit={(event) => {
            event.preventDefault();
            setApplied({ administration, result });
            setPage(1);
          }}
        >
          <Select
            label={t('detail.filterAdministration')}
            value={administration}
            onChange={(event) => setAdministration(event.target.value)}
            options={[
              { value: '', label: t('detail.all') },
              ...(log.state === 'ready'
                ? log.data.administrations.map((item) => ({ value: item.dir3, label: item.name }))
                : []),
            ]}
          />
          <Select
            label={t('detail.filterResult')}
            value={result}
            onChange={(event) => setResult(event.target.value)}
            options={[
              { value: '', label: t('detail.all') },
              { value: 'served', label: t('detail.result.served') },
              { value: 'refused', label: t('detail.result.refused') },
            ]}
          />
          <Button type="submit" variant="secondary">
            {t('detail.apply')}
          </Button>
        </form>
        {log.state === 'loading' && <Spinner label={t('loading')} />}
        {log.state === 'error' && (
          <Alert variant="error" title={t('detail.logError')} headingLevel={3} live>
            <p>{log.error.message}</p>
          </Alert>
        )}
        {log.state === 'ready' && (
          <>
            <p data-testid="log-total">{t('detail.total', { count: log.data.total })}</p>
            {log.data.items.length > 0 && (
              <Table
                caption={t('detail.logTitle')}
                captionHidden
                responsive="stack"
                rowKey={(row) => row.id}
                rows={log.data.items}
                columns={[
                  { key: 'at', header: t('detail.col.at'), render: (row) => format.dateTime(row.at) },
                  {
                    key: 'administration',
                    header: t('detail.col.administration'),
                    rowHeader: true,
                    render: (row) => row.administration.name,
                  },
                  { key: 'procedure', header: t('detail.col.procedure'), render: (row) => row.procedure },
                  { key: 'legalBasis', header: t('detail.col.legalBasis'), render: (row) => row.legalBasis },
                  {
                    key: 'result',
                    header: t('detail.col.result'),
                    render: (row) => t(`detail.result.${row.result}`),
                  },
                ]}
              />
            )}
            {log.data.total > PAGE_SIZE && (
              <Pagination
                label={t('detail.pagination')}
                current={page}
                total={Math.ceil(log.data.total / PAGE_SIZE)}
                hrefFor={(n) => `${basePath}/${encodeURIComponent(id)}?page=${n}`}
                onNavigate={(href, event) => {
                  event.preventDefault();
                  setPage(Number(new URL(href, window.location.origin).searchParams.get('page') ?? '1'));
                }}
                previousLabel={t('detail.previous')}
                nextLabel={t('detail.next')}
                pageLabel={(n) => t('detail.page', { n })}
              />
            )}
            <p>
              <Link href={`/api${path}?${csvQuery}`} download data-testid="log-csv">
                {t('detail.csv')}
              </Link>
            </p>
          </>
        )}
      </section>

      {record && (
        <OppositionSection
          recordId={record.id}
          dataType={record.type}
          taxData={record.theme === 'tax'}
          administrations={log.state === 'ready' ? log.data.administrations : []}
          oppositions={
            oppositions.state === 'ready'
              ? oppositions.data.items.filter((item) => item.dataType === record.type)
              : []
          }
          onChange={reloadOppositions}
        />
      )}
    </div>
  );
}

function OppositionSection({
  recordId,
  taxData,
  administrations,
  oppositions,
  onChange,
}: {
  recordId: string;
  dataType: string;
  taxData: boolean;
  administrations: { dir3: string; name: string }[];
  oppositions: MyDataOpposition[];
  onChange: () => void;
}) {
  const { api } = useCarpeta();
  const { t } = useTranslation();
  const format = useFormatters();
  const [administration, setAdministration] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const key = useRef(newIdempotencyKey());

  async function oppose(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setError(t('opposition.missingReason'));
      return;
    }
    setError(null);
    setFailure(null);
    setWorking(true);
    try {
      const name = administrations.find((item) => item.dir3 === administration)?.name;
      await api.post(
        '/my-data/oppositions',
        {
          recordId,
          administration: administration || null,
          ...(name ? { administrationName: name } : {}),
          reason: reason.trim(),
        },
        {
          bodySchema: myDataOppositionRequestSchema,
          schema: myDataOppositionSchema,
          idempotencyKey: key.current,
        },
      );
      key.current = newIdempotencyKey();
      setReason('');
      onChange();
    } catch (caught) {
      if (isApiError(caught)) setFailure(caught.message);
      else throw caught;
    } finally {
      setWorking(false);
    }
  }

  async function withdraw(id: string) {
    setFailure(null);
    try {
      await api.post(
        `/my-data/oppositions/${encodeURIComponent(id)}/withdraw`,
        {},
        {
          bodySchema: myDataRefreshRequestSchema,
          schema: myDataOppositionSchema,
          idempotencyKey: newIdempotencyKey(),
        },
      );
      onChange();
    } catch (caught) {
      if (isApiError(caught)) setFailure(caught.message);
      else throw caught;
    }
  }

  return (
    <section aria-labelledby="my-data-opposition" className="cp-stack">
      <h2 id="my-data-opposition">{t('opposition.title')}</h2>
      {taxData ? (
        <Alert variant="info" title={t('opposition.notAllowedTitle')} headingLevel={3}>
          <p>{t('opposition.notAllowedTax')}</p>
        </Alert>
      ) : (
        <>
          <p>{t('opposition.intro')}</p>
          {failure && (
            <Alert variant="error" title={t('opposition.failed')} headingLevel={3} live>
              <p>{failure}</p>
            </Alert>
          )}
          <form onSubmit={oppose} noValidate className="cp-stack">
            <Select
              label={t('opposition.administration')}
              value={administration}
              onChange={(event) => setAdministration(event.target.value)}
              options={[
                { value: '', label: t('opposition.allAdministrations') },
                ...administrations.map((item) => ({ value: item.dir3, label: item.name })),
              ]}
            />
            <Textarea
              label={t('opposition.reason')}
              value={reason}
              maxLength={1000}
              onChange={(event) => setReason(event.target.value)}
              {...(error ? { error, errorPrefix: t('opposition.errorPrefix') } : {})}
            />
            <Button type="submit" disabled={working} aria-busy={working}>
              {t('opposition.submit')}
            </Button>
          </form>
        </>
      )}
      {oppositions.length > 0 && (
        <>
          <h3>{t('opposition.listTitle')}</h3>
          <ul className="cp-list-plain cp-stack" data-testid="oppositions">
            {oppositions.map((item) => (
              <li key={item.id}>
                <p>
                  <strong>{item.administration?.name ?? t('opposition.allAdministrations')}</strong>
                  {' · '}
                  {t('opposition.since', { date: format.dateTime(item.createdAt) })}
                  {item.withdrawnAt &&
                    ` · ${t('opposition.withdrawnOn', { date: format.dateTime(item.withdrawnAt) })}`}
                </p>
                <p>{item.reason}</p>
                {!item.withdrawnAt && (
                  <Button variant="secondary" onClick={() => withdraw(item.id)}>
                    {t('opposition.withdraw')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
