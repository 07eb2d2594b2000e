import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod/mini';
import { createTestProps } from './props.ts';

describe('createTestProps', () => {
  it('needs no fetch for an MFE that calls no API, and says so when one is called', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const test = createTestProps({ mfeId: 'tributos', basePath: '/tributos' });
    expect(test.props.mfeId).toBe('tributos');
    await expect(test.props.api.get('/folder/notifications', z.object({}))).rejects.toThrow();
    expect(test.telemetry.errors).toHaveLength(1);
    expect(String(test.telemetry.errors[0]?.error)).toContain(
      'tributos called the API (/api/folder/notifications) in a test that gave createTestProps no fetch',
    );
    quiet.mockRestore();
  });

  it('answers through the fetch it is given', async () => {
    const fetch = vi.fn(async () => Response.json({ ok: true }));
    const test = createTestProps({ mfeId: 'tributos', basePath: '/tributos', fetch });
    await expect(test.props.api.get('/x', z.object({ ok: z.boolean() }))).resolves.toEqual({ ok: true });
    expect(test.telemetry.errors).toEqual([]);
  });
});
