import { isApiError, newIdempotencyKey } from '@carpeta/sdk';
import {
  cardReplacementAnswerSchema,
  cardReplacementRequestSchema,
  type HealthAppointment,
  type HealthCard,
  healthAppointmentDetailSchema,
  healthAppointmentListSchema,
  healthCardAnswerSchema,
  REPLACEMENT_REASONS,
  type ReplacementReason,
} from '@carpeta/sdk/health';
import { useCarpeta, useFormatters, useResource, useTranslation } from '@carpeta/sdk/react';
import {
  Alert,
  Button,
  ButtonGroup,
  Card,
  Dialog,
  EmptyState,
  Link,
  Radios,
  Spinner,
  SummaryList,
  Tag,
} from '@carpeta/design-system';
import { useRef, useState } from 'react';
import { dayInstant } from './dates.ts';
import { DownPanel } from './DownPanel.tsx';
import { takeNotice } from './notice.ts';

const TONES = { booked: 'info', cancelled: 'neutral', attended: 'success', missed: 'warning' } as const;

/** Upcoming: booked and not yet over, soonest first. Past: the rest, latest first. */
export function splitAppointments(items: HealthAppointment[], now: Date) {
  const upcoming = items
    .filter((item) => item.status === 'booked' && Date.parse(item.endsAt) >= now.getTime())
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const past = items
    .filter((item) => !upcoming.includes(item))
    .sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return { upcoming, past };
}

export function HealthHome() {
  const { api } = useCarpeta();
  const { t } = useTranslation();
  const [card, reload] = useResource('health-card', (signal) =>
    api.get('/health-service/card', healthCardAnswerSchema, { signal }),
  );
  // Kept here: the card section is drawn again when the card is read again after a request.
  const [done, setDone] = useState<string | null>(null);
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="cp-lead">{t('intro')}</p>
      <div aria-live="polite">
        {done && (
          <Alert variant="success">
            <p>{done}</p>
          </Alert>
        )}
      </div>
      {card.state === 'loading' && <Spinner label={t('loading')} />}
      {card.state === 'error' && (
        <Alert variant="error" title={t('error.title')} headingLevel={2} live>
          <p>{card.error.message}</p>
          <Button variant="secondary" onClick={reload}>
            {t('error.retry')}
          </Button>
        </Alert>
      )}
      {card.state === 'ready' &&
        (card.data.source.status !== 'ok' ? (
          <DownPanel source={card.data.source} onRetry={reload} />
        ) : card.data.card === null ? (
          <EmptyState title={t('noCard.title')} headingLevel={2} data-testid="health-no-card">
            <p>{t('noCard.body')}</p>
          </EmptyState>
        ) : (
          <>
            <CardSection
              card={card.data.card}
              onRequested={(message) => {
                setDone(message);
                reload();
              }}
            />
            <AppointmentsSection />
          </>
        ))}
    </>
  );
}

interface Asking {
  key: string;
  reason: ReplacementReason | '';
  invalid: boolean;
  sending: boolean;
  error: string | null;
}

