import {
  type Appointment,
  appointmentDetailSchema,
  appointmentListSchema,
  isApiError,
  newIdempotencyKey,
} from '@carpeta/sdk';
import { useCarpeta, useFormatters, useResource, useTranslation } from '@carpeta/sdk/react';
import {
  Alert,
  Button,
  ButtonGroup,
  Card,
  Dialog,
  Link,
  Spinner,
  SummaryList,
  Tag,
} from '@carpeta/design-system';
import { useRef, useState } from 'react';
import { calendarHref } from './format.ts';
import { SourcesAlert } from './SourcesAlert.tsx';

const TONES = { booked: 'info', cancelled: 'neutral', attended: 'success', missed: 'warning' } as const;

/** Upcoming: booked and not yet started, soonest first. Past: the rest, latest first. */
export function splitAppointments(items: Appointment[], now: Date) {
  const upcoming = items
    .filter((item) => item.status === 'booked' && Date.parse(item.endsAt) >= now.getTime())
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const past = items
    .filter((item) => !upcoming.includes(item))
    .sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return { upcoming, past };
}

interface Cancelling {
  item: Appointment;
  key: string;
  sending: boolean;
  error: string | null;
}

export function AppointmentListView() {
  const { api, basePath, navigate } = useCarpeta();
  const { t } = useTranslation();
  const format = useFormatters();
  const [resource, reload] = useResource('appointments', (signal) =>
    api.get('/appointments', appointmentListSchema, { signal }),
  );
  const [cancelling, setCancelling] = useState<Cancelling | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const sendingRef = useRef(false);

  async function confirmCancel() {
    if (!cancelling || sendingRef.current) return;
    sendingRef.current = true;
    const { item, key } = cancelling;
    setCancelling({ ...cancelling, sending: true, error: null });
    try {
      // The same key for every try of this one intent: a double click or a retry cancels once.
      await api.delete(`/appointments/${encodeURIComponent(item.id)}`, {
        schema: appointmentDetailSchema,
        idempotencyKey: key,
      });
      setCancelling(null);
      setNotice(t('cancelled', { service: item.service.name, date: format.dateTime(item.startsAt) }));
      reload();
    } catch (error) {
      const message = isApiError(error) ? error.message : String(error);
      setCancelling({ item, key, sending: false, error: t('cancelDialog.failed', { message }) });
    } finally {
      sendingRef.current = false;
    }
  }

  const card = (item: Appointment, actions: boolean) => {
    const date = format.dateTime(item.startsAt);
    return (
      <li key={item.id}>
        <Card
          title={item.service.name}
          headingLevel={3}
          meta={item.issuer.name}
          footer={
            actions ? (
              <ButtonGroup>
                <Link
                  href={calendarHref(item.id)}
                  download
                  aria-label={t('addToCalendarOf', { service: item.service.name, date })}
                >
                  {t('addToCalendar')}
                </Link>
                <Link
                  href={`${basePath}/${encodeURIComponent(item.id)}/reschedule`}
                  onNavigate={(href) => navigate(href)}
                  aria-label={t('rescheduleOf', { service: item.service.name, date })}
                >
                  {t('reschedule')}
                </Link>
                <Button
                  variant="warning"
                  aria-label={t('cancelOf', { service: item.service.name, date })}
                  onClick={() =>
                    setCancelling({ item, key: newIdempotencyKey(), sending: false, error: null })
                  }
                >
                  {t('cancel')}
                </Button>
              </ButtonGroup>
            ) : undefined
          }
        >
          <p>
            <Tag tone={TONES[item.status]}>{t(`status.${item.status}`)}</Tag>
          </p>
          <SummaryList
            rows={[
              { key: t('when'), value: <time dateTime={item.startsAt}>{date}</time> },
              {
                key: t('office'),
                value: `${item.office.name}${item.office.address ? ` · ${item.office.address}` : ''}`,
              },
              { key: t('reference'), value: item.reference },
            ]}
          />
        </Card>
      </li>
    );
  };

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="cp-lead">{t('intro')}</p>
      <p>
        <Link href={`${basePath}/book`} onNavigate={(href) => navigate(href)} data-testid="book-link">
          {t('book')}
        </Link>
      </p>
      {notice && (
        <Alert variant="success" live>
          <p>{notice}</p>
        </Alert>
      )}
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
          const { upcoming, past } = splitAppointments(resource.data.items, new Date());
          return (
            <>
              <SourcesAlert sources={resource.data.sources} onRetry={reload} />
              <section aria-labelledby="appointments-upcoming" data-testid="appointments-upcoming">
                <h2 id="appointments-upcoming">{t('upcomingTitle')}</h2>
                {upcoming.length === 0 ? (
                  <p>{t('upcomingEmpty')}</p>
                ) : (
                  <ul className="cp-list-plain cp-stack">{upcoming.map((item) => card(item, true))}</ul>
                )}
              </section>
              <section aria-labelledby="appointments-past" data-testid="appointments-past">
                <h2 id="appointments-past">{t('pastTitle')}</h2>
                {past.length === 0 ? (
                  <p>{t('pastEmpty')}</p>
                ) : (
                  <ul className="cp-list-plain cp-stack">{past.map((item) => card(item, false))}</ul>
                )}
              </section>
            </>
          );
        })()}
      <Dialog
        open={cancelling !== null}
        onClose={() => setCancelling(null)}
        title={t('cancelDialog.title')}
        role="alertdialog"
        closeLabel={t('cancelDialog.close')}
        actions={
          <ButtonGroup>
            <Button
              variant="warning"
              onClick={confirmCancel}
              disabled={cancelling?.sending}
              data-testid="confirm-cancel"
            >
              {t('cancelDialog.confirm')}
            </Button>
            <Button variant="secondary" onClick={() => setCancelling(null)}>
              {t('cancelDialog.keep')}
            </Button>
          </ButtonGroup>
        }
      >
        {cancelling && (
          <>
            <p>
              {t('cancelDialog.body', {
                service: cancelling.item.service.name,
                office: cancelling.item.office.name,
                date: format.dateTime(cancelling.item.startsAt),
              })}
            </p>
            {cancelling.error && (
              <Alert variant="error" live>
                <p>{cancelling.error}</p>
              </Alert>
            )}
          </>
        )}
      </Dialog>
    </>
  );
}
