import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { ROOT } from './topology.ts';

export interface ProcessSpec {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  cwd?: string;
  /** A URL that answers (any HTTP status) once the process is ready. */
  readyUrl?: string;
  /** Count the process's output lines instead of printing them (benchmarks). */
  quiet?: boolean;
}

const COLOURS = [36, 33, 35, 32, 34, 31, 96, 93];

/** Fails early, with a clear message, when a port the portal needs is taken. */
export async function assertPortsFree(ports: number[], host = '127.0.0.1'): Promise<void> {
  const busy: number[] = [];
  await Promise.all(
    ports.map(
      (port) =>
        new Promise<void>((resolve) => {
          const server = createServer();
          server.once('error', () => {
            busy.push(port);
            resolve();
          });
          server.listen(port, host, () => server.close(() => resolve()));
        }),
    ),
  );
  if (busy.length > 0) {
    throw new Error(
      `Port(s) ${busy.sort().join(', ')} on ${host} are in use. Is Carpeta already running? Stop it, or choose other ports with CARPETA_PORT_BASE=5000.`,
    );
  }
}

/**
 * Browsers and `fetch` refuse some ports outright (the Fetch standard's "bad port" list: 6000 for
 * X11, 6665–6669 for IRC, …): a portal on one would start and then never be reachable. Node's own
 * `fetch` implements that list; its immediate "bad port" refusal is asked here, before anything
 * starts, so the answer is a sentence and not a 30-second wait.
 */
export async function assertPortsUsableByBrowsers(ports: number[], host = '127.0.0.1'): Promise<void> {
  const blocked: number[] = [];
  await Promise.all(
    ports.map(async (port) => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 2_000);
      try {
        const response = await fetch(`http://${host}:${port}/`, {
          method: 'HEAD',
          signal: controller.signal,
        });
        await response.body?.cancel();
      } catch (error) {
        const cause = (error as { cause?: unknown }).cause;
        if (cause instanceof Error && cause.message === 'bad port') blocked.push(port);
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  if (blocked.length > 0) {
    throw new Error(
      `Port(s) ${blocked.sort((a, b) => a - b).join(', ')} are refused by browsers and fetch (the Fetch standard's blocked ports). Choose another CARPETA_PORT_BASE, e.g. CARPETA_PORT_BASE=5000.`,
    );
  }
}

async function waitForUrl(url: string, timeoutMs: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode} before it was ready`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
  throw new Error(`not ready at ${url} after ${timeoutMs} ms`);
}

/**
 * Starts processes with prefixed output, waits until each is ready, and stops all of them when
 * one dies or on Ctrl-C, so a second run always finds its ports free.
 */
export class Supervisor {
  private readonly children = new Map<string, ChildProcess>();
  private readonly written = new Map<string, { lines: number; bytes: number }>();
  private stopping = false;

  constructor() {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.on(signal, () => void this.stop(0));
    }
    // If whoever started us dies without a signal reaching us, stop too.
    const parent = process.ppid;
    setInterval(() => {
      if (process.ppid !== parent) void this.stop(1);
    }, 500).unref();
    // Whatever way this process ends, no child outlives it holding a port.
    process.on('exit', () => {
      for (const child of this.children.values()) {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
    });
  }

  async start(specs: ProcessSpec[], readyTimeoutMs = 30_000): Promise<void> {
    for (const [index, spec] of specs.entries()) {
      const colour = COLOURS[index % COLOURS.length];
      const prefix = `\x1b[${colour}m${spec.name.padEnd(14)}\x1b[0m│ `;
      const child = spawn(spec.command, spec.args, {
        cwd: spec.cwd ?? ROOT,
        env: { ...process.env, ...spec.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      this.children.set(spec.name, child);
      for (const stream of [child.stdout, child.stderr]) {
        let buffer = '';
        stream?.on('data', (chunk: Buffer) => {
          const count = this.written.get(spec.name) ?? { lines: 0, bytes: 0 };
          count.bytes += chunk.length;
          buffer += chunk.toString();
          const lines = buffer.split('\n');
          buffer = lines.pop() ?? '';
          count.lines += lines.length;
          this.written.set(spec.name, count);
          if (!spec.quiet) for (const line of lines) process.stdout.write(`${prefix}${line}\n`);
        });
      }
      child.on('exit', (code, signal) => {
        if (this.stopping) return;
        console.error(`${prefix}stopped (${signal ?? `code ${code}`}); stopping the portal`);
        void this.stop(1);
      });
    }
    await Promise.all(
      specs.map(async (spec) => {
        const child = this.children.get(spec.name);
        if (!spec.readyUrl || !child) return;
        try {
          await waitForUrl(spec.readyUrl, readyTimeoutMs, child);
        } catch (error) {
          throw new Error(`${spec.name} ${(error as Error).message}`);
        }
      }),
    );
  }

  /** The process id of a started process. */
  pid(name: string): number | undefined {
    return this.children.get(name)?.pid;
  }

  /** How much a process has written so far (stdout and stderr). */
  output(name: string): { lines: number; bytes: number } {
    return { ...(this.written.get(name) ?? { lines: 0, bytes: 0 }) };
  }

  async stop(code: number): Promise<never> {
    if (!this.stopping) {
      this.stopping = true;
      const exits = [...this.children.values()]
        .filter((child) => child.exitCode === null && child.signalCode === null)
        .map(
          (child) =>
            new Promise<void>((resolve) => {
              const timer = setTimeout(() => {
                child.kill('SIGKILL');
                resolve();
              }, 5000);
              child.once('exit', () => {
                clearTimeout(timer);
                resolve();
              });
              child.kill('SIGTERM');
            }),
        );
      await Promise.all(exits);
    }
    process.exit(code);
  }
}
