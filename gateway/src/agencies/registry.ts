import { createAgencyClient, type AgencyLogger } from '../agency-http.ts';
import type { NotificationConnector, SourceConnector } from '../connectors/types.ts';
import { createAeatSource } from '../connectors/aeat.ts';
import { createDgpSource } from '../connectors/dgp.ts';
import { createDgtSource } from '../connectors/dgt.ts';
import { createFhirHealthSource } from '../connectors/fhir-health.ts';
import { createMunicipalPlatformSource } from '../connectors/municipal-platform.ts';
import { createPidSource } from '../connectors/pid.ts';
import { createRegionCsvSource } from '../connectors/region-csv.ts';
import { createTgssSource } from '../connectors/tgss.ts';
import { createDehuSource } from './dehu-source.ts';
import type { AgencyEntry, ConnectorFactory } from './types.ts';

/**
 * Every connector type the gateway knows, by the name `agencies.json` uses in `connector`. A new
 * administration on a known type is a config entry; a new type is a factory here, one line.
 */
export const CONNECTOR_TYPES: Record<string, ConnectorFactory> = {
  dehu: createDehuSource,
  aeat: createAeatSource,
  tgss: createTgssSource,
  dgp: createDgpSource,
  dgt: createDgtSource,
  'region-csv': createRegionCsvSource,
  'municipal-platform': createMunicipalPlatformSource,
  pid: createPidSource,
  'fhir-health': createFhirHealthSource,
};

/**
 * The sources of the configured entries: each gets its own AgencyClient (timeout, retries,
 * circuit breaker) and its connector from its type. A factory that throws leaves out its source,
 * logged, not the gateway.
 */
export function buildSources(
  entries: readonly AgencyEntry[],
  deps: {
    now: () => Date;
    logger: AgencyLogger;
    types?: Record<string, ConnectorFactory>;
    fetch?: typeof fetch;
  },
): SourceConnector[] {
  const types = deps.types ?? CONNECTOR_TYPES;
  const sources: SourceConnector[] = [];
  for (const entry of entries) {
    const factory = types[entry.connector];
    if (!factory) {
      deps.logger.warn({ source: entry.id, connector: entry.connector }, 'agencies: unknown connector type');
      continue;
    }
    const client = createAgencyClient({
      source: entry.id,
      baseUrl: entry.baseUrl,
      timeoutMs: entry.timeoutMs,
      ...(entry.retries === undefined ? {} : { retries: entry.retries }),
      ...(entry.breaker === undefined
        ? {}
        : { breakerThreshold: entry.breaker.failures, halfOpenAfterMs: entry.breaker.halfOpenAfterMs }),
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
      logger: deps.logger,
    });
    try {
      const source = factory(entry, { client, now: deps.now, logger: deps.logger });
      // What the file says the source serves and what its connector can do must agree.
      const domains = entry.domains.filter((domain) => source[domain] !== undefined);
      sources.push({
        id: entry.id,
        name: entry.name,
        dir3: entry.dir3,
        domains,
        ...(domains.includes('notifications') && source.notifications
          ? { notifications: source.notifications }
          : {}),
        ...(domains.includes('files') && source.files ? { files: source.files } : {}),
        ...(domains.includes('appointments') && source.appointments
          ? { appointments: source.appointments }
          : {}),
        ...(domains.includes('documents') && source.documents ? { documents: source.documents } : {}),
        ...(domains.includes('data') && source.data ? { data: source.data } : {}),
        // Not a folder domain: the council of the citizen's residence is asked, never all of them.
        ...(source.municipal ? { municipal: source.municipal } : {}),
        ...(domains.includes('residence') && source.residence ? { residence: source.residence } : {}),
        ...(domains.includes('health') && source.health ? { health: source.health } : {}),
        close: async () => {
          await source.close?.();
          await client.close();
        },
      });
    } catch (error) {
      deps.logger.warn(
        { source: entry.id, connector: entry.connector, error: String(error) },
        'agencies: the connector could not be built; the source is left out',
      );
      void client.close();
    }
  }
  return sources;
}

/** The notification part of each source that has one, as the notification routes take them. */
export function notificationConnectorsOf(sources: readonly SourceConnector[]): NotificationConnector[] {
  const connectors: NotificationConnector[] = [];
  for (const source of sources) {
    const capability = source.notifications;
    if (!capability) continue;
    const connector: NotificationConnector = {
      id: source.id,
      name: source.name,
      list: (citizenId) => capability.list(citizenId),
      get: (citizenId, agencyId) => capability.get(citizenId, agencyId),
      ...(capability.accept ? { accept: capability.accept.bind(capability) } : {}),
      ...(capability.reject ? { reject: capability.reject.bind(capability) } : {}),
      ...(capability.document ? { document: capability.document.bind(capability) } : {}),
      ...(capability.content ? { content: capability.content.bind(capability) } : {}),
    };
    connectors.push(connector);
  }
  return connectors;
}
