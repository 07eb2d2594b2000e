import { type CitizenFile, fileListSchema } from '@carpeta/sdk';
import { useCarpeta, useFormatters, useResource, useTranslation } from '@carpeta/sdk/react';
import { Alert, Button, Card, EmptyState, Radios, Spinner, Tag } from '@carpeta/design-system';
import { useState } from 'react';
import { daysFromToday } from './dates.ts';
import { SourcesAlert } from './SourcesAlert.tsx';
import { StatusTag, useRelativeDays } from './StatusTag.tsx';

type Filter = 'open' | 'closed' | 'all';

interface Group {
  source: string;
  name: string;
  open: number;
  closed: number;
  files: CitizenFile[];
}

/** One group per administration (source), alphabetical; files with a requirement first, then by last change. */
export function groupByAdministration(files: CitizenFile[]): Group[] {
  const groups = new Map<string, Group>();
  for (const file of files) {
    const group = groups.get(file.source) ?? {
      source: file.source,
      name: file.issuer.name,
      open: 0,
      closed: 0,
      files: [],
    };
    if (file.open) group.open += 1;
    else group.closed += 1;
    group.files.push(file);
    groups.set(file.source, group);
  }
  const rank = (file: CitizenFile) => (file.status === 'requirement' ? 0 : 1);
  for (const group of groups.values()) {
    group.files.sort((a, b) => rank(a) - rank(b) || b.updatedAt.localeCompare(a.updatedAt));
  }
  return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name, 'es'));
}

export function FileListView() {
  const { api, basePath, navigate } = useCarpeta();
  const { t } = useTranslation();
  const format = useFormatters();
  const relative = useRelativeDays();
  const [filter, setFilter] = useState<Filter>('open');
  const [resource, reload] = useResource('files', (signal) => api.get('/files', fileListSchema, { signal }));

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="cp-lead">{t('intro')}</p>
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
          const { items, sources } = resource.data;
          const openCount = items.filter((file) => file.open).length;
          const requirements = items.filter((file) => file.status === 'requirement').length;
          const groups = groupByAdministration(items);
          const shown = (file: CitizenFile) =>
            filter === 'all' || (filter === 'open' ? file.open : !file.open);
          const visible = items.filter(shown).length;
          return (
            <>
              <SourcesAlert sources={sources} onRetry={reload} />
              {items.length === 0 ? (
                sources.every((source) => source.status === 'ok') && (
                  <EmptyState title={t('empty.title')} headingLevel={2}>
                    <p>{t('empty.body')}</p>
                  </EmptyState>
                )
              ) : (
                <>
                  <ul className="cp-list-plain" aria-label={t('summary.label')} data-testid="files-summary">
                    <li>{t('summary.open', { count: openCount })}</li>
                    <li>{t('summary.closed', { count: items.length - openCount })}</li>
                    {requirements > 0 && (
                      <li>
                        <strong>{t('summary.requirements', { count: requirements })}</strong>
                      </li>
                    )}
                  </ul>
                  <Radios
                    legend={t('filter.legend')}
                    name="files-filter"
                    inline
                    small
                    value={filter}
                    onChange={(value) => setFilter(value as Filter)}
                    options={[
                      { value: 'open', label: t('filter.open') },
                      { value: 'closed', label: t('filter.closed') },
                      { value: 'all', label: t('filter.all') },
                    ]}
                  />
                  {visible === 0 && <p>{t('empty.filtered')}</p>}
                  {groups.map((group) => {
                    const files = group.files.filter(shown);
                    if (files.length === 0) return null;
                    const headingId = `files-group-${group.source}`;
                    return (
                      <section key={group.source} aria-labelledby={headingId} data-testid="files-group">
                        <h2 id={headingId}>{group.name}</h2>
                        <p>
                          {t('group.open', { count: group.open })}
                          {' · '}
                          {t('group.closed', { count: group.closed })}
                        </p>
                        <ul className="cp-list-plain cp-stack">
                          {files.map((file) => (
                            <li key={file.id}>
                              <Card
                                title={file.title}
                                headingLevel={3}
                                href={`${basePath}/${encodeURIComponent(file.id)}`}
                                onNavigate={(href, event) => {
                                  event.preventDefault();
                                  navigate(href);
                                }}
                              >
                                <p>
                                  <StatusTag status={file.status} />{' '}
                                  {file.status === 'requirement' && <Tag tone="warning">{t('mustAct')}</Tag>}{' '}
                                  {file.open ? t('open') : t('closed')}
                                </p>
                                <p>
                                  {t('reference', { reference: file.reference })}
                                  {' · '}
                                  {t('handler', { handler: file.handler })}
                                </p>
                                {file.open && file.deadline && (
                                  <p>
                                    {file.status === 'requirement' ? (
                                      <strong>
                                        {t('deadline', {
                                          date: format.dateTime(file.deadline),
                                          relative: relative(daysFromToday(file.deadline)),
                                        })}
                                      </strong>
                                    ) : (
                                      t('deadline', {
                                        date: format.dateTime(file.deadline),
                                        relative: relative(daysFromToday(file.deadline)),
                                      })
                                    )}
                                  </p>
                                )}
                                <p>{t('updated', { date: format.date(file.updatedAt) })}</p>
                              </Card>
                            </li>
                          ))}
                        </ul>
                      </section>
                    );
                  })}
                </>
              )}
            </>
          );
        })()}
    </>
  );
}
