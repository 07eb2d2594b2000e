import { isApiError, newIdempotencyKey } from '@carpeta/sdk';
import {
  type HealthCard,
  type HealthServiceKind,
  type HealthSlot,
  healthAppointmentDetailSchema,
  healthBookingRequestSchema,
  healthCardAnswerSchema,
  healthSlotListSchema,
} from '@carpeta/sdk/health';
import { formatLocale } from '@carpeta/sdk';
import { useCarpeta, useFormatters, useLanguage, useResource, useTranslation } from '@carpeta/sdk/react';
import { Alert, Button, EmptyState, ErrorSummary, Link, Radios, Spinner } from '@carpeta/design-system';
import { useEffect, useMemo, useRef, useState } from 'react';
import { addDays, madridDate } from './dates.ts';
import { DownPanel } from './DownPanel.tsx';
import { leaveNotice } from './notice.ts';

/** Days of availability shown, from tomorrow. */
export const SLOT_DAYS = 14;

/** Slots grouped by their Madrid calendar day, in time order. */
export function groupSlotsByDay(slots: HealthSlot[]): { day: string; slots: HealthSlot[] }[] {
  const days = new Map<string, HealthSlot[]>();
  for (const slot of [...slots].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const day = madridDate(slot.startsAt);
    days.set(day, [...(days.get(day) ?? []), slot]);
  }
  return [...days].map(([day, daySlots]) => ({ day, slots: daySlots }));
}

function useSlotFormat() {
  const language = useLanguage();
  return useMemo(() => {
    const locale = formatLocale(language);
    const day = new Intl.DateTimeFormat(locale, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      timeZone: 'Europe/Madrid',
    });
    const time = new Intl.DateTimeFormat(locale, {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Europe/Madrid',
    });
    return {
      day: (iso: string) => day.format(new Date(iso)),
      time: (iso: string) => time.format(new Date(iso)),
    };
  }, [language]);
}

/** Book a primary-care appointment at the citizen's own health centre: who, then when. */
export function BookingView() {
  const { api, basePath, navigate } = useCarpeta();
  const { t } = useTranslation();
  const [card, reload] = useResource('health-card-booking', (signal) =>
    api.get('/health-service/card', healthCardAnswerSchema, { signal }),
  );
  return (
    <>
      <p>
        <Link href={basePath} onNavigate={(href) => navigate(href)}>
          {t('booking.back')}
        </Link>
      </p>
      <h1>{t('booking.title')}</h1>
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
          <EmptyState title={t('noCard.title')} headingLevel={2}>
            <p>{t('noCard.body')}</p>
          </EmptyState>
        ) : (
          <Booking card={card.data.card} />
        ))}
    </>
  );
}

function Booking({ card }: { card: HealthCard }) {
  const { t } = useTranslation();
  const [service, setService] = useState<HealthServiceKind | null>(null);
  const [choice, setChoice] = useState('');
  const [invalid, setInvalid] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const error = invalid && !choice ? t('booking.missingService') : undefined;
  return (
    <>
      <p>{t('booking.intro', { centre: card.centre.name })}</p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const chosen = card.services.find((item) => item.id === choice);
          if (!chosen) {
            setInvalid(true);
            return;
          }
          setInvalid(false);
          setService(chosen);
        }}
      >
        {error && (
          <ErrorSummary
            title={t('booking.errorSummary')}
            errors={[{ href: '#health-service-0', text: error }]}
          />
        )}
        <Radios
          legend={t('booking.serviceLegend')}
          name="health-service"
          id="health-service"
          options={card.services.map((item) => ({
            value: item.id,
            label: item.name,
            hint: t('booking.serviceHint', { minutes: item.durationMinutes }),
          }))}
          value={choice}
          onChange={(value) => {
            setChoice(value);
            if (service && value !== service.id) setService(null);
          }}
          error={error}
          errorPrefix={t('replacement.errorPrefix')}
        />
        <Button type="submit" variant="secondary">
          {t('booking.showSlots')}
        </Button>
      </form>
      {service && <Slots key={service.id} service={service} headingRef={heading} />}
    </>
  );
}

