import type { NotificationStatus } from '@carpeta/sdk';
import { useTranslation } from '@carpeta/sdk/react';
import { Tag } from '@carpeta/design-system';

const TONES = { pending: 'warning', accepted: 'success', rejected: 'error', expired: 'neutral' } as const;

export function StatusTag({ status }: { status: NotificationStatus }) {
  const { t } = useTranslation();
  return <Tag tone={TONES[status]}>{t(`status.${status}`)}</Tag>;
}
