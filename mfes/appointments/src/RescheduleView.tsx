import { appointmentListSchema } from '@carpeta/sdk';
import { useCarpeta, useResource, useTranslation } from '@carpeta/sdk/react';
import { Alert, Button, Link, Spinner } from '@carpeta/design-system';
import { BookingWizard } from './BookingWizard.tsx';

/** Reschedule: a new slot of the same service at the same office. */
export function RescheduleView({ id }: { id: string }) {
  const { api, basePath, navigate } = useCarpeta();
  const { t } = useTranslation();
  const [resource, reload] = useResource('appointments', (signal) =>
    api.get('/appointments', appointmentListSchema, { signal }),
  );
  const back = (
    <p>
      <Link href={basePath} onNavigate={(href) => navigate(href)}>
        {t('back')}
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
    return (
      <>
        {back}
        <h1>{t('error.title')}</h1>
        <Alert variant="error" live>
          <p>{resource.error.message}</p>
          <Button variant="secondary" onClick={reload}>
            {t('error.retry')}
          </Button>
        </Alert>
      </>
    );
  }
  const appointment = resource.data.items.find((item) => item.id === id && item.status === 'booked');
  if (!appointment) {
    return (
      <>
        {back}
        <h1>{t('wizard.notFoundTitle')}</h1>
        <p>{t('wizard.notFoundBody')}</p>
      </>
    );
  }
  return <BookingWizard mode={{ kind: 'reschedule', appointment }} />;
}
