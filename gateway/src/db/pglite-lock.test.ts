import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockDataDir } from './pglite-lock.ts';

let dir: string;
const lockFile = () => path.join(dir, 'carpeta-gateway.lock');
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'carpeta-lock-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function child(command: string, args: string[]) {
  const process_ = spawn(command, args, { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => process_.once('exit', () => resolve()));
  return { pid: process_.pid ?? 0, exited, kill: () => process_.kill('SIGKILL') };
}

describe('the embedded database folder lock', () => {
  it('holds the folder for this process until released', () => {
    const release = lockDataDir(dir);
    expect(readFileSync(lockFile(), 'utf8')).toBe(String(process.pid));
    expect(() => lockDataDir(dir)).toThrow(/already open in this process/);
    expect(() => lockDataDir(`${dir}/.`)).toThrow(/already open in this process/);
    release();
    expect(existsSync(lockFile())).toBe(false);
    lockDataDir(dir)();
  });

  it('refuses a folder held by another running process', async () => {
    const other = child('sleep', ['30']);
    try {
      writeFileSync(lockFile(), String(other.pid));
      expect(() => lockDataDir(dir)).toThrow(`in use by another process (pid ${other.pid})`);
      expect(readFileSync(lockFile(), 'utf8')).toBe(String(other.pid));
    } finally {
      other.kill();
      await other.exited;
    }
  });

  it('takes over a lock left by a process that died, or an unreadable one', async () => {
    const dead = child('true', []);
    await dead.exited;
    writeFileSync(lockFile(), String(dead.pid));
    lockDataDir(dir)();
    writeFileSync(lockFile(), 'not a pid');
    const release = lockDataDir(dir);
    expect(readFileSync(lockFile(), 'utf8')).toBe(String(process.pid));
    release();
  });
});
