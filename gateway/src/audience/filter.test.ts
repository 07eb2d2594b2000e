import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MANIFEST_MAX_ENTRIES, type ManifestEntry, parseManifest } from '@carpeta/sdk';
import { testManifestEntry } from '@carpeta/sdk/testing/manifest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManifestStore } from '../manifest.ts';
import { entriesFor, indexEntries, originsFor, type Viewer } from './filter.ts';
import { type Place, placeOf } from './regions.ts';
import { COMMUNITY_CODES, generatedManifest, KNOWN_MUNICIPALITIES } from './spain.testing.ts';

/** An administration's entry on its own route (the test builder's, with `r` as remote name). */
function entry(id: string, extra: Partial<ManifestEntry> = {}): ManifestEntry {
  const base = testManifestEntry(id, { kind: 'administration', route: `/${id}` });
  return { ...base, remote: { ...base.remote, name: 'r' }, ...extra };
}

const audience = (part: { communities?: string[]; provinces?: string[]; municipalities?: string[] }) => ({
  communities: part.communities ?? [],
  provinces: part.provinces ?? [],
  municipalities: part.municipalities ?? [],
});

function place(code: string): Place {
  const found = placeOf(code);
  if (!found) throw new Error(code);
  return found;
}

const ENTRIES: ManifestEntry[] = [
  entry('state'),
  entry('state-public', { public: true }),
  entry('state-high', { minLoa: 'high' }),
  entry('madrid-region', { audience: audience({ communities: ['13'] }) }),
  entry('toledo-province', { audience: audience({ provinces: ['45'] }) }),
  entry('barcelona-city', { audience: audience({ municipalities: ['08019'] }) }),
  entry('regional-public', { public: true, audience: audience({ communities: ['13'] }) }),
  // One entry for two places: Madrid city and all of Catalonia.
  entry('twin', { audience: audience({ communities: ['09'], municipalities: ['28079'] }) }),
];

const ids = (viewer: Viewer) => entriesFor(indexEntries(ENTRIES), viewer).map((item) => item.id);

describe('placeOf', () => {
  it('derives the province and the community from an INE municipality code', () => {
    expect(placeOf('28079')).toEqual({ municipality: '28079', province: '28', community: '13' });
    expect(placeOf('08019')).toEqual({ municipality: '08019', province: '08', community: '09' });
    expect(placeOf('51001')).toEqual({ municipality: '51001', province: '51', community: '18' });
    expect(placeOf('53001')).toBeNull();
    expect(placeOf('2807')).toBeNull();
    expect(placeOf('x8079')).toBeNull();
  });
});

describe('entriesFor: roles', () => {
  const staff: ManifestEntry[] = [
    entry('state'),
    entry('admin', { roles: ['maintainer'] }),
    entry('admin-public', { public: true, roles: ['maintainer'] }),
    entry('admin-madrid', { roles: ['maintainer'], audience: audience({ communities: ['13'] }) }),
  ];
  const staffIds = (viewer: Viewer) => entriesFor(indexEntries(staff), viewer).map((item) => item.id);

  it('an entry for the maintainers is in no citizen’s manifest, wherever they live', () => {
    expect(staffIds({ loa: 'substantial', place: null })).toEqual(['state']);
    expect(staffIds({ loa: 'high', place: place('28079'), role: null })).toEqual(['state']);
  });

  it('nor in an anonymous visitor’s, even when it is public (a role needs a session)', () => {
    expect(staffIds({ loa: null, place: null, role: 'maintainer' })).toEqual([]);
  });

  it('a maintainer gets them, with the same audience rules as everyone', () => {
    expect(staffIds({ loa: 'substantial', place: null, role: 'maintainer' })).toEqual([
      'state',
      'admin',
      'admin-public',
    ]);
    expect(staffIds({ loa: 'substantial', place: place('28079'), role: 'maintainer' })).toEqual([
      'state',
      'admin',
      'admin-public',
      'admin-madrid',
    ]);
  });
});

