import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('idp/main.ts', () => {
  it('starts from the environment, answers discovery for its issuer and stops on SIGTERM', async () => {
    const main = fileURLToPath(new URL('./main.ts', import.meta.url));
    const child = spawn(process.execPath, [main], {
      env: { ...process.env, PORT_IDP: '0', IDP_URL: '', PORTAL_ORIGIN: 'http://127.0.0.1:5173' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /identity provider listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
          if (match?.[1]) resolve(match[1]);
        });
        child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${errors}`)));
        setTimeout(() => reject(new Error(`no address logged: ${output} ${errors}`)), 15_000);
      });
      const metadata = await (await fetch(`${url}/.well-known/openid-configuration`)).json();
      expect(metadata.issuer).toBe(url);
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      // No development-only warnings (adapter, keys) on a normal start.
      expect(errors).not.toMatch(/development-only|WARNING/);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
