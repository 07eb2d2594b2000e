/** The codes of every error the gateway answers with (see `apiErrorSchema`). */
export const API_ERROR_CODES = [
  'not-found',
  'bad-request',
  'unauthenticated',
  'forbidden',
  'csrf',
  /** The data needs a higher level of assurance than the session's: sign in again (e.g. certificate). */
  'step-up-required',
  /** The power of attorney the citizen was acting under is no longer valid; the session is back to self. */
  'representation-ended',
  'too-many-requests',
  'conflict',
  'agency-timeout',
  'agency-unavailable',
  'agency-invalid-response',
  'internal',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** An error from the gateway, typed by code, with a message safe to show. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly source: string | undefined;
  constructor(code: ApiErrorCode, message: string, status: number, source?: string) {
    super(message);
    this.code = code;
    this.status = status;
    this.source = source;
  }
}

/**
 * Whether a value is an ApiError. Checks the shape, not `instanceof`: the class may come from
 * another bundle (the shell's copy of the sdk) than the code asking.
 */
export function isApiError(value: unknown): value is ApiError {
  return (
    value instanceof Error &&
    value.name === 'ApiError' &&
    typeof (value as Partial<ApiError>).code === 'string' &&
    typeof (value as Partial<ApiError>).status === 'number'
  );
}
