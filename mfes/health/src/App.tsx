import { useSubPath } from '@carpeta/sdk/react';
import { BookingView } from './BookingView.tsx';
import { HealthHome } from './HealthHome.tsx';

/** The Comunidad de Madrid's health MFE: the card and appointments, and the booking page. */
export function App() {
  const subPath = useSubPath().replace(/^\/+|\/+$/g, '');
  return <div>{subPath === 'book' ? <BookingView /> : <HealthHome />}</div>;
}
