// What an administration says about its new micro-frontend, and the checks on it. Everything here is
// pure: the repository's state (folders, manifest, ports) comes in as `Workspace`.
import {
  type Audience,
  audienceSchema,
  LOA_LEVELS,
  type LevelOfAssurance,
  type LocalizedText,
  manifestEntrySchema,
} from '@carpeta/sdk';

export const FRAMEWORKS = ['react', 'vanilla', 'angular'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

export interface MfeAnswers {
  /** Folder under mfes/, manifest id and route stem, e.g. "tributos". */
  name: string;
  /** The owning administration's DIR3 code, e.g. "L01280796". */
  owner: string;
  /** Its name as citizens read it; defaults to the DIR3 code. */
  ownerName: string;
  framework: Framework;
  /** Path the MFE is active on, e.g. "/tributos". */
  route: string;
  /** The page title in Spanish (the navigation and the screen's heading). */
  title: string;
  minLoa: LevelOfAssurance;
  /** Left out: State-wide. */
  audience: Audience | undefined;
}

/** What the repository already holds, read by `readWorkspace`. */
export interface Workspace {
  /** Folder names under mfes/. */
  packages: string[];
  /** Port offsets taken by those packages. */
  portOffsets: number[];
  /** Module Federation container names in use (from the manifest). */
  containers: string[];
  /** Manifest entries already configured (id and route). */
  entries: { id: string; route: string }[];
  /** The highest navigation order in the manifest. */
  maxNavOrder: number;
}

/** A wrong answer, naming the flag it came from. */
export class InvalidAnswer extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(`--${field}: ${message}`);
    this.name = 'InvalidAnswer';
    this.field = field;
  }
}

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/**
 * A DIR3 code: nine capital letters or digits, the first a letter telling the kind of body (E State,
 * A regional, L local, U university, I, J, O...), e.g. E00003901, A13002908, L01280796.
 */
const DIR3 = /^[A-Z][A-Z0-9]{8}$/;
const ROUTE = /^\/[a-z0-9-]+(\/[a-z0-9-]+)*$/;

/** `null` when the name is fine, else why not. */
export function checkName(name: string, workspace: Workspace): string | null {
  if (!NAME.test(name) || name.length < 2 || name.length > 30) {
    return `"${name}" is not a package name: 2 to 30 lower-case letters, digits and single dashes, starting with a letter (e.g. tributos, salud-aragon)`;
  }
  if (workspace.packages.includes(name)) return `mfes/${name} already exists: choose another name`;
  if (workspace.entries.some((entry) => entry.id === name)) {
    return `the manifest already has an entry with id "${name}": choose another name`;
  }
  if (workspace.containers.includes(containerOf(name))) {
    return `the container name ${containerOf(name)} is taken by another MFE: choose another name`;
  }
  return null;
}

export function checkOwner(owner: string): string | null {
  return DIR3.test(owner)
    ? null
    : `"${owner}" is not a DIR3 code: 9 capital letters or digits, the first a letter (E State, A regional, L local, U university...), e.g. L01280796`;
}

/** Routes are path prefixes: a new one may neither equal nor contain nor sit inside another. */
export function checkRoute(route: string, workspace: Workspace): string | null {
  if (!ROUTE.test(route)) {
    return `"${route}" is not a route: a path such as /tributos (lower-case letters, digits, dashes; "/" is the home page)`;
  }
  for (const entry of workspace.entries) {
    if (entry.route === '/') continue;
    if (entry.route === route) return `${route} is already the route of "${entry.id}"`;
    if (route.startsWith(`${entry.route}/`))
      return `${route} is inside ${entry.route}, the route of "${entry.id}"`;
    if (entry.route.startsWith(`${route}/`))
      return `${route} would contain ${entry.route}, the route of "${entry.id}"`;
  }
  return null;
}

const AUDIENCE_KINDS = {
  community: 'communities',
  province: 'provinces',
  municipality: 'municipalities',
} as const;

/**
 * `state` (or nothing): every citizen. Otherwise places by INE code, e.g.
 * `community:13`, `province:28,province:19`, `municipality:28079`.
 */
export function parseAudience(value: string): Audience | undefined {
  const text = value.trim();
  if (text === '' || text === 'state') return undefined;
  const lists = { communities: [] as string[], provinces: [] as string[], municipalities: [] as string[] };
  for (const part of text.split(',')) {
    const [kind, code, extra] = part.trim().split(':');
    const key = AUDIENCE_KINDS[kind as keyof typeof AUDIENCE_KINDS];
    if (!key || !code || extra !== undefined) {
      throw new InvalidAnswer(
        'audience',
        `"${part.trim()}" is not a place: write state, or community:<INE>, province:<INE>, municipality:<INE> separated by commas (e.g. municipality:28079)`,
      );
    }
    lists[key].push(code);
  }
  const parsed = audienceSchema.safeParse(lists);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidAnswer(
      'audience',
      `${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`.trim(),
    );
  }
  // Only the kinds of place named (the gateway reads a missing list as empty).
  return Object.fromEntries(Object.entries(parsed.data).filter(([, codes]) => codes.length > 0)) as Audience;
}

