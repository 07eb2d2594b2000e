import { agencyVariableStem, SIMULATED_AGENCIES } from './agencies/catalogue.ts';
import { AGENCY_HANDLERS } from './agencies/registry.ts';
import { type AgencyServer, startAgencyServer } from './server.ts';

// Every simulated administration over real HTTP, each on its own port (PORT_AGENCY_<ID>). DEHú
// starts last: once it answers, every other one listens (the process runners wait for it).
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

const order = [
  ...SIMULATED_AGENCIES.filter((agency) => agency.id !== 'dehu'),
  ...SIMULATED_AGENCIES.filter((agency) => agency.id === 'dehu'),
];
const servers: AgencyServer[] = [];
try {
  for (const agency of order) {
    const handlers = AGENCY_HANDLERS[agency.id];
    if (!handlers) throw new Error(`no simulated handlers for agency "${agency.id}"`);
    const server = await startAgencyServer({
      port: portFrom(`PORT_AGENCY_${agencyVariableStem(agency.id)}`, 4000 + agency.offset),
      host: HOST,
      handlers: handlers(),
      ...(agency.maxBodyBytes === undefined ? {} : { maxBodyBytes: agency.maxBodyBytes }),
    });
    servers.push(server);
    process.stdout.write(`agency ${agency.id} listening on ${server.url}\n`);
  }
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
