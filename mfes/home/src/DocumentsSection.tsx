import { expiringDocumentListSchema } from '@carpeta/sdk';
import { useCarpeta, useFormatters, useResource, useTranslation } from '@carpeta/sdk/react';
import { Alert, Button, Card, Link, Spinner } from '@carpeta/design-system';
import { useRelativeDay } from './relative.ts';

/** Identity card, passport, driving licence, vehicle inspection: what expires soonest first. */
export function DocumentsSection() {
  const { api } = useCarpeta();
  const { t } = useTranslation();
  const format = useFormatters();
  const relative = useRelativeDay();
  const [resource, reload] = useResource('documents', (signal) =>
    api.get('/documents', expiringDocumentListSchema, { signal }),
  );
  return (
    <section aria-labelledby="home-documents-heading" data-testid="documents">
      <h2 id="home-documents-heading">{t('documents.title')}</h2>
      {resource.state === 'loading' && <Spinner label={t('documents.loading')} />}
      {resource.state === 'error' && (
        <Alert variant="error" live>
          <p>{t('documents.error')}</p>
          <Button variant="secondary" onClick={reload}>
            {t('documents.retry')}
          </Button>
        </Alert>
      )}
      {resource.state === 'ready' &&
        (() => {
          const failed = resource.data.sources.filter((source) => source.status !== 'ok');
          const items = [...resource.data.items].sort((a, b) => a.expiresOn.localeCompare(b.expiresOn));
          return (
            <>
              {failed.length > 0 && (
                <Alert variant="warning" live>
                  <p>{t('documents.partial', { names: failed.map((source) => source.name).join(', ') })}</p>
                </Alert>
              )}
              {items.length === 0 && failed.length === 0 && <p>{t('documents.empty')}</p>}
              {items.length > 0 && (
                <ul className="cp-list-plain cp-stack" data-testid="documents-list">
                  {items.map((document) => (
                    <li key={document.id}>
                      <Card
                        title={`${t(`documents.kind.${document.kind}`)}: ${document.label}`}
                        headingLevel={3}
                        meta={document.issuer.name}
                      >
                        <p>
                          <time dateTime={document.expiresOn}>
                            {t('documents.expires', {
                              // Noon UTC is the same calendar day in Madrid.
                              date: format.date(`${document.expiresOn}T12:00:00Z`),
                              relative: relative(document.expiresOn),
                            })}
                          </time>
                        </p>
                        {document.renewUrl && (
                          <p>
                            <Link href={document.renewUrl} newTabLabel={t('documents.newTab')}>
                              {t('documents.renew', { name: document.issuer.name })}
                            </Link>
                          </p>
                        )}
                      </Card>
                    </li>
                  ))}
                </ul>
              )}
            </>
          );
        })()}
    </section>
  );
}
