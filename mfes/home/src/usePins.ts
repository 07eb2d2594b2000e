import { isApiError, newIdempotencyKey, type Pin, pinListSchema, pinRequestSchema } from '@carpeta/sdk';
import { useCarpeta, useTranslation } from '@carpeta/sdk/react';
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Pins {
  state: 'loading' | 'ready' | 'error';
  items: Pin[];
  /** Targets with a write on its way (their buttons are disabled). */
  busy: ReadonlySet<string>;
  /** The last change, said politely to screen readers. */
  message: string;
  error: string | null;
  isPinned(target: string): boolean;
  pin(target: string, label: string): Promise<void>;
  unpin(target: string, label: string): Promise<void>;
  reload(): void;
}

/** The citizen's favourites, stored by the portal (`/api/pins`); every change is one idempotent write. */
export function usePins(): Pins {
  const { api } = useCarpeta();
  const { t } = useTranslation();
  const [state, setState] = useState<Pins['state']>('loading');
  const [items, setItems] = useState<Pin[]>([]);
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const busyRef = useRef(new Set<string>());
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` drives reloads
  useEffect(() => {
    const controller = new AbortController();
    api.get('/pins', pinListSchema, { signal: controller.signal }).then(
      (list) => {
        if (controller.signal.aborted) return;
        setItems(list.items);
        setState('ready');
      },
      () => {
        if (!controller.signal.aborted) setState('error');
      },
    );
    return () => controller.abort();
  }, [api, attempt]);

  const write = useCallback(
    async (
      target: string,
      label: string,
      send: (key: string) => Promise<unknown>,
      done: string,
      apply: () => void,
    ) => {
      if (busyRef.current.has(target)) return;
      busyRef.current.add(target);
      setBusy(new Set(busyRef.current));
      setError(null);
      try {
        await send(newIdempotencyKey());
        apply();
        setMessage(t(done, { label }));
      } catch (failure) {
        setError(t('pins.failed', { message: isApiError(failure) ? failure.message : String(failure) }));
      } finally {
        busyRef.current.delete(target);
        setBusy(new Set(busyRef.current));
      }
    },
    [t],
  );

  return {
    state,
    items,
    busy,
    message,
    error,
    isPinned: (target) => items.some((item) => item.target === target),
    pin: (target, label) =>
      write(
        target,
        label,
        (key) => api.post('/pins', { target, label }, { bodySchema: pinRequestSchema, idempotencyKey: key }),
        'pins.added',
        () =>
          setItems((current) => [
            ...current.filter((item) => item.target !== target),
            { target, label, pinnedAt: new Date().toISOString() },
          ]),
      ),
    unpin: (target, label) =>
      write(
        target,
        label,
        (key) => api.delete(`/pins?${new URLSearchParams({ target })}`, { idempotencyKey: key }),
        'pins.removed',
        () => setItems((current) => current.filter((item) => item.target !== target)),
      ),
    reload: () => setAttempt((value) => value + 1),
  };
}

/** A pin's label: at most 120 characters. */
export function pinLabel(text: string): string {
  return text.length <= 120 ? text : `${text.slice(0, 119)}…`;
}