export function containerOf(name: string): string {
  return `carpeta_${name.replace(/-/g, '_')}`;
}

/** `salud-aragon` → `Salud aragon`: a title to start from. */
export function defaultTitle(name: string): string {
  const words = name.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export interface RawAnswers {
  name?: string | undefined;
  owner?: string | undefined;
  ownerName?: string | undefined;
  framework?: string | undefined;
  route?: string | undefined;
  title?: string | undefined;
  minLoa?: string | undefined;
  audience?: string | undefined;
}

/** Checks every answer; the first wrong one throws `InvalidAnswer` naming its flag. */
export function validateAnswers(raw: RawAnswers, workspace: Workspace): MfeAnswers {
  const name = (raw.name ?? '').trim();
  if (!name) throw new InvalidAnswer('name', 'required, e.g. --name tributos');
  const nameProblem = checkName(name, workspace);
  if (nameProblem) throw new InvalidAnswer('name', nameProblem);

  const owner = (raw.owner ?? '').trim();
  if (!owner) throw new InvalidAnswer('owner', 'required: the DIR3 code of the owning body, e.g. L01280796');
  const ownerProblem = checkOwner(owner);
  if (ownerProblem) throw new InvalidAnswer('owner', ownerProblem);
  const ownerName = (raw.ownerName ?? '').trim() || owner;
  if (ownerName.length > 200) throw new InvalidAnswer('owner-name', 'at most 200 characters');

  const framework = (raw.framework ?? 'react').trim();
  if (!(FRAMEWORKS as readonly string[]).includes(framework)) {
    throw new InvalidAnswer('framework', `"${framework}" is not one of: ${FRAMEWORKS.join(', ')}`);
  }

  const route = (raw.route ?? '').trim() || `/${name}`;
  const routeProblem = checkRoute(route, workspace);
  if (routeProblem) throw new InvalidAnswer('route', routeProblem);

  const title = (raw.title ?? '').trim() || defaultTitle(name);
  if (title.length > 200) throw new InvalidAnswer('title', 'at most 200 characters');

  const minLoa = (raw.minLoa ?? 'substantial').trim();
  if (!(LOA_LEVELS as readonly string[]).includes(minLoa)) {
    throw new InvalidAnswer('min-loa', `"${minLoa}" is not one of: ${LOA_LEVELS.join(', ')}`);
  }

  return {
    name,
    owner,
    ownerName,
    framework: framework as Framework,
    route,
    title,
    minLoa: minLoa as LevelOfAssurance,
    audience: parseAudience(raw.audience ?? 'state'),
  };
}

/** The lowest port offset from 201 up that no MFE uses (the 100s are the simulated agencies'). */
export function freePortOffset(workspace: Workspace): number {
  const taken = new Set(workspace.portOffsets);
  let offset = 201;
  while (taken.has(offset)) offset += 1;
  if (offset > 399) throw new Error('no free port offset between 201 and 399');
  return offset;
}

export function mfeVariableStem(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

/** An entry of gateway/config/mfes.json as the scaffolder writes it (the gateway fills the defaults). */
export interface ConfigEntry {
  id: string;
  title: LocalizedText;
  owner: { id: string; name: string };
  kind: 'administration';
  route: string;
  nav: { order: number; show: boolean };
  framework: Framework;
  remote: { name: string; entry: string; expose: string };
  minLoa: LevelOfAssurance;
  scopes: string[];
  version: string;
  audience?: Audience;
}

/** The manifest entry the gateway announces for the new MFE, checked against the sdk's schema. */
export function manifestEntryFor(answers: MfeAnswers, portOffset: number, navOrder: number): ConfigEntry {
  const entry: ConfigEntry = {
    id: answers.name,
    title: { es: answers.title },
    owner: { id: answers.owner, name: answers.ownerName },
    kind: 'administration',
    route: answers.route,
    nav: { order: navOrder, show: true },
    framework: answers.framework,
    remote: {
      name: containerOf(answers.name),
      entry: `\${MFE_${mfeVariableStem(answers.name)}_URL:-http://127.0.0.1:${4000 + portOffset}}/remoteEntry.js`,
      expose: './lifecycles',
    },
    minLoa: answers.minLoa,
    scopes: [],
    version: '0.1.0',
    ...(answers.audience ? { audience: answers.audience } : {}),
  };
  // The entry URL holds a variable the gateway expands: check the rest with a stand-in.
  const checked = manifestEntrySchema.safeParse({
    ...entry,
    remote: { ...entry.remote, entry: 'http://127.0.0.1:1/remoteEntry.js' },
  });
  if (!checked.success) {
    throw new Error(`the manifest entry would be invalid: ${JSON.stringify(checked.error.issues)}`);
  }
  return entry;
}
