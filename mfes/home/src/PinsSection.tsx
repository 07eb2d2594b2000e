import { useCarpeta, useTranslation } from '@carpeta/sdk/react';
import { Alert, Button, Link } from '@carpeta/design-system';
import type { Pins } from './usePins.ts';

/** The favourites the citizen pinned, each a link and a button to unpin it. */
export function PinsSection({ pins }: { pins: Pins }) {
  const { navigate } = useCarpeta();
  const { t } = useTranslation();
  return (
    <section aria-labelledby="home-pins-heading" data-testid="pins">
      <h2 id="home-pins-heading">{t('pins.title')}</h2>
      <p role="status" aria-live="polite" className="cp-visually-hidden" data-testid="pins-status">
        {pins.message}
      </p>
      {pins.error && (
        <Alert variant="error" live>
          <p>{pins.error}</p>
        </Alert>
      )}
      {pins.state === 'error' && (
        <Alert variant="error">
          <p>{t('pins.error')}</p>
          <Button variant="secondary" onClick={pins.reload}>
            {t('pins.retry')}
          </Button>
        </Alert>
      )}
      {pins.state === 'ready' &&
        (pins.items.length === 0 ? (
          <p>{t('pins.empty')}</p>
        ) : (
          <ul data-testid="pins-list">
            {pins.items.map((pin) => (
              <li key={pin.target}>
                {pin.target.startsWith('/') ? (
                  <Link href={pin.target} onNavigate={(href) => navigate(href)}>
                    {pin.label}
                  </Link>
                ) : (
                  pin.label
                )}{' '}
                <Button
                  variant="secondary"
                  disabled={pins.busy.has(pin.target)}
                  aria-label={t('pins.removeOf', { label: pin.label })}
                  onClick={() => pins.unpin(pin.target, pin.label)}
                >
                  {t('pins.remove')}
                </Button>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