function CardSection({ card, onRequested }: { card: HealthCard; onRequested: (message: string) => void }) {
  const { api } = useCarpeta();
  const { t } = useTranslation();
  const format = useFormatters();
  const [asking, setAsking] = useState<Asking | null>(null);
  const sending = useRef(false);
  const open = card.replacement && ['requested', 'in-progress'].includes(card.replacement.status);

  async function confirm() {
    if (!asking || sending.current) return;
    if (!asking.reason) {
      setAsking({ ...asking, invalid: true });
      return;
    }
    sending.current = true;
    setAsking({ ...asking, sending: true, error: null });
    try {
      // One key per intent: a double click or a retry asks for one card.
      const answer = await api.post(
        '/health-service/card/replacement',
        { reason: asking.reason },
        {
          bodySchema: cardReplacementRequestSchema,
          schema: cardReplacementAnswerSchema,
          idempotencyKey: asking.key,
        },
      );
      setAsking(null);
      onRequested(t('replacement.done', { reference: answer.replacement.reference }));
    } catch (error) {
      const message = isApiError(error) ? error.message : String(error);
      setAsking({ ...asking, sending: false, error: t('replacement.failed', { message }) });
    } finally {
      sending.current = false;
    }
  }

  return (
    <section aria-labelledby="health-card-title" className="cp-stack" data-testid="health-card">
      <h2 id="health-card-title">{t('card.title')}</h2>
      <SummaryList
        rows={[
          { key: t('card.cipa'), value: card.cipa },
          { key: t('card.holder'), value: card.holder },
          {
            key: t('card.status'),
            value: (
              <Tag tone={card.status === 'active' ? 'success' : 'warning'}>{t(`card.${card.status}`)}</Tag>
            ),
          },
          { key: t('card.validFrom'), value: format.date(dayInstant(card.validFrom)) },
          {
            key: t('card.validUntil'),
            value: card.validUntil ? format.date(dayInstant(card.validUntil)) : t('card.noExpiry'),
          },
          {
            key: t('card.centre'),
            value: (
              <>
                {card.centre.name}
                {card.centre.address && (
                  <>
                    <br />
                    {card.centre.address}
                  </>
                )}
                {card.centre.phone && (
                  <>
                    <br />
                    {t('card.centrePhone', { phone: card.centre.phone })}
                  </>
                )}
              </>
            ),
          },
          { key: t('card.doctor'), value: card.doctor ?? t('card.none') },
          { key: t('card.nurse'), value: card.nurse ?? t('card.none') },
        ]}
      />
      {open && card.replacement ? (
        <Alert variant="info" title={t('replacement.pendingTitle')} headingLevel={3}>
          <p>
            {t('replacement.pending', {
              date: format.date(card.replacement.requestedAt),
              reference: card.replacement.reference,
            })}
          </p>
        </Alert>
      ) : (
        <p>
          <Button
            variant="secondary"
            onClick={() =>
              setAsking({ key: newIdempotencyKey(), reason: '', invalid: false, sending: false, error: null })
            }
          >
            {t('replacement.open')}
          </Button>
        </p>
      )}
      <Dialog
        open={asking !== null}
        onClose={() => setAsking(null)}
        title={t('replacement.dialogTitle')}
        closeLabel={t('replacement.close')}
        actions={
          <ButtonGroup>
            <Button onClick={confirm} disabled={asking?.sending} aria-busy={asking?.sending || undefined}>
              {asking?.sending ? t('replacement.sending') : t('replacement.confirm')}
            </Button>
            <Button variant="secondary" onClick={() => setAsking(null)}>
              {t('replacement.cancel')}
            </Button>
          </ButtonGroup>
        }
      >
        {asking && (
          <>
            <p>{t('replacement.dialogBody')}</p>
            <Radios
              legend={t('replacement.legend')}
              name="replacement-reason"
              id="replacement-reason"
              options={REPLACEMENT_REASONS.map((reason) => ({
                value: reason,
                label: t(`replacement.reasons.${reason}`),
              }))}
              value={asking.reason}
              onChange={(value) => {
                const reason = REPLACEMENT_REASONS.find((candidate) => candidate === value) ?? '';
                setAsking({ ...asking, reason, invalid: false });
              }}
              error={asking.invalid ? t('replacement.missingReason') : undefined}
              errorPrefix={t('replacement.errorPrefix')}
            />
            {asking.error && (
              <Alert variant="error" live>
                <p>{asking.error}</p>
              </Alert>
            )}
          </>
        )}
      </Dialog>
    </section>
  );
}

interface Cancelling {
  item: HealthAppointment;
  key: string;
  sending: boolean;
  error: string | null;
}

