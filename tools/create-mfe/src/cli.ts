#!/usr/bin/env node
// pnpm new:mfe [--name tributos --owner L01280796 --framework react --route /tributos
//               --min-loa substantial --audience municipality:28079 --yes]
// Asks what is missing (or, with --yes or without a terminal, takes the flags and defaults), writes
// mfes/<name> and its manifest entry, installs, and says what to run next. Outside a Carpeta
// checkout (`npm create carpeta-mfe`), writes ./<name> as the agency's own package instead and
// prints the manifest entry to add.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { input, select } from '@inquirer/prompts';
import { LOA_LEVELS } from '@carpeta/sdk';
import {
  checkName,
  checkOwner,
  checkRoute,
  defaultTitle,
  FRAMEWORKS,
  InvalidAnswer,
  parseAudience,
  type RawAnswers,
} from './options.ts';
import {
  findCarpetaRepository,
  formatJson,
  readWorkspace,
  scaffold,
  scaffoldStandalone,
} from './scaffold.ts';

const USAGE = `usage: pnpm new:mfe [options]    (asks for what is missing when run in a terminal)
       npm create carpeta-mfe -- [options]   (outside a Carpeta checkout: writes ./<name>)
  --name <name>            folder under mfes/ (or ./) and manifest id, e.g. tributos
  --owner <DIR3>           the owning body's DIR3 code, e.g. L01280796
  --owner-name <text>      its name as citizens read it (default: the DIR3 code)
  --framework <f>          react (default), vanilla (plain TypeScript) or angular
  --route <path>           where it mounts (default /<name>)
  --title <text>           its title in Spanish (default from the name)
  --min-loa <level>        low, substantial (default) or high
  --audience <places>      state (default), or e.g. municipality:28079 or community:13,province:19
  --root <dir>             the Carpeta repository to write into (default: the one the current
                           folder is in; outside one, a package of its own in ./<name>)
  --dry-run                check the answers and print what would be written, write nothing
  --no-install             do not run pnpm install afterwards
  --yes, -y                ask nothing: flags and defaults only
  --help, -h               this text`;

function fail(message: string, code = 2): never {
  process.stderr.write(`create-mfe: ${message}\n`);
  process.exit(code);
}

function read() {
  try {
    return parseArgs({
      options: {
        name: { type: 'string' },
        owner: { type: 'string' },
        'owner-name': { type: 'string' },
        framework: { type: 'string' },
        route: { type: 'string' },
        title: { type: 'string' },
        'min-loa': { type: 'string' },
        audience: { type: 'string' },
        root: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'no-install': { type: 'boolean', default: false },
        yes: { type: 'boolean', short: 'y', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`);
  }
}

const flags = read();
if (flags.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const root = flags.root ? resolve(flags.root) : findCarpetaRepository(process.cwd());
const interactive = !flags.yes && process.stdin.isTTY === true;

const raw: RawAnswers = {
  name: flags.name,
  owner: flags.owner,
  ownerName: flags['owner-name'],
  framework: flags.framework,
  route: flags.route,
  title: flags.title,
  minLoa: flags['min-loa'],
  audience: flags.audience,
};

const orTrue = (problem: string | null) => problem ?? true;

if (interactive) {
  const workspace = root
    ? readWorkspace(root)
    : { packages: [], portOffsets: [], containers: [], entries: [], maxNavOrder: 0 };
  raw.name ??= await input({
    message: 'Name of the MFE (folder under mfes/, e.g. tributos):',
    validate: (value) => orTrue(checkName(value.trim(), workspace)),
  });
  raw.owner ??= await input({
    message: 'DIR3 code of the owning administration (e.g. L01280796):',
    validate: (value) => orTrue(checkOwner(value.trim())),
  });
  raw.ownerName ??= await input({ message: 'Its name, as citizens read it:', default: raw.owner });
  raw.framework ??= await select({
    message: 'Framework:',
    choices: FRAMEWORKS.map((value) => ({ value })),
  });
  raw.route ??= await input({
    message: 'Route:',
    default: `/${raw.name.trim()}`,
    validate: (value) => orTrue(checkRoute(value.trim(), workspace)),
  });
  raw.title ??= await input({ message: 'Title in Spanish:', default: defaultTitle(raw.name.trim()) });
  raw.minLoa ??= await select({
    message: 'Minimum level of assurance of the session:',
    choices: LOA_LEVELS.map((value) => ({ value })),
    default: 'substantial',
  });
  raw.audience ??= await input({
    message: 'Audience (state, or e.g. municipality:28079, community:13):',
    default: 'state',
    validate: (value) => {
      try {
        parseAudience(value);
        return true;
      } catch (error) {
        return (error as Error).message;
      }
    },
  });
}

const started = performance.now();
let result: ReturnType<typeof scaffold>;
try {
  result = root
    ? scaffold(raw, { root, dryRun: flags['dry-run'] })
    : scaffoldStandalone(raw, { parent: process.cwd(), dryRun: flags['dry-run'] });
} catch (error) {
  if (error instanceof InvalidAnswer) fail(`${error.message}\n\n${USAGE}`);
  throw error;
}

const { answers } = result;
process.stdout.write(
  `${flags['dry-run'] ? 'Would write' : 'Wrote'}:\n${result.files.map((file) => `  ${file}`).join('\n')}\n` +
    `Port: CARPETA_PORT_BASE + ${result.portOffset} (${result.variables.port}, ${result.variables.url})\n` +
    `${root ? 'Manifest entry' : 'Entry'} "${answers.name}" on ${answers.route}, owner ${answers.owner}, min LoA ${answers.minLoa}, ` +
    `${answers.audience ? `audience ${JSON.stringify(answers.audience)}` : 'State-wide'}\n`,
);

if (!root) {
  process.stdout.write(
    `\nNo Carpeta checkout here: ${answers.name}/ is a package of its own, on the contract's registry versions.\n` +
      `Add this entry to the portal's gateway/config/mfes.json (its operators do; ${result.variables.url} is the URL your build is served from):\n\n` +
      `${formatJson(result.entry)}\n`,
  );
  if (!flags['dry-run'])
    process.stdout.write(
      `\nNext:\n  cd ${answers.name}\n  npm install\n  npm test          its tests\n  npm run build     dist/ with remoteEntry.js, to serve\n  npm run conformance   the agency kit on dist/ (Chromium: /usr/bin/chromium or CHROMIUM_PATH)\n`,
    );
  process.exit(0);
}

if (!flags['dry-run'] && !flags['no-install']) {
  // Links the new package into the workspace (and records it in the lockfile): without it,
  // `npm start` refuses the out-of-date lockfile.
  const install = spawnSync('pnpm', ['install', '--offline'], { cwd: root, stdio: 'inherit' });
  if (install.status !== 0) {
    const retry = spawnSync('pnpm', ['install'], { cwd: root, stdio: 'inherit' });
    if (retry.status !== 0) fail('pnpm install failed: run it yourself, then the commands below', 1);
  }
}

if (!flags['dry-run']) {
  process.stdout.write(
    `\nDone in ${((performance.now() - started) / 1000).toFixed(1)} s. Next:\n` +
      `  pnpm exec vitest run mfes/${answers.name}       its tests\n` +
      `  pnpm --filter @carpeta/mfe-${answers.name} run build\n` +
      `  pnpm --filter @carpeta/mfe-${answers.name} run conformance   the agency kit on its build\n` +
      `  npm run portal                               the portal with it, on ${answers.route}\n`,
  );
}
