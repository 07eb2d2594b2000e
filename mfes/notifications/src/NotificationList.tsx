import {
  type Issuer,
  NOTIFICATION_STATUSES,
  type Notification,
  type NotificationList as NotificationListAnswer,
  notificationListSchema,
} from '@carpeta/sdk';
import { useCarpeta, useFormatters, useResource, useTranslation } from '@carpeta/sdk/react';
import {
  Alert,
  Button,
  ButtonGroup,
  Card,
  EmptyState,
  Pagination,
  Select,
  Spinner,
  Tag,
  TextInput,
} from '@carpeta/design-system';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { SourcesAlert } from './SourcesAlert.tsx';
import { StatusTag } from './StatusTag.tsx';

export const PAGE_SIZE = 10;
const DAY_MS = 86_400_000;

interface Filters {
  issuer: string;
  status: string;
  from: string;
  to: string;
  q: string;
}
const NO_FILTERS: Filters = { issuer: '', status: '', from: '', to: '', q: '' };

function queryOf(filters: Filters, page: number): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value.trim()) query.set(key, value.trim());
  query.set('page', String(page));
  query.set('pageSize', String(PAGE_SIZE));
  return query.toString();
}

/** Whole days left before a pending notification expires (0 on its last day). */
export function daysLeft(expiresAt: string, now: number): number {
  return Math.max(0, Math.ceil((Date.parse(expiresAt) - now) / DAY_MS) - 1);
}

/** The count the shell shows on the navigation: the gateway's, or what this page can see. */
export function unreadOf(data: NotificationListAnswer): number {
  return data.unread ?? data.items.filter((item) => item.status === 'pending').length;
}

function Deadline({ item }: { item: Notification }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (item.status !== 'pending' || !item.expiresAt) return null;
  const left = daysLeft(item.expiresAt, Date.now());
  return (
    <p>
      <strong>{left === 0 ? t('lastDay') : t('daysLeft', { count: left })}</strong>
      {' · '}
      {t('expiresOn', { date: format.dateTime(item.expiresAt) })}
    </p>
  );
}

export function NotificationList() {
  const { api, events, basePath, navigate } = useCarpeta();
  const { t } = useTranslation();
  const format = useFormatters();
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [page, setPage] = useState(1);
  const [rangeError, setRangeError] = useState(false);
  // Kept while another page loads, so that the filter keeps its options.
  const [issuers, setIssuers] = useState<Issuer[]>([]);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const focusResults = useRef(false);
  const query = queryOf(filters, page);
  const [resource, reload] = useResource(`list?${query}`, (signal) =>
    api.get(`/notifications?${query}`, notificationListSchema, { signal }),
  );

  useEffect(() => {
    if (resource.state !== 'ready') return;
    events.emit('notifications:pending-count', { count: unreadOf(resource.data) });
    if (resource.data.issuers) setIssuers(resource.data.issuers);
    if (focusResults.current) {
      focusResults.current = false;
      resultsHeading.current?.focus();
    }
  }, [resource, events]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (draft.from && draft.to && draft.from > draft.to) {
      setRangeError(true);
      return;
    }
    setRangeError(false);
    focusResults.current = true;
    setFilters(draft);
    setPage(1);
  };
  const clear = () => {
    setRangeError(false);
    setDraft(NO_FILTERS);
    setFilters(NO_FILTERS);
    setPage(1);
  };
  const set = (key: keyof Filters) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [key]: event.target.value }));

  const data = resource.state === 'ready' ? resource.data : null;
  const total = data ? (data.total ?? data.items.length) : 0;
  const pages = Math.max(1, Math.ceil(total / (data?.pageSize ?? PAGE_SIZE)));
  const filtered = Object.values(filters).some((value) => value.trim() !== '');

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="cp-lead">{t('intro')}</p>
      <p>{t('legalNote')}</p>
      {/* In the page from the start (a line held, so nothing below moves when the count arrives). */}
      <p role="status" data-testid="unread-count" style={{ minBlockSize: '1lh' }}>
        {data ? t('unread', { count: unreadOf(data) }) : ''}
      </p>

      <section aria-labelledby="notifications-filters-heading">
        <h2 id="notifications-filters-heading">{t('filters.title')}</h2>
        <form onSubmit={apply} className="cp-stack" noValidate>
          <TextInput
            label={t('filters.q')}
            name="q"
            type="search"
            value={draft.q}
            onChange={set('q')}
            width={30}
          />
          <Select
            label={t('filters.issuer')}
            name="issuer"
            value={draft.issuer}
            onChange={set('issuer')}
            options={[
              { value: '', label: t('filters.anyIssuer') },
              ...issuers.map((issuer) => ({ value: issuer.dir3, label: issuer.name })),
            ]}
          />
          <Select
            label={t('filters.status')}
            name="status"
            value={draft.status}
            onChange={set('status')}
            options={[
              { value: '', label: t('filters.anyStatus') },
              ...NOTIFICATION_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) })),
            ]}
          />
          <TextInput
            label={t('filters.from')}
            name="from"
            type="date"
            value={draft.from}
            onChange={set('from')}
          />
          <TextInput
            label={t('filters.to')}
            name="to"
            type="date"
            value={draft.to}
            onChange={set('to')}
            {...(rangeError ? { error: t('filters.invalidRange') } : {})}
          />
          <ButtonGroup>
            <Button type="submit">{t('filters.apply')}</Button>
            {filtered && (
              <Button type="button" variant="secondary" onClick={clear}>
                {t('filters.clear')}
              </Button>
            )}
          </ButtonGroup>
        </form>
      </section>

      {resource.state === 'loading' && <Spinner label={t('loading')} />}
      {resource.state === 'error' && (
        <Alert variant="error" title={t('error.title')} headingLevel={2} live>
          <p>{resource.error.message}</p>
          <Button variant="secondary" onClick={reload}>
            {t('error.retry')}
          </Button>
        </Alert>
      )}
      {data && (
        <>
          <SourcesAlert sources={data.sources} onRetry={reload} />
          {data.items.length === 0 ? (
            filtered ? (
              <EmptyState title={t('noResults.title')} headingLevel={2}>
                <p>{t('noResults.body')}</p>
              </EmptyState>
            ) : (
              data.sources.every((source) => source.status === 'ok') && (
                <EmptyState title={t('empty.title')} headingLevel={2}>
                  <p>{t('empty.body')}</p>
                </EmptyState>
              )
            )
          ) : (
            <section aria-labelledby="notifications-list-heading">
              <h2 id="notifications-list-heading" ref={resultsHeading} tabIndex={-1}>
                {t('listLabel')} <span className="cp-visually-hidden">·</span>{' '}
                <small data-testid="results-count">({t('results', { count: total })})</small>
              </h2>
              <ul className="cp-list-plain cp-stack" data-testid="notification-list">
                {data.items.map((item) => (
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
                      <Deadline item={item} />
                    </Card>
                  </li>
                ))}
              </ul>
              {pages > 1 && (
                <Pagination
                  label={t('pagination.label')}
                  current={page}
                  total={pages}
                  hrefFor={(target) => `${basePath}?page=${target}`}
                  onNavigate={(href) => {
                    const target = Number(new URL(href, 'http://x').searchParams.get('page'));
                    if (target >= 1) {
                      focusResults.current = true;
                      setPage(target);
                    }
                  }}
                  previousLabel={t('pagination.previous')}
                  nextLabel={t('pagination.next')}
                  pageLabel={(target) => t('pagination.page', { page: target })}
                />
              )}
            </section>
          )}
        </>
      )}
    </>
  );
}
