import type {
  Appointment,
  CitizenFile,
  ExpiringDocument,
  FolderDomain,
  MyDataRecord,
  Notification,
  SourceStatus,
} from '@carpeta/sdk';
import {
  appointmentSchema,
  citizenFileSchema,
  expiringDocumentSchema,
  myDataRecordSchema,
  notificationSchema,
} from '@carpeta/sdk';
import { LRUCache } from 'lru-cache';
import type { AgencyLogger } from '../agency-http.ts';
import type { ListResult, SourceConnector } from '../connectors/types.ts';

/*
 * The folder's aggregation: every source serving a domain asked in parallel, each within its own
 * time limit, a citizen's answers kept a short while per source and domain, and a status per source
 * in every answer. One slow or broken administration never fails nor delays the rest past its own
 * timeout.
 */

export interface DomainItems {
  notifications: Notification;
  files: CitizenFile;
  appointments: Appointment;
  documents: ExpiringDocument;
  data: MyDataRecord;
}

const ITEM_SCHEMAS = {
  notifications: notificationSchema,
  files: citizenFileSchema,
  appointments: appointmentSchema,
  documents: expiringDocumentSchema,
  data: myDataRecordSchema,
} as const;

export interface SourceSettings {
  timeoutMs: number;
  cacheSeconds: number;
}

export interface FolderAnswer<T> {
  items: T[];
  sources: SourceStatus[];
}

export interface FanOutOptions {
  sources: readonly SourceConnector[];
  /** Per source id; a source without settings gets DEFAULT_SOURCE_SETTINGS. */
  settings: ReadonlyMap<string, SourceSettings>;
  /** The cache's clock (milliseconds), for tests; default performance.now. */
  clock?: () => number;
  /** Most cached answers kept (least recently used go first). */
  maxEntries?: number;
  logger?: AgencyLogger;
}

export const DEFAULT_SOURCE_SETTINGS: SourceSettings = { timeoutMs: 4000, cacheSeconds: 0 };
/** Past the client's own timeout, a connector that still has not answered is given up on. */
const GRACE_MS = 250;

export interface Folder {
  readonly sources: readonly SourceConnector[];
  source(id: string): SourceConnector | undefined;
  settings(id: string): SourceSettings;
  /** Every source serving `domain`, in parallel; never rejects. */
  list<D extends FolderDomain>(domain: D, citizenId: string): Promise<FolderAnswer<DomainItems[D]>>;
  /** One source's list of `domain` (cached for the source's cacheSeconds when it answered ok). */
  listOne<D extends FolderDomain>(
    source: SourceConnector,
    domain: D,
    citizenId: string,
  ): Promise<ListResult<DomainItems[D]>>;
  /** Runs `work` against a source within its time limit; a throw or a hang becomes a status. */
  guard<T>(source: SourceConnector, work: () => Promise<T>): Promise<T | SourceFailure>;
  /** Forgets a citizen's cached answers from one source (after a write there). */
  invalidate(citizenId: string, sourceId: string): void;
  /** Cached answers right now (for tests and health). */
  cacheSize(): number;
}

export interface SourceFailure {
  failed: true;
  status: SourceStatus;
}

export function isSourceFailure(value: unknown): value is SourceFailure {
  return typeof value === 'object' && value !== null && (value as { failed?: unknown }).failed === true;
}

const cacheKey = (sourceId: string, domain: FolderDomain, citizenId: string) =>
  `${sourceId}\u0000${domain}\u0000${citizenId}`;

