// `pnpm dev`, for people building MFEs: the simulated agencies and identity provider and the gateway
// (restarted on change),
// the shell's Vite dev server (proxying /api and /mfes.json to the gateway) and every MFE's Vite
// dev server on the port the manifest points at, so an edit shows without rebuilding the rest.
import { join } from 'node:path';
import { assertPortsFree, assertPortsUsableByBrowsers, Supervisor } from './lib/processes.ts';
import { ROOT, topology } from './lib/topology.ts';

const topo = topology();
const shellPort = Number(process.env.PORT_SHELL_DEV ?? 5173);
const shellUrl = `http://127.0.0.1:${shellPort}`;
const env = {
  ...topo.env,
  PORTAL_ORIGIN: shellUrl,
  CARPETA_GATEWAY_URL: topo.portal,
  PORT_SHELL_DEV: String(shellPort),
};
const node = process.execPath;
const vite = join(ROOT, 'shell/node_modules/vite/bin/vite.js');

const supervisor = new Supervisor();
try {
  const ports = [
    topo.gatewayPort,
    ...topo.agencies.map((agency) => agency.port),
    topo.idpPort,
    shellPort,
    ...topo.mfes.map((mfe) => mfe.port),
  ];
  await assertPortsUsableByBrowsers(ports);
  await assertPortsFree(ports);
  await supervisor.start(
    [
      {
        // Every simulated administration on its own port; DEHú starts last, so DEHú answering means all are ready.
        name: 'agencies',
        command: node,
        args: ['--watch', join(ROOT, 'mocks/src/main.ts')],
        env,
        readyUrl: `http://127.0.0.1:${topo.agencyPort}/__control/faults`,
      },
      {
        // The identity provider sends the browser back to PORTAL_ORIGIN (here the shell's dev server).
        name: 'idp',
        command: node,
        args: ['--watch', join(ROOT, 'mocks/src/idp/main.ts')],
        env,
        readyUrl: `${topo.idp}/.well-known/openid-configuration`,
      },
      {
        name: 'gateway',
        command: node,
        args: ['--watch', join(ROOT, 'gateway/src/main.ts')],
        env,
        readyUrl: `${topo.portal}/api/health`,
      },
      ...topo.mfes.map((mfe) => ({
        name: `mfe-${mfe.name}`,
        command: node,
        args: [vite, '--port', String(mfe.port), '--strictPort'],
        cwd: mfe.dir,
        env,
        readyUrl: `${mfe.url}/remoteEntry.js`,
      })),
      { name: 'shell', command: node, args: [vite], cwd: join(ROOT, 'shell'), env, readyUrl: shellUrl },
    ],
    60_000,
  );
} catch (error) {
  console.error(`\n${(error as Error).message}`);
  await supervisor.stop(1);
}
console.log(
  `\n  Carpeta (development) is running: \x1b[1m${shellUrl}\x1b[0m\n  Edits to shell/ or mfes/* reload in place. Ctrl-C stops everything.\n`,
);
