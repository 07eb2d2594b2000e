import {
  type ManifestAudience,
  ManifestError,
  manifestAudienceSchema,
  parseManifest,
  type RejectedEntry,
  type Telemetry,
} from '@carpeta/sdk';
import { z } from 'zod/mini';
import type { ManifestState } from './context.ts';

/**
 * The shell's state of a manifest document as the gateway serves it (`/mfes.json`, or inlined in
 * the page): invalid entries are reported and skipped, never fatal. The browser and the gateway's
 * render of the page (render.tsx) both read it with this, so they show the same navigation.
 */
export function manifestState(body: unknown, telemetry: Pick<Telemetry, 'error'>): ManifestState {
  const { entries, rejected } = parseManifest(body);
  for (const entry of rejected) {
    telemetry.error(new ManifestError(`Manifest entry skipped: ${entry.reason}`), {
      entry: entry.id ?? `#${entry.index}`,
      phase: 'manifest',
    });
  }
  // The gateway serves only the entries it validated and says why it left the others out.
  return {
    status: 'ready',
    entries,
    rejected: [...rejectedByGateway(body), ...rejected],
    audience: audienceOf(body),
  };
}

const gatewayRejectionSchema = z.object({
  index: z.int().check(z.minimum(0)),
  id: z.optional(z.string().check(z.maxLength(40))),
  reason: z.string().check(z.maxLength(2000)),
});

function audienceOf(document: unknown): ManifestAudience | null {
  if (typeof document !== 'object' || document === null || !('audience' in document)) return null;
  const parsed = manifestAudienceSchema.safeParse(document.audience);
  return parsed.success ? parsed.data : null;
}

function rejectedByGateway(document: unknown): RejectedEntry[] {
  if (typeof document !== 'object' || document === null || !('rejected' in document)) return [];
  const list = document.rejected;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown) => {
    const parsed = gatewayRejectionSchema.safeParse(item);
    return parsed.success
      ? [{ index: parsed.data.index, id: parsed.data.id, reason: parsed.data.reason }]
      : [];
  });
}
