import { useSubPath } from '@carpeta/sdk/react';
import { FileDetailView } from './FileDetailView.tsx';
import { FileListView } from './FileListView.tsx';

export function App() {
  const subPath = useSubPath();
  const id = subPath.replace(/^\/+|\/+$/g, '');
  return <div>{id ? <FileDetailView id={id} /> : <FileListView />}</div>;
}
