import { dehuHandlers } from './agencies/dehu.ts';
import { reaHandlers } from './agencies/rea.ts';
import { type AgencyServer, startAgencyServer } from './server.ts';

// Simulated agencies over real HTTP, one port each: DEHú (notifications) and REA (powers of attorney).
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

const servers: AgencyServer[] = [];
try {
  const dehu = await startAgencyServer({
    port: portFrom('PORT_AGENCY_DEHU', 4101),
    host: HOST,
    handlers: dehuHandlers(),
  });
  servers.push(dehu);
  process.stdout.write(`agency dehu listening on ${dehu.url}\n`);
  const rea = await startAgencyServer({
    port: portFrom('PORT_AGENCY_REA', 4102),
    host: HOST,
    handlers: reaHandlers(),
  });
  servers.push(rea);
  process.stdout.write(`agency rea listening on ${rea.url}\n`);
} catch (error) {
  process.stderr.write(`agencies failed to start: ${(error as Error).message}\n`);
  await Promise.allSettled(servers.map((server) => server.close()));
  process.exit(1);
}

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  Promise.all(servers.map((server) => server.close())).then(
    () => process.exit(0),
    () => process.exit(1),
  );
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
