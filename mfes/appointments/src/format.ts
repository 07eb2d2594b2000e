import { formatLocale } from '@carpeta/sdk';
import { useLanguage } from '@carpeta/sdk/react';
import { useMemo } from 'react';

/** Day headings and times of slots, in the citizen's language and Madrid time. */
export function useSlotFormat(): { day(iso: string): string; time(iso: string): string } {
  const language = useLanguage();
  return useMemo(() => {
    const locale = formatLocale(language);
    const day = new Intl.DateTimeFormat(locale, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/Madrid',
    });
    const time = new Intl.DateTimeFormat(locale, {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Europe/Madrid',
    });
    return { day: (iso) => day.format(new Date(iso)), time: (iso) => time.format(new Date(iso)) };
  }, [language]);
}

/** Link to the appointment's calendar file (ICS), served by the gateway. */
export function calendarHref(id: string): string {
  return `/api/appointments/${encodeURIComponent(id)}/calendar.ics`;
}
