import { useEffect, useState } from 'react';
import { useCarpeta, useFormatters, useTranslation } from '@carpeta/sdk/react';
import { Alert, Button, ButtonGroup, Card, Link, Spinner, Tag } from '@carpeta/design-system';
import { madridDate, useRelativeDay } from './relative.ts';
import { useAttention } from './useAttention.ts';
import { type Pins, pinLabel } from './usePins.ts';

const TONES = {
  'notification-expiring': 'warning',
  'file-requirement': 'error',
  'appointment-upcoming': 'info',
  'document-expiring': 'warning',
} as const;

/**
 * How long the items wait for every administration before they are shown as they come. Shown
 * sorted as they stream in, each answer put cards above the ones already read and pushed them
 * down (layout shift); within this time the usual case shows them at once, in their final order.
 */
export const ATTENTION_HOLD_MS = 1000;

/** What needs the citizen now, streamed in as each administration answers. */
export function AttentionSection({ pins }: { pins: Pins }) {
  const { navigate } = useCarpeta();
  const { t } = useTranslation();
  const format = useFormatters();
  const relative = useRelativeDay();
  const [attention, reload] = useAttention();
  const [holding, setHolding] = useState(true);
  useEffect(() => {
    const timer = setTimeout(() => setHolding(false), ATTENTION_HOLD_MS);
    return () => clearTimeout(timer);
  }, []);

  let announcement = t('attention.asking');
  let waiting: string[] = [];
  let failed: { name: string; failure: string }[] = [];
  if (attention.state === 'streaming') {
    const { sources, items } = attention;
    waiting = sources.filter((source) => source.state === 'waiting').map((source) => source.name);
    failed = sources
      .filter((source) => source.state === 'failed')
      .map((source) => ({ name: source.name, failure: source.failure ?? 'unavailable' }));
    const answered = sources.length - waiting.length;
    announcement =
      waiting.length > 0
        ? t('attention.progress', { answered, total: sources.length, count: items.length })
        : failed.length > 0
          ? t('attention.completeFailed', {
              count: items.length,
              names: failed.map((f) => f.name).join(', '),
            })
          : t('attention.complete', { count: items.length });
  } else if (attention.state === 'error') {
    announcement = '';
  }

  // While administrations are still answering, the section holds a screen's height: the items
  // that stream in then fill it instead of pushing the sections below down (layout shift).
  const pending = attention.state === 'loading' || waiting.length > 0;
  const shown = !(pending && holding);
  return (
    <section
      aria-labelledby="home-attention-heading"
      data-testid="attention"
      style={pending ? { minBlockSize: '100vh' } : undefined}
    >
      <h2 id="home-attention-heading">{t('attention.title')}</h2>
      {/*
       * Always in the page, so each change is announced politely as sources answer; shown too, above
       * the items, where its one or two lines keep their place while the count changes (a list of the
       * administrations still awaited shortened at every answer and moved the items up).
       */}
      <p role="status" aria-live="polite" data-testid="attention-status">
        {announcement}
      </p>
      {attention.state === 'loading' && <Spinner label={t('attention.asking')} />}
      {attention.state === 'error' && (
        <Alert variant="error" live>
          <p>{t('attention.error')}</p>
          <Button variant="secondary" onClick={reload}>
            {t('attention.retry')}
          </Button>
        </Alert>
      )}
      {attention.state === 'streaming' && (
        <>
          {failed.length > 0 && (
            <Alert
              variant="warning"
              title={t('attention.failedTitle')}
              headingLevel={3}
              data-testid="attention-failed"
            >
              <p>{t('attention.failedBody')}</p>
              <ul>
                {failed.map((source) => (
                  <li key={source.name}>
                    {source.name} ({t(`attention.failed.${source.failure}`)})
                  </li>
                ))}
              </ul>
              <Button variant="secondary" onClick={reload}>
                {t('attention.retry')}
              </Button>
            </Alert>
          )}
          {attention.items.length === 0 && waiting.length === 0 && <p>{t('attention.empty')}</p>}
          {shown && attention.items.length > 0 && (
            <ul
              className="cp-list-plain cp-stack"
              aria-label={t('attention.listLabel')}
              data-testid="attention-list"
            >
              {attention.items.map((item) => {
                const pinned = pins.isPinned(item.href);
                const label = pinLabel(item.title);
                return (
                  <li key={item.id}>
                    <Card
                      title={item.title}
                      headingLevel={3}
                      meta={item.issuer.name}
                      footer={
                        <ButtonGroup>
                          <Link
                            href={item.href}
                            onNavigate={(href) => navigate(href)}
                            aria-label={t('attention.openOf', { title: item.title })}
                          >
                            {t('attention.open')}
                          </Link>
                          {pins.state === 'ready' && (
                            <Button
                              variant="secondary"
                              disabled={pins.busy.has(item.href)}
                              aria-label={t(pinned ? 'pins.removeOf' : 'pins.addOf', { label })}
                              onClick={() =>
                                pinned ? pins.unpin(item.href, label) : pins.pin(item.href, label)
                              }
                            >
                              {pinned ? t('pins.remove') : t('pins.add')}
                            </Button>
                          )}
                        </ButtonGroup>
                      }
                    >
                      <p>
                        <Tag tone={TONES[item.reason]}>{t(`attention.reason.${item.reason}`)}</Tag>
                      </p>
                      <p>
                        <time dateTime={item.due}>
                          {t(`attention.due.${item.reason}`, {
                            date: format.dateTime(item.due),
                            relative: relative(madridDate(new Date(item.due))),
                          })}
                        </time>
                      </p>
                    </Card>
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
