// Powers of attorney (REA) as the portal shows them (the sdk's entry exports them); apart from the
// session's schemas (domain.ts), which every page reads first.
import { z } from 'zod/mini';
import { issuerSchema, sourceStatusSchema } from './domain.ts';

/** A power of attorney the signed-in citizen holds (REA), as the portal shows it. */
export const powerSchema = z.object({
  id: z.string().check(z.regex(/^[A-Za-z0-9._-]{1,100}$/)),
  kind: z.enum(['general', 'organisation', 'procedures']),
  grantor: z.object({ displayName: z.string(), maskedId: z.string(), kind: z.enum(['person', 'company']) }),
  /** The administration the power is limited to (organisation and procedure powers). */
  organisation: z.nullable(issuerSchema),
  procedures: z.array(z.string()),
  validFrom: z.nullable(z.string()),
  validUntil: z.nullable(z.string()),
  status: z.enum(['accepted', 'pending', 'revoked', 'expired', 'renounced']),
  /** Whether the citizen can act for the grantor with it now. */
  usable: z.boolean(),
});
export type Power = z.infer<typeof powerSchema>;

export const powerListSchema = z.object({
  items: z.array(powerSchema),
  source: sourceStatusSchema,
});
export type PowerList = z.infer<typeof powerListSchema>;
