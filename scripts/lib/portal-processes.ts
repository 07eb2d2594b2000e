import { join } from 'node:path';
import type { ProcessSpec } from './processes.ts';
import { ROOT, type Topology } from './topology.ts';

/** The processes of a running portal: simulated agency, one static origin per MFE, gateway. */
export function portalProcesses(topo: Topology, extraEnv: Record<string, string> = {}): ProcessSpec[] {
  const env = { ...topo.env, ...extraEnv };
  const node = process.execPath;
  return [
    {
      name: 'agency-dehu',
      command: node,
      args: [join(ROOT, 'mocks/src/main.ts')],
      env,
      readyUrl: `http://127.0.0.1:${topo.agencyPort}/__control/faults`,
    },
    ...topo.mfes.map((mfe) => ({
      name: `mfe-${mfe.name}`,
      command: node,
      args: [
        join(ROOT, 'tools/static-server/src/cli.ts'),
        '--root',
        join(mfe.dir, 'dist'),
        '--port',
        String(mfe.port),
        '--host',
        '127.0.0.1',
        '--cors-origin',
        topo.portal,
      ],
      env,
      readyUrl: `${mfe.url}/remoteEntry.js`,
    })),
    {
      name: 'gateway',
      command: node,
      args: [join(ROOT, 'gateway/src/main.ts')],
      env,
      readyUrl: `${topo.portal}/api/health`,
    },
  ];
}
