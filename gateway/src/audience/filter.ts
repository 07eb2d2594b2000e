import {
  type Audience,
  type LevelOfAssurance,
  loaSatisfies,
  type ManifestEntry,
  type PortalRole,
} from '@carpeta/sdk';
import type { Place } from './regions.ts';

/*
 * Which manifest entries one citizen receives. The configuration may hold an entry for every
 * municipality of Spain (8,000+), so entries are indexed once per manifest load by the places
 * their audience names (a Map from INE code to entries) and a request looks up four buckets —
 * State-wide, its community, its province, its municipality — instead of scanning them all.
 */

/** Who a manifest is for. */
export interface Viewer {
  /** null: nobody signed in. */
  loa: LevelOfAssurance | null;
  /** The residence of the person whose folder is shown (the citizen or whom they act for). */
  place: Place | null;
  /**
   * The role the identity provider vouched for (a maintainer), null or left out for a citizen and
   * for anyone acting for someone else.
   */
  role?: PortalRole | null;
}

/** What the index needs of an item: a manifest entry, or a rejected one as far as it could be read. */
export interface Targeted {
  audience?: Audience | undefined;
  public: boolean;
  roles?: readonly PortalRole[] | undefined;
}

interface Indexed<T> {
  entry: T;
  /** Position in the configuration, already sorted by navigation order: the order served. */
  position: number;
}

export interface AudienceIndex<T extends Targeted = ManifestEntry> {
  readonly size: number;
  readonly stateWide: readonly Indexed<T>[];
  readonly byCommunity: ReadonlyMap<string, readonly Indexed<T>[]>;
  readonly byProvince: ReadonlyMap<string, readonly Indexed<T>[]>;
  readonly byMunicipality: ReadonlyMap<string, readonly Indexed<T>[]>;
}

function add<T>(map: Map<string, Indexed<T>[]>, code: string, item: Indexed<T>) {
  const list = map.get(code);
  if (list) {
    if (list[list.length - 1] !== item) list.push(item);
  } else {
    map.set(code, [item]);
  }
}

/** Indexes entries (as parseManifest gives them, sorted by navigation order) by audience. */
export function indexEntries<T extends Targeted>(entries: readonly T[]): AudienceIndex<T> {
  const stateWide: Indexed<T>[] = [];
  const byCommunity = new Map<string, Indexed<T>[]>();
  const byProvince = new Map<string, Indexed<T>[]>();
  const byMunicipality = new Map<string, Indexed<T>[]>();
  entries.forEach((entry, position) => {
    const item = { entry, position };
    const audience = entry.audience;
    if (!audience) {
      stateWide.push(item);
      return;
    }
    for (const code of audience.communities) add(byCommunity, code, item);
    for (const code of audience.provinces) add(byProvince, code, item);
    for (const code of audience.municipalities) add(byMunicipality, code, item);
  });
  return { size: entries.length, stateWide, byCommunity, byProvince, byMunicipality };
}

/**
 * The entries a viewer receives, in the configuration's order:
 * - nobody signed in: only public entries, and only State-wide ones (no residence is known);
 * - signed in: State-wide entries and those whose audience names the residence's community,
 *   province or municipality; no residence known (a company, or the census could not be asked):
 *   State-wide entries only;
 * - entries naming roles (the maintainers' pages): only sessions holding one of them, never
 *   anyone acting for someone else;
 * - entries above the session's level of assurance stay in the list: the shell shows them with a
 *   "sign in with a certificate" panel instead of loading them (see `loadable`).
 */
export function entriesFor<T extends Targeted>(index: AudienceIndex<T>, viewer: Viewer): T[] {
  const role = viewer.loa === null ? null : (viewer.role ?? null);
  // An entry for a role (the maintainers' pages) reaches only sessions holding it.
  const forViewer = (entry: T) => entry.roles === undefined || (role !== null && entry.roles.includes(role));
  if (viewer.loa === null) {
    return index.stateWide
      .filter((item) => item.entry.public && forViewer(item.entry))
      .map((item) => item.entry);
  }
  const place = viewer.place;
  if (!place) return index.stateWide.filter((item) => forViewer(item.entry)).map((item) => item.entry);
  const buckets = [
    index.stateWide,
    index.byCommunity.get(place.community),
    index.byProvince.get(place.province),
    index.byMunicipality.get(place.municipality),
  ];
  const chosen = new Map<number, T>();
  for (const bucket of buckets) {
    if (!bucket) continue;
    for (const item of bucket) if (forViewer(item.entry)) chosen.set(item.position, item.entry);
  }
  return [...chosen].sort((a, b) => a[0] - b[0]).map(([, entry]) => entry);
}

/** Whether the browser may load an entry's remote for this viewer now (else it is gated). */
export function loadable(entry: ManifestEntry, viewer: Viewer): boolean {
  if (entry.public) return true;
  return viewer.loa !== null && loaSatisfies(viewer.loa, entry.minLoa);
}

/** The origins of the remotes a viewer may load: what the page's Content-Security-Policy allows. */
export function originsFor(entries: readonly ManifestEntry[], viewer: Viewer): string[] {
  const origins = new Set<string>();
  for (const entry of entries) {
    if (!loadable(entry, viewer)) continue;
    try {
      origins.add(new URL(entry.remote.entry).origin);
    } catch {
      // parseManifest already guarantees an absolute http(s) URL.
    }
  }
  return [...origins].sort();
}
