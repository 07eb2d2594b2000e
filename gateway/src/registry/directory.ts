import type { SourceStatus } from '@carpeta/sdk';
import type { Dir3Unit } from '@carpeta/sdk/registry';
import MiniSearch from 'minisearch';
import type { RegistryConnector } from '../connectors/registry.ts';

/*
 * The directory of bodies (DIR3) the general registry serves, kept by the gateway and searched
 * with MiniSearch: accent- and case-insensitive, by words of the name (prefixes, small typos), of
 * the unit it depends on, or by code. The copy is refreshed when older than `ttlMs`; when the
 * registry cannot be reached the last copy keeps answering.
 */

/** Words that say nothing about a body ("Ayuntamiento de Madrid" is found by "ayuntamiento madrid"). */
const STOP_WORDS = new Set([
  'de',
  'del',
  'la',
  'las',
  'el',
  'los',
  'y',
  'e',
  'i',
  'en',
  'a',
  'd',
  'l',
  'da',
  'do',
]);

/** Lower case, without accents (the directory and the query are compared this way). */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const processTerm = (term: string): string | null => {
  const folded = foldText(term);
  return folded === '' || STOP_WORDS.has(folded) ? null : folded;
};

/** Where the administrations come first when nothing is searched: the State, then regions, then councils. */
const ORDER = { state: 0, regional: 1, local: 2, university: 3, other: 4 } as const;

export interface DirectorySearch {
  items: Dir3Unit[];
  total: number;
  source: SourceStatus;
}

export interface Directory {
  search(query: string, limit: number): Promise<DirectorySearch>;
  /** A unit in force by code; undefined when unknown (or the directory could not be read). */
  find(dir3: string): Promise<Dir3Unit | undefined>;
}

interface Snapshot {
  units: Map<string, Dir3Unit>;
  index: MiniSearch<Dir3Unit>;
  topLevel: Dir3Unit[];
  loadedAt: number;
}

export function createDirectory(options: {
  registry: RegistryConnector;
  now: () => Date;
  /** How long a copy is used before it is read again (default 10 minutes). */
  ttlMs?: number;
}): Directory {
  const ttlMs = options.ttlMs ?? 10 * 60_000;
  let snapshot: Snapshot | null = null;
  let lastStatus: SourceStatus | null = null;
  let loading: Promise<void> | null = null;

  function build(units: Dir3Unit[]): Snapshot {
    const index = new MiniSearch<Dir3Unit>({
      idField: 'dir3',
      fields: ['name', 'dir3', 'parentName'],
      extractField: (unit, field) =>
        field === 'parentName' ? (unit.parent?.name ?? '') : String(unit[field as keyof Dir3Unit] ?? ''),
      processTerm,
      storeFields: ['level'],
      searchOptions: {
        // The top of an administration before its departments ("ayuntamiento madrid": the council first).
        boostDocument: (_id, _term, stored) => (Number(stored?.level) === 1 ? 2 : 1),
        prefix: true,
        fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
        combineWith: 'AND',
        boost: { dir3: 3, name: 2, parentName: 0.5 },
      },
    });
    index.addAll(units);
    const topLevel = units
      .filter((unit) => unit.level === 1)
      .sort(
        (a, b) => ORDER[a.administration] - ORDER[b.administration] || a.name.localeCompare(b.name, 'es'),
      );
    return {
      units: new Map(units.map((unit) => [unit.dir3, unit])),
      index,
      topLevel,
      loadedAt: options.now().getTime(),
    };
  }

  /** Reads the directory again (one read at a time); a failed read keeps the last copy. */
  function load(): Promise<void> {
    loading ??= (async () => {
      try {
        const { units, status } = await options.registry.directory();
        lastStatus = status;
        if (status.status === 'ok' && units.length > 0) snapshot = build(units);
      } finally {
        loading = null;
      }
    })();
    return loading;
  }

  async function current(): Promise<{ snapshot: Snapshot | null; source: SourceStatus }> {
    if (!snapshot) await load();
    // A stale copy answers now; the fresh one is read in the background.
    else if (options.now().getTime() - snapshot.loadedAt >= ttlMs) void load().catch(() => undefined);
    const ok: SourceStatus = { source: options.registry.id, name: options.registry.name, status: 'ok' };
    // While a copy is kept the directory answers; without one, how the registry failed.
    const source = snapshot ? ok : (lastStatus ?? { ...ok, status: 'unavailable' });
    return { snapshot, source };
  }

  return {
    async search(query, limit) {
      const { snapshot: copy, source } = await current();
      if (!copy) return { items: [], total: 0, source };
      const trimmed = query.trim();
      if (trimmed === '') {
        return { items: copy.topLevel.slice(0, limit), total: copy.topLevel.length, source };
      }
      const exact = copy.units.get(trimmed.toUpperCase());
      const hits = copy.index.search(trimmed);
      const ordered = hits.map((hit) => copy.units.get(String(hit.id))).filter((unit) => unit !== undefined);
      const items = exact ? [exact, ...ordered.filter((unit) => unit.dir3 !== exact.dir3)] : ordered;
      return { items: items.slice(0, limit), total: items.length, source };
    },

    async find(dir3) {
      const { snapshot: copy } = await current();
      return copy?.units.get(dir3);
    },
  };
}
