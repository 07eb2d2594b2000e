import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildInputsHash } from './lib/build-inputs.ts';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function repo(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'carpeta-build-inputs-'));
  roots.push(root);
  execFileSync('git', ['init', '-q'], { cwd: root });
  for (const [file, text] of Object.entries(files)) write(root, file, text);
  return root;
}

function write(root: string, file: string, text: string) {
  mkdirSync(join(root, file, '..'), { recursive: true });
  writeFileSync(join(root, file), text);
}

const FILES = {
  'package.json': '{}',
  '.gitignore': 'dist/\n',
  'shell/src/main.tsx': 'export const a = 1;',
  'mfes/home/src/App.tsx': 'export const b = 2;',
  'sdk/src/index.ts': 'export const c = 3;',
  'gateway/src/app.ts': 'export const d = 4;',
};

describe('the build inputs', () => {
  it('change with a source of the shell, an MFE or the sdk, a new file or a removed one', () => {
    const root = repo(FILES);
    const before = buildInputsHash(root, {});
    expect(before).toMatch(/^[0-9a-f]{64}$/);
    expect(buildInputsHash(root, {})).toBe(before);

    write(root, 'mfes/home/src/App.tsx', 'export const b = 3;');
    const changed = buildInputsHash(root, {});
    expect(changed).not.toBe(before);

    write(root, 'sdk/src/extra.ts', 'export {};');
    const added = buildInputsHash(root, {});
    expect(added).not.toBe(changed);
    rmSync(join(root, 'sdk/src/extra.ts'));
    expect(buildInputsHash(root, {})).toBe(changed);
  });

  it('do not change with tests, stories, docs, built files or the server side', () => {
    const root = repo(FILES);
    const before = buildInputsHash(root, {});
    write(root, 'mfes/home/src/App.test.tsx', 'test');
    write(root, 'shell/src/Header.stories.tsx', 'story');
    write(root, 'sdk/README.md', '# docs');
    write(root, 'shell/dist/index.html', '<!doctype html>');
    write(root, 'gateway/src/app.ts', 'export const d = 5;');
    expect(buildInputsHash(root, {})).toBe(before);
  });

  it('change with the environment a build reads, not with the rest', () => {
    const root = repo(FILES);
    const before = buildInputsHash(root, { HOME: '/a' });
    expect(buildInputsHash(root, { HOME: '/b' })).toBe(before);
    expect(buildInputsHash(root, { NODE_ENV: 'development' })).not.toBe(before);
    expect(buildInputsHash(root, { VITE_FLAG: '1' })).not.toBe(before);
  });

  it('are unknown outside a git work tree, so every build runs', () => {
    const root = mkdtempSync(join(tmpdir(), 'carpeta-build-inputs-'));
    roots.push(root);
    expect(buildInputsHash(root, {})).toBeUndefined();
  });
});
