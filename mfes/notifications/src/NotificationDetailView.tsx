import {
  type ApiError,
  isApiError,
  type NotificationDetail,
  newIdempotencyKey,
  notificationActRequestSchema,
  notificationDetailSchema,
  notificationListSchema,
} from '@carpeta/sdk';
import { useCarpeta, useFormatters, useResource, useSession, useTranslation } from '@carpeta/sdk/react';
import { Alert, Button, ButtonGroup, Dialog, Link, Spinner, SummaryList } from '@carpeta/design-system';
import { useEffect, useRef, useState } from 'react';
import { StatusTag } from './StatusTag.tsx';

const apiPath = (id: string, tail = '') => `/api/notifications/${encodeURIComponent(id)}${tail}`;

/** The legal act panel: explains the effect, then accepts, or rejects after its own confirmation. */
function ActPanel({
  detail,
  onDone,
}: {
  detail: NotificationDetail;
  onDone: (answer: NotificationDetail, act: 'accept' | 'reject') => void;
}) {
  const { api } = useCarpeta();
  const { t, language } = useTranslation();
  const format = useFormatters();
  const session = useSession();
  const [working, setWorking] = useState<'accept' | 'reject' | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [confirmReject, setConfirmReject] = useState(false);
  // One key per intended act: a double click or a retry after a network error sends the same key.
  const keys = useRef<Record<'accept' | 'reject', string>>({
    accept: newIdempotencyKey(),
    reject: newIdempotencyKey(),
  });
  const { item } = detail;

  // A second click before React re-renders must not send a second request.
  const inFlight = useRef(false);

  async function perform(act: 'accept' | 'reject') {
    if (inFlight.current) return;
    inFlight.current = true;
    setWorking(act);
    setFailure(null);
    try {
      const answer = await api.post(
        // The receipt is written once, in the citizen's language.
        `/notifications/${encodeURIComponent(item.id)}/${act}?lang=${language}`,
        {},
        {
          bodySchema: notificationActRequestSchema,
          schema: notificationDetailSchema,
          idempotencyKey: keys.current[act],
        },
      );
      onDone(answer, act);
    } catch (error) {
      if (isApiError(error)) {
        setFailure(error);
        // A refused act (conflict) will be refused again: the next attempt is a new intent.
        if (error.code === 'conflict') keys.current[act] = newIdempotencyKey();
      } else throw error;
    } finally {
      inFlight.current = false;
      setWorking(null);
    }
  }

  const actingFor = session.citizen?.actingFor;
  return (
    <section aria-labelledby="act-heading" className="cp-stack" data-testid="act-panel">
      <h2 id="act-heading">{t('act.title')}</h2>
      <p>{item.kind === 'notification' ? t('act.body') : t('act.communicationBody')}</p>
      {item.expiresAt && <p>{t('act.deadline', { date: format.dateTime(item.expiresAt) })}</p>}
      {actingFor && <p>{t('act.actingFor', { name: actingFor.displayName })}</p>}
      {failure && (
        <Alert variant="error" title={t('act.failedTitle')} headingLevel={3} live>
          <p>{failure.message}</p>
        </Alert>
      )}
      {working && <Spinner label={t('act.working')} />}
      <ButtonGroup>
        <Button type="button" onClick={() => perform('accept')} disabled={working !== null}>
          {t('act.accept')}
        </Button>
        {item.kind === 'notification' && (
          <Button
            type="button"
            variant="secondary"
            onClick={() => setConfirmReject(true)}
            disabled={working !== null}
          >
            {t('act.reject')}
          </Button>
        )}
      </ButtonGroup>
      <Dialog
        open={confirmReject}
        onClose={() => setConfirmReject(false)}
        title={t('act.rejectTitle')}
        role="alertdialog"
        closeLabel={t('act.cancel')}
        actions={
          <ButtonGroup>
            <Button
              type="button"
              variant="warning"
              onClick={() => {
                setConfirmReject(false);
                void perform('reject');
              }}
            >
              {t('act.rejectConfirm')}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirmReject(false)}>
              {t('act.cancel')}
            </Button>
          </ButtonGroup>
        }
      >
        <p>{t('act.rejectBody')}</p>
      </Dialog>
    </section>
  );
}

