import { useSyncExternalStore } from 'react';
import { useCarpeta } from './context.tsx';

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  window.addEventListener('single-spa:routing-event', listener);
  return () => {
    window.removeEventListener('popstate', listener);
    window.removeEventListener('single-spa:routing-event', listener);
  };
}

const getPath = () => window.location.pathname;

/**
 * The part of the URL below the MFE's base path, e.g. "/dehu:N-1" for "/notifications/dehu:N-1"
 * when mounted on "/notifications"; "/" at the base itself. Segments are URL-decoded.
 */
export function useSubPath(): string {
  const { basePath } = useCarpeta();
  const pathname = useSyncExternalStore(subscribe, getPath, getPath);
  const rest = basePath === '/' ? pathname : pathname.slice(basePath.length);
  const decoded = rest
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
  return decoded.startsWith('/') ? decoded : `/${decoded}`;
}
