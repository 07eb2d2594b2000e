import type { Language } from '@carpeta/sdk';
import type { ComponentType } from 'react';
import { AccessibilityStatement } from './AccessibilityStatement.tsx';
import { Feedback } from './Feedback.tsx';
import { Roadmap } from './Roadmap.tsx';

export interface ShellPageProps {
  t: (key: string, options?: Record<string, string>) => string;
  language: Language;
  /** A calendar day ("2026-11-23") in the page's language. */
  formatDate: (day: string) => string;
}

export interface ShellPage {
  id: 'accessibility' | 'roadmap' | 'feedback';
  path: string;
  component: ComponentType<ShellPageProps>;
}

/** Pages the shell itself serves; everything else comes from micro-frontends. */
export const SHELL_PAGES: ShellPage[] = [
  { id: 'accessibility', path: '/accessibility', component: AccessibilityStatement },
  { id: 'roadmap', path: '/roadmap', component: Roadmap },
  { id: 'feedback', path: '/feedback', component: Feedback },
];

export function findShellPage(pathname: string): ShellPage | undefined {
  const normalised = pathname.replace(/\/+$/, '') || '/';
  return SHELL_PAGES.find((page) => page.path === normalised);
}
