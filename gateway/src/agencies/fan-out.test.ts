import type { CitizenFile } from '@carpeta/sdk';
import { describe, expect, it } from 'vitest';
import type { ListResult, SourceConnector } from '../connectors/types.ts';
import { createFolder } from './fan-out.ts';

const file = (source: string, ref: string): CitizenFile => ({
  id: `${source}:${ref}`,
  source,
  issuer: { dir3: 'E00003901', name: 'Agencia' },
  handler: 'Unidad',
  title: 'Expediente',
  procedure: null,
  reference: ref,
  status: 'in-progress',
  open: true,
  startedAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-02T10:00:00.000Z',
  deadline: null,
  timeline: [],
  documents: [],
  serviceUrl: null,
});

/** A source whose files list answers `answer()` and counts how often it is asked. */
function source(id: string, answer: () => Promise<ListResult<CitizenFile>>) {
  const asked = { count: 0 };
  const connector: SourceConnector = {
    id,
    name: id.toUpperCase(),
    dir3: 'E00003901',
    domains: ['files'],
    files: {
      list: () => {
        asked.count += 1;
        return answer();
      },
      get: async () => ({ ok: false, reason: 'not-found', status: { source: id, name: id, status: 'ok' } }),
    },
  };
  return { connector, asked };
}

const ok = (id: string, items: CitizenFile[]) => async (): Promise<ListResult<CitizenFile>> => ({
  items,
  status: { source: id, name: id, status: 'ok' },
});

describe('fan-out', () => {
  it('caches per citizen, source and domain for cacheSeconds; expires; a write invalidates', async () => {
    // lru-cache takes a start of 0 as "no start": the clock starts elsewhere.
    let clock = 1_000_000;
    const a = source('a', ok('a', [file('a', 'F1')]));
    const folder = createFolder({
      sources: [a.connector],
      settings: new Map([['a', { timeoutMs: 500, cacheSeconds: 30 }]]),
      clock: () => clock,
    });
    await folder.list('files', 'maria');
    await folder.list('files', 'maria');
    expect(a.asked.count).toBe(1);
    await folder.list('files', 'carmen');
    expect(a.asked.count).toBe(2);
    clock += 29_000;
    await folder.list('files', 'maria');
    expect(a.asked.count).toBe(2);
    clock += 2_000;
    await folder.list('files', 'maria');
    expect(a.asked.count).toBe(3);
    // Carmen's answer expired too; asked again, then cached.
    await folder.list('files', 'carmen');
    expect(a.asked.count).toBe(4);
    // A write of María's at source a forgets her answers there, not Carmen's.
    folder.invalidate('maria', 'a');
    await folder.list('files', 'maria');
    await folder.list('files', 'carmen');
    expect(a.asked.count).toBe(5);
  });

  it('never caches a failed answer, and answers every source even when one hangs or throws', async () => {
    const hanging = source('slow', () => new Promise(() => undefined));
    const broken = source('broken', async () => {
      throw new Error('bug in a connector');
    });
    const failing = source('failing', async () => ({
      items: [],
      status: { source: 'failing', name: 'F', status: 'unavailable', message: 'down' },
    }));
    const fine = source('fine', ok('fine', [file('fine', 'F1'), file('other', 'STOLEN')]));
    const folder = createFolder({
      sources: [hanging.connector, broken.connector, failing.connector, fine.connector],
      settings: new Map([
        ['slow', { timeoutMs: 50, cacheSeconds: 30 }],
        ['failing', { timeoutMs: 500, cacheSeconds: 30 }],
      ]),
    });
    const started = performance.now();
    const answer = await folder.list('files', 'maria');
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(answer.sources.map((status) => [status.source, status.status])).toEqual([
      ['slow', 'timeout'],
      ['broken', 'unavailable'],
      ['failing', 'unavailable'],
      ['fine', 'ok'],
    ]);
    // An item that claims another source's id is not shown.
    expect(answer.items.map((item) => item.id)).toEqual(['fine:F1']);
    await folder.list('files', 'maria');
    expect(failing.asked.count).toBe(2);
  });

  it('keeps a bounded number of cached answers', async () => {
    const a = source('a', ok('a', []));
    const folder = createFolder({
      sources: [a.connector],
      settings: new Map([['a', { timeoutMs: 500, cacheSeconds: 60 }]]),
      maxEntries: 3,
    });
    for (const citizen of ['1', '2', '3', '4', '5']) await folder.list('files', citizen);
    expect(folder.cacheSize()).toBe(3);
  });
});
