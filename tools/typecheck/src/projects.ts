import { readdirSync } from 'node:fs';
import { join, normalize, relative } from 'node:path';

/** Folders that hold no project of ours: installs, builds, reports and local state. */
const SKIPPED = new Set([
  'node_modules',
  'dist',
  'dist-server',
  'storybook-static',
  'test-results',
  'coverage',
]);

/**
 * The TypeScript projects of the repository at `root`, as paths relative to it, sorted: every
 * `tsconfig.json` below the root (each package's, and the service worker's beside the shell's), and
 * `tsconfig.root.json` for the root's own files. The root's `tsconfig.json` is the base the others
 * extend, with no files of its own; `tsconfig.build.json` and Angular's `tsconfig.app.json` and
 * `tsconfig.spec.json` name subsets of a package's `tsconfig.json` to build, not more to check.
 * Folders starting with a dot (`.git`, `.carpeta`) and build outputs are not looked into.
 */
export function findProjects(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !SKIPPED.has(entry.name)) walk(join(dir, entry.name));
      } else if (entry.name === 'tsconfig.json' && dir !== root) {
        found.push(relative(root, join(dir, entry.name)));
      } else if (entry.name === 'tsconfig.root.json' && dir === root) {
        found.push(entry.name);
      }
    }
  };
  walk(root);
  return found.sort();
}

/** The projects in or below any of `folders` (relative to the root); all of them when none is given. */
export function projectsIn(projects: string[], folders: string[]): string[] {
  const prefixes = folders.map((folder) => normalize(`${folder}/`));
  if (prefixes.length === 0 || prefixes.includes('./')) return projects;
  return projects.filter((project) => prefixes.some((prefix) => project.startsWith(prefix)));
}
