import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createLogDestination } from './log-destination.ts';

describe('createLogDestination', () => {
  it('drops and counts lines instead of piling them up in memory when nobody reads the output', async () => {
    // A pipe whose reader never reads: `sleep` holds its stdin open and ignores it.
    const reader = spawn('sleep', ['30'], { stdio: ['pipe', 'ignore', 'ignore'] });
    try {
      const fd = (reader.stdin as unknown as { _handle: { fd: number } })._handle.fd;
      const maxBufferBytes = 256 * 1024;
      const log = createLogDestination({ fd, maxBufferBytes });
      log.stream.on('error', () => undefined);
      const line = `${JSON.stringify({ level: 30, msg: 'x'.repeat(1000) })}\n`;
      const lines = 20_000; // about 20 MB
      for (let i = 0; i < lines; i += 1) log.stream.write(line);
      const dropped = log.takeDropped();
      // At most the buffer and what the pipe itself holds (64 KiB on Linux) were kept.
      const kept = (lines - dropped) * line.length;
      expect(kept).toBeLessThanOrEqual(maxBufferBytes + 1024 * 1024);
      expect(dropped).toBeGreaterThan(lines * 0.9);
      expect(log.takeDropped()).toBe(0);
    } finally {
      reader.kill('SIGKILL');
    }
  });
});
