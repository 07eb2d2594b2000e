import type { AuthMethod, LevelOfAssurance } from '@carpeta/sdk';
import { AUTH_METHODS } from '@carpeta/sdk';

/** eIDAS levels of assurance as the identity provider writes them in `acr`. */
export const EIDAS_ACR: Record<Exclude<LevelOfAssurance, 'low'>, string> = {
  substantial: 'http://eidas.europa.eu/LoA/substantial',
  high: 'http://eidas.europa.eu/LoA/high',
};

export function loaFromAcr(acr: unknown): LevelOfAssurance | null {
  if (acr === EIDAS_ACR.high) return 'high';
  if (acr === EIDAS_ACR.substantial) return 'substantial';
  if (acr === 'http://eidas.europa.eu/LoA/low') return 'low';
  return null;
}

export function methodFromAmr(amr: unknown): AuthMethod | null {
  if (!Array.isArray(amr)) return null;
  for (const value of amr) {
    const method = AUTH_METHODS.find((candidate) => candidate === value);
    if (method) return method;
  }
  return null;
}

const NIF = /^(\d{8}|[XYZ]\d{7})[A-Z]$/;
const CIF = /^[ABCDEFGHJNPQRSUVW]\d{7}[0-9A-J]$/;

/** A Spanish identifier (NIF, NIE or CIF), upper case, or null when it is not one. */
export function normaliseIdentifier(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const upper = value.trim().toUpperCase();
  return NIF.test(upper) || CIF.test(upper) ? upper : null;
}

/**
 * Enough of an identifier to recognise it, not enough to reuse it: the masking the Spanish data
 * protection authority recommends for publishing identifiers (four middle digits visible).
 */
export function maskIdentifier(id: string): string {
  if (id.length !== 9) return '*'.repeat(id.length);
  return `***${id.slice(3, 7)}**`;
}
