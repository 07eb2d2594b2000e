import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findPostgresBin, MISSING_POSTGRES, startPostgresCluster } from './postgres-cluster.ts';

describe('the test PostgreSQL server', () => {
  it("says how to install Debian's postgresql when its programs are missing", async () => {
    await expect(startPostgresCluster({ bin: null })).rejects.toThrow(MISSING_POSTGRES);
    expect(MISSING_POSTGRES).toContain('apt-get install -y postgresql');
  });

  it('finds initdb and pg_ctl on this machine', () => {
    const bin = findPostgresBin();
    expect(bin).not.toBeNull();
    expect(existsSync(`${bin}/initdb`) && existsSync(`${bin}/pg_ctl`)).toBe(true);
  });
});
