import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  carpetaMfeTests,
  mfeContainerName,
  mfePort,
  mfeVariableStem,
  readPortOffset,
  runtimeVersionOnly,
} from './vite.ts';

const folders: string[] = [];
function pkg(carpeta: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'carpeta-vite-'));
  folders.push(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x', carpeta }));
  return dir;
}
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the MFE preset', () => {
  it('names the container and the variables as the portal topology does', () => {
    expect(mfeContainerName('my-data')).toBe('carpeta_my_data');
    expect(mfeVariableStem('my-data')).toBe('MY_DATA');
  });

  it('takes the port from PORT_MFE_<NAME>, else from the base and the package offset', () => {
    const root = pkg({ portOffset: 212 });
    expect(mfePort('tributos', root, {})).toBe(4212);
    expect(mfePort('tributos', root, { CARPETA_PORT_BASE: '8600' })).toBe(8812);
    expect(mfePort('tributos', root, { PORT_MFE_TRIBUTOS: '5123', CARPETA_PORT_BASE: '8600' })).toBe(5123);
    expect(() => mfePort('tributos', root, { PORT_MFE_TRIBUTOS: 'eighty' })).toThrow(
      'PORT_MFE_TRIBUTOS must be a port number',
    );
  });

  it('says which package lacks its port offset', () => {
    const root = pkg(undefined);
    expect(() => readPortOffset(root)).toThrow(/needs "carpeta": \{ "portOffset"/);
  });

  it('gives React MFEs the one Preact in tests, and others none', () => {
    const react = carpetaMfeTests({ name: 'home' });
    expect(react.test).toMatchObject({ name: 'mfe-home', environment: 'happy-dom' });
    expect('resolve' in react).toBe(true);
    const vanilla = carpetaMfeTests({ name: 'municipal', framework: 'vanilla' });
    expect(vanilla).toEqual({
      test: { name: 'mfe-municipal', environment: 'happy-dom', include: ['src/**/*.test.{ts,tsx}'] },
    });
  });
});

describe('runtimeVersionOnly', () => {
  it('gives the federation runtime’s package.json only its version, and leaves other modules to Vite', () => {
    const dir = mkdtempSync(join(tmpdir(), 'carpeta-vite-'));
    folders.push(dir);
    const packageJson = (name: string) => {
      const folder = join(dir, 'node_modules', '@module-federation', name);
      mkdirSync(folder, { recursive: true });
      const file = join(folder, 'package.json');
      writeFileSync(
        file,
        JSON.stringify({ name, version: '2.9.1', scripts: { build: 'tsc' }, repository: 'r' }),
      );
      return file;
    };
    const plugin = runtimeVersionOnly();
    expect(plugin).toMatchObject({ name: 'carpeta:runtime-version-only', enforce: 'pre' });
    expect(JSON.parse(plugin.load(packageJson('runtime')) ?? 'null')).toEqual({ version: '2.9.1' });
    expect(plugin.load(packageJson('runtime-core'))).toBeNull();
    expect(
      plugin.load(join(dir, 'node_modules', '@module-federation', 'runtime', 'dist', 'index.js')),
    ).toBeNull();
  });
});
