import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));
let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'carpeta-static-cli-'));
  await writeFile(path.join(root, 'remoteEntry.js'), 'export {};');
});
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

function run(args: string[]) {
  return spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('carpeta-static CLI', () => {
  it('serves a directory, prints its address and exits cleanly on SIGTERM', { timeout: 60_000 }, async () => {
    const child = run([
      '--root',
      root,
      '--port',
      '0',
      '--cors-origin',
      'http://127.0.0.1:4000,http://localhost:4000',
    ]);
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
          if (match?.[1]) resolve(match[1]);
        });
        child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
        setTimeout(() => reject(new Error(`no address printed: ${output}`)), 45_000);
      });
      const response = await fetch(`${url}/remoteEntry.js`, { headers: { origin: 'http://localhost:4000' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:4000');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('refuses to start without --root', { timeout: 60_000 }, async () => {
    const child = run(['--port', '0']);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('--root is required');
  });
});
