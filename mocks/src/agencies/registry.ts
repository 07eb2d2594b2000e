import type { RequestHandler } from 'msw';
import { aeatHandlers } from './aeat.ts';
import { dehuHandlers } from './dehu.ts';
import { dgpHandlers } from './dgp.ts';
import { dgtHandlers } from './dgt.ts';
import { municipalHandlers } from './municipal.ts';
import { pidHandlers } from './pid.ts';
import { pushServiceHandlers } from './push-service.ts';
import { reaHandlers } from './rea.ts';
import { geiserHandlers } from './registro.ts';
import { regionHandlers } from './region.ts';
import { sermasHandlers } from './sermas.ts';
import { smsHandlers } from './sms.ts';
import { tgssHandlers } from './tgss.ts';

/**
 * The MSW handlers of each simulated administration in `catalogue.ts`, by id. The `agencies`
 * process serves each set over real HTTP on the agency's own port.
 */
export const AGENCY_HANDLERS: Readonly<Record<string, () => RequestHandler[]>> = {
  dehu: () => dehuHandlers(),
  rea: () => reaHandlers(),
  aeat: () => aeatHandlers(),
  tgss: () => tgssHandlers(),
  dgp: () => dgpHandlers(),
  dgt: () => dgtHandlers(),
  region: () => regionHandlers(),
  municipal: () => municipalHandlers(),
  pid: () => pidHandlers(),
  registry: () => geiserHandlers(),
  sermas: () => sermasHandlers(),
  sms: () => smsHandlers(),
  push: () => pushServiceHandlers(),
};
