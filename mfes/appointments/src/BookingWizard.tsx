import {
  type Appointment,
  type AppointmentService,
  appointmentDetailSchema,
  type BookableSourceList,
  bookableSourceListSchema,
  bookingRequestSchema,
  type Issuer,
  isApiError,
  newIdempotencyKey,
  type Office,
  officeListSchema,
  type Slot,
  slotListSchema,
} from '@carpeta/sdk';
import { useCarpeta, useFormatters, useResource, useTranslation } from '@carpeta/sdk/react';
import {
  Alert,
  Button,
  ButtonGroup,
  Fieldset,
  Link,
  Radios,
  Spinner,
  Stepper,
  SummaryList,
} from '@carpeta/design-system';
import { type ReactNode, type Ref, useEffect, useRef, useState } from 'react';
import { daysFromToday, madridDate } from './dates.ts';
import { calendarHref, useSlotFormat } from './format.ts';
import { SourcesAlert } from './SourcesAlert.tsx';
import { StepForm } from './StepForm.tsx';

type StepId = 'source' | 'service' | 'office' | 'slot' | 'confirm';

export type WizardMode = { kind: 'book' } | { kind: 'reschedule'; appointment: Appointment };

interface Choice {
  source?: string;
  issuer?: Issuer;
  service?: AppointmentService;
  office?: Office;
  slot?: Slot;
}

const SLOT_DAYS = 14;

/** Slots grouped by their Madrid calendar day, in time order. */
export function groupSlotsByDay(slots: Slot[]): { day: string; slots: Slot[] }[] {
  const days = new Map<string, Slot[]>();
  for (const slot of [...slots].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const day = madridDate(slot.startsAt);
    days.set(day, [...(days.get(day) ?? []), slot]);
  }
  return [...days].map(([day, daySlots]) => ({ day, slots: daySlots }));
}

/** Booking (administration → service → office → slot → confirm) page: loads what can be booked first. */
export function BookingWizard({ mode }: { mode: WizardMode }) {
  const { api } = useCarpeta();
  const { t } = useTranslation();
  const [resource, reload] = useResource(`bookable:${mode.kind}`, (signal) =>
    mode.kind === 'book'
      ? api.get('/appointments/sources', bookableSourceListSchema, { signal })
      : Promise.resolve<BookableSourceList>({ items: [], sources: [] }),
  );
  if (resource.state === 'loading')
    return <Frame mode={mode}>{<Spinner label={t('wizard.loadingStep')} />}</Frame>;
  if (resource.state === 'error') {
    return (
      <Frame mode={mode}>
        <Alert variant="error" live>
          <p>{t('wizard.stepError', { message: resource.error.message })}</p>
          <Button variant="secondary" onClick={reload}>
            {t('wizard.retry')}
          </Button>
        </Alert>
      </Frame>
    );
  }
  return (
    <Frame mode={mode}>
      <SourcesAlert sources={resource.data.sources} onRetry={reload} />
      <Wizard mode={mode} bookable={resource.data} />
    </Frame>
  );
}

function Frame({ mode, children }: { mode: WizardMode; children: ReactNode }) {
  const { basePath, navigate } = useCarpeta();
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <>
      <p>
        <Link href={basePath} onNavigate={(href) => navigate(href)}>
          {t('back')}
        </Link>
      </p>
      <h1>{mode.kind === 'book' ? t('wizard.title') : t('wizard.rescheduleTitle')}</h1>
      {mode.kind === 'reschedule' && (
        <p>
          {t('wizard.rescheduleIntro', {
            service: mode.appointment.service.name,
            office: mode.appointment.office.name,
            date: format.dateTime(mode.appointment.startsAt),
          })}
        </p>
      )}
      {children}
    </>
  );
}

