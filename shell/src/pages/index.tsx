import type { Language } from '@carpeta/sdk';
import type { ComponentType } from 'react';
import { AccessibilityStatement } from './AccessibilityStatement.tsx';
import { Feedback } from './Feedback.tsx';
import { Roadmap } from './Roadmap.tsx';

export interface ShellPageProps {
  t: (key: string) => string;
  language: Language;
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
