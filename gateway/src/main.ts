import { buildGateway } from './app.ts';
import { sharedClassifier } from './assistant/index.ts';
import { loadConfig } from './config.ts';
import { openDatabase, type PortalDatabase } from './db/index.ts';
import { createLogDestination } from './security/log-destination.ts';

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig(process.env);
} catch (error) {
  process.stderr.write(`gateway: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}

const log = createLogDestination();
function exit(code: number): never {
  try {
    log.stream.flushSync();
  } catch {
    // Nobody reads the log any more: nothing to flush it to.
  }
  process.exit(code);
}
let database: PortalDatabase;
try {
  // Migrations run here, before the gateway answers anything.
  database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
} catch (error) {
  process.stderr.write(
    `gateway: the database cannot be opened: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  exit(1);
}
const app = buildGateway(
  { ...config, logger: { level: process.env.LOG_LEVEL ?? 'info', stream: log.stream } },
  { database },
);
// Lines dropped because the output was too slow are reported once things move again.
setInterval(() => {
  const dropped = log.takeDropped();
  if (dropped > 0) app.log.warn({ dropped }, 'log lines dropped: the log output was too slow');
}, 5000).unref();
try {
  await app.listen({ port: config.port, host: config.host });
} catch (error) {
  app.log.fatal({ err: error }, 'the gateway cannot listen');
  exit(1);
}
// Ada's classifier is made ready now: the model `pnpm assistant:train` stored for the corpora in the
// repository, or trained from them (a few hundred milliseconds).
sharedClassifier().then(
  (classifier) => app.log.info({ readyMs: Math.round(classifier.trainingMs) }, 'assistant ready'),
  (error: unknown) => app.log.error({ err: error }, 'the assistant could not be trained'),
);
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
      () => exit(0),
      () => exit(1),
    );
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
