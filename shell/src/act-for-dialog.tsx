import { Alert, Button, Dialog, Radios } from '@carpeta/design-system';
import { type Power, powerListSchema } from '@carpeta/sdk';
import type { TFunction } from 'i18next';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ShellContext } from './context.ts';

function useSession(context: ShellContext) {
  return useSyncExternalStore(context.session.subscribe, context.session.get, context.session.get);
}

type PowersState = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; items: Power[] };

/** Choose whose folder to see: one's own, or that of a person or company one holds a power for. */
export function ActForDialog({
  context,
  t,
  onClose,
}: {
  context: ShellContext;
  t: TFunction;
  onClose: () => void;
}) {
  const session = useSession(context);
  const [powers, setPowers] = useState<PowersState>({ state: 'loading' });
  const [choice, setChoice] = useState<string>('self');
  const [error, setError] = useState(false);
  const [busy, setBusy] = useState(false);
  // Read again whenever an MFE says a power changed (one just accepted appears at once).
  const [revision, setRevision] = useState(0);
  useEffect(
    () => context.events.on('representation:changed', () => setRevision((value) => value + 1)),
    [context],
  );

  useEffect(() => {
    // Each read answers for the latest revision; an older one still in flight is abandoned.
    void revision;
    const controller = new AbortController();
    fetch('/api/representation', {
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
      signal: controller.signal,
    })
      .then(async (response) => {
        const parsed = powerListSchema.safeParse(await response.json());
        if (!response.ok || !parsed.success || parsed.data.source.status !== 'ok') {
          setPowers({ state: 'failed' });
          return;
        }
        setPowers({ state: 'ready', items: parsed.data.items });
      })
      .catch(() => {
        if (!controller.signal.aborted) setPowers({ state: 'failed' });
      });
    return () => controller.abort();
  }, [revision]);

  const usable = powers.state === 'ready' ? powers.items.filter((power) => power.usable) : [];
  const options = [
    { value: 'self', label: t('actingFor.self', { name: session.citizen?.displayName ?? '' }) },
    ...usable.map((power) => ({
      value: power.id,
      label: `${power.grantor.displayName} (${power.grantor.maskedId})`,
      hint: t(`actingFor.kind.${power.kind}`, {
        until: power.validUntil ?? t('actingFor.noEnd'),
        organisation: power.organisation?.name ?? '',
      }),
    })),
  ];

  async function confirm() {
    setBusy(true);
    setError(false);
    const ok = await context.session.actFor(choice === 'self' ? null : choice);
    setBusy(false);
    if (ok) onClose();
    else setError(true);
  }

  return (
    <Dialog
      open
      onClose={onClose}
      title={t('actingFor.title')}
      closeLabel={t('actingFor.close')}
      actions={
        <>
          <Button onClick={() => void confirm()} disabled={busy || powers.state !== 'ready'}>
            {t('actingFor.confirm')}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t('actingFor.cancel')}
          </Button>
        </>
      }
    >
      {powers.state === 'loading' && <p>{t('actingFor.loading')}</p>}
      {powers.state === 'failed' && (
        <Alert variant="error" live>
          <p>{t('actingFor.unavailable')}</p>
        </Alert>
      )}
      {error && (
        <Alert variant="error" live>
          <p>{t('actingFor.failed')}</p>
        </Alert>
      )}
      {powers.state === 'ready' && (
        <>
          {usable.length === 0 && <p>{t('actingFor.none')}</p>}
          <Radios
            legend={t('actingFor.legend')}
            name="acting-for"
            options={options}
            value={choice}
            onChange={setChoice}
          />
        </>
      )}
    </Dialog>
  );
}
