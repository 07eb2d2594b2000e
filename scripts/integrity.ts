// Run after `pnpm build`: prints the integrity hash of every remote's entry file, to pin it in the
// gateway's manifest ("integrity": "sha384-…"); the shell refuses a remote whose file differs.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './lib/topology.ts';

/** The SRI-style hash ("sha384-<base64>") of some bytes, as the manifest's `integrity` expects it. */
export function integrityOf(bytes: Buffer): string {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

/** Every built remote entry file: one per MFE, plus the e2e fixture remotes. */
export function remoteEntries(root = ROOT): string[] {
  const files: string[] = [];
  for (const parent of ['mfes', 'e2e/fixtures']) {
    const dir = join(root, parent);
    if (!existsSync(dir)) continue;
    for (const item of readdirSync(dir, { withFileTypes: true })) {
      const file = join(dir, item.name, 'dist', 'remoteEntry.js');
      if (item.isDirectory() && existsSync(file)) files.push(file);
    }
  }
  return files.sort();
}

if (import.meta.main) {
  const files = remoteEntries();
  console.log('\nIntegrity of each remote entry (the manifest entry\'s "integrity"):');
  for (const file of files)
    console.log(`  ${relative(ROOT, file).padEnd(44)} ${integrityOf(readFileSync(file))}`);
  if (files.length === 0) console.log('  (nothing built)');
}
