import { createContext, useContext, useMemo, useSyncExternalStore } from 'react';
import type { i18n } from 'i18next';
import type { CarpetaProps } from '../props.ts';
import type { Language } from '../languages.ts';
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

/** Date and time formatting in the citizen's language and the portal's time zone. */
export function useFormatters(): { dateTime(iso: string): string; date(iso: string): string } {
  const language = useLanguage();
  return useMemo(() => {
    const locale = language === 'es' ? 'es-ES' : 'en-GB';
    const dateTime = new Intl.DateTimeFormat(locale, {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'Europe/Madrid',
    });
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Madrid' });
    return {
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      date: (iso: string) => date.format(new Date(iso)),
    };
  }, [language]);
}
