import { useFormatters } from '@carpeta/sdk/react';
import { useMemo } from 'react';

const madridDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Madrid',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day (YYYY-MM-DD) an instant falls on in Madrid, the portal's time zone. */
export function madridDate(instant: Date): string {
  return madridDay.format(instant);
}

/** Calendar days from today (Madrid) to `day` (YYYY-MM-DD): 0 today, negative in the past. */
export function daysUntil(day: string, now: Date = new Date()): number {
  return Math.round(
    (Date.parse(`${day}T00:00:00Z`) - Date.parse(`${madridDate(now)}T00:00:00Z`)) / 86_400_000,
  );
}

/** "hoy", "mañana", "dentro de 3 días", "hace 2 días" in the citizen's language. */
export function useRelativeDay(): (day: string) => string {
  const { locale } = useFormatters();
  return useMemo(() => {
    const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    return (day: string) => format.format(daysUntil(day), 'day');
  }, [locale]);
}
