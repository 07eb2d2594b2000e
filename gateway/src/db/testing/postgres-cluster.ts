import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

// A throw-away PostgreSQL server for the tests: a fresh cluster in a temp folder, on a free loopback
// port, trusted local logins as user `carpeta`, removed when stopped. initdb refuses to run as root,
// so as root the cluster belongs to the `postgres` system user (Debian's package creates it).

const run = promisify(execFile);

export const MISSING_POSTGRES =
  "PostgreSQL's server programs (initdb, pg_ctl) were not found in /usr/lib/postgresql/*/bin nor on the PATH: " +
  "the database tests run on a real PostgreSQL too; install Debian's postgresql (apt-get install -y postgresql)";

export interface PostgresCluster {
  /** postgres://carpeta@127.0.0.1:PORT/postgres */
  url: string;
  /** The folder of the cluster (data and socket). */
  dir: string;
  stop(): Promise<void>;
  /** The same as stop, synchronously (for process exit). */
  stopSync(): void;
}

/** The folder of initdb and pg_ctl: Debian's newest /usr/lib/postgresql/N/bin, else the PATH. */
export function findPostgresBin(): string | null {
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    for (const version of versions) {
      const bin = path.join(debian, version, 'bin');
      if (existsSync(path.join(bin, 'initdb')) && existsSync(path.join(bin, 'pg_ctl'))) return bin;
    }
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'))) return dir;
  }
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function systemUser(name: string): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

export async function startPostgresCluster({
  bin = findPostgresBin(),
}: {
  bin?: string | null;
} = {}): Promise<PostgresCluster> {
  if (!bin) throw new Error(MISSING_POSTGRES);
  const asRoot = process.getuid?.() === 0;
  const dir = await mkdtemp(path.join(tmpdir(), 'carpeta-pg-'));
  const data = path.join(dir, 'data');
  // As root, every server program runs as `postgres`, which must own the folder.
  const command = (program: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', path.join(bin, program), ...args])
      : run(path.join(bin, program), args);
  const stopSync = () => {
    const args = ['-D', data, '-m', 'immediate', '-w', 'stop'];
    try {
      if (asRoot)
        execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, 'pg_ctl'), ...args], {
          stdio: 'ignore',
        });
      else execFileSync(path.join(bin, 'pg_ctl'), args, { stdio: 'ignore' });
    } catch {
      // Not running.
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    if (asRoot) {
      const { uid, gid } = await systemUser('postgres');
      await chown(dir, uid, gid);
    }
    await command('initdb', [
      '-D',
      data,
      '-A',
      'trust',
      '-U',
      'carpeta',
      '-E',
      'UTF8',
      '--no-locale',
      '--no-sync',
    ]);
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const settings = [
        `-p ${port}`,
        `-k ${dir}`,
        '-c listen_addresses=127.0.0.1',
        // A test server: durability across a crash of the machine does not matter, speed does.
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
        '-c max_connections=200',
      ].join(' ');
      try {
        await command('pg_ctl', [
          '-D',
          data,
          '-o',
          settings,
          '-l',
          path.join(dir, 'server.log'),
          '-w',
          'start',
        ]);
        let stopping: Promise<void> | undefined;
        return {
          url: `postgres://carpeta@127.0.0.1:${port}/postgres`,
          dir,
          stop() {
            stopping ??= (async () => {
              try {
                await command('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
              } finally {
                await rm(dir, { recursive: true, force: true });
              }
            })();
            return stopping;
          },
          stopSync,
        };
      } catch (error) {
        // Another process may have taken the port between freePort and the server's bind.
        if (attempt >= 3) throw error;
      }
    }
  } catch (error) {
    stopSync();
    throw error;
  }
}
