import { dehuHandlers } from './agencies/dehu.ts';
import { startAgencyServer } from './server.ts';

// Simulated agencies over real HTTP, one port each (only DEHú so far).
const HOST = '127.0.0.1';

function portFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  const port = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`${name} must be a port number, got "${raw}"\n`);
    process.exit(2);
  }
  return port;
}

const dehu = await startAgencyServer({
  port: portFrom('PORT_AGENCY_DEHU', 4101),
  host: HOST,
  handlers: dehuHandlers(),
});
process.stdout.write(`agency dehu listening on ${dehu.url}\n`);

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  dehu.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
