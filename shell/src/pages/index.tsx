import type { Language } from '@carpeta/sdk';
import type { ComponentType } from 'react';
import { AccessibilityStatement } from './AccessibilityStatement.tsx';

export interface ShellPageProps {
  t: (key: string, options?: Record<string, string>) => string;
  language: Language;
  /** A calendar day ("2026-11-23") in the page's language. */
  formatDate: (day: string) => string;
}

export interface ShellPage {
  id: 'accessibility' | 'roadmap' | 'feedback';
  path: string;
  /**
   * Left out for pages the shell links to (in the footer) but a micro-frontend serves: the roadmap
   * and the feedback forms are the feedback MFE's public routes.
   */
  component?: ComponentType<ShellPageProps>;
}

/** The footer's pages; the shell itself serves those with a component, MFEs the others. */
export const SHELL_PAGES: ShellPage[] = [
  { id: 'accessibility', path: '/accessibility', component: AccessibilityStatement },
  { id: 'roadmap', path: '/roadmap' },
  { id: 'feedback', path: '/feedback' },
];

export function findShellPage(pathname: string): ShellPage | undefined {
  const normalised = pathname.replace(/\/+$/, '') || '/';
  return SHELL_PAGES.find((page) => page.component !== undefined && page.path === normalised);
}
