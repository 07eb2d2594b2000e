import type { PowerStatus } from '@carpeta/sdk/representation';
import type { RegistrySubmissionStatus } from '@carpeta/sdk/registry';

type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'error';

export const POWER_STATUS_TONE: Record<PowerStatus, Tone> = {
  'pending-acceptance': 'warning',
  authorised: 'success',
  revoked: 'neutral',
  renounced: 'neutral',
  expired: 'neutral',
};

export const SUBMISSION_STATUS_TONE: Record<RegistrySubmissionStatus, Tone> = {
  pending: 'warning',
  registered: 'info',
  forwarded: 'info',
  received: 'success',
  rejected: 'error',
};
