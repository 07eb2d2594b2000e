// Writes a new MFE into a Carpeta repository: the package under mfes/<name>, its port offset, and its
// entry in the gateway's manifest configuration. Nothing is written when an answer is wrong.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  type ConfigEntry,
  freePortOffset,
  InvalidAnswer,
  type MfeAnswers,
  manifestEntryFor,
  mfeVariableStem,
  type RawAnswers,
  validateAnswers,
  type Workspace,
} from './options.ts';
import { type Layout, packageFiles } from './templates.ts';

/** Where the manifest configuration lives, relative to the repository. */
export const MANIFEST_CONFIG = join('gateway', 'config', 'mfes.json');

interface ConfigFile {
  version: number;
  mfes: { id?: unknown; route?: unknown; nav?: { order?: unknown }; remote?: { name?: unknown } }[];
}

function readConfig(root: string): ConfigFile {
  const file = join(root, MANIFEST_CONFIG);
  if (!existsSync(file)) throw new Error(`${file} not found: --root must be a Carpeta repository`);
  return JSON.parse(readFileSync(file, 'utf8')) as ConfigFile;
}

/** What the repository at `root` already holds: packages, ports, manifest entries. */
export function readWorkspace(root: string): Workspace {
  const mfes = join(root, 'mfes');
  const packages: string[] = [];
  const portOffsets: number[] = [];
  if (existsSync(mfes)) {
    for (const item of readdirSync(mfes, { withFileTypes: true })) {
      if (!item.isDirectory()) continue;
      packages.push(item.name);
      const manifest = join(mfes, item.name, 'package.json');
      if (!existsSync(manifest)) continue;
      const offset = (JSON.parse(readFileSync(manifest, 'utf8')) as { carpeta?: { portOffset?: unknown } })
        .carpeta?.portOffset;
      if (typeof offset === 'number') portOffsets.push(offset);
    }
  }
  const config = readConfig(root);
  const entries = config.mfes.flatMap((entry) =>
    typeof entry.id === 'string' && typeof entry.route === 'string'
      ? [{ id: entry.id, route: entry.route }]
      : [],
  );
  const containers = config.mfes.flatMap((entry) =>
    typeof entry.remote?.name === 'string' ? [entry.remote.name] : [],
  );
  const orders = config.mfes.flatMap((entry) =>
    typeof entry.nav?.order === 'number' ? [entry.nav.order] : [],
  );
  return { packages: packages.sort(), portOffsets, containers, entries, maxNavOrder: Math.max(0, ...orders) };
}

/**
 * JSON as the repository's formatter writes it: two spaces, and a list of plain values on one line
 * (`"scopes": []`, `"municipalities": ["28079"]`).
 */
export function formatJson(value: unknown, indent = 0): string {
  const text = JSON.stringify(value, null, 2).replace(
    /\[\s+((?:"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|true|false|null)(?:,\s+(?:"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|true|false|null))*)\s+\]/g,
    (_match, items: string) => `[${items.replace(/,\s+/g, ', ')}]`,
  );
  const pad = ' '.repeat(indent);
  return text
    .split('\n')
    .map((line, index) => (index === 0 ? line : `${pad}${line}`))
    .join('\n');
}

/**
 * The manifest configuration with one more entry, appended as text so that every other line of the
 * file stays as it was (a reviewer sees only the new entry).
 */
export function appendEntry(configText: string, entry: ConfigEntry): string {
  const end = configText.lastIndexOf(']');
  const lastBrace = configText.lastIndexOf('}', end);
  if (end < 0 || lastBrace < 0) throw new Error(`${MANIFEST_CONFIG} has no "mfes" list to add to`);
  const before = configText.slice(0, lastBrace + 1);
  const after = configText.slice(lastBrace + 1);
  const updated = `${before},\n    ${formatJson(entry, 4)}${after}`;
  JSON.parse(updated);
  return updated;
}

export interface ScaffoldResult {
  layout: Layout;
  answers: MfeAnswers;
  dir: string;
  portOffset: number;
  /** Files written, relative to the repository. */
  files: string[];
  entry: ConfigEntry;
  /** The variables the portal's launcher sets for it. */
  variables: { port: string; url: string };
}

export interface ScaffoldOptions {
  /** The repository to write into. */
  root: string;
  /** Computes everything and writes nothing. */
  dryRun?: boolean;
}

/** Validates the answers against the repository at `root`, then writes the package and the entry. */
export function scaffold(raw: RawAnswers, options: ScaffoldOptions): ScaffoldResult {
  const workspace = readWorkspace(options.root);
  const answers = validateAnswers(raw, workspace);
  const portOffset = freePortOffset(workspace);
  const navOrder = Math.min(1000, workspace.maxNavOrder + 10);
  const entry = manifestEntryFor(answers, portOffset, navOrder);
  const dir = join(options.root, 'mfes', answers.name);
  const files = packageFiles(answers, portOffset);
  const written = [...Object.keys(files).map((file) => join('mfes', answers.name, file)), MANIFEST_CONFIG];
  if (!options.dryRun) {
    const configFile = join(options.root, MANIFEST_CONFIG);
    const updatedConfig = appendEntry(readFileSync(configFile, 'utf8'), entry);
    for (const [file, content] of Object.entries(files)) {
      const path = join(dir, file);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    }
    writeFileSync(configFile, updatedConfig);
  }
  const stem = mfeVariableStem(answers.name);
  return {
    layout: 'workspace',
    answers,
    dir,
    portOffset,
    files: written,
    entry,
    variables: { port: `PORT_MFE_${stem}`, url: `MFE_${stem}_URL` },
  };
}

/** Whether `dir` is a Carpeta checkout: the manifest configuration and the MFEs' folder. */
export function isCarpetaRepository(dir: string): boolean {
  return existsSync(join(dir, MANIFEST_CONFIG)) && existsSync(join(dir, 'mfes'));
}

/** The Carpeta checkout `dir` is in (itself or a parent), if any. */
export function findCarpetaRepository(dir: string): string | undefined {
  for (let current = dir; ; current = dirname(current)) {
    if (isCarpetaRepository(current)) return current;
    if (dirname(current) === current) return undefined;
  }
}

export interface StandaloneOptions {
  /** The folder the package's folder is written into (it gets the MFE's name). */
  parent: string;
  dryRun?: boolean;
}

/**
 * Writes the MFE as an agency's own package, outside any Carpeta checkout: the contract from the
 * registry (`^1.0.0`), its own tsconfig and test runner, and no manifest edited: the result's
 * `entry` is what the portal's operators add to their gateway/config/mfes.json.
 */
export function scaffoldStandalone(raw: RawAnswers, options: StandaloneOptions): ScaffoldResult {
  const workspace: Workspace = { packages: [], portOffsets: [], containers: [], entries: [], maxNavOrder: 0 };
  const answers = validateAnswers(raw, workspace);
  const dir = join(options.parent, answers.name);
  if (existsSync(dir)) throw new InvalidAnswer('name', `${dir} already exists: choose another name`);
  const portOffset = freePortOffset(workspace);
  const entry = manifestEntryFor(answers, portOffset, 100);
  const files = packageFiles(answers, portOffset, 'standalone');
  if (!options.dryRun) {
    for (const [file, content] of Object.entries(files)) {
      const path = join(dir, file);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    }
  }
  const stem = mfeVariableStem(answers.name);
  return {
    layout: 'standalone',
    answers,
    dir,
    portOffset,
    files: Object.keys(files).map((file) => join(answers.name, file)),
    entry,
    variables: { port: `PORT_MFE_${stem}`, url: `MFE_${stem}_URL` },
  };
}
