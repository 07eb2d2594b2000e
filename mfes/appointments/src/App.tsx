import { useSubPath } from '@carpeta/sdk/react';
import { AppointmentListView } from './AppointmentListView.tsx';
import { BookingWizard } from './BookingWizard.tsx';
import { RescheduleView } from './RescheduleView.tsx';

export function App() {
  const subPath = useSubPath().replace(/^\/+|\/+$/g, '');
  const reschedule = /^(.+)\/reschedule$/.exec(subPath);
  return (
    <div>
      {subPath === 'book' ? (
        <BookingWizard mode={{ kind: 'book' }} />
      ) : reschedule?.[1] ? (
        <RescheduleView id={reschedule[1]} />
      ) : (
        <AppointmentListView />
      )}
    </div>
  );
}
