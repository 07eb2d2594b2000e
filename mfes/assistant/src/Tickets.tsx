import { Alert, Button, EmptyState, Spinner, Table, Tag } from '@carpeta/design-system';
import { type Ticket, ticketListSchema } from '@carpeta/sdk/assistant';
import { useCarpeta, useFormatters, useResource, useTranslation } from '@carpeta/sdk/react';
import { useId } from 'react';

const TONES = { open: 'info', 'in-progress': 'warning', resolved: 'success', closed: 'neutral' } as const;

/** The citizen's incidents filed through Ada, newest first, with their status and the portal's answer. */
export function Tickets({ version }: { version: number }) {
  const { t } = useTranslation();
  const { api } = useCarpeta();
  const { dateTime } = useFormatters();
  const headingId = useId();
  const [resource, retry] = useResource(`tickets-${version}`, (signal) =>
    api.get('/assistant/tickets', ticketListSchema, { signal }),
  );
  return (
    <section className="cp-stack" aria-labelledby={headingId} data-testid="assistant-tickets">
      <h2 id={headingId}>{t('tickets.title')}</h2>
      {resource.state === 'loading' && <Spinner label={t('tickets.loading')} />}
      {resource.state === 'error' && (
        <Alert variant="error" live>
          <p>{t('tickets.error')}</p>
          <Button variant="secondary" onClick={retry}>
            {t('tickets.retry')}
          </Button>
        </Alert>
      )}
      {resource.state === 'ready' && resource.data.items.length === 0 && (
        <EmptyState title={t('tickets.empty')} headingLevel={3} />
      )}
      {resource.state === 'ready' && resource.data.items.length > 0 && (
        <Table<Ticket>
          caption={t('tickets.title')}
          captionHidden
          responsive="stack"
          rows={resource.data.items}
          rowKey={(ticket) => ticket.reference}
          columns={[
            {
              key: 'reference',
              header: t('tickets.reference'),
              rowHeader: true,
              render: (ticket) => ticket.reference,
            },
            {
              key: 'category',
              header: t('tickets.category'),
              render: (ticket) => t(`categories.${ticket.category}`),
            },
            {
              key: 'status',
              header: t('tickets.status'),
              render: (ticket) => (
                <Tag tone={TONES[ticket.status]}>{t(`tickets.statuses.${ticket.status}`)}</Tag>
              ),
            },
            { key: 'date', header: t('tickets.date'), render: (ticket) => dateTime(ticket.createdAt) },
            {
              key: 'answer',
              header: t('tickets.answer'),
              render: (ticket) => ticket.answer ?? t('tickets.noAnswer'),
            },
          ]}
        />
      )}
    </section>
  );
}
