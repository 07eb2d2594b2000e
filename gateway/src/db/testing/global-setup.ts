import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from './postgres-cluster.ts';

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
    const { PGlite } = await import('@electric-sql/pglite');
    const dataDir = path.join(dir, 'template');
    const suites = path.join(dir, 'suites');
    await mkdir(suites);
    const pglite = await PGlite.create(dataDir);
    await pglite.close();
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
