const madridDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Madrid',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day (YYYY-MM-DD) an instant falls on in Madrid, the portal's time zone. */
export function madridDate(instant: string | Date): string {
  return madridDay.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** Whole calendar days from today (Madrid) to the day of `instant`: 0 today, negative in the past. */
export function daysFromToday(instant: string, now: Date = new Date()): number {
  const target = Date.parse(`${madridDate(instant)}T00:00:00Z`);
  const today = Date.parse(`${madridDate(now)}T00:00:00Z`);
  return Math.round((target - today) / 86_400_000);
}
