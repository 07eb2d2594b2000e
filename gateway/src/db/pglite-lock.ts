import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// PGlite is PostgreSQL in one process: two processes opening the same data directory would corrupt
// it, and PGlite itself does not prevent that. A lock file with the owner's pid does, and a lock
// left by a process that died is taken over.

const LOCK_FILE = 'carpeta-gateway.lock';
const lockedHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Locks `dataDir` (which must exist) for this process; returns the function that unlocks it. */
export function lockDataDir(dataDir: string): () => void {
  const dir = path.resolve(dataDir);
  if (lockedHere.has(dir)) throw new Error(`the embedded database in ${dir} is already open in this process`);
  const file = path.join(dir, LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let owner = Number.NaN;
      try {
        owner = Number.parseInt(readFileSync(file, 'utf8'), 10);
      } catch {}
      const taken = Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner);
      if (taken || attempt > 0) {
        throw new Error(
          `the embedded database in ${dir} is in use by another process (pid ${owner}): stop it, or set DATABASE_URL so that several gateways share one PostgreSQL server`,
        );
      }
      // Left by a process that is gone (or by an earlier run that had this same pid).
      rmSync(file, { force: true });
    }
  }
  lockedHere.add(dir);
  return () => {
    lockedHere.delete(dir);
    rmSync(file, { force: true });
  };
}