describe('entriesFor: audience × residence × level × public', () => {
  it('anonymous visitors get only the public State-wide entries', () => {
    expect(ids({ loa: null, place: null })).toEqual(['state-public']);
    // Even with a place (never the case for them), no regional entry.
    expect(ids({ loa: null, place: place('28079') })).toEqual(['state-public']);
  });

  it('a citizen of Madrid gets the State-wide entries, the Madrid region and the Madrid city entries', () => {
    expect(ids({ loa: 'substantial', place: place('28079') })).toEqual([
      'state',
      'state-public',
      'state-high',
      'madrid-region',
      'regional-public',
      'twin',
    ]);
  });

  it('a citizen of Getafe gets the Madrid region but not the Madrid city entry', () => {
    expect(ids({ loa: 'substantial', place: place('28065') })).toEqual([
      'state',
      'state-public',
      'state-high',
      'madrid-region',
      'regional-public',
    ]);
  });

  it('a citizen of Barcelona does not see Madrid’s entries; Catalonia’s twin entry once', () => {
    expect(ids({ loa: 'substantial', place: place('08019') })).toEqual([
      'state',
      'state-public',
      'state-high',
      'barcelona-city',
      'twin',
    ]);
  });

  it('a citizen of Toledo gets the province entry', () => {
    expect(ids({ loa: 'substantial', place: place('45168') })).toEqual([
      'state',
      'state-public',
      'state-high',
      'toledo-province',
    ]);
  });

  it('no residence known (a company, or the census did not answer): State-wide entries only', () => {
    expect(ids({ loa: 'substantial', place: null })).toEqual(['state', 'state-public', 'state-high']);
  });

  it('entries above the session level stay listed (step-up) but their origins are not loadable', () => {
    const viewer: Viewer = { loa: 'substantial', place: place('28079') };
    const chosen = entriesFor(indexEntries(ENTRIES), viewer);
    expect(chosen.map((item) => item.id)).toContain('state-high');
    const origins = originsFor(chosen, viewer);
    expect(origins).not.toContain('https://state-high.example');
    expect(origins).toContain('https://madrid-region.example');
    expect(originsFor(chosen, { ...viewer, loa: 'high' })).toContain('https://state-high.example');
    // Anonymous: only the public entries' origins.
    expect(
      originsFor(entriesFor(indexEntries(ENTRIES), { loa: null, place: null }), { loa: null, place: null }),
    ).toEqual(['https://state-public.example']);
  });
});

describe('a configuration with an entry for each of Spain’s 8,000+ municipalities', () => {
  let dir: string;
  const generated = generatedManifest();

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'carpeta-spain-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is read whole, indexed by audience, and each citizen receives only their own few entries', async () => {
    expect(generated.municipalities.length).toBeGreaterThan(8000);
    const file = path.join(dir, 'mfes.json');
    await writeFile(file, JSON.stringify(generated.document));
    const store = createManifestStore({
      path: file,
      env: {},
      policy: { allowedOrigins: generated.origins, requireHttps: true },
    });
    const snapshot = await store.load();
    if (!snapshot.ok) throw new Error(snapshot.reason);
    expect(snapshot.rejected).toEqual([]);
    expect(snapshot.entries).toHaveLength(generated.document.mfes.length);
    expect(snapshot.index.byMunicipality.size).toBe(generated.municipalities.length);
    expect(snapshot.index.byCommunity.size).toBe(COMMUNITY_CODES.length);

    const forPlace = (code: string, loa: Viewer['loa'] = 'substantial') => {
      const viewer: Viewer = { loa, place: place(code) };
      const chosen = entriesFor(snapshot.index, viewer);
      return { ids: chosen.map((item) => item.id), origins: originsFor(chosen, viewer), chosen };
    };

    const madrid = forPlace(KNOWN_MUNICIPALITIES.madrid);
    expect(madrid.ids).toEqual([
      'state-home',
      'state-files',
      'state-high',
      'ccaa-13',
      'ayto-28079',
      'state-verify',
    ]);
    expect(madrid.ids).not.toContain('ayto-08019');
    // The page may load only its own remotes: a handful of origins, never 8,000.
    expect(madrid.origins).toEqual([
      'https://ayto-28079.example',
      'https://ccaa-13.example',
      'https://files.state.example',
      'https://home.state.example',
      'https://verify.state.example',
    ]);

    const barcelona = forPlace(KNOWN_MUNICIPALITIES.barcelona);
    expect(barcelona.ids).toEqual([
      'state-home',
      'state-files',
      'state-high',
      'ccaa-09',
      'ayto-08019',
      'state-verify',
    ]);

    // Every municipality: exactly the State-wide entries, its community's and its own.
    for (const code of generated.municipalities) {
      const { ids: got } = forPlace(code, 'high');
      const community = placeOf(code)?.community;
      expect(got).toEqual([
        'state-home',
        'state-files',
        'state-high',
        `ccaa-${community}`,
        `ayto-${code}`,
        'state-verify',
      ]);
    }

    const anonymous = entriesFor(snapshot.index, { loa: null, place: null });
    expect(anonymous.map((item) => item.id)).toEqual(['state-verify']);

    // What one citizen receives is a manifest the browser accepts (at most MANIFEST_MAX_ENTRIES).
    expect(madrid.chosen.length).toBeLessThanOrEqual(MANIFEST_MAX_ENTRIES);
    const served = parseManifest({ version: 1, mfes: madrid.chosen });
    expect(served.rejected).toEqual([]);
    // The whole configuration is not: it is the gateway's alone.
    expect(() => parseManifest(generated.document)).toThrow(/not valid/);
  });
});
