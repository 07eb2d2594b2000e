import { join } from 'node:path';
import type { ProcessSpec } from './processes.ts';
import { ROOT, type Topology } from './topology.ts';

/**
 * V8 heap limits for the gateway. Left to itself, Node sizes the young generation for the
 * machine's memory (up to 128 MiB of semi-spaces here) and lets the old generation grow lazily:
 * under load the gateway sat at 350+ MiB resident though it holds about 50 MiB of live data (the
 * libraries' code, Ada's models). With these limits it stays under 256 MiB (see docs/bench.md); the
 * old generation keeps about 45 MiB of room above the live data (64 MiB left too little: the gateway
 * ran out of heap during a whole end-to-end run once the assistant's models were in it). `--liftoff-only` keeps V8 from
 * re-optimising the embedded database's WebAssembly in the background: seconds of CPU less at start
 * (a cold start with a new data folder is the slowest). GATEWAY_NODE_FLAGS overrides them.
 */
export const GATEWAY_NODE_FLAGS = (
  process.env.GATEWAY_NODE_FLAGS ?? '--max-semi-space-size=2 --max-old-space-size=96 --liftoff-only'
)
  .split(/\s+/)
  .filter((flag) => flag !== '');

/**
 * glibc gives each thread that allocates its own malloc arena (up to 8 per core): the embedded
 * database, libuv's pool and V8's helper threads then keep tens of MiB of freed memory each. Two
 * arenas cut the gateway's peak under the bench load by about 13 MiB (253 → 240 MiB with a 96 MiB
 * old generation; 212 MiB with 64 MiB, see docs/bench.md). MALLOC_ARENA_MAX overrides it.
 */

/**
 * The processes of a running portal: simulated agencies, simulated identity provider, the mail sink,
 * one static origin per MFE, gateway.
 */
export function portalProcesses(topo: Topology, extraEnv: Record<string, string> = {}): ProcessSpec[] {
  const env = { ...topo.env, ...extraEnv };
  const node = process.execPath;
  return [
    {
      // Every simulated administration on its own port. DEHú starts last, so DEHú answering means
      // all are ready.
      name: 'agencies',
      command: node,
      args: [join(ROOT, 'mocks/src/main.ts')],
      env,
      readyUrl: `http://127.0.0.1:${topo.agencyPort}/__control/faults`,
    },
    {
      name: 'idp',
      command: node,
      args: [join(ROOT, 'mocks/src/idp/main.ts')],
      env,
      readyUrl: `${topo.idp}/.well-known/openid-configuration`,
    },
    {
      // Alert e-mails and verification codes land here (SMTP), readable in the browser.
      name: 'mail-sink',
      command: node,
      args: [join(ROOT, 'tools/mail-sink/src/cli.ts')],
      env,
      readyUrl: `${topo.mailSink.url}/api/messages`,
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
      args: [...GATEWAY_NODE_FLAGS, join(ROOT, 'gateway/src/main.ts')],
      env: { MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2', ...env },
      readyUrl: `${topo.portal}/api/health`,
    },
  ];
}
