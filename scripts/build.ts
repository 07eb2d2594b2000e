// `pnpm build`: builds the shell, every MFE, the e2e fixture remotes and the conformance kit's host
// page for production, then prints
// each remote's integrity hash. When no build input changed since the last successful build
// (scripts/lib/build-inputs.ts) and every output is there, it says so and builds nothing: a second
// `npm start` starts at once. `pnpm build --force` builds anyway.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { buildInputsHash } from './lib/build-inputs.ts';
import { precompress } from './lib/precompress.ts';
import { ROOT } from './lib/topology.ts';

const STAMP = join(ROOT, '.carpeta', 'build-stamp.json');

/** The file each built package must have produced. */
function expectedOutputs(): string[] {
  const outputs = [
    join(ROOT, 'shell', 'dist', 'index.html'),
    // The shell's server render: the gateway makes each page's layout with it.
    join(ROOT, 'shell', 'dist-server', 'render.js'),
    // The page carpeta-conformance mounts a remote in (tools/conformance-host).
    join(ROOT, 'tools', 'conformance-host', 'dist', 'index.html'),
  ];
  for (const parent of ['mfes', 'e2e/fixtures']) {
    const dir = join(ROOT, parent);
    if (!existsSync(dir)) continue;
    for (const item of readdirSync(dir, { withFileTypes: true })) {
      const manifest = join(dir, item.name, 'package.json');
      if (!item.isDirectory() || !existsSync(manifest)) continue;
      const scripts = (JSON.parse(readFileSync(manifest, 'utf8')) as { scripts?: Record<string, string> })
        .scripts;
      if (scripts?.build) outputs.push(join(dir, item.name, 'dist', 'remoteEntry.js'));
    }
  }
  return outputs;
}

function lastBuild(): string | undefined {
  try {
    return (JSON.parse(readFileSync(STAMP, 'utf8')) as { inputs?: string }).inputs;
  } catch {
    return undefined;
  }
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const force = process.argv.includes('--force');
const inputs = buildInputsHash(ROOT);
const outputs = expectedOutputs();
const missing = outputs.filter((file) => !existsSync(file));

if (!force && inputs !== undefined && inputs === lastBuild() && missing.length === 0) {
  console.log(
    `Build is up to date: no source of the shell, the MFEs, the sdk or the design system changed since the last build (${outputs.length} packages). \`pnpm build --force\` builds anyway.`,
  );
} else {
  // A failed or interrupted build must not leave a stamp that says it succeeded.
  rmSync(STAMP, { force: true });
  run('pnpm', [
    '-r',
    '--filter',
    './shell',
    '--filter',
    './mfes/*',
    '--filter',
    './e2e/fixtures/*',
    '--filter',
    './tools/conformance-host',
    'run',
    'build',
  ]);
  const absent = outputs.filter((file) => !existsSync(file));
  if (absent.length > 0) {
    console.error(
      `The build did not produce: ${absent.map((file) => file.slice(ROOT.length + 1)).join(', ')}`,
    );
    process.exit(1);
  }
  // Served as they are: no compression per request (scripts/lib/precompress.ts).
  let compressed = 0;
  for (const file of outputs) {
    // Each package's dist/, not the server render (read from disk by the gateway, never sent) nor
    // the conformance kit's page (served by the kit itself, as it is).
    if (basename(dirname(file)) === 'dist' && !file.includes('conformance-host'))
      compressed += precompress(dirname(file));
  }
  console.log(`Precompressed ${compressed} files (brotli and gzip).`);
  if (inputs !== undefined) {
    mkdirSync(dirname(STAMP), { recursive: true });
    writeFileSync(STAMP, `${JSON.stringify({ inputs, builtAt: new Date().toISOString() })}\n`);
  }
}
run(process.execPath, [join(ROOT, 'scripts', 'integrity.ts')]);
