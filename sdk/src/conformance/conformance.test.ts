// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES } from '../languages.ts';
import { conformanceCycles, formatConformanceReport, resolveRemote, runConformance } from './run.ts';

// The kit in a browser, against real remotes: e2e/tests/conformance.spec.ts. Here, what needs none.

describe('conformanceCycles', () => {
  it('mounts in every API state, theme and language at least once', () => {
    const cycles = conformanceCycles(0, false);
    expect(cycles).toHaveLength(9);
    expect(new Set(cycles.map((cycle) => cycle.state))).toEqual(new Set(['loading', 'error']));
    expect(new Set(cycles.map((cycle) => cycle.theme))).toEqual(new Set(['light', 'dark', 'high-contrast']));
    expect(new Set(cycles.map((cycle) => cycle.language))).toEqual(new Set(LANGUAGES));
    const withData = conformanceCycles(12, true);
    expect(withData).toHaveLength(12);
    expect(withData.filter((cycle) => cycle.state === 'responses').length).toBeGreaterThan(3);
  });
});

describe('resolveRemote', () => {
  let origin = '';
  const server = createServer((request, response) => {
    if (request.url === '/app/mf-manifest.json') {
      response.setHeader('content-type', 'application/json');
      response.end(
        JSON.stringify({
          name: 'carpeta_taxes',
          metaData: { publicPath: 'auto', remoteEntry: { name: 'remoteEntry.js', path: '' } },
          exposes: [{ path: './lifecycles' }, { path: './widget' }],
        }),
      );
      return;
    }
    response.statusCode = 404;
    response.end();
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reads the container, the entry and the exposed module from mf-manifest.json', async () => {
    await expect(resolveRemote({ remote: `${origin}/app/mf-manifest.json` })).resolves.toEqual({
      name: 'carpeta_taxes',
      entry: `${origin}/app/remoteEntry.js`,
      expose: './lifecycles',
    });
    await expect(
      resolveRemote({ remote: `${origin}/app/remoteEntry.js`, expose: './widget' }),
    ).resolves.toMatchObject({
      name: 'carpeta_taxes',
      expose: './widget',
    });
  });

  it('says what to give when nothing names the container', async () => {
    await expect(resolveRemote({ remote: `${origin}/other/remoteEntry.js` })).rejects.toThrow(/--name/);
  });

  it('reports a remote that is not there as CARPETA-E101, without a browser', async () => {
    const report = await runConformance({ remote: `${origin}/gone/mf-manifest.json` });
    expect(report.ok).toBe(false);
    expect(report.checks).toEqual([
      expect.objectContaining({
        id: 'load',
        ok: false,
        code: 'CARPETA-E101',
        problems: [expect.stringContaining('404')],
      }),
    ]);
    expect(formatConformanceReport(report)).toMatch(/FAIL {2}load +CARPETA-E101/);
  });

  it('serves a build directory itself, and names the directory in its report', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'carpeta-conformance-'));
    try {
      const report = await runConformance({ remote: empty });
      expect(report.remote).toBe(empty);
      expect(report.checks).toEqual([
        expect.objectContaining({
          id: 'load',
          code: 'CARPETA-E101',
          problems: [expect.stringContaining('404')],
        }),
      ]);
      await expect(runConformance({ remote: join(empty, 'missing') })).rejects.toThrow(
        /neither an http\(s\) URL nor a directory/,
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('carpeta-conformance', () => {
  const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
  const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

  it('explains itself, and refuses bad arguments with status 2', () => {
    expect(run('--help').stdout).toContain('Usage: carpeta-conformance <remote URL | build directory>');
    const none = run();
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('give exactly one remote URL or build directory');
    expect(run('ftp://example.org/x.js').stderr).toContain('neither an http(s) URL nor a directory');
    expect(run('http://127.0.0.1:9/x.js', '--cycles', 'many').stderr).toContain('--cycles must be a number');
    expect(run('http://127.0.0.1:9/x.js', '--responses', cli).stderr).toContain('--responses');
  }, 60_000);
});
