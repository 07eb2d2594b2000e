import { describe, expect, it } from 'vitest';
import { onePreact, preactAliases, preactCopies } from './preact-aliases.ts';

const pnpm = '/repo/node_modules/.pnpm/preact@10.29.8/node_modules/preact';

describe('preactAliases', () => {
  it('leaves Preact’s own modules to the build’s conditions, and resolves the sdk’s shim to its file', () => {
    const to = (name: string) => preactAliases.find((alias) => alias.find.test(name))?.replacement;
    expect(to('react-dom')).toBe('preact/compat');
    expect(to('react-dom/client')).toBe('preact/compat/client');
    expect(to('react/jsx-runtime')).toBe('preact/compat/jsx-runtime');
    expect(to('react')).toMatch(/[\\/]sdk[\\/]src[\\/]preact[\\/]react\.js$/);
    expect(to('react-dom/server')).toBeUndefined();
  });
});

describe('preactCopies', () => {
  it('finds a package of Preact built into two files', () => {
    expect(
      preactCopies([
        `${pnpm}/dist/preact.module.js`,
        `${pnpm}/hooks/dist/hooks.module.js`,
        `${pnpm}/compat/dist/compat.module.js`,
        `${pnpm}/compat/client.mjs`,
        `${pnpm}/compat/dist/compat.mjs`,
        '/repo/shell/src/main.tsx',
      ]),
    ).toEqual(['preact/compat: compat.mjs, compat.module.js']);
    expect(
      preactCopies([`${pnpm}/dist/preact.module.js`, 'C:\\r\\node_modules\\preact\\dist\\preact.mjs']),
    ).toEqual(['preact: preact.mjs, preact.module.js']);
  });

  it('finds none in a build with one file of each', () => {
    expect(
      preactCopies([
        `${pnpm}/dist/preact.module.js`,
        `${pnpm}/compat/dist/compat.module.js`,
        `${pnpm}/compat/client.mjs`,
      ]),
    ).toEqual([]);
  });

  it('makes the build fail, naming the copies', () => {
    const plugin = onePreact();
    const errors: string[] = [];
    const context = { error: (message: string) => errors.push(message) };
    const bundle = (...moduleIds: string[]) => ({
      'a.js': { type: 'chunk', moduleIds },
      'a.css': { type: 'asset' },
    });
    const run = (value: unknown) =>
      (plugin.generateBundle as unknown as (this: unknown, options: unknown, bundle: unknown) => void).call(
        context,
        {},
        value,
      );
    run(bundle(`${pnpm}/compat/dist/compat.module.js`));
    expect(errors).toEqual([]);
    run(bundle(`${pnpm}/compat/dist/compat.module.js`, `${pnpm}/compat/dist/compat.mjs`));
    expect(errors).toEqual([
      "the build holds more than one copy of Preact's preact/compat: compat.mjs, compat.module.js (see build/preact-aliases.ts)",
    ]);
  });
});
