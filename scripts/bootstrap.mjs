#!/usr/bin/env node
// The only thing `npm start` and `npm test` run, on the machine's own Node (20+): it installs what
// is missing (pnpm, Debian's chromium and, for the tests, postgresql, the dependencies, which carry
// Node 24 for everything else)
// and hands over to `pnpm run <script>`. Plain JavaScript on purpose: it must run before any
// dependency exists.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PNPM_VERSION = '12.21.0';
const CHROMIUM = '/usr/bin/chromium';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const script = process.argv[2];
const needsBrowser = script !== 'portal';

if (!script) {
  console.error('usage: node scripts/bootstrap.mjs <pnpm script>');
  process.exit(2);
}

function log(message) {
  console.log(`\x1b[36m[carpeta]\x1b[0m ${message}`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  return result.status === 0;
}

function pnpmCommand() {
  const found = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (found.status === 0 && found.stdout.trim().startsWith('12.')) return 'pnpm';
  const local = join(root, '.carpeta', 'tools', 'node_modules', '.bin', 'pnpm');
  if (existsSync(local)) return local;
  log(`installing pnpm ${PNPM_VERSION} into .carpeta/tools`);
  const ok = run('npm', [
    'install',
    '--prefix',
    join(root, '.carpeta', 'tools'),
    '--no-audit',
    '--no-fund',
    '--loglevel=error',
    `pnpm@${PNPM_VERSION}`,
  ]);
  if (!ok || !existsSync(local)) {
    console.error('Could not install pnpm from the npm registry. Check the network and try again.');
    process.exit(1);
  }
  return local;
}

function apt(...args) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = isRoot ? [] : ['sudo', '-n'];
  const [command, ...rest] = [...sudo, 'apt-get', '-o', 'DPkg::Lock::Timeout=300', ...args];
  return run(command, rest, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

let aptUpdated = false;
function aptInstall(...packages) {
  if (!aptUpdated) {
    if (!apt('update')) return false;
    aptUpdated = true;
  }
  return apt('install', '-y', '--no-install-recommends', ...packages);
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return true;
  log("installing Debian's chromium for the browser tests (apt-get)");
  return aptInstall('chromium') && existsSync(CHROMIUM);
}

// The gateway's database tests also run on a real PostgreSQL server, which they start from
// Debian's server programs (initdb, pg_ctl).
function hasPostgresServer() {
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    for (const version of readdirSync(debian)) {
      if (existsSync(join(debian, version, 'bin', 'initdb'))) return true;
    }
  }
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, 'initdb')));
}

function ensurePostgres() {
  if (hasPostgresServer()) return true;
  log("installing Debian's postgresql for the database tests (apt-get)");
  return aptInstall('postgresql') && hasPostgresServer();
}

if (!ensureChromium()) {
  const message = `Debian's chromium (${CHROMIUM}) is missing and could not be installed (apt-get needs root or passwordless sudo).`;
  if (needsBrowser) {
    console.error(message);
    process.exit(1);
  }
  log(`${message} The portal still starts; only the browser tests need it.`);
}

if (needsBrowser && !ensurePostgres()) {
  console.error(
    "Debian's postgresql (initdb, pg_ctl) is missing and could not be installed (apt-get needs root or passwordless sudo): install it with apt-get install -y postgresql.",
  );
  process.exit(1);
}

const pnpm = pnpmCommand();
// Scripts call `pnpm` by name (e.g. `pnpm build`): a pnpm installed into .carpeta/tools must be on
// the PATH of everything started from here.
if (pnpm !== 'pnpm') process.env.PATH = `${dirname(pnpm)}${delimiter}${process.env.PATH ?? ''}`;
log('installing dependencies (pnpm install --frozen-lockfile)');
if (!run(pnpm, ['install', '--frozen-lockfile', '--reporter=append-only'])) {
  console.error('pnpm install failed; see the messages above.');
  process.exit(1);
}

log(`pnpm run ${script}`);
const child = spawn(pnpm, ['run', script, ...process.argv.slice(3)], { stdio: 'inherit', cwd: root });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
