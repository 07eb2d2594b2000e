import { z } from 'zod/mini';

import { type Session, sourceStatusSchema } from './domain.ts';
import { isLanguage, LANGUAGES } from './languages.ts';

export const languageSchema = z.enum(LANGUAGES);

/** eIDAS levels of assurance, ordered. */
export const LOA_LEVELS = ['low', 'substantial', 'high'] as const;
export const loaSchema = z.enum(LOA_LEVELS);
export type LevelOfAssurance = z.infer<typeof loaSchema>;

/** Whether a session at level `has` may see something that requires level `needs`. */
export function loaSatisfies(has: LevelOfAssurance, needs: LevelOfAssurance): boolean {
  return LOA_LEVELS.indexOf(has) >= LOA_LEVELS.indexOf(needs);
}

const shortText = z.string().check(z.minLength(1), z.maxLength(200));

/** A text in the portal languages: Spanish is required, a missing language falls back to it. */
export const localizedTextSchema = z.object({
  es: shortText,
  ca: z.optional(shortText),
  gl: z.optional(shortText),
  eu: z.optional(shortText),
  va: z.optional(shortText),
  en: z.optional(shortText),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export function localize(text: LocalizedText, language: string): string {
  return (isLanguage(language) ? text[language] : undefined) ?? text.es;
}

const httpUrl = z.string().check(
  z.maxLength(2048),
  z.refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an absolute http(s) URL'),
);

/** Remote entry types of the federation runtime that a browser can load (see `remote.type`). */
export const REMOTE_TYPES = ['module', 'var', 'global'] as const;
export type RemoteType = (typeof REMOTE_TYPES)[number];

// ---------------------------------------------------------------------------------------------
// Audience: who an entry is for, by the place the census records as the citizen's residence.

/** INE code of an autonomous community or autonomous city: 01 (Andalucía) to 19 (Melilla). */
export const communityCodeSchema = z
  .string()
  .check(z.regex(/^(0[1-9]|1[0-9])$/, 'an INE community code, 01 to 19'));
/** INE code of a province: 01 to 52. */
export const provinceCodeSchema = z
  .string()
  .check(z.regex(/^(0[1-9]|[1-4][0-9]|5[0-2])$/, 'an INE province code, 01 to 52'));
/** INE code of a municipality: its province's two digits and three more, e.g. "28079" (Madrid). */
export const municipalityCodeSchema = z
  .string()
  .check(z.regex(/^(0[1-9]|[1-4][0-9]|5[0-2])[0-9]{3}$/, 'an INE municipality code of 5 digits, e.g. 28079'));

/**
 * Who an entry is shown to. Left out, the entry is State-wide (every citizen). Otherwise it is shown
 * to citizens whose residence (or that of the person they act for) is in one of the communities,
 * provinces or municipalities named.
 */
export const audienceSchema = z
  .object({
    communities: z._default(z.array(communityCodeSchema).check(z.maxLength(19)), []),
    provinces: z._default(z.array(provinceCodeSchema).check(z.maxLength(52)), []),
    municipalities: z._default(z.array(municipalityCodeSchema).check(z.maxLength(10_000)), []),
  })
  .check(
    z.refine(
      (audience) =>
        audience.communities.length + audience.provinces.length + audience.municipalities.length > 0,
      'name at least one community, province or municipality (leave audience out for State-wide)',
    ),
  );
export type Audience = z.infer<typeof audienceSchema>;

/** Roles the identity provider may vouch for beyond the person (`carpeta_role`): the portal's own staff. */
export const PORTAL_ROLES = ['maintainer'] as const;
export type PortalRole = (typeof PORTAL_ROLES)[number];

/** Where a remote is and what it exposes. */
export const remoteSchema = z.object({
  /** Module Federation container name (global name of the remote). */
  name: z.string().check(z.regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'a JavaScript identifier')),
  /** URL of the remote's remoteEntry.js or mf-manifest.json. */
  entry: httpUrl,
  /** The exposed module that holds the single-spa lifecycles, e.g. "./lifecycles". */
  expose: z.string().check(z.regex(/^\.\/[A-Za-z0-9_/-]+$/, 'an exposed module such as ./lifecycles')),
  /**
   * How the federation runtime loads the entry: `module` (an ES module, what
   * `@module-federation/vite` builds) or `var`/`global` (a classic script that defines the global
   * named `name`, e.g. a webpack or Rspack build).
   */
  type: z._default(z.enum(REMOTE_TYPES), 'module'),
});
export type RemoteDescriptor = z.infer<typeof remoteSchema>;

export const semverSchema = z
  .string()
  .check(z.regex(/^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$/, 'a semantic version'));
export const integritySchema = z
  .string()
  .check(z.regex(/^sha(256|384|512)-[A-Za-z0-9+/]{43,86}={0,2}$/, 'a hash such as sha384-<base64>'));

/**
 * What an entry's `timeouts` may set (ms): long enough for a slow mobile link, short enough to tell.
 * Here, not in `remote-errors.ts`: the shell's first route carries this module, not that table.
 */
export const REMOTE_TIMEOUT_BOUNDS = { min: 500, max: 60_000 } as const;

const timeoutMs = z
  .int()
  .check(
    z.minimum(REMOTE_TIMEOUT_BOUNDS.min, `at least ${REMOTE_TIMEOUT_BOUNDS.min} ms`),
    z.maximum(REMOTE_TIMEOUT_BOUNDS.max, `at most ${REMOTE_TIMEOUT_BOUNDS.max} ms`),
  );

/** Time limits of one entry, in ms; each left out keeps the shell's default (10 s). */
export const timeoutsSchema = z.object({
  load: z.optional(timeoutMs),
  bootstrap: z.optional(timeoutMs),
  mount: z.optional(timeoutMs),
});
export type RemoteTimeouts = z.infer<typeof timeoutsSchema>;

/** Which of an entry's remotes a citizen's manifest holds (set by the gateway, never configured). */
export const REMOTE_VARIANTS = ['stable', 'canary', 'override'] as const;
export type RemoteVariant = (typeof REMOTE_VARIANTS)[number];

/** One micro-frontend as the gateway's manifest announces it. */
export const manifestEntrySchema = z.object({
  id: z.string().check(z.regex(/^[a-z][a-z0-9-]{1,39}$/, 'lower-case letters, digits and dashes')),
  title: localizedTextSchema,
  owner: z.object({
    id: z.string().check(z.minLength(1), z.maxLength(40)),
    name: z.string().check(z.minLength(1), z.maxLength(200)),
  }),
  kind: z.enum(['domain', 'administration']),
  /** Path prefix the MFE is active on, e.g. "/notifications"; "/" means the home page only. */
  route: z.string().check(z.regex(/^\/([a-z0-9-]+(\/[a-z0-9-]+)*)?$/, 'a path such as /notifications')),
  nav: z._default(
    z.object({
      order: z.int().check(z.minimum(0), z.maximum(1000)),
      show: z._default(z.boolean(), true),
    }),
    { order: 100, show: true },
  ),
  framework: z.enum(['react', 'angular', 'vanilla']),
  remote: remoteSchema,
  minLoa: z._default(loaSchema, 'low'),
  /** Public MFEs (e.g. proof verification) mount for anonymous visitors; all others need a session. */
  public: z._default(z.boolean(), false),
  /**
   * Path prefixes of the gateway API that hold this MFE's data (e.g. "/api/access-log"): the
   * gateway requires `minLoa` on them as well, so the data is as protected as the screen.
   */
  api: z._default(
    z
      .array(
        z.string().check(z.regex(/^\/api\/[a-z0-9-]+(\/[a-z0-9-]+)*$/, 'an API path such as /api/things')),
      )
      .check(z.maxLength(20)),
    [],
  ),
  scopes: z._default(z.array(z.string().check(z.minLength(1), z.maxLength(60))).check(z.maxLength(20)), []),
  version: semverSchema,
  /** SRI-style hash of the remote entry file, e.g. "sha384-<base64>" (printed by `pnpm build`). */
  integrity: z.optional(integritySchema),
  /** Time limits of loading, bootstrapping and mounting the remote (ms; default 10 s each). */
  timeouts: z.optional(timeoutsSchema),
  /** Which remote this citizen's manifest holds: `stable`, `canary`, or a developer's `override`. */
  variant: z.optional(z.enum(REMOTE_VARIANTS)),
  /** Who the entry is for (the gateway's configuration only; left out: State-wide). */
  audience: z.optional(audienceSchema),
  /**
   * Only sessions the identity provider vouched for with one of these roles receive the entry (the
   * gateway's configuration only; left out: every citizen). A role is never a citizen's: an entry
   * with roles is never in a citizen's manifest, nor in that of someone acting for another person.
   */
  roles: z.optional(z.array(z.enum(PORTAL_ROLES)).check(z.minLength(1), z.maxLength(5))),
});
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;

/** Entries one citizen's manifest may hold: what the browser accepts. */
export const MANIFEST_MAX_ENTRIES = 200;
/**
 * Entries the gateway's configuration may hold: every administration's, e.g. one per municipality
 * of Spain (8,000+). Each citizen receives only theirs (at most MANIFEST_MAX_ENTRIES).
 */
export const MANIFEST_CONFIG_MAX_ENTRIES = 20_000;

export const manifestSchema = z.object({
  version: z.literal(1),
  mfes: z.array(z.unknown()).check(z.maxLength(MANIFEST_MAX_ENTRIES)),
});

export const manifestConfigSchema = z.object({
  version: z.literal(1),
  mfes: z.array(z.unknown()).check(z.maxLength(MANIFEST_CONFIG_MAX_ENTRIES)),
});

/**
 * How the gateway chose a citizen's entries, as `/mfes.json` says it. `residence`: nobody signed
 * in ("anonymous": public entries only); the census gave a place ("found"); it holds no residence
 * for the person, e.g. a company ("not-registered": State-wide entries only); it could not be asked
 * ("unavailable": State-wide entries only, and `source` says which administration failed).
 */
export const manifestAudienceSchema = z.object({
  /** The session the entries are for, as `audienceKey` writes it. */
  key: z.string().check(z.maxLength(200)),
  residence: z.enum(['anonymous', 'found', 'not-registered', 'unavailable']),
  source: z.optional(sourceStatusSchema),
});
export type ManifestAudience = z.infer<typeof manifestAudienceSchema>;

/**
 * What of a session decides its manifest: who signs in, at which level, and for whom they act.
 * The gateway writes it in the manifest; the shell compares it with its session to know when the
 * manifest it holds is for another session and must be asked for again.
 */
export function audienceKey(session: Session): string {
  const citizen = session.citizen;
  if (!session.authenticated || !citizen) return 'anonymous';
  return `${citizen.maskedId}|${citizen.loa}|${citizen.actingFor?.maskedId ?? 'self'}`;
}

export interface RejectedEntry {
  index: number;
  id: string | undefined;
  reason: string;
}

export interface ParsedManifest {
  entries: ManifestEntry[];
  rejected: RejectedEntry[];
}

/**
 * Validates a manifest entry by entry: an invalid entry is rejected with a reason and the others
 * are kept, so that one agency's mistake never takes the rest of the portal down. Throws only when
 * the document itself is not a manifest. `limit: 'config'` reads the gateway's configuration (up to
 * MANIFEST_CONFIG_MAX_ENTRIES); by default, what one citizen receives (MANIFEST_MAX_ENTRIES).
 */
export function parseManifest(
  input: unknown,
  options: {
    limit?: 'served' | 'config';
    /** The gateway's configuration adds fields the browser never sees (`@carpeta/sdk/rollout`). */
    entrySchema?: z.ZodMiniType<ManifestEntry, unknown>;
  } = {},
): ParsedManifest {
  const document = (options.limit === 'config' ? manifestConfigSchema : manifestSchema).safeParse(input);
  if (!document.success) {
    throw new ManifestError(`The manifest is not valid: ${z.prettifyError(document.error)}`);
  }
  const entries: ManifestEntry[] = [];
  const rejected: RejectedEntry[] = [];
  const seenIds = new Set<string>();
  const seenRoutes = new Set<string>();
  document.data.mfes.forEach((raw, index) => {
    const rawId =
      typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string'
        ? raw.id
        : undefined;
    const parsed = (options.entrySchema ?? manifestEntrySchema).safeParse(raw);
    if (!parsed.success) {
      rejected.push({ index, id: rawId, reason: z.prettifyError(parsed.error) });
      return;
    }
    const entry = parsed.data;
    if (seenIds.has(entry.id)) {
      rejected.push({ index, id: entry.id, reason: `duplicate id "${entry.id}"` });
      return;
    }
    if (seenRoutes.has(entry.route)) {
      rejected.push({ index, id: entry.id, reason: `route "${entry.route}" is already taken` });
      return;
    }
    seenIds.add(entry.id);
    seenRoutes.add(entry.route);
    entries.push(entry);
  });
  entries.sort((a, b) => a.nav.order - b.nav.order);
  return { entries, rejected };
}

export class ManifestError extends Error {
  override name = 'ManifestError';
}

/**
 * The id of the element in which the gateway puts the page's own manifest (JSON), so that the
 * shell need not ask `/mfes.json` before the first route can load.
 */
export const INLINE_MANIFEST_ID = 'carpeta-manifest';

/** Whether a path belongs to an MFE mounted on `route`. */
export function routeMatches(route: string, pathname: string): boolean {
  if (route === '/') return pathname === '/' || pathname === '';
  return pathname === route || pathname.startsWith(`${route}/`);
}