function Slots({
  service,
  headingRef,
}: {
  service: HealthServiceKind;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
}) {
  const { api, basePath, navigate } = useCarpeta();
  const { t } = useTranslation();
  const format = useFormatters();
  const slotFormat = useSlotFormat();
  const from = addDays(madridDate(new Date()), 1);
  const to = addDays(from, SLOT_DAYS - 1);
  const [slots, reload] = useResource(`health-slots:${service.id}`, (signal) =>
    api.get(
      `/health-service/slots?service=${encodeURIComponent(service.id)}&from=${from}&to=${to}`,
      healthSlotListSchema,
      { signal },
    ),
  );
  const [choice, setChoice] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const key = useRef(newIdempotencyKey());
  const inFlight = useRef(false);

  useEffect(() => {
    headingRef.current?.focus();
  }, [headingRef]);

  async function book() {
    if (inFlight.current) return;
    if (!choice) {
      setInvalid(true);
      return;
    }
    inFlight.current = true;
    setSending(true);
    setFailure(null);
    try {
      const answer = await api.post(
        '/health-service/appointments',
        { serviceId: service.id, slotId: choice },
        {
          bodySchema: healthBookingRequestSchema,
          schema: healthAppointmentDetailSchema,
          idempotencyKey: key.current,
        },
      );
      leaveNotice(
        t('appointments.booked', {
          service: answer.item.service.name,
          date: format.dateTime(answer.item.startsAt),
          centre: answer.item.centre.name,
        }),
      );
      navigate(basePath);
    } catch (error) {
      // Another choice is another intent: a new key for the next try.
      key.current = newIdempotencyKey();
      if (isApiError(error) && error.code === 'conflict') {
        setFailure(t('booking.taken'));
        setChoice('');
        reload();
      } else {
        setFailure(t('booking.failed', { message: isApiError(error) ? error.message : String(error) }));
      }
    } finally {
      inFlight.current = false;
      setSending(false);
    }
  }

  const missing = invalid && !choice ? t('booking.missingSlot') : undefined;
  return (
    <section aria-labelledby="health-slots-title" className="cp-stack" data-testid="health-slots">
      <h2 id="health-slots-title" ref={headingRef} tabIndex={-1}>
        {t('booking.slotsTitle', { service: service.name })}
      </h2>
      <div aria-live="polite">
        {failure && (
          <Alert variant="error">
            <p>{failure}</p>
          </Alert>
        )}
      </div>
      {slots.state === 'loading' && <Spinner label={t('booking.loadingSlots')} />}
      {slots.state === 'error' && (
        <Alert variant="error" title={t('error.title')} headingLevel={3} live>
          <p>{slots.error.message}</p>
          <Button variant="secondary" onClick={reload}>
            {t('error.retry')}
          </Button>
        </Alert>
      )}
      {slots.state === 'ready' &&
        (slots.data.source.status !== 'ok' ? (
          <DownPanel source={slots.data.source} onRetry={reload} />
        ) : slots.data.items.length === 0 ? (
          <p>{t('booking.noSlots')}</p>
        ) : (
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void book();
            }}
          >
            {missing && (
              <ErrorSummary
                title={t('booking.errorSummary')}
                errors={[{ href: '#health-slot-0-0', text: missing }]}
              />
            )}
            {groupSlotsByDay(slots.data.items).map((group, index) => (
              <Radios
                key={group.day}
                legend={slotFormat.day(group.slots[0]?.startsAt ?? group.day)}
                name="health-slot"
                id={`health-slot-${index}`}
                small
                options={group.slots.map((slot) => ({
                  value: slot.id,
                  label: slotFormat.time(slot.startsAt),
                }))}
                value={choice}
                onChange={setChoice}
                error={index === 0 ? missing : undefined}
                errorPrefix={t('replacement.errorPrefix')}
              />
            ))}
            <Button type="submit" disabled={sending} aria-busy={sending || undefined}>
              {sending ? t('booking.sending') : t('booking.confirm')}
            </Button>
          </form>
        ))}
    </section>
  );
}
