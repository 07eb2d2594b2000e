import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { integrityOf, remoteEntries } from './integrity.ts';

describe('integrity', () => {
  it('is the SRI sha384 of the bytes, as the manifest and the shell expect it', () => {
    const bytes = Buffer.from('export const init = () => {};\n');
    expect(integrityOf(bytes)).toBe(`sha384-${createHash('sha384').update(bytes).digest('base64')}`);
    expect(integrityOf(bytes)).toMatch(/^sha384-[A-Za-z0-9+/]{64}$/);
  });

  it('finds the built remote entry of every MFE and fixture remote', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'carpeta-integrity-'));
    try {
      for (const dir of ['mfes/home/dist', 'mfes/unbuilt', 'e2e/fixtures/remotes/dist']) {
        await mkdir(path.join(root, dir), { recursive: true });
      }
      await writeFile(path.join(root, 'mfes/home/dist/remoteEntry.js'), 'a');
      await writeFile(path.join(root, 'e2e/fixtures/remotes/dist/remoteEntry.js'), 'b');
      expect(remoteEntries(root).map((file) => path.relative(root, file))).toEqual([
        'e2e/fixtures/remotes/dist/remoteEntry.js',
        'mfes/home/dist/remoteEntry.js',
      ]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
