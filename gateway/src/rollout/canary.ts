import { createHash } from 'node:crypto';
import type { ManifestEntry } from '@carpeta/sdk';
import type { ConfiguredEntry } from '@carpeta/sdk/rollout';

/*
 * Canary releases: an entry of the manifest may name a second remote (`canary`) for a percentage
 * of citizens. Each citizen is assigned once and for good, by a hash of their subject id and the
 * entry's id: the same person sees the same version on every page, request and replica, and a
 * different entry draws again (a citizen is not the guinea pig of every canary). Rolling back is
 * an edit of the manifest file (percent 0, or the canary removed): the gateway reads it again on
 * change, with no rebuild and no restart.
 */

/** The citizen's position for an entry, from 0 (inclusive) to 100 (exclusive), stable forever. */
export function canaryBucket(subject: string, entryId: string): number {
  const digest = createHash('sha256').update(`${entryId}\u0000${subject}`).digest();
  // 48 bits are plenty to place a citizen with a resolution finer than 0.01 %.
  return (digest.readUIntBE(0, 6) / 2 ** 48) * 100;
}

/** Whether the citizen receives the canary of an entry rolled out to `percent` %. */
export function inCanary(subject: string, entryId: string, percent: number): boolean {
  if (percent <= 0) return false;
  if (percent >= 100) return true;
  return canaryBucket(subject, entryId) < percent;
}

/**
 * The entry as this citizen's manifest holds it: the canary's remote (and its version and
 * integrity) or the stable one, labelled with the variant; the canary's configuration stays in the
 * gateway. Anonymous visitors (no subject) always receive the stable remote.
 */
export function assignVariant(entry: ManifestEntry, subject: string | null): ManifestEntry {
  const { canary, ...rest } = entry as ConfiguredEntry;
  if (!canary) return entry;
  if (subject === null || !inCanary(subject, entry.id, canary.percent)) return { ...rest, variant: 'stable' };
  const { integrity: _stableIntegrity, ...withoutIntegrity } = rest;
  return {
    ...withoutIntegrity,
    remote: canary.remote,
    version: canary.version ?? entry.version,
    ...(canary.integrity ? { integrity: canary.integrity } : {}),
    variant: 'canary',
  };
}
