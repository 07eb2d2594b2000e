import { z } from 'zod/mini';
import { integritySchema, manifestEntrySchema, remoteSchema, semverSchema } from './manifest.ts';

/*
 * What of a manifest entry only the gateway's configuration holds: a canary. Apart from the
 * manifest's schema, so that the browser (which never receives it) does not carry its schema.
 */

/**
 * A second version of the remote, served to `percent` of citizens: each citizen's manifest holds
 * one remote, chosen for them once and kept (gateway/src/rollout/canary.ts).
 */
export const canarySchema = z.object({
  remote: remoteSchema,
  percent: z.number().check(z.minimum(0), z.maximum(100)),
  /** The canary's version (the entry's own when left out). */
  version: z.optional(semverSchema),
  integrity: z.optional(integritySchema),
});
export type Canary = z.infer<typeof canarySchema>;

/** An entry as the gateway's configuration may write it: `parseManifest(…, { entrySchema })`. */
export const configuredEntrySchema = z.extend(manifestEntrySchema, {
  /** A second remote for part of the citizens. */
  canary: z.optional(canarySchema),
});
export type ConfiguredEntry = z.infer<typeof configuredEntrySchema>;
