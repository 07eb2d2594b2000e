// Starts the whole portal from built files, as production would serve it: the gateway (which
// serves the shell, the manifest and /api), one static origin per micro-frontend and the simulated
// agencies. `pnpm start` builds first; Ctrl-C stops everything.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { portalProcesses } from './lib/portal-processes.ts';
import { assertPortsFree, assertPortsUsableByBrowsers, Supervisor } from './lib/processes.ts';
import { ROOT, topology } from './lib/topology.ts';

const topo = topology();
const missing = [
  join(ROOT, 'shell/dist/index.html'),
  ...topo.mfes.map((mfe) => join(mfe.dir, 'dist/remoteEntry.js')),
]
  .filter((file) => !existsSync(file))
  .map((file) => file.slice(ROOT.length + 1));
if (missing.length > 0) {
  console.error(`Not built yet: ${missing.join(', ')}. Run \`pnpm build\` (or \`npm start\`, which builds).`);
  process.exit(1);
}

const specs = portalProcesses(topo);
const supervisor = new Supervisor();
try {
  const ports = [
    topo.gatewayPort,
    ...topo.agencies.map((agency) => agency.port),
    topo.idpPort,
    topo.mailSink.httpPort,
    topo.mailSink.smtpPort,
    ...topo.mfes.map((mfe) => mfe.port),
  ];
  await assertPortsUsableByBrowsers(ports);
  await assertPortsFree(ports);
  // The gateway creates and migrates its embedded database on the first start: give it time.
  await supervisor.start(specs, 90_000);
} catch (error) {
  console.error(`\n${(error as Error).message}`);
  await supervisor.stop(1);
}

const line = '─'.repeat(60);
console.log(`\n${line}\n  Carpeta is running: \x1b[1m${topo.portal}\x1b[0m`);
for (const mfe of topo.mfes) console.log(`  mfe ${mfe.name.padEnd(16)} ${mfe.url}`);
for (const agency of topo.agencies) console.log(`  agency ${agency.id.padEnd(17)} ${agency.url}`);
console.log(`  simulated Cl@ve (OIDC)   ${topo.idp}`);
console.log(`  mail sink (alert e-mails) ${topo.mailSink.url}`);
console.log(`  Press Ctrl-C to stop.\n${line}\n`);
