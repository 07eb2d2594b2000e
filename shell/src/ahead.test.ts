import type { ManifestEntry } from '@carpeta/sdk';
import { testManifestEntry } from '@carpeta/sdk/testing/manifest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { prefetchRemotes, savingData, warmWhileIdle } from './ahead.ts';

function entry(id: string, framework?: ManifestEntry['framework']): ManifestEntry {
  const base = testManifestEntry(id, { route: `/${id}`, nav: { order: 1, show: true } });
  return {
    ...base,
    remote: { ...base.remote, entry: `https://mfe.example.es/${id}/remoteEntry.js` },
    ...(framework ? { framework } : {}),
  };
}

const online = { connection: { effectiveType: '4g', saveData: false } } as unknown as Navigator;

/** A warm-up that records which MFEs it was asked for, and fails for those in `failing`. */
function recorder(failing: string[] = []) {
  const warmed: string[] = [];
  const warm = async (item: ManifestEntry) => {
    warmed.push(item.id);
    if (failing.includes(item.id)) throw new Error('offline');
  };
  return { warmed, warm };
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  for (const link of document.querySelectorAll('link[rel="modulepreload"]')) link.remove();
});

describe("warmWhileIdle (the navigation's MFEs, while the browser is idle)", () => {
  it("warms each MFE on the shell's framework copies, one per idle period, one after another", async () => {
    const idle: Array<() => void> = [];
    const next = () => new Promise<void>((resolve) => idle.push(resolve));
    const { warmed, warm } = recorder();
    const warming = warmWhileIdle(
      [entry('idle-a'), entry('powers', 'angular'), entry('council', 'vanilla')],
      warm,
      {
        idle: next,
        nav: online,
      },
    );
    await vi.waitFor(() => expect(idle).toHaveLength(1));
    expect(warmed).toEqual([]);
    idle[0]?.();
    await vi.waitFor(() => expect(idle).toHaveLength(2));
    expect(warmed).toEqual(['idle-a']);
    idle[1]?.();
    await warming;
    // Angular is left for its link: it would bring Angular itself.
    expect(warmed).toEqual(['idle-a', 'council']);
  });

  it('a new call (a new manifest) stops the one before', async () => {
    const idle: Array<() => void> = [];
    const next = () => new Promise<void>((resolve) => idle.push(resolve));
    const { warmed, warm } = recorder();
    const first = warmWhileIdle([entry('old-a'), entry('old-b')], warm, { idle: next, nav: online });
    await vi.waitFor(() => expect(idle).toHaveLength(1));
    const second = warmWhileIdle([entry('new-a')], warm, { idle: next, nav: online });
    await vi.waitFor(() => expect(idle).toHaveLength(2));
    for (const resolve of idle) resolve();
    await Promise.all([first, second]);
    expect(warmed).toEqual(['new-a']);
  });

  it('starts after the time it is given', async () => {
    vi.useFakeTimers();
    const { warmed, warm } = recorder();
    const warming = warmWhileIdle([entry('later-a')], warm, {
      idle: async () => {},
      nav: online,
      afterMs: 3500,
    });
    await vi.advanceTimersByTimeAsync(3400);
    expect(warmed).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    await warming;
    expect(warmed).toEqual(['later-a']);
  });

  it('goes on after a failure, and warms nothing when the browser saves data', async () => {
    const { warmed, warm } = recorder(['down-a']);
    await warmWhileIdle([entry('down-a'), entry('up-b')], warm, { idle: async () => {}, nav: online });
    expect(warmed).toEqual(['down-a', 'up-b']);
    const saver = { connection: { saveData: true } } as unknown as Navigator;
    await warmWhileIdle([entry('saved')], warm, { idle: async () => {}, nav: saver });
    expect(warmed).toEqual(['down-a', 'up-b']);
  });
});

describe('savingData', () => {
  const on = (connection: object | undefined) => savingData({ connection } as unknown as Navigator);
  it('is true when the citizen saves data or the network is 2G, false otherwise', () => {
    expect(on({ saveData: true, effectiveType: '4g' })).toBe(true);
    expect(on({ effectiveType: 'slow-2g' })).toBe(true);
    expect(on({ effectiveType: '2g' })).toBe(true);
    expect(on({ effectiveType: '3g' })).toBe(false);
    expect(on(undefined)).toBe(false);
  });
});

describe('prefetchRemotes', () => {
  it('adds one modulepreload link per module remote when idle, never twice, and none for classic scripts', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestIdleCallback', undefined);
    const classic = entry('legacy');
    classic.remote = { ...classic.remote, type: 'var' };
    prefetchRemotes([entry('files'), entry('data'), classic]);
    expect(document.querySelectorAll('link[rel="modulepreload"]')).toHaveLength(0);
    await vi.runAllTimersAsync();
    prefetchRemotes([entry('files')]);
    await vi.runAllTimersAsync();
    const links = [...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')];
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      'https://mfe.example.es/files/remoteEntry.js',
      'https://mfe.example.es/data/remoteEntry.js',
    ]);
    expect(links.every((link) => link.crossOrigin === 'anonymous')).toBe(true);
  });
});
