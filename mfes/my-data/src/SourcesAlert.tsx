import type { SourceStatus } from '@carpeta/sdk';
import { useTranslation } from '@carpeta/sdk/react';
import { Alert, Button } from '@carpeta/design-system';

/** Says which administrations could not be reached, so a partial list is never mistaken for a complete one. */
export function SourcesAlert({ sources, onRetry }: { sources: SourceStatus[]; onRetry: () => void }) {
  const { t } = useTranslation();
  const failed = sources.filter((source) => source.status !== 'ok');
  if (failed.length === 0) return null;
  const names = failed.map((source) => `${source.name} (${t(`sources.${source.status}`)})`).join(', ');
  return (
    <Alert variant="warning" title={t('sources.partialTitle')} headingLevel={2} live>
      <p>{t('sources.partialBody', { names })}</p>
      <Button variant="secondary" onClick={onRetry}>
        {t('sources.retry')}
      </Button>
    </Alert>
  );
}
