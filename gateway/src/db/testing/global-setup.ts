import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from './postgres-cluster.ts';

const run = promisify(execFile);

/**
 * Node flags for processes that run PGlite in tests. V8 otherwise compiles PGlite's hot WebAssembly
 * again with its optimising compiler, in the background and on exit: seconds of CPU per process,
 * more than a test's queries ever win back. (The gateway itself keeps the defaults.)
 */
export const PGLITE_NODE_FLAGS = ['--liftoff-only'];

// Vitest globalSetup of the gateway project: one throw-away PostgreSQL server for every test file
// (each suite makes its own database in it), and one freshly initialised PGlite data directory that
// suites copy instead of paying PGlite's initdb each time. Both are removed after the run, failed or
// not, and on an abrupt exit of the Vitest process (suites' copies included: they live inside).

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres://… of the test server's maintenance database (create your own database in it). */
    carpetaPostgresUrl: string;
    /** A closed, empty PGlite data directory to copy. */
    carpetaPgliteTemplate: string;
    /** A folder for the suites' own PGlite copies, removed with everything in it after the run. */
    carpetaPgliteSuites: string;
  }
}

async function createPgliteTemplate(): Promise<{ dir: string; dataDir: string; suites: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'carpeta-pglite-'));
  try {
    const dataDir = path.join(dir, 'template');
    const suites = path.join(dir, 'suites');
    await mkdir(suites);
    const script = fileURLToPath(new URL('./init-pglite.ts', import.meta.url));
    await run(process.execPath, [...PGLITE_NODE_FLAGS, script, dataDir]);
    return { dir, dataDir, suites };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [cluster, template] = await Promise.allSettled([startPostgresCluster(), createPgliteTemplate()]);
  const cleanUp = async () => {
    if (cluster.status === 'fulfilled') await cluster.value.stop();
    if (template.status === 'fulfilled') await rm(template.value.dir, { recursive: true, force: true });
  };
  if (cluster.status === 'rejected' || template.status === 'rejected') {
    await cleanUp();
    throw cluster.status === 'rejected' ? cluster.reason : (template as PromiseRejectedResult).reason;
  }
  const onExit = () => {
    cluster.value.stopSync();
    rmSync(template.value.dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  project.provide('carpetaPostgresUrl', cluster.value.url);
  project.provide('carpetaPgliteTemplate', template.value.dataDir);
  project.provide('carpetaPgliteSuites', template.value.suites);
  return async () => {
    process.off('exit', onExit);
    await cleanUp();
  };
}
