import type { SourceStatus } from '@carpeta/sdk';
import { LRUCache } from 'lru-cache';
import type { AgencyLogger } from '../agency-http.ts';
import type { SourceConnector } from '../connectors/types.ts';
import { type Place, placeOf } from './regions.ts';

/*
 * Where the person whose folder is shown lives, as the census (padrón, through the source that
 * serves the `residence` domain) records it: what the per-citizen manifest is chosen by. Answers
 * are kept a short while per person (a bounded LRU), failures for less, and concurrent asks for the
 * same person share one call (the page and its manifest arrive together).
 */

export type Residence =
  | { status: 'found'; place: Place }
  /** The census holds no residence for the person (e.g. a company, or someone not registered). */
  | { status: 'not-registered' }
  /** The census could not be asked, or answered something unusable: say so, show State-wide entries. */
  | { status: 'unavailable'; source: SourceStatus };

export interface ResidenceLookup {
  residence(personId: string): Promise<Residence>;
  /** Forgets everything kept (tests, or a change of configuration). */
  clear(): void;
}

export interface ResidenceLookupOptions {
  /** The source serving the `residence` domain; none configured: every lookup is unavailable. */
  source: SourceConnector | undefined;
  /** Longest wait for the census before the page goes on with State-wide entries. */
  timeoutMs?: number;
  /** How long a residence (or its absence) is kept. */
  ttlMs?: number;
  /** How long a failure is kept, so a failing census is not asked on every page. */
  failureTtlMs?: number;
  maxEntries?: number;
  /** The cache's clock (milliseconds), for tests. */
  clock?: () => number;
  logger?: AgencyLogger;
}

export const RESIDENCE_DEFAULTS = {
  timeoutMs: 1500,
  ttlMs: 5 * 60_000,
  failureTtlMs: 10_000,
  maxEntries: 20_000,
};

const NO_SOURCE: SourceStatus = {
  source: 'residence',
  name: 'Padrón',
  status: 'unavailable',
  message: 'No census source is configured.',
};

export function createResidenceLookup(options: ResidenceLookupOptions): ResidenceLookup {
  const timeoutMs = options.timeoutMs ?? RESIDENCE_DEFAULTS.timeoutMs;
  const ttlMs = options.ttlMs ?? RESIDENCE_DEFAULTS.ttlMs;
  const failureTtlMs = options.failureTtlMs ?? RESIDENCE_DEFAULTS.failureTtlMs;
  const clock = options.clock;
  const cache = new LRUCache<string, Residence>({
    max: options.maxEntries ?? RESIDENCE_DEFAULTS.maxEntries,
    ttlAutopurge: false,
    ...(clock ? { perf: { now: clock }, ttlResolution: 0 } : {}),
  });
  const inFlight = new Map<string, Promise<Residence>>();
  const source = options.source;
  const capability = source?.residence;
  let lastLogged: string | undefined;

  function unavailable(status: SourceStatus): Residence {
    if (lastLogged !== status.status) {
      lastLogged = status.status;
      options.logger?.warn(
        { source: status.source, status: status.status },
        'residence: the census could not be asked; State-wide entries only',
      );
    }
    return { status: 'unavailable', source: status };
  }

  async function ask(personId: string): Promise<Residence> {
    if (!source || !capability) return { status: 'unavailable', source: NO_SOURCE };
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    try {
      const answer = await Promise.race([capability.residence(personId), timedOut]);
      if (answer === 'timeout') {
        return unavailable({
          source: source.id,
          name: source.name,
          status: 'timeout',
          message: `The service did not answer within ${Math.max(1, Math.round(timeoutMs / 1000))} seconds.`,
        });
      }
      if (answer.ok) {
        const place = placeOf(answer.item.municipality);
        if (!place) {
          return unavailable({
            source: source.id,
            name: source.name,
            status: 'invalid-response',
            message: 'The service answered in an unexpected format.',
          });
        }
        lastLogged = undefined;
        return { status: 'found', place };
      }
      if (answer.reason === 'not-found') return { status: 'not-registered' };
      return unavailable(answer.status);
    } catch (error) {
      options.logger?.warn({ source: source.id, error: String(error) }, 'residence: the connector threw');
      return unavailable({
        source: source.id,
        name: source.name,
        status: 'unavailable',
        message: 'The service could not be reached.',
      });
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async residence(personId) {
      const kept = cache.get(personId);
      if (kept) return kept;
      const running = inFlight.get(personId);
      if (running) return running;
      const asking = ask(personId).then((residence) => {
        // A lifetime of 0 keeps nothing (lru-cache would read 0 as "forever").
        const ttl = residence.status === 'unavailable' ? failureTtlMs : ttlMs;
        if (ttl > 0) cache.set(personId, residence, { ttl });
        return residence;
      });
      inFlight.set(personId, asking);
      try {
        return await asking;
      } finally {
        inFlight.delete(personId);
      }
    },
    clear() {
      cache.clear();
    },
  };
}
