import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGLITE_NODE_FLAGS } from './db/testing/global-setup.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'carpeta-main-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('main.ts', () => {
  it('listens on 127.0.0.1, logs its address and stops cleanly on SIGTERM', {
    timeout: 120_000,
  }, async () => {
    const main = fileURLToPath(new URL('./main.ts', import.meta.url));
    const child = spawn(process.execPath, [...PGLITE_NODE_FLAGS, main], {
      env: {
        ...process.env,
        PORT_GATEWAY: '0',
        SHELL_DIST: path.join(dir, 'no-dist'),
        AGENCY_DEHU_URL: 'http://127.0.0.1:9',
        CARPETA_DATA_DIR: path.join(dir, 'data'),
        LOG_LEVEL: 'error',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /gateway listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
          if (match?.[1]) resolve(match[1]);
        });
        child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
        setTimeout(() => reject(new Error(`no address logged: ${output}`)), 100_000);
      });
      expect(await (await fetch(`${url}/api/health`)).json()).toMatchObject({ status: 'ok' });
      // Its database was created and migrated at start: the session endpoint reads it.
      expect(await (await fetch(`${url}/api/session`)).json()).toMatchObject({ csrfToken: null });
      // Nothing private without a session.
      expect((await fetch(`${url}/api/notifications`)).status).toBe(401);
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
