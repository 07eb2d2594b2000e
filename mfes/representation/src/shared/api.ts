import { DestroyRef, inject, type Signal, signal } from '@angular/core';
import { ApiError, isApiError } from '@carpeta/sdk';

/**
 * The contract's paths start with "/api"; the shell's API client already has that base, so the MFE
 * asks for the rest ("/api/powers" → "/powers").
 */
export function apiPath(path: string): string {
  return path.replace(/^\/api(?=\/)/, '');
}

export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'ready'; data: T }
  | { state: 'error'; error: ApiError };

export function asApiError(error: unknown): ApiError {
  return isApiError(error) ? error : new ApiError('internal', String(error), 0);
}

/**
 * Loads once now (or, lazy, at the first `reload()`) and again on `reload()`, as a signal; a reload or the component's end cancels the
 * request in flight. Call it in an injection context (a field initialiser).
 */
export function loadSignal<T>(
  load: (signal: AbortSignal) => Promise<T>,
  options: { lazy?: boolean } = {},
): {
  state: Signal<Loaded<T>>;
  reload(): void;
  set(data: T): void;
} {
  const state = signal<Loaded<T>>({ state: 'loading' });
  let controller: AbortController | undefined;
  const run = () => {
    controller?.abort();
    const current = new AbortController();
    controller = current;
    state.set({ state: 'loading' });
    load(current.signal).then(
      (data) => {
        if (!current.signal.aborted) state.set({ state: 'ready', data });
      },
      (error: unknown) => {
        if (!current.signal.aborted) state.set({ state: 'error', error: asApiError(error) });
      },
    );
  };
  inject(DestroyRef).onDestroy(() => controller?.abort());
  // Lazy: the component calls reload() once its inputs are set (ngOnInit).
  if (!options.lazy) run();
  return { state: state.asReadonly(), reload: run, set: (data) => state.set({ state: 'ready', data }) };
}

/** Errors after which the same request may be sent again safely with the same Idempotency-Key. */
export function isTransient(error: ApiError): boolean {
  return (
    error.status === 0 ||
    error.code === 'agency-timeout' ||
    error.code === 'agency-unavailable' ||
    error.code === 'agency-invalid-response'
  );
}

/**
 * What to tell the citizen about a failed request, in their language: by the error's code, with the
 * gateway's own explanation when it is about what was sent (its text is shown as text, never markup).
 */
export function errorText(
  t: (key: string, options?: Record<string, unknown>) => string,
  error: ApiError,
): string {
  const known = t(`apiError.${error.code}`);
  return error.code === 'bad-request' || error.code === 'conflict' ? `${known} ${error.message}` : known;
}