function Content({ detail }: { detail: NotificationDetail }) {
  const { t } = useTranslation();
  const { item, content } = detail;
  if (item.status !== 'accepted') return null;
  return (
    <section aria-labelledby="content-heading" className="cp-stack" data-testid="notification-content">
      <h2 id="content-heading" tabIndex={-1}>
        {t('content.title')}
      </h2>
      {content ? (
        <>
          {content.text.split(/\n+/).map((paragraph, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one text, in order, never reordered
            <p key={index}>{paragraph}</p>
          ))}
          {content.documents.length > 0 && (
            <>
              <h3>{t('content.documents')}</h3>
              <ul>
                {content.documents.map((document) => (
                  <li key={document.id}>
                    <a className="cp-link" href={apiPath(item.id, '/document')} download>
                      {t('content.download', { title: document.title })}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      ) : (
        <Alert variant="warning">
          <p>{t('content.unavailable')}</p>
        </Alert>
      )}
    </section>
  );
}

function Receipt({ detail }: { detail: NotificationDetail }) {
  const { t, language } = useTranslation();
  const { receipt, item } = detail;
  if (!receipt) return null;
  return (
    <section aria-labelledby="receipt-heading" data-testid="notification-receipt">
      <h2 id="receipt-heading">{t('content.receiptTitle')}</h2>
      <p>
        <a className="cp-link" href={apiPath(item.id, `/receipt.pdf?lang=${language}`)} download>
          {t('content.receipt')}
        </a>
      </p>
      <p>{t('content.receiptCode', { code: receipt.code })}</p>
    </section>
  );
}

export function NotificationDetailView({ id }: { id: string }) {
  const { api, basePath, navigate, events } = useCarpeta();
  const { t } = useTranslation();
  const format = useFormatters();
  const [resource, reload] = useResource(`detail:${id}`, (signal) =>
    api.get(`/notifications/${encodeURIComponent(id)}`, notificationDetailSchema, { signal }),
  );
  const [answered, setAnswered] = useState<{ detail: NotificationDetail; act: 'accept' | 'reject' } | null>(
    null,
  );
  const outcome = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!answered) return;
    outcome.current?.focus();
  }, [answered]);

  const back = (
    <p>
      <Link href={basePath} onNavigate={(href) => navigate(href)}>
        {t('detail.back')}
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
    const notFound = resource.error.code === 'not-found' || resource.error.code === 'bad-request';
    return (
      <>
        {back}
        <h1>{notFound ? t('detail.notFoundTitle') : t('error.title')}</h1>
        {notFound ? (
          <p>{t('detail.notFoundBody')}</p>
        ) : (
          <Alert variant="error" live>
            <p>{resource.error.message}</p>
            <Button variant="secondary" onClick={reload}>
              {t('error.retry')}
            </Button>
          </Alert>
        )}
      </>
    );
  }
  const detail = answered?.detail ?? resource.data;
  const { item } = detail;
  const notProvided = t('detail.notProvided');

  const onDone = (answer: NotificationDetail, act: 'accept' | 'reject') => {
    setAnswered({ detail: answer, act });
    if (act === 'accept') events.emit('notification:read', { id: answer.item.id });
    // The navigation's count changes: ask the gateway for it rather than guess.
    api.get('/notifications?pageSize=1', notificationListSchema).then(
      (list) => {
        if (list.unread !== undefined) events.emit('notifications:pending-count', { count: list.unread });
      },
      () => undefined,
    );
  };

  return (
    <>
      {back}
      <h1>{item.subject}</h1>
      <p>
        <StatusTag status={item.status} />
      </p>
      {answered && (
        <div ref={outcome} tabIndex={-1} data-testid="act-outcome">
          <Alert variant="success" live>
            <p>{answered.act === 'accept' ? t('act.accepted') : t('act.rejected')}</p>
          </Alert>
        </div>
      )}
      {item.status === 'pending' && <ActPanel detail={detail} onDone={onDone} />}
      {item.status === 'expired' && (
        <Alert variant="info">
          <p>{t('act.expired')}</p>
        </Alert>
      )}
      <Content detail={detail} />
      <Receipt detail={detail} />
      <h2>{t('detail.title')}</h2>
      <SummaryList
        rows={[
          { key: t('detail.fields.kind'), value: t(`kind.${item.kind}`) },
          { key: t('detail.fields.issuer'), value: item.issuer.name },
          { key: t('detail.fields.dir3'), value: item.issuer.dir3 },
          { key: t('detail.fields.procedure'), value: item.procedure ?? notProvided },
          { key: t('detail.fields.fileReference'), value: item.fileReference ?? notProvided },
          { key: t('detail.fields.status'), value: t(`status.${item.status}`) },
          {
            key: t('detail.fields.availableAt'),
            value: <time dateTime={item.availableAt}>{format.dateTime(item.availableAt)}</time>,
          },
          {
            key: t('detail.fields.expiresAt'),
            value: item.expiresAt ? (
              <time dateTime={item.expiresAt}>{format.dateTime(item.expiresAt)}</time>
            ) : (
              t('detail.noExpiry')
            ),
          },
          {
            key: t('detail.fields.respondedAt'),
            value: item.respondedAt ? (
              <time dateTime={item.respondedAt}>{format.dateTime(item.respondedAt)}</time>
            ) : (
              notProvided
            ),
          },
          {
            key: t('detail.fields.urgent'),
            value: item.urgent ? t('detail.urgentYes') : t('detail.urgentNo'),
          },
          { key: t('detail.fields.reference'), value: item.id },
        ]}
      />
    </>
  );
}