export function createFolder(options: FanOutOptions): Folder {
  const byId = new Map(options.sources.map((source) => [source.id, source]));
  const clock = options.clock;
  const cache = new LRUCache<string, ListResult<unknown>>({
    max: options.maxEntries ?? 10_000,
    ttlAutopurge: false,
    // With a clock of its own (tests) every read asks it: no cached "now".
    ...(clock ? { perf: { now: clock }, ttlResolution: 0 } : {}),
  });
  // The skipped-records log, once per change and not per request.
  const lastInvalid = new Map<string, number>();

  const settings = (id: string) => options.settings.get(id) ?? DEFAULT_SOURCE_SETTINGS;
  const statusOf = (
    source: SourceConnector,
    status: SourceStatus['status'],
    message: string,
  ): SourceStatus => ({
    source: source.id,
    name: source.name,
    status,
    message,
  });

  async function guard<T>(source: SourceConnector, work: () => Promise<T>): Promise<T | SourceFailure> {
    const { timeoutMs } = settings(source.id);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<SourceFailure>((resolve) => {
      timer = setTimeout(
        () =>
          resolve({
            failed: true,
            status: statusOf(
              source,
              'timeout',
              `The service did not answer within ${Math.max(1, Math.round(timeoutMs / 1000))} seconds.`,
            ),
          }),
        timeoutMs + GRACE_MS,
      );
    });
    try {
      return await Promise.race([
        work().catch((error: unknown): SourceFailure => {
          options.logger?.warn({ source: source.id, error: String(error) }, 'connector failed');
          return {
            failed: true,
            status: statusOf(source, 'unavailable', 'The service could not be consulted.'),
          };
        }),
        timedOut,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Keeps the items that satisfy the portal's schema and belong to the source; logs the rest once. */
  function checked<D extends FolderDomain>(
    source: SourceConnector,
    domain: D,
    result: ListResult<DomainItems[D]>,
  ): ListResult<DomainItems[D]> {
    const schema = ITEM_SCHEMAS[domain];
    const items = result.items.filter(
      (item) => schema.safeParse(item).success && item.id.startsWith(`${source.id}:`),
    );
    const dropped = result.items.length - items.length;
    const key = `${source.id}:${domain}`;
    if (dropped !== (lastInvalid.get(key) ?? 0)) {
      lastInvalid.set(key, dropped);
      if (dropped > 0) {
        options.logger?.warn(
          { source: source.id, domain, dropped },
          'connector items outside the contract dropped',
        );
      }
    }
    return dropped === 0 ? result : { items, status: result.status };
  }

  async function listOne<D extends FolderDomain>(
    source: SourceConnector,
    domain: D,
    citizenId: string,
  ): Promise<ListResult<DomainItems[D]>> {
    const capability = source[domain] as
      | { list(citizenId: string): Promise<ListResult<DomainItems[D]>> }
      | undefined;
    if (!capability) return { items: [], status: { source: source.id, name: source.name, status: 'ok' } };
    const key = cacheKey(source.id, domain, citizenId);
    const cached = cache.get(key);
    if (cached) return cached as ListResult<DomainItems[D]>;
    const answer = await guard(source, () => capability.list(citizenId));
    if (isSourceFailure(answer)) return { items: [], status: answer.status };
    const result = checked(source, domain, answer);
    const { cacheSeconds } = settings(source.id);
    // Only answers that are complete are kept: a failing source is asked again next time.
    if (cacheSeconds > 0 && result.status.status === 'ok')
      cache.set(key, result, { ttl: cacheSeconds * 1000 });
    return result;
  }

  return {
    sources: options.sources,
    source: (id) => byId.get(id),
    settings,
    guard,
    listOne,
    async list(domain, citizenId) {
      const serving = options.sources.filter((source) => source[domain] !== undefined);
      const results = await Promise.all(serving.map((source) => listOne(source, domain, citizenId)));
      return {
        items: results.flatMap((result) => result.items),
        sources: results.map((result) => result.status),
      };
    },
    invalidate(citizenId, sourceId) {
      for (const domain of ['notifications', 'files', 'appointments', 'documents', 'data'] as const) {
        cache.delete(cacheKey(sourceId, domain, citizenId));
      }
    },
    cacheSize: () => cache.size,
  };
}
