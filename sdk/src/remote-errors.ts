/**
 * Stable, numbered codes for every way the shell sees a remote (an MFE) fail. The citizen's error
 * panel shows the code beside the error reference, telemetry carries it (`context.code`), and an
 * agency's support desk or its own CI can look it up here. A code is never reused for another
 * meaning; a new way of failing gets a new number. E101–E106 and E108 are the shell's (the citizen
 * sees them); E107 and E109–E112 are found by the conformance kit (`carpeta-conformance`), before a
 * remote reaches citizens.
 */

/** Where in the remote's life a failure happened. */
export type RemotePhase = 'load' | 'bootstrap' | 'mount' | 'unmount';

export interface RemoteErrorDefinition {
  /** The code as shown and reported, e.g. "CARPETA-E101". */
  code: `CARPETA-E${number}`;
  /** Short machine name. */
  kind:
    | 'unreachable'
    | 'evaluation'
    | 'contract'
    | 'mount'
    | 'mount-timeout'
    | 'integrity'
    | 'load-timeout'
    | 'duplicate-singleton'
    | 'leak'
    | 'accessibility'
    | 'size'
    | 'translations';
  /** Who finds it: the shell, as a citizen opens the MFE, or the conformance kit, in CI. */
  foundBy: 'shell' | 'conformance';
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
    foundBy: 'shell',
    summary: 'The remote entry could not be fetched (404, network error, server down, CORS).',
    hint: 'Open the remote entry URL of the manifest entry; check the server, its CORS and the CSP.',
  },
  evaluation: {
    code: 'CARPETA-E102',
    kind: 'evaluation',
    phase: 'load',
    foundBy: 'shell',
    summary:
      'The remote entry or its exposed module threw while being evaluated, or it was built against another major version of the contract (a strict shared singleton).',
    hint: 'Look for top-level code that throws in the exposed module or the entry file; build against the @carpeta/sdk and design system major the portal provides.',
  },
  contract: {
    code: 'CARPETA-E103',
    kind: 'contract',
    phase: 'load',
    foundBy: 'shell',
    summary: 'The exposed module does not export single-spa lifecycles (bootstrap, mount, unmount).',
    hint: 'Export the lifecycles of @carpeta/sdk/react, /angular or /vanilla from the exposed module.',
  },
  mount: {
    code: 'CARPETA-E104',
    kind: 'mount',
    phase: 'mount',
    foundBy: 'shell',
    summary: 'The remote threw (or rejected) in bootstrap or mount.',
    hint: 'Run the remote on its own with its tests; the telemetry message has the error.',
  },
  mountTimeout: {
    code: 'CARPETA-E105',
    kind: 'mount-timeout',
    phase: 'mount',
    foundBy: 'shell',
    summary: 'bootstrap or mount did not settle within the time limit (timeouts.bootstrap, timeouts.mount).',
    hint: 'A promise that never resolves in mount, or a slow first request: raise the entry’s timeout or fix it.',
  },
  integrity: {
    code: 'CARPETA-E106',
    kind: 'integrity',
    phase: 'load',
    foundBy: 'shell',
    summary: 'The remote entry file does not match the manifest’s integrity hash; nothing of it was run.',
    hint: 'Publish the manifest with the hash pnpm build printed for this very build.',
  },
  loadTimeout: {
    code: 'CARPETA-E108',
    kind: 'load-timeout',
    phase: 'load',
    foundBy: 'shell',
    summary: 'The remote entry and its exposed module did not load within the time limit (timeouts.load).',
    hint: 'A slow or hanging server: check the remote’s origin, or raise the entry’s load timeout.',
  },
  duplicateSingleton: {
    code: 'CARPETA-E107',
    kind: 'duplicate-singleton',
    phase: 'load',
    foundBy: 'conformance',
    summary:
      'The remote runs its own copy of a shared singleton (React, i18next, the sdk, Angular) instead of the portal’s.',
    hint: 'Build with carpetaRemote() from @carpeta/sdk/federation, which declares the singletons shared; do not bundle react-dom.',
  },
  leak: {
    code: 'CARPETA-E109',
    kind: 'leak',
    phase: 'unmount',
    foundBy: 'conformance',
    summary:
      'Unmount leaves something behind: DOM, listeners on window or document, timers, globals or styles that grow with every mount.',
    hint: 'Undo in unmount what mount did: remove listeners (an AbortController helps), clear intervals, unsubscribe from the props.',
  },
  accessibility: {
    code: 'CARPETA-E110',
    kind: 'accessibility',
    phase: 'mount',
    foundBy: 'conformance',
    summary: 'axe finds WCAG 2.1 AA violations in one of the remote’s states, languages or themes.',
    hint: 'Use the design system’s components; the report names the rule, the state and the first element.',
  },
  size: {
    code: 'CARPETA-E111',
    kind: 'size',
    phase: 'load',
    foundBy: 'conformance',
    summary: 'The JavaScript the remote’s origin serves is over its budget (gzip).',
    hint: 'Share what the portal shares, load rarely used screens lazily, or agree a larger budget with the portal’s operators.',
  },
  translations: {
    code: 'CARPETA-E112',
    kind: 'translations',
    phase: 'mount',
    foundBy: 'conformance',
    summary: 'A portal language lacks messages that Spanish has.',
    hint: 'Give every language of @carpeta/sdk’s LANGUAGES every key (type the catalogue with Catalog<typeof es>).',
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
