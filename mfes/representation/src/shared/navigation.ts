import { computed, InjectionToken, inject, type Signal } from '@angular/core';
import { injectCarpeta, injectSubPath } from '@carpeta/sdk/angular';

/**
 * Where a section of the MFE lives below the MFE's base path: "" when it is the whole MFE (the
 * registry mounted on its own route), "/registry" when it is a section of the representation MFE.
 */
export const SECTION_PREFIX = new InjectionToken<string>('SectionPrefix', { factory: () => '' });

/** The part of the address below the section, e.g. "/new" for "/representation/registry/new". */
export function injectSectionPath(): Signal<string> {
  const prefix = inject(SECTION_PREFIX);
  const path = injectSubPath();
  return computed(() => {
    const rest = path().replace(/\/+$/, '') || '/';
    if (prefix === '') return rest;
    return rest === prefix ? '/' : rest.startsWith(`${prefix}/`) ? rest.slice(prefix.length) : rest;
  });
}

/**
 * Links inside the MFE (or its section): a real href (open in a new tab, copy the address) and, for
 * a plain click, client-side navigation through the shell. Call it in an injection context.
 */
export function injectLinks() {
  const { basePath, navigate } = injectCarpeta();
  const prefix = inject(SECTION_PREFIX);
  const href = (path: string) =>
    `${basePath === '/' ? '' : basePath}${prefix}${path === '/' ? '' : path}` || '/';
  return {
    href,
    follow(event: MouseEvent, path: string) {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      navigate(href(path));
    },
  };
}
