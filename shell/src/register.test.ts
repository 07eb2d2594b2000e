import { describe, expect, it, vi } from 'vitest';
import { fetchManifest } from './register.ts';

const entry = {
  id: 'home',
  title: { es: 'Inicio' },
  owner: { id: 'carpeta', name: 'Carpeta' },
  kind: 'domain',
  route: '/',
  framework: 'react',
  remote: { name: 'carpeta_home', entry: 'http://127.0.0.1:4201/remoteEntry.js', expose: './lifecycles' },
  version: '0.1.0',
};

const respond = (status: number, body: unknown) =>
  vi.fn(async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status }));

describe('fetchManifest', () => {
  it('keeps valid entries and reports each skipped one', async () => {
    const telemetry = { error: vi.fn(), event: vi.fn() };
    const state = await fetchManifest(
      { telemetry },
      respond(200, { version: 1, mfes: [entry, { ...entry, id: 'broken', route: 'nope' }] }),
    );
    expect(state.status).toBe('ready');
    if (state.status !== 'ready') return;
    expect(state.entries.map((item) => item.id)).toEqual(['home']);
    expect(state.rejected).toEqual([expect.objectContaining({ id: 'broken', index: 1 })]);
    expect(telemetry.error).toHaveBeenCalledTimes(1);
    expect(telemetry.error).toHaveBeenCalledWith(expect.any(Error), { entry: 'broken', phase: 'manifest' });
  });

  it('lists the entries the gateway left out, with its reasons, next to its own', async () => {
    const telemetry = { error: vi.fn(), event: vi.fn() };
    const state = await fetchManifest(
      { telemetry },
      respond(200, {
        version: 1,
        mfes: [entry],
        rejected: [
          { index: 2, id: 'evil', reason: 'the origin http://evil.example:9999 is not allowed' },
          { index: 'x', reason: 42 },
        ],
      }),
    );
    if (state.status !== 'ready') throw new Error(state.status);
    expect(state.entries.map((item) => item.id)).toEqual(['home']);
    expect(state.rejected).toEqual([
      { index: 2, id: 'evil', reason: 'the origin http://evil.example:9999 is not allowed' },
    ]);
  });

  it('fails softly when the manifest is unreachable, not JSON or not a manifest', async () => {
    for (const fetchImpl of [
      respond(503, { error: { code: 'internal', message: 'x' } }),
      respond(200, '<html>'),
      respond(200, { mfes: 'nope' }),
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    ]) {
      const telemetry = { error: vi.fn(), event: vi.fn() };
      await expect(fetchManifest({ telemetry }, fetchImpl)).resolves.toEqual({ status: 'failed' });
      expect(telemetry.error).toHaveBeenCalledTimes(1);
    }
  });
});
