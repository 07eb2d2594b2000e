export { createStaticServer, type StaticServerOptions } from './server.ts';
export {
  cacheControlFor,
  IMMUTABLE,
  NO_CACHE,
  registerStatic,
  type StaticOptions,
} from './register-static.ts';
