import type { FileStatus } from '@carpeta/sdk';
import { useTranslation } from '@carpeta/sdk/react';
import { Tag } from '@carpeta/design-system';

const TONES = {
  started: 'info',
  'in-progress': 'info',
  requirement: 'error',
  resolved: 'success',
  archived: 'neutral',
} as const;

export function StatusTag({ status }: { status: FileStatus }) {
  const { t } = useTranslation();
  return <Tag tone={TONES[status]}>{t(`status.${status}`)}</Tag>;
}

/** "quedan 3 días", "hoy", "venció hace 2 días". */
export function useRelativeDays(): (days: number) => string {
  const { t } = useTranslation();
  return (days) =>
    days === 0
      ? t('relative.today')
      : days > 0
        ? t('relative.future', { count: days })
        : t('relative.past', { count: -days });
}
