import { buildGateway } from './app.ts';
import { loadConfig } from './config.ts';
import { openDatabase, type PortalDatabase } from './db/index.ts';

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig(process.env);
} catch (error) {
  process.stderr.write(`gateway: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}

let database: PortalDatabase;
try {
  // Migrations run here, before the gateway answers anything.
  database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
} catch (error) {
  process.stderr.write(
    `gateway: the database cannot be opened: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
}

const app = buildGateway({ ...config, logger: { level: process.env.LOG_LEVEL ?? 'info' } }, { database });
try {
  await app.listen({ port: config.port, host: config.host });
} catch (error) {
  app.log.fatal({ err: error }, 'the gateway cannot listen');
  process.exit(1);
}
const address = app.server.address();
const port = typeof address === 'object' && address !== null ? address.port : config.port;
process.stdout.write(`gateway listening on http://${config.host}:${port}\n`);

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  app
    .close()
    .then(() => database.close())
    .then(
      () => process.exit(0),
      () => process.exit(1),
    );
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
