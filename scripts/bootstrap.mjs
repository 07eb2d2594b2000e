#!/usr/bin/env node
// The only thing `npm start` and `npm test` run, on the machine's own Node (20+): it installs what
// is missing (pnpm, Debian's chromium and, for the tests, postgresql, the dependencies, which carry
// Node 24 for everything else)
// and hands over to `pnpm run <script>`. Plain JavaScript on purpose: it must run before any
// dependency exists.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PNPM_VERSION = '12.21.0';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
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

// Only the tests drive a browser: `npm start` never installs one.
if (needsBrowser && !ensureChromium()) {
  console.error(
    `Debian's chromium (${CHROMIUM}) is missing and could not be installed (apt-get needs root or passwordless sudo).`,
  );
  process.exit(1);
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
const GRACE_MS = 8000;

function parentOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

function running(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** Every process under `rootPid` (pnpm puts what it runs in process groups of its own). */
function descendants(rootPid) {
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const ppid = parentOf(pid);
    if (ppid !== undefined) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const found = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    for (const pid of children.get(queue.shift()) ?? []) {
      found.push(pid);
      queue.push(pid);
    }
  }
  return found;
}

function kill(pid, signal) {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

async function gone(pids, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (pids.some(running) && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 100));
  return !pids.some(running);
}

// Whatever stops this process stops every process under it, so that none outlives it holding a
// port: the signal goes to the processes pnpm started (the portal runner, each server), then to
// pnpm once they are gone; anything still running after a grace period is killed.
let stopping = false;
let tree = [];
async function stopAll(signal) {
  if (stopping) return;
  stopping = true;
  tree = descendants(process.pid);
  const started = tree.filter((pid) => pid !== child.pid);
  for (const pid of started) kill(pid, signal);
  await gone(started, GRACE_MS / 2);
  kill(child.pid, signal);
  if (!(await gone(tree, GRACE_MS / 2))) for (const pid of tree) kill(pid, 'SIGKILL');
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => void stopAll(signal));
}

// If whoever started us dies (npm killed, whoever ran `npm start`, the terminal), stop too instead
// of running on, orphaned. The closest ancestors are watched: one that is gone or re-parented
// means its parent died.
const ancestors = [];
for (let pid = process.pid, depth = 0; depth < 3; depth += 1) {
  const ppid = parentOf(pid);
  if (ppid === undefined || ppid <= 1) break;
  const grandparent = parentOf(ppid);
  if (grandparent === undefined || grandparent < 1) break;
  ancestors.push([ppid, grandparent]);
  pid = ppid;
}
const parent = process.ppid;
setInterval(() => {
  const orphaned = process.ppid !== parent || ancestors.some(([pid, ppid]) => parentOf(pid) !== ppid);
  if (orphaned) void stopAll('SIGTERM');
}, 500).unref();

child.on('exit', async (code, signal) => {
  if (stopping && !(await gone(tree, GRACE_MS))) for (const pid of tree) kill(pid, 'SIGKILL');
  process.exit(code ?? (signal ? 1 : 0));
});
