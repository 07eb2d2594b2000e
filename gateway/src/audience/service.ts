import type { IncomingHttpHeaders } from 'node:http';
import { audienceKey, type ManifestAudience, type ManifestEntry, type RejectedEntry } from '@carpeta/sdk';
import type { ConfiguredEntry } from '@carpeta/sdk/rollout';
import { LRUCache } from 'lru-cache';
import { sessionView } from '../auth/sessions.ts';
import type { SessionRecord } from '../db/index.ts';
import type { ManifestSnapshot, ManifestStore } from '../manifest.ts';
import { assignVariant } from '../rollout/canary.ts';
import { applyOverrides, type RemoteOverrides } from '../rollout/overrides.ts';
import { entriesFor, loadable, originsFor, type Viewer } from './filter.ts';
import type { ResidenceLookup } from './residence.ts';

/*
 * The per-citizen manifest: what `/mfes.json` answers and what the page's Content-Security-Policy
 * allows, for the session a request carries. Entries are chosen by the residence of the person
 * whose folder is shown (the citizen, or the person they act for), by the session's level of
 * assurance and by public/private. What depends only on (level, place) is computed once per
 * manifest load and kept in a bounded LRU; the session-specific part is a few bytes.
 */

type Snapshot = Extract<ManifestSnapshot, { ok: true }>;

/** One citizen's manifest. */
export interface ManifestView {
  /** The JSON body of `/mfes.json`. */
  body: string;
  /** The MFE origins the page may load scripts, styles and data from. */
  origins: readonly string[];
  audience: ManifestAudience;
  mfes: readonly ManifestEntry[];
  /** The entries that could not be served, as `body` names them. */
  rejected: readonly RejectedEntry[];
  /** Whether this viewer may load an entry's remote now (else the shell shows it gated). */
  loadable(entry: ManifestEntry): boolean;
}

interface SharedView {
  /** The entries as configured (with their canaries), for the per-citizen assignment. */
  configured: ManifestEntry[];
  /** Whether any entry has a canary: only then is the list made again per citizen. */
  canaries: boolean;
  /** The entries as served to someone with no subject (every canary on its stable remote). */
  mfes: ManifestEntry[];
  rejected: RejectedEntry[];
  /** JSON of `mfes` and `rejected`, as served. */
  mfesJson: string;
  rejectedJson: string;
  origins: readonly string[];
}

export interface AudienceServiceOptions {
  manifest: ManifestStore;
  residence: ResidenceLookup;
  /** The session a request's cookie names (not extended), or null. */
  readSession: (headers: IncomingHttpHeaders) => Promise<SessionRecord | null>;
  /** Views kept per manifest load. */
  maxViews?: number;
  /**
   * A developer's overrides of remotes the request carries (never in production: see
   * rollout/overrides.ts), or null.
   */
  overrides?: (headers: IncomingHttpHeaders) => RemoteOverrides | null;
}

export interface AudienceService {
  /** The manifest of the request's session, or null when no valid manifest was ever read. */
  view(headers: IncomingHttpHeaders): Promise<ManifestView | null>;
  /** The view of someone not signed in, without reading any session. */
  anonymous(): Promise<ManifestView | null>;
  /** The origins of the public entries (the CSP of answers that are not pages), kept per load. */
  publicOrigins(): Promise<readonly string[]>;
}

/** What the browser receives of an entry: the audience stays in the gateway's configuration. */
function served(entry: ManifestEntry): ManifestEntry {
  if (entry.audience === undefined && entry.roles === undefined) return entry;
  const { audience: _audience, roles: _roles, ...rest } = entry;
  return rest;
}

export function createAudienceService(options: AudienceServiceOptions): AudienceService {
  const views = new WeakMap<Snapshot, LRUCache<string, SharedView>>();

  function shared(snapshot: Snapshot, viewer: Viewer): SharedView {
    let cache = views.get(snapshot);
    if (!cache) {
      cache = new LRUCache<string, SharedView>({ max: options.maxViews ?? 2000 });
      views.set(snapshot, cache);
    }
    const key = `${viewer.loa ?? 'anonymous'}|${viewer.place?.municipality ?? '-'}|${viewer.role ?? '-'}`;
    const kept = cache.get(key);
    if (kept) return kept;
    const configured = entriesFor(snapshot.index, viewer).map(served);
    const canaries = configured.some((entry) => (entry as ConfiguredEntry).canary !== undefined);
    const mfes = canaries ? configured.map((entry) => assignVariant(entry, null)) : configured;
    const rejected: RejectedEntry[] = entriesFor(snapshot.rejectedIndex, viewer)
      .map((item) => item.rejected)
      .sort((a, b) => a.index - b.index);
    const view: SharedView = {
      configured,
      canaries,
      mfes,
      rejected,
      mfesJson: JSON.stringify(mfes),
      rejectedJson: JSON.stringify(rejected),
      origins: originsFor(mfes, viewer),
    };
    cache.set(key, view);
    return view;
  }

  function compose(
    snapshot: Snapshot,
    viewer: Viewer,
    audience: ManifestAudience,
    subject: string | null = null,
    overrides: RemoteOverrides | null = null,
  ): ManifestView {
    const view = shared(snapshot, viewer);
    let { mfes, mfesJson, origins } = view;
    // Only a citizen whose entries hold a canary, or a developer's override, costs a new list.
    if ((view.canaries && subject !== null) || overrides) {
      mfes = view.canaries ? view.configured.map((entry) => assignVariant(entry, subject)) : view.mfes;
      if (overrides) mfes = applyOverrides(mfes, overrides);
      mfesJson = JSON.stringify(mfes);
      origins = originsFor(mfes, viewer);
    }
    return {
      body: `{"version":1,"mfes":${mfesJson},"rejected":${view.rejectedJson},"audience":${JSON.stringify(audience)}}`,
      origins,
      audience,
      mfes,
      rejected: view.rejected,
      loadable: (entry) => loadable(entry, viewer),
    };
  }

  async function anonymous(): Promise<ManifestView | null> {
    const snapshot = await options.manifest.load();
    if (!snapshot.ok) return null;
    return compose(snapshot, { loa: null, place: null }, { key: 'anonymous', residence: 'anonymous' });
  }

  return {
    anonymous,
    async publicOrigins() {
      const snapshot = await options.manifest.load();
      return snapshot.ok ? shared(snapshot, { loa: null, place: null }).origins : [];
    },
    async view(headers) {
      const [snapshot, record] = await Promise.all([options.manifest.load(), options.readSession(headers)]);
      if (!snapshot.ok) return null;
      const overrides = options.overrides?.(headers) ?? null;
      if (!record) {
        return compose(
          snapshot,
          { loa: null, place: null },
          { key: 'anonymous', residence: 'anonymous' },
          null,
          overrides,
        );
      }
      const key = audienceKey(sessionView(record));
      const residence = await options.residence.residence(record.actingFor?.nif ?? record.citizen.nif);
      const place = residence.status === 'found' ? residence.place : null;
      const audience: ManifestAudience =
        residence.status === 'unavailable'
          ? { key, residence: 'unavailable', source: residence.source }
          : { key, residence: residence.status };
      // A role is the signed-in person's own, never exercised while acting for someone else.
      const role = record.actingFor ? null : (record.role ?? null);
      // The canary is drawn for the person whose folder is shown, as the API's subject.
      const subject = record.actingFor?.nif ?? record.citizen.nif;
      return compose(snapshot, { loa: record.loa, place, role }, audience, subject, overrides);
    },
  };
}
