import type { LevelId, MethodId } from './messages.ts';

/** eIDAS levels of assurance as `acr` values. */
export const ACR = {
  substantial: 'http://eidas.europa.eu/LoA/substantial',
  high: 'http://eidas.europa.eu/LoA/high',
} as const satisfies Record<LevelId, string>;

const LOW_ACR = 'http://eidas.europa.eu/LoA/low';
const RANK: Record<string, number> = { [LOW_ACR]: 1, [ACR.substantial]: 2, [ACR.high]: 3 };

export interface Method {
  /** Also the `amr` value. */
  id: MethodId;
  level: LevelId;
}

/** The sign-in methods of Cl@ve, in the order they are offered, with the level each one reaches. */
export const METHODS: readonly Method[] = [
  { id: 'clave-movil', level: 'substantial' },
  { id: 'clave-pin', level: 'substantial' },
  { id: 'clave-permanente', level: 'substantial' },
  { id: 'certificate', level: 'high' },
  { id: 'dnie', level: 'high' },
];

export function findMethod(id: unknown): Method | undefined {
  return METHODS.find((method) => method.id === id);
}

/**
 * The lowest level the request accepts, from `acr_values` (space-separated, in order of preference):
 * a higher level always satisfies a lower one. Unknown values are ignored; undefined = no constraint.
 */
export function requiredRank(acrValues: unknown): number | undefined {
  if (typeof acrValues !== 'string') return undefined;
  const ranks = acrValues
    .split(/\s+/)
    .map((value) => RANK[value])
    .filter((rank): rank is number => rank !== undefined);
  return ranks.length === 0 ? undefined : Math.min(...ranks);
}

/** The methods a request may use: all of them, or those reaching the level `acr_values` asks for. */
export function methodsFor(acrValues: unknown): readonly Method[] {
  const rank = requiredRank(acrValues);
  return rank === undefined ? METHODS : METHODS.filter((method) => (RANK[ACR[method.level]] ?? 0) >= rank);
}

/** True when a session authenticated at `acr` satisfies the request's `acr_values`. */
export function satisfies(acr: unknown, acrValues: unknown): boolean {
  const rank = requiredRank(acrValues);
  if (rank === undefined) return true;
  return typeof acr === 'string' && (RANK[acr] ?? 0) >= rank;
}
