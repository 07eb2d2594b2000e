import { injectCarpeta } from '@carpeta/sdk/angular';

/**
 * Links inside the MFE: a real href (open in a new tab, copy the address) and, for a plain click,
 * client-side navigation through the shell. Call it in an injection context.
 */
export function injectLinks() {
  const { basePath, navigate } = injectCarpeta();
  const href = (path: string) => `${basePath === '/' ? '' : basePath}${path === '/' ? '' : path}` || '/';
  return {
    href,
    follow(event: MouseEvent, path: string) {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      navigate(href(path));
    },
  };
}