function Wizard({ mode, bookable }: { mode: WizardMode; bookable: BookableSourceList }) {
  const { api, basePath, navigate } = useCarpeta();
  const { t } = useTranslation();
  const format = useFormatters();
  const steps: StepId[] =
    mode.kind === 'book' ? ['source', 'service', 'office', 'slot', 'confirm'] : ['slot', 'confirm'];
  const [stepIndex, setStepIndex] = useState(0);
  const [choice, setChoice] = useState<Choice>(() =>
    mode.kind === 'reschedule'
      ? {
          source: mode.appointment.source,
          issuer: mode.appointment.issuer,
          service: mode.appointment.service,
          office: mode.appointment.office,
        }
      : {},
  );
  const [conflict, setConflict] = useState(false);
  const [slotsAttempt, setSlotsAttempt] = useState(0);
  const [key, setKey] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const sendingRef = useRef(false);
  const [sendError, setSendError] = useState<string | null>(null);
  const [done, setDone] = useState<Appointment | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const step = steps[stepIndex] ?? 'confirm';

  // Focus follows the step: each step's heading once the citizen moves (not on the first render).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the step, the outcome or the slots round change
  useEffect(() => {
    if (moved.current) headingRef.current?.focus();
    moved.current = true;
  }, [stepIndex, done, slotsAttempt]);

  const go = (next: StepId) => setStepIndex(steps.indexOf(next));
  const back = stepIndex > 0 ? () => setStepIndex(stepIndex - 1) : undefined;

  async function confirm() {
    const { source, service, office, slot } = choice;
    if (sendingRef.current || !source || !service || !office || !slot || !key) return;
    sendingRef.current = true;
    setSending(true);
    setSendError(null);
    const body = { source, serviceId: service.id, officeId: office.id, slotId: slot.id };
    try {
      const answer =
        mode.kind === 'book'
          ? await api.post('/appointments', body, {
              bodySchema: bookingRequestSchema,
              schema: appointmentDetailSchema,
              idempotencyKey: key,
            })
          : await api.put(`/appointments/${encodeURIComponent(mode.appointment.id)}`, body, {
              bodySchema: bookingRequestSchema,
              schema: appointmentDetailSchema,
              idempotencyKey: key,
            });
      setDone(answer.item);
    } catch (error) {
      if (isApiError(error) && error.code === 'conflict') {
        // Someone took the slot first: back to the slots, fresh from the agency.
        setConflict(true);
        setChoice((current) => ({ ...current, slot: undefined }));
        setKey(null);
        setSlotsAttempt((value) => value + 1);
        go('slot');
      } else {
        setSendError(t('wizard.failed', { message: isApiError(error) ? error.message : String(error) }));
      }
    } finally {
      sendingRef.current = false;
      setSending(false);
    }
  }

  const stepper = (
    <Stepper
      label={t('wizard.stepsLabel')}
      steps={steps.map((id) => ({ label: t(`wizard.steps.${id}`) }))}
      current={done ? steps.length : stepIndex}
      progressLabel={(n, total) => t('wizard.progress', { step: Math.min(n, total), total })}
      statusLabels={{
        done: t('wizard.stepStatus.done'),
        current: t('wizard.stepStatus.current'),
        upcoming: t('wizard.stepStatus.upcoming'),
      }}
    />
  );

  if (done) {
    return (
      <>
        {stepper}
        <h2 ref={headingRef} tabIndex={-1} data-testid="step-heading">
          {mode.kind === 'book' ? t('wizard.bookedTitle') : t('wizard.rescheduledTitle')}
        </h2>
        <Alert variant="success" live>
          <p>{t('wizard.bookedBody', { reference: done.reference })}</p>
        </Alert>
        <SummaryList
          rows={[
            { key: t('issuer'), value: done.issuer.name },
            { key: t('service'), value: done.service.name },
            {
              key: t('office'),
              value: `${done.office.name}${done.office.address ? ` · ${done.office.address}` : ''}`,
            },
            { key: t('when'), value: <time dateTime={done.startsAt}>{format.dateTime(done.startsAt)}</time> },
            { key: t('reference'), value: done.reference },
          ]}
        />
        <ButtonGroup>
          <Link href={calendarHref(done.id)} download data-testid="calendar-link">
            {t('addToCalendar')}
          </Link>
          <Link href={basePath} onNavigate={(href) => navigate(href)}>
            {t('back')}
          </Link>
        </ButtonGroup>
        {/* The feedback MFE's short "was this useful?" form for this flow. */}
        {mode.kind === 'book' && (
          <p>
            <Link href="/feedback?context=appointment" onNavigate={(href) => navigate(href)}>
              {t('wizard.feedback')}
            </Link>
          </p>
        )}
      </>
    );
  }

  const chosenSlot = choice.slot;
  const selectedSource = bookable.items.find((item) => item.source === choice.source);
  const heading = t(`wizard.steps.${step}`);
  return (
    <>
      {stepper}
      {step === 'source' && (
        <StepForm
          heading={heading}
          headingRef={headingRef}
          value={choice.source ?? ''}
          errorText={t('wizard.errors.source')}
          fieldId="booking-source-0"
          onSubmit={() => go('service')}
          onBack={back}
        >
          {(error) => (
            <Radios
              id="booking-source"
              name="source"
              legend={t('wizard.questions.source')}
              error={error}
              value={choice.source ?? ''}
              onChange={(source) => {
                const picked = bookable.items.find((item) => item.source === source);
                setChoice(
                  source === choice.source
                    ? choice
                    : { source, ...(picked ? { issuer: picked.issuer } : {}) },
                );
              }}
              options={bookable.items.map((item) => ({ value: item.source, label: item.issuer.name }))}
            />
          )}
        </StepForm>
      )}
      {step === 'service' &&
        (selectedSource && selectedSource.services.length > 0 ? (
          <StepForm
            heading={heading}
            headingRef={headingRef}
            value={choice.service?.id ?? ''}
            errorText={t('wizard.errors.service')}
            fieldId="booking-service-0"
            onSubmit={() => go('office')}
            onBack={back}
          >
            {(error) => (
              <Radios
                id="booking-service"
                name="service"
                legend={t('wizard.questions.service')}
                error={error}
                value={choice.service?.id ?? ''}
                onChange={(id) => {
                  const service = selectedSource.services.find((item) => item.id === id);
                  if (service && service.id !== choice.service?.id) {
                    setChoice({ source: choice.source, issuer: choice.issuer, service } as Choice);
                  }
                }}
                options={selectedSource.services.map((service) => ({
                  value: service.id,
                  label: service.name,
                  hint: t('wizard.duration', { count: service.durationMinutes }),
                }))}
              />
            )}
          </StepForm>
        ) : (
          <Empty heading={heading} headingRef={headingRef} text={t('wizard.noServices')} onBack={back} />
        ))}
      {step === 'office' && choice.source && choice.service && (
        <OfficeStep
          heading={heading}
          headingRef={headingRef}
          source={choice.source}
          serviceId={choice.service.id}
          selected={choice.office}
          onChange={(office) =>
            office.id !== choice.office?.id && setChoice({ ...choice, office, slot: undefined })
          }
          onSubmit={() => go('slot')}
          onBack={back}
        />
      )}
      {step === 'slot' && choice.source && choice.service && choice.office && (
        <SlotStep
          heading={heading}
          headingRef={headingRef}
          source={choice.source}
          serviceId={choice.service.id}
          officeId={choice.office.id}
          attempt={slotsAttempt}
          conflict={conflict}
          selected={choice.slot}
          onChange={(slot) => setChoice({ ...choice, slot })}
          onSubmit={() => {
            setConflict(false);
            setSendError(null);
            // One key per intent: this slot, this confirmation (reused by a double click or a retry).
            setKey(newIdempotencyKey());
            go('confirm');
          }}
          onBack={back}
        />
      )}
      {step === 'confirm' && chosenSlot && (
        <StepForm
          heading={heading}
          headingRef={headingRef}
          value={chosenSlot.id}
          errorText={t('wizard.errors.slot')}
          fieldId="booking-confirm"
          onSubmit={() => void confirm()}
          onBack={back}
          busy={sending}
          submitLabel={mode.kind === 'book' ? t('wizard.confirm') : t('wizard.confirmReschedule')}
        >
          {() => (
            <>
              {sendError && (
                <Alert variant="error" live>
                  <p>{sendError}</p>
                </Alert>
              )}
              <SummaryList
                rows={[
                  { key: t('issuer'), value: choice.issuer?.name ?? choice.source ?? '' },
                  { key: t('service'), value: choice.service?.name ?? '' },
                  {
                    key: t('office'),
                    value: `${choice.office?.name ?? ''}${choice.office?.address ? ` · ${choice.office.address}` : ''}`,
                  },
                  {
                    key: t('when'),
                    value: <time dateTime={chosenSlot.startsAt}>{format.dateTime(chosenSlot.startsAt)}</time>,
                  },
                ]}
              />
            </>
          )}
        </StepForm>
      )}
    </>
  );
}

