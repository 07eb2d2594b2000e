import type { AgencyClient, AgencyLogger } from '../agency-http.ts';
import type { SourceConnector, SourceDomain } from '../connectors/types.ts';

export type { AgencyClient, AgencyLogger } from '../agency-http.ts';

/** The circuit breaker of one source (defaults in `agency-http.ts`). */
export interface BreakerSettings {
  /** Consecutive failed calls that open the circuit. */
  failures: number;
  /** Milliseconds the circuit stays open before one probe call goes through. */
  halfOpenAfterMs: number;
}

/** One entry of `gateway/config/agencies.json`, validated, with its URL expanded. */
export interface AgencyEntry {
  /** Portal source id: the prefix of every item id of this source ("aeat" → "aeat:EXP-1"). */
  id: string;
  /** Shown to the citizen. */
  name: string;
  /** DIR3 code of the administration. */
  dir3: string;
  /** Connector type: a key of `CONNECTOR_TYPES` (registry.ts). */
  connector: string;
  /** Absolute http(s) URL, no trailing slash; the client appends each path to it. */
  baseUrl: string;
  /** Budget of one call to the agency, retries included. */
  timeoutMs: number;
  /** Lifetime of a citizen's cached answer from this source (0: not cached). */
  cacheSeconds: number;
  domains: SourceDomain[];
  /** Connector-specific settings (e.g. the council's code on the municipal platform). */
  options: Record<string, unknown>;
  /** Retries of a GET after the first attempt. */
  retries?: number;
  breaker?: BreakerSettings;
}

export interface ConnectorDeps {
  /** The source's HTTP client: timeout, retries for GETs, circuit breaker, 5 MB cap. */
  client: AgencyClient;
  now: () => Date;
  logger: AgencyLogger;
}

/** Builds the connector of one configured source. One per connector type, in registry.ts. */
export type ConnectorFactory = (entry: AgencyEntry, deps: ConnectorDeps) => SourceConnector;
