import type { Session } from '../domain.ts';
import type { Language } from '../languages.ts';
import type { RemoteErrorCode, RemoteErrorKey } from '../remote-errors.ts';

/** The portal's themes (`data-theme` on `<html>`; `light` is the default, with no attribute). */
export type ConformanceTheme = 'light' | 'dark' | 'high-contrast';

/**
 * What the remote's API calls get in one state: `loading` never answers, `error` answers 503 to
 * everything, `responses` answers from `ConformanceOptions.responses` (503 for the rest).
 */
export type ConformanceState = 'loading' | 'error' | 'responses';

/** A canned answer of the gateway, by `"<METHOD> <path>"`, e.g. `"GET /api/notifications"`. */
export interface ConformanceResponse {
  status?: number;
  body?: unknown;
}

/** The kit's checks, in the order they run. */
export type ConformanceCheckId =
  | 'load'
  | 'mount'
  | 'leaks'
  | 'singletons'
  | 'accessibility'
  | 'size'
  | 'translations';

export interface ConformanceCheck {
  id: ConformanceCheckId;
  ok: boolean;
  /** The numbered code of the failure (`@carpeta/sdk/remote-errors`), when `ok` is false. */
  code?: RemoteErrorCode;
  /** One line that says what was checked and found. */
  summary: string;
  /** Each problem found, one line each (empty when `ok`). */
  problems: string[];
}

export interface ConformanceReport {
  /** The URL given (an `mf-manifest.json` or a `remoteEntry.js`). */
  remote: string;
  /** The remote entry, container name and exposed module that were loaded. */
  entry: string;
  name: string;
  expose: string;
  ok: boolean;
  checks: ConformanceCheck[];
  /** JavaScript the remote's own origin served during the run, gzip. */
  size: { bytes: number; gzipBytes: number; files: number; budgetBytes: number };
  durationMs: number;
  /** The kit's version (the sdk's). */
  kit: string;
}

// ---- Between the kit (Node) and its host page (the browser, tools/conformance-host): not for MFEs. ----

export type ConformanceFailure = Extract<
  RemoteErrorKey,
  'unreachable' | 'evaluation' | 'contract' | 'mount' | 'mountTimeout' | 'loadTimeout'
>;

export type ConformanceLoadResult =
  | { ok: true }
  | { ok: false; failure: ConformanceFailure; message: string };

export interface ConformanceMountOptions {
  mfeId: string;
  basePath: string;
  language: Language;
  theme: ConformanceTheme;
  state: ConformanceState;
  responses?: Record<string, ConformanceResponse>;
  session: Session;
  timeoutMs: number;
}

export type ConformanceUnmountResult =
  | {
      ok: true;
      /** Nodes the remote left in its element after unmount (undefined when nothing was mounted). */
      leftInElement?: number;
      propsListeners?: { language: number; session: number; events: number };
      telemetryErrors?: string[];
    }
  | { ok: false; failure: ConformanceFailure; message: string };

export interface ConformanceSingletons {
  duplicates: { scope: string; name: string; versions: string[] }[];
}

export interface ConformanceTranslations {
  translators: number;
  missing: { language: Language; keys: string[] }[];
}

/** What the host page puts on `window.carpetaConformance`. */
export interface ConformanceHostApi {
  load(options: {
    entry: string;
    name: string;
    expose: string;
    timeoutMs: number;
  }): Promise<ConformanceLoadResult>;
  mount(options: ConformanceMountOptions): Promise<ConformanceLoadResult>;
  unmount(timeoutMs: number): Promise<ConformanceUnmountResult>;
  singletons(): ConformanceSingletons;
  translations(): ConformanceTranslations;
}
