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
  type ManifestSnapshot,
  type ManifestStore,
} from './manifest.ts';
export { type TelemetryReport, telemetrySchema } from './routes/telemetry.ts';
