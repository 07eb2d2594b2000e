import { addMessages, type Language, type LazyCatalog, type Localized, loadMessages } from '@carpeta/sdk';
import type { i18n } from 'i18next';
import { es } from './messages/es.ts';

export type ShellMessages = Localized<typeof es>;

/**
 * The shell's own words. Each MFE carries its own; none is hard-coded in a component. Spanish is
 * in the entry chunk (the reference and the fallback); each other language is a chunk of its own,
 * loaded before the shell first renders in it or switches to it.
 */
export const messages: LazyCatalog<typeof es> = {
  es,
  ca: () => import('./messages/ca.ts').then((module) => module.ca),
  gl: () => import('./messages/gl.ts').then((module) => module.gl),
  eu: () => import('./messages/eu.ts').then((module) => module.eu),
  va: () => import('./messages/va.ts').then((module) => module.va),
  en: () => import('./messages/en.ts').then((module) => module.en),
};

/** Brings one language's shell messages into the translator (once). */
export async function loadShellMessages(translator: i18n, language: Language): Promise<void> {
  if (translator.hasResourceBundle(language, 'translation')) return;
  addMessages(translator, language, await loadMessages(messages, language));
}
