const madridDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Madrid',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day (YYYY-MM-DD) an instant falls on in Madrid. */
export function madridDate(instant: string | Date): string {
  return madridDay.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** A Madrid calendar day moved by `days` (YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** A calendar day (YYYY-MM-DD, no time) as an instant at noon UTC: safe to format as a date in Madrid. */
export function dayInstant(day: string): string {
  return `${day}T12:00:00Z`;
}