function AppointmentsSection() {
  const { api, basePath, navigate } = useCarpeta();
  const { t } = useTranslation();
  const format = useFormatters();
  const [list, reload] = useResource('health-appointments', (signal) =>
    api.get('/health-service/appointments', healthAppointmentListSchema, { signal }),
  );
  const [notice, setNotice] = useState<string | null>(() => takeNotice());
  const [cancelling, setCancelling] = useState<Cancelling | null>(null);
  const sending = useRef(false);

  async function confirmCancel() {
    if (!cancelling || sending.current) return;
    sending.current = true;
    const { item, key } = cancelling;
    setCancelling({ ...cancelling, sending: true, error: null });
    try {
      await api.delete(`/health-service/appointments/${encodeURIComponent(item.id)}`, {
        schema: healthAppointmentDetailSchema,
        idempotencyKey: key,
      });
      setCancelling(null);
      setNotice(
        t('appointments.cancelled', { service: item.service.name, date: format.dateTime(item.startsAt) }),
      );
      reload();
    } catch (error) {
      const message = isApiError(error) ? error.message : String(error);
      setCancelling({ item, key, sending: false, error: t('appointments.cancelFailed', { message }) });
    } finally {
      sending.current = false;
    }
  }

  const card = (item: HealthAppointment, upcoming: boolean) => {
    const date = format.dateTime(item.startsAt);
    return (
      <li key={item.id}>
        <Card
          title={item.service.name}
          headingLevel={4}
          footer={
            upcoming ? (
              <Button
                variant="warning"
                aria-label={t('appointments.cancelOf', { service: item.service.name, date })}
                onClick={() => setCancelling({ item, key: newIdempotencyKey(), sending: false, error: null })}
              >
                {t('appointments.cancel')}
              </Button>
            ) : undefined
          }
        >
          <p>
            <Tag tone={TONES[item.status]}>{t(`appointments.status.${item.status}`)}</Tag>
          </p>
          <SummaryList
            rows={[
              { key: t('appointments.when'), value: <time dateTime={item.startsAt}>{date}</time> },
              ...(item.professional
                ? [{ key: t('appointments.professional'), value: item.professional }]
                : []),
              {
                key: t('appointments.centre'),
                value: `${item.centre.name}${item.centre.address ? ` · ${item.centre.address}` : ''}`,
              },
            ]}
          />
        </Card>
      </li>
    );
  };

  return (
    <section
      aria-labelledby="health-appointments-title"
      className="cp-stack"
      data-testid="health-appointments"
    >
      <h2 id="health-appointments-title">{t('appointments.title')}</h2>
      <p>
        <Link href={`${basePath}/book`} onNavigate={(href) => navigate(href)} data-testid="health-book-link">
          {t('appointments.book')}
        </Link>
      </p>
      <div aria-live="polite">
        {notice && (
          <Alert variant="success">
            <p>{notice}</p>
          </Alert>
        )}
      </div>
      {list.state === 'loading' && <Spinner label={t('appointments.loading')} />}
      {list.state === 'error' && (
        <Alert variant="error" title={t('error.title')} headingLevel={3} live>
          <p>{list.error.message}</p>
          <Button variant="secondary" onClick={reload}>
            {t('error.retry')}
          </Button>
        </Alert>
      )}
      {list.state === 'ready' &&
        (list.data.source.status !== 'ok' ? (
          <DownPanel source={list.data.source} onRetry={reload} />
        ) : (
          (() => {
            const { upcoming, past } = splitAppointments(list.data.items, new Date());
            return (
              <>
                <h3>{t('appointments.upcoming')}</h3>
                {upcoming.length === 0 ? (
                  <p>{t('appointments.upcomingEmpty')}</p>
                ) : (
                  <ul className="cp-list-plain cp-stack" data-testid="health-upcoming">
                    {upcoming.map((item) => card(item, true))}
                  </ul>
                )}
                <h3>{t('appointments.past')}</h3>
                {past.length === 0 ? (
                  <p>{t('appointments.pastEmpty')}</p>
                ) : (
                  <ul className="cp-list-plain cp-stack" data-testid="health-past">
                    {past.map((item) => card(item, false))}
                  </ul>
                )}
              </>
            );
          })()
        ))}
      <Dialog
        open={cancelling !== null}
        onClose={() => setCancelling(null)}
        title={t('appointments.cancelTitle')}
        role="alertdialog"
        closeLabel={t('replacement.close')}
        actions={
          <ButtonGroup>
            <Button variant="warning" onClick={confirmCancel} disabled={cancelling?.sending}>
              {t('appointments.cancelConfirm')}
            </Button>
            <Button variant="secondary" onClick={() => setCancelling(null)}>
              {t('appointments.cancelKeep')}
            </Button>
          </ButtonGroup>
        }
      >
        {cancelling && (
          <>
            <p>
              {t('appointments.cancelBody', {
                service: cancelling.item.service.name,
                date: format.dateTime(cancelling.item.startsAt),
                centre: cancelling.item.centre.name,
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
    </section>
  );
}