function Empty({
  heading,
  headingRef,
  text,
  onBack,
}: {
  heading: string;
  headingRef: Ref<HTMLHeadingElement>;
  text: string;
  onBack: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  return (
    <>
      <h2 ref={headingRef} tabIndex={-1} data-testid="step-heading">
        {heading}
      </h2>
      <p>{text}</p>
      {onBack && (
        <Button variant="secondary" onClick={onBack}>
          {t('wizard.previous')}
        </Button>
      )}
    </>
  );
}

function StepFailure({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert variant="error" live>
      <p>{t('wizard.stepError', { message })}</p>
      <Button variant="secondary" onClick={onRetry}>
        {t('wizard.retry')}
      </Button>
    </Alert>
  );
}

interface StepProps {
  heading: string;
  headingRef: Ref<HTMLHeadingElement>;
  source: string;
  serviceId: string;
  onSubmit: () => void;
  onBack: (() => void) | undefined;
}

function OfficeStep({
  heading,
  headingRef,
  source,
  serviceId,
  selected,
  onChange,
  onSubmit,
  onBack,
}: StepProps & { selected: Office | undefined; onChange: (office: Office) => void }) {
  const { api } = useCarpeta();
  const { t } = useTranslation();
  const [resource, reload] = useResource(`offices:${source}:${serviceId}`, (signal) =>
    api.get(
      `/appointments/sources/${encodeURIComponent(source)}/services/${encodeURIComponent(serviceId)}/offices`,
      officeListSchema,
      { signal },
    ),
  );
  const offices = resource.state === 'ready' ? resource.data.items : [];
  return (
    <StepForm
      heading={heading}
      headingRef={headingRef}
      value={selected?.id ?? ''}
      errorText={t('wizard.errors.office')}
      fieldId="booking-office-0"
      onSubmit={onSubmit}
      onBack={onBack}
    >
      {(error) => (
        <>
          {resource.state === 'loading' && <Spinner label={t('wizard.loadingStep')} />}
          {resource.state === 'error' && <StepFailure message={resource.error.message} onRetry={reload} />}
          {resource.state === 'ready' && offices.length === 0 && <p>{t('wizard.noOffices')}</p>}
          {resource.state === 'ready' && offices.length > 0 && (
            <Radios
              id="booking-office"
              name="office"
              legend={t('wizard.questions.office')}
              error={error}
              value={selected?.id ?? ''}
              onChange={(id) => {
                const office = offices.find((item) => item.id === id);
                if (office) onChange(office);
              }}
              options={offices.map((office) => ({
                value: office.id,
                label: office.name,
                ...(office.address ? { hint: office.address } : {}),
              }))}
            />
          )}
        </>
      )}
    </StepForm>
  );
}

function SlotStep({
  heading,
  headingRef,
  source,
  serviceId,
  officeId,
  attempt,
  conflict,
  selected,
  onChange,
  onSubmit,
  onBack,
}: StepProps & {
  officeId: string;
  attempt: number;
  conflict: boolean;
  selected: Slot | undefined;
  onChange: (slot: Slot) => void;
}) {
  const { api } = useCarpeta();
  const { t } = useTranslation();
  const slotFormat = useSlotFormat();
  const [resource, reload] = useResource(`slots:${source}:${serviceId}:${officeId}:${attempt}`, (signal) => {
    const now = new Date();
    const query = new URLSearchParams({
      from: madridDate(now),
      to: madridDate(new Date(now.getTime() + (SLOT_DAYS - 1) * 86_400_000)),
    });
    return api.get(
      `/appointments/sources/${encodeURIComponent(source)}/services/${encodeURIComponent(serviceId)}/offices/${encodeURIComponent(officeId)}/slots?${query}`,
      slotListSchema,
      { signal },
    );
  });
  const slots = resource.state === 'ready' ? resource.data.items : [];
  const days = groupSlotsByDay(slots.filter((slot) => daysFromToday(slot.startsAt) >= 0));
  const conflictAlert = conflict && (
    <Alert variant="warning" title={t('wizard.conflictTitle')} headingLevel={3} live data-testid="conflict">
      <p>{t('wizard.conflictBody')}</p>
    </Alert>
  );
  return (
    <StepForm
      heading={heading}
      headingRef={headingRef}
      value={selected?.id ?? ''}
      errorText={t('wizard.errors.slot')}
      fieldId="booking-slot-0-0"
      onSubmit={onSubmit}
      onBack={onBack}
    >
      {(error) => (
        <>
          {conflictAlert}
          {resource.state === 'loading' && <Spinner label={t('wizard.loadingStep')} />}
          {resource.state === 'error' && <StepFailure message={resource.error.message} onRetry={reload} />}
          {resource.state === 'ready' && days.length === 0 && <p>{t('wizard.noSlots')}</p>}
          {resource.state === 'ready' && days.length > 0 && (
            <Fieldset legend={t('wizard.questions.slot')} hint={t('wizard.slotsHint')} error={error}>
              <div data-testid="slot-days">
                {days.map((group, index) => (
                  <Radios
                    key={group.day}
                    id={`booking-slot-${index}`}
                    name="slot"
                    small
                    inline
                    legend={slotFormat.day(group.slots[0]?.startsAt ?? `${group.day}T12:00:00Z`)}
                    value={selected?.id ?? ''}
                    onChange={(id) => {
                      const slot = group.slots.find((item) => item.id === id);
                      if (slot) onChange(slot);
                    }}
                    options={group.slots.map((slot) => ({
                      value: slot.id,
                      label: slotFormat.time(slot.startsAt),
                    }))}
                  />
                ))}
              </div>
            </Fieldset>
          )}
        </>
      )}
    </StepForm>
  );
}
