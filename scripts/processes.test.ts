// `npm start` as a person runs it, stopped the ways a person (or a CI runner) stops it: every
// process it started must end and every port must be free again. Each test starts the real portal
// (dependency check, build, four servers), so they take a while.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from './lib/topology.ts';

// 7000+: away from `npm start` (4000+), the e2e tests (5000+) and the bench (7000-7300).
const BASE = Number(process.env.CARPETA_PROCESS_TEST_PORT_BASE ?? 7500);
// The gateway, DEHú, two MFE origins and the mail sink (its page and its SMTP port).
const PORTS = [BASE, BASE + 101, BASE + 201, BASE + 202, BASE + 120, BASE + 125];

function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/** Every process under `root`, found through /proc. */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const ppid = parentOf(pid);
    if (ppid !== undefined) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    for (const child of children.get(pid) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** Alive and not a zombie waiting to be reaped. */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function until(condition: () => Promise<boolean> | boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return condition();
}

const started: ChildProcess[] = [];
const spawnedPids: number[] = [];

afterEach(() => {
  // Whatever a failed test left behind.
  for (const pid of spawnedPids.splice(0)) {
    if (running(pid)) process.kill(pid, 'SIGKILL');
  }
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/**
 * Runs `command` (which runs `npm start`) and waits for the portal to say it is running. Returns
 * the process to act on and every process that was running under it.
 */
async function startPortal(command: string, args: string[], extraEnv: Record<string, string> = {}) {
  const env: Record<string, string | undefined> = {
    ...process.env,
    CARPETA_PORT_BASE: String(BASE),
    ...extraEnv,
  };
  for (const name of Object.keys(env)) if (name.startsWith('VITEST') || name === 'NODE_ENV') delete env[name];
  for (const port of PORTS) expect(await listening(port), `port ${port} is free before`).toBe(false);
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const ready = await until(() => output.includes('Carpeta is running') || child.exitCode !== null, 240_000);
  expect(ready && child.exitCode === null, output.slice(-3000)).toBe(true);
  for (const port of PORTS) expect(await listening(port), `port ${port} is served`).toBe(true);
  const pids = descendants(child.pid as number);
  spawnedPids.push(...pids);
  // npm, the bootstrap, pnpm, the portal runner and the four servers at least.
  expect(pids.length).toBeGreaterThanOrEqual(7);
  return { child, pids, output: () => output };
}

async function expectEverythingStopped(pids: number[], output: () => string) {
  const stopped = await until(async () => {
    if (pids.some(running)) return false;
    for (const port of PORTS) if (await listening(port)) return false;
    return true;
  }, 30_000);
  const left = pids.filter(running).map((pid) => {
    try {
      return `${pid} ${readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')}`;
    } catch {
      return String(pid);
    }
  });
  expect(stopped, `still running: ${left.join('\n')}\n${output().slice(-2000)}`).toBe(true);
}

describe('npm start', () => {
  it('SIGTERM to npm stops every process it started and frees every port; no browser is ever installed', {
    timeout: 300_000,
  }, async () => {
    // No chromium where the bootstrap looks, and an apt-get and a sudo that only record a call.
    const bin = await mkdtemp(path.join(tmpdir(), 'carpeta-fake-apt-'));
    try {
      const calls = path.join(bin, 'calls');
      for (const tool of ['apt-get', 'sudo']) {
        await writeFile(path.join(bin, tool), `#!/bin/sh\necho "${tool} $*" >> "${calls}"\nexit 1\n`, {
          mode: 0o755,
        });
      }
      const { child, pids, output } = await startPortal('npm', ['start'], {
        CHROMIUM_PATH: path.join(bin, 'no-chromium'),
        PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
      });
      expect(existsSync(calls) ? readFileSync(calls, 'utf8') : 'never called').toBe('never called');
      child.kill('SIGTERM');
      await expectEverythingStopped(pids, output);
    } finally {
      await rm(bin, { recursive: true, force: true });
    }
  });

  for (const signal of ['SIGINT', 'SIGHUP'] as const) {
    it(`${signal} to npm stops every process it started and frees every port`, {
      timeout: 300_000,
    }, async () => {
      const { child, pids, output } = await startPortal('npm', ['start']);
      child.kill(signal);
      await expectEverythingStopped(pids, output);
    });
  }

  it('stops everything when the process that ran it dies', { timeout: 300_000 }, async () => {
    // A caller killed outright: nothing sends npm a signal, it is only re-parented.
    const { child, pids, output } = await startPortal('sh', ['-c', 'npm start; echo "npm ended"']);
    child.kill('SIGKILL');
    await expectEverythingStopped(pids, output);
  });
});
