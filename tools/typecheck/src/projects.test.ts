import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findProjects, projectsIn } from './projects.ts';

const root = mkdtempSync(join(tmpdir(), 'carpeta-typecheck-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function touch(path: string) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), '{}');
}

describe('the projects `pnpm typecheck` checks', () => {
  it('are every tsconfig.json below the root and the root’s own files, nothing built, installed or hidden', () => {
    for (const path of [
      'tsconfig.json',
      'tsconfig.root.json',
      'sdk/tsconfig.json',
      'sdk/tsconfig.build.json',
      'shell/tsconfig.json',
      'shell/src/sw/tsconfig.json',
      'mfes/representation/tsconfig.json',
      'mfes/representation/tsconfig.app.json',
      'mfes/representation/tsconfig.spec.json',
      'mfes/home/node_modules/some-package/tsconfig.json',
      'mfes/home/dist/tsconfig.json',
      '.carpeta/create-mfe-test/repo-1/mfes/x/tsconfig.json',
      'e2e/test-results/tsconfig.json',
      'sdk/src/tsconfig.root.json',
    ])
      touch(path);
    expect(findProjects(root)).toEqual([
      'mfes/representation/tsconfig.json',
      'sdk/tsconfig.json',
      'shell/src/sw/tsconfig.json',
      'shell/tsconfig.json',
      'tsconfig.root.json',
    ]);
  });

  it('can be those of some folders only', () => {
    const all = [
      'mfes/home/tsconfig.json',
      'mfes/homes/tsconfig.json',
      'shell/src/sw/tsconfig.json',
      'shell/tsconfig.json',
    ];
    expect(projectsIn(all, [])).toEqual(all);
    expect(projectsIn(all, ['.'])).toEqual(all);
    expect(projectsIn(all, ['mfes/home'])).toEqual(['mfes/home/tsconfig.json']);
    expect(projectsIn(all, ['./shell/', 'mfes/homes'])).toEqual([
      'mfes/homes/tsconfig.json',
      'shell/src/sw/tsconfig.json',
      'shell/tsconfig.json',
    ]);
    expect(projectsIn(all, ['gateway'])).toEqual([]);
  });
});
