import { createContext, useContext, useMemo, useSyncExternalStore } from 'react';
import type { i18n } from 'i18next';
import type { CarpetaProps } from '../props.ts';
import type { Language } from '../languages.ts';
import { createFormatters, type Formatters } from '../format.ts';
import type { Session } from '../domain.ts';

interface CarpetaContextValue {
  props: CarpetaProps;
  translator: i18n;
}

export const CarpetaContext = createContext<CarpetaContextValue | null>(null);

function useCarpetaContext(): CarpetaContextValue {
  const value = useContext(CarpetaContext);
  if (!value) throw new Error('Carpeta hooks must be used inside a component mounted by createLifecycles');
  return value;
}

/** The props the shell gave this MFE. */
export function useCarpeta(): CarpetaProps {
  return useCarpetaContext().props;
}

/** The current portal language; re-renders when the citizen changes it. */
export function useLanguage(): Language {
  const { i18n } = useCarpeta();
  return useSyncExternalStore(i18n.subscribe, i18n.get, i18n.get);
}

/** The session as the shell knows it; re-renders when it changes. */
export function useSession(): Session {
  const { auth } = useCarpeta();
  return useSyncExternalStore(auth.subscribe, auth.get, auth.get);
}

/** This MFE's translate function, bound to the current language. */
export function useTranslation(): { t: i18n['t']; language: Language } {
  const { translator } = useCarpetaContext();
  const language = useLanguage();
  const t = useMemo(() => translator.getFixedT(language), [translator, language]);
  return { t, language };
}

/** Dates, numbers, euros and lists in the citizen's language and the portal's time zone. */
export function useFormatters(): Formatters {
  const language = useLanguage();
  return useMemo(() => createFormatters(language), [language]);
}
