import { HttpResponse, http, type HttpHandler } from 'msw';

/**
 * Fault injection for a simulated agency, driven over HTTP by tests and demos:
 *   POST /__control/faults { "mode": "slow", "delayMs": 3000 }   GET /__control/faults
 *   POST /__control/reset
 * Faults apply to the agency's data endpoints, never to /__control itself.
 */
export const FAULT_MODES = ['ok', 'slow', 'garbage', 'error', 'down'] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

/** What "garbage" sends: JSON cut in the middle, or well-formed JSON of the wrong shape. */
export const GARBAGE_KINDS = ['truncated', 'wrong-shape'] as const;
export type GarbageKind = (typeof GARBAGE_KINDS)[number];

export const DEFAULT_SLOW_DELAY_MS = 10_000;
const MAX_DELAY_MS = 120_000;

export interface FaultState {
  mode: FaultMode;
  /** Delay before answering in "slow" mode. */
  delayMs: number;
  garbage: GarbageKind;
}

export interface FaultInput {
  mode: FaultMode;
  delayMs?: number;
  garbage?: GarbageKind;
}

export interface FaultController {
  get(): FaultState;
  set(input: FaultInput): FaultState;
  reset(): FaultState;
}

const OK_STATE: FaultState = { mode: 'ok', delayMs: DEFAULT_SLOW_DELAY_MS, garbage: 'truncated' };

export function createFaultController(): FaultController {
  let state: FaultState = { ...OK_STATE };
  return {
    get: () => ({ ...state }),
    set(input) {
      state = {
        mode: input.mode,
        delayMs: input.delayMs ?? DEFAULT_SLOW_DELAY_MS,
        garbage: input.garbage ?? 'truncated',
      };
      return { ...state };
    },
    reset() {
      state = { ...OK_STATE };
      return { ...state };
    },
  };
}

/** Validates a POST /__control/faults body; returns an explanation when it is not acceptable. */
export function parseFaultInput(body: unknown): FaultInput | string {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return 'the body must be a JSON object';
  const { mode, delayMs, garbage } = body as Record<string, unknown>;
  if (typeof mode !== 'string' || !(FAULT_MODES as readonly string[]).includes(mode)) {
    return `"mode" must be one of ${FAULT_MODES.join(', ')}`;
  }
  if (
    delayMs !== undefined &&
    (typeof delayMs !== 'number' || !Number.isInteger(delayMs) || delayMs < 0 || delayMs > MAX_DELAY_MS)
  ) {
    return `"delayMs" must be an integer between 0 and ${MAX_DELAY_MS}`;
  }
  if (garbage !== undefined && !(GARBAGE_KINDS as readonly unknown[]).includes(garbage)) {
    return `"garbage" must be one of ${GARBAGE_KINDS.join(', ')}`;
  }
  const input: FaultInput = { mode: mode as FaultMode };
  if (delayMs !== undefined) input.delayMs = delayMs as number;
  if (garbage !== undefined) input.garbage = garbage as GarbageKind;
  return input;
}

/** MSW handlers of the control endpoints, under `baseUrl` ("*" matches any origin). */
export function faultControlHandlers(faults: FaultController, baseUrl = '*'): HttpHandler[] {
  return [
    http.get(`${baseUrl}/__control/faults`, () => HttpResponse.json(faults.get())),
    http.post(`${baseUrl}/__control/faults`, async ({ request }) => {
      let body: unknown;
      try {
        body = await request.json();
      } catch {
        return HttpResponse.json({ error: 'bad-request', message: 'the body is not JSON' }, { status: 400 });
      }
      const input = parseFaultInput(body);
      if (typeof input === 'string') {
        return HttpResponse.json({ error: 'bad-request', message: input }, { status: 400 });
      }
      return HttpResponse.json(faults.set(input));
    }),
    http.post(`${baseUrl}/__control/reset`, () => HttpResponse.json(faults.reset())),
  ];
}

const TRUNCATED_JSON = '{"resultado":"OK","notificaciones":[{';
const WRONG_SHAPE_JSON = JSON.stringify({ status: 'success', data: { items: 'temporarily unavailable' } });
const ERROR_PAGE = `<!DOCTYPE html>
<html><head><title>500 Internal Server Error</title></head>
<body><h1>Internal Server Error</h1><p>The server encountered an internal error.</p>
<hr><address>Apache Server at sede.example Port 443</address></body></html>`;

/**
 * The answer the current fault dictates, or undefined to answer normally (after waiting, in
 * "slow" mode). "down" answers with a network error: over real HTTP the server destroys the socket.
 */
export async function injectFault(faults: FaultController, request: Request): Promise<Response | undefined> {
  const state = faults.get();
  switch (state.mode) {
    case 'ok':
      return undefined;
    case 'slow':
      // A client that gave up gets nothing more.
      return (await wait(state.delayMs, request.signal)) ? undefined : HttpResponse.error();
    case 'garbage':
      return new HttpResponse(state.garbage === 'truncated' ? TRUNCATED_JSON : WRONG_SHAPE_JSON, {
        status: 200,
        headers: { 'content-type': 'application/json; charset=utf-8' },
      });
    case 'error':
      return HttpResponse.html(ERROR_PAGE, { status: 500 });
    case 'down':
      return HttpResponse.error();
  }
}

/** Waits `ms`; resolves false as soon as the request is aborted (the client went away). */
function wait(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve(false);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
