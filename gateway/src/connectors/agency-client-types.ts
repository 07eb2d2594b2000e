// TEMP: replaced by gateway/src/agencies/types.ts at merge
import type { FolderDomain } from '@carpeta/sdk';
import type { AgencyLogger } from '../agency-http.ts';
import type { AgencyFailure, SourceConnector } from './types.ts';

export interface AgencyEntry {
  id: string;
  name: string;
  dir3: string;
  connector: string;
  baseUrl: string;
  timeoutMs: number;
  cacheSeconds: number;
  domains: FolderDomain[];
  options: Record<string, unknown>;
}
export interface ConnectorDeps {
  client: AgencyClient;
  now: () => Date;
  logger: AgencyLogger;
}
export type ConnectorFactory = (entry: AgencyEntry, deps: ConnectorDeps) => SourceConnector;

export type AgencyAnswer =
  | {
      kind: 'answer';
      httpStatus: number;
      contentType: string;
      text: string;
      bytes: Uint8Array;
      body: unknown /* parsed JSON or undefined */;
      isJson: boolean;
    }
  | { kind: 'failure'; reason: AgencyFailure; message: string; details: object };

export interface AgencyClient {
  /** GET, idempotent: retried (bounded, with backoff) on timeouts, resets and 502/503/504. */
  get(path: string, options?: { accept?: string }): Promise<AgencyAnswer>;
  /** Writes: never retried. */
  send(
    method: 'POST' | 'PUT' | 'DELETE',
    path: string,
    body?: { contentType: string; text: string },
    options?: { accept?: string },
  ): Promise<AgencyAnswer>;
  /** The connector tells the breaker/health about answers it could not use (garbage, agency errors). */
  report(state: 'ok' | AgencyFailure, details?: object): void;
}
