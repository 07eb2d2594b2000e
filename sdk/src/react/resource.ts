import { ApiError, isApiError } from '../errors.ts';
import { useCallback, useEffect, useState } from 'react';

export type Resource<T> =
  | { state: 'loading' }
  | { state: 'ready'; data: T }
  | { state: 'error'; error: ApiError };

/** Loads once per key, cancels on unmount or key change, and can be reloaded. */
export function useResource<T>(key: string, load: (signal: AbortSignal) => Promise<T>) {
  const [resource, setResource] = useState<Resource<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `load` is recreated each render; key and attempt drive reloads
  useEffect(() => {
    const controller = new AbortController();
    setResource({ state: 'loading' });
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setResource({ state: 'ready', data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setResource({
          state: 'error',
          error: isApiError(error) ? error : new ApiError('internal', String(error), 0),
        });
      },
    );
    return () => controller.abort();
  }, [key, attempt]);
  const reload = useCallback(() => setAttempt((value) => value + 1), []);
  return [resource, reload] as const;
}
