import { useSubPath } from '@carpeta/sdk/react';
import { NotificationDetailView } from './NotificationDetailView.tsx';
import { NotificationList } from './NotificationList.tsx';

export function App() {
  const subPath = useSubPath();
  const id = subPath.replace(/^\/+|\/+$/g, '');
  return <div>{id ? <NotificationDetailView id={id} /> : <NotificationList />}</div>;
}
