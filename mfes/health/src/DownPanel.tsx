import type { SourceStatus } from '@carpeta/sdk';
import { useTranslation } from '@carpeta/sdk/react';
import { Alert, Button } from '@carpeta/design-system';

/** The health service cannot be reached (or answered garbage): say so plainly, offer to retry. */
export function DownPanel({ source, onRetry }: { source: SourceStatus; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert variant="error" title={t('down.title')} headingLevel={2} live data-testid="health-down">
      <p>{t('down.body')}</p>
      {source.message && <p>{t('down.detail', { message: source.message })}</p>}
      <Button variant="secondary" onClick={onRetry}>
        {t('down.retry')}
      </Button>
    </Alert>
  );
}
