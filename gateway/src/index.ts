export {
  type AgencyAnswer,
  type AgencyClient,
  type AgencyClientOptions,
  createAgencyClient,
  createAgencyHealth,
  createAgencyHttp,
  MAX_AGENCY_BODY_BYTES,
} from './agency-http.ts';
export { type LoadedAgencies, loadAgencies, parseAgencies } from './agencies/config.ts';
export { CONNECTOR_TYPES } from './agencies/registry.ts';
export type { AgencyEntry, ConnectorDeps, ConnectorFactory } from './agencies/types.ts';
export { buildGateway, DEHU_SOURCE_NAME } from './app.ts';
export { type GatewayConfig, type GatewayServerConfig, loadConfig } from './config.ts';
export {
  type ConnectorLogger,
  createDehuConnector,
  type DehuConnectorOptions,
  normaliseDehuEnvio,
  parseDehuDate,
} from './connectors/dehu.ts';
export type {
  AgencyFailure,
  NotificationConnector,
  NotificationGetResult,
  NotificationListResult,
} from './connectors/types.ts';
export { contentSecurityPolicy } from './csp.ts';
export {
  createManifestStore,
  interpolateEnv,
  type ManifestHealth,
  type ManifestPolicy,
  type ManifestSnapshot,
  type ManifestStore,
  type ServedManifest,
} from './manifest.ts';
export type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from './security/rate-limit.ts';
export {
  type CarpetaEnvironment,
  type GatewayLimits,
  loadSecuritySettings,
  type SecuritySettings,
} from './security/settings.ts';
export { type TelemetryReport, telemetrySchema } from './routes/telemetry.ts';
