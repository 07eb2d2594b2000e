/**
 * Stable, numbered codes for every way the shell sees a remote (an MFE) fail. The citizen's error
 * panel shows the code beside the error reference, telemetry carries it (`context.code`), and an
 * agency's support desk or its own CI can look it up here. A code is never reused for another
 * meaning; a new way of failing gets a new number. E107 is kept for a remote that brings its own copy
 * of a shared singleton (React, the sdk), which the conformance kit is to detect.
 */

/** Where in the remote's life a failure happened. */
export type RemotePhase = 'load' | 'bootstrap' | 'mount';

export interface RemoteErrorDefinition {
  /** The code as shown and reported, e.g. "CARPETA-E101". */
  code: `CARPETA-E${number}`;
  /** Short machine name. */
  kind: 'unreachable' | 'evaluation' | 'contract' | 'mount' | 'mount-timeout' | 'integrity' | 'load-timeout';
  phase: RemotePhase;
  /** What happened, for the people who operate or build the remote (English). */
  summary: string;
  /** What to look at first. */
  hint: string;
}

export const REMOTE_ERRORS = {
  unreachable: {
    code: 'CARPETA-E101',
    kind: 'unreachable',
    phase: 'load',
    summary: 'The remote entry could not be fetched (404, network error, server down, CORS).',
    hint: 'Open the remote entry URL of the manifest entry; check the server, its CORS and the CSP.',
  },
  evaluation: {
    code: 'CARPETA-E102',
    kind: 'evaluation',
    phase: 'load',
    summary: 'The remote entry or its exposed module threw while being evaluated.',
    hint: 'Look for top-level code that throws in the exposed module or the entry file.',
  },
  contract: {
    code: 'CARPETA-E103',
    kind: 'contract',
    phase: 'load',
    summary: 'The exposed module does not export single-spa lifecycles (bootstrap, mount, unmount).',
    hint: 'Export the lifecycles of @carpeta/sdk/react, /angular or /vanilla from the exposed module.',
  },
  mount: {
    code: 'CARPETA-E104',
    kind: 'mount',
    phase: 'mount',
    summary: 'The remote threw (or rejected) in bootstrap or mount.',
    hint: 'Run the remote on its own with its tests; the telemetry message has the error.',
  },
  mountTimeout: {
    code: 'CARPETA-E105',
    kind: 'mount-timeout',
    phase: 'mount',
    summary: 'bootstrap or mount did not settle within the time limit (timeouts.bootstrap, timeouts.mount).',
    hint: 'A promise that never resolves in mount, or a slow first request: raise the entry’s timeout or fix it.',
  },
  integrity: {
    code: 'CARPETA-E106',
    kind: 'integrity',
    phase: 'load',
    summary: 'The remote entry file does not match the manifest’s integrity hash; nothing of it was run.',
    hint: 'Publish the manifest with the hash pnpm build printed for this very build.',
  },
  loadTimeout: {
    code: 'CARPETA-E108',
    kind: 'load-timeout',
    phase: 'load',
    summary: 'The remote entry and its exposed module did not load within the time limit (timeouts.load).',
    hint: 'A slow or hanging server: check the remote’s origin, or raise the entry’s load timeout.',
  },
} as const satisfies Record<string, RemoteErrorDefinition>;

export type RemoteErrorKey = keyof typeof REMOTE_ERRORS;
export type RemoteErrorCode = (typeof REMOTE_ERRORS)[RemoteErrorKey]['code'];

/** Every code, in order: the table of the documentation. */
export const REMOTE_ERROR_TABLE: readonly RemoteErrorDefinition[] = Object.values(REMOTE_ERRORS).sort(
  (a, b) => a.code.localeCompare(b.code),
);

/** The definition of a code, or undefined. */
export function remoteError(code: string): RemoteErrorDefinition | undefined {
  return REMOTE_ERROR_TABLE.find((definition) => definition.code === code);
}

/** Time limits of an entry when the manifest names none (ms); the bounds are `REMOTE_TIMEOUT_BOUNDS`. */
export const DEFAULT_REMOTE_TIMEOUTS = { load: 10_000, bootstrap: 10_000, mount: 10_000 } as const;
