#!/usr/bin/env node
/// <reference types="node" />
/**
 * carpeta-conformance <remote URL | build directory> [options]: mounts a remote in Chromium as the portal would and
 * checks it (load, mount/unmount cycles, leaks, singletons, axe, size, translations). Prints a
 * report for people, or JSON with --json. Exit status: 0 all checks pass, 1 a check failed, 2 the
 * kit could not run (bad arguments, no browser, no host page).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatConformanceReport, runConformance } from './run.ts';
import type { ConformanceResponse } from './types.ts';

const USAGE = `Usage: carpeta-conformance <remote URL | build directory> [options]

  <remote URL>            the remote's mf-manifest.json, or its remoteEntry.js
  <build directory>       or the remote's build (e.g. dist), served by the kit on a loopback port
  --name <container>      container name (when the URL is a remote entry with no mf-manifest.json beside it)
  --expose <module>       exposed module (default ./lifecycles)
  --integrity <hash>      the manifest entry's sha384-… hash of the remote entry
  --cycles <n>            mounts and unmounts (default and least: one per state, theme and language)
  --budget-kb <kb>        the remote's JavaScript budget, gzip (default 150)
  --responses <file>      JSON: { "GET /api/path": { "status": 200, "body": … } } answers for its API calls
  --base-path <path>      the route it is mounted on (default /<name>)
  --timeout <ms>          limit of load, bootstrap, mount and unmount each (default 10000)
  --chromium <path>       the Chromium to drive (default $CHROMIUM_PATH or /usr/bin/chromium)
  --json                  print the report as JSON
  --quiet                 no progress lines
  --help`;

function fail(message: string): never {
  console.error(`carpeta-conformance: ${message}\n\n${USAGE}`);
  process.exit(2);
}

let parsed: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      expose: { type: 'string' },
      integrity: { type: 'string' },
      cycles: { type: 'string' },
      'budget-kb': { type: 'string' },
      responses: { type: 'string' },
      'base-path': { type: 'string' },
      timeout: { type: 'string' },
      chromium: { type: 'string' },
      json: { type: 'boolean' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
}
try {
  parsed = parse();
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (positionals.length !== 1) fail('give exactly one remote URL or build directory');
const remote = positionals[0] as string;
const isDirectory = existsSync(remote) && statSync(remote).isDirectory();
if (!isDirectory && (!URL.canParse(remote) || !/^https?:$/.test(new URL(remote).protocol)))
  fail(`neither an http(s) URL nor a directory: ${remote}`);

function number(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const result = Number(value);
  if (!Number.isFinite(result) || result < min || result > max)
    fail(`--${name} must be a number from ${min} to ${max}`);
  return result;
}

let responses: Record<string, ConformanceResponse> | undefined;
if (values.responses) {
  try {
    const content = JSON.parse(readFileSync(values.responses, 'utf8')) as unknown;
    if (typeof content !== 'object' || content === null || Array.isArray(content))
      throw new Error('not an object');
    for (const key of Object.keys(content)) {
      if (!/^(GET|POST|PUT|PATCH|DELETE) \/\S*$/.test(key)) throw new Error(`"${key}" is not "METHOD /path"`);
    }
    responses = content as Record<string, ConformanceResponse>;
  } catch (error) {
    fail(`--responses ${values.responses}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

try {
  const report = await runConformance({
    remote,
    name: values.name,
    expose: values.expose,
    integrity: values.integrity,
    cycles: number('cycles', values.cycles, 3, 100),
    budgetKb: number('budget-kb', values['budget-kb'], 1, 10_000),
    responses,
    basePath: values['base-path'],
    timeoutMs: number('timeout', values.timeout, 500, 120_000),
    chromiumPath: values.chromium,
    log: values.quiet || values.json ? undefined : (line) => console.error(`  … ${line}`),
  });
  console.log(values.json ? JSON.stringify(report, null, 2) : formatConformanceReport(report));
  process.exit(report.ok ? 0 : 1);
} catch (error) {
  console.error(
    `carpeta-conformance could not run: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(2);
}
