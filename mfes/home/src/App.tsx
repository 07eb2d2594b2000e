import { useSession, useTranslation } from '@carpeta/sdk/react';
import { AttentionSection } from './AttentionSection.tsx';
import { DocumentsSection } from './DocumentsSection.tsx';
import { NotificationsSummary } from './NotificationsSummary.tsx';
import { PinsSection } from './PinsSection.tsx';
import { usePins } from './usePins.ts';

/** The proactive home: what needs the citizen now, from every administration, as each answers. */
export function App() {
  const { t } = useTranslation();
  const actingFor = useSession().citizen?.actingFor;
  const pins = usePins();
  return (
    <>
      <h1>{actingFor ? t('titleFor', { name: actingFor.displayName }) : t('title')}</h1>
      <p className="cp-lead">{t('intro')}</p>
      <AttentionSection pins={pins} />
      <PinsSection pins={pins} />
      <DocumentsSection />
      <NotificationsSummary />
    </>
  );
}
